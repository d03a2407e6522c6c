//! Event lists under month headings ("Dezember 2026"), in the order the list has them: the
//! events page groups its upcoming events, the archive pages their past ones, this way.

use serde::Serialize;

use crate::render::context::SharedEvent;
use crate::render::i18n::Strings;

/// The events of one month.
#[derive(Serialize)]
pub struct MonthGroup {
    /// "Dezember 2026", in the page's language.
    pub heading: String,
    /// Fragment id, `m-2026-12`.
    pub id: String,
    /// The events shown at a date of this month.
    pub items: Vec<SharedEvent>,
}

/// `events` split where the month of their shown date changes (they stay in their order).
pub fn by_month(events: &[SharedEvent], t: &Strings) -> Vec<MonthGroup> {
    let mut groups: Vec<MonthGroup> = Vec::new();
    for e in events {
        let (year, month) = year_month(&e.date_iso);
        let id = format!("m-{year:04}-{month:02}");
        match groups.last_mut() {
            Some(g) if g.id == id => g.items.push(e.clone()),
            _ => groups.push(MonthGroup {
                heading: capitalized(&t.month_year(year, month)),
                id,
                items: vec![e.clone()],
            }),
        }
    }
    groups
}

/// `text` with a capital first letter: a heading starts with one even where month names are
/// written in lower case (French "décembre 2026", Polish "grudzień 2026").
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Year and month of an ISO date `YYYY-MM-DD` (zero when unreadable).
fn year_month(iso: &str) -> (i16, i8) {
    let year = iso.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
    let month = iso.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(0);
    (year, month)
}

#[cfg(test)]
mod tests {
    use super::{capitalized, year_month};

    #[test]
    fn headings_start_with_a_capital() {
        assert_eq!(capitalized("décembre\u{A0}2026"), "Décembre\u{A0}2026");
        assert_eq!(capitalized("грудень 2026"), "Грудень 2026");
        assert_eq!(capitalized("דצמבר 2026"), "דצמבר 2026");
        assert_eq!(capitalized(""), "");
    }

    #[test]
    fn iso_dates_give_year_and_month() {
        assert_eq!(year_month("2026-12-03"), (2026, 12));
        assert_eq!(year_month("x"), (0, 0));
    }
}
