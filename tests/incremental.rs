//! What `twinsite serve` serves after each edit is what `twinsite build` writes for the same
//! files, byte for byte. A copy of the demo site goes through a sequence of edits (a body, a
//! title that lists show, a date that moves an event to another month, a file added and
//! deleted, a template, an error and its fix); after each, the rebuild with the cache that
//! `serve` keeps is compared, file list and bytes (`diff -r`), with a fresh `twinsite build`
//! into an output folder on disk. A failed edit must leave both the served site and the
//! folder on disk as they were.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::{copy_dir, files, opts, repo_root};
use twinsite::cache::BuildCache;
use twinsite::output::Output;

/// A copy of the demo site (the repository root's site files).
fn demo_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let repo = repo_root();
    std::fs::create_dir_all(&root).unwrap();
    std::fs::copy(repo.join("site.yaml"), root.join("site.yaml")).unwrap();
    for d in ["content", "static", "templates", "themes"] {
        if repo.join(d).is_dir() {
            copy_dir(&repo.join(d), &root.join(d));
        }
    }
    (dir, root)
}

/// The files of a build on disk, without the build's own marker file.
fn on_disk(out: &Path) -> Vec<(String, Vec<u8>)> {
    files(out)
        .into_iter()
        .filter(|f| f != ".twinsite-build")
        // serve previews the search page without its index (tests/search.rs).
        .filter(|f| !f.starts_with("pagefind/"))
        .map(|f| {
            let bytes = std::fs::read(out.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

/// Every difference between the served output and the folder on disk, as `diff -r` would list
/// them.
fn diff_r(served: &Output, disk: &[(String, Vec<u8>)]) -> Vec<String> {
    let mut diffs = Vec::new();
    for (path, bytes) in disk {
        match served.get(path) {
            None => diffs.push(format!("Only in fresh build: {path}")),
            Some(s) if s != bytes.as_slice() => diffs.push(format!("Files differ: {path}")),
            Some(_) => {}
        }
    }
    let on_disk: std::collections::HashSet<&str> = disk.iter().map(|(p, _)| p.as_str()).collect();
    for (path, _) in served.iter() {
        if !on_disk.contains(path) {
            diffs.push(format!("Only in served site: {path}"));
        }
    }
    diffs
}

/// The site being edited, the cache `serve` would keep, what it serves and the output folder
/// that `twinsite build` writes.
struct Session {
    root: std::path::PathBuf,
    cache: BuildCache,
    served: Option<Output>,
    out: std::path::PathBuf,
    _dirs: [tempfile::TempDir; 2],
}

impl Session {
    fn new() -> Self {
        let (site_dir, root) = demo_copy();
        let out_dir = tempfile::tempdir().unwrap();
        let mut s = Self {
            root,
            cache: BuildCache::new(),
            served: None,
            out: out_dir.path().join("public"),
            _dirs: [site_dir, out_dir],
        };
        s.step("first build", true);
        s
    }

    fn edit(&self, rel: &str, f: impl FnOnce(String) -> String) {
        let path = self.root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, f(text)).unwrap();
    }

    /// Rebuilds as `serve` does and builds afresh into the output folder; both must succeed
    /// (`ok`) or both fail, and what is served must equal what is on disk.
    fn step(&mut self, what: &str, ok: bool) {
        let o = opts(&self.root);
        let before = self.out.exists().then(|| on_disk(&self.out));
        let rebuilt = twinsite::build_in_memory_with(&o, Some(&self.cache));
        let fresh = twinsite::build(&o, &self.out);
        match (rebuilt, fresh) {
            (Ok(built), Ok(_)) => {
                assert!(ok, "{what}: expected the build to fail");
                self.served = Some(built.output);
            }
            (Err(cached), Err(twinsite::BuildError::Content(fresh))) => {
                assert!(!ok, "{what}: the build failed: {cached:#?}");
                let text = |d: &[twinsite::diagnostics::Diagnostic]| {
                    d.iter().map(ToString::to_string).collect::<Vec<_>>()
                };
                assert_eq!(text(&cached), text(&fresh), "{what}: other diagnostics");
                assert_eq!(
                    before.as_ref(),
                    Some(&on_disk(&self.out)),
                    "{what}: a failed build changed the output folder"
                );
            }
            (a, b) => panic!(
                "{what}: the rebuild and the fresh build disagree: {} against {}",
                if a.is_ok() { "built" } else { "failed" },
                if b.is_ok() { "built" } else { "failed" }
            ),
        }
        let served = self.served.as_ref().expect("a first good build");
        let diffs = diff_r(served, &on_disk(&self.out));
        assert!(diffs.is_empty(), "{what}:\n{}", diffs.join("\n"));
    }

    /// The served page at `path` as text.
    fn page(&self, path: &str) -> String {
        let served = self.served.as_ref().expect("a good build");
        String::from_utf8_lossy(served.get(path).unwrap_or_default()).into_owned()
    }
}

const BASAR: &str = "content/events/2026/adventsbasar-eine-welt.md";

#[test]
fn every_edit_serves_exactly_what_a_fresh_build_writes() {
    let mut s = Session::new();
    let cached_pages = s.cache.stats().pages.misses;

    // A body: the event's own page changes.
    s.edit(BASAR, |t| t + "\nAuch Honig aus Moshi gibt es.\n");
    s.step("body edited", true);
    assert!(
        s.page("events/adventsbasar-eine-welt/index.html")
            .contains("Honig aus Moshi")
    );
    let body_misses = s.cache.stats().pages.misses - cached_pages;
    assert!(body_misses > 0, "the edited page was rendered again");

    // A title that the lists of events, its cities and its organizer show.
    s.edit(BASAR, |t| {
        t.replace(
            "title: Adventsbasar im Weltladen",
            "title: Fairer Adventsbasar",
        )
    });
    s.step("title edited", true);
    assert!(s.page("events/index.html").contains("Fairer Adventsbasar"));
    assert!(
        s.page("cities/moshi/index.html")
            .contains("Fairer Adventsbasar")
    );

    // A date that moves the event from November 2026 to January 2027.
    s.edit(BASAR, |t| t.replace("date: 2026-11-28", "date: 2027-01-16"));
    s.step("date moved to another month", true);
    assert!(
        s.page("calendar/2027/01/index.html")
            .contains("Fairer Adventsbasar")
    );
    assert!(
        !s.page("calendar/2026/11/index.html")
            .contains("Fairer Adventsbasar")
    );

    // A file added, then deleted.
    let new = "content/events/2027/stammtisch-lyon.md";
    s.edit(new, |_| {
        "---\ntitle: Stammtisch Lyon\ndate: 2027-02-10\ntime: \"19:00\"\ncities: [lyon]\n---\nWir treffen uns.\n".into()
    });
    s.step("file added", true);
    assert!(
        s.page("events/stammtisch-lyon/index.html")
            .contains("Wir treffen uns")
    );
    std::fs::remove_file(s.root.join(new)).unwrap();
    s.step("file deleted", true);
    assert!(
        s.served
            .as_ref()
            .unwrap()
            .get("events/stammtisch-lyon/index.html")
            .is_none()
    );

    // A template: a site override of the theme's event page, then removed again.
    let theme =
        std::fs::read_to_string(repo_root().join("themes/default/templates/event.html")).unwrap();
    assert!(theme.contains("</article>"));
    s.edit("templates/event.html", |_| {
        theme.replace("</article>", "<p>Aus dem eigenen Template</p></article>")
    });
    s.step("template overridden", true);
    assert!(
        s.page("events/sprachcafe/index.html")
            .contains("Aus dem eigenen Template")
    );
    std::fs::remove_file(s.root.join("templates/event.html")).unwrap();
    s.step("template override removed", true);

    // Edits that reach other entries' pages: a city's name (its events' pages and, through
    // those events, their organizers' pages name it), an association's name (the pages of its
    // events and of their cities), a topic (every page of that topic counts its entries).
    s.edit("content/cities/moshi.md", |t| {
        t.replace("title: Moshi\n", "title: Moshi am Kilimandscharo\n")
    });
    s.step("city renamed", true);
    assert!(
        s.page("events/adventsbasar-eine-welt/index.html")
            .contains("Moshi am Kilimandscharo")
    );
    s.edit("content/associations/eine-welt-verein.md", |t| {
        t.replace(
            "title: Eine-Welt-Verein Musterstadt e.V.",
            "title: Weltladen-Verein Musterstadt e.V.",
        )
    });
    s.step("association renamed", true);
    assert!(
        s.page("events/adventsbasar-eine-welt/index.html")
            .contains("Weltladen-Verein Musterstadt")
    );
    s.edit("content/cities/moshi.md", |t| {
        t.replace(
            "topics: [Nachhaltigkeit, Schule, Jugend, Eine Welt]",
            "topics: [Nachhaltigkeit, Schule, Jugend, Eine Welt, Erinnerung]",
        )
    });
    s.step("topic added to a city", true);

    // An error (an unknown city), served pages stay; then its fix.
    s.edit(BASAR, |t| {
        t.replace("cities: [moshi, leon]", "cities: [moshi, leonn]")
    });
    s.step("unknown city", false);
    assert!(
        s.page("cities/leon/index.html")
            .contains("Fairer Adventsbasar")
    );
    s.edit(BASAR, |t| {
        t.replace("cities: [moshi, leonn]", "cities: [moshi]")
    });
    s.step("fixed, one city less", true);
    assert!(
        !s.page("cities/leon/index.html")
            .contains("Fairer Adventsbasar")
    );

    // Broken front matter, then the original text back.
    let original = std::fs::read_to_string(s.root.join(BASAR)).unwrap();
    s.edit(BASAR, |_| "---\ntitle: [kaputt\n---\nx\n".into());
    s.step("broken front matter", false);
    s.edit(BASAR, |_| original);
    s.step("front matter fixed", true);
}
