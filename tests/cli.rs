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
