//! The Hugo version of the synthetic site (`synth.rs`), for building the same content with Hugo
//! side by side with twinsite: the same entries from the same seed (titles, Markdown bodies,
//! front-matter facts), the sections cities, associations, events and news (empty in both), and
//! a small theme in `hugo/` that does per page what twinsite's default theme does.
//!
//! Comparable: every page has the same header, menu, footer and inline script (twinsite's
//! `fresh.html`), and the same stylesheet is copied; a city's page shows its facts, its
//! associations and its upcoming and past events; an association's its cities, contact facts
//! and events; an event's its date, time, repetition and next dates, place, organizers and
//! cities (each looked up as a page) and JSON-LD; the cities and associations lists show every
//! entry, the events list the upcoming events by month and this year's past ones; a yearly
//! archive page per past year; the topics page and one page per topic listing its entries with
//! summaries; the home page the next six events and twenty city cards; imprint, privacy and 404
//! pages. Both split events at the same build date, and write a sitemap. Markdown is rendered
//! with Goldmark's defaults (heading ids, tables, raw HTML left out) and no render hooks: links
//! in the Markdown are not looked up, as `twinsite build` does not check them either.
//!
//! Not comparable, twinsite only: the iCalendar files (the whole calendar, one per city, per
//! association and per event: one more file than there are entries), the map (an SVG world map
//! on the home and map pages, a small one with the distance on every city page), the month calendar
//! pages (`/calendar/YYYY/MM/`), `data/cities.geojson` and `data/events.json`, the Atom news
//! feed, `robots.txt`, anniversaries, a repeating event counting as upcoming until its last date,
//! checking the scheme of every link address in the Markdown, and the checks of every content
//! key, reference and date. Hugo only: its default RSS feeds (`index.xml` with summaries: the home page's with every
//! page, and one per section, for the topics and per topic). Neither site has pictures. Hugo's
//! front matter names an entry's cities `partners` instead of `cities`: they are a taxonomy, for
//! the city pages' lists, and a taxonomy cannot share the cities section's path (its term pages
//! are not rendered).
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::Path;

use crate::synth;

/// The theme and configuration, as (path in the site, contents).
const FILES: &[(&str, &str)] = &[
    ("hugo.yaml", include_str!("hugo/hugo.yaml")),
    ("i18n/de.yaml", include_str!("hugo/i18n/de.yaml")),
    (
        "layouts/baseof.html",
        include_str!("hugo/layouts/baseof.html"),
    ),
    ("layouts/home.html", include_str!("hugo/layouts/home.html")),
    ("layouts/page.html", include_str!("hugo/layouts/page.html")),
    (
        "layouts/section.html",
        include_str!("hugo/layouts/section.html"),
    ),
    (
        "layouts/taxonomy.html",
        include_str!("hugo/layouts/taxonomy.html"),
    ),
    ("layouts/term.html", include_str!("hugo/layouts/term.html")),
    ("layouts/404.html", include_str!("hugo/layouts/404.html")),
    (
        "layouts/cities/page.html",
        include_str!("hugo/layouts/cities/page.html"),
    ),
    (
        "layouts/cities/section.html",
        include_str!("hugo/layouts/cities/section.html"),
    ),
    (
        "layouts/associations/page.html",
        include_str!("hugo/layouts/associations/page.html"),
    ),
    (
        "layouts/associations/section.html",
        include_str!("hugo/layouts/associations/section.html"),
    ),
    (
        "layouts/events/page.html",
        include_str!("hugo/layouts/events/page.html"),
    ),
    (
        "layouts/events/section.html",
        include_str!("hugo/layouts/events/section.html"),
    ),
    (
        "layouts/_partials/archive_nav.html",
        include_str!("hugo/layouts/_partials/archive_nav.html"),
    ),
    (
        "layouts/_partials/city_card.html",
        include_str!("hugo/layouts/_partials/city_card.html"),
    ),
    (
        "layouts/_partials/event_item.html",
        include_str!("hugo/layouts/_partials/event_item.html"),
    ),
    (
        "layouts/_partials/event_lists.html",
        include_str!("hugo/layouts/_partials/event_lists.html"),
    ),
    (
        "layouts/_partials/links.html",
        include_str!("hugo/layouts/_partials/links.html"),
    ),
    (
        "layouts/_partials/topics.html",
        include_str!("hugo/layouts/_partials/topics.html"),
    ),
    (
        "layouts/_partials/upcoming.html",
        include_str!("hugo/layouts/_partials/upcoming.html"),
    ),
    (
        "static/style.css",
        include_str!("../../themes/default/static/style.css"),
    ),
    (
        "static/favicon.svg",
        include_str!("../../themes/default/static/favicon.svg"),
    ),
];

/// twinsite's inline script on every page, behind a template comment.
const FRESH: &str = include_str!("../../themes/default/templates/fresh.html");

/// A hash of the theme and configuration, so a site written by an older version can be told
/// apart (FNV-1a).
pub(crate) fn fingerprint() -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (path, text) in FILES.iter().chain([&("fresh", FRESH)]) {
        for b in path.bytes().chain(text.bytes()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// Writes the Hugo site for `pages` content pages below `root` (which must not exist yet or
/// be empty); `now` (YYYY-MM-DD) is the build date that splits upcoming from past events.
pub(crate) fn generate(root: &Path, pages: usize, now: &str) -> std::io::Result<()> {
    let this_year: usize = now.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    for (path, text) in FILES {
        let path = root.join(path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, text.replace("{now}", now))?;
    }
    let script = FRESH.split_once("-#}").map_or(FRESH, |(_, s)| s);
    std::fs::write(
        root.join("layouts/_partials/fresh.html"),
        script.trim_start(),
    )?;
    for (section, title) in [
        ("cities", "Partnerstädte"),
        ("associations", "Vereine und Initiativen"),
        ("events", "Termine"),
        ("news", "Aktuelles"),
    ] {
        let dir = root.join("content").join(section);
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join("_index.md"), format!("---\ntitle: {title}\n---\n"))?;
    }
    std::fs::write(root.join("content/impressum.md"), synth::IMPRINT)?;
    std::fs::write(root.join("content/datenschutz.md"), synth::PRIVACY)?;
    let mut years = BTreeSet::new();
    synth::entries(pages, |e| {
        let path = root.join("content").join(e.path());
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        if let synth::Kind::Event { date, .. } = e.kind {
            years.insert(date.0);
        }
        std::fs::write(path, e.file("partners"))
    })?;
    // One archive page per past year, as twinsite's /events/archive/YYYY/.
    for year in years.into_iter().filter(|&y| y < this_year) {
        std::fs::write(
            root.join(format!("content/events/{year}/_index.md")),
            format!("---\ntitle: Termine {year}\nlinkTitle: \"{year}\"\n---\n"),
        )?;
    }
    Ok(())
}
