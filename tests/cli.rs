//! The real binary: exit codes, messages on stderr, and the promise that nothing is lost.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::process::Command;

use common::*;

fn twinsite(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn build_succeeds_with_exit_0() {
    let (_t, root) = temp_site("mini");
    let r = root.to_str().unwrap();
    let o = twinsite(&["build", "--root", r, "--now", NOW]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(root.join("public/index.html").is_file());
    assert!(String::from_utf8_lossy(&o.stdout).contains("Built"));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        twinsite(&["build", "--now", "2026-02-30"]).status.code(),
        Some(2)
    );
    assert_eq!(twinsite(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn content_errors_exit_1_and_keep_the_previous_output() {
    let (_t, root) = temp_site("mini");
    let r = root.to_str().unwrap();
    assert_eq!(
        twinsite(&["build", "--root", r, "--now", NOW])
            .status
            .code(),
        Some(0)
    );
    let before = std::fs::read(root.join("public/cities/lyon/index.html")).unwrap();
    std::fs::write(
        root.join("content/cities/lyon.md"),
        "---\ntitle: Lyon NEU\ncountry: F\nsince: 1963\nlat: 99\nlon: 4\n---\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/events/brunch.md"),
        "---\ntitle: Brunch\ndate: 2026-12-05\ncities: [lyonn]\n---\n",
    )
    .unwrap();
    let o = twinsite(&["build", "--root", r, "--now", NOW]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("content/cities/lyon.md:5:6: error: `lat` is 99"),
        "{err}"
    );
    assert!(
        err.contains("content/events/brunch.md:4:10: error: unknown city \"lyonn\" in cities"),
        "{err}"
    );
    assert!(err.contains("did you mean \"lyon\"?"), "{err}");
    assert_eq!(
        std::fs::read(root.join("public/cities/lyon/index.html")).unwrap(),
        before,
        "previous output damaged"
    );
}

/// Every folder (with a trailing `/`) and file below `dir`, dotfiles included, with its bytes.
fn tree(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = Vec::new();
    for rel in files(dir) {
        let bytes = std::fs::read(dir.join(&rel)).unwrap();
        let mut folder = rel.as_str();
        while let Some((parent, _)) = folder.rsplit_once('/') {
            v.push((format!("{parent}/"), Vec::new()));
            folder = parent;
        }
        v.push((rel, bytes));
    }
    v.sort();
    v.dedup();
    v
}

#[test]
fn a_template_error_found_after_other_pages_were_rendered_keeps_the_previous_output() {
    let (_t, root) = temp_site("mini");
    let r = root.to_str().unwrap();
    let build = || twinsite(&["build", "--root", r, "--now", NOW]);
    assert_eq!(build().status.code(), Some(0));
    let before = tree(&root.join("public"));
    // Event pages render (one changed, one new in a new folder) while every city page fails.
    let brunch = std::fs::read_to_string(root.join("content/events/brunch.md")).unwrap();
    std::fs::write(
        root.join("content/events/brunch.md"),
        brunch.replace("title: Partnerschaftsbrunch", "title: Brunch NEU"),
    )
    .unwrap();
    std::fs::write(
        root.join("content/events/neu.md"),
        "---\ntitle: Neu\ndate: 2026-12-12\n---\nNeu.\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(root.join("templates/city.html"), "{{ nicht_da.x }}").unwrap();
    let o = build();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("templates/city.html"), "{err}");
    assert_eq!(
        tree(&root.join("public")),
        before,
        "the failed build left files or folders behind, or changed some"
    );
    // Fixed, the same changes go through.
    std::fs::remove_file(root.join("templates/city.html")).unwrap();
    assert_eq!(build().status.code(), Some(0));
    assert!(read(&root.join("public"), "events/brunch/index.html").contains("Brunch NEU"));
    assert!(root.join("public/events/neu/index.html").is_file());
    let leftovers: Vec<String> = files(&root.join("public"))
        .into_iter()
        .filter(|f| f.contains("twinsite-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn refuses_an_output_folder_it_did_not_create() {
    let (t, root) = temp_site("mini");
    let foreign = t.path().join("home");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(foreign.join("thesis.txt"), "my only copy").unwrap();
    let o = twinsite(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        foreign.to_str().unwrap(),
        "--now",
        NOW,
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(foreign.join("thesis.txt")).unwrap(),
        "my only copy"
    );
    assert!(!foreign.join("index.html").exists());
    assert!(String::from_utf8_lossy(&o.stderr).contains("thesis.txt"));
}

#[test]
fn accepts_a_folder_with_only_a_gitignore_and_keeps_it() {
    let (t, root) = temp_site("mini");
    let out = t.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join(".gitignore"), "*\n").unwrap();
    let o = twinsite(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--now",
        NOW,
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(out.join(".gitignore")).unwrap(),
        "*\n"
    );
}

#[test]
fn check_reports_broken_links_with_their_line() {
    let (_t, root) = temp_site("mini");
    std::fs::write(root.join("content/news/bericht.md"), "---\ntitle: Bericht\ndate: 2026-10-01\n---\nSiehe [Lyon](/cities/lyonn/) und [oben](#nirgends).\n").unwrap();
    let o = twinsite(&["check", "--root", root.to_str().unwrap(), "--now", NOW]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("content/news/bericht.md:5:7: error: broken link /cities/lyonn/"),
        "{err}"
    );
    assert!(err.contains("did you mean /cities/lyon/?"), "{err}");
    assert!(err.contains("broken link #nirgends"), "{err}");
}

#[test]
fn check_passes_on_the_demo_site() {
    let o = twinsite(&[
        "check",
        "--root",
        repo_root().to_str().unwrap(),
        "--now",
        NOW,
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// The text of the first `<h1>` of `html`, unescaped, with runs of white space as one space.
fn h1_text(html: &str) -> String {
    let start = html.find("<h1").unwrap();
    let open = start + html[start..].find('>').unwrap() + 1;
    let end = open + html[open..].find("</h1>").unwrap();
    let text = html[open..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn new_entries_with_awkward_titles_build_and_show_the_title() {
    let titles = [
        "Titel\n---\nslug: boese",
        "Besuch: \"Lyon\" & 'Krakau'",
        "# Kein Kommentar",
        "*Stern",
        "&Anker",
        "!Tag",
        "- Liste",
        "[a, b]",
        "{a: b}",
        "yes",
        "2026",
        "Tab\tim Titel",
        "...",
        "%Prozent @at `tick` |pipe >mehr",
        "Ende mit Doppelpunkt:",
    ];
    let (_t, root) = temp_site("mini");
    let r = root.to_str().unwrap();
    let mut pages = Vec::new();
    for (i, title) in titles.iter().enumerate() {
        let slug = format!("titel-{i}");
        let o = twinsite(&[
            "new",
            "--root",
            r,
            "--slug",
            &slug,
            "--date",
            "2026-10-02",
            "--",
            "news",
            title,
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{title:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        pages.push((title, format!("news/{slug}/index.html")));
    }
    let o = twinsite(&["build", "--root", r, "--now", NOW]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for (title, page) in pages {
        let shown = h1_text(&read(&root.join("public"), &page));
        let typed = title.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(shown, typed, "{title:?}");
    }
}

#[test]
fn new_drops_control_characters_from_titles() {
    let (_t, root) = temp_site("mini");
    let r = root.to_str().unwrap();
    let o = twinsite(&[
        "new",
        "page",
        "Ver\u{1}ein\u{7f}\r\nsseite\u{1b}[0m",
        "--root",
        r,
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = twinsite(&["build", "--root", r, "--now", NOW]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let page = read(&root.join("public"), "verein-sseite-0m/index.html");
    assert_eq!(h1_text(&page), "Verein sseite[0m");
}

#[test]
fn new_refuses_an_empty_title() {
    let (_t, root) = temp_site("mini");
    let o = twinsite(&[
        "new",
        "page",
        " \n ",
        "--root",
        root.to_str().unwrap(),
        "--slug",
        "leer",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("the title is empty"));
    assert!(!root.join("content/leer.md").exists());
}

/// `build --output DIR` with `$HOME` set to `home`.
fn build_into(
    root: &std::path::Path,
    out: &std::path::Path,
    home: &std::path::Path,
) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .args([
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--now",
            NOW,
        ])
        .env("HOME", home)
        .output()
        .unwrap()
}

#[test]
fn refuses_the_home_folder_even_when_empty_or_made_by_twinsite() {
    let (t, root) = temp_site("mini");
    let home = t.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    for marker in [false, true] {
        if marker {
            std::fs::write(home.join(".twinsite-build"), "# written by twinsite\n").unwrap();
        }
        let o = build_into(&root, &home, &home);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(
            err.contains("it is your home folder") && err.contains("hint:"),
            "{err}"
        );
        assert!(!home.join("index.html").exists());
    }
    // The same folder under another name (a trailing `/.`) is still the home folder.
    let o = build_into(&root, &home.join("."), &home);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn refuses_a_folder_holding_only_dotfiles_it_did_not_make() {
    let (t, root) = temp_site("mini");
    let home = t.path().join("home");
    let out = t.path().join("dotfiles");
    std::fs::create_dir_all(out.join(".config")).unwrap();
    std::fs::write(out.join(".bashrc"), "alias ll='ls -l'\n").unwrap();
    std::fs::write(out.join(".gitignore"), "*\n").unwrap();
    let o = build_into(&root, &out, &home);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("not empty") && err.contains(".bashrc"),
        "{err}"
    );
    assert!(err.contains("choose an empty folder"), "{err}");
    assert!(
        err.contains("\n  hint: choose an empty folder") && !err.contains("\\n"),
        "the hint stands on its own line: {err}"
    );
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    // Placeholders that keep an empty folder in git are fine.
    std::fs::remove_file(out.join(".bashrc")).unwrap();
    std::fs::remove_dir(out.join(".config")).unwrap();
    std::fs::write(out.join(".gitkeep"), "").unwrap();
    let o = build_into(&root, &out, &home);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
