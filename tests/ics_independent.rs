//! Cross-checks the iCalendar writer against an independent implementation: the feed
//! written by `twinsite::calendar::ics::write` is checked and expanded by
//! `tests/tools/check_ics.py` (Python `icalendar` + `recurring-ical-events`), and the
//! expanded occurrences must equal `twinsite::calendar::occurrences` at the right local
//! time and UTC offset. Fails (never skips) when the Python packages are missing.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use jiff::civil::{Date, Weekday, date};
use jiff::tz::TimeZone;
use std::path::Path;
use std::process::Command;
use twinsite::calendar::{
    Every, IcsCalendar, IcsEvent, RepeatSpec, Status, WeekdayList, When, occurrences, uid_for,
    validate, write,
};

fn require_python_packages() {
    let ok = Command::new(common::python())
        .args(["-c", "import icalendar, recurring_ical_events"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(
        ok,
        "python3 with the packages `icalendar` and `recurring-ical-events` is needed for this \
         test; `bash .ci/test.sh` installs them into target/test-python"
    );
}

/// Runs the checker on `ics`; returns its stdout. Panics with its message on failure.
fn check(ics: &str, expand: Option<(&str, &str)>) -> String {
    require_python_packages();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feed.ics");
    std::fs::write(&file, ics).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/check_ics.py");
    let mut cmd = Command::new(common::python());
    cmd.arg(&script).arg(&file);
    if let Some((from, to)) = expand {
        cmd.args(["--expand", from, to]);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "check_ics.py rejected the feed:\n{}\n--- feed ---\n{ics}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `(uid, start)` of each occurrence in the checker's JSON (one key per line).
fn starts(json: &str) -> Vec<(String, String)> {
    let value = |line: &str, key: &str| {
        let rest = line.trim().strip_prefix(&format!("\"{key}\": \""))?;
        Some(rest.trim_end_matches(',').trim_end_matches('"').to_string())
    };
    let mut uid = String::new();
    let mut out = Vec::new();
    for line in json.lines() {
        if let Some(u) = value(line, "uid") {
            uid = u;
        } else if let Some(s) = value(line, "start") {
            out.push((uid.clone(), s));
        }
    }
    out
}

fn stamp() -> jiff::Timestamp {
    "2025-12-01T08:00:00Z".parse().unwrap()
}

fn event(key: &str, when: When) -> IcsEvent {
    IcsEvent {
        uid: uid_for(key),
        dtstamp: stamp(),
        sequence: 0,
        when,
        rule: None,
        summary: format!(
            "{key}: Städtepartnerschaft; Treffen, offen für alle — Ласкаво просимо 欢迎"
        ),
        description: Some("Zeile 1\nDTSTART:19700101\r\nZeile 3 \\ Ende".into()),
        location: Some("Altes Rathaus, Markt 9".into()),
        geo: Some((51.5328, 9.9352)),
        url: Some("https://example.org/events/stammtisch/".into()),
        status: Status::Scheduled,
        categories: vec!["Cheltenham".into(), "Pessac".into()],
    }
}

fn offset_of(d: Date, tz: &TimeZone) -> String {
    let z = tz.to_zoned(d.at(19, 0, 0, 0)).unwrap();
    let secs = z.offset().seconds();
    format!(
        "{}{:02}:{:02}",
        if secs < 0 { '-' } else { '+' },
        secs.abs() / 3600,
        secs.abs() / 60 % 60
    )
}

#[test]
fn second_tuesday_in_berlin_matches_recurring_ical_events() {
    let first = date(2026, 1, 13);
    let spec = RepeatSpec {
        every: Every::Month,
        interval: 1,
        weekday: Some(WeekdayList(vec![Weekday::Tuesday])),
        nth: Some(2),
        until: None,
        count: None,
        except: vec!["2026-04-14".into()],
    };
    let rule = validate(&spec, first).unwrap();
    let mut stammtisch = event(
        "events/stammtisch.md",
        When::Timed {
            start: first.at(19, 0, 0, 0),
            end: Some(first.at(21, 0, 0, 0)),
        },
    );
    stammtisch.rule = Some(rule.clone());
    let mut fest = event(
        "events/fest.md",
        When::AllDay {
            first: date(2026, 7, 3),
            last: date(2026, 7, 5),
        },
    );
    fest.status = Status::Cancelled;
    let cal = IcsCalendar {
        name: "Partnerschaft Göttingen",
        description: Some("Alle Termine, auch; Stammtische"),
        tz: "Europe/Berlin",
        url: Some("https://example.org/calendar.ics"),
    };
    let ics = write(&cal, &[stammtisch.clone(), fest.clone()]).unwrap();
    let json = check(&ics, Some(("2026-01-01", "2027-01-01")));
    let got = starts(&json);

    let tz = TimeZone::get("Europe/Berlin").unwrap();
    let mut want: Vec<(String, String)> = occurrences(&rule, first, date(2026, 12, 31))
        .into_iter()
        .map(|d| {
            (
                stammtisch.uid.clone(),
                format!("{d}T19:00:00{}", offset_of(d, &tz)),
            )
        })
        .collect();
    want.push((fest.uid.clone(), "2026-07-03".into()));
    want.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
    assert_eq!(got, want, "checker output:\n{json}");
    let s: Vec<&str> = got.iter().map(|(_, s)| s.as_str()).collect();
    assert!(
        s.contains(&"2026-01-13T19:00:00+01:00"),
        "winter time: {s:?}"
    );
    assert!(
        s.contains(&"2026-05-12T19:00:00+02:00"),
        "summer time: {s:?}"
    );
    assert!(
        s.contains(&"2026-11-10T19:00:00+01:00"),
        "winter again: {s:?}"
    );
    assert!(
        !s.iter().any(|x| x.starts_with("2026-04-14")),
        "EXDATE ignored: {s:?}"
    );
    assert_eq!(s.len(), 11 + 1);
    assert!(json.contains("\"status\": \"CANCELLED\""), "{json}");
    assert!(
        json.contains("\"end\": \"2026-07-06\""),
        "all-day DTEND is exclusive: {json}"
    );
}

#[test]
fn zones_without_dst_and_weekly_counts_pass_the_checker() {
    for tz_name in ["Asia/Shanghai", "UTC", "America/New_York", "Europe/Kyiv"] {
        let spec = RepeatSpec {
            every: Every::Week,
            interval: 2,
            weekday: Some(WeekdayList(vec![Weekday::Tuesday, Weekday::Thursday])),
            nth: None,
            until: None,
            count: Some(10),
            except: vec!["2026-03-19".into()],
        };
        let first = date(2026, 3, 3);
        let rule = validate(&spec, first).unwrap();
        assert!(rule.warnings().is_empty(), "{:?}", rule.warnings());
        let mut e = event(
            "events/weekly.md",
            When::Timed {
                start: first.at(19, 0, 0, 0),
                end: None,
            },
        );
        e.rule = Some(rule.clone());
        let cal = IcsCalendar {
            name: "Test",
            description: None,
            tz: tz_name,
            url: None,
        };
        let ics = write(&cal, &[e]).unwrap();
        let got = starts(&check(&ics, Some(("2026-01-01", "2027-01-01"))));
        let tz = TimeZone::get(tz_name).unwrap();
        let want: Vec<String> = occurrences(&rule, first, date(2027, 1, 1))
            .into_iter()
            .map(|d| format!("{d}T19:00:00{}", offset_of(d, &tz)))
            .collect();
        let got: Vec<String> = got.into_iter().map(|(_, s)| s).collect();
        assert_eq!(got, want, "{tz_name}");
        assert_eq!(want.len(), 9, "10 counted, one excepted");
    }
}

#[test]
fn until_is_inclusive_for_timed_and_all_day_events() {
    let spec = RepeatSpec {
        every: Every::Week,
        interval: 1,
        weekday: None,
        nth: None,
        until: Some("2026-07-14".into()),
        count: None,
        except: Vec::new(),
    };
    let first = date(2026, 6, 23);
    let rule = validate(&spec, first).unwrap();
    let cal = IcsCalendar {
        name: "Test",
        description: None,
        tz: "Europe/Berlin",
        url: None,
    };
    let timed = When::Timed {
        start: first.at(19, 0, 0, 0),
        end: None,
    };
    let all_day = When::AllDay { first, last: first };
    for (key, when, last) in [
        ("t.md", timed, "2026-07-14T19:00:00+02:00"),
        ("a.md", all_day, "2026-07-14"),
    ] {
        let mut e = event(key, when);
        e.rule = Some(rule.clone());
        let got = starts(&check(
            &write(&cal, &[e]).unwrap(),
            Some(("2026-01-01", "2027-01-01")),
        ));
        assert_eq!(got.len(), occurrences(&rule, first, date(2027, 1, 1)).len());
        assert_eq!(got.len(), 4);
        assert_eq!(got.last().map(|(_, s)| s.as_str()), Some(last));
    }
}
