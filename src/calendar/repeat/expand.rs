//! Expanding a [`Rule`] into dates: period by period from the first `date`, or straight from
//! any later date ([`occurrences_in`]), so that a rule whose first date lies centuries back
//! costs no more than a recent one.

use super::{Pattern, Rule};
use jiff::Span;
use jiff::civil::Date;

fn add_days(d: Date, n: i64) -> Option<Date> {
    Span::new()
        .try_days(n)
        .ok()
        .and_then(|s| d.checked_add(s).ok())
}

/// The dates picked in period `k` (counted in whole intervals from the period of `first`),
/// and the first day of that period; `None` once past the supported range.
fn period(rule: &Rule, first: Date, k: i64) -> Option<(Date, Vec<Date>)> {
    let step = k.checked_mul(i64::from(rule.interval))?;
    let month_start = |months: i64| {
        let idx = i64::from(first.year()) * 12 + i64::from(first.month() - 1) + months;
        let y = i16::try_from(idx.div_euclid(12)).ok()?;
        let m = i8::try_from(idx.rem_euclid(12) + 1).ok()?;
        Date::new(y, m, 1).ok()
    };
    match &rule.pattern {
        Pattern::Weekly(days) => {
            let monday = add_days(first, -i64::from(first.weekday().to_monday_zero_offset()))?;
            let start = add_days(monday, step.checked_mul(7)?)?;
            let dates = days
                .iter()
                .filter_map(|d| add_days(start, i64::from(d.to_monday_zero_offset())))
                .collect();
            Some((start, dates))
        }
        Pattern::MonthlyByDay(day) => {
            let s = month_start(step)?;
            Some((
                s,
                Date::new(s.year(), s.month(), *day)
                    .ok()
                    .into_iter()
                    .collect(),
            ))
        }
        Pattern::MonthlyNth(n, w) => {
            let s = month_start(step)?;
            Some((s, s.nth_weekday_of_month(*n, *w).ok().into_iter().collect()))
        }
        Pattern::YearlyByDate(m, d) | Pattern::YearlyNth(m, d, _) => {
            let y = i16::try_from(i64::from(first.year()).checked_add(step)?).ok()?;
            let s = Date::new(y, 1, 1).ok()?;
            let date = match &rule.pattern {
                Pattern::YearlyNth(_, n, w) => Date::new(y, *m, 1)
                    .and_then(|x| x.nth_weekday_of_month(*n, *w))
                    .ok(),
                _ => Date::new(y, *m, *d).ok(),
            };
            Some((s, date.into_iter().collect()))
        }
    }
}

/// The whole days from `a` to `b` (negative when `b` is earlier).
fn days_between(a: Date, b: Date) -> i64 {
    a.until((jiff::Unit::Day, b))
        .map_or(0, |s| i64::from(s.get_days()))
}

/// The index of the period holding `d` (0 for dates up to the period of `first`): every
/// period before it has only dates before `d`, as a rule picks dates in the first week, month
/// or year of each period.
fn period_of(rule: &Rule, first: Date, d: Date) -> i64 {
    if d <= first {
        return 0;
    }
    let units = match &rule.pattern {
        Pattern::Weekly(_) => {
            let offset = i64::from(first.weekday().to_monday_zero_offset());
            (days_between(first, d) + offset).div_euclid(7)
        }
        Pattern::MonthlyByDay(_) | Pattern::MonthlyNth(..) => {
            (i64::from(d.year()) - i64::from(first.year())) * 12
                + i64::from(d.month() - first.month())
        }
        Pattern::YearlyByDate(..) | Pattern::YearlyNth(..) => {
            i64::from(d.year()) - i64::from(first.year())
        }
    };
    units.max(0) / i64::from(rule.interval.max(1))
}

/// The most dates one period can hold.
fn per_period(rule: &Rule) -> i64 {
    match &rule.pattern {
        Pattern::Weekly(days) => i64::try_from(days.len()).unwrap_or(7).max(1),
        _ => 1,
    }
}

/// How many dates the periods before period `k` hold, for rules whose every period holds
/// the same number (the first one only those from `first` on); `None` for rules that skip
/// periods (the 31st, the 5th weekday, 29 February).
fn counted_before(rule: &Rule, first: Date, k: i64) -> Option<i64> {
    if k == 0 {
        return Some(0);
    }
    let regular_nth = |n: i8| matches!(n, 1..=4 | -1);
    match &rule.pattern {
        Pattern::Weekly(days) => {
            let from = first.weekday().to_monday_zero_offset();
            let in_first = days
                .iter()
                .filter(|d| d.to_monday_zero_offset() >= from)
                .count();
            let (n0, n) = (i64::try_from(in_first).ok()?, per_period(rule));
            Some(n0 + (k - 1) * n)
        }
        Pattern::MonthlyByDay(d) if *d <= 28 => Some(k),
        Pattern::MonthlyNth(n, _) | Pattern::YearlyNth(_, n, _) if regular_nth(*n) => Some(k),
        Pattern::YearlyByDate(m, d) if (*m, *d) != (2, 29) => Some(k),
        _ => None,
    }
}

/// Calls `visit` on every date of the rule from `from` to `min(until, to)` in order (before
/// `except` is applied, after `count`), until it returns `false`. The walk jumps straight to
/// the period of `from` unless `count` may end the series before `to` in a rule that skips
/// periods, so a rule whose first date lies centuries back costs no more than a recent one.
fn walk(rule: &Rule, first: Date, from: Date, to: Date, mut visit: impl FnMut(Date) -> bool) {
    let end = rule.until.map_or(to, |u| u.min(to));
    let bound = (period_of(rule, first, end) + 1).saturating_mul(per_period(rule));
    let count = rule.count.filter(|c| i64::from(*c) < bound);
    let jump = period_of(rule, first, from);
    let (mut k, mut counted) = match count {
        None => (jump, 0),
        Some(_) => match counted_before(rule, first, jump) {
            Some(n) => (jump, u64::try_from(n).unwrap_or(0)),
            None => (0, 0),
        },
    };
    while let Some((start, dates)) = period(rule, first, k) {
        if start > end {
            return;
        }
        for d in dates.into_iter().filter(|d| *d >= first) {
            if d > end || count.is_some_and(|c| counted >= u64::from(c)) {
                return;
            }
            counted += 1;
            if d >= from && !visit(d) {
                return;
            }
        }
        k += 1;
    }
}

/// The last date `count` lets through up to `to` (before `except`), or `None` when the rule
/// has no `count` or it does not end the series by `to`.
pub(super) fn last_counted(rule: &Rule, first: Date, to: Date) -> Option<Date> {
    let c = usize::try_from(rule.count?).ok()?;
    let mut n = 0usize;
    let mut last = None;
    walk(rule, first, first, to, |d| {
        n += 1;
        last = Some(d);
        true
    });
    (n >= c).then_some(last).flatten()
}

/// The occurrence dates from `from` to `min(until, to)` (both inclusive), at most `limit` of
/// them, honouring `count` (counted from `first`, before `except`) and `except`. The work
/// depends on the dates between `from` and `to`, not on how far back `first` lies (unless
/// `count` can end the series inside the range); it never scans day by day.
pub fn occurrences_in(rule: &Rule, first: Date, from: Date, to: Date, limit: usize) -> Vec<Date> {
    let mut out = Vec::new();
    if limit == 0 {
        return out;
    }
    walk(rule, first, from, to, |d| {
        if rule.except.binary_search(&d).is_err() {
            out.push(d);
        }
        out.len() < limit
    });
    out
}

/// All occurrence dates from `first` up to `min(until, window_end)` (both inclusive),
/// honouring `count` (counted before `except`) and `except`. Linear in the number of
/// periods covered; never scans day by day.
pub fn occurrences(rule: &Rule, first: Date, window_end: Date) -> Vec<Date> {
    occurrences_in(rule, first, first, window_end, usize::MAX)
}
