//! `repeat:` rules: any mapping (frequency, interval, weekdays, nth, until, count, except)
//! with any first date is checked, expanded up to a window of up to 30 years, described in
//! words, written as an RRULE and as a whole iCalendar feed. Every step must end quickly and
//! give a bounded, sorted result inside the window.
#![no_main]

use arbitrary::Arbitrary;
use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::{Timestamp, ToSpan};
use libfuzzer_sys::fuzz_target;
use twinsite::calendar::{
    self, Every, IcsCalendar, IcsEvent, RepeatSpec, Status, WeekdayList, When,
};

#[derive(Debug, Arbitrary)]
struct Day {
    year: i16,
    month: i8,
    day: i8,
}

impl Day {
    /// Mostly near today, sometimes anywhere jiff allows.
    fn date(&self) -> Option<Date> {
        let year = if self.year % 8 == 0 {
            self.year
        } else {
            2000 + self.year.rem_euclid(60)
        };
        Date::new(year, self.month, self.day).ok()
    }
    fn text(&self, raw: bool) -> String {
        if raw {
            format!("{}-{}-{}", self.year, self.month, self.day)
        } else {
            format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

#[derive(Debug, Arbitrary)]
struct Input {
    every: u8,
    interval: u32,
    weekdays: Vec<u8>,
    nth: Option<i8>,
    until: Option<Day>,
    raw_until: bool,
    count: Option<u32>,
    except: Vec<Day>,
    first: Day,
    window_days: u16,
    timed: bool,
    zone: u8,
}

const ZONES: &[&str] = &[
    "Europe/Berlin",
    "UTC",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
];

fn weekday(n: u8) -> Weekday {
    Weekday::from_monday_one_offset((n % 7 + 1) as i8).unwrap_or(Weekday::Monday)
}

fuzz_target!(|input: Input| {
    let Some(first) = input.first.date() else {
        return;
    };
    let spec = RepeatSpec {
        every: match input.every % 3 {
            0 => Every::Week,
            1 => Every::Month,
            _ => Every::Year,
        },
        interval: input.interval,
        weekday: (!input.weekdays.is_empty()).then(|| {
            WeekdayList(
                input
                    .weekdays
                    .iter()
                    .take(10)
                    .map(|w| weekday(*w))
                    .collect(),
            )
        }),
        nth: input.nth,
        until: input.until.as_ref().map(|d| d.text(input.raw_until)),
        count: input.count,
        except: input
            .except
            .iter()
            .take(50)
            .map(|d| d.text(false))
            .collect(),
    };
    let Ok(rule) = calendar::validate(&spec, first) else {
        return;
    };
    // The window a build uses: up to a few years after today (here: after `first`).
    let window_end = first
        .checked_add(i64::from(input.window_days % 11_000).days())
        .unwrap_or(Date::MAX);
    let dates = calendar::occurrences(&rule, first, window_end);
    assert!(
        dates.windows(2).all(|w| w[0] < w[1]),
        "dates not strictly increasing"
    );
    assert!(
        dates.iter().all(|d| *d >= first && *d <= window_end),
        "a date outside the window"
    );
    assert!(dates.len() <= 11_000, "more dates than days");
    if let Some(c) = rule.count() {
        assert!(dates.len() <= c as usize, "more dates than count");
    }
    let _ = calendar::rrule(&rule);
    let zone = ZONES[usize::from(input.zone) % ZONES.len()];
    if let Ok(tz) = jiff::tz::TimeZone::get(zone) {
        let _ = calendar::rrule_timed(&rule, &tz);
    }
    let _ = calendar::describe(&rule, first, &|key, _| key.to_owned(), &|i| i.to_string());
    let when = if input.timed {
        let start = DateTime::from_parts(first, Time::constant(19, 0, 0, 0));
        When::Timed { start, end: None }
    } else {
        When::AllDay { first, last: first }
    };
    let event = IcsEvent {
        uid: calendar::uid_for("fuzz"),
        dtstamp: Timestamp::UNIX_EPOCH,
        sequence: 0,
        when,
        rule: Some(rule),
        summary: "Treffen".to_owned(),
        description: None,
        location: None,
        geo: None,
        url: None,
        status: Status::Scheduled,
        categories: Vec::new(),
    };
    let cal = IcsCalendar {
        name: "Fuzz",
        description: None,
        tz: zone,
        url: None,
    };
    if let Ok(text) = calendar::write(&cal, &[event]) {
        assert!(
            text.split("\r\n").all(|l| l.len() <= 75),
            "an unfolded line"
        );
    }
});
