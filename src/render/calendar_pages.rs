//! The calendar: a month grid page per month from the first to the last event (within the
//! window around the build date, plus the months of events outside it), `/calendar/` showing
//! the build month, and the iCalendar feeds (whole site, per city, per association,
//! per event).

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::cache::{BuildCache, Key};
use crate::calendar::{Shown, Window, ics};
use crate::content::model::Data;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{Output, PageSink};
use crate::render::i18n::Strings;
use crate::render::month_grid::Grid;
use crate::render::page_data::PageData;
use crate::render::{Job, JobCtx};
use crate::site::{Occurrence, Site};

#[derive(Serialize)]
struct WeekdayName {
    short: String,
    long: String,
}

fn month_path(y: i16, m: i8) -> String {
    format!("calendar/{y}/{m:02}/")
}

/// The days each occurrence fills in the month grids ([`Window::shown`]): a recurring event's
/// time is cut where its next date starts, so that its dates never pile up on one day.
fn shown(site: &Site, window: &Window) -> Vec<(Occurrence, Shown)> {
    site.occurrences
        .iter()
        .map(|o| {
            let own = site.occurrences_of(o.event);
            let next = own.get(own.partition_point(|x| x.start <= o.start));
            let last = match next.and_then(|n| n.start.yesterday().ok()) {
                Some(before) => o.end.min(before).max(o.start),
                None => o.end,
            };
            (*o, window.shown(o.start, last))
        })
        .collect()
}

fn months_of(window: &Window, shown: &[(Occurrence, Shown)]) -> Vec<(i16, i8)> {
    window
        .page_months(shown.iter().map(|(_, s)| s))
        .into_iter()
        .map(|m| (m.year, m.month))
        .collect()
}

/// The months that get a page: every month from the first to the last day the grids show and
/// the build month, all within the window around the build date
/// ([`crate::calendar::window`]), plus the month of each first or last day of an event outside
/// it. So one mistyped year adds a page, not thousands.
pub fn months(site: &Site) -> Vec<(i16, i8)> {
    let window = Window::around(site.now);
    months_of(&window, &shown(site, &window))
}

/// One month page: its month, its neighbours in the list of pages, and where it links to.
#[derive(Clone)]
struct MonthPage {
    month: (i16, i8),
    prev: Option<(i16, i8)>,
    next: Option<(i16, i8)>,
    today_url: Option<String>,
}

/// The template values of month page `p` at `canonical`.
fn month_data<'a>(
    site: &Site,
    t: &Strings,
    grid: &Grid,
    weekdays: &Arc<[WeekdayName]>,
    p: &MonthPage,
    canonical: String,
) -> PageData<'a> {
    let (y, m) = p.month;
    let title = t.month_year(y, m);
    let mut ctx = PageData::new();
    ctx.insert(
        "page_title",
        format!("{} {}", t.get("calendar_title"), title),
    );
    ctx.insert("description", "");
    ctx.insert("month_title", title);
    ctx.insert("weekdays", Arc::clone(weekdays));
    ctx.insert("weeks", grid.weeks(site.now, y, m));
    ctx.insert("list", grid.list(t, y, m));
    ctx.insert(
        "prev_url",
        p.prev.map(|(py, pm)| site.url(&month_path(py, pm))),
    );
    ctx.insert("prev_title", p.prev.map(|(py, pm)| t.month_year(py, pm)));
    ctx.insert(
        "next_url",
        p.next.map(|(ny, nm)| site.url(&month_path(ny, nm))),
    );
    ctx.insert("next_title", p.next.map(|(ny, nm)| t.month_year(ny, nm)));
    ctx.insert("today_url", p.today_url.clone());
    ctx.insert("canonical", canonical);
    ctx
}

/// Month grid pages and `/calendar/`.
pub fn jobs<'a>(site: &'a Site, t: &'a Strings) -> Vec<Job<'a>> {
    let window = Window::around(site.now);
    let shown = shown(site, &window);
    let grid = Arc::new(Grid::new(site, t, &shown));
    let weekdays: Arc<[WeekdayName]> = (0..7)
        .map(|i| WeekdayName {
            short: t.weekday_short(i).to_owned(),
            long: t.weekday_name(i).to_owned(),
        })
        .collect();
    let months = months_of(&window, &shown);
    let mut jobs = Vec::with_capacity(months.len() + 1);
    let now_month = (site.now.year(), site.now.month());
    let later = |p: &MonthPage, path: String, canonical: String| {
        let (grid, weekdays, p) = (Arc::clone(&grid), Arc::clone(&weekdays), p.clone());
        Job {
            path,
            template: "calendar.html",
            ctx: JobCtx::Later(Box::new(move || {
                month_data(site, t, &grid, &weekdays, &p, canonical)
            })),
            entry: None,
        }
    };
    for (k, &(y, m)) in months.iter().enumerate() {
        let p = MonthPage {
            month: (y, m),
            prev: k.checked_sub(1).and_then(|p| months.get(p)).copied(),
            next: months.get(k + 1).copied(),
            today_url: ((y, m) != now_month).then(|| site.url("calendar/")),
        };
        let path = month_path(y, m);
        if (y, m) == now_month {
            jobs.push(later(
                &p,
                "calendar/index.html".to_owned(),
                site.permalink("calendar/"),
            ));
        }
        jobs.push(later(
            &p,
            format!("{path}index.html"),
            site.permalink(&path),
        ));
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
    let origin = e.origin();
    Some(ics::IcsEvent {
        uid: origin.map_or_else(
            || ics::uid_for(&crate::diagnostics::display_path(&e.source)),
            |o| o.feed_uid.clone(),
        ),
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
        url: match origin {
            Some(o) => o.url.clone(),
            None => Some(site.permalink(&e.url_path())),
        },
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
            msg!(
                "render-cannot-write-calendar",
                path = &path,
                problem = e.to_string()
            ),
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
    for &i in site.events.iter().filter(|&&i| site.entries[i].has_page()) {
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
