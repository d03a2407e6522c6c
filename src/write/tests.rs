//! Tests of [`super`]: every scenario checks what is on disk afterwards.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use std::collections::BTreeMap;
use std::time::{Duration, SystemTime};

fn output(files: &[(&str, &str)]) -> Output {
    files
        .iter()
        .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
        .collect()
}

/// Every file below `dir` (dotfiles included) with its bytes, keyed by relative path.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, rel: &str, into: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = format!("{rel}{}", entry.file_name().to_str().unwrap());
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), &format!("{name}/"), into);
            } else {
                into.insert(name, fs::read(entry.path()).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, "", &mut files);
    files
}

fn marker(dir: &Path) -> String {
    fs::read_to_string(dir.join(MARKER)).unwrap()
}

#[test]
fn writes_into_a_new_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("public");
    let out = output(&[("index.html", "home"), ("cities/lyon/index.html", "lyon")]);
    let stats = write_output(&out, &dir).unwrap();
    assert_eq!(
        (
            stats.written,
            stats.unchanged,
            stats.removed,
            stats.bytes_written
        ),
        (2, 0, 0, 8)
    );
    let files = snapshot(&dir);
    assert_eq!(files["index.html"], b"home");
    assert_eq!(files["cities/lyon/index.html"], b"lyon");
    assert_eq!(
        files.len(),
        3,
        "two files and the marker, no temporary files: {files:?}"
    );
    assert_eq!(
        marker(&dir),
        format!("{HEADER}\ncities/lyon/index.html\nindex.html\n")
    );
    check_target(&dir).unwrap();
}

#[test]
fn refuses_a_folder_it_did_not_make_and_leaves_it_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    for (name, is_dir) in [(".bashrc", false), (".ssh", true), ("empty", true)] {
        let path = dir.join(name);
        if is_dir {
            fs::create_dir(&path).unwrap();
        } else {
            fs::write(&path, "mine").unwrap();
        }
        let before = snapshot(dir);
        let err = write_output(&output(&[("index.html", "home")]), dir).unwrap_err();
        let WriteError::NotEmpty { found, .. } = &err else {
            panic!("{err}")
        };
        assert_eq!(found, std::slice::from_ref(&path));
        assert!(err.to_string().contains("delete this one first"), "{err}");
        assert!(check_target(dir).is_err());
        assert_eq!(snapshot(dir), before);
        assert!(dir.join(name).exists());
        let _ = fs::remove_file(&path).or_else(|_| fs::remove_dir(&path));
    }
}

#[test]
fn refuses_a_folder_of_its_own_with_foreign_files_and_leaves_it_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_output(&output(&[("index.html", "home")]), dir).unwrap();
    fs::write(dir.join("notes.txt"), "mine").unwrap();
    fs::write(dir.join("readme.txt"), "mine").unwrap();
    fs::create_dir(dir.join("photos")).unwrap();
    fs::write(dir.join("photos/cat.jpg"), "meow").unwrap();
    fs::write(dir.join("index.html"), "my own page").unwrap();
    let before = snapshot(dir);
    let err = write_output(&output(&[("index.html", "home")]), dir).unwrap_err();
    let WriteError::NotOurs { foreign, .. } = &err else {
        panic!("{err}")
    };
    // The walk stops at the first level with foreign files: those nearest the top are named.
    let expected = ["notes.txt", "readme.txt"].map(|f| dir.join(f));
    assert_eq!(foreign, &expected);
    let message = err.to_string();
    assert!(
        message.contains("notes.txt") && message.contains("never deletes"),
        "{message}"
    );
    assert!(check_target(dir).is_err());
    assert_eq!(snapshot(dir), before);
}

#[test]
fn accepts_a_folder_with_only_placeholders_and_keeps_dotfiles() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    fs::write(dir.join(".gitignore"), "*\n").unwrap();
    fs::write(dir.join(".gitkeep"), "").unwrap();
    check_target(dir).unwrap();
    write_output(&output(&[("a.html", "a")]), dir).unwrap();
    // In a folder of its own, dotfiles are never inspected, replaced or removed.
    fs::remove_file(dir.join(".gitkeep")).unwrap();
    fs::create_dir(dir.join(".git")).unwrap();
    fs::write(dir.join(".git/HEAD"), "ref").unwrap();
    check_target(dir).unwrap();
    write_output(&output(&[("b.html", "b")]), dir).unwrap();
    let files = snapshot(dir);
    assert_eq!(files[".gitignore"], b"*\n");
    assert_eq!(files[".git/HEAD"], b"ref");
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        [".git/HEAD", ".gitignore", MARKER, "b.html"]
    );
}

#[test]
fn identical_output_writes_nothing_and_keeps_mtimes() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = output(&[("index.html", "home"), ("a/b/c.html", "c")]);
    write_output(&out, dir).unwrap();
    let past = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    for file in ["index.html", "a/b/c.html", MARKER] {
        fs::File::options()
            .write(true)
            .open(dir.join(file))
            .unwrap()
            .set_modified(past)
            .unwrap();
    }
    let stats = write_output(&out, dir).unwrap();
    assert_eq!(
        stats,
        WriteStats {
            written: 0,
            unchanged: 2,
            removed: 0,
            bytes_written: 0
        }
    );
    for file in ["index.html", "a/b/c.html", MARKER] {
        assert_eq!(
            fs::metadata(dir.join(file)).unwrap().modified().unwrap(),
            past,
            "{file}"
        );
    }
    // Same size, other bytes: rewritten.
    let stats = write_output(&output(&[("index.html", "HOME"), ("a/b/c.html", "c")]), dir).unwrap();
    assert_eq!((stats.written, stats.unchanged), (1, 1));
    assert_eq!(fs::read(dir.join("index.html")).unwrap(), b"HOME");
}

#[test]
fn removes_dropped_files_and_refuses_files_added_later() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_output(&output(&[("a.html", "a"), ("old.html", "old")]), dir).unwrap();
    let stats = write_output(&output(&[("a.html", "a")]), dir).unwrap();
    assert_eq!((stats.written, stats.unchanged, stats.removed), (0, 1, 1));
    assert!(!dir.join("old.html").exists());
    assert_eq!(marker(dir), format!("{HEADER}\na.html\n"));
    fs::write(dir.join("draft.html"), "user's").unwrap();
    let before = snapshot(dir);
    assert!(matches!(check_target(dir), Err(WriteError::NotOurs { .. })));
    let err = write_output(&output(&[("b.html", "b")]), dir).unwrap_err();
    assert!(
        matches!(&err, WriteError::NotOurs { foreign, .. } if foreign == &[dir.join("draft.html")])
    );
    assert_eq!(snapshot(dir), before);
}

#[test]
fn creates_nested_folders_and_removes_emptied_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_output(
        &output(&[("x/y/z/index.html", "z"), ("x/keep.html", "k")]),
        dir,
    )
    .unwrap();
    fs::write(dir.join("x/.DS_Store"), "").unwrap();
    let stats = write_output(&output(&[("x/other.html", "o")]), dir).unwrap();
    assert_eq!((stats.written, stats.removed), (1, 2));
    assert!(!dir.join("x/y").exists(), "emptied folders are removed");
    assert!(
        dir.join("x/.DS_Store").exists(),
        "x is kept: it holds a file we did not write"
    );
    assert_eq!(fs::read(dir.join("x/other.html")).unwrap(), b"o");
}

#[test]
fn a_file_can_become_a_folder_and_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_output(&output(&[("a", "file"), ("b/c/d", "deep")]), dir).unwrap();
    write_output(&output(&[("a/index.html", "folder"), ("b", "file")]), dir).unwrap();
    assert_eq!(fs::read(dir.join("a/index.html")).unwrap(), b"folder");
    assert_eq!(fs::read(dir.join("b")).unwrap(), b"file");
    write_output(&output(&[("a", "file again")]), dir).unwrap();
    assert_eq!(fs::read(dir.join("a")).unwrap(), b"file again");
    assert_eq!(snapshot(dir).len(), 2);
}

#[test]
fn rejects_unsafe_keys_without_writing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("public");
    let bad = [
        "../evil.html",
        "a/../../evil",
        "/etc/passwd",
        "a\\b",
        "",
        "a//b",
        "./a",
        "a/",
        "a\nb",
        MARKER,
        ".a.twinsite-tmp",
    ];
    for key in bad {
        let err = write_output(&output(&[("ok.html", "ok"), (key, "x")]), &dir).unwrap_err();
        let WriteError::Io { source, .. } = &err else {
            panic!("{key:?}: {err}")
        };
        assert_eq!(source.kind(), io::ErrorKind::InvalidInput, "{key:?}");
    }
    let err = write_output(&output(&[("a", "file"), ("a/b", "and folder")]), &dir).unwrap_err();
    assert!(matches!(err, WriteError::Io { .. }));
    assert!(!dir.exists());
    assert!(!tmp.path().join("evil.html").exists());
    assert!(write_output(&output(&[("a", "a")]), Path::new("")).is_err());
    assert!(check_target(Path::new("")).is_err());
}

#[test]
fn ignores_marker_entries_outside_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("public");
    fs::create_dir(&dir).unwrap();
    fs::write(tmp.path().join("precious"), "keep").unwrap();
    fs::write(
        dir.join(MARKER),
        format!("{HEADER}\n../precious\n/etc/hosts\n"),
    )
    .unwrap();
    write_output(&output(&[("a.html", "a")]), &dir).unwrap();
    assert_eq!(fs::read(tmp.path().join("precious")).unwrap(), b"keep");
}

#[test]
fn files_of_an_interrupted_write_are_still_ours() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_output(&output(&[("a.html", "a")]), dir).unwrap();
    // What a crash in step 4 leaves: the union marker, a new file and a temporary file.
    fs::write(
        dir.join(MARKER),
        format!("{HEADER}\na.html\nb.html\nc.html\n"),
    )
    .unwrap();
    fs::write(dir.join("b.html"), "b").unwrap();
    fs::write(dir.join(".c.html.twinsite-tmp"), "half").unwrap();
    fs::write(dir.join(".a.html.twinsite-old"), "backup").unwrap();
    fs::write(dir.join(".x.twinsite-tmp"), "not a temporary file of ours").unwrap();
    check_target(dir).unwrap();
    let stats = write_output(&output(&[("a.html", "a")]), dir).unwrap();
    assert_eq!(stats.removed, 1);
    let files = snapshot(dir);
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(names, [".twinsite-build", ".x.twinsite-tmp", "a.html"]);
    assert_eq!(marker(dir), format!("{HEADER}\na.html\n"));
}

#[test]
fn a_dotfile_in_the_way_is_not_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    write_output(&output(&[("index.html", "home")]), dir).unwrap();
    fs::write(dir.join(".nojekyll"), "user's").unwrap();
    let err = write_output(&output(&[(".nojekyll", "")]), dir).unwrap_err();
    assert!(matches!(err, WriteError::NotOurs { .. }), "{err}");
    assert_eq!(fs::read(dir.join(".nojekyll")).unwrap(), b"user's");
    // The same bytes are adopted, and removed once no longer part of the output.
    write_output(&output(&[(".nojekyll", "user's")]), dir).unwrap();
    assert_eq!(
        write_output(&output(&[("a", "a")]), dir).unwrap().removed,
        1
    );
}

#[cfg(unix)]
#[test]
fn writes_through_a_symlinked_folder_but_not_below_a_dot_symlink() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("real");
    fs::create_dir(&real).unwrap();
    let link = tmp.path().join("public");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    write_output(&output(&[("index.html", "home")]), &link).unwrap();
    assert_eq!(fs::read(real.join("index.html")).unwrap(), b"home");
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, real.join(".well-known")).unwrap();
    let out = output(&[("index.html", "home"), (".well-known/security.txt", "x")]);
    assert!(matches!(
        write_output(&out, &link),
        Err(WriteError::NotOurs { .. })
    ));
    assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
}

#[test]
fn refuses_a_file_as_output_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("site.yaml");
    fs::write(&file, "title: x").unwrap();
    assert!(matches!(check_target(&file), Err(WriteError::Io { .. })));
    assert!(write_output(&output(&[("a", "a")]), &file).is_err());
    assert_eq!(fs::read(&file).unwrap(), b"title: x");
}

/// Hands `pages` to a stager of `dir`, as the renderer does.
fn staged(dir: &Path, pages: &[(&str, &str)]) -> stage::Stager {
    use crate::output::PageSink;
    let stager = stage::Stager::new(dir).unwrap();
    for (key, bytes) in pages {
        stager.put((*key).to_owned(), bytes.as_bytes().to_vec());
    }
    stager
}

#[test]
fn staged_pages_end_up_as_write_output_would_write_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("public");
    let first = output(&[
        ("index.html", "old"),
        ("a/index.html", "same"),
        ("gone.html", "x"),
    ]);
    write_output(&first, &dir).unwrap();
    let old_time = SystemTime::now() - Duration::from_secs(3600);
    let same = fs::File::options()
        .write(true)
        .open(dir.join("a/index.html"))
        .unwrap();
    same.set_modified(old_time).unwrap();
    let pages = [
        ("index.html", "new"),
        ("a/index.html", "same"),
        ("b/c/index.html", "page"),
        ("d/index.html", "replaced"),
    ];
    let stager = staged(&dir, &pages);
    let rest = output(&[("feed.xml", "f"), ("d/index.html", "static")]);
    let (stats, files, bytes) = stager.finish(rest).unwrap();
    let expected = output(&[
        ("index.html", "new"),
        ("a/index.html", "same"),
        ("b/c/index.html", "page"),
        ("d/index.html", "static"),
        ("feed.xml", "f"),
    ]);
    let mut want: BTreeMap<String, Vec<u8>> = expected
        .iter()
        .map(|(k, v)| (k.to_owned(), v.to_vec()))
        .collect();
    want.insert(MARKER.to_owned(), marker(&dir).into_bytes());
    assert_eq!(
        snapshot(&dir),
        want,
        "no temporary file, the stale one gone"
    );
    assert_eq!(
        marker(&dir).lines().skip(1).collect::<Vec<_>>(),
        [
            "a/index.html",
            "b/c/index.html",
            "d/index.html",
            "feed.xml",
            "index.html"
        ]
    );
    assert_eq!((files, bytes), (expected.len(), expected.total_bytes()));
    assert_eq!(
        (stats.written, stats.unchanged, stats.removed),
        (4, 1, 1),
        "{stats:?}"
    );
    let kept = fs::metadata(dir.join("a/index.html"))
        .unwrap()
        .modified()
        .unwrap();
    assert_eq!(kept, old_time, "an unchanged page is not rewritten");
}

#[test]
fn a_build_that_stops_after_staging_leaves_the_folder_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("public");
    write_output(
        &output(&[("index.html", "old"), ("a/index.html", "a")]),
        &dir,
    )
    .unwrap();
    fs::write(dir.join(".gitignore"), "*").unwrap();
    let before = snapshot(&dir);
    let stager = staged(
        &dir,
        &[
            ("index.html", "new"),
            ("x/y/index.html", "new folder"),
            ("a/index.html", "a"),
        ],
    );
    assert!(
        dir.join(".index.html.twinsite-tmp").is_file(),
        "a changed page waits beside its file"
    );
    drop(stager);
    assert_eq!(snapshot(&dir), before);
    assert!(!dir.join("x").exists(), "the folders it made are gone too");
    let fresh = tmp.path().join("new");
    drop(staged(&fresh, &[("p/index.html", "page")]));
    assert!(
        !fresh.exists(),
        "an output folder it created is removed again"
    );
}

#[test]
fn a_page_where_a_foreign_file_appeared_is_refused_at_the_end() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("public");
    write_output(&output(&[("index.html", "old")]), &dir).unwrap();
    let stager = staged(&dir, &[("index.html", "new")]);
    fs::write(dir.join("notes.html"), "mine").unwrap();
    use crate::output::PageSink;
    stager.put("notes.html".to_owned(), b"page".to_vec());
    assert!(matches!(
        stager.finish(Output::new()),
        Err(WriteError::NotOurs { .. })
    ));
    assert_eq!(fs::read(dir.join("notes.html")).unwrap(), b"mine");
    assert_eq!(fs::read(dir.join("index.html")).unwrap(), b"old");
    assert!(!dir.join(".index.html.twinsite-tmp").exists());
}

#[test]
fn two_files_with_one_path_fail_the_build_whichever_came_first() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("public");
    write_output(&output(&[("map/index.html", "map")]), &dir).unwrap();
    let before = snapshot(&dir);
    let stager = staged(
        &dir,
        &[("map/index.html", "alias"), ("map/index.html", "map 2")],
    );
    let err = stager.finish(Output::new()).unwrap_err().to_string();
    assert!(err.contains("two files with this path"), "{err}");
    assert!(err.contains("map/index.html"), "{err}");
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn a_new_output_folder_gets_the_staged_pages_and_the_marker() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("site/public");
    let stager = staged(&dir, &[("index.html", "home"), ("a/b/index.html", "page")]);
    let (stats, files, _) = stager.finish(output(&[("feed.xml", "f")])).unwrap();
    assert_eq!((stats.written, stats.unchanged, files), (3, 0, 3));
    let found: Vec<String> = snapshot(&dir).into_keys().collect();
    assert_eq!(found, [MARKER, "a/b/index.html", "feed.xml", "index.html"]);
    assert_eq!(
        marker(&dir).lines().skip(1).collect::<Vec<_>>(),
        ["a/b/index.html", "feed.xml", "index.html"]
    );
}
