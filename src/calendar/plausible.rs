//! Dates that are probably typing mistakes, and what was probably meant: an event or news date
//! outside the [`Window`] around the build date ([`scheduled`]), a year of the past
//! (partnership signed, association founded) before [`OLDEST_YEAR`] or after the build year
//! ([`historic`]), and an odd build date itself ([`odd_build_date`]). The likely meant year is
//! one keystroke away from the typed one: one digit changed, two neighbouring digits swapped,
//! one digit too many or too few.

use jiff::civil::Date;

use super::window::Window;

/// Years of the past before this one are probably mistyped.
pub const OLDEST_YEAR: i32 = 1900;
/// Build dates outside these years are probably mistyped.
pub const BUILD_YEARS: std::ops::RangeInclusive<i16> = 1970..=2200;
/// A multi-day event longer than this many days (about a season) is probably mistyped.
pub const LONG_EVENT_DAYS: i64 = 92;

/// A date far outside the window around the build date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Far {
    /// Whole years between the date and the build date.
    pub years: i64,
    /// Whether the date lies after the build date.
    pub future: bool,
    /// The date probably meant.
    pub meant: Date,
}

/// A year of the past that is probably mistyped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OddYear {
    /// Whether it lies after the build year.
    pub future: bool,
    /// The year probably meant, if one is a keystroke away.
    pub meant: Option<i32>,
}

/// Whether the event or news date `d` lies outside `window`, and what was probably meant:
/// the same day in the year inside the window a keystroke away from the typed one (the one
/// nearest the build date), else the same day in the build year.
pub fn scheduled(d: Date, window: &Window) -> Option<Far> {
    if window.contains(d) {
        return None;
    }
    let now = window.now;
    let (lo, hi) = (i32::from(window.start.year()), i32::from(window.end.year()));
    let meant = ranked_years(i32::from(d.year()), lo..=hi, i32::from(now.year()))
        .into_iter()
        .filter_map(|y| same_day_in(d, y))
        .find(|c| window.contains(*c))
        .or_else(|| same_day_in(d, i32::from(now.year())))
        .unwrap_or(now);
    Some(Far {
        years: (i64::from(d.year()) - i64::from(now.year())).abs(),
        future: d > now,
        meant,
    })
}

/// Whether `year` (of something that has happened: a signing, a founding) lies before
/// [`OLDEST_YEAR`] or after the build year, and which year was probably meant.
pub fn historic(year: i32, now: Date) -> Option<OddYear> {
    let this = i32::from(now.year());
    if (OLDEST_YEAR..=this).contains(&year) {
        return None;
    }
    Some(OddYear {
        future: year > this,
        meant: ranked_years(year, OLDEST_YEAR..=this, this)
            .first()
            .copied(),
    })
}

/// Whether the build date itself is odd (outside [`BUILD_YEARS`]).
pub fn odd_build_date(now: Date) -> bool {
    !BUILD_YEARS.contains(&now.year())
}

/// The day `d` in year `y`; the last day of the month when that day does not exist (29 Feb).
pub fn same_day_in(d: Date, y: i32) -> Option<Date> {
    let y = i16::try_from(y).ok()?;
    let first = Date::new(y, d.month(), 1).ok()?;
    Some(Date::new(y, d.month(), d.day()).unwrap_or_else(|_| first.last_of_month()))
}

/// The years in `range` one keystroke away from `typed` (written with at least four digits),
/// best first: swapped digits before other slips, then nearest to `near`, later before
/// earlier.
fn ranked_years(typed: i32, range: std::ops::RangeInclusive<i32>, near: i32) -> Vec<i32> {
    if typed < 0 {
        return Vec::new();
    }
    let digits: Vec<u8> = format!("{typed:04}").into_bytes();
    let mut found: Vec<(u8, i32)> = Vec::new();
    let mut add = |rank: u8, cand: &[u8]| {
        let y = std::str::from_utf8(cand)
            .ok()
            .and_then(|s| s.parse::<i32>().ok());
        if let Some(y) = y.filter(|y| range.contains(y) && *y != typed) {
            found.push((rank, y));
        }
    };
    for i in 0..digits.len() {
        if i + 1 < digits.len() {
            let mut c = digits.clone();
            c.swap(i, i + 1);
            add(0, &c);
        }
        for b in b'0'..=b'9' {
            let mut c = digits.clone();
            c[i] = b;
            add(1, &c);
            let mut c = digits.clone();
            c.insert(i, b);
            add(1, &c);
        }
        let mut c = digits.clone();
        c.remove(i);
        add(1, &c);
    }
    found.sort_by_key(|&(rank, y)| (rank, (y - near).abs(), -y));
    let mut out: Vec<i32> = found.into_iter().map(|(_, y)| y).collect();
    let mut seen = std::collections::HashSet::new();
    out.retain(|y| seen.insert(*y));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn meant(d: Date, now: Date) -> Option<Date> {
        scheduled(d, &Window::around(now)).map(|f| f.meant)
    }

    #[test]
    fn typed_years_are_fixed_by_one_keystroke() {
        let now = date(2026, 12, 4);
        assert_eq!(meant(date(226, 7, 12), now), Some(date(2026, 7, 12)));
        assert_eq!(meant(date(9026, 12, 6), now), Some(date(2026, 12, 6)));
        assert_eq!(meant(date(2062, 3, 1), now), Some(date(2026, 3, 1)));
        assert_eq!(meant(date(2206, 3, 1), now), Some(date(2026, 3, 1)));
        // Nothing one keystroke away: the build year.
        assert_eq!(meant(date(5555, 5, 5), now), Some(date(2026, 5, 5)));
        // 29 February of a year that has none.
        assert_eq!(meant(date(4024, 2, 29), now), Some(date(2024, 2, 29)));
        assert_eq!(meant(date(2096, 2, 29), now), Some(date(2026, 2, 28)));
        assert_eq!(meant(date(2026, 7, 12), now), None);
        let f = scheduled(date(226, 7, 12), &Window::around(now));
        assert_eq!(f.map(|f| (f.years, f.future)), Some((1800, false)));
    }

    #[test]
    fn historic_years_before_1900_or_in_the_future() {
        let now = date(2026, 12, 4);
        assert_eq!(historic(1981, now), None);
        assert_eq!(historic(1891, now).and_then(|o| o.meant), Some(1981));
        assert_eq!(historic(981, now).and_then(|o| o.meant), Some(1981));
        assert_eq!(historic(19755, now).and_then(|o| o.meant), Some(1975));
        let f = historic(2099, now);
        assert_eq!(f.map(|o| o.future), Some(true));
        assert_eq!(historic(-5, now).map(|o| o.meant), Some(None));
    }

    #[test]
    fn build_dates_outside_1970_to_2200_are_odd() {
        assert!(odd_build_date(date(1, 1, 1)));
        assert!(odd_build_date(date(2201, 1, 1)));
        assert!(!odd_build_date(date(2026, 12, 4)));
    }
}
