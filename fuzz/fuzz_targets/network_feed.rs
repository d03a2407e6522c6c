//! A `network:` source's fetched bytes through what a build does with them: read as
//! iCalendar (recurrences expanded) or as another site's `events.json`, as the build chooses,
//! inside the build's window, then made into the site's event entries. Every read must end
//! quickly and give a bounded, sorted list of events whose texts are clean one-liners (the
//! description: clean lines), whose links are web links, and whose teasers are escaped.
#![no_main]

use jiff::ToSpan;
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use libfuzzer_sys::fuzz_target;
use twinsite::content::front_matter::Pos;
use twinsite::diagnostics::Diagnostics;
use twinsite::network::remote::{
    MAX_DESCRIPTION, MAX_EVENTS, MAX_LOCATION, MAX_TITLE, RemoteEvent, When,
};
use twinsite::network::{self, Body, Source, entries};

/// The build date; the window runs from [`entries::BACK_DAYS`] before to
/// [`entries::AHEAD_DAYS`] after it, as in a build.
const NOW: Date = date(2026, 11, 21);

/// Rules are expanded a day or two beyond the window (see `ics::expand`).
const MARGIN_DAYS: i64 = 3;

fn clean_line(s: &str, max: usize) -> bool {
    !s.is_empty()
        && s.trim() == s
        && !s.chars().any(char::is_control)
        && s.chars().count() <= max + 1
}

fn check(e: &RemoteEvent, from: Date, to: Date) {
    assert!(clean_line(&e.title, MAX_TITLE), "title {:?}", e.title);
    if let Some(l) = &e.location {
        assert!(clean_line(l, MAX_LOCATION), "location {l:?}");
    }
    if let Some(d) = &e.description {
        assert!(d.chars().count() <= MAX_DESCRIPTION + 1, "long description");
        assert!(
            d.split('\n')
                .all(|l| l.is_empty() || clean_line(l, MAX_DESCRIPTION)),
            "description {d:?}"
        );
    }
    if let Some(u) = &e.url {
        assert!(
            u.starts_with("http://") || u.starts_with("https://"),
            "link {u:?}"
        );
        assert!(u.bytes().all(|b| b.is_ascii_graphic()), "link {u:?}");
    }
    assert!(
        !e.uid.is_empty() && e.uid.bytes().all(|b| b.is_ascii_graphic()),
        "uid {:?}",
        e.uid
    );
    if let When::AllDay { first, last } = e.when {
        assert!(first <= last, "{e:?}");
    }
    let day = e.when.first_day();
    let margin = MARGIN_DAYS.days();
    assert!(
        day >= from.checked_sub(margin).unwrap_or(from)
            && day <= to.checked_add(margin).unwrap_or(to),
        "{day} outside {from}..{to}"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(zone) = TimeZone::get("Europe/Berlin") else {
        return;
    };
    let from = NOW.checked_sub(entries::BACK_DAYS.days()).unwrap_or(NOW);
    let to = NOW.checked_add(entries::AHEAD_DAYS.days()).unwrap_or(NOW);
    let Ok(events) = network::read_events(data, &zone, from, to) else {
        return;
    };
    assert!(events.len() <= MAX_EVENTS, "{} events", events.len());
    for e in &events {
        check(e, from, to);
    }
    assert!(
        events
            .windows(2)
            .all(|w| (w[0].when, &w[0].uid) < (w[1].when, &w[1].uid)),
        "events not sorted, or twice"
    );
    let source = Source {
        name: "Verein".to_owned(),
        url: "https://verein.example/kalender.ics".to_owned(),
        association: None,
        cities: Vec::new(),
        pos: Pos { line: 1, col: 1 },
    };
    let copy = Body {
        bytes: data.to_vec(),
        fetched: "2026-11-21T00:00:00Z".to_owned(),
    };
    let mut diags = Diagnostics::new();
    let made = entries::entries(&[source], &[Some(copy)], &zone, NOW, &mut diags);
    assert!(made.len() <= events.len(), "more entries than events");
    for entry in &made {
        let tags = entry
            .html
            .as_str()
            .replace("<p>", "")
            .replace("</p>", "")
            .replace("<br>", "");
        assert!(
            !tags.contains('<'),
            "markup in a teaser: {}",
            entry.html.as_str()
        );
    }
});
