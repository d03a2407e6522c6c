//! VTIMEZONE components generated from jiff's bundled tz database. When the zone follows
//! one regular yearly rule per direction over the covered years (and 30 years beyond), it
//! is written as two RRULE observances (like the usual static Europe/Berlin block);
//! otherwise every transition of the covered years is written out. A zone without
//! transitions gets a single STANDARD observance.

use jiff::civil::{Date, DateTime};
use jiff::tz::{Dst, Offset, TimeZone};
use jiff::{SignedDuration, Timestamp};

/// How many years past the last covered year a regular rule must hold to be written as RRULE.
const VERIFY_YEARS: i16 = 30;

struct Transition {
    local: DateTime,
    from: Offset,
    to: Offset,
    name: String,
    dst: bool,
}

fn offset_text(o: Offset) -> String {
    let s = o.seconds();
    let (sign, a) = if s < 0 { ('-', -s) } else { ('+', s) };
    let (h, m, sec) = (a / 3600, a / 60 % 60, a % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

fn local_text(dt: DateTime) -> String {
    dt.strftime("%Y%m%dT%H%M%S").to_string()
}

fn year_start(y: i16) -> Result<Timestamp, jiff::Error> {
    Date::new(y, 1, 1)?
        .to_datetime(jiff::civil::Time::midnight())
        .to_zoned(TimeZone::UTC)
        .map(|z| z.timestamp())
}

fn transitions(tz: &TimeZone, from: Timestamp, to: Timestamp) -> Vec<Transition> {
    tz.following(from)
        .take_while(|t| t.timestamp() < to)
        .filter_map(|t| {
            let before = t
                .timestamp()
                .checked_sub(SignedDuration::from_secs(1))
                .unwrap_or(t.timestamp());
            let prev = tz.to_offset_info(before);
            let dst = t.dst() == Dst::Yes;
            // The tz database has a few no-op transitions (e.g. at 2038-01-19): skip them.
            let same = prev.offset() == t.offset()
                && prev.abbreviation() == t.abbreviation()
                && (prev.dst() == Dst::Yes) == dst;
            (!same).then(|| Transition {
                local: prev.offset().to_datetime(t.timestamp()),
                from: prev.offset(),
                to: t.offset(),
                name: t.abbreviation().to_string(),
                dst,
            })
        })
        .collect()
}

fn observance(t: &Transition, rrule: Option<String>) -> Vec<String> {
    let kind = if t.dst { "DAYLIGHT" } else { "STANDARD" };
    let mut v = vec![
        format!("BEGIN:{kind}"),
        format!("DTSTART:{}", local_text(t.local)),
        format!("TZOFFSETFROM:{}", offset_text(t.from)),
        format!("TZOFFSETTO:{}", offset_text(t.to)),
    ];
    v.extend(rrule.map(|r| format!("RRULE:{r}")));
    v.push(format!("TZNAME:{}", super::ics::escape_text(&t.name)));
    v.push(format!("END:{kind}"));
    v
}

/// The BYDAY/BYMONTHDAY part shared by all the dates, if there is one.
fn yearly_pattern(dates: &[Date]) -> Option<String> {
    let first = dates.first()?;
    let wd = super::repeat::byday(first.weekday());
    let same_wd = dates.iter().all(|d| d.weekday() == first.weekday());
    let nth = |d: &Date| (d.day() - 1) / 7 + 1;
    if same_wd && dates.iter().all(|d| nth(d) == nth(first)) {
        return Some(format!("BYDAY={}{wd}", nth(first)));
    }
    if same_wd && dates.iter().all(|d| d.day() + 7 > d.days_in_month()) {
        return Some(format!("BYDAY=-1{wd}"));
    }
    if dates.iter().all(|d| d.day() == first.day()) {
        return Some(format!("BYMONTHDAY={}", first.day()));
    }
    // "Friday on or after the 23rd" style rules: one weekday within a 7-day window.
    let low = dates.iter().map(|d| d.day()).min()?;
    let shortest = if first.month() == 2 {
        28
    } else {
        first.days_in_month()
    };
    if same_wd && dates.iter().all(|d| d.day() < low + 7) && low + 6 <= shortest {
        let days: Vec<String> = (low..low + 7).map(|d| d.to_string()).collect();
        return Some(format!("BYMONTHDAY={};BYDAY={wd}", days.join(",")));
    }
    None
}

/// Two RRULE observances if the transitions in `ts` (covering the whole years
/// `first_year..=last_year`) follow one yearly rule per direction.
fn regular(ts: &[Transition], first_year: i16, last_year: i16) -> Option<Vec<String>> {
    let years = usize::try_from(last_year - first_year + 1).ok()?;
    if ts.len() != 2 * years {
        return None;
    }
    let mut lines = Vec::new();
    for parity in 0..2 {
        let group: Vec<&Transition> = ts.iter().skip(parity).step_by(2).collect();
        let head = group.first()?;
        let same = group.iter().enumerate().all(|(i, t)| {
            t.from == head.from
                && t.to == head.to
                && t.name == head.name
                && t.dst == head.dst
                && t.local.time() == head.local.time()
                && t.local.month() == head.local.month()
                && i64::from(t.local.year()) == i64::from(first_year) + i as i64
        });
        if !same {
            return None;
        }
        let dates: Vec<Date> = group.iter().map(|t| t.local.date()).collect();
        let by = yearly_pattern(&dates)?;
        lines.extend(observance(
            head,
            Some(format!("FREQ=YEARLY;BYMONTH={};{by}", head.local.month())),
        ));
    }
    Some(lines)
}

/// The VTIMEZONE content lines (unfolded) for `tz` under the name `tzid`, correct for every
/// time from 1 January of `first_year` to the end of `last_year`. Feeds share the folded block
/// through a memo in [`super::ics`], so this runs once per zone and years.
pub(crate) fn vtimezone(
    tzid: &str,
    tz: &TimeZone,
    first_year: i16,
    last_year: i16,
) -> Result<Vec<String>, jiff::Error> {
    let from_year = first_year.saturating_sub(1).max(1);
    let start = year_start(from_year)?;
    let mut lines = vec![
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{}", super::ics::param_text(tzid)),
    ];
    let verify_last = last_year.saturating_add(VERIFY_YEARS).min(9998);
    let all = transitions(tz, start, year_start(verify_last + 1)?);
    // The earliest year from which on the zone follows regular yearly rules, if any:
    // explicit transitions before it, RRULE observances from it on.
    let tail = (from_year..=last_year.saturating_add(1).min(verify_last)).find_map(|y| {
        let idx = all
            .iter()
            .position(|t| t.local.year() >= y)
            .unwrap_or(all.len());
        regular(&all[idx..], y, verify_last).map(|obs| (idx, obs))
    });
    let explicit_end = match &tail {
        Some((idx, _)) => *idx,
        None => {
            let end = year_start(last_year.saturating_add(1).min(9999))?;
            all.iter()
                .position(|t| t.local.year() >= last_year.saturating_add(1))
                .unwrap_or(all.len())
                .min(transitions(tz, start, end).len())
        }
    };
    if explicit_end > 0 || tail.is_none() {
        // The observance in force at `start`, then each transition before the regular tail.
        let info = tz.to_offset_info(start);
        let begun = tz.preceding(start).next().map_or_else(
            || DateTime::constant(1970, 1, 1, 0, 0, 0, 0),
            |t| t.offset().to_datetime(t.timestamp()),
        );
        let initial = Transition {
            local: begun,
            from: info.offset(),
            to: info.offset(),
            name: info.abbreviation().to_string(),
            dst: info.dst() == Dst::Yes,
        };
        lines.extend(observance(&initial, None));
        for t in &all[..explicit_end] {
            lines.extend(observance(t, None));
        }
    }
    if let Some((_, obs)) = tail {
        lines.extend(obs);
    }
    lines.push("END:VTIMEZONE".into());
    Ok(lines)
}
