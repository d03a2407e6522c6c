//! The `repeat:` front-matter key as volunteers write it: [`RepeatSpec`] and its parts
//! ([`Every`], [`WeekdayList`]), deserialized with serde and lenient about spelling
//! (English or German, any case). Checking it against the event's date is done by
//! [`super::repeat::validate`]. Also the words used in its messages and the RRULE weekday codes.

use jiff::civil::Weekday;
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use std::fmt;

/// The raw `repeat:` mapping from an event's front matter, before validation.
///
/// Dates stay strings here so that [`super::repeat::validate`] can explain an
/// impossible date such as `2025-02-30` in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepeatSpec {
    /// How often: `week`, `month` or `year`.
    pub every: Every,
    /// Every n-th week/month/year; defaults to 1.
    #[serde(default = "one")]
    pub interval: u32,
    /// The weekday (`tue`, `Tuesday`, `di`, `Dienstag`, ...); for `every: week` also a list.
    #[serde(default)]
    pub weekday: Option<WeekdayList>,
    /// Which weekday of the month: 1..5, or -1 for the last one.
    #[serde(default)]
    pub nth: Option<i8>,
    /// Last possible date (inclusive), `YYYY-MM-DD`.
    #[serde(default)]
    pub until: Option<String>,
    /// Number of occurrences, the first `date` included, counted before `except`.
    #[serde(default)]
    pub count: Option<u32>,
    /// Dates (`YYYY-MM-DD`) on which the event does not take place.
    #[serde(default)]
    pub except: Vec<String>,
}

fn one() -> u32 {
    1
}

/// The frequency of a repetition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Every {
    /// Weekly (`week`, `weekly`, `woche`, `wöchentlich`).
    Week,
    /// Monthly (`month`, `monthly`, `monat`, `monatlich`).
    Month,
    /// Yearly (`year`, `yearly`, `annually`, `jahr`, `jährlich`).
    Year,
}

impl<'de> Deserialize<'de> for Every {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.trim().to_lowercase().as_str() {
            "week" | "weekly" | "woche" | "wöchentlich" | "woechentlich" => Ok(Every::Week),
            "month" | "monthly" | "monat" | "monatlich" => Ok(Every::Month),
            "year" | "yearly" | "annually" | "jahr" | "jährlich" | "jaehrlich" => Ok(Every::Year),
            _ => Err(de::Error::custom(format!(
                "`every: {s}` is not known: write `every: week`, `every: month` or `every: year`"
            ))),
        }
    }
}

/// One weekday or (for `every: week`) a list of weekdays, in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekdayList(pub Vec<Weekday>);

/// Parses a weekday name: English (`tue`, `tuesday`), German (`di`, `dienstag`), any case.
pub fn parse_weekday(s: &str) -> Option<Weekday> {
    use Weekday::*;
    let w = match s.trim().to_lowercase().trim_end_matches('.') {
        "mon" | "monday" | "mo" | "montag" => Monday,
        "tue" | "tues" | "tuesday" | "tu" | "di" | "dienstag" => Tuesday,
        "wed" | "wednesday" | "we" | "mi" | "mittwoch" => Wednesday,
        "thu" | "thur" | "thurs" | "thursday" | "th" | "do" | "donnerstag" => Thursday,
        "fri" | "friday" | "fr" | "freitag" => Friday,
        "sat" | "saturday" | "sa" | "samstag" | "sonnabend" => Saturday,
        "sun" | "sunday" | "su" | "so" | "sonntag" => Sunday,
        _ => return None,
    };
    Some(w)
}

fn weekday_error<E: de::Error>(s: &str) -> E {
    E::custom(format!(
        "`weekday: {s}` is not a weekday: write mon, tue, wed, thu, fri, sat or sun \
         (German mo, di, mi, do, fr, sa, so also work)"
    ))
}

impl<'de> Deserialize<'de> for WeekdayList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = WeekdayList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a weekday such as `tue`, or a list such as `[tue, thu]`")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<WeekdayList, E> {
                parse_weekday(s)
                    .map(|w| WeekdayList(vec![w]))
                    .ok_or_else(|| weekday_error(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<WeekdayList, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(parse_weekday(&s).ok_or_else(|| weekday_error(&s))?);
                }
                Ok(WeekdayList(out))
            }
        }
        d.deserialize_any(V)
    }
}

// Words for messages and RRULE weekday codes.

pub(crate) fn weekday_name(w: Weekday) -> &'static str {
    use Weekday::*;
    match w {
        Monday => "Monday",
        Tuesday => "Tuesday",
        Wednesday => "Wednesday",
        Thursday => "Thursday",
        Friday => "Friday",
        Saturday => "Saturday",
        Sunday => "Sunday",
    }
}

fn ordinal(n: i8) -> String {
    match n {
        -1 => "last".into(),
        1 => "1st".into(),
        2 => "2nd".into(),
        3 => "3rd".into(),
        n => format!("{n}th"),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(crate) fn describe_en(p: &super::repeat::Pattern) -> String {
    let month = |m: i8| {
        MONTHS
            .get(usize::try_from(m - 1).unwrap_or(0))
            .copied()
            .unwrap_or("?")
    };
    match p {
        super::repeat::Pattern::Weekly(days) => {
            let names: Vec<&str> = days.iter().map(|d| weekday_name(*d)).collect();
            format!("every {}", names.join(" and "))
        }
        super::repeat::Pattern::MonthlyByDay(d) => format!("every month on day {d}"),
        super::repeat::Pattern::MonthlyNth(n, w) => {
            format!("the {} {} of every month", ordinal(*n), weekday_name(*w))
        }
        super::repeat::Pattern::YearlyByDate(m, d) => format!("every year on {} {d}", month(*m)),
        super::repeat::Pattern::YearlyNth(m, n, w) => {
            format!(
                "the {} {} of {} every year",
                ordinal(*n),
                weekday_name(*w),
                month(*m)
            )
        }
    }
}

pub(crate) fn byday(w: Weekday) -> &'static str {
    use Weekday::*;
    match w {
        Monday => "MO",
        Tuesday => "TU",
        Wednesday => "WE",
        Thursday => "TH",
        Friday => "FR",
        Saturday => "SA",
        Sunday => "SU",
    }
}
