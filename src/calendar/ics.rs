//! The RFC 5545 iCalendar writer for `/calendar.ics` and the per-city, per-association and
//! per-event feeds: [`write()`] turns an [`IcsCalendar`] and its [`IcsEvent`]s into the text
//! of a `.ics` file; [`uid_for`] makes stable UIDs.
//!
//! Output rules: CRLF line ends; lines folded at 75 octets on UTF-8 character boundaries;
//! TEXT values escaped (`\` `;` `,` and newlines) with other control characters (except
//! TAB) removed; no METHOD (a published feed). Timed events are written as local times
//! with `TZID=` the calendar's zone plus a VTIMEZONE generated from jiff's tz database.
//! A timed event without end lasts 2 hours (DTEND = start + 2 h, wall-clock). All-day
//! events use `VALUE=DATE` with an exclusive DTEND. `postponed` is written as
//! `STATUS:TENTATIVE` (iCalendar has no "postponed"). The output depends only on the
//! input: no clock, no host name, events in the order given.

use super::repeat::{Rule, occurrences, rrule, rrule_timed};
pub use super::uid::uid_for;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// Years an open-ended timed rule is covered by an explicit (non-RRULE) VTIMEZONE, counted
/// from the later of its start and its DTSTAMP.
const OPEN_ENDED_YEARS: i16 = 10;

/// When an event takes place, in civil time of the calendar's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    /// Whole days, `first..=last` (a one-day event has `first == last`).
    AllDay {
        /// The first day.
        first: Date,
        /// The last day (inclusive).
        last: Date,
    },
    /// A start time and optional end; without end the event lasts 2 hours.
    Timed {
        /// Start, local time in the calendar's zone.
        start: DateTime,
        /// End, local time in the calendar's zone.
        end: Option<DateTime>,
    },
}

impl When {
    /// The first day.
    pub fn first_day(&self) -> Date {
        match self {
            Self::AllDay { first, .. } => *first,
            Self::Timed { start, .. } => start.date(),
        }
    }
}

/// The event's status as written in front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Takes place: `STATUS:CONFIRMED`.
    Scheduled,
    /// Unter Vorbehalt: `STATUS:TENTATIVE`.
    Tentative,
    /// Cancelled: `STATUS:CANCELLED` (keep the event so clients remove it).
    Cancelled,
    /// Postponed, new date unknown: `STATUS:TENTATIVE`.
    Postponed,
}

/// One event (possibly recurring) of a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct IcsEvent {
    /// Stable unique id, e.g. from [`uid_for`].
    pub uid: String,
    /// Last revision of the event (from content, not the clock); written in UTC.
    pub dtstamp: Timestamp,
    /// Revision counter; bump it when the event changes.
    pub sequence: u32,
    /// Date or time.
    pub when: When,
    /// Recurrence, validated against the event's first date.
    pub rule: Option<Rule>,
    /// Title.
    pub summary: String,
    /// Plain-text description.
    pub description: Option<String>,
    /// Place, as one line of text.
    pub location: Option<String>,
    /// Latitude and longitude in decimal degrees.
    pub geo: Option<(f64, f64)>,
    /// Absolute URL of the event's page.
    pub url: Option<String>,
    /// Status.
    pub status: Status,
    /// Categories, e.g. the partner cities' names.
    pub categories: Vec<String>,
}

/// Feed-level data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IcsCalendar<'a> {
    /// Feed name shown by calendar apps.
    pub name: &'a str,
    /// Feed description.
    pub description: Option<&'a str>,
    /// IANA zone of all timed events, e.g. `Europe/Berlin`.
    pub tz: &'a str,
    /// Absolute URL of the feed.
    pub url: Option<&'a str>,
}

/// Why a feed could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IcsError {
    /// The calendar's zone is not in the tz database.
    UnknownTimeZone {
        /// The name as given.
        name: String,
        /// jiff's explanation.
        reason: String,
    },
    /// An event ends before it starts.
    EndBeforeStart {
        /// The event's UID.
        uid: String,
    },
    /// Coordinates are not finite or out of range.
    InvalidGeo {
        /// The event's UID.
        uid: String,
    },
    /// Two events share a UID.
    DuplicateUid(String),
    /// Date arithmetic left jiff's supported range.
    OutOfRange {
        /// The event's UID.
        uid: String,
        /// jiff's explanation.
        reason: String,
    },
}

impl fmt::Display for IcsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            IcsError::UnknownTimeZone { name, reason } => {
                msg!("calendar-unknown-time-zone", name = name, reason = reason)
            }
            IcsError::EndBeforeStart { uid } => msg!("calendar-ends-before-start", uid = uid),
            IcsError::InvalidGeo { uid } => msg!("calendar-invalid-coordinates", uid = uid),
            IcsError::DuplicateUid(uid) => msg!("calendar-duplicate-uid", uid = uid),
            IcsError::OutOfRange { uid, reason } => {
                msg!("calendar-date-out-of-range", uid = uid, reason = reason)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for IcsError {}

/// Escapes a TEXT value (RFC 5545 §3.3.11): `\` `;` `,` and line breaks (LF, CR, CRLF
/// become `\n`); other control characters except TAB are dropped.
pub fn escape_text(s: &str) -> String {
    if !s.contains(|c: char| c.is_control() || matches!(c, '\\' | ';' | ',')) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value: control characters and `"` dropped, quoted if it holds `:;,`.
pub fn param_text(s: &str) -> String {
    let clean: String = s.chars().filter(|c| !c.is_control() && *c != '"').collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// A URI value: control characters dropped.
fn uri_text(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

/// Appends `line` folded to at most 75 octets per physical line, ending in CRLF. A fold never
/// splits a character; continuation lines start with one space, so they hold 74 octets of text.
pub fn fold_into(line: &str, out: &mut String) {
    let mut rest = line;
    let mut room = 75;
    while rest.len() > room {
        let mut cut = room;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        room = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

fn date_text(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

fn local_text(dt: DateTime) -> String {
    dt.strftime("%Y%m%dT%H%M%S").to_string()
}

/// The years `(first, last)` whose local times the VTIMEZONE must cover for `e`.
fn timed_years(e: &IcsEvent, start: DateTime, end: DateTime) -> (i16, i16) {
    let mut last = end.year();
    if let Some(rule) = &e.rule {
        let first = start.date();
        let y = if let Some(u) = rule.until() {
            u.year()
        } else if rule.count().is_some() {
            let window =
                Date::new(first.year().saturating_add(200).min(9999), 12, 31).unwrap_or(Date::MAX);
            occurrences(rule, first, window)
                .last()
                .map_or(first.year(), |d| d.year())
        } else {
            let stamp = e.dtstamp.to_zoned(TimeZone::UTC).year();
            first.year().max(stamp).saturating_add(OPEN_ENDED_YEARS)
        };
        last = last.max(y.saturating_add(end.year() - start.year()));
    }
    (start.year(), last.min(9998))
}

fn vevent(
    e: &IcsEvent,
    tz_name: &str,
    tz: &TimeZone,
    lines: &mut Vec<String>,
) -> Result<(), IcsError> {
    let uid = || e.uid.clone();
    let range = |err: jiff::Error| IcsError::OutOfRange {
        uid: uid(),
        reason: err.to_string(),
    };
    lines.push("BEGIN:VEVENT".into());
    lines.push(format!("UID:{}", escape_text(&e.uid)));
    lines.push(format!("DTSTAMP:{}", e.dtstamp.strftime("%Y%m%dT%H%M%SZ")));
    lines.push(format!("SEQUENCE:{}", e.sequence));
    let tzid = param_text(tz_name);
    match &e.when {
        When::AllDay { first, last } => {
            if last < first {
                return Err(IcsError::EndBeforeStart { uid: uid() });
            }
            lines.push(format!("DTSTART;VALUE=DATE:{}", date_text(*first)));
            // DTEND is the day after the last; for a last day of 9999-12-31 that day cannot be
            // written, so the length is given instead (RFC 5545 allows either).
            match last.checked_add(1.day()) {
                Ok(end) => lines.push(format!("DTEND;VALUE=DATE:{}", date_text(end))),
                Err(_) => {
                    let days = first.until((jiff::Unit::Day, *last)).map_err(range)?;
                    lines.push(format!("DURATION:P{}D", i64::from(days.get_days()) + 1));
                }
            }
            if let Some(rule) = &e.rule {
                lines.push(format!("RRULE:{}", rrule(rule)));
                let ex: Vec<String> = rule.except().iter().map(|d| date_text(*d)).collect();
                if !ex.is_empty() {
                    lines.push(format!("EXDATE;VALUE=DATE:{}", ex.join(",")));
                }
            }
        }
        When::Timed { start, end } => {
            let end = match end {
                Some(end) => Some(*end),
                None => start.checked_add(2.hours()).ok(),
            };
            if end.is_some_and(|end| end < *start) {
                return Err(IcsError::EndBeforeStart { uid: uid() });
            }
            lines.push(format!("DTSTART;TZID={tzid}:{}", local_text(*start)));
            match end {
                Some(end) => lines.push(format!("DTEND;TZID={tzid}:{}", local_text(end))),
                // Two hours after a start late on 9999-12-31 cannot be written as a date.
                None => lines.push("DURATION:PT2H".into()),
            }
            if let Some(rule) = &e.rule {
                lines.push(format!("RRULE:{}", rrule_timed(rule, tz).map_err(range)?));
                let ex: Vec<String> = rule
                    .except()
                    .iter()
                    .map(|d| local_text(d.to_datetime(start.time())))
                    .collect();
                if !ex.is_empty() {
                    lines.push(format!("EXDATE;TZID={tzid}:{}", ex.join(",")));
                }
            }
        }
    }
    lines.push(format!("SUMMARY:{}", escape_text(&e.summary)));
    let text = [("DESCRIPTION", &e.description), ("LOCATION", &e.location)];
    for (key, value) in text {
        if let Some(v) = value {
            lines.push(format!("{key}:{}", escape_text(v)));
        }
    }
    if let Some((lat, lon)) = e.geo {
        if !(lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0) {
            return Err(IcsError::InvalidGeo { uid: uid() });
        }
        lines.push(format!("GEO:{lat};{lon}"));
    }
    if let Some(url) = &e.url {
        lines.push(format!("URL:{}", uri_text(url)));
    }
    let status = match e.status {
        Status::Scheduled => "CONFIRMED",
        Status::Tentative | Status::Postponed => "TENTATIVE",
        Status::Cancelled => "CANCELLED",
    };
    lines.push(format!("STATUS:{status}"));
    let cats: Vec<String> = e
        .categories
        .iter()
        .map(|c| escape_text(c))
        .filter(|c| !c.is_empty())
        .collect();
    if !cats.is_empty() {
        lines.push(format!("CATEGORIES:{}", cats.join(",")));
    }
    lines.push("END:VEVENT".into());
    Ok(())
}

/// One event's VEVENT, checked and folded, with the years its local times span (for the
/// calendar's VTIMEZONE). A site writes each event into several feeds (the whole calendar, its
/// cities', its organizers', its own), so the block is made once and copied into each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventBlock {
    uid: String,
    years: Option<(i16, i16)>,
    text: String,
}

/// The tz database zone `name`, or why there is none.
pub fn time_zone(name: &str) -> Result<TimeZone, IcsError> {
    TimeZone::get(name).map_err(|e| IcsError::UnknownTimeZone {
        name: name.to_string(),
        reason: e.to_string(),
    })
}

/// The VEVENT of `e` for a calendar in the zone `tz` named `tz_name`.
pub fn event_block(e: &IcsEvent, tz_name: &str, tz: &TimeZone) -> Result<EventBlock, IcsError> {
    let years = match &e.when {
        When::Timed { start, end } => Some(timed_years(e, *start, end.unwrap_or(*start))),
        When::AllDay { .. } => None,
    };
    let mut lines = Vec::with_capacity(16);
    vevent(e, tz_name, tz, &mut lines)?;
    let mut text = String::with_capacity(lines.iter().map(|l| l.len() + 4).sum());
    for l in &lines {
        fold_into(l, &mut text);
    }
    Ok(EventBlock {
        uid: e.uid.clone(),
        years,
        text,
    })
}

/// Writes the whole `.ics` file: VCALENDAR with feed properties, one VTIMEZONE for the
/// calendar's zone when any event is timed, and one VEVENT per event (in the given order).
pub fn write(cal: &IcsCalendar, events: &[IcsEvent]) -> Result<String, IcsError> {
    let tz = time_zone(cal.tz)?;
    check_unique(events.iter().map(|e| e.uid.as_str()))?;
    let blocks = events
        .iter()
        .map(|e| event_block(e, cal.tz, &tz))
        .collect::<Result<Vec<_>, _>>()?;
    write_blocks(cal, &tz, &blocks.iter().collect::<Vec<_>>())
}

fn check_unique<'a>(mut uids: impl Iterator<Item = &'a str>) -> Result<(), IcsError> {
    let mut seen = BTreeSet::new();
    match uids.find(|u| !seen.insert(*u)) {
        Some(dup) => Err(IcsError::DuplicateUid(dup.to_owned())),
        None => Ok(()),
    }
}

/// [`write`] from events made into blocks before (with [`event_block`], for the zone `tz`
/// of `cal`).
pub fn write_blocks(
    cal: &IcsCalendar,
    tz: &TimeZone,
    blocks: &[&EventBlock],
) -> Result<String, IcsError> {
    check_unique(blocks.iter().map(|b| b.uid.as_str()))?;
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//twinsite//twinsite//DE".into(),
        "CALSCALE:GREGORIAN".into(),
        format!("NAME:{}", escape_text(cal.name)),
        format!("X-WR-CALNAME:{}", escape_text(cal.name)),
    ];
    if let Some(d) = cal.description {
        lines.push(format!("DESCRIPTION:{}", escape_text(d)));
        lines.push(format!("X-WR-CALDESC:{}", escape_text(d)));
    }
    if let Some(u) = cal.url {
        lines.push(format!("URL:{}", uri_text(u)));
    }
    lines.push(format!("X-WR-TIMEZONE:{}", escape_text(cal.tz)));
    lines.push("REFRESH-INTERVAL;VALUE=DURATION:PT12H".into());
    lines.push("X-PUBLISHED-TTL:PT12H".into());
    let span = blocks
        .iter()
        .filter_map(|b| b.years)
        .fold(None, |acc: Option<(i16, i16)>, (a, b)| {
            Some(acc.map_or((a, b), |(x, y)| (x.min(a), y.max(b))))
        });
    let vtz = if let Some((first, last)) = span {
        Some(vtimezone_text(cal.tz, tz, first, last)?)
    } else {
        None
    };
    let size = blocks.iter().map(|b| b.text.len()).sum::<usize>() + 1024;
    let mut out = String::with_capacity(size);
    for l in &lines {
        fold_into(l, &mut out);
    }
    if let Some(vtz) = vtz {
        out.push_str(&vtz);
    }
    for b in blocks {
        out.push_str(&b.text);
    }
    fold_into("END:VCALENDAR", &mut out);
    Ok(out)
}

/// The VTIMEZONE block of `tzid` for the years `first..=last`, folded. Nearly every feed of a
/// site needs the same one, so it is made once per zone and years and then shared.
fn vtimezone_text(tzid: &str, tz: &TimeZone, first: i16, last: i16) -> Result<Arc<str>, IcsError> {
    type Memo = Mutex<HashMap<(String, i16, i16), Arc<str>>>;
    static MEMO: OnceLock<Memo> = OnceLock::new();
    let memo = MEMO.get_or_init(Memo::default);
    let key = (tzid.to_owned(), first, last);
    let lock = || memo.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(hit) = lock().get(&key) {
        return Ok(Arc::clone(hit));
    }
    let lines =
        super::vtimezone::vtimezone(tzid, tz, first, last).map_err(|e| IcsError::OutOfRange {
            uid: "VTIMEZONE".into(),
            reason: e.to_string(),
        })?;
    let mut text = String::new();
    for l in &lines {
        fold_into(l, &mut text);
    }
    let text: Arc<str> = text.into();
    lock().insert(key, Arc::clone(&text));
    Ok(text)
}

#[cfg(test)]
mod tests;
