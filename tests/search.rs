//! Site search: the Pagefind index the build writes (one per language, every page in it, the
//! same bytes for the same site), what its records hold (names in their own scripts; values as
//! text, never markup), the search page and header box, `search: false`, and the addresses a
//! page may not take. Finding things in a browser is tested in tests/browser/search.mjs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::{attr_values, build_into_temp, files, fixture, read, temp_site};

fn entry(out: &Path) -> serde_json::Value {
    serde_json::from_str(&read(out, "pagefind/pagefind-entry.json")).unwrap()
}

fn pages_in(out: &Path, dirs: &[&str]) -> usize {
    dirs.iter()
        .map(|d| {
            std::fs::read_dir(out.join(d))
                .unwrap()
                .filter(|e| {
                    let p = e.as_ref().unwrap().path();
                    p.join("index.html").is_file() && !p.ends_with("archive")
                })
                .count()
        })
        .sum()
}

#[test]
fn every_language_has_an_index_of_every_page_it_publishes() {
    let (_d, out) = build_into_temp(&fixture("multilingual"));
    let langs = entry(&out)["languages"].clone();
    let entries = pages_in(&out, &["cities", "associations", "events", "news"]);
    assert!(entries > 5, "{entries}");
    for lang in ["de", "fr", "pl", "he"] {
        let count = langs[lang]["page_count"].as_u64().unwrap_or(0) as usize;
        // Plain pages (Impressum, …) come on top of the entries of the four sections.
        assert!(
            count > entries,
            "{lang}: {count} pages indexed, {entries} entries"
        );
        assert_eq!(
            count,
            langs["de"]["page_count"].as_u64().unwrap() as usize,
            "{lang}"
        );
    }
    let rows = common::search_fragments(&out);
    let herzliya: Vec<_> = rows
        .iter()
        .filter(|r| r.0.contains("cities/herzliya/"))
        .collect();
    assert_eq!(herzliya.len(), 4, "{herzliya:?}");
    assert!(
        herzliya
            .iter()
            .any(|r| r.0 == "he/cities/herzliya/" && r.1 == "הרצליה"),
        "{herzliya:?}"
    );
}

#[test]
fn names_in_their_own_scripts_and_the_facts_are_searchable() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    twinsite::build(&common::opts(&common::repo_root()), &public).unwrap();
    let rows = common::search_fragments(&public);
    let yangzhou = rows
        .iter()
        .find(|r| r.0 == "cities/yangzhou/")
        .expect("Yangzhou is in the index");
    assert_eq!(yangzhou.1, "Yangzhou");
    for word in ["扬州", "China", "Jiangsu"] {
        assert!(yangzhou.2.contains(word), "{word}: {}", yangzhou.2);
    }
    let lwiw = rows.iter().find(|r| r.0 == "cities/lwiw/").unwrap();
    assert!(lwiw.2.contains("Львів"), "{}", lwiw.2);
    // The search page's own list is not a search result.
    assert!(!rows.iter().any(|r| r.0.contains("search")), "{rows:?}");
}

#[test]
fn values_reach_the_index_as_text_never_as_markup() {
    let (_d, out) = build_into_temp(&fixture("hostile"));
    let rows = common::search_fragments(&out);
    let city = rows
        .iter()
        .find(|r| r.0 == "cities/evil/")
        .expect("the hostile city is indexed");
    // The title is the text as written; the search page shows it with textContent.
    assert_eq!(city.1, "\"><script>alert(1)</script>");
    assert!(city.2.contains("onerror=alert(2)"), "{}", city.2);
    assert!(!city.2.contains('\u{1b}'), "{}", city.2);
    for (_, _, content) in &rows {
        assert!(
            !content.chars().any(|c| c.is_control() && c != '\n'),
            "{content:?}"
        );
    }
}

#[test]
fn the_same_site_gives_the_same_index() {
    let (_a, one) = build_into_temp(&fixture("large"));
    let (_b, two) = build_into_temp(&fixture("large"));
    let index: Vec<String> = files(&one)
        .into_iter()
        .filter(|f| f.starts_with("pagefind/"))
        .collect();
    assert!(index.len() > 5, "{index:?}");
    assert_eq!(
        index,
        files(&two)
            .into_iter()
            .filter(|f| f.starts_with("pagefind/"))
            .collect::<Vec<_>>()
    );
    for f in &index {
        assert!(
            std::fs::read(one.join(f)).unwrap() == std::fs::read(two.join(f)).unwrap(),
            "{f} differs between two builds"
        );
    }
}

#[test]
fn pages_carry_a_search_box_and_the_search_page_lists_everything() {
    let (_d, out) = build_into_temp(&fixture("mini"));
    let events = read(&out, "events/index.html");
    assert!(events.contains("class=site-search role=search"), "{events}");
    assert!(attr_values(&events, "action").contains(&"/partner/search/".to_owned()));
    let search = read(&out, "search/index.html");
    assert!(
        !search.contains("site-search"),
        "one search form on the search page"
    );
    assert!(attr_values(&search, "src").contains(&"/partner/search.js".to_owned()));
    let links = attr_values(&search, "href");
    for link in ["/partner/cities/lyon/", "/partner/cities/krakow/"] {
        assert!(links.iter().any(|l| l == link), "{link}: {links:?}");
    }
    assert!(out.join("search.js").is_file());
    assert!(out.join("pagefind/pagefind.js").is_file());
}

/// Builds a copy of the mini site with its `search: true` line replaced by `line`.
fn mini_with(line: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (d, root) = temp_site("mini");
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    assert!(yaml.contains("\nsearch: true\n"), "{yaml}");
    std::fs::write(
        root.join("site.yaml"),
        yaml.replace("\nsearch: true\n", &format!("\n{line}")),
    )
    .unwrap();
    (d, root)
}

#[test]
fn search_is_off_unless_site_yaml_turns_it_on() {
    for line in ["search: false\n", ""] {
        let (_d, root) = mini_with(line);
        let (_o, out) = build_into_temp(&root);
        let all = files(&out);
        assert!(
            !all.iter()
                .any(|f| f.starts_with("pagefind/") || f.starts_with("search") || f == "search.js"),
            "{line:?}: {all:?}"
        );
        for f in all.iter().filter(|f| f.ends_with(".html")) {
            assert!(!read(&out, f).contains("site-search"), "{line:?}: {f}");
        }
    }
}

#[test]
fn serve_previews_the_search_page_without_an_index() {
    let cache = twinsite::cache::BuildCache::new();
    let built = twinsite::build_in_memory_with(&common::opts(&fixture("mini")), Some(&cache))
        .unwrap_or_else(|d| panic!("{d:?}"));
    assert!(built.output.contains("search/index.html"));
    assert!(built.output.contains("search.js"));
    assert!(!built.output.iter().any(|(p, _)| p.starts_with("pagefind/")));
}

#[test]
fn search_must_be_true_or_false() {
    let (_d, root) = mini_with("search: ja\n");
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    let line = yaml.lines().count();
    let err = common::check_failing_in(&root, "en");
    assert!(
        err.contains(&format!(
            "site.yaml:{line}:9: error: `search` must be `true` or `false`"
        )),
        "{err}"
    );
}

#[test]
fn pages_may_not_take_the_search_addresses() {
    let (_d, root) = temp_site("mini");
    for name in ["search", "pagefind"] {
        std::fs::write(
            root.join(format!("content/{name}.md")),
            "---\ntitle: Eine Seite\n---\nText.\n",
        )
        .unwrap();
    }
    let err = common::check_failing_in(&root, "en");
    for name in ["search", "pagefind"] {
        assert!(err.contains(&format!("content/{name}.md:")), "{err}");
    }
}
