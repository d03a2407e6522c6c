//! Warnings about dates that are probably typing mistakes, judged against the build date (which
//! the per-file checks in [`crate::content::validate`] do not know): event and news dates far
//! from it, years of the past before 1900 or in the future, events that run longer than a
//! season or overlap their own next date, and an odd `--now` itself. They never stop a build,
//! and the pages stay few whatever the dates are ([`crate::calendar::window`]); the warnings
//! say which date was probably meant.

use jiff::civil::Date;

use crate::calendar::plausible::{self, LONG_EVENT_DAYS};
use crate::calendar::window::{AHEAD_YEARS, BACK_YEARS, Window};
use crate::content::model::{DateKey, DateKind, Entry, Event};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::Site;

/// Adds a warning to `diags` for every date of `site` that is probably mistyped.
pub fn check(site: &Site, diags: &mut Diagnostics) {
    if plausible::odd_build_date(site.now) {
        let (lo, hi) = (plausible::BUILD_YEARS.start(), plausible::BUILD_YEARS.end());
        diags.push(
            Diagnostic::warning(
                "--now",
                0,
                0,
                msg!(
                    "content-build-date-odd",
                    date = site.now.to_string(),
                    from = lo.to_string(),
                    to = hi.to_string()
                ),
            )
            .with_hint(msg!("content-build-date-odd-hint")),
        );
        // Every date would look far off; the one warning above says why.
        return;
    }
    let window = Window::around(site.now);
    for (i, e) in site.entries.iter().enumerate() {
        let mut far = false;
        for k in &e.dates {
            let found = match k.kind {
                DateKind::Scheduled => far_date(e, k, &window),
                DateKind::Historic => odd_year(e, k, site.now),
            };
            if let Some(d) = found {
                far |= k.kind == DateKind::Scheduled;
                diags.push(d);
            }
        }
        if let (Some(ev), false) = (e.event(), far) {
            diags.extend(long_event(e, ev));
            diags.extend(overlapping(site, i, e, ev));
        }
    }
}

/// How a key is named in messages (`until` sits inside `repeat`).
fn key_name(k: &DateKey) -> String {
    match k.key {
        "until" => msg!("content-until-in-repeat"),
        key => format!("`{key}`"),
    }
}

/// An event or news date outside the window around the build date.
fn far_date(e: &Entry, k: &DateKey, window: &Window) -> Option<Diagnostic> {
    let d = k.date?;
    let far = plausible::scheduled(d, window)?;
    let (key, date, now) = (key_name(k), d.to_string(), window.now.to_string());
    let message = if far.future {
        msg!(
            "content-date-far-after",
            key = key,
            date = date,
            years = far.years,
            now = now
        )
    } else {
        msg!(
            "content-date-far-before",
            key = key,
            date = date,
            years = far.years,
            now = now
        )
    };
    let hint = msg!(
        "content-date-far-hint",
        meant = far.meant.to_string(),
        back = i64::from(BACK_YEARS),
        ahead = i64::from(AHEAD_YEARS)
    );
    Some(Diagnostic::warning(&e.source, k.pos.line, k.pos.col, message).with_hint(hint))
}

/// A year of the past (`since`, `ended`, `founded`) before 1900 or after the build year.
fn odd_year(e: &Entry, k: &DateKey, now: Date) -> Option<Diagnostic> {
    let odd = plausible::historic(k.year, now)?;
    let written = k.date.map_or_else(|| k.year.to_string(), |d| d.to_string());
    let message = if odd.future {
        msg!(
            "content-year-in-future",
            key = key_name(k),
            written = &written,
            now = now.to_string()
        )
    } else {
        msg!(
            "content-year-too-old",
            key = key_name(k),
            written = &written,
            oldest = plausible::OLDEST_YEAR.to_string()
        )
    };
    let meant = odd.meant.map(|y| match k.date {
        Some(d) => plausible::same_day_in(d, y).map_or_else(|| y.to_string(), |m| m.to_string()),
        None => y.to_string(),
    });
    let hint = match (meant, k.key) {
        (Some(m), key) => msg!("content-year-meant-hint", meant = m, key = key),
        (None, "since") => msg!("content-year-since-hint"),
        (None, "ended") => msg!("content-year-ended-hint"),
        (None, key) => msg!("content-year-founded-hint", key = key),
    };
    Some(Diagnostic::warning(&e.source, k.pos.line, k.pos.col, message).with_hint(hint))
}

/// The place of `key` among the entry's dates (the file's top when absent).
fn place(e: &Entry, key: &str) -> (usize, usize) {
    e.dates
        .iter()
        .find(|k| k.key == key)
        .map_or((1, 1), |k| (k.pos.line, k.pos.col))
}

/// The days from `a` to `b`, both counted.
fn days_from_to(a: Date, b: Date) -> i64 {
    a.until((jiff::Unit::Day, b))
        .map_or(0, |s| i64::from(s.get_days()))
        + 1
}

/// A multi-day event longer than a season.
fn long_event(e: &Entry, ev: &Event) -> Option<Diagnostic> {
    let last = ev.end_date?;
    let days = days_from_to(ev.date, last);
    if days <= LONG_EVENT_DAYS {
        return None;
    }
    let (line, col) = place(e, "end_date");
    Some(
        Diagnostic::warning(
            &e.source,
            line,
            col,
            msg!(
                "content-event-long",
                days = days,
                from = ev.date.to_string(),
                to = last.to_string()
            ),
        )
        .with_hint(msg!("content-event-long-hint")),
    )
}

/// A recurring multi-day event whose next date starts before the previous one has ended.
fn overlapping(site: &Site, i: usize, e: &Entry, ev: &Event) -> Option<Diagnostic> {
    let last = ev.end_date?;
    ev.repeat.as_ref()?;
    let days = days_from_to(ev.date, last);
    let gap = site
        .occurrences_of(i)
        .windows(2)
        .map(|w| days_from_to(w[0].start, w[1].start) - 1)
        .min()?;
    if days <= gap {
        return None;
    }
    let (line, col) = place(e, "end_date");
    Some(
        Diagnostic::warning(
            &e.source,
            line,
            col,
            msg!(
                "content-event-overlaps",
                days = days,
                end_date = last.to_string(),
                gap = gap
            ),
        )
        .with_hint(msg!("content-event-overlaps-hint")),
    )
}
