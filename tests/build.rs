//! Building fixture sites and the demo site, and asserting on what a visitor gets: every page
//! of the spec, relations both ways, working links under a sub-path, German dates, escaping.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;

#[test]
fn mini_site_has_every_page_of_the_spec() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    for p in [
        "index.html",
        "cities/index.html",
        "cities/lyon/index.html",
        "cities/krakow/index.html",
        "associations/index.html",
        "associations/freundeskreis/index.html",
        "events/index.html",
        "events/brunch/index.html",
        "events/austausch/index.html",
        "news/index.html",
        "news/bericht/index.html",
        "impressum/index.html",
        "datenschutz/index.html",
        "topics/index.html",
        "topics/jugend/index.html",
        "topics/kultur/index.html",
        "map/index.html",
        "calendar/index.html",
        "404.html",
        "atom.xml",
        "sitemap.xml",
        "robots.txt",
        "data/cities.geojson",
        "data/events.json",
        "alt/lyon.html",
        "style.css",
    ] {
        assert!(out.join(p).is_file(), "missing {p}; have {:?}", files(&out));
    }
}

#[test]
fn relations_are_linked_both_ways() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let city = read(&out, "cities/lyon/index.html");
    assert!(
        city.contains("/partner/associations/freundeskreis/"),
        "city → association"
    );
    assert!(
        city.contains("/partner/events/brunch/"),
        "city → upcoming event"
    );
    assert!(
        city.contains("/partner/events/austausch/"),
        "city → past event"
    );
    let assoc = read(&out, "associations/freundeskreis/index.html");
    assert!(
        assoc.contains("/partner/cities/lyon/"),
        "association → city"
    );
    assert!(
        assoc.contains("/partner/events/brunch/"),
        "association → event"
    );
    let event = read(&out, "events/brunch/index.html");
    assert!(event.contains("/partner/cities/lyon/"), "event → city");
    assert!(
        event.contains("/partner/associations/freundeskreis/"),
        "event → organizer"
    );
    let krakow = read(&out, "cities/krakow/index.html");
    assert!(
        !krakow.contains("/partner/events/brunch/"),
        "krakow is not in the brunch"
    );
    assert!(krakow.contains("/partner/events/austausch/"));
}

#[test]
fn upcoming_and_past_follow_now() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let events = read(&out, "events/index.html");
    let up = events.find("Partnerschaftsbrunch").unwrap();
    let past_heading = events.find("Vergangene Termine").unwrap();
    assert!(up < past_heading, "brunch upcoming");
    // Events of earlier years move to one archive page per year, linked from /events/.
    assert!(!events.contains("Jugendaustausch 2025"));
    let archive = events
        .find("href=/partner/events/archive/2025/>2025</a> (1\u{A0}Termin)")
        .unwrap();
    assert!(past_heading < archive, "{events}");
    let year = read(&out, "events/archive/2025/index.html");
    assert!(year.contains("<h1>Termine 2025</h1>"), "{year}");
    assert!(year.contains("Jugendaustausch 2025"));
    assert!(year.contains("aria-current=page href=/partner/events/archive/2025/"));
}

#[test]
fn german_dates_and_times() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let event = read(&out, "events/brunch/index.html");
    assert!(
        event.contains("Samstag, 5.\u{A0}Dezember\u{A0}2026"),
        "long German date"
    );
    assert!(event.contains("10:30–13:00\u{A0}Uhr"));
    let ex = read(&out, "events/austausch/index.html");
    assert!(ex.contains("Donnerstag, 3.\u{A0}Juli\u{A0}2025 bis Samstag, 5.\u{A0}Juli\u{A0}2025"));
    assert!(ex.contains("abgesagt"));
}

#[test]
fn every_internal_link_resolves_under_the_sub_path() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let mut checked = 0;
    for f in files(&out).iter().filter(|f| f.ends_with(".html")) {
        let html = read(&out, f);
        for link in attr_values(&html, "href")
            .into_iter()
            .chain(attr_values(&html, "src"))
        {
            if link.starts_with("http")
                || link.starts_with("mailto:")
                || link.starts_with("tel:")
                || link.starts_with('#')
            {
                continue;
            }
            assert!(
                link.starts_with("/partner/"),
                "{f}: link {link} ignores the base path"
            );
            assert!(
                resolve(&out, "/partner/", &link).is_some(),
                "{f}: link {link} leads nowhere"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} links checked");
}

#[test]
fn footer_links_imprint_and_privacy() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let home = read(&out, "index.html");
    assert!(
        home.contains("href=\"/partner/impressum/\"") || home.contains("href=/partner/impressum/")
    );
    assert!(home.contains("/partner/datenschutz/"));
}

#[test]
fn alias_redirects_to_the_page() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let alias = read(&out, "alt/lyon.html");
    assert!(alias.contains("url=/partner/cities/lyon/"), "{alias}");
}

#[test]
fn an_alias_never_hides_a_page_the_site_makes() {
    let (_t, root) = temp_site("mini");
    let lyon = root.join("content/cities/lyon.md");
    let text = std::fs::read_to_string(&lyon).unwrap();
    std::fs::write(&lyon, text.replace("[/alt/lyon.html]", "[/map/]")).unwrap();
    let Err(diags) = twinsite::build_in_memory(&opts(&root)) else {
        panic!("an alias on /map/ must be refused");
    };
    assert!(
        diags.iter().any(|d| d
            .message
            .contains("the alias /map/ is the address of a page")),
        "{diags:?}"
    );
    // Below a section, where the list of addresses depends on the content: refused as well,
    // at the line of the alias.
    std::fs::write(&lyon, text.replace("[/alt/lyon.html]", "[/topics/jugend/]")).unwrap();
    let Err(diags) = twinsite::build_in_memory(&opts(&root)) else {
        panic!("an alias on a topic page must be refused");
    };
    let line = text
        .lines()
        .position(|l| l.starts_with("aliases:"))
        .unwrap()
        + 1;
    assert!(
        diags.iter().any(|d| d.line == line
            && d.message
                .contains("the alias /topics/jugend/ is the address of a page")),
        "{diags:?}"
    );
}

#[test]
fn feeds_and_data_are_valid_and_absolute() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let geo: serde_json::Value = serde_json::from_str(&read(&out, "data/cities.geojson")).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    let lyon = geo["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "lyon")
        .unwrap();
    assert_eq!(
        lyon["geometry"]["coordinates"][0], 4.836,
        "GeoJSON is lon, lat"
    );
    assert_eq!(lyon["geometry"]["coordinates"][1], 45.764);
    let events: serde_json::Value = serde_json::from_str(&read(&out, "data/events.json")).unwrap();
    assert_eq!(events["events"].as_array().unwrap().len(), 3);
    let atom = read(&out, "atom.xml");
    assert!(atom.contains("<id>https://example.org/partner/news/bericht/</id>"));
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/partner/cities/lyon/</loc>"));
    assert!(
        !sitemap.contains("alt/lyon"),
        "aliases are not in the sitemap"
    );
    assert!(read(&out, "robots.txt").contains("Sitemap: https://example.org/partner/sitemap.xml"));
}

#[test]
fn hostile_values_are_escaped_everywhere() {
    let (_t, out) = build_into_temp(&fixture("hostile"));
    // The search index is gzipped; tests/search.rs reads what it holds.
    for f in files(&out)
        .into_iter()
        .filter(|f| !f.starts_with("pagefind/"))
    {
        let text = read(&out, &f);
        if f.ends_with(".html") {
            let markup = markup_without_attribute_values(&text);
            let text = markup.as_str();
            assert!(
                !text.contains("<script>alert"),
                "{f} has an injected script"
            );
            assert!(!text.contains("<img src=x"), "{f} has an injected tag");
            assert!(!text.contains("<iframe"), "{f} has an injected iframe");
            let tags = text
                .split('<')
                .skip(1)
                .map(|t| t.split('>').next().unwrap_or(""));
            for tag in tags {
                assert!(
                    !tag.contains("onmouseover") && !tag.contains("onerror"),
                    "{f} has an injected attribute in <{tag}>"
                );
            }
            // JSON-LD must not be closable from inside.
            if let Some(i) = text.find("application/ld+json") {
                let rest = &text[i..];
                let body_end = rest.find("</script>").unwrap();
                assert!(!rest[..body_end].contains('<'), "{f}: raw < inside JSON-LD");
            }
        }
        if f.ends_with(".xml") {
            assert!(!text.contains("<script"), "{f}");
            assert!(!text.contains("]]> <![CDATA["), "{f}");
            assert!(!text.contains('\u{7}'), "{f} keeps a control character");
        }
    }
    let geo: serde_json::Value = serde_json::from_str(&read(&out, "data/cities.geojson")).unwrap();
    assert_eq!(
        geo["features"][0]["properties"]["name"], "\"><script>alert(1)</script>",
        "JSON keeps the value intact"
    );
}

#[test]
fn builds_are_byte_for_byte_deterministic() {
    let (_a, out1) = build_into_temp(&fixture("mini"));
    let (_b, out2) = build_into_temp(&fixture("mini"));
    let f1 = files(&out1);
    assert_eq!(f1, files(&out2));
    for f in f1 {
        assert_eq!(
            std::fs::read(out1.join(&f)).unwrap(),
            std::fs::read(out2.join(&f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn site_templates_override_the_theme() {
    let (_t, root) = temp_site("mini");
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/404.html"),
        "<!doctype html><title>x</title><p>EIGENE 404 {{ site.title }}</p>",
    )
    .unwrap();
    let (_o, out) = build_into_temp(&root);
    assert!(read(&out, "404.html").contains("EIGENE 404 Partnerschaften Beispielstadt"));
}

#[test]
fn demo_site_builds_and_every_menu_page_exists() {
    let (_t, out) = build_into_temp(&repo_root());
    let home = read(&out, "index.html");
    let menu: Vec<String> = attr_values(&home, "href")
        .into_iter()
        .filter(|h| h.starts_with('/'))
        .collect();
    assert!(menu.len() > 20);
    for link in menu {
        assert!(
            resolve(&out, "/", &link).is_some(),
            "home links to {link}, which does not exist"
        );
    }
    let cities = files(&out)
        .iter()
        .filter(|f| f.starts_with("cities/") && f.ends_with("/index.html"))
        .count();
    assert!(cities >= 9, "demo has {cities} city pages");
}

#[test]
fn hidden_gitignored_and_draft_files_are_not_published() {
    let (_t, root) = temp_site("mini");
    std::fs::write(
        root.join("content/events/.entwurf.md"),
        "---\ntitle: Versteckt\ndate: 2026-12-01\n---\n",
    )
    .unwrap();
    std::fs::write(root.join("content/.gitignore"), "privat/\n").unwrap();
    std::fs::create_dir_all(root.join("content/privat")).unwrap();
    std::fs::write(
        root.join("content/privat/notiz.md"),
        "not even front matter",
    )
    .unwrap();
    std::fs::write(
        root.join("content/events/plan.md"),
        "---\ntitle: Geplant\ndate: 2026-12-24\ndraft: true\n---\n",
    )
    .unwrap();
    let (_o, out) = build_into_temp(&root);
    assert!(!out.join("events/entwurf/index.html").exists());
    assert!(
        !out.join("events/plan/index.html").exists(),
        "drafts are left out"
    );
    let mut o = opts(&root);
    o.drafts = true;
    let dir = tempfile::tempdir().unwrap();
    twinsite::build(&o, &dir.path().join("p")).unwrap();
    assert!(
        dir.path().join("p/events/plan/index.html").is_file(),
        "--drafts publishes them"
    );
}

#[test]
fn minify_false_keeps_the_template_layout() {
    let (_t, root) = temp_site("mini");
    let cfg = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    std::fs::write(root.join("site.yaml"), format!("{cfg}minify: false\n")).unwrap();
    let (_o, out) = build_into_temp(&root);
    let html = read(&out, "index.html");
    assert!(
        html.contains("<meta charset=\"utf-8\">\n"),
        "unminified output keeps quotes and newlines"
    );
    let (_m, minified) = build_into_temp(&fixture("mini"));
    assert!(read(&minified, "index.html").len() < html.len());
}
