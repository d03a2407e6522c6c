//! Recurrence for a source's events: RRULE, RDATE and EXDATE expanded by the `rrule` crate
//! inside a window and at most [`MAX_OCCURRENCES`] times per event, RECURRENCE-ID overrides
//! put in place of the occurrence they replace, and everything turned into the site's zone.

use std::collections::{BTreeMap, HashSet};

use chrono::TimeZone as _;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, Zoned};
use rrule::{RRule, RRuleSet, Unvalidated};

use super::{Stamp, Vevent};
use crate::network::remote::{MAX_EVENTS, MAX_OCCURRENCES, RemoteEvent, When};

/// The most steps the rrule crate may take for all rules of one source together.
const STEPS: usize = 200_000;

/// Where an occurrence stands, to match a RECURRENCE-ID and to find duplicates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key {
    Day(Date),
    At(i64),
}

fn key(s: &Stamp) -> Key {
    match s {
        Stamp::Day(d) => Key::Day(*d),
        Stamp::At(z) => Key::At(z.timestamp().as_second()),
    }
}

/// The occurrences of `events` that start within `from..=to`, in the site's zone `site`,
/// sorted by time; at most [`MAX_EVENTS`].
pub fn expand(events: &[Vevent], site: &TimeZone, from: Date, to: Date) -> Vec<RemoteEvent> {
    let mut overrides: BTreeMap<(&str, Key), &Vevent> = BTreeMap::new();
    for v in events {
        if let Some(r) = &v.recurrence_id {
            overrides.insert((v.uid.as_str(), key(r)), v);
        }
    }
    let mut used = HashSet::new();
    let mut out = Vec::new();
    let mut budget = STEPS;
    for v in events.iter().filter(|v| v.recurrence_id.is_none()) {
        for start in starts(v, from, to, &mut budget) {
            let k = (v.uid.as_str(), key(&start));
            match overrides.get(&k) {
                // An occurrence moved out of the window is not in it any more.
                Some(o) => {
                    used.insert(k);
                    if in_window(&o.start, from, to) {
                        out.extend(occurrence(o, &o.start, site));
                    }
                }
                None => out.extend(occurrence(v, &start, site)),
            }
        }
        if out.len() > MAX_EVENTS {
            break;
        }
    }
    // Overrides whose original occurrence lies outside the window but which moved into it.
    for (k, o) in &overrides {
        if !used.contains(k) && in_window(&o.start, from, to) {
            out.extend(occurrence(o, &o.start, site));
        }
    }
    out.sort_by(|a, b| (a.when, &a.uid).cmp(&(b.when, &b.uid)));
    out.dedup_by(|a, b| a.uid == b.uid && a.when == b.when);
    out.truncate(MAX_EVENTS);
    out
}

fn in_window(s: &Stamp, from: Date, to: Date) -> bool {
    let d = match s {
        Stamp::Day(d) => *d,
        Stamp::At(z) => z.date(),
    };
    (from..=to).contains(&d)
}

/// The starts of `v` inside the window: its own start, or its recurrences.
fn starts(v: &Vevent, from: Date, to: Date, budget: &mut usize) -> Vec<Stamp> {
    let single = || {
        Some(v.start.clone())
            .filter(|s| in_window(s, from, to))
            .into_iter()
            .collect()
    };
    if v.rrule.is_none() && v.rdates.is_empty() || v.rrule.as_deref().is_some_and(sub_daily) {
        return single();
    }
    // A panic inside the rrule crate, parsing a rule or walking it, must not end the build.
    let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| rule_set(v, from, to)));
    let Ok(Some((set, after, before))) = made else {
        return single();
    };
    // Every step from DTSTART on counts against the source's budget, so that no rule (a
    // million occurrences, every minute since 1900) can hold up the build.
    let steps = *budget;
    let walk = move || {
        let mut taken = Vec::new();
        let mut used = 0usize;
        for d in &set {
            used += 1;
            if d > before || used > steps || taken.len() >= usize::from(MAX_OCCURRENCES) {
                break;
            }
            if d >= after {
                taken.push(d);
            }
        }
        (taken, used)
    };
    let Ok((dates, used)) = std::panic::catch_unwind(walk) else {
        return single();
    };
    *budget = budget.saturating_sub(used);
    dates.iter().filter_map(|d| back(d, &v.start)).collect()
}

/// Whether `rule` repeats more often than daily: no partnership calendar does, and lists
/// would drown in it, so such an event shows its first occurrence only.
fn sub_daily(rule: &str) -> bool {
    let rule = rule.to_ascii_uppercase();
    ["SECONDLY", "MINUTELY", "HOURLY"]
        .iter()
        .any(|f| rule.contains(&format!("FREQ={f}")))
}

type Edge = chrono::DateTime<rrule::Tz>;

/// The rule set of `v` and the instants the window runs between.
fn rule_set(v: &Vevent, from: Date, to: Date) -> Option<(RRuleSet, Edge, Edge)> {
    let start = chrono_of(&v.start)?;
    let mut set = match &v.rrule {
        Some(r) => until_in_utc(r, &v.start)
            .parse::<RRule<Unvalidated>>()
            .ok()?
            .build(start)
            .ok()?,
        None => RRuleSet::new(start).rdate(start),
    };
    let tz = start.timezone();
    for r in &v.rdates {
        set = set.rdate(chrono_of(r)?.with_timezone(&tz));
    }
    for e in &v.exdates {
        set = set.exdate(chrono_of(e)?.with_timezone(&tz));
    }
    let utc = rrule::Tz::Tz(chrono_tz::UTC);
    let edge = |d: Date, end: bool| {
        let secs = d.to_zoned(TimeZone::UTC).ok()?.timestamp().as_second()
            + if end { 86_400 * 2 } else { -86_400 };
        utc.timestamp_opt(secs, 0).single()
    };
    Some((set, edge(from, false)?, edge(to, true)?))
}

/// `rule` with its UNTIL in UTC, the only form the rrule crate takes beside a DTSTART with a
/// zone: a date (all-day events write one) stands for the end of that day, a time without `Z`
/// (floating) for that time, both in the zone of `start` (all-day starts are in UTC here).
/// An UNTIL that cannot be read is left as written, for the rrule crate to refuse.
fn until_in_utc(rule: &str, start: &Stamp) -> String {
    let zone = match start {
        Stamp::Day(_) => TimeZone::UTC,
        Stamp::At(z) => z.time_zone().clone(),
    };
    let utc = |value: &str| -> Option<String> {
        let ts = match super::stamp::value(value.trim(), false, &zone)? {
            Stamp::Day(d) => d.at(23, 59, 59, 0).to_zoned(zone.clone()).ok()?.timestamp(),
            Stamp::At(z) => z.timestamp(),
        };
        Some(ts.strftime("%Y%m%dT%H%M%SZ").to_string())
    };
    rule.split(';')
        .map(|part| match part.split_once('=') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("UNTIL") => {
                utc(value).map_or_else(|| part.to_owned(), |u| format!("UNTIL={u}"))
            }
            _ => part.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// `s` for the rrule crate: days at midnight UTC, instants in their own zone.
fn chrono_of(s: &Stamp) -> Option<chrono::DateTime<rrule::Tz>> {
    match s {
        Stamp::Day(d) => {
            let secs = d.to_zoned(TimeZone::UTC).ok()?.timestamp().as_second();
            rrule::Tz::Tz(chrono_tz::UTC)
                .timestamp_opt(secs, 0)
                .single()
        }
        Stamp::At(z) => {
            let tz = z
                .time_zone()
                .iana_name()
                .and_then(|n| n.parse::<chrono_tz::Tz>().ok())
                .unwrap_or(chrono_tz::UTC);
            rrule::Tz::Tz(tz)
                .timestamp_opt(z.timestamp().as_second(), 0)
                .single()
        }
    }
}

/// A start from the rrule crate in the form of `like` (a day, or an instant in its zone).
fn back(d: &chrono::DateTime<rrule::Tz>, like: &Stamp) -> Option<Stamp> {
    let ts = Timestamp::from_second(d.timestamp()).ok()?;
    match like {
        Stamp::Day(_) => Some(Stamp::Day(ts.to_zoned(TimeZone::UTC).date())),
        Stamp::At(z) => Some(Stamp::At(ts.to_zoned(z.time_zone().clone()))),
    }
}

/// One occurrence of `v` starting at `start`, its length taken from DTEND or DURATION.
fn occurrence(v: &Vevent, start: &Stamp, site: &TimeZone) -> Option<RemoteEvent> {
    let when = match start {
        Stamp::Day(first) => {
            let days = match &v.end {
                Some(Stamp::Day(end)) => v.start_day().until(*end).ok()?.get_days(),
                _ => 1,
            }
            .clamp(1, 366);
            let last = first.checked_add(jiff::Span::new().days(days - 1)).ok()?;
            When::AllDay {
                first: *first,
                last,
            }
        }
        Stamp::At(z) => {
            let length = match (&v.end, &v.start) {
                (Some(Stamp::At(end)), Stamp::At(s)) => Some(end.duration_since(s)),
                _ => v.duration,
            }
            .filter(|d| !d.is_negative() && d.as_secs() <= 366 * 86_400);
            let end = length.and_then(|l| z.checked_add(l).ok());
            When::Timed {
                start: local(z, site),
                end: end.map(|e| local(&e, site)),
            }
        }
    };
    Some(RemoteEvent {
        uid: v.uid.clone(),
        when,
        title: v.title.clone(),
        description: v.description.clone(),
        location: v.location.clone(),
        url: v.url.clone(),
        status: v.status,
    })
}

fn local(z: &Zoned, site: &TimeZone) -> jiff::civil::DateTime {
    z.with_time_zone(site.clone()).datetime()
}

impl Vevent {
    /// The first day of DTSTART.
    fn start_day(&self) -> Date {
        match &self.start {
            Stamp::Day(d) => *d,
            Stamp::At(z) => z.date(),
        }
    }
}
