//! Reading another twinsite site's `data/events.json`: version 1 (`"version": 1`, with UIDs)
//! and the older files without a version, whose events are known by their address. Unknown
//! fields are ignored, so later versions that only add fields are read too.

use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;
use serde::Deserialize;

use super::remote::{
    MAX_DESCRIPTION, MAX_EVENTS, MAX_LOCATION, MAX_OCCURRENCES, MAX_TITLE, RemoteEvent,
    RemoteStatus, When, clean_line, clean_text, clean_uid, clean_url,
};

/// The version of `events.json` this build writes.
pub const VERSION: u64 = 1;

#[derive(Deserialize)]
struct File {
    events: Vec<serde_json::Value>,
}

#[derive(Deserialize)]
struct Item {
    #[serde(default)]
    uid: Option<String>,
    title: String,
    date: String,
    #[serde(default)]
    time: Option<String>,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    end_date: Option<String>,
    #[serde(default)]
    timezone: Option<String>,
    #[serde(default)]
    occurrences: Vec<String>,
    #[serde(default)]
    summary: Option<String>,
    #[serde(default)]
    location: Option<ItemLocation>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    slug: Option<String>,
}

#[derive(Deserialize)]
struct ItemLocation {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    address: Option<String>,
}

/// The events of an `events.json` text whose first day lies in `from..=to`, in the site's
/// zone `site`. `Err` (in words) when it is not such a file.
pub fn read(
    bytes: &[u8],
    site: &TimeZone,
    from: Date,
    to: Date,
) -> Result<Vec<RemoteEvent>, String> {
    let file: File = serde_json::from_slice(bytes).map_err(|_| msg!("network-json-unreadable"))?;
    let mut out: Vec<RemoteEvent> = file
        .events
        .into_iter()
        .take(MAX_EVENTS)
        .filter_map(|v| serde_json::from_value::<Item>(v).ok())
        .flat_map(|item| occurrences(&item, site, from, to))
        .take(MAX_EVENTS)
        .collect();
    out.sort_by(|a, b| (a.when, &a.uid).cmp(&(b.when, &b.uid)));
    out.dedup_by(|a, b| a.uid == b.uid && a.when == b.when);
    Ok(out)
}

fn occurrences(item: &Item, site: &TimeZone, from: Date, to: Date) -> Vec<RemoteEvent> {
    let Ok(first) = item.date.parse::<Date>() else {
        return Vec::new();
    };
    let url = item.url.as_deref().and_then(clean_url);
    let Some(uid) = item
        .uid
        .as_deref()
        .and_then(clean_uid)
        .or_else(|| url.clone())
        .or_else(|| item.slug.as_deref().and_then(clean_uid))
    else {
        return Vec::new();
    };
    let zone = item
        .timezone
        .as_deref()
        .and_then(|z| TimeZone::get(z).ok())
        .unwrap_or_else(|| site.clone());
    let time = |t: &Option<String>| t.as_deref().and_then(|t| t.parse::<Time>().ok());
    let (start, end) = (time(&item.time), time(&item.end));
    let last = item
        .end_date
        .as_deref()
        .and_then(|d| d.parse::<Date>().ok());
    let span = last
        .and_then(|l| first.until(l).ok())
        .map_or(0, |s| s.get_days())
        .clamp(0, 366);
    let starts: Vec<Date> = if item.occurrences.is_empty() {
        vec![first]
    } else {
        item.occurrences
            .iter()
            .take(usize::from(MAX_OCCURRENCES))
            .filter_map(|d| d.parse().ok())
            .collect()
    };
    let title = clean_line(&item.title, MAX_TITLE).unwrap_or_else(|| "–".to_owned());
    let location = item.location.as_ref().and_then(|l| {
        let parts: Vec<&str> = [l.name.as_deref(), l.address.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        clean_line(&parts.join(", "), MAX_LOCATION)
    });
    let status = match item.status.as_deref() {
        Some("cancelled") => RemoteStatus::Cancelled,
        Some("tentative" | "postponed") => RemoteStatus::Tentative,
        _ => RemoteStatus::Scheduled,
    };
    starts
        .into_iter()
        .filter(|d| (from..=to).contains(d))
        .filter_map(|d| {
            let last_day = d.checked_add(jiff::Span::new().days(span)).ok()?;
            let when = match start {
                None => When::AllDay {
                    first: d,
                    last: last_day,
                },
                Some(t) => {
                    let local = |day: Date, t: Time| {
                        day.to_datetime(t)
                            .to_zoned(zone.clone())
                            .ok()
                            .map(|z| z.with_time_zone(site.clone()).datetime())
                    };
                    When::Timed {
                        start: local(d, t)?,
                        end: end
                            .and_then(|e| local(last_day, e))
                            .filter(|e| *e >= local(d, t).unwrap_or(*e)),
                    }
                }
            };
            Some(RemoteEvent {
                uid: uid.clone(),
                when,
                title: title.clone(),
                description: item
                    .summary
                    .as_deref()
                    .and_then(|s| clean_text(s, MAX_DESCRIPTION)),
                location: location.clone(),
                url: url.clone(),
                status,
            })
        })
        .collect()
}
