#![allow(clippy::unwrap_used)]
use super::*;
use jiff::civil::date;

fn spec(yaml: &str) -> RepeatSpec {
    serde_yaml::from_str(yaml).unwrap()
}

fn rule(yaml: &str, first: Date) -> Rule {
    validate(&spec(yaml), first).unwrap()
}

fn errs(yaml: &str, first: Date) -> Vec<String> {
    validate(&spec(yaml), first).unwrap_err()
}

fn ds(v: &[Date]) -> Vec<String> {
    v.iter().map(|d| d.to_string()).collect()
}

#[test]
fn second_tuesday_monthly() {
    let r = rule("{every: month, weekday: tue, nth: 2}", date(2026, 1, 13));
    let o = occurrences(&r, date(2026, 1, 13), date(2026, 6, 30));
    assert_eq!(
        ds(&o),
        [
            "2026-01-13",
            "2026-02-10",
            "2026-03-10",
            "2026-04-14",
            "2026-05-12",
            "2026-06-09"
        ]
    );
    assert_eq!(rrule(&r), "FREQ=MONTHLY;BYDAY=2TU");
}

#[test]
fn last_friday_with_count() {
    let r = rule(
        "{every: month, weekday: Friday, nth: -1, count: 4}",
        date(2026, 1, 30),
    );
    let o = occurrences(&r, date(2026, 1, 30), date(2030, 1, 1));
    assert_eq!(
        ds(&o),
        ["2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24"]
    );
    assert_eq!(rrule(&r), "FREQ=MONTHLY;BYDAY=-1FR;COUNT=4");
}

#[test]
fn the_31st_is_skipped_in_short_months() {
    let r = rule("{every: month}", date(2026, 1, 31));
    let o = occurrences(&r, date(2026, 1, 31), date(2026, 8, 31));
    assert_eq!(
        ds(&o),
        [
            "2026-01-31",
            "2026-03-31",
            "2026-05-31",
            "2026-07-31",
            "2026-08-31"
        ]
    );
    assert_eq!(rrule(&r), "FREQ=MONTHLY;BYMONTHDAY=31");
}

#[test]
fn feb_29_only_in_leap_years() {
    let r = rule("{every: year}", date(2024, 2, 29));
    let o = occurrences(&r, date(2024, 2, 29), date(2105, 1, 1));
    assert_eq!(ds(&o)[..3], ["2024-02-29", "2028-02-29", "2032-02-29"]);
    assert!(!o.contains(&date(2100, 2, 28)));
    assert_eq!(o.len(), 20); // 2024..=2104 every 4 years, minus 2100 (no leap year)
    assert_eq!(rrule(&r), "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29");
}

#[test]
fn weekly_across_dst_weeks_stays_on_civil_dates() {
    let r = rule("{every: week, weekday: [thu, di]}", date(2026, 3, 24));
    let o = occurrences(&r, date(2026, 3, 24), date(2026, 4, 2));
    assert_eq!(
        ds(&o),
        ["2026-03-24", "2026-03-26", "2026-03-31", "2026-04-02"]
    );
    let r = rule("{every: week}", date(2026, 10, 20));
    let o = occurrences(&r, date(2026, 10, 20), date(2026, 11, 3));
    assert_eq!(ds(&o), ["2026-10-20", "2026-10-27", "2026-11-03"]);
    assert_eq!(rrule(&r), "FREQ=WEEKLY;BYDAY=TU");
}

#[test]
fn interval_two_and_until_inclusive() {
    let r = rule(
        "{every: week, interval: 2, weekday: [MO, Mittwoch], until: 2026-03-18}",
        date(2026, 3, 2),
    );
    let o = occurrences(&r, date(2026, 3, 2), date(2027, 1, 1));
    assert_eq!(
        ds(&o),
        ["2026-03-02", "2026-03-04", "2026-03-16", "2026-03-18"]
    );
    assert_eq!(
        rrule(&r),
        "FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO,WE;UNTIL=20260318"
    );
    let tz = TimeZone::get("Europe/Berlin").unwrap();
    assert_eq!(
        rrule_timed(&r, &tz).unwrap(),
        "FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO,WE;UNTIL=20260318T225959Z"
    );
    // Window end before until wins.
    assert_eq!(occurrences(&r, date(2026, 3, 2), date(2026, 3, 3)).len(), 1);
    // Starting mid-week on a listed later day: earlier days of that week are not included.
    let r = rule("{every: week, weekday: [mon, wed]}", date(2026, 3, 4));
    assert_eq!(
        ds(&occurrences(&r, date(2026, 3, 4), date(2026, 3, 9))),
        ["2026-03-04", "2026-03-09"]
    );
}

#[test]
fn count_with_except_counts_before_except() {
    let r = rule(
        "{every: month, count: 3, except: [2026-02-10]}",
        date(2026, 1, 10),
    );
    let o = occurrences(&r, date(2026, 1, 10), date(2030, 1, 1));
    assert_eq!(ds(&o), ["2026-01-10", "2026-03-10"]);
    assert!(r.warnings().is_empty());
    assert_eq!(r.except(), &[date(2026, 2, 10)]);
}

#[test]
fn except_removes_an_occurrence_and_warns_on_strangers() {
    let r = rule(
        "{every: week, except: [2026-03-10, '2026-03-11']}",
        date(2026, 3, 3),
    );
    let o = occurrences(&r, date(2026, 3, 3), date(2026, 3, 24));
    assert_eq!(ds(&o), ["2026-03-03", "2026-03-17", "2026-03-24"]);
    assert_eq!(r.warnings().len(), 1);
    assert!(r.warnings()[0].contains("2026-03-11"), "{:?}", r.warnings());
}

#[test]
fn yearly_nth_weekday_and_open_end() {
    let r = rule("{every: year, weekday: sa, nth: 1}", date(2026, 6, 6));
    let o = occurrences(&r, date(2026, 6, 6), date(2028, 12, 31));
    assert_eq!(ds(&o), ["2026-06-06", "2027-06-05", "2028-06-03"]);
    assert!(r.is_open_ended());
    assert_eq!(rrule(&r), "FREQ=YEARLY;BYMONTH=6;BYDAY=1SA");
    // Window before first: nothing.
    assert!(occurrences(&r, date(2026, 6, 6), date(2026, 6, 5)).is_empty());
}

#[test]
fn fifth_weekday_skips_months_without_one() {
    let r = rule("{every: month, weekday: thu, nth: 5}", date(2026, 1, 29));
    let o = occurrences(&r, date(2026, 1, 29), date(2026, 12, 31));
    assert_eq!(
        ds(&o),
        [
            "2026-01-29",
            "2026-04-30",
            "2026-07-30",
            "2026-10-29",
            "2026-12-31"
        ]
    );
}

#[test]
fn linear_not_day_by_day() {
    let r = rule("{every: year, interval: 100}", date(2000, 2, 29));
    let o = occurrences(&r, date(2000, 2, 29), date(9999, 12, 31));
    assert_eq!(
        ds(&o),
        [
            "2000-02-29",
            "2400-02-29",
            "2800-02-29",
            "3200-02-29",
            "3600-02-29",
            "4000-02-29",
            "4400-02-29",
            "4800-02-29",
            "5200-02-29",
            "5600-02-29",
            "6000-02-29",
            "6400-02-29",
            "6800-02-29",
            "7200-02-29",
            "7600-02-29",
            "8000-02-29",
            "8400-02-29",
            "8800-02-29",
            "9200-02-29",
            "9600-02-29"
        ]
    );
}

#[test]
fn validation_errors_in_plain_words() {
    let e = errs("{every: month, nth: 2}", date(2026, 3, 10));
    assert!(
        e[0].contains("`nth` needs `weekday` too: write `weekday: tue`"),
        "{e:?}"
    );
    let e = errs("{every: month, weekday: tue}", date(2026, 3, 10));
    assert!(e[0].contains("needs `nth` too"), "{e:?}");
    let e = errs("{every: week, until: 2025-01-01}", date(2025, 3, 1));
    assert_eq!(
        e,
        ["`until` 2025-01-01 is before the event's first `date` 2025-03-01"]
    );
    let e = errs(
        "{every: week, until: 2026-12-01, count: 3}",
        date(2026, 3, 2),
    );
    assert_eq!(
        e,
        ["`count` and `until` cannot both be given: keep one of them"]
    );
    let e = errs("{every: week, interval: 0}", date(2026, 3, 2));
    assert!(e[0].starts_with("`interval` must be 1 or more"), "{e:?}");
    let e = errs(
        "{every: week, until: 2025-02-30, except: [2025-13-01]}",
        date(2025, 1, 1),
    );
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(e[0].contains("2025-02-30 is not a real date"), "{e:?}");
    let e = errs("{every: week, weekday: tue}", date(2026, 3, 2));
    assert_eq!(
        e,
        [
            "the first `date` 2026-03-02 is a Monday, but `repeat` says every Tuesday; \
        the first date that fits is 2026-03-03: write `date: 2026-03-03`"
        ]
    );
    let e = errs("{every: month, weekday: tue, nth: 2}", date(2026, 3, 3));
    assert!(e[0].contains("2026-03-10"), "{e:?}");
    let e = errs("{every: week, nth: 2, weekday: tue}", date(2026, 3, 3));
    assert!(
        e[0].starts_with("`nth` only works with `every: month`"),
        "{e:?}"
    );
    let e = errs(
        "{every: month, weekday: tue, nth: 7, count: 0}",
        date(2026, 3, 3),
    );
    assert!(
        e.iter()
            .any(|m| m.contains("`nth` must be 1, 2, 3, 4, 5 or -1")),
        "{e:?}"
    );
    assert!(
        e.iter().any(|m| m.contains("`count` must be 1 or more")),
        "{e:?}"
    );
    let e = errs(
        "{every: month, weekday: [tue, thu], nth: 1}",
        date(2026, 3, 3),
    );
    assert!(e[0].contains("only `every: week` takes a list"), "{e:?}");
}

#[test]
fn spec_parsing_is_lenient_but_strict_about_keys() {
    let s = spec("{every: Monthly, weekday: DIENSTAG, nth: -1}");
    assert_eq!(s.every, Every::Month);
    assert_eq!(s.weekday, Some(WeekdayList(vec![Weekday::Tuesday])));
    assert_eq!(s.interval, 1);
    assert!(serde_yaml::from_str::<RepeatSpec>("{every: week, weekdays: tue}").is_err());
    let e = serde_yaml::from_str::<RepeatSpec>("{every: fortnight}")
        .unwrap_err()
        .to_string();
    assert!(e.contains("write `every: week`"), "{e}");
    let e = serde_yaml::from_str::<RepeatSpec>("{every: week, weekday: tuesdy}")
        .unwrap_err()
        .to_string();
    assert!(e.contains("is not a weekday"), "{e}");
    for (s, w) in [
        ("mo", Weekday::Monday),
        ("Mi", Weekday::Wednesday),
        ("do", Weekday::Thursday),
        ("SO", Weekday::Sunday),
        ("saturday", Weekday::Saturday),
        ("Fr", Weekday::Friday),
    ] {
        assert_eq!(parse_weekday(s), Some(w));
    }
}

#[test]
fn windowed_expansion_matches_the_full_one() {
    let cases = [
        ("{every: week}", date(2001, 3, 5)),
        (
            "{every: week, interval: 3, weekday: [mo, fr]}",
            date(2001, 3, 5),
        ),
        ("{every: week, count: 40}", date(2025, 3, 5)),
        ("{every: week, count: 4000}", date(2001, 3, 5)),
        (
            "{every: week, weekday: [mo, we, fr], count: 500}",
            date(2024, 1, 3),
        ),
        (
            "{every: week, interval: 2, weekday: [tu, th], count: 300}",
            date(2020, 1, 2),
        ),
        ("{every: month, count: 40}", date(2024, 1, 31)),
        (
            "{every: month, weekday: th, nth: 5, count: 20}",
            date(2026, 1, 29),
        ),
        (
            "{every: month, weekday: tue, nth: 2, count: 50}",
            date(2024, 1, 9),
        ),
        ("{every: year, count: 30}", date(2000, 6, 15)),
        ("{every: year, count: 7}", date(2000, 2, 29)),
        (
            "{every: month, weekday: fr, nth: -1, count: 30}",
            date(2024, 5, 31),
        ),
        ("{every: month, interval: 5}", date(1999, 1, 31)),
        ("{every: year, until: 2031-02-28}", date(2000, 2, 29)),
        (
            "{every: week, except: [2026-05-11, 2026-06-01]}",
            date(2026, 4, 27),
        ),
    ];
    for (yaml, first) in cases {
        let r = rule(yaml, first);
        let to = date(2027, 12, 31);
        for from in [
            first,
            date(2024, 1, 1),
            date(2026, 5, 11),
            date(2027, 6, 15),
        ] {
            let want: Vec<Date> = occurrences(&r, first, to)
                .into_iter()
                .filter(|d| *d >= from)
                .collect();
            assert_eq!(
                occurrences_in(&r, first, from, to, usize::MAX),
                want,
                "{yaml} from {from}"
            );
            assert_eq!(
                occurrences_in(&r, first, from, to, 2),
                want.iter().take(2).copied().collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn a_rule_from_year_one_is_checked_and_expanded_quickly() {
    let started = std::time::Instant::now();
    let r = rule(
        "{every: week, weekday: [mo, di, mi, do, fr, sa, so], except: [0001-01-02, 9999-12-30, 5000-05-05]}",
        date(1, 1, 1),
    );
    assert!(r.warnings().is_empty(), "{:?}", r.warnings());
    let d = occurrences_in(
        &r,
        date(1, 1, 1),
        date(2026, 1, 1),
        date(2026, 1, 7),
        usize::MAX,
    );
    assert_eq!(d.len(), 7);
    assert!(started.elapsed() < std::time::Duration::from_secs(2));
}

#[test]
fn an_except_date_after_count_ran_out_changes_nothing() {
    let r = rule(
        "{every: month, count: 2, except: [2026-02-10, 2026-03-10]}",
        date(2026, 1, 10),
    );
    assert_eq!(r.warnings().len(), 1, "{:?}", r.warnings());
    assert!(r.warnings()[0].contains("2026-03-10"));
}
