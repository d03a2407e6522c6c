//! Recurring events: checks a [`RepeatSpec`] against the event's first `date` and turns it
//! into a [`Rule`], expands a rule into civil dates ([`occurrences`]) and writes it as an
//! RFC 5545 RRULE value ([`rrule`], [`rrule_timed`]).
//!
//! Semantics (chosen so that the HTML pages and the `.ics` feed always agree):
//! - The first occurrence is the event's `date`. It must fit the pattern, otherwise
//!   [`validate`] reports an error naming the first date that would fit (RFC 5545 would
//!   count a non-matching DTSTART as an extra instance; clients differ on that).
//! - weekly: on the listed weekdays (default: the weekday of `date`) of every `interval`-th
//!   week, weeks starting on Monday (`WKST=MO`).
//! - monthly: on the day of month of `date` (months without that day are skipped, as RFC
//!   5545 does), or on the `nth` `weekday` (`nth: -1` is the last; months without a 5th
//!   weekday are skipped).
//! - yearly: on the month and day of `date` (29 February only in leap years), or on the
//!   `nth` `weekday` of the month of `date`.
//! - `until` is inclusive; `count` counts occurrences including the first, before `except`
//!   is applied (like RFC 5545 COUNT with EXDATE).
//! - Dates are civil: a 19:00 meeting stays at 19:00 across daylight-saving changes.

pub(crate) use super::spec::byday;
pub use super::spec::{Every, RepeatSpec, WeekdayList, parse_weekday};
use super::spec::{describe, weekday_name};
use jiff::Timestamp;
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;

/// Which dates a rule picks inside each period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    /// Weekly on these weekdays (sorted Monday first, not empty).
    Weekly(Vec<Weekday>),
    /// Monthly on this day of the month (1..=31).
    MonthlyByDay(i8),
    /// Monthly on the `nth` weekday (1..=5, or -1 for the last).
    MonthlyNth(i8, Weekday),
    /// Yearly on this month (1..=12) and day.
    YearlyByDate(i8, i8),
    /// Yearly on the `nth` weekday of this month.
    YearlyNth(i8, i8, Weekday),
}

/// A checked recurrence rule, made by [`validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pattern: Pattern,
    interval: u32,
    until: Option<Date>,
    count: Option<u32>,
    except: Vec<Date>,
    warnings: Vec<String>,
}

impl Rule {
    /// Which dates the rule picks.
    pub fn pattern(&self) -> &Pattern {
        &self.pattern
    }
    /// Every n-th period (1 or more).
    pub fn interval(&self) -> u32 {
        self.interval
    }
    /// The last possible date (inclusive), if given.
    pub fn until(&self) -> Option<Date> {
        self.until
    }
    /// The number of occurrences (before `except`), if given.
    pub fn count(&self) -> Option<u32> {
        self.count
    }
    /// The excluded dates, sorted, without duplicates.
    pub fn except(&self) -> &[Date] {
        &self.except
    }
    /// True when the rule has neither `until` nor `count`: callers must pass a window end.
    pub fn is_open_ended(&self) -> bool {
        self.until.is_none() && self.count.is_none()
    }
    /// Non-fatal remarks for the volunteer, e.g. an `except` date that is no occurrence.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }
}

fn parse_date(key: &str, s: &str, errors: &mut Vec<String>) -> Option<Date> {
    let t = s.trim();
    let ok =
        t.len() == 10 && t.as_bytes().get(4) == Some(&b'-') && t.as_bytes().get(7) == Some(&b'-');
    match t.parse::<Date>() {
        Ok(d) if ok => Some(d),
        _ => {
            errors.push(msg!("calendar-repeat-date-invalid", key = key, date = t));
            None
        }
    }
}

/// Checks `spec` against the event's first `date` and builds a [`Rule`].
///
/// All problems are returned together, in plain words for volunteers. Remarks that do
/// not stop the build (an `except` date that is no occurrence) end up in
/// [`Rule::warnings`].
pub fn validate(spec: &RepeatSpec, first: Date) -> Result<Rule, Vec<String>> {
    let mut errors = Vec::new();
    if spec.interval == 0 {
        errors.push(msg!("calendar-repeat-interval-zero"));
    }
    let until = spec
        .until
        .as_deref()
        .and_then(|s| parse_date("until", s, &mut errors));
    if let Some(u) = until.filter(|u| *u < first) {
        errors.push(msg!(
            "calendar-repeat-until-before-first",
            until = u.to_string(),
            first = first.to_string()
        ));
    }
    if spec.count == Some(0) {
        errors.push(msg!("calendar-repeat-count-zero"));
    }
    if spec.count.is_some() && spec.until.is_some() {
        errors.push(msg!("calendar-repeat-count-and-until"));
    }
    let mut except: Vec<Date> = spec
        .except
        .iter()
        .filter_map(|s| parse_date("except", s, &mut errors))
        .collect();
    except.sort();
    except.dedup();
    if let Some(n) = spec.nth.filter(|n| !matches!(n, 1..=5 | -1)) {
        errors.push(msg!("calendar-repeat-nth-invalid", nth = i32::from(n)));
    }
    let mut days = spec
        .weekday
        .as_ref()
        .map(|w| w.0.clone())
        .unwrap_or_default();
    days.sort_by_key(|d| d.to_monday_zero_offset());
    days.dedup();
    let nth = spec.nth.unwrap_or(1);
    let one_day = |errors: &mut Vec<String>| match days.as_slice() {
        [d] => Some(*d),
        [] => {
            errors.push(msg!("calendar-repeat-nth-needs-weekday"));
            None
        }
        _ => {
            errors.push(msg!("calendar-repeat-one-weekday"));
            None
        }
    };
    let pattern = match (spec.every, spec.nth.is_some(), days.is_empty()) {
        (Every::Week, true, _) => {
            errors.push(msg!("calendar-repeat-nth-weekly"));
            None
        }
        (Every::Week, false, true) => Some(Pattern::Weekly(vec![first.weekday()])),
        (Every::Week, false, false) => Some(Pattern::Weekly(days.clone())),
        (every, false, false) => {
            let what = if every == Every::Month {
                "month"
            } else {
                "year"
            };
            let day = days.first().map_or(Weekday::Tuesday, |d| *d);
            errors.push(msg!(
                "calendar-repeat-weekday-needs-nth",
                every = what,
                weekday = weekday_name(day)
            ));
            None
        }
        (Every::Month, false, true) => Some(Pattern::MonthlyByDay(first.day())),
        (Every::Year, false, true) => Some(Pattern::YearlyByDate(first.month(), first.day())),
        (Every::Month, true, _) => one_day(&mut errors).map(|d| Pattern::MonthlyNth(nth, d)),
        (Every::Year, true, _) => {
            one_day(&mut errors).map(|d| Pattern::YearlyNth(first.month(), nth, d))
        }
    };
    let Some(pattern) = pattern else {
        return Err(errors);
    };
    let mut rule = Rule {
        pattern,
        interval: spec.interval.max(1),
        until: None,
        count: None,
        except,
        warnings: Vec::new(),
    };
    // Does the first `date` fit the pattern? Look at the first candidate on or after it.
    let probe = occurrences_in(
        &Rule {
            except: Vec::new(),
            ..rule.clone()
        },
        first,
        first,
        far(first, 12),
        1,
    );
    if probe.first() != Some(&first) {
        errors.push(misfit(&rule.pattern, first, probe.first().copied()));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    rule.until = until;
    rule.count = spec.count;
    // Each `except` date is looked up on its own (the walk jumps to it), so dates far apart
    // cost no more than dates close together.
    if let Some(last) = rule.except.last().copied() {
        let plain = Rule {
            except: Vec::new(),
            count: None,
            ..rule.clone()
        };
        let counted_end = match rule.count {
            Some(_) => last_counted(&rule, first, last),
            None => None,
        };
        for d in &rule.except {
            let fits = !occurrences_in(&plain, first, *d, *d, 1).is_empty()
                && counted_end.is_none_or(|end| *d <= end);
            if !fits {
                rule.warnings.push(msg!(
                    "calendar-repeat-except-unused",
                    date = d.to_string(),
                    rule = describe(&rule.pattern)
                ));
            }
        }
    }
    Ok(rule)
}

/// Why the first `date` does not fit the pattern, with the first date that would fit.
fn misfit(pattern: &Pattern, first: Date, fits: Option<Date>) -> String {
    let (rule, weekday) = (describe(pattern), weekday_name(first.weekday()));
    let first = first.to_string();
    match fits {
        Some(d) => msg!(
            "calendar-repeat-first-misfit-fix",
            first = first,
            weekday = weekday,
            rule = rule,
            fits = d.to_string()
        ),
        None => msg!(
            "calendar-repeat-first-misfit",
            first = first,
            weekday = weekday,
            rule = rule
        ),
    }
}

fn far(d: Date, years: i16) -> Date {
    Date::new(d.year().saturating_add(years).min(9999), 12, 31).unwrap_or(Date::MAX)
}

fn rrule_with(rule: &Rule, until: Option<String>) -> String {
    let mut parts = Vec::new();
    let freq = match rule.pattern {
        Pattern::Weekly(_) => "WEEKLY",
        Pattern::MonthlyByDay(_) | Pattern::MonthlyNth(..) => "MONTHLY",
        Pattern::YearlyByDate(..) | Pattern::YearlyNth(..) => "YEARLY",
    };
    parts.push(format!("FREQ={freq}"));
    if rule.interval > 1 {
        parts.push(format!("INTERVAL={}", rule.interval));
    }
    match &rule.pattern {
        Pattern::Weekly(days) => {
            if rule.interval > 1 {
                parts.push("WKST=MO".into());
            }
            let d: Vec<&str> = days.iter().map(|d| byday(*d)).collect();
            parts.push(format!("BYDAY={}", d.join(",")));
        }
        Pattern::MonthlyByDay(d) => parts.push(format!("BYMONTHDAY={d}")),
        Pattern::MonthlyNth(n, w) => parts.push(format!("BYDAY={n}{}", byday(*w))),
        Pattern::YearlyByDate(m, d) => parts.push(format!("BYMONTH={m};BYMONTHDAY={d}")),
        Pattern::YearlyNth(m, n, w) => parts.push(format!("BYMONTH={m};BYDAY={n}{}", byday(*w))),
    }
    if let Some(c) = rule.count {
        parts.push(format!("COUNT={c}"));
    }
    if let Some(u) = until {
        parts.push(format!("UNTIL={u}"));
    }
    parts.join(";")
}

/// The RRULE value for an all-day event (DTSTART is a DATE, so UNTIL is a DATE),
/// e.g. `FREQ=MONTHLY;BYDAY=-1FR;COUNT=12`. INTERVAL is written only when above 1.
pub fn rrule(rule: &Rule) -> String {
    rrule_with(rule, rule.until.map(|u| u.strftime("%Y%m%d").to_string()))
}

/// The RRULE value for a timed event whose DTSTART carries `TZID` of `tz`: UNTIL is then
/// given in UTC (RFC 5545 §3.3.10), as the end (23:59:59) of the `until` day in `tz`.
pub fn rrule_timed(rule: &Rule, tz: &TimeZone) -> Result<String, jiff::Error> {
    let until = match rule.until {
        Some(u) => {
            // The last instant jiff knows (9999-12-30 22:00 UTC) stands in for a later end.
            let ts: Timestamp = tz
                .to_zoned(u.to_datetime(Time::constant(23, 59, 59, 0)))
                .map_or(Timestamp::MAX, |z| z.timestamp());
            Some(ts.strftime("%Y%m%dT%H%M%SZ").to_string())
        }
        None => None,
    };
    Ok(rrule_with(rule, until))
}

mod expand;
use expand::last_counted;
pub use expand::{occurrences, occurrences_in};

#[cfg(test)]
mod tests;
