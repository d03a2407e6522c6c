//! Multilingual sites: every page in every language, translations from sibling files, marked
//! fallbacks, the language switcher, hreflang alternates, per-language feeds and data, localized
//! dates, right-to-left languages, and the errors of misplaced translations.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::{attr_values, build_into_temp, files, fixture, opts, read, resolve, temp_site};
use twinsite::diagnostics::{Diagnostic, Severity};

const LANGS: [&str; 3] = ["fr", "pl", "he"];

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    build_into_temp(&fixture("multilingual"))
}

/// Pages written once for the whole site, at the root.
fn root_only(p: &str) -> bool {
    p == "404.html"
        || p.starts_with("alt/")
        || LANGS.iter().any(|l| p.starts_with(&format!("{l}/")))
}

#[test]
fn every_page_exists_in_every_language() {
    let (_d, out) = built();
    let all = files(&out);
    let pages: Vec<&String> = all
        .iter()
        .filter(|p| p.ends_with(".html") && !root_only(p))
        .collect();
    assert!(pages.len() > 20, "{pages:?}");
    for lang in LANGS {
        for p in &pages {
            assert!(out.join(lang).join(p).is_file(), "{lang}/{p} is missing");
        }
        for feed in [
            "atom.xml",
            "calendar.ics",
            "data/cities.geojson",
            "data/events.json",
        ] {
            assert!(out.join(lang).join(feed).is_file(), "{lang}/{feed}");
        }
        // Written once, at the root.
        for once in [
            "404.html",
            "sitemap.xml",
            "robots.txt",
            "style.css",
            "alt/lyon.html",
        ] {
            assert!(!out.join(lang).join(once).exists(), "{lang}/{once}");
        }
    }
}

#[test]
fn translations_replace_text_and_keep_data() {
    let (_d, out) = built();
    let fr = read(&out, "fr/cities/lyon/index.html");
    assert!(fr.contains("Lyon est notre plus ancienne ville jumelée."));
    assert!(fr.contains("France"), "translated country");
    assert!(fr.contains("1963"), "shared since");
    assert!(!fr.contains("fallback-note"));
    let de = read(&out, "cities/lyon/index.html");
    assert!(de.contains("Lyon ist unsere älteste Partnerstadt."));
    // The event's translated venue name keeps the original's address and coordinates.
    let ev = read(&out, "fr/events/brunch/index.html");
    assert!(ev.contains("Brunch du jumelage"));
    assert!(ev.contains("Maison des citoyens"));
    assert!(ev.contains("Hauptstraße 1"));
    assert!(ev.contains("gratuit"));
}

#[test]
fn fallbacks_are_marked_and_point_to_the_original() {
    let (_d, out) = built();
    let html = read(&out, "fr/cities/krakow/index.html");
    assert!(
        html.contains("fallback-note"),
        "note on an untranslated page"
    );
    assert!(
        html.contains("Deutsch"),
        "the note names the original language"
    );
    assert!(html.contains("Krakau ist eine Freundschaftsstadt."));
    // The German text is marked as German inside the French page.
    assert!(
        html.contains("<h1 dir=ltr lang=de>") || html.contains("<h1 lang=de dir=ltr>"),
        "{}",
        &html[html.find("<h1").unwrap()..][..60]
    );
    let canonical = attr_values(&html, "href")
        .into_iter()
        .find(|h| h == "https://example.org/partner/cities/krakow/");
    assert!(canonical.is_some(), "canonical points at the original");
    // A translated page is not a fallback; the Polish Kraków is.
    assert!(!read(&out, "pl/cities/krakow/index.html").contains("fallback-note"));
    assert!(
        read(&out, "pl/cities/krakow/index.html").contains("Kraków jest naszym miastem przyjaźni.")
    );
    // Lists, calendar and map are generated in every language: never a fallback; an
    // untranslated title in them is marked with its language.
    let list = read(&out, "fr/cities/index.html");
    assert!(!list.contains("fallback-note"));
    assert!(
        list.contains("href=/partner/fr/cities/krakow/><span lang=de>Krakau</span>"),
        "{list}"
    );
    assert!(list.contains("href=/partner/fr/cities/lyon/>Lyon</a>"));
}

#[test]
fn links_stay_in_the_readers_language() {
    let (_d, out) = built();
    // Markdown links of a translated and of a fallback page.
    let fr = read(&out, "fr/cities/lyon/index.html");
    assert!(
        fr.contains("href=/partner/fr/associations/freundeskreis/"),
        "translated body link"
    );
    assert!(
        fr.contains("src=/partner/favicon.svg"),
        "files stay at the root"
    );
    let fallback = read(&out, "pl/cities/lyon/index.html");
    assert!(
        fallback.contains("href=/partner/pl/associations/freundeskreis/"),
        "fallback body links point into the reader's language"
    );
    // No UI pattern is shown unfilled ("{hh}:{mm}") on any page.
    for p in files(&out).iter().filter(|p| p.ends_with(".html")) {
        let html = read(&out, p);
        for placeholder in ["{hh}", "{mm}", "{day}", "{month}", "{year}", "{original}"] {
            assert!(!html.contains(placeholder), "{p} shows {placeholder}");
        }
    }
    // Every internal link of every page of every language resolves.
    let mut checked = 0;
    for p in files(&out).iter().filter(|p| p.ends_with(".html")) {
        let html = read(&out, p);
        for attr in ["href", "src"] {
            for link in attr_values(&html, attr) {
                if link.starts_with("/partner/") {
                    assert!(resolve(&out, "/partner/", &link).is_some(), "{p}: {link}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 500, "{checked}");
}

#[test]
fn switcher_links_to_the_same_page_in_each_language() {
    let (_d, out) = built();
    let html = read(&out, "fr/events/brunch/index.html");
    let nav = &html[html.find("class=lang-nav").unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    let links = attr_values(nav, "href");
    assert_eq!(
        links,
        [
            "/partner/events/brunch/",
            "/partner/fr/events/brunch/",
            "/partner/pl/events/brunch/",
            "/partner/he/events/brunch/"
        ]
    );
    for l in &links {
        assert!(resolve(&out, "/partner/", l).is_some(), "{l}");
    }
    let current: Vec<&str> = nav
        .split("<a ")
        .filter(|a| a.contains("aria-current"))
        .collect();
    assert_eq!(current.len(), 1, "{nav}");
    assert!(
        current[0].contains("href=/partner/fr/events/brunch/"),
        "{nav}"
    );
    for name in ["Deutsch", "Français", "Polski", "עברית"] {
        assert!(nav.contains(name), "{name}");
    }
    // A one-language site has no switcher and no alternates.
    let (_d2, mini) = build_into_temp(&fixture("mini"));
    let home = read(&mini, "index.html");
    assert!(!home.contains("lang-nav") && !home.contains("hreflang"));
}

#[test]
fn hreflang_alternates_and_sitemap_list_real_translations_only() {
    let (_d, out) = built();
    let lyon = read(&out, "cities/lyon/index.html");
    let langs = attr_values(&lyon, "hreflang");
    assert!(langs.contains(&"fr".to_owned()) && langs.contains(&"x-default".to_owned()));
    let head = &lyon[..lyon.find("</head>").unwrap()];
    assert!(
        !attr_values(head, "hreflang").contains(&"pl".to_owned()),
        "Lyon has no Polish translation"
    );
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/partner/fr/cities/lyon/</loc>"));
    assert!(sitemap.contains("<loc>https://example.org/partner/pl/cities/krakow/</loc>"));
    assert!(
        !sitemap.contains("<loc>https://example.org/partner/fr/cities/krakow/</loc>"),
        "fallback copies are not listed"
    );
    assert!(sitemap.contains("<loc>https://example.org/partner/he/calendar/</loc>"));
    assert!(
        sitemap.contains("hreflang=\"fr\" href=\"https://example.org/partner/fr/cities/lyon/\"")
    );
}

#[test]
fn feeds_and_data_are_per_language() {
    let (_d, out) = built();
    let ics_fr = read(&out, "fr/calendar.ics");
    let ics_de = read(&out, "calendar.ics");
    assert!(ics_fr.contains("SUMMARY:Brunch du jumelage"));
    assert!(ics_de.contains("SUMMARY:Partnerschaftsbrunch"));
    let uids_de: Vec<&str> = ics_de.lines().filter(|l| l.starts_with("UID:")).collect();
    let uids_fr: Vec<&str> = ics_fr.lines().filter(|l| l.starts_with("UID:")).collect();
    assert_eq!(
        uids_de, uids_fr,
        "the same events have the same UIDs in every language"
    );
    assert!(!uids_fr.is_empty());
    assert!(ics_fr.contains("/partner/fr/events/brunch/"));
    let atom = read(&out, "fr/atom.xml");
    assert!(atom.contains("https://example.org/partner/fr/"));
    let geo = read(&out, "fr/data/cities.geojson");
    assert!(
        geo.contains("\"France\""),
        "translated country in the French data"
    );
    assert!(read(&out, "data/cities.geojson").contains("\"Frankreich\""));
}

#[test]
fn dates_and_ui_strings_are_localized() {
    let (_d, out) = built();
    assert!(read(&out, "events/brunch/index.html").contains("5.\u{A0}Dezember\u{A0}2026"));
    let fr = read(&out, "fr/events/brunch/index.html");
    assert!(fr.contains("5\u{A0}décembre\u{A0}2026"), "French date");
    let pl = read(&out, "pl/events/brunch/index.html");
    assert!(
        pl.contains("5\u{A0}grudnia\u{A0}2026"),
        "Polish date, month in the genitive"
    );
    let cal = read(&out, "fr/calendar/2026/12/index.html");
    assert!(cal.contains("décembre\u{A0}2026"), "French month heading");
    let html = read(&out, "fr/index.html");
    assert!(html.contains("<html dir=ltr lang=fr>"), "{}", &html[..80]);
    // The site's own texts from `translations:` in site.yaml.
    assert!(html.contains("<title>Jumelages de Beispielstadt</title>"));
    assert!(read(&out, "fr/atom.xml").contains("Jumelages de Beispielstadt"));
    assert!(read(&out, "pl/index.html").contains("<title>Partnerschaften Beispielstadt</title>"));
}

#[test]
fn right_to_left_languages_get_dir_rtl() {
    let (_d, out) = built();
    let he = read(&out, "he/cities/herzliya/index.html");
    assert!(he.contains("<html dir=rtl lang=he>"), "{}", &he[..80]);
    assert!(he.contains("הרצליה שוכנת לחוף הים התיכון."));
    // A German fallback inside a Hebrew page runs left to right.
    let fallback = read(&out, "he/cities/lyon/index.html");
    assert!(fallback.contains("<html dir=rtl lang=he>"));
    assert!(fallback.contains("dir=ltr lang=de"));
    assert!(read(&out, "cities/herzliya/index.html").contains("<html dir=ltr lang=de>"));
}

fn diagnostics_of(root: &Path) -> Vec<Diagnostic> {
    match twinsite::build_in_memory(&opts(root)) {
        Ok(b) => b.warnings,
        Err(d) => d,
    }
}

fn find<'a>(d: &'a [Diagnostic], path: &str, text: &str) -> &'a Diagnostic {
    d.iter()
        .find(|d| d.path == Path::new(path) && d.message.contains(text))
        .unwrap_or_else(|| panic!("no {path}: …{text}… in {d:#?}"))
}

#[test]
fn translations_may_only_change_text() {
    let (_d, root) = temp_site("multilingual");
    std::fs::write(
        root.join("content/cities/lyon.fr.md"),
        "---\ntitle: Lyon\nlat: 45.7\nsince: 1964\n---\nTexte.\n",
    )
    .unwrap();
    let d = diagnostics_of(&root);
    // Shared keys with other values than the original's: an error naming both places.
    let lat = find(
        &d,
        "content/cities/lyon.fr.md",
        "`lat` differs from the original (content/cities/lyon.md:7)",
    );
    assert_eq!((lat.line, lat.severity), (3, Severity::Error));
    assert!(
        lat.hint
            .as_deref()
            .unwrap_or("")
            .contains("content/cities/lyon.md")
    );
    let since = find(
        &d,
        "content/cities/lyon.fr.md",
        "`since` differs from the original (content/cities/lyon.md:6)",
    );
    assert_eq!(since.line, 4);
    // A key the original does not have is still one a translation cannot set.
    std::fs::write(
        root.join("content/cities/lyon.fr.md"),
        "---
title: Lyon
end: 2020
---
Texte.
",
    )
    .unwrap();
    let d = diagnostics_of(&root);
    let extra = find(
        &d,
        "content/cities/lyon.fr.md",
        "`end` cannot be translated",
    );
    assert!(extra.hint.as_deref().unwrap_or("").contains("country"));
}

#[test]
fn misplaced_translations_are_explained() {
    let (_d, root) = temp_site("multilingual");
    std::fs::write(
        root.join("content/cities/lyon.it.md"),
        "---\ntitle: Lione\n---\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/cities/paris.fr.md"),
        "---\ntitle: Paris\n---\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/cities/krakow.de.md"),
        "---\ntitle: Krakau\n---\n",
    )
    .unwrap();
    let d = diagnostics_of(&root);
    let it = find(
        &d,
        "content/cities/lyon.it.md",
        "does not list that language",
    );
    assert!(
        it.hint
            .as_deref()
            .unwrap_or("")
            .contains("languages: [de, fr, pl, he, it]")
    );
    let orphan = find(
        &d,
        "content/cities/paris.fr.md",
        "content/cities/paris.md, which does not exist",
    );
    assert_eq!(orphan.severity, Severity::Error);
    find(&d, "content/cities/krakow.de.md", "default language");
}

#[test]
fn a_missing_ui_string_is_reported() {
    let (_d, root) = temp_site("multilingual");
    let yaml = std::fs::read_to_string(root.join("site.yaml"))
        .unwrap()
        .replace("[de, fr, pl, he]", "[de, fr, pl, he, it]");
    std::fs::write(root.join("site.yaml"), yaml).unwrap();
    let i18n = root.join("themes/default/i18n");
    std::fs::create_dir_all(&i18n).unwrap();
    std::fs::write(i18n.join("it.yaml"), "home: \"Pagina iniziale\"\n").unwrap();
    let d = diagnostics_of(&root);
    let w = find(&d, "themes/default/i18n/it.yaml", "missing in \"it\"");
    assert_eq!(w.severity, Severity::Warning);
    assert!(w.message.contains("activity_A,"), "{}", w.message);
    assert!(!w.message.contains(" home,"), "{}", w.message);
    // The build still works; English fills the gaps, the Italian string is used.
    let b = twinsite::build_in_memory(&opts(&root)).unwrap();
    let home = String::from_utf8_lossy(b.output.get("it/index.html").unwrap()).into_owned();
    assert!(home.contains("Pagina iniziale") || home.contains("Partner cities"));
}

#[test]
fn a_translation_gives_a_picture_its_own_alt_text() {
    let (_t, root) = temp_site("multilingual");
    std::fs::create_dir_all(root.join("static/images")).unwrap();
    std::fs::write(
        root.join("static/images/rathaus.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 3\"><rect width=\"4\" height=\"3\"/></svg>",
    )
    .unwrap();
    let add = |file: &str, line: &str| {
        let path = root.join("content/cities").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replacen("---\n", &format!("---\n{line}\n"), 1);
        std::fs::write(&path, text).unwrap();
    };
    add(
        "lyon.md",
        "image: { src: /images/rathaus.svg, alt: Das Rathaus von Lyon }",
    );
    add("lyon.fr.md", "image: { alt: \"L'hôtel de ville de Lyon\" }");
    let (_d, out) = build_into_temp(&root);
    let de = read(&out, "cities/lyon/index.html");
    let fr = read(&out, "fr/cities/lyon/index.html");
    assert!(de.contains("Das Rathaus von Lyon"), "{de}");
    assert!(
        fr.contains("L'hôtel de ville de Lyon")
            || fr.contains("L&#39;hôtel de ville de Lyon")
            || fr.contains("L&#x27;hôtel de ville de Lyon"),
        "{fr}"
    );
    assert!(fr.contains("rathaus.svg"), "{fr}");
}

#[test]
fn a_copied_translation_may_keep_the_shared_keys_unchanged() {
    let (_t, root) = temp_site("multilingual");
    let cities = root.join("content/cities");
    let original = std::fs::read_to_string(cities.join("lyon.md")).unwrap();
    let title = original
        .lines()
        .find(|l| l.starts_with("title:"))
        .unwrap()
        .to_owned();
    // What volunteers do: copy the original and translate its texts.
    let copied = original.replacen(&title, "title: Lyon (fr)", 1);
    std::fs::write(cities.join("lyon.fr.md"), &copied).unwrap();
    let (_d, out) = build_into_temp(&root);
    assert!(read(&out, "fr/cities/lyon/index.html").contains("Lyon (fr)"));
    // A shared key with another value is an error naming both files.
    let lat = original
        .lines()
        .find(|l| l.starts_with("lat:"))
        .unwrap()
        .to_owned();
    std::fs::write(
        cities.join("lyon.fr.md"),
        copied.replacen(&lat, "lat: 12.5", 1),
    )
    .unwrap();
    let diags = twinsite::check::check(&opts(&root));
    let d = diags
        .iter()
        .find(|d| d.path.ends_with("lyon.fr.md") && d.severity == Severity::Error)
        .unwrap_or_else(|| panic!("no error: {diags:?}"));
    assert!(
        d.message
            .contains("`lat` differs from the original (content/cities/lyon.md:"),
        "{d:?}"
    );
}
