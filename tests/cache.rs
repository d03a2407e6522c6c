//! The build cache that `twinsite serve` keeps across rebuilds never changes what is built: after
//! every edit of a sequence (content, templates, configuration, static files, a referenced city
//! deleted and restored, build options), a build with the warm cache gives exactly the files,
//! bytes and diagnostics of a fresh build without one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::{opts, repo_root, temp_site};
use twinsite::BuildOptions;
use twinsite::cache::BuildCache;

/// Everything a build gives, comparable: every output file, or every diagnostic.
fn outcome(
    built: Result<twinsite::Built, Vec<twinsite::diagnostics::Diagnostic>>,
) -> Result<Vec<(String, Vec<u8>)>, Vec<String>> {
    match built {
        Ok(b) => Ok(b
            .output
            .iter()
            // A build with a cache (serve) makes no search index (tests/search.rs).
            .filter(|(p, _)| !p.starts_with("pagefind/"))
            .map(|(p, bytes)| (p.to_owned(), bytes.to_vec()))
            .collect()),
        Err(d) => Err(d.iter().map(ToString::to_string).collect()),
    }
}

/// Builds with the warm cache and without one; fails unless both give the same.
fn same_as_fresh(cache: &BuildCache, o: &BuildOptions, step: &str) -> bool {
    let cached = outcome(twinsite::build_in_memory_with(o, Some(cache)));
    let fresh = outcome(twinsite::build_in_memory(o));
    match (&cached, &fresh) {
        (Ok(a), Ok(b)) => {
            let paths =
                |v: &[(String, Vec<u8>)]| v.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>();
            assert_eq!(
                paths(a),
                paths(b),
                "{step}: the cached build has other files"
            );
            for ((p, x), (_, y)) in a.iter().zip(b) {
                assert!(x == y, "{step}: {p} differs from a fresh build");
            }
        }
        _ => assert_eq!(
            cached, fresh,
            "{step}: the cached build differs from a fresh build"
        ),
    }
    cached.is_ok()
}

fn edit(root: &Path, rel: &str, f: impl FnOnce(String) -> String) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(path, f(text)).unwrap();
}

#[test]
fn a_warm_cache_builds_exactly_what_a_fresh_build_does() {
    let (_t, root) = temp_site("mini");
    let o = opts(&root);
    let cache = BuildCache::new();
    assert!(same_as_fresh(&cache, &o, "first build"));
    let first = cache.stats();
    assert!(first.files.misses > 0 && first.maps.misses > 0 && first.pages.misses > 0);

    // Nothing changed: everything comes from the cache.
    assert!(same_as_fresh(&cache, &o, "unchanged"));
    let again = cache.stats();
    assert_eq!(again.files.misses, first.files.misses);
    assert_eq!(again.maps.misses, first.maps.misses);
    assert_eq!(again.pages.misses, first.pages.misses);
    // Entry pages are taken by the key of what they are made from, without making their
    // values (render::reach); the others by their values.
    assert!(again.reached.hits > first.reached.hits);
    assert!(again.pages.hits + again.reached.hits >= first.pages.misses);

    // One content file: only that file is parsed again.
    edit(&root, "content/cities/lyon.md", |t| {
        t + "\nEin neuer Absatz.\n"
    });
    assert!(same_as_fresh(&cache, &o, "content edit"));
    assert_eq!(cache.stats().files.misses, again.files.misses + 1);

    // A site template overriding the theme's.
    let theme_city = repo_root().join("themes/default/templates/city.html");
    let city = std::fs::read_to_string(theme_city).unwrap();
    edit(&root, "templates/city.html", |_| {
        city.replace("</article>", "<p>Neu im Template</p></article>")
    });
    assert!(same_as_fresh(&cache, &o, "template override"));
    edit(&root, "templates/city.html", |_| city.clone());
    assert!(same_as_fresh(
        &cache,
        &o,
        "template back to the theme's text"
    ));
    std::fs::remove_file(root.join("templates/city.html")).unwrap();
    assert!(same_as_fresh(&cache, &o, "template override removed"));

    // The configuration.
    edit(&root, "site.yaml", |t| {
        t.replace("Testseite", "Eine andere Beschreibung")
    });
    assert!(same_as_fresh(&cache, &o, "config edit"));
    edit(&root, "site.yaml", |t| t + "minify: false\n");
    assert!(same_as_fresh(&cache, &o, "minify off"));
    edit(&root, "site.yaml", |t| {
        t.replace("minify: false\n", "relative_urls: true\n")
    });
    assert!(same_as_fresh(&cache, &o, "relative URLs"));
    edit(&root, "site.yaml", |t| {
        t.replace("relative_urls: true\n", "")
    });
    assert!(same_as_fresh(&cache, &o, "config back"));

    // Static files.
    edit(&root, "static/robots.txt", |_| "User-agent: *\n".into());
    assert!(same_as_fresh(&cache, &o, "static file added"));
    edit(&root, "static/robots.txt", |_| {
        "User-agent: *\nDisallow: /\n".into()
    });
    assert!(same_as_fresh(&cache, &o, "static file changed"));

    // A city that events and an association refer to: deleted (the build fails), restored.
    let lyon = std::fs::read_to_string(root.join("content/cities/lyon.md")).unwrap();
    std::fs::remove_file(root.join("content/cities/lyon.md")).unwrap();
    assert!(!same_as_fresh(&cache, &o, "referenced city deleted"));
    edit(&root, "content/cities/lyon.md", |_| lyon.clone());
    assert!(same_as_fresh(&cache, &o, "referenced city restored"));

    // A file broken and fixed; a title that other pages show.
    edit(&root, "content/news/bericht.md", |_| {
        "---\ntitle: [kaputt\n---\nx\n".into()
    });
    assert!(!same_as_fresh(&cache, &o, "broken file"));
    edit(&root, "content/cities/lyon.md", |t| {
        t.replace("title: Lyon", "title: Lyon am Rhône")
    });
    assert!(!same_as_fresh(
        &cache,
        &o,
        "retitled while another file is broken"
    ));
    edit(&root, "content/news/bericht.md", |_| {
        "---\ntitle: Bericht\ndate: 2026-10-01\n---\nText.\n".into()
    });
    assert!(same_as_fresh(&cache, &o, "broken file fixed"));

    // An event as its page, its JSON-LD and its calendar files show it: time, place and
    // title, and the association that organizes it (the JSON-LD's organizer).
    edit(&root, "content/events/brunch.md", |t| {
        t.replace("\"13:00\"", "\"14:00\"")
    });
    assert!(same_as_fresh(&cache, &o, "event time"));
    edit(&root, "content/events/brunch.md", |t| {
        t.replace("Bürgerhaus", "Rathaus <Saal> & Foyer")
    });
    assert!(same_as_fresh(&cache, &o, "event place"));
    edit(&root, "content/events/brunch.md", |t| {
        t.replace("title: Partnerschaftsbrunch", "title: Brunch")
    });
    assert!(same_as_fresh(&cache, &o, "event title"));
    edit(&root, "content/associations/freundeskreis.md", |t| {
        t.replacen("title: ", "title: Neuer ", 1)
    });
    assert!(same_as_fresh(&cache, &o, "organizer renamed"));

    // Build options that change what is built.
    let drafts = BuildOptions {
        drafts: true,
        ..o.clone()
    };
    edit(&root, "content/news/entwurf.md", |_| {
        "---\ntitle: Entwurf\ndate: 2026-11-01\ndraft: true\n---\nBald.\n".into()
    });
    assert!(same_as_fresh(&cache, &drafts, "with drafts"));
    assert!(same_as_fresh(&cache, &o, "without drafts"));
    let relative = BuildOptions {
        relative: true,
        ..o.clone()
    };
    assert!(same_as_fresh(&cache, &relative, "relative option"));
    let other_base = BuildOptions {
        base_url: Some("http://127.0.0.1:9/x/".into()),
        ..o.clone()
    };
    assert!(same_as_fresh(&cache, &other_base, "other base URL"));
    let later = BuildOptions {
        now: Some("2027-03-01".parse().unwrap()),
        ..o.clone()
    };
    assert!(same_as_fresh(&cache, &later, "another day"));
    assert!(same_as_fresh(&cache, &o, "back to the first options"));
}

#[test]
fn the_cache_forgets_what_the_latest_build_did_not_use() {
    let (_t, root) = temp_site("mini");
    let o = opts(&root);
    let cache = BuildCache::new();
    assert!(same_as_fresh(&cache, &o, "first build"));
    let size = cache.stats();
    for n in 0..5 {
        edit(&root, "content/cities/lyon.md", |t| {
            t + &format!("\nAbsatz {n}.\n")
        });
        assert!(same_as_fresh(&cache, &o, "edit"));
    }
    let after = cache.stats();
    assert_eq!(after.files.entries, size.files.entries);
    assert_eq!(after.pages.entries, size.pages.entries);
    // A failed build keeps the pages of the last good one.
    edit(&root, "content/cities/lyon.md", |_| {
        "---\ntitle: [kaputt\n---\n".into()
    });
    assert!(!same_as_fresh(&cache, &o, "broken"));
    assert_eq!(cache.stats().pages.entries, size.pages.entries);
}

#[test]
fn multilingual_edits_stay_fresh() {
    let (_dir, root) = temp_site("multilingual");
    let o = opts(&root);
    let cache = BuildCache::new();
    assert!(same_as_fresh(&cache, &o, "first build"));
    // A translation changes only its language; its original changes every language.
    edit(&root, "content/cities/lyon.fr.md", |t| {
        t.replace("Notre plus ancienne", "Notre toute première")
    });
    assert!(same_as_fresh(&cache, &o, "translation edited"));
    edit(&root, "content/cities/lyon.md", |t| {
        t.replace("1963-06-15", "1964-06-15")
    });
    assert!(same_as_fresh(&cache, &o, "shared data edited"));
    // A new translation turns a fallback into a translated page; deleting it turns it back.
    edit(&root, "content/cities/krakow.fr.md", |_| {
        "---\ntitle: Cracovie\n---\nCracovie est notre ville amie.\n".to_owned()
    });
    assert!(same_as_fresh(&cache, &o, "translation added"));
    std::fs::remove_file(root.join("content/cities/krakow.fr.md")).unwrap();
    assert!(same_as_fresh(&cache, &o, "translation removed"));
    edit(&root, "site.yaml", |t| {
        t.replace("[de, fr, pl, he]", "[de, fr, he]")
    });
    std::fs::remove_file(root.join("content/cities/krakow.pl.md")).unwrap();
    assert!(same_as_fresh(&cache, &o, "a language removed"));
}

#[test]
fn files_left_alone_are_not_read_again_and_an_edit_of_the_same_size_is_still_seen() {
    let (_t, root) = temp_site("mini");
    let o = opts(&root);
    let cache = BuildCache::new();
    // Only files whose timestamps are older than the settling time are trusted by their stat.
    std::thread::sleep(twinsite::file_stat::SETTLE + std::time::Duration::from_millis(500));
    assert!(same_as_fresh(&cache, &o, "first build"));
    let first = cache.stats();
    assert!(same_as_fresh(&cache, &o, "unchanged"));
    let unchanged = cache.stats();
    // Every content file was taken by its stat, without reading it, and none was loaded again.
    assert_eq!(first.seen.hits, 0);
    assert!(first.seen.misses > 0);
    assert_eq!(
        unchanged.seen.hits, first.seen.misses,
        "every settled file is taken by its stat"
    );
    assert_eq!(unchanged.seen.misses, first.seen.misses);
    assert_eq!(unchanged.files.misses, first.files.misses);

    // An edit that keeps the size (and happens right after a build) is still seen.
    edit(&root, "content/cities/lyon.md", |t| {
        t.replacen("Lyon", "Lyan", 1)
    });
    assert!(same_as_fresh(&cache, &o, "same-size edit"));
    let page = |cache: &BuildCache| {
        twinsite::build_in_memory_with(&o, Some(cache)).map(|b| {
            b.output
                .iter()
                .any(|(_, bytes)| bytes.windows(4).any(|w| w == b"Lyan"))
        })
    };
    assert_eq!(page(&cache).ok(), Some(true));
    let after = cache.stats();
    assert!(after.files.misses > unchanged.files.misses);
    assert!(
        after.seen.misses > unchanged.seen.misses,
        "the edited file is read again"
    );
}
