//! The volunteer commands through the real binary: `init`, `new`, `check` on template links,
//! and `build --relative` served from a sub-folder.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::*;

fn twinsite(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn ok(o: &Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdout: {}\nstderr: {err}",
        String::from_utf8_lossy(&o.stdout)
    );
    err
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A fresh site made by `init` without flags (stdin is not a terminal).
fn init_site() -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let root = t.path().join("site");
    ok(&twinsite(&["init", s(&root)]));
    (t, root)
}

#[test]
fn init_writes_a_site_that_builds_and_check_lists_what_to_fill_in() {
    let (_t, root) = init_site();
    for f in [
        "site.yaml",
        ".gitignore",
        ".github/workflows/pages.yml",
        ".gitlab-ci.yml",
        "content/cities/lyon.md",
        "content/associations/freundeskreis-lyon.md",
        "content/events/partnerschaftsbrunch.md",
        "content/news/neue-website.md",
        "content/ueber-uns.md",
        "content/impressum.md",
        "content/datenschutz.md",
    ] {
        assert!(root.join(f).is_file(), "missing {f}");
    }
    assert!(root.join("static").is_dir());
    let ignored = std::fs::read_to_string(root.join(".gitignore")).unwrap();
    assert!(ignored.contains("public/") && ignored.contains(".twinsite-cache/"));
    let gh = std::fs::read_to_string(root.join(".github/workflows/pages.yml")).unwrap();
    assert!(
        gh.contains("upload-pages-artifact")
            && gh.contains("deploy-pages")
            && gh.contains("--base-url")
            && gh.contains("path: .twinsite-cache"),
        "the workflow keeps the photo cache: {gh}"
    );
    let gl = std::fs::read_to_string(root.join(".gitlab-ci.yml")).unwrap();
    assert!(
        gl.contains("pages:") && gl.contains("- .twinsite-cache/"),
        "{gl}"
    );
    // The example site builds; what is still to be written is a warning for the preview…
    let err = ok(&twinsite(&["build", "--root", s(&root)]));
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains(": warning: ")).collect();
    assert!(warnings.iter().all(|l| l.contains("placeholder")), "{err}");
    for page in [
        "content/impressum.md",
        "content/datenschutz.md",
        "content/cities/lyon.md",
    ] {
        assert!(
            warnings.iter().any(|l| l.starts_with(page)),
            "{page}: {err}"
        );
    }
    assert!(root.join("public/cities/lyon/index.html").is_file());
    // The note for editors in static/ stays out of the site.
    assert!(root.join("static/.liesmich.txt").is_file());
    assert!(
        !root.join("public/README.txt").exists() && !root.join("public/.liesmich.txt").exists()
    );
    // …and an error for `check`, which says whether the site is ready to publish.
    let c = twinsite(&["check", "--root", s(&root)]);
    let text = String::from_utf8_lossy(&c.stderr).into_owned();
    assert_eq!(c.status.code(), Some(1), "{text}");
    assert!(
        text.contains("content/impressum.md:") && text.contains("placeholders from twinsite"),
        "{text}"
    );
    // Once every example text is replaced and every „ergänzen“ filled in, nothing is left.
    fill_in(&root.join("content"));
    let err = ok(&twinsite(&["check", "--root", s(&root)]));
    assert!(!err.contains("warning") && !err.contains("error"), "{err}");
}

/// Replaces what `init` marked as to be written, as a volunteer would.
fn fill_in(dir: &std::path::Path) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            fill_in(&p);
        } else if p.extension().is_some_and(|x| x == "md") {
            let text = std::fs::read_to_string(&p).unwrap();
            let text: String = text
                .lines()
                .filter(|l| !l.contains("Beispieltext:"))
                .map(|l| format!("{}\n", l.replace("(ergänzen", "(erledigt")))
                .collect();
            std::fs::write(&p, text).unwrap();
        }
    }
}

#[test]
fn init_takes_the_home_town_from_flags() {
    let t = tempfile::tempdir().unwrap();
    let root = t.path().join("neu");
    std::fs::create_dir(&root).unwrap(); // an empty folder is fine
    ok(&twinsite(&[
        "init",
        s(&root),
        "--name",
        "Neustadt",
        "--lat",
        "49.35",
        "--lon",
        "-8.14",
        "--base-url",
        "https://partner.neustadt.example/p",
    ]));
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    assert!(
        yaml.contains("name: Neustadt")
            && yaml.contains("lat: 49.35")
            && yaml.contains("lon: -8.14"),
        "{yaml}"
    );
    assert!(yaml.contains("title: Städtepartnerschaften Neustadt"));
    assert!(yaml.contains("base_url: https://partner.neustadt.example/p/"));
    ok(&twinsite(&["build", "--root", s(&root)]));
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let t = tempfile::tempdir().unwrap();
    std::fs::write(t.path().join("notes.txt"), "mine").unwrap();
    let o = twinsite(&["init", s(t.path())]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not empty"));
    assert_eq!(std::fs::read_dir(t.path()).unwrap().count(), 1);
    assert_eq!(
        std::fs::read_to_string(t.path().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn new_makes_files_of_every_type_that_build() {
    let (_t, root) = init_site();
    let r = s(&root);
    for (args, file) in [
        (
            vec!["city", "Brünn", "--lat", "49.195", "--lon", "16.608"],
            "content/cities/bruenn.md",
        ),
        (vec!["city", "Kraków"], "content/cities/krakow.md"),
        (
            vec!["association", "Freundeskreis Brünn e. V."],
            "content/associations/freundeskreis-bruenn-e-v.md",
        ),
        (
            vec!["event", "Abend für Київ", "--date", "2026-12-01"],
            "content/events/2026/abend-fuer-kyiv.md",
        ),
        (
            vec!["news", "Besuch aus Θεσσαλονίκη"],
            "content/news/besuch-aus-thessaloniki.md",
        ),
        (vec!["page", "Förderung"], "content/foerderung.md"),
        (
            vec![
                "city", "扬州", "--slug", "yangzhou", "--lat", "32.39", "--lon", "119.41",
            ],
            "content/cities/yangzhou.md",
        ),
    ] {
        let mut a = vec!["new"];
        a.extend(&args);
        a.extend(["--root", r]);
        let o = twinsite(&a);
        ok(&o);
        assert!(
            root.join(file).is_file(),
            "{args:?} did not create {file}: {}",
            String::from_utf8_lossy(&o.stdout)
        );
    }
    let text = std::fs::read_to_string(root.join("content/cities/krakow.md")).unwrap();
    assert!(
        text.contains("title: Kraków") && text.contains("lat: 0") && text.contains("# kind:"),
        "{text}"
    );
    let err = ok(&twinsite(&["build", "--root", r]));
    assert!(
        err.contains("content/cities/krakow.md:") && err.contains("lat and lon are both 0"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/cities/bruenn.md:2:1: warning: no association and no event names Brünn"
        ),
        "{err}"
    );
    assert!(root.join("public/cities/bruenn/index.html").is_file());
    assert!(
        root.join("public/events/abend-fuer-kyiv/index.html")
            .is_file()
    );
    assert!(root.join("public/foerderung/index.html").is_file());
}

#[test]
fn new_refuses_to_overwrite_and_untransliterable_titles() {
    let (_t, root) = init_site();
    let r = s(&root);
    let before = std::fs::read_to_string(root.join("content/cities/lyon.md")).unwrap();
    let o = twinsite(&["new", "city", "Lyon", "--root", r]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read_to_string(root.join("content/cities/lyon.md")).unwrap(),
        before
    );
    ok(&twinsite(&[
        "new",
        "event",
        "Sprachcafé",
        "--date",
        "2026-05-01",
        "--root",
        r,
    ]));
    let o = twinsite(&[
        "new",
        "event",
        "Sprachcafe",
        "--date",
        "2027-05-01",
        "--root",
        r,
    ]);
    assert_eq!(o.status.code(), Some(1), "same slug in another year folder");
    let o = twinsite(&["new", "city", "扬州", "--root", r]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--slug"));
    let o = twinsite(&["new", "city", "Lyon", "--root", s(&root.join("nowhere"))]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("twinsite init"));
}

#[test]
fn check_finds_every_kind_of_broken_link_with_its_line() {
    let o = twinsite(&["check", "--root", s(&fixture("broken-links")), "--now", NOW]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("content/news/bericht.md:5:56: error: broken link /images/lyon.jpg"),
        "missing static file: {err}"
    );
    assert!(
        err.contains("content/news/bericht.md:6:9: error: broken link /programm/"),
        "missing page: {err}"
    );
    assert!(
        err.contains("content/news/bericht.md:6:44: error: broken link /cities/lyon/#anreise"),
        "missing heading id: {err}"
    );
    assert!(
        err.contains("templates/page.html:6:"),
        "template link: {err}"
    );
    assert!(
        err.contains(
            "broken link /partner/vereine/ in the page ueber-uns/index.html (template page.html)"
        ),
        "{err}"
    );
    assert!(
        !err.contains("#geschichte"),
        "a working anchor was reported: {err}"
    );
}

/// Every `href`/`src` of every HTML file under `out`, resolved against the file itself.
fn assert_relative_links_work(out: &Path) {
    let mut checked = 0;
    for f in files(out).iter().filter(|f| f.ends_with(".html")) {
        let html = read(out, f);
        let dir = out.join(f).parent().unwrap().to_path_buf();
        for link in attr_values(&html, "href")
            .into_iter()
            .chain(attr_values(&html, "src"))
        {
            let link = link.replace("&#x2F;", "/");
            if link.contains("://")
                || link.starts_with("mailto:")
                || link.starts_with("tel:")
                || link.starts_with("data:")
            {
                continue;
            }
            assert!(!link.starts_with('/'), "{f}: site-absolute link {link}");
            let path = link.split(['#', '?']).next().unwrap();
            if path.is_empty() {
                continue;
            }
            let target = dir.join(path);
            assert!(
                target.is_file(),
                "{f}: {link} leads nowhere ({})",
                target.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

#[test]
fn relative_build_works_from_any_sub_folder() {
    let (t, root) = temp_site("mini");
    let out = t.path().join("ftp/verein/unterordner");
    ok(&twinsite(&[
        "build",
        "--root",
        s(&root),
        "--output",
        s(&out),
        "--now",
        NOW,
        "--relative",
    ]));
    assert_relative_links_work(&out);
    let city = read(&out, "cities/lyon/index.html");
    assert!(
        city.contains("../../associations/freundeskreis/index.html"),
        "{city}"
    );
    assert!(
        read(&out, "atom.xml").contains("https://example.org/partner/"),
        "feeds stay absolute"
    );
    assert!(read(&out, "alt/lyon.html").contains("url=../cities/lyon/index.html"));
}

#[test]
fn relative_urls_setting_in_site_yaml_works_unminified_too() {
    let (t, root) = temp_site("mini");
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    std::fs::write(
        root.join("site.yaml"),
        format!("{yaml}relative_urls: true\nminify: false\n"),
    )
    .unwrap();
    let out = t.path().join("out");
    ok(&twinsite(&[
        "build",
        "--root",
        s(&root),
        "--output",
        s(&out),
        "--now",
        NOW,
    ]));
    assert_relative_links_work(&out);
}

#[test]
fn relative_build_of_the_demo_site_links_correctly() {
    let t = tempfile::tempdir().unwrap();
    let out = t.path().join("public");
    ok(&twinsite(&[
        "build",
        "--root",
        s(&repo_root()),
        "--output",
        s(&out),
        "--now",
        NOW,
        "--relative",
    ]));
    assert_relative_links_work(&out);
}

#[test]
fn init_quotes_a_town_name_with_quotes_in_its_comments_too() {
    let t = tempfile::tempdir().unwrap();
    let root = t.path().join("neu");
    ok(&twinsite(&[
        "init",
        s(&root),
        "--name",
        "Bad \"K\": X",
        "--lat",
        "49.35",
        "--lon",
        "8.14",
    ]));
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    assert!(
        yaml.contains("title: 'Jumelages de Bad \"K\": X'"),
        "{yaml}"
    );
}
