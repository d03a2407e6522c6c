//! Month grids for the calendar pages: [`YearMonth`] (a month with previous/next),
//! [`month_weeks`] (the full weeks covering a month) and [`months_between`] (every month
//! from one date to another, for `/calendar/<yyyy>/<mm>/` pages).

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};
use std::fmt;

/// One month of one year. Displays as `2026-05`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year, e.g. 2026.
    pub year: i16,
    /// The month, 1..=12.
    pub month: i8,
}

impl YearMonth {
    /// The month containing `date`.
    pub fn of(date: Date) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }
    /// The first day of the month; `None` if the year/month is out of range.
    pub fn first_day(self) -> Option<Date> {
        Date::new(self.year, self.month, 1).ok()
    }
    /// The last day of the month; `None` if the year/month is out of range.
    pub fn last_day(self) -> Option<Date> {
        self.first_day().map(Date::last_of_month)
    }
    /// Whether `date` lies in this month.
    pub fn contains(self, date: Date) -> bool {
        YearMonth::of(date) == self
    }
    /// The month before (December of the previous year for January).
    pub fn prev(self) -> YearMonth {
        if self.month <= 1 {
            YearMonth {
                year: self.year - 1,
                month: 12,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month - 1,
            }
        }
    }
    /// The month after (January of the next year for December).
    pub fn next(self) -> YearMonth {
        if self.month >= 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }
    /// The full weeks covering this month, see [`month_weeks`].
    pub fn weeks(self, week_start: Weekday) -> Vec<[Date; 7]> {
        month_weeks(self.year, self.month, week_start)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The full weeks (each starting on `week_start`, e.g. Monday for German sites) covering
/// the month: 4 to 6 rows, with days of the neighbouring months filling the first and
/// last row. Empty for a month out of range.
pub fn month_weeks(year: i16, month: i8, week_start: Weekday) -> Vec<[Date; 7]> {
    let Ok(first) = Date::new(year, month, 1) else {
        return Vec::new();
    };
    let last = first.last_of_month();
    let back = first.weekday().since(week_start);
    let Ok(mut day) = first.checked_sub(Span::new().days(back)) else {
        return Vec::new();
    };
    let mut weeks = Vec::new();
    while day <= last {
        let mut week = [day; 7];
        for (i, slot) in week.iter_mut().enumerate() {
            let Ok(d) = day.checked_add((i as i64).days()) else {
                return weeks;
            };
            *slot = d;
        }
        weeks.push(week);
        let Ok(next) = day.checked_add(7.days()) else {
            return weeks;
        };
        day = next;
    }
    weeks
}

/// Every month from the month of `from` to the month of `to`, both included, in order.
/// Empty when `to` is before `from`.
pub fn months_between(from: Date, to: Date) -> Vec<YearMonth> {
    let (mut m, end) = (YearMonth::of(from), YearMonth::of(to));
    let mut out = Vec::new();
    while m <= end {
        out.push(m);
        m = m.next();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn may_2026_monday_first() {
        let w = month_weeks(2026, 5, Weekday::Monday);
        assert_eq!(w.len(), 5);
        assert_eq!(w[0][0], date(2026, 4, 27));
        assert_eq!(w[0][4], date(2026, 5, 1));
        assert_eq!(w[4][6], date(2026, 5, 31));
    }

    #[test]
    fn six_and_four_rows() {
        // March 2026 starts on a Sunday: 6 rows Monday-first.
        let w = month_weeks(2026, 3, Weekday::Monday);
        assert_eq!(w.len(), 6);
        assert_eq!(w[5][1], date(2026, 3, 31));
        // February 2027 starts on a Monday and has 28 days: exactly 4 rows.
        assert_eq!(month_weeks(2027, 2, Weekday::Monday).len(), 4);
        // Sunday-first grid starts on a Sunday.
        let s = month_weeks(2026, 3, Weekday::Sunday);
        assert_eq!(s[0][0], date(2026, 3, 1));
        assert_eq!(s.len(), 5);
        assert!(month_weeks(2026, 13, Weekday::Monday).is_empty());
    }

    #[test]
    fn prev_next_and_range() {
        let jan = YearMonth {
            year: 2026,
            month: 1,
        };
        assert_eq!(
            jan.prev(),
            YearMonth {
                year: 2025,
                month: 12
            }
        );
        assert_eq!(jan.prev().next(), jan);
        assert_eq!(jan.to_string(), "2026-01");
        assert_eq!(
            YearMonth {
                year: 2026,
                month: 2
            }
            .last_day(),
            Some(date(2026, 2, 28))
        );
        let r = months_between(date(2025, 11, 30), date(2026, 2, 1));
        let s: Vec<String> = r.iter().map(|m| m.to_string()).collect();
        assert_eq!(s, ["2025-11", "2025-12", "2026-01", "2026-02"]);
        assert!(months_between(date(2026, 2, 1), date(2026, 1, 1)).is_empty());
        assert!(jan.contains(date(2026, 1, 31)));
    }
}
