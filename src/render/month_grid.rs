//! The month grid behind the calendar pages: which event stands on which day (a link on the
//! first day of a run and where a week row or the month starts, a quiet mark on the other days)
//! and the month's list with one entry per occurrence and its date range.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::{Date, Weekday};
use serde::Serialize;

use crate::calendar::{self, Shown};
use crate::content::model::Data;
use crate::render::i18n::Strings;
use crate::site::{Occurrence, Site};

#[derive(Serialize, Clone)]
pub(crate) struct CellEvent {
    title: String,
    url: String,
    lang: Option<String>,
    time: Option<String>,
    cancelled: bool,
    /// On a day after the first of a run of days, except where a week row or the month
    /// starts: the template shows a quiet mark instead of the link (the event is one link
    /// per week row, not one per day).
    continues: bool,
}

#[derive(Serialize, Clone)]
pub(crate) struct Cell {
    iso: String,
    day: i8,
    in_month: bool,
    today: bool,
    events: Vec<CellEvent>,
}

#[derive(Serialize, Clone)]
pub(crate) struct ListItem {
    iso: String,
    date_text: String,
    time: Option<String>,
    title: String,
    url: String,
    lang: Option<String>,
    cancelled: bool,
}

/// An occurrence in a month's list: its first and last shown day, and its cell view's index.
type Run = (Date, Date, usize);

/// What the month pages show, made once and shared by their jobs: each event's cell view, and
/// per day and per month which of them (by index). A page's values are made from it only when
/// the page is rendered, so the build never holds every month's values at once.
#[derive(Default)]
pub(crate) struct Grid {
    events: Vec<CellEvent>,
    /// Per day, the events on it, each with the first day of its run of days.
    by_day: BTreeMap<Date, Vec<(usize, Date)>>,
    /// Per month, one item per occurrence: the first and last day it shows (in any month).
    by_month: BTreeMap<(i16, i8), Vec<Run>>,
}

impl Grid {
    pub(crate) fn new(site: &Site, t: &Strings, shown: &[(Occurrence, Shown)]) -> Grid {
        let mut g = Grid::default();
        let mut index: HashMap<usize, usize> = HashMap::new();
        for (o, days) in shown {
            let e = &site.entries[o.event];
            let Data::Event(ev) = &e.data else { continue };
            let k = *index.entry(o.event).or_insert_with(|| {
                g.events.push(CellEvent {
                    title: e.common.title.clone(),
                    url: site.entry_url(o.event),
                    lang: site.is_fallback(o.event).then(|| site.lang.default.clone()),
                    time: ev.time.map(|s| t.time_range(s, ev.end)),
                    cancelled: ev.status == "cancelled",
                    continues: false,
                });
                g.events.len() - 1
            });
            let all: Vec<Date> = days.days();
            let (Some(&first), Some(&last)) = (all.first(), all.last()) else {
                continue;
            };
            let mut month = None;
            for d in all {
                g.by_day.entry(d).or_default().push((k, first));
                if month != Some((d.year(), d.month())) {
                    month = Some((d.year(), d.month()));
                    g.by_month
                        .entry((d.year(), d.month()))
                        .or_default()
                        .push((first, last, k));
                }
            }
        }
        for items in g.by_month.values_mut() {
            items.sort_unstable();
        }
        g
    }

    /// The rows of the month's grid.
    pub(crate) fn weeks(&self, now: Date, y: i16, m: i8) -> Vec<Vec<Cell>> {
        let events = |d: &Date| -> Vec<CellEvent> {
            let ids = self.by_day.get(d).map_or(&[][..], Vec::as_slice);
            ids.iter()
                .map(|&(k, first)| CellEvent {
                    continues: *d != first && d.day() != 1 && d.weekday() != Weekday::Monday,
                    ..self.events[k].clone()
                })
                .collect()
        };
        calendar::month_weeks(y, m, Weekday::Monday)
            .into_iter()
            .map(|week| {
                week.iter()
                    .map(|&d| Cell {
                        iso: d.to_string(),
                        day: d.day(),
                        in_month: d.month() == m,
                        today: d == now,
                        events: if d.month() == m {
                            events(&d)
                        } else {
                            Vec::new()
                        },
                    })
                    .collect()
            })
            .collect()
    }

    /// The month's events as a list, for screen readers and small screens.
    pub(crate) fn list(&self, t: &Strings, y: i16, m: i8) -> Vec<ListItem> {
        let items = self.by_month.get(&(y, m)).map_or(&[][..], Vec::as_slice);
        items
            .iter()
            .map(|&(first, last, k)| {
                let ce = &self.events[k];
                let date_text = if first == last {
                    t.date_long(first)
                } else {
                    let (start, end) = (t.date_long(first), t.date_long(last));
                    t.fill("date_range", &[("start", &start), ("end", &end)])
                };
                ListItem {
                    iso: first.to_string(),
                    date_text,
                    time: ce.time.clone(),
                    title: ce.title.clone(),
                    url: ce.url.clone(),
                    lang: ce.lang.clone(),
                    cancelled: ce.cancelled,
                }
            })
            .collect()
    }
}
