//! Dates and times of an iCalendar property in every form a calendar writes them: `VALUE=DATE`,
//! UTC (`…Z`), local time with `TZID` (IANA names, Windows names from Outlook, old
//! `/mozilla.org/…/Europe/Berlin` prefixes) and floating local time.

use icalendar::parser::Property;
use jiff::Zoned;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// A DTSTART, DTEND, RDATE, EXDATE or RECURRENCE-ID value.
#[derive(Debug, Clone, PartialEq)]
pub enum Stamp {
    /// A whole day.
    Day(Date),
    /// An instant in a zone (floating times and unknown zones in the site's zone).
    At(Zoned),
}

/// Reads the first value of `p`.
pub(super) fn read(p: &Property<'_>, zone: &TimeZone) -> Option<Stamp> {
    read_list(p, zone).into_iter().next()
}

/// Reads every comma-separated value of `p` (RDATE, EXDATE); unreadable ones are left out.
pub(super) fn read_list(p: &Property<'_>, zone: &TimeZone) -> Vec<Stamp> {
    let param = |key: &str| {
        p.params
            .iter()
            .find(|x| x.key.as_str().eq_ignore_ascii_case(key))
            .and_then(|x| x.val.as_ref())
            .map(|v| v.as_str().trim_matches('"').to_owned())
    };
    let is_date = param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
    let tz = param("TZID").map_or_else(|| zone.clone(), |name| time_zone(&name, zone));
    p.val
        .as_str()
        .split(',')
        .take(super::MAX_DATES)
        .filter_map(|v| value(v.trim(), is_date, &tz))
        .collect()
}

/// One value: a date (`VALUE=DATE`, or eight digits), else a date and time, in UTC when it
/// ends in `Z`, else in `tz`.
pub(super) fn value(v: &str, is_date: bool, tz: &TimeZone) -> Option<Stamp> {
    let digits = |s: &str| s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit());
    let date = |s: &str| -> Option<Date> {
        if !digits(s) {
            return None;
        }
        let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<i16>().ok());
        Date::new(
            n(0..4)?,
            i8::try_from(n(4..6)?).ok()?,
            i8::try_from(n(6..8)?).ok()?,
        )
        .ok()
    };
    if is_date || v.len() == 8 {
        return date(v.get(..8)?).map(Stamp::Day);
    }
    let (d, rest) = v.split_once(['T', 't'])?;
    let d = date(d)?;
    let (hms, utc) = match rest.strip_suffix(['Z', 'z']) {
        Some(h) => (h, true),
        None => (rest, false),
    };
    if hms.len() != 6 || !hms.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| hms.get(r).and_then(|x| x.parse::<i8>().ok());
    // A leap second (60) is read as 59.
    let t = jiff::civil::Time::new(n(0..2)?, n(2..4)?, n(4..6)?.min(59), 0).ok()?;
    let dt = DateTime::from_parts(d, t);
    let zoned = if utc {
        dt.to_zoned(TimeZone::UTC).ok()?
    } else {
        dt.to_zoned(tz.clone()).ok()?
    };
    Some(Stamp::At(zoned))
}

/// The zone named by a TZID; `fallback` (the site's zone) when it names none we know.
pub(super) fn time_zone(name: &str, fallback: &TimeZone) -> TimeZone {
    let name = name.trim();
    if let Ok(tz) = TimeZone::get(name) {
        return tz;
    }
    if let Some(iana) = windows_zone(name) {
        return TimeZone::get(iana).unwrap_or_else(|_| fallback.clone());
    }
    // Old Lightning and Evolution exports: `/mozilla.org/20070129_1/Europe/Berlin`,
    // `/freeassociation.sourceforge.net/Tzfile/Europe/Berlin`.
    let parts: Vec<&str> = name.split('/').filter(|p| !p.is_empty()).collect();
    for n in [3, 2] {
        if parts.len() >= n
            && let Ok(tz) = TimeZone::get(&parts[parts.len() - n..].join("/"))
        {
            return tz;
        }
    }
    fallback.clone()
}

/// The IANA zone of the Windows zone names Outlook and Exchange write for Europe and its
/// neighbours (from CLDR's windowsZones.xml, territory 001).
fn windows_zone(name: &str) -> Option<&'static str> {
    Some(match name {
        "W. Europe Standard Time" => "Europe/Berlin",
        "Central Europe Standard Time" => "Europe/Budapest",
        "Central European Standard Time" => "Europe/Warsaw",
        "Romance Standard Time" => "Europe/Paris",
        "GMT Standard Time" => "Europe/London",
        "Greenwich Standard Time" => "Atlantic/Reykjavik",
        "E. Europe Standard Time" => "Europe/Chisinau",
        "FLE Standard Time" => "Europe/Kiev",
        "GTB Standard Time" => "Europe/Bucharest",
        "Russian Standard Time" => "Europe/Moscow",
        "Turkey Standard Time" => "Europe/Istanbul",
        "Israel Standard Time" => "Asia/Jerusalem",
        "UTC" | "Coordinated Universal Time" => "UTC",
        "Eastern Standard Time" => "America/New_York",
        "Pacific Standard Time" => "America/Los_Angeles",
        "China Standard Time" => "Asia/Shanghai",
        "Tokyo Standard Time" => "Asia/Tokyo",
        _ => return None,
    })
}

/// An RFC 5545 DURATION (`PT1H30M`, `P1D`, `P1W`, `-PT15M`).
pub(super) fn duration(s: &str) -> Option<jiff::SignedDuration> {
    let span: jiff::Span = s.trim().parse().ok()?;
    // Days and weeks in a DURATION are nominal; 24 h each is close enough for an end time.
    let days = i64::from(span.get_weeks()) * 7 + i64::from(span.get_days());
    let secs = days * 86_400
        + span.get_hours() as i64 * 3600
        + span.get_minutes() * 60
        + span.get_seconds();
    (secs.abs() <= 400 * 86_400).then(|| jiff::SignedDuration::from_secs(secs))
}
