//! The calendar: a month grid page per month from the first to the last event, `/calendar/`
//! showing the build month, and the iCalendar feeds (whole site, per city, per association,
//! per event).

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use rayon::prelude::*;
use serde::Serialize;

use crate::cache::{BuildCache, Key};
use crate::calendar::{self, ics};
use crate::content::model::Data;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{Output, PageSink};
use crate::render::i18n::Strings;
use crate::render::page_data::PageData;
use crate::render::{Job, JobCtx};
use crate::site::Site;

#[derive(Serialize, Clone)]
struct CellEvent {
    title: String,
    url: String,
    lang: Option<String>,
    time: Option<String>,
    cancelled: bool,
}

#[derive(Serialize, Clone)]
struct Cell {
    iso: String,
    day: i8,
    in_month: bool,
    today: bool,
    events: Vec<CellEvent>,
}

#[derive(Serialize, Clone)]
struct ListItem {
    iso: String,
    date_text: String,
    time: Option<String>,
    title: String,
    url: String,
    lang: Option<String>,
    cancelled: bool,
}

#[derive(Serialize)]
struct WeekdayName {
    short: String,
    long: String,
}

fn month_path(y: i16, m: i8) -> String {
    format!("calendar/{y}/{m:02}/")
}

/// The months that get a page: from the first to the last occurrence, and the build month.
pub fn months(site: &Site) -> Vec<(i16, i8)> {
    let first = site
        .occurrences
        .first()
        .map_or(site.now, |o| o.start)
        .min(site.now);
    let last = site
        .occurrences
        .iter()
        .map(|o| o.end)
        .max()
        .unwrap_or(site.now)
        .max(site.now);
    let mut out = Vec::new();
    let mut cur = first.first_of_month();
    while cur <= last {
        out.push((cur.year(), cur.month()));
        match cur.checked_add(1.month()) {
            Ok(n) => cur = n,
            Err(_) => break,
        }
    }
    out
}

/// Month grid pages and `/calendar/`.
pub fn jobs<'a>(site: &Site, t: &Strings) -> Vec<Job<'a>> {
    let mut by_day: BTreeMap<Date, Vec<CellEvent>> = BTreeMap::new();
    let mut by_month: BTreeMap<(i16, i8), Vec<ListItem>> = BTreeMap::new();
    for o in &site.occurrences {
        let e = &site.entries[o.event];
        let Data::Event(ev) = &e.data else { continue };
        let ce = CellEvent {
            title: e.common.title.clone(),
            url: site.url(&e.url_path()),
            lang: site.is_fallback(o.event).then(|| site.lang.default.clone()),
            time: ev.time.map(|s| t.time_range(s, ev.end)),
            cancelled: ev.status == "cancelled",
        };
        let mut d = o.start;
        while d <= o.end {
            by_day.entry(d).or_default().push(ce.clone());
            by_month
                .entry((d.year(), d.month()))
                .or_default()
                .push(ListItem {
                    iso: d.to_string(),
                    date_text: t.date_long(d),
                    time: ce.time.clone(),
                    title: ce.title.clone(),
                    url: ce.url.clone(),
                    lang: ce.lang.clone(),
                    cancelled: ce.cancelled,
                });
            match d.tomorrow() {
                Ok(n) => d = n,
                Err(_) => break,
            }
        }
    }
    let weekdays: std::sync::Arc<[WeekdayName]> = (0..7)
        .map(|i| WeekdayName {
            short: t.weekday_short(i).to_owned(),
            long: t.weekday_name(i).to_owned(),
        })
        .collect();
    let months = months(site);
    let mut jobs = Vec::with_capacity(months.len() + 1);
    let now_month = (site.now.year(), site.now.month());
    for (k, &(y, m)) in months.iter().enumerate() {
        let weeks: Vec<Vec<Cell>> = calendar::month_weeks(y, m, Weekday::Monday)
            .into_iter()
            .map(|week| {
                week.iter()
                    .map(|&d| Cell {
                        iso: d.to_string(),
                        day: d.day(),
                        in_month: d.month() == m,
                        today: d == site.now,
                        events: if d.month() == m {
                            by_day.get(&d).cloned().unwrap_or_default()
                        } else {
                            Vec::new()
                        },
                    })
                    .collect()
            })
            .collect();
        let title = t.month_year(y, m);
        let list = by_month.get(&(y, m)).cloned().unwrap_or_default();
        let prev = k.checked_sub(1).and_then(|p| months.get(p));
        let next = months.get(k + 1);
        let today_url = if (y, m) == now_month {
            None
        } else {
            Some(site.url("calendar/"))
        };
        let page = |canonical: String| {
            let mut ctx = PageData::new();
            ctx.insert(
                "page_title",
                format!("{} {}", t.get("calendar_title"), title),
            );
            ctx.insert("description", "");
            ctx.insert("month_title", title.clone());
            ctx.insert("weekdays", std::sync::Arc::clone(&weekdays));
            ctx.insert("weeks", weeks.clone());
            ctx.insert("list", list.clone());
            ctx.insert(
                "prev_url",
                prev.map(|&(py, pm)| site.url(&month_path(py, pm))),
            );
            ctx.insert("prev_title", prev.map(|&(py, pm)| t.month_year(py, pm)));
            ctx.insert(
                "next_url",
                next.map(|&(ny, nm)| site.url(&month_path(ny, nm))),
            );
            ctx.insert("next_title", next.map(|&(ny, nm)| t.month_year(ny, nm)));
            ctx.insert("today_url", today_url.clone());
            ctx.insert("canonical", canonical);
            ctx
        };
        let path = month_path(y, m);
        if (y, m) == now_month {
            jobs.push(Job {
                path: "calendar/index.html".to_owned(),
                template: "calendar.html",
                ctx: JobCtx::Ready(page(site.permalink("calendar/"))),
            });
        }
        jobs.push(Job {
            path: format!("{path}index.html"),
            template: "calendar.html",
            ctx: JobCtx::Ready(page(site.permalink(&path))),
        });
    }
    jobs
}

fn ics_event(site: &Site, i: usize) -> Option<ics::IcsEvent> {
    let e = &site.entries[i];
    let Data::Event(ev) = &e.data else {
        return None;
    };
    let when = match ev.time {
        None => ics::When::AllDay {
            first: ev.date,
            last: ev.last_day(),
        },
        Some(start) => {
            let end = match ev.end {
                Some(end) => Some(ev.last_day().to_datetime(end)),
                None if ev.end_date.is_some() => None,
                None => None,
            };
            ics::When::Timed {
                start: ev.date.to_datetime(start),
                end,
            }
        }
    };
    let status = match ev.status.as_str() {
        "cancelled" => ics::Status::Cancelled,
        "tentative" => ics::Status::Tentative,
        "postponed" => ics::Status::Postponed,
        _ => ics::Status::Scheduled,
    };
    let location = ev.location.as_ref().map(|l| {
        [l.name.as_deref(), l.address.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ")
    });
    let geo = ev.location.as_ref().and_then(|l| Some((l.lat?, l.lon?)));
    let mut description = e.summary_text.to_string();
    if let Some(c) = &ev.cost {
        description.push_str(&format!("\n\n{c}"));
    }
    Some(ics::IcsEvent {
        uid: ics::uid_for(&crate::diagnostics::display_path(&e.source)),
        dtstamp: dtstamp(e.content_hash),
        sequence: 0,
        when,
        rule: ev.repeat.clone(),
        summary: e.common.title.clone(),
        description: if description.trim().is_empty() {
            None
        } else {
            Some(description)
        },
        location: location.filter(|l| !l.is_empty()),
        geo,
        url: Some(site.permalink(&e.url_path())),
        status,
        categories: e.common.topics.clone(),
    })
}

/// A DTSTAMP derived from the event's content, not from the build clock: the same file gives
/// the same stamp on every build and host, and an edit changes it, which tells clients to
/// refresh. It lies in 2000–2030 so it reads like a plausible revision time.
fn dtstamp(hash: u64) -> jiff::Timestamp {
    let base: i64 = 946_684_800; // 2000-01-01T00:00:00Z
    let range: u64 = 30 * 365 * 86_400;
    let secs = base + i64::try_from(hash % range).unwrap_or(0);
    jiff::Timestamp::from_second(secs).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

fn feed(
    site: &Site,
    name: &str,
    events: &[usize],
    path: String,
    blocks: &Blocks,
    cache: Option<&BuildCache>,
) -> Result<CalendarFile, Diagnostic> {
    let url = site.permalink(&path);
    let cal = ics::IcsCalendar {
        name,
        description: site.config.description.as_deref(),
        tz: &site.config.timezone,
        url: Some(&url),
    };
    let written = match blocks {
        Ok((tz, blocks)) => {
            let picked: Vec<&(Option<Key>, BlockResult)> =
                events.iter().filter_map(|i| blocks.get(i)).collect();
            let write = || {
                picked
                    .iter()
                    .map(|(_, b)| b.as_deref().map_err(Clone::clone))
                    .collect::<Result<Vec<&ics::EventBlock>, _>>()
                    .and_then(|list| ics::write_blocks(&cal, tz, &list))
                    .map(String::into_bytes)
            };
            // With a cache, a file whose events all have a VEVENT (and its key) is kept whole.
            let keys: Option<Vec<Key>> = cache.and_then(|_| {
                picked
                    .iter()
                    .map(|(key, block)| key.filter(|_| block.is_ok()))
                    .collect()
            });
            match (cache, keys) {
                (Some(c), Some(keys)) => c.calendar_file(&keys, &cal, write),
                _ => write().map(Arc::new),
            }
        }
        Err(e) => Err(e.clone()),
    };
    match written {
        Ok(bytes) => Ok((path, bytes)),
        Err(e) => Err(Diagnostic::error(
            "site.yaml",
            0,
            0,
            format!("cannot write {path}: {e}"),
        )),
    }
}

/// Every event's VEVENT, made once for all the feeds it appears in (by entry index), with the
/// site's time zone; or why the zone is unusable.
type Blocks = Result<
    (
        jiff::tz::TimeZone,
        HashMap<usize, (Option<Key>, BlockResult)>,
    ),
    ics::IcsError,
>;

/// A calendar file's output path and bytes.
type CalendarFile = (String, Arc<Vec<u8>>);

/// One event's VEVENT, or why it cannot be written.
type BlockResult = Result<Arc<ics::EventBlock>, ics::IcsError>;

fn event_blocks(site: &Site, cache: Option<&BuildCache>) -> Blocks {
    let tz_name = site.config.timezone.as_str();
    let tz = ics::time_zone(tz_name)?;
    let blocks = site
        .events
        .par_iter()
        .filter_map(|&i| {
            let ev = ics_event(site, i)?;
            let make = || ics::event_block(&ev, tz_name, &tz);
            let block = match cache {
                Some(c) => {
                    let (key, block) = c.event_block(&ev, tz_name, make);
                    (Some(key), block)
                }
                None => (None, make().map(Arc::new)),
            };
            Some((i, block))
        })
        .collect();
    Ok((tz, blocks))
}

/// All `.ics` files, written in parallel: the whole site, each city, each association, each event.
/// VEVENT blocks whose event `cache` has seen before are taken from it.
pub fn feeds(
    site: &Site,
    t: &Strings,
    cache: Option<&BuildCache>,
    sink: Option<&dyn PageSink>,
    diags: &mut Diagnostics,
) -> Output {
    let title = &site.config.title;
    let mut jobs: Vec<(String, Vec<usize>, String)> = Vec::with_capacity(site.entries.len() + 1);
    jobs.push((
        format!("{title}: {}", t.get("calendar_title")),
        site.events.clone(),
        "calendar.ics".to_owned(),
    ));
    for &i in site.cities.iter().chain(&site.associations) {
        let e = &site.entries[i];
        jobs.push((
            format!("{title}: {}", e.common.title),
            site.relations[i].events.clone(),
            format!("{}calendar.ics", e.url_path()),
        ));
    }
    for &i in &site.events {
        let e = &site.entries[i];
        jobs.push((
            e.common.title.clone(),
            vec![i],
            format!("{}{}.ics", e.url_path(), e.common.slug),
        ));
    }
    let blocks = event_blocks(site, cache);
    let results: Vec<Result<Option<CalendarFile>, Diagnostic>> = jobs
        .into_par_iter()
        .map(|(name, events, path)| {
            let (path, bytes) = feed(site, &name, &events, path, &blocks, cache)?;
            Ok(match sink {
                Some(sink) => {
                    sink.put(path, Arc::unwrap_or_clone(bytes));
                    None
                }
                None => Some((path, bytes)),
            })
        })
        .collect();
    let mut out = Output::new();
    for r in results {
        match r {
            Ok(Some((path, bytes))) => out.insert_shared(path, bytes),
            Ok(None) => {}
            Err(d) => diags.push(d),
        }
    }
    out
}
