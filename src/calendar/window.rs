//! The span of dates a build lays out: [`Window`], from [`BACK_YEARS`] before to
//! [`AHEAD_YEARS`] after the build date. Month pages run without gaps only inside it,
//! recurring events are expanded only inside it ([`Window::expand`], at most
//! [`MAX_OCCURRENCES`] each, fewer on sites with very many) and multi-day events fill the month grids only inside it
//! ([`Window::shown`]). A date outside it still counts: its event keeps its page and its
//! month gets a page, but nothing is filled in between, so one mistyped year (`0226` for
//! `2026`) costs a page or two, not thousands. Dates outside the window are also what
//! [`super::plausible`] warns about.

use jiff::ToSpan;
use jiff::civil::Date;

use super::grid::{YearMonth, months_between};
use super::repeat::{Rule, occurrences_in};

/// How many years before the build date the calendar is laid out.
pub const BACK_YEARS: i16 = 30;
/// How many years after the build date the calendar is laid out.
pub const AHEAD_YEARS: i16 = 10;
/// How far ahead of the build date recurring events are expanded into dates (their `.ics`
/// feeds carry the rule itself, so calendar apps see every date).
pub const EXPAND_AHEAD_DAYS: i32 = 400;
/// The most dates of one recurring event the pages show (see [`occurrence_cap`]).
pub const MAX_OCCURRENCES: usize = 1000;
/// The most dates of all recurring events together the pages show, once a site has so many
/// recurring events that [`MAX_OCCURRENCES`] each would be more.
pub const SITE_OCCURRENCES: usize = 200_000;
/// The fewest dates of one recurring event the pages show, however many a site has.
pub const MIN_OCCURRENCES: usize = 50;
/// The most days of one occurrence the month grids fill in (those nearest the build date);
/// its first and last day are shown as well.
pub const MAX_SHOWN_DAYS: i32 = 366;

/// The dates around a build date that the calendar lays out in full.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// The build date.
    pub now: Date,
    /// The first day inside the window.
    pub start: Date,
    /// The last day inside the window.
    pub end: Date,
}

/// The days of one occurrence that the month grids show, see [`Window::shown`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// A run of days inside the window, at most [`MAX_SHOWN_DAYS`] long.
    pub run: Option<(Date, Date)>,
    /// The first and the last day of the occurrence when they are not in `run` (at most two,
    /// in order).
    pub ends: Vec<Date>,
}

impl Shown {
    /// Every shown day, in order.
    pub fn days(&self) -> Vec<Date> {
        let mut out: Vec<Date> = self.ends.clone();
        if let Some((a, b)) = self.run {
            let mut d = a;
            while d <= b {
                out.push(d);
                match d.tomorrow() {
                    Ok(n) => d = n,
                    Err(_) => break,
                }
            }
        }
        out.sort();
        out
    }
}

impl Window {
    /// The window around the build date `now`.
    pub fn around(now: Date) -> Window {
        Window {
            now,
            start: now.checked_sub(BACK_YEARS.years()).unwrap_or(Date::MIN),
            end: now.checked_add(AHEAD_YEARS.years()).unwrap_or(Date::MAX),
        }
    }

    /// Whether `d` lies inside the window.
    pub fn contains(&self, d: Date) -> bool {
        self.start <= d && d <= self.end
    }

    /// The start dates of a recurring event (first `date` `first`) that the pages show, in
    /// order: its first date (unless excluded by `except`), and of those from the start of the
    /// window to [`EXPAND_AHEAD_DAYS`] after the build date at most `cap`: the coming ones
    /// first, then the latest past ones. The work depends on the window, not on how far back
    /// `first` lies.
    pub fn expand(&self, rule: &Rule, first: Date, cap: usize) -> Vec<Date> {
        let ahead = self
            .now
            .checked_add(EXPAND_AHEAD_DAYS.days())
            .unwrap_or(self.now)
            .min(self.end);
        let from = self.start.max(first);
        let mut dates = occurrences_in(rule, first, from, ahead.max(first), usize::MAX);
        if dates.len() > cap {
            // From the last one before the build date (it may still be running) on, filled up
            // with earlier ones when fewer are to come.
            let coming = dates.partition_point(|d| *d < self.now).saturating_sub(1);
            let from = coming.min(dates.len() - cap);
            dates.truncate(from + cap);
            dates.drain(..from);
        }
        if dates.first() != Some(&first) && rule.except().binary_search(&first).is_err() {
            dates.insert(0, first);
        }
        dates
    }

    /// The days of an occurrence from `first` to `last` that the month grids show: the days
    /// inside the window (at most [`MAX_SHOWN_DAYS`] of them, those nearest the build date),
    /// plus its first and last day wherever they are.
    pub fn shown(&self, first: Date, last: Date) -> Shown {
        let last = last.max(first);
        let (lo, hi) = (first.max(self.start), last.min(self.end));
        let run = (lo <= hi).then(|| self.clamp_run(lo, hi));
        let mut ends = Vec::new();
        for d in [first, last] {
            let outside = run.is_none_or(|(a, b)| d < a || d > b);
            if outside && !ends.contains(&d) {
                ends.push(d);
            }
        }
        Shown { run, ends }
    }

    /// `lo..=hi`, cut to [`MAX_SHOWN_DAYS`] days around the build date when longer.
    fn clamp_run(&self, lo: Date, hi: Date) -> (Date, Date) {
        let span = (MAX_SHOWN_DAYS - 1).days();
        match lo.checked_add(span) {
            Ok(limit) if hi > limit => {
                let latest = hi.checked_sub(span).unwrap_or(lo).max(lo);
                let start = self
                    .now
                    .checked_sub((MAX_SHOWN_DAYS / 2).days())
                    .unwrap_or(lo)
                    .clamp(lo, latest);
                (start, start.checked_add(span).unwrap_or(hi).min(hi))
            }
            _ => (lo, hi),
        }
    }

    /// The months that get a calendar page, in order: every month from the earliest to the
    /// latest shown run and the build month (so at most the window's months), plus the month
    /// of every first or last day outside those runs (at most two per occurrence).
    pub fn page_months<'a>(&self, shown: impl IntoIterator<Item = &'a Shown>) -> Vec<YearMonth> {
        let (mut lo, mut hi) = (self.now, self.now);
        let mut single = Vec::new();
        for s in shown {
            if let Some((a, b)) = s.run {
                lo = lo.min(a);
                hi = hi.max(b);
            }
            single.extend(s.ends.iter().map(|d| YearMonth::of(*d)));
        }
        let mut out = months_between(lo, hi);
        out.extend(single);
        out.sort();
        out.dedup();
        out
    }
}

/// How many dates of each recurring event the pages show on a site with `recurring`
/// recurring events: [`MAX_OCCURRENCES`], or an equal share of [`SITE_OCCURRENCES`] when that
/// is less (but at least [`MIN_OCCURRENCES`]).
pub fn occurrence_cap(recurring: usize) -> usize {
    (SITE_OCCURRENCES / recurring.max(1)).clamp(MIN_OCCURRENCES, MAX_OCCURRENCES)
}

#[cfg(test)]
#[allow(clippy::panic, clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::calendar::{RepeatSpec, validate};
    use jiff::civil::date;

    fn rule(yaml: &str, first: Date) -> Rule {
        let spec: RepeatSpec = serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("{e}"));
        validate(&spec, first).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn window_spans_thirty_years_back_and_ten_ahead() {
        let w = Window::around(date(2026, 12, 4));
        assert_eq!((w.start, w.end), (date(1996, 12, 4), date(2036, 12, 4)));
        assert!(w.contains(date(2026, 7, 12)) && !w.contains(date(226, 7, 12)));
        let odd = Window::around(date(1, 1, 1));
        assert!(odd.start < odd.end);
        assert_eq!(Window::around(date(9999, 12, 31)).end, Date::MAX);
    }

    #[test]
    fn a_weekly_rule_from_year_one_expands_only_near_now() {
        let w = Window::around(date(2026, 12, 4));
        let r = rule("{every: week}", date(1, 1, 1));
        let d = w.expand(&r, date(1, 1, 1), MAX_OCCURRENCES);
        assert_eq!(d[0], date(1, 1, 1), "the first date stays");
        assert!(d.len() <= MAX_OCCURRENCES + 1, "{}", d.len());
        assert!(d[1..].iter().all(|x| w.contains(*x)));
        assert!(*d.last().unwrap_or(&Date::MIN) <= date(2028, 1, 8));
        // Daily (all seven weekdays) keeps the latest ones.
        let r = rule(
            "{every: week, weekday: [mo, di, mi, do, fr, sa, so]}",
            date(1, 1, 1),
        );
        let d = w.expand(&r, date(1, 1, 1), MAX_OCCURRENCES);
        assert_eq!(d.len(), MAX_OCCURRENCES + 1);
        assert!(d[1] > date(2025, 1, 1), "{}", d[1]);
        // With a small cap, the coming dates are kept (and the one just before).
        let d = w.expand(&r, date(1, 1, 1), 10);
        assert_eq!(d.len(), 11);
        assert_eq!((d[1], d[10]), (date(2026, 12, 3), date(2026, 12, 12)));
    }

    #[test]
    fn many_recurring_events_share_a_budget() {
        assert_eq!(occurrence_cap(0), MAX_OCCURRENCES);
        assert_eq!(occurrence_cap(20), MAX_OCCURRENCES);
        assert_eq!(occurrence_cap(1000), 200);
        assert_eq!(occurrence_cap(1_000_000), MIN_OCCURRENCES);
    }

    #[test]
    fn recent_rules_expand_as_before() {
        let w = Window::around(date(2026, 11, 21));
        let r = rule("{every: month, weekday: tue, nth: 2}", date(2026, 3, 10));
        let d = w.expand(&r, date(2026, 3, 10), MAX_OCCURRENCES);
        assert_eq!(
            d,
            crate::calendar::occurrences(&r, date(2026, 3, 10), date(2027, 12, 26))
        );
        // A first date after the expansion horizon is still shown.
        let r = rule("{every: year}", date(2030, 5, 1));
        assert_eq!(w.expand(&r, date(2030, 5, 1), 1), [date(2030, 5, 1)]);
    }

    #[test]
    fn a_mistyped_year_shows_its_ends_and_a_year_near_now() {
        let w = Window::around(date(2026, 12, 4));
        let s = w.shown(date(226, 7, 12), date(2026, 7, 12));
        assert_eq!(s.ends, [date(226, 7, 12)]);
        assert_eq!(s.run, Some((date(2025, 7, 12), date(2026, 7, 12))));
        let s = w.shown(date(2026, 12, 4), date(9026, 12, 6));
        assert_eq!(s.ends, [date(9026, 12, 6)]);
        let (a, b) = s.run.unwrap_or((Date::MAX, Date::MIN));
        assert_eq!(a, date(2026, 12, 4));
        assert_eq!(b, date(2027, 12, 4));
        assert_eq!(s.days().len(), 367);
        let months = w.page_months([&s]);
        assert_eq!(months.len(), 14, "{months:?}");
        // A short event inside the window is shown day by day, without ends.
        let s = w.shown(date(2026, 9, 24), date(2026, 9, 28));
        assert_eq!(s.run, Some((date(2026, 9, 24), date(2026, 9, 28))));
        assert!(s.ends.is_empty());
        // Both ends far outside: only the two days.
        let s = w.shown(date(1, 1, 1), date(1, 1, 3));
        assert_eq!((s.run, s.ends.len()), (None, 2));
    }
}
