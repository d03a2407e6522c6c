#![allow(clippy::unwrap_used)]
use super::*;
use crate::calendar::repeat::{RepeatSpec, validate};
use jiff::civil::date;

const CAL: IcsCalendar<'static> = IcsCalendar {
    name: "Partnerschaft",
    description: None,
    tz: "Europe/Berlin",
    url: None,
};

fn event(summary: &str, when: When) -> IcsEvent {
    IcsEvent {
        uid: uid_for(summary),
        dtstamp: "2026-01-02T10:00:00Z".parse().unwrap(),
        sequence: 0,
        when,
        rule: None,
        summary: summary.into(),
        description: None,
        location: None,
        geo: None,
        url: None,
        status: Status::Scheduled,
        categories: Vec::new(),
    }
}

fn timed(summary: &str) -> IcsEvent {
    event(
        summary,
        When::Timed {
            start: date(2026, 5, 16).at(14, 0, 0, 0),
            end: None,
        },
    )
}

/// The unfolded content lines of an .ics text.
fn unfold(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn prop<'a>(lines: &'a [String], key: &str) -> Vec<&'a str> {
    lines
        .iter()
        .filter(|l| l.starts_with(key))
        .map(String::as_str)
        .collect()
}

#[test]
fn crlf_only_and_feed_header() {
    let ics = write(&CAL, &[timed("Treffen")]).unwrap();
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
    assert_eq!(ics.matches('\r').count(), ics.matches("\r\n").count());
    let lines = unfold(&ics);
    for want in [
        "VERSION:2.0",
        "PRODID:-//twinsite//twinsite//DE",
        "CALSCALE:GREGORIAN",
        "NAME:Partnerschaft",
        "X-WR-CALNAME:Partnerschaft",
        "X-WR-TIMEZONE:Europe/Berlin",
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
        "DTSTAMP:20260102T100000Z",
        "DTSTART;TZID=Europe/Berlin:20260516T140000",
        "DTEND;TZID=Europe/Berlin:20260516T160000",
        "STATUS:CONFIRMED",
    ] {
        assert_eq!(prop(&lines, want), [want], "{want}");
    }
    assert!(prop(&lines, "METHOD").is_empty());
    assert_eq!(
        write(&CAL, &[timed("Treffen")]).unwrap(),
        ics,
        "deterministic"
    );
}

#[test]
fn folds_at_75_octets_without_splitting_characters() {
    // "SUMMARY:" is 8 octets; 67 ASCII octets more make exactly 75: no fold.
    let exact = write(&CAL, &[timed(&"a".repeat(67))]).unwrap();
    assert!(exact.contains(&format!("\r\nSUMMARY:{}\r\n", "a".repeat(67))));
    let over = write(&CAL, &[timed(&"a".repeat(68))]).unwrap();
    assert!(over.contains(&format!("\r\nSUMMARY:{}\r\n a\r\n", "a".repeat(67))));
    // 66 ASCII + "ä" (2 octets) would be 76: the "ä" moves whole to the next line.
    let umlaut = write(&CAL, &[timed(&format!("{}ä", "a".repeat(66)))]).unwrap();
    assert!(umlaut.contains(&format!("SUMMARY:{}\r\n ä\r\n", "a".repeat(66))));
    let long = "Städtepartnerschaft Göttingen–Cheltenham: Ласкаво просимо на зустріч \
                партнерських міст 欢迎参加友好城市的聚会，一起庆祝五十周年 🎉🎉🎉";
    let ics = write(&CAL, &[timed(long)]).unwrap();
    for raw in ics.as_bytes().split(|b| *b == b'\n') {
        assert!(raw.len() <= 76, "{} octets", raw.len()); // 75 + the CR
        assert!(std::str::from_utf8(raw).is_ok());
    }
    let lines = unfold(&ics);
    assert_eq!(
        prop(&lines, "SUMMARY:")[0],
        format!("SUMMARY:{}", escape_text(long))
    );
}

#[test]
fn escapes_text_and_strips_controls() {
    assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
    assert_eq!(escape_text("1\n2\r\n3\r4"), r"1\n2\n3\n4");
    assert_eq!(escape_text("x\u{7}y\u{0}z\u{1b}\tw: ok"), "xyz\tw: ok");
    assert_eq!(param_text("Europe/Berlin"), "Europe/Berlin");
    assert_eq!(param_text("a:b\"\r\n"), "\"a:b\"");
}

#[test]
fn injection_stays_inside_summary() {
    let mut e = timed("Fest\nDTSTART:19700101\r\nEND:VEVENT");
    e.description = Some("x\r\nBEGIN:VALARM".into());
    e.url = Some("https://example.org/\r\nATTACH:evil".into());
    let ics = write(&CAL, &[e]).unwrap();
    let lines = unfold(&ics);
    assert_eq!(
        prop(&lines, "SUMMARY:"),
        [r"SUMMARY:Fest\nDTSTART:19700101\nEND:VEVENT"]
    );
    assert_eq!(prop(&lines, "DTSTART;").len(), 1);
    assert_eq!(
        prop(&lines, "DTSTART").len(),
        3,
        "the event and the two VTIMEZONE observances"
    );
    assert!(prop(&lines, "DTSTART:1970").is_empty());
    assert!(prop(&lines, "BEGIN:VALARM").is_empty());
    assert!(prop(&lines, "ATTACH").is_empty());
    assert_eq!(prop(&lines, "END:VEVENT").len(), 1);
}

#[test]
fn all_day_has_exclusive_dtend_and_no_vtimezone() {
    let mut e = event(
        "Austausch",
        When::AllDay {
            first: date(2026, 7, 3),
            last: date(2026, 7, 5),
        },
    );
    e.status = Status::Postponed;
    e.location = Some("Rathaus; Saal 2".into());
    e.geo = Some((51.5, 9.9));
    e.categories = vec!["Pessac".into(), "Cheltenham, UK".into()];
    let lines = unfold(&write(&CAL, &[e]).unwrap());
    assert_eq!(prop(&lines, "DTSTART"), ["DTSTART;VALUE=DATE:20260703"]);
    assert_eq!(prop(&lines, "DTEND"), ["DTEND;VALUE=DATE:20260706"]);
    assert_eq!(prop(&lines, "STATUS"), ["STATUS:TENTATIVE"]);
    assert_eq!(prop(&lines, "LOCATION"), [r"LOCATION:Rathaus\; Saal 2"]);
    assert_eq!(prop(&lines, "GEO"), ["GEO:51.5;9.9"]);
    assert_eq!(
        prop(&lines, "CATEGORIES"),
        [r"CATEGORIES:Pessac,Cheltenham\, UK"]
    );
    assert!(prop(&lines, "BEGIN:VTIMEZONE").is_empty());
}

#[test]
fn recurring_timed_event_has_utc_until_and_tzid_exdate() {
    let spec: RepeatSpec = serde_yaml::from_str(
        "{every: month, weekday: tue, nth: 2, until: 2026-12-31, except: [2026-04-14]}",
    )
    .unwrap();
    let mut e = event(
        "Stammtisch",
        When::Timed {
            start: date(2026, 1, 13).at(19, 0, 0, 0),
            end: Some(date(2026, 1, 13).at(21, 0, 0, 0)),
        },
    );
    e.rule = Some(validate(&spec, date(2026, 1, 13)).unwrap());
    let lines = unfold(&write(&CAL, &[e.clone()]).unwrap());
    assert_eq!(
        prop(&lines, "RRULE:FREQ=MONTHLY"),
        ["RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231T225959Z"]
    );
    assert_eq!(
        prop(&lines, "EXDATE"),
        ["EXDATE;TZID=Europe/Berlin:20260414T190000"]
    );
    e.when = When::AllDay {
        first: date(2026, 1, 13),
        last: date(2026, 1, 13),
    };
    let lines = unfold(&write(&CAL, &[e]).unwrap());
    assert_eq!(
        prop(&lines, "RRULE"),
        ["RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231"]
    );
    assert_eq!(prop(&lines, "EXDATE"), ["EXDATE;VALUE=DATE:20260414"]);
}

#[test]
fn vtimezone_europe_berlin() {
    let tz = TimeZone::get("Europe/Berlin").unwrap();
    let v = crate::calendar::vtimezone::vtimezone("Europe/Berlin", &tz, 2026, 2026).unwrap();
    let want = [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/Berlin",
        "BEGIN:DAYLIGHT",
        "DTSTART:20250330T020000",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "TZNAME:CEST",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "DTSTART:20251026T030000",
        "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "TZNAME:CET",
        "END:STANDARD",
        "END:VTIMEZONE",
    ];
    assert_eq!(v, want);
    // The 2026 transitions jiff knows: last Sunday of March and of October.
    let start = date(2026, 1, 1)
        .to_zoned(TimeZone::UTC)
        .unwrap()
        .timestamp();
    let t: Vec<String> = tz
        .following(start)
        .take(2)
        .map(|t| {
            format!(
                "{} {}",
                t.timestamp().to_zoned(tz.clone()).datetime(),
                t.offset()
            )
        })
        .collect();
    assert_eq!(t, ["2026-03-29T03:00:00 +02", "2026-10-25T02:00:00 +01"]);
}

#[test]
fn vtimezone_without_dst_and_irregular_zones() {
    let tz = TimeZone::get("Asia/Shanghai").unwrap();
    let v = crate::calendar::vtimezone::vtimezone("Asia/Shanghai", &tz, 2026, 2030).unwrap();
    assert_eq!(
        v,
        [
            "BEGIN:VTIMEZONE",
            "TZID:Asia/Shanghai",
            "BEGIN:STANDARD",
            "DTSTART:19910915T010000",
            "TZOFFSETFROM:+0800",
            "TZOFFSETTO:+0800",
            "TZNAME:CST",
            "END:STANDARD",
            "END:VTIMEZONE"
        ]
    );
    let tz = TimeZone::get("UTC").unwrap();
    let v = crate::calendar::vtimezone::vtimezone("UTC", &tz, 2026, 2026).unwrap();
    assert!(v.contains(&"TZOFFSETTO:+0000".to_string()), "{v:?}");
    // Casablanca's transitions follow Ramadan: written out one by one for the covered years.
    let tz = TimeZone::get("Africa/Casablanca").unwrap();
    let v = crate::calendar::vtimezone::vtimezone("Africa/Casablanca", &tz, 2026, 2027).unwrap();
    assert!(!v.iter().any(|l| l.starts_with("RRULE")));
    assert!(
        v.iter().filter(|l| l.starts_with("DTSTART:2026")).count() >= 2,
        "{v:?}"
    );
    // Jerusalem's "Friday before the last Sunday" becomes a BYMONTHDAY window.
    let tz = TimeZone::get("Asia/Jerusalem").unwrap();
    let v = crate::calendar::vtimezone::vtimezone("Asia/Jerusalem", &tz, 2026, 2026).unwrap();
    assert!(
        v.contains(&"RRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=23,24,25,26,27,28,29;BYDAY=FR".into())
    );
}

#[test]
fn errors_instead_of_panics() {
    let bad = IcsCalendar {
        tz: "Europe/Gottingen",
        ..CAL
    };
    assert!(matches!(
        write(&bad, &[]),
        Err(IcsError::UnknownTimeZone { .. })
    ));
    assert!(write(&CAL, &[]).is_ok());
    let e = timed("x");
    assert_eq!(
        write(&CAL, &[e.clone(), e.clone()]),
        Err(IcsError::DuplicateUid(e.uid.clone()))
    );
    let mut back = timed("y");
    back.when = When::Timed {
        start: date(2026, 5, 16).at(14, 0, 0, 0),
        end: Some(date(2026, 5, 16).at(13, 0, 0, 0)),
    };
    assert!(matches!(
        write(&CAL, &[back]),
        Err(IcsError::EndBeforeStart { .. })
    ));
    let mut geo = timed("z");
    geo.geo = Some((f64::NAN, 0.0));
    assert!(matches!(
        write(&CAL, &[geo]),
        Err(IcsError::InvalidGeo { .. })
    ));
    let ad = event(
        "w",
        When::AllDay {
            first: date(2026, 5, 2),
            last: date(2026, 5, 1),
        },
    );
    assert!(matches!(
        write(&CAL, &[ad]),
        Err(IcsError::EndBeforeStart { .. })
    ));
}
