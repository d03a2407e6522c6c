//! The calendar as users meet it: month grids with every day of multi-day events and every
//! occurrence of recurring ones, iCalendar feeds checked by an independent parser (Python
//! `icalendar` + `recurring-ical-events`, see tests/tools/check_ics.py) against the fixture,
//! stable UIDs, and schema.org JSON-LD on event pages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use serde_json::Value;

/// Runs the independent checker; with `expand`, returns the occurrences it computed.
fn check_ics(file: &Path, expand: Option<(&str, &str)>) -> Value {
    let script = repo_root().join("tests/tools/check_ics.py");
    let mut cmd = Command::new(common::python());
    cmd.arg(&script).arg(file);
    if let Some((from, to)) = expand {
        cmd.args(["--expand", from, to]);
    }
    let out = cmd.output().expect("python3 must be installed");
    assert!(
        out.status.success(),
        "check_ics.py rejected {}:\n{}{}\n(if icalendar is missing: `bash .ci/test.sh` installs it into target/test-python)",
        file.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if expand.is_some() {
        serde_json::from_slice(&out.stdout).unwrap()
    } else {
        Value::Null
    }
}

fn starts(v: &Value, summary: &str) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .filter(|o| o["summary"] == summary)
        .map(|o| o["start"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn site_feed_matches_the_fixture() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let occ = check_ics(
        &out.join("calendar.ics"),
        Some(("2025-01-01", "2028-01-01")),
    );
    assert_eq!(
        starts(&occ, "Partnerschaftsbrunch"),
        vec!["2026-12-05T10:30:00+01:00"]
    );
    let brunch = occ
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["summary"] == "Partnerschaftsbrunch")
        .unwrap();
    assert_eq!(brunch["end"], "2026-12-05T13:00:00+01:00");
    assert_eq!(brunch["location"], "Bürgerhaus, Hauptstraße 1");
    // count 6 with one exception: five dates, the April one in summer time.
    assert_eq!(
        starts(&occ, "Stammtisch der Partnerschaftsvereine"),
        vec![
            "2026-11-10T19:00:00+01:00",
            "2026-12-08T19:00:00+01:00",
            "2027-02-09T19:00:00+01:00",
            "2027-03-09T19:00:00+01:00",
            "2027-04-13T19:00:00+02:00"
        ]
    );
    let exchange = occ
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["summary"] == "Jugendaustausch 2025")
        .unwrap();
    assert_eq!(
        (exchange["start"].as_str(), exchange["end"].as_str()),
        (Some("2025-07-03"), Some("2025-07-06")),
        "all-day with exclusive end"
    );
    assert_eq!(exchange["status"], "CANCELLED");
}

#[test]
fn city_association_and_event_feeds_hold_their_events() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let lyon = check_ics(
        &out.join("cities/lyon/calendar.ics"),
        Some(("2025-01-01", "2028-01-01")),
    );
    assert_eq!(starts(&lyon, "Partnerschaftsbrunch").len(), 1);
    assert_eq!(starts(&lyon, "Jugendaustausch 2025").len(), 1);
    assert!(starts(&lyon, "Stammtisch der Partnerschaftsvereine").is_empty());
    let assoc = check_ics(
        &out.join("associations/freundeskreis/calendar.ics"),
        Some(("2025-01-01", "2028-01-01")),
    );
    assert_eq!(
        starts(&assoc, "Stammtisch der Partnerschaftsvereine").len(),
        5
    );
    let one = check_ics(
        &out.join("events/brunch/brunch.ics"),
        Some(("2025-01-01", "2028-01-01")),
    );
    assert_eq!(one.as_array().unwrap().len(), 1);
    let text = read(&out, "events/brunch/brunch.ics");
    assert!(
        text.contains("\r\nX-WR-CALNAME:")
            && text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin")
    );
    let page = read(&out, "events/brunch/index.html");
    assert!(
        page.contains("/partner/events/brunch/brunch.ics"),
        "event page links its .ics"
    );
}

fn uids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn uids_and_stamps_are_stable_across_builds_and_hosts() {
    let root = fixture("mini");
    let (_a, out1) = build_into_temp(&root);
    let dir = tempfile::tempdir().unwrap();
    let out2 = dir.path().join("p");
    let mut o = opts(&root);
    o.base_url = Some("https://other.example/x/".into());
    o.now = Some("2027-03-01".parse().unwrap());
    twinsite::build(&o, &out2).unwrap();
    let a = read(&out1, "calendar.ics");
    let b = std::fs::read_to_string(out2.join("calendar.ics")).unwrap();
    assert_eq!(uids(&a), uids(&b));
    assert!(
        !a.contains("UID:") || !uids(&a).iter().any(|u| u.contains("example")),
        "UIDs name no host"
    );
    let stamps = |t: &str| {
        t.lines()
            .filter(|l| l.starts_with("DTSTAMP:"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        stamps(&a),
        stamps(&b),
        "DTSTAMP comes from the content, not the clock"
    );
}

#[test]
fn hostile_titles_cannot_inject_properties() {
    let (_t, out) = build_into_temp(&fixture("hostile"));
    let occ = check_ics(
        &out.join("calendar.ics"),
        Some(("2026-01-01", "2027-12-31")),
    );
    let list = occ.as_array().unwrap();
    assert_eq!(list.len(), 1, "{occ}");
    assert_eq!(
        list[0]["start"], "2026-12-05T19:00:00+01:00",
        "DTSTART comes from `date`, not from the title"
    );
    assert!(
        list[0]["summary"]
            .as_str()
            .unwrap()
            .contains("DTSTART:19700101T000000Z"),
        "the text stays in SUMMARY"
    );
    let raw = read(&out, "calendar.ics");
    assert!(
        raw.contains("Saal\\; mit\\, Komma \\\\ und"),
        "TEXT escaping"
    );
}

/// The `<td>` of the month grid for `iso`.
fn cell<'a>(html: &'a str, iso: &str) -> &'a str {
    let start = html
        .find(&format!("datetime={iso}"))
        .or_else(|| html.find(&format!("datetime=\"{iso}\"")))
        .unwrap_or_else(|| panic!("no cell {iso}"));
    let end = html[start..].find("</td>").unwrap() + start;
    &html[start..end]
}

#[test]
fn grid_links_multi_day_events_once_per_week_row_and_every_occurrence() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let july = read(&out, "calendar/2025/07/index.html");
    let first = cell(&july, "2025-07-03");
    assert!(
        first.contains("/partner/events/austausch/"),
        "linked on its first day"
    );
    assert!(first.contains("<del>"), "cancelled is struck through");
    // The following days of the same week row carry a quiet mark, not a second link.
    for day in ["2025-07-04", "2025-07-05"] {
        let c = cell(&july, day);
        assert!(!c.contains("/partner/events/austausch/"), "{day}: {c}");
        assert!(
            c.contains("<li aria-hidden=true class=continues>"),
            "{day}: {c}"
        );
        assert!(c.contains("Jugendaustausch 2025"), "{day}");
    }
    // The phone list has it once, with its range.
    let list = &july[july.find("month-list").unwrap()..];
    assert_eq!(
        list.matches("/partner/events/austausch/").count(),
        1,
        "{list}"
    );
    assert!(
        list.contains("Donnerstag, 3.\u{A0}Juli\u{A0}2025 bis Samstag, 5.\u{A0}Juli\u{A0}2025")
    );
    assert!(!cell(&july, "2025-07-06").contains("austausch"));
    let dec = read(&out, "calendar/2026/12/index.html");
    assert!(cell(&dec, "2026-12-08").contains("/partner/events/stammtisch/"));
    assert!(cell(&dec, "2026-12-08").contains("19:00–21:00\u{A0}Uhr"));
    assert!(cell(&dec, "2026-12-05").contains("/partner/events/brunch/"));
    let jan = read(&out, "calendar/2027/01/index.html");
    assert!(
        !cell(&jan, "2027-01-12").contains("stammtisch"),
        "except date is skipped"
    );
    let apr = read(&out, "calendar/2027/04/index.html");
    assert!(cell(&apr, "2027-04-13").contains("stammtisch"));
    // Every month from the first to the last event exists and links on.
    for m in ["2025/07", "2025/08", "2026/01", "2026/11", "2027/04"] {
        assert!(
            out.join(format!("calendar/{m}/index.html")).is_file(),
            "{m}"
        );
    }
    assert!(
        read(&out, "calendar/2025/08/index.html").contains("/partner/calendar/2025/09/"),
        "next link"
    );
    let index = read(&out, "calendar/index.html");
    assert!(
        index.contains("November\u{A0}2026"),
        "/calendar/ shows the month of --now"
    );
    assert!(index.contains("aria-current=date"), "today is marked");
}

#[test]
fn event_pages_carry_schema_org_json_ld() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let html = read(&out, "events/brunch/index.html");
    let start = html.find("application/ld+json").unwrap();
    let body_start = html[start..].find('>').unwrap() + start + 1;
    let body_end = html[body_start..].find("</script>").unwrap() + body_start;
    let ld: Value = serde_json::from_str(&html[body_start..body_end]).unwrap();
    assert_eq!(ld["@type"], "Event");
    assert_eq!(ld["name"], "Partnerschaftsbrunch");
    assert_eq!(ld["startDate"], "2026-12-05T10:30:00+01:00");
    assert_eq!(ld["endDate"], "2026-12-05T13:00:00+01:00");
    assert_eq!(ld["eventStatus"], "https://schema.org/EventScheduled");
    assert_eq!(ld["location"]["name"], "Bürgerhaus");
    assert_eq!(ld["organizer"][0]["name"], "Freundeskreis Lyon");
    assert_eq!(ld["url"], "https://example.org/partner/events/brunch/");
    let cancelled = read(&out, "events/austausch/index.html");
    assert!(cancelled.contains("https://schema.org/EventCancelled"));
}

#[test]
fn upcoming_lists_use_the_next_occurrence() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let assoc = read(&out, "associations/freundeskreis/index.html");
    assert!(
        assoc.contains("Dienstag, 8.\u{A0}Dezember\u{A0}2026"),
        "next Stammtisch after 2026-11-21"
    );
    assert!(assoc.contains("jeden 2. Dienstag im Monat"));
}
