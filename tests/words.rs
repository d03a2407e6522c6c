//! The words and numbers visitors read: counted words in their plural form, numbers that keep
//! their unit on the line, the partnership's start under the label "Seit", month headings in
//! event lists, past events, multi-day events in the month grid, and no empty sections.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use common::*;

const NBSP: char = '\u{A0}';

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The mini site with a partnership of one year, a costly week-long exchange that crosses a
/// week row and a month, and a past event that still names its sign-up page.
fn site() -> (tempfile::TempDir, tempfile::TempDir, std::path::PathBuf) {
    let (src, root) = temp_site("mini");
    write(
        &root,
        "content/cities/tartu.md",
        "---\ntitle: Tartu\ncountry: Estland\nkind: partnership\nsince: 2025\nlat: 58.38\nlon: 26.72\n---\nNeu.\n",
    );
    write(
        &root,
        "content/events/woche.md",
        "---\ntitle: Begegnungswoche\ndate: 2026-11-27\nend_date: 2026-12-02\ncost: \"1.450 €, ermäßigt 8 € oder CHF 20\"\nlocation: { name: Rathaus }\n---\nEine Woche.\n",
    );
    write(
        &root,
        "content/events/2025/fest.md",
        "---\ntitle: Sommerfest 2025\ndate: 2025-08-16\nregistration: https://example.org/anmeldung\nlocation: { name: Park }\n---\nVorbei.\n",
    );
    write(
        &root,
        "content/news/spenden.md",
        "---\ntitle: \"Spendenaktion: 48.000 € gesammelt\"\ndate: 2026-06-01\n---\nDanke für 48.000 € und 3 km Lauf.\n",
    );
    let (out_dir, out) = build_into_temp(&root);
    (src, out_dir, out)
}

#[test]
fn counted_words_take_their_plural_form() {
    let (_s, _o, out) = site();
    let tartu = read(&out, "cities/tartu/index.html");
    assert!(
        tartu.contains(&format!("seit{NBSP}2025 · 1{NBSP}Jahr<")),
        "{tartu}"
    );
    let lyon = read(&out, "cities/lyon/index.html");
    assert!(lyon.contains(&format!("seit{NBSP}1963 · 63{NBSP}Jahre")));
    // The archive counts its events in words: "(2 Termine)".
    let events = read(&out, "events/index.html");
    assert!(
        events.contains(&format!(">2025</a> (2{NBSP}Termine)")),
        "{events}"
    );
}

#[test]
fn titles_and_texts_keep_numbers_with_their_units() {
    let (_s, _o, out) = site();
    let news = read(&out, "news/spenden/index.html");
    assert!(
        news.contains(&format!("<h1>Spendenaktion: 48.000{NBSP}€ gesammelt</h1>")),
        "{news}"
    );
    assert!(news.contains(&format!("Danke für 48.000{NBSP}€ und 3{NBSP}km Lauf.")));
    let atom = read(&out, "atom.xml");
    assert!(
        atom.contains(&format!("48.000{NBSP}€ gesammelt")),
        "the feed stays readable"
    );
}

#[test]
fn the_since_value_does_not_repeat_the_label() {
    let (_s, _o, out) = site();
    let lyon = read(&out, "cities/lyon/index.html");
    let dd = format!("<dt>Seit</dt><dd>15.{NBSP}Juni{NBSP}1963 (63{NBSP}Jahre)</dd>");
    assert!(lyon.contains(&dd), "{lyon}");
    let tartu = read(&out, "cities/tartu/index.html");
    assert!(tartu.contains(&format!("<dt>Seit</dt><dd>2025 (1{NBSP}Jahr)</dd>")));
}

#[test]
fn costs_keep_numbers_with_their_currency() {
    let (_s, _o, out) = site();
    let page = read(&out, "events/woche/index.html");
    let cost = format!("1.450{NBSP}€, ermäßigt 8{NBSP}€ oder CHF{NBSP}20");
    assert!(page.contains(&cost), "{page}");
    assert!(!page.contains("&nbsp;") && !page.contains("&amp;nbsp;"));
    // The data feeds keep the text as written, correctly escaped.
    let ics = read(&out, "events/woche/woche.ics").replace("\r\n ", "");
    assert!(ics.contains("ermäßigt 8"), "{ics}");
}

#[test]
fn upcoming_events_stand_under_month_headings() {
    let (_s, _o, out) = site();
    let events = read(&out, "events/index.html");
    let nov = events
        .find(&format!("id=m-2026-11>November{NBSP}2026</h3>"))
        .expect("November heading");
    let dec = events
        .find(&format!("id=m-2026-12>Dezember{NBSP}2026</h3>"))
        .expect("December heading");
    let woche = events.find("/partner/events/woche/").unwrap();
    let brunch = events.find("/partner/events/brunch/").unwrap();
    assert!(nov < woche && woche < dec && dec < brunch, "{events}");
    let archive = read(&out, "events/archive/2025/index.html");
    assert!(archive.contains(&format!("id=m-2025-08>August{NBSP}2025</h2>")));
    assert!(archive.contains(&format!("id=m-2025-07>Juli{NBSP}2025</h2>")));
}

#[test]
fn past_events_are_marked_and_take_no_sign_ups() {
    let (_s, _o, out) = site();
    let past = read(&out, "events/fest/index.html");
    assert!(
        past.contains("past-event\">Vergangener Termin</p>"),
        "{past}"
    );
    assert!(!past.contains("example.org/anmeldung"), "no sign-up button");
    let coming = read(&out, "events/brunch/index.html");
    // Only the badge the page's script shows once the last day is over, hidden until then.
    assert_eq!(coming.matches("Vergangener Termin").count(), 1, "{coming}");
    assert!(
        coming.contains("past-event\" hidden>Vergangener Termin</p>"),
        "{coming}"
    );
}

/// The `<td>` of the month grid for `iso`.
fn cell<'a>(html: &'a str, iso: &str) -> &'a str {
    let start = html
        .find(&format!("datetime={iso}>"))
        .unwrap_or_else(|| panic!("no cell {iso}"));
    let end = html[start..].find("</td>").unwrap() + start;
    &html[start..end]
}

#[test]
fn a_week_long_event_is_linked_once_per_week_row_and_month() {
    let (_s, _o, out) = site();
    let link = "/partner/events/woche/";
    let nov = read(&out, "calendar/2026/11/index.html");
    assert!(cell(&nov, "2026-11-27").contains(link), "first day");
    for day in ["2026-11-28", "2026-11-29"] {
        let c = cell(&nov, day);
        assert!(
            !c.contains(link) && c.contains("class=continues"),
            "{day}: {c}"
        );
    }
    assert!(
        cell(&nov, "2026-11-30").contains(link),
        "a new week row (Monday)"
    );
    let list = &nov[nov.find("month-list").unwrap()..];
    assert_eq!(list.matches(link).count(), 1, "one list entry: {list}");
    assert!(
        list.contains(
            "Freitag, 27.\u{A0}November\u{A0}2026 bis Mittwoch, 2.\u{A0}Dezember\u{A0}2026"
        )
    );
    let dec = read(&out, "calendar/2026/12/index.html");
    assert!(cell(&dec, "2026-12-01").contains(link), "a new month");
    assert!(!cell(&dec, "2026-12-02").contains(link));
    // A recurring event keeps one link per date.
    assert!(cell(&dec, "2026-12-08").contains("/partner/events/stammtisch/"));
}

#[test]
fn empty_sections_get_no_menu_entry_and_no_home_box() {
    let (_s, root) = temp_site("mini");
    std::fs::remove_dir_all(root.join("content/news")).unwrap();
    std::fs::remove_dir_all(root.join("content/associations")).unwrap();
    for f in ["content/events/brunch.md", "content/events/stammtisch.md"] {
        let path = root.join(f);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, text.replace("organizers: [freundeskreis]\n", "")).unwrap();
    }
    let (_o, out) = build_into_temp(&root);
    let home = read(&out, "index.html");
    assert!(!home.contains("Noch keine Meldungen"), "no empty news box");
    assert!(!home.contains("/partner/news/"), "no news link");
    assert!(!home.contains(">Vereine<"), "no associations entry");
    assert!(home.contains(">Termine<") && home.contains(">Partnerstädte<"));
    // A full site keeps them.
    let (_o2, full) = build_into_temp(&fixture("mini"));
    let home = read(&full, "index.html");
    assert!(home.contains(">Vereine<") && home.contains(">Aktuelles<"));
}

#[test]
fn polish_and_hebrew_count_years_their_own_way() {
    let (_o, out) = build_into_temp(&fixture("multilingual"));
    let pl = read(&out, "pl/cities/krakow/index.html");
    assert!(pl.contains(&format!("od{NBSP}1991 · 35{NBSP}lat")), "{pl}");
    assert!(pl.contains(&format!("<dd>1991 (35{NBSP}lat)</dd>")));
    let he = read(&out, "he/cities/herzliya/index.html");
    assert!(he.contains(&format!("2005 (21{NBSP}שנים)")), "{he}");
    let events = read(&out, "pl/events/index.html");
    assert!(
        events.contains(&format!("id=m-2026-12>Grudzień{NBSP}2026</h3>")),
        "{events}"
    );
    let fr = read(&out, "fr/cities/lyon/index.html");
    assert!(fr.contains(&format!("15{NBSP}juin{NBSP}1963 (63{NBSP}ans)")));
}

#[test]
fn a_theme_may_keep_a_single_string_for_a_counted_key() {
    let (_s, root) = temp_site("mini");
    write(
        &root,
        "themes/default/i18n/de.yaml",
        "since_years: \"ab {since}, {years} J.\"\n",
    );
    let (_o, out) = build_into_temp(&root);
    let lyon = read(&out, "cities/lyon/index.html");
    assert!(lyon.contains("ab 1963, 63 J."), "{lyon}");
}

#[test]
fn a_broken_plural_map_is_reported_at_its_line() {
    let (_s, root) = temp_site("mini");
    write(
        &root,
        "themes/default/i18n/de.yaml",
        "home: \"Start\"\nsince_years:\n  eins: \"{years} Jahr\"\n  other: \"{years} Jahre\"\n",
    );
    let out = tempfile::tempdir().unwrap();
    let Err(twinsite::BuildError::Content(d)) = twinsite::build(&opts(&root), out.path()) else {
        panic!("the build must fail");
    };
    let text: Vec<String> = d.iter().map(ToString::to_string).collect();
    let text = text.join("\n");
    assert!(text.contains("de.yaml:2:"), "{text}");
    assert!(text.contains("\"eins\" is not a plural category"), "{text}");
}

#[test]
fn a_written_menu_entry_to_an_empty_section_is_a_warning() {
    let (_s, root) = temp_site("mini");
    std::fs::remove_dir_all(root.join("content/news")).unwrap();
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    let menu = "menu:\n  - { title: Termine, url: /events/ }\n  - { title: Neues, url: /news/ }\n";
    std::fs::write(root.join("site.yaml"), format!("{yaml}{menu}")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let report = twinsite::build(&opts(&root), out.path()).unwrap();
    let text: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    let text = text.join("\n");
    assert!(
        text.contains("\"Neues\" links to /news/, but the site has no news"),
        "{text}"
    );
    assert!(!text.contains("\"Termine\" links"), "{text}");
    // The written menu stays as written.
    let home = read(out.path(), "index.html");
    assert!(home.contains(">Neues<"));
}
