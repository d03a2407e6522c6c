//! A failed build leaves the previous output byte for byte as it was, whichever stage fails:
//! content checks, staging a rendered page, staging a feed, replacing a file, removing a file
//! of the last build. Every failure here is a real situation in the file system (one that also
//! stops root, who ignores file permissions), made before the build runs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn twinsite(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .args(args)
        .output()
        .unwrap()
}

fn build(root: &Path) -> std::process::Output {
    twinsite(&["build", "--root", root.to_str().unwrap(), "--now", NOW])
}

/// Every folder (`name/`, empty bytes) and file below `dir`, dotfiles included, with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, rel: &str, into: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = format!("{rel}{}", entry.file_name().to_str().unwrap());
            if entry.file_type().unwrap().is_dir() {
                into.insert(format!("{name}/"), Vec::new());
                walk(&entry.path(), &format!("{name}/"), into);
            } else {
                into.insert(name, std::fs::read(entry.path()).unwrap());
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(dir, "", &mut files);
    files
}

/// A built copy of the mini site whose content has then changed so that the next build
/// replaces pages and feeds, adds a page in a new folder and removes the pages of an event.
fn site_with_changes() -> (tempfile::TempDir, PathBuf) {
    let (t, root) = temp_site("mini");
    let o = build(&root);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    std::fs::write(
        root.join("content/news/bericht.md"),
        "---\ntitle: Bericht NEU\ndate: 2026-10-01\n---\nNeu.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/events/neu.md"),
        "---\ntitle: Neu\ndate: 2026-12-12\n---\nNeu.\n",
    )
    .unwrap();
    std::fs::remove_file(root.join("content/events/stammtisch.md")).unwrap();
    assert!(root.join("public/events/stammtisch/index.html").is_file());
    (t, root)
}

/// Plants a folder named `rel` (holding one file) in the output, runs a build that must fail
/// with `expected` on stderr, and checks that the output is exactly as before; then removes
/// the folder and checks that the build goes through without leaving anything of its own.
fn fails_and_keeps_everything(rel: &str, expected: &str) {
    let (_t, root) = site_with_changes();
    let out = root.join("public");
    let obstacle = out.join(rel);
    std::fs::create_dir_all(&obstacle).unwrap();
    std::fs::write(obstacle.join("keep"), "not twinsite's").unwrap();
    let before = tree(&out);
    let o = build(&root);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{rel}: {err}");
    assert!(err.contains(expected), "{rel}: {err}");
    assert_eq!(
        tree(&out),
        before,
        "{rel}: the failed build changed the output, or left files or folders behind"
    );
    std::fs::remove_dir_all(&obstacle).unwrap();
    let o = build(&root);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(read(&out, "news/bericht/index.html").contains("Bericht NEU"));
    assert!(out.join("events/neu/index.html").is_file());
    assert!(!out.join("events/stammtisch").exists());
    let leftovers: Vec<String> = tree(&out)
        .into_keys()
        .filter(|f| f.contains(".twinsite-tmp") || f.contains(".twinsite-old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn staging_a_rendered_page_fails() {
    fails_and_keeps_everything(
        "news/bericht/.index.html.twinsite-tmp",
        "news/bericht/index.html",
    );
}

#[test]
fn staging_a_page_in_a_new_folder_fails() {
    fails_and_keeps_everything(
        "events/neu/.index.html.twinsite-tmp",
        "events/neu/index.html",
    );
}

#[test]
fn staging_a_feed_fails() {
    fails_and_keeps_everything(".atom.xml.twinsite-tmp", "atom.xml");
}

#[test]
fn replacing_a_file_fails_after_others_were_replaced() {
    fails_and_keeps_everything(".atom.xml.twinsite-old", "atom.xml");
}

#[test]
fn replacing_a_page_fails_after_others_were_replaced() {
    fails_and_keeps_everything(
        "news/bericht/.index.html.twinsite-old",
        "news/bericht/index.html",
    );
}

#[test]
fn removing_a_file_of_the_last_build_fails_after_everything_was_replaced() {
    fails_and_keeps_everything(
        "events/stammtisch/.index.html.twinsite-old",
        "events/stammtisch/index.html",
    );
}

#[test]
fn a_file_where_the_build_needs_a_folder_is_refused_before_writing() {
    let (_t, root) = site_with_changes();
    let out = root.join("public");
    std::fs::remove_dir_all(out.join("data")).unwrap();
    std::fs::write(out.join("data"), "my notes, not a folder").unwrap();
    let before = tree(&out);
    let o = build(&root);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("did not write") && err.contains("data"),
        "{err}"
    );
    assert_eq!(tree(&out), before);
}

/// The column of `alias` in the line `aliases: [...]` of the test below.
fn text_col(alias: &str) -> usize {
    let line = "aliases: [/cities/lyon/calendar.ics, /calendar/2026/12/, /topics/jugend/]";
    line.find(alias).unwrap() + 1
}

/// Aliases `build` cannot write are found by `check` too, with their line, all at once, and
/// the build that refuses them leaves the output as it was.
#[test]
fn unsafe_aliases_are_found_by_check_and_refused_by_build() {
    let (_t, root) = temp_site("mini");
    assert_eq!(build(&root).status.code(), Some(0));
    let out = root.join("public");
    let before = tree(&out);
    let long = format!("/{}", "a".repeat(5000));
    let aliases = [
        "/a\\\\b",
        "/x\\r\\ny",
        "/a\\0b",
        long.as_str(),
        "/.twinsite-build",
        "/.x.twinsite-tmp",
        "/.htaccess",
        "/.ssh/authorized_keys",
        "/alt/.git/config",
        "/a/../b",
        "/data/events.json",
        "/atom.xml",
        "/style.css",
        "/atom.xml/alt/",
    ];
    // Addresses that depend on the content are checked once the file itself is fine.
    let lyon = root.join("content/cities/lyon.md");
    let taken = [
        "/cities/lyon/calendar.ics",
        "/calendar/2026/12/",
        "/topics/jugend/",
    ];
    let text = std::fs::read_to_string(&lyon).unwrap().replace(
        "aliases: [/alt/lyon.html]",
        &format!("aliases: [{}]", taken.join(", ")),
    );
    std::fs::write(&lyon, text).unwrap();
    let mut text = String::from("---\ntitle: Bericht\ndate: 2026-10-01\naliases:\n");
    for a in &aliases {
        text.push_str(&format!("  - \"{a}\"\n"));
    }
    text.push_str("---\nText\n");
    std::fs::write(root.join("content/news/bericht.md"), &text).unwrap();
    let r = root.to_str().unwrap();
    let check = twinsite(&["check", "--root", r, "--now", NOW]);
    let built = build(&root);
    for (o, what) in [(&check, "check"), (&built, "build")] {
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{what}: {err}");
        let lines: Vec<&str> = err
            .lines()
            .filter(|l| l.starts_with("content/news/bericht.md:") && l.contains("alias"))
            .collect();
        assert_eq!(lines.len(), aliases.len(), "{what}: {err}");
        for a in taken {
            let needle = format!("error: the alias {a} is the address of");
            let needle = format!("content/cities/lyon.md:10:{}: {needle}", text_col(a));
            assert!(err.contains(&needle), "{what}: no {needle} in {err}");
        }
        // Each names its own line: the list starts on line 5.
        for (i, line) in lines.iter().enumerate() {
            let prefix = format!("content/news/bericht.md:{}:", i + 5);
            assert!(
                line.starts_with(&prefix),
                "{what}: {line} is not at {prefix}"
            );
        }
    }
    assert_eq!(tree(&out), before);
}
