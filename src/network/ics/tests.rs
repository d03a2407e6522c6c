#![allow(clippy::unwrap_used, clippy::panic)]

use jiff::civil::{Date, date};
use jiff::tz::TimeZone;

use super::{expand, looks_like_ics, read};
use crate::network::remote::{RemoteEvent, RemoteStatus, When};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/network/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).unwrap()
}

fn berlin() -> TimeZone {
    TimeZone::get("Europe/Berlin").unwrap()
}

fn events(text: &str, from: Date, to: Date) -> Vec<RemoteEvent> {
    let v = read(text, &berlin()).unwrap();
    expand(&v, &berlin(), from, to)
}

fn timed(e: &RemoteEvent) -> (String, Option<String>) {
    match e.when {
        When::Timed { start, end } => (start.to_string(), end.map(|e| e.to_string())),
        When::AllDay { .. } => panic!("all-day: {e:?}"),
    }
}

#[test]
fn google_export_with_monthly_rule_exdate_override_all_day_and_cancelled() {
    let text = fixture("google.ics");
    assert!(looks_like_ics(text.as_bytes()));
    let ev = events(&text, date(2026, 10, 1), date(2027, 1, 31));
    let stammtisch: Vec<_> = ev
        .iter()
        .filter(|e| e.title.starts_with("Stammtisch"))
        .collect();
    let starts: Vec<String> = stammtisch.iter().map(|e| timed(e).0).collect();
    // 2nd Tuesdays; 10 Nov moved to 19:30 by its override; 8 Dec left out by EXDATE.
    assert_eq!(
        starts,
        [
            "2026-10-13T19:00:00",
            "2026-11-10T19:30:00",
            "2027-01-12T19:00:00"
        ]
    );
    assert_eq!(stammtisch[1].title, "Stammtisch français (später)");
    assert_eq!(
        timed(stammtisch[0]).1.as_deref(),
        Some("2026-10-13T21:00:00")
    );
    assert_eq!(
        stammtisch[0].description.as_deref(),
        Some(
            "Offener Stammtisch für alle, die Französisch sprechen oder lernen wollen.\nGäste willkommen."
        )
    );
    assert_eq!(
        stammtisch[0].location.as_deref(),
        Some("Café Central, Marktplatz 3, Musterstadt")
    );
    let market = ev
        .iter()
        .find(|e| e.title.starts_with("Weihnachtsmarkt"))
        .unwrap();
    assert_eq!(
        market.when,
        When::AllDay {
            first: date(2026, 12, 5),
            last: date(2026, 12, 6)
        }
    );
    let film = ev.iter().find(|e| e.title == "Filmabend").unwrap();
    assert_eq!(film.status, RemoteStatus::Cancelled);
    // 15:00 UTC is 16:00 in Berlin in November.
    assert_eq!(timed(film).0, "2026-11-28T16:00:00");
}

#[test]
fn outlook_export_with_windows_zone_names_and_until() {
    let ev = events(&fixture("outlook.ics"), date(2026, 10, 1), date(2027, 3, 1));
    let starts: Vec<String> = ev.iter().map(|e| timed(e).0).collect();
    // Every other Thursday until 15 Dec, without 3 Dec.
    assert_eq!(starts, ["2026-11-05T18:00:00", "2026-11-19T18:00:00"]);
    assert_eq!(ev[0].description, None);
    assert_eq!(ev[0].location.as_deref(), Some("Volkshochschule, Raum 2"));
}

#[test]
fn nextcloud_export_with_duration_rdate_url_and_floating_time() {
    let ev = events(
        &fixture("nextcloud.ics"),
        date(2026, 10, 1),
        date(2027, 3, 1),
    );
    let concert: Vec<_> = ev
        .iter()
        .filter(|e| e.title.starts_with("Advent"))
        .collect();
    assert_eq!(concert.len(), 2);
    // Warsaw and Berlin share their offset.
    assert_eq!(
        timed(concert[0]),
        (
            "2026-12-01T17:00:00".into(),
            Some("2026-12-01T19:00:00".into())
        )
    );
    assert_eq!(timed(concert[1]).0, "2026-12-15T17:00:00");
    assert_eq!(concert[0].status, RemoteStatus::Tentative);
    assert_eq!(
        concert[0].url.as_deref(),
        Some("https://verein.example/termine/adventskonzert")
    );
    let board = ev.iter().find(|e| e.title == "Vorstandssitzung").unwrap();
    assert_eq!(timed(board).0, "2026-11-30T18:00:00");
}

#[test]
fn thunderbird_export_with_mozilla_zone_path_count_and_alarm() {
    let ev = events(
        &fixture("thunderbird.ics"),
        date(2026, 10, 1),
        date(2028, 12, 31),
    );
    let starts: Vec<String> = ev.iter().map(|e| timed(e).0).collect();
    assert_eq!(
        starts,
        [
            "2026-12-12T14:00:00",
            "2027-12-12T14:00:00",
            "2028-12-12T14:00:00"
        ]
    );
    assert_eq!(
        ev[0].description.as_deref(),
        Some("Ordre du jour:\n1. Rapport\n2. Élections")
    );
}

#[test]
fn the_window_and_the_caps_bound_every_rule() {
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20260101T000000Z\r\nRRULE:FREQ=SECONDLY;COUNT=1000000\r\nSUMMARY:x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTART:19000101T000000Z\r\nRRULE:FREQ=MINUTELY\r\nSUMMARY:y\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let started = std::time::Instant::now();
    let ev = events(text, date(2026, 1, 1), date(2026, 12, 31));
    assert!(started.elapsed().as_secs() < 10);
    assert!(
        ev.len() <= usize::from(crate::network::remote::MAX_OCCURRENCES) * 2,
        "{}",
        ev.len()
    );
}

#[test]
fn deep_nesting_and_garbage_are_refused_without_a_crash() {
    let deep = "BEGIN:X\n".repeat(200_000);
    assert!(read(&format!("BEGIN:VCALENDAR\n{deep}"), &berlin()).is_err());
    for junk in [
        "",
        "BEGIN:",
        "BEGIN:VCALENDAR\nEND:VEVENT\n",
        "\u{0}\u{1}BEGIN",
    ] {
        let _ = read(junk, &berlin());
    }
}

#[test]
fn a_broken_line_costs_only_itself() {
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261201T180000Z\r\nthis is no content line\r\n<script>\r\nSUMMARY:Kept\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let v = read(text, &berlin()).unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].title, "Kept");
}

#[test]
fn weekly_all_day_rules_run_to_their_until_day_and_stop() {
    let ev = events(
        &fixture("google-all-day.ics"),
        date(2026, 10, 1),
        date(2027, 3, 1),
    );
    let days = |title: &str| -> Vec<(Date, Date)> {
        ev.iter()
            .filter(|e| e.title == title)
            .map(|e| match e.when {
                When::AllDay { first, last } => (first, last),
                When::Timed { .. } => panic!("timed: {e:?}"),
            })
            .collect()
    };
    let one_day = |m, d| (date(2026, m, d), date(2026, m, d));
    // Saturdays up to and with UNTIL (19 Dec), without the EXDATE (28 Nov), none after.
    assert_eq!(
        days("Partnerschaftsstand auf dem Wochenmarkt"),
        [
            one_day(11, 7),
            one_day(11, 14),
            one_day(11, 21),
            one_day(12, 5),
            one_day(12, 12),
            one_day(12, 19),
        ]
    );
    // Every other weekend, two days each, the last one starting on the UNTIL day.
    assert_eq!(
        days("Wochenendseminar Polnisch"),
        [
            (date(2026, 11, 21), date(2026, 11, 22)),
            (date(2026, 12, 5), date(2026, 12, 6)),
            (date(2026, 12, 19), date(2026, 12, 20)),
        ]
    );
    assert_eq!(ev.len(), 9, "{ev:?}");
}

#[test]
fn an_until_in_local_time_or_as_a_date_ends_a_timed_rule_in_its_zone() {
    for until in ["20261126T180000", "20261126", "20261126T170000Z"] {
        let text = format!(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u\r\n\
             DTSTART;TZID=Europe/Berlin:20261105T180000\r\n\
             RRULE:FREQ=WEEKLY;UNTIL={until}\r\nSUMMARY:Chor\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        );
        let ev = events(&text, date(2026, 10, 1), date(2027, 3, 1));
        let starts: Vec<String> = ev.iter().map(|e| timed(e).0).collect();
        assert_eq!(
            starts,
            [
                "2026-11-05T18:00:00",
                "2026-11-12T18:00:00",
                "2026-11-19T18:00:00",
                "2026-11-26T18:00:00"
            ],
            "UNTIL={until}"
        );
    }
}

#[test]
fn a_rule_with_other_than_ascii_letters_gives_the_first_occurrence_without_a_crash() {
    // Found by fuzzing: the rrule crate's parser sliced `SA\u{fffd}` inside a character.
    let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:u\r\n\
                DTSTART;VALUE=DATE:20261107\r\nRRULE:FREQ=WEEKLY;BYDAY=SA\u{fffd}\r\n\
                SUMMARY:Markt\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let ev = events(text, date(2026, 10, 1), date(2027, 3, 1));
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].when.first_day(), date(2026, 11, 7));
}

#[test]
fn an_occurrence_moved_out_of_the_window_leaves_it() {
    // Found by fuzzing: the override's own start (here in 2822) was taken wherever it lay.
    let text = fixture("google.ics").replacen(
        "DTSTART;TZID=Europe/Berlin:20261110T193000",
        "DTSTART;TZID=Europe/Berlin:28221110T193000",
        1,
    );
    let (from, to) = (date(2026, 10, 1), date(2027, 1, 31));
    let ev = events(&text, from, to);
    assert!(
        ev.iter().all(|e| (from..=to).contains(&e.when.first_day())),
        "{ev:?}"
    );
    let stammtisch: Vec<String> = ev
        .iter()
        .filter(|e| e.title.starts_with("Stammtisch"))
        .map(|e| timed(e).0)
        .collect();
    assert_eq!(stammtisch, ["2026-10-13T19:00:00", "2027-01-12T19:00:00"]);
}
