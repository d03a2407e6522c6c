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
            _ => Err(de::Error::custom(msg!("calendar-every-unknown", every = s))),
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
    E::custom(msg!("calendar-weekday-unknown", weekday = s))
}

impl<'de> Deserialize<'de> for WeekdayList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = WeekdayList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(&msg!("calendar-weekday-expected"))
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

/// The weekday's name in the language of the messages.
pub(crate) fn weekday_name(w: Weekday) -> String {
    msg!(
        "calendar-weekday",
        day = i32::from(w.to_monday_one_offset())
    )
}

/// `n` as an ordinal in the language of the messages ("2nd", "last").
fn ordinal(n: i8) -> String {
    msg!("calendar-ordinal", n = i32::from(n))
}

/// The month's name (1..=12) in the language of the messages.
fn month_name(m: i8) -> String {
    msg!("calendar-month", month = i32::from(m))
}

/// The pattern in words for messages, e.g. "the 2nd Tuesday of every month".
pub(crate) fn describe(p: &super::repeat::Pattern) -> String {
    use super::repeat::Pattern;
    match p {
        Pattern::Weekly(days) => {
            let mut names = days.iter().map(|d| weekday_name(*d));
            let first = names.next().unwrap_or_default();
            let days = names.fold(first, |list, last| {
                msg!("calendar-days-and", list = list, last = last)
            });
            msg!("calendar-pattern-weekly", days = days)
        }
        Pattern::MonthlyByDay(d) => msg!("calendar-pattern-month-day", day = i32::from(*d)),
        Pattern::MonthlyNth(n, w) => msg!(
            "calendar-pattern-month-nth",
            nth = ordinal(*n),
            weekday = weekday_name(*w)
        ),
        Pattern::YearlyByDate(m, d) => msg!(
            "calendar-pattern-year-date",
            month = month_name(*m),
            day = i32::from(*d)
        ),
        Pattern::YearlyNth(m, n, w) => msg!(
            "calendar-pattern-year-nth",
            nth = ordinal(*n),
            weekday = weekday_name(*w),
            month = month_name(*m)
        ),
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
