//! The events of the sources as entries of the site: each occurrence of a [`RemoteEvent`]
//! becomes an event [`Entry`] carrying its [`Origin`], so lists, month grids, feeds and the
//! pages of cities and associations take it up like any event. Its text is plain and is
//! escaped here for the one place that holds HTML (the teaser); it has no page of its own.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::remote::{Origin, RemoteEvent, RemoteStatus, When};
use super::{Body, Source};
use crate::config::CONFIG_FILE;
use crate::content::model::{Common, Data, Entry, Event, Location, Section};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// How far back and ahead of the build date the events of sources are taken.
pub const BACK_DAYS: i64 = 366;
/// See [`BACK_DAYS`].
pub const AHEAD_DAYS: i64 = crate::calendar::window::EXPAND_AHEAD_DAYS as i64;

/// The events of every source's copy as entries: read by content (iCalendar or
/// `events.json`), in the site's zone, within the window around `now`; an event whose UID an
/// earlier source has already given is left out. A copy that cannot be read is a warning.
pub fn entries(
    sources: &[Source],
    copies: &[Option<Body>],
    zone: &TimeZone,
    now: Date,
    diags: &mut Diagnostics,
) -> Vec<Entry> {
    let from = now
        .checked_sub(jiff::Span::new().days(BACK_DAYS))
        .unwrap_or(now);
    let to = now
        .checked_add(jiff::Span::new().days(AHEAD_DAYS))
        .unwrap_or(now);
    let mut seen_uids: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (i, (src, copy)) in sources.iter().zip(copies).enumerate() {
        let Some(copy) = copy else { continue };
        let events = match super::read_events(&copy.bytes, zone, from, to) {
            Ok(events) => events,
            Err(reason) => {
                diags.push(Diagnostic::warning(
                    CONFIG_FILE,
                    src.pos.line,
                    src.pos.col,
                    msg!("network-unreadable", name = &src.name, reason = reason),
                ));
                continue;
            }
        };
        let mut count: HashMap<String, usize> = HashMap::new();
        for e in &events {
            *count.entry(e.uid.clone()).or_default() += 1;
        }
        out.extend(
            events
                .into_iter()
                .filter(|e| !seen_uids.contains(&e.uid))
                .map(|e| {
                    let recurs = count.get(&e.uid).is_some_and(|&n| n > 1);
                    entry(i, src, e, recurs)
                }),
        );
        seen_uids.extend(count.into_keys());
    }
    out
}

fn entry(source: usize, src: &Source, e: RemoteEvent, recurs: bool) -> Entry {
    let feed_uid = if recurs {
        let start = match e.when {
            When::AllDay { first, .. } => first.strftime("%Y%m%d").to_string(),
            When::Timed { start, .. } => start.strftime("%Y%m%dT%H%M%S").to_string(),
        };
        format!("{}-{start}", e.uid)
    } else {
        e.uid.clone()
    };
    let key = format!("{source}\u{0}{}\u{0}{:?}", e.uid, e.when);
    let hash = xxhash_rust::xxh3::xxh3_64(format!("{key}\u{0}{e:?}").as_bytes());
    let slug = format!(
        "network-{:016x}",
        xxhash_rust::xxh3::xxh3_64(key.as_bytes())
    );
    let (date, time, end, end_date) = match e.when {
        When::AllDay { first, last } => (first, None, None, (last > first).then_some(last)),
        When::Timed { start, end } => {
            let end_date = end.map(|e| e.date()).filter(|d| *d > start.date());
            (
                start.date(),
                Some(start.time()),
                end.map(|e| e.time()),
                end_date,
            )
        }
    };
    let status = match e.status {
        RemoteStatus::Scheduled => "scheduled",
        RemoteStatus::Tentative => "tentative",
        RemoteStatus::Cancelled => "cancelled",
    };
    let text = e.description.clone().unwrap_or_default();
    let html = paragraphs(&text);
    Entry {
        source: PathBuf::from(CONFIG_FILE),
        section: Section::Event,
        common: Common {
            title: e.title,
            slug,
            slug_pos: None,
            alias_pos: Vec::new(),
            draft: false,
            summary: None,
            topics: Vec::new(),
            aliases: Vec::new(),
            weight: None,
            image: None,
            gallery: Vec::new(),
        },
        data: Data::Event(Event {
            date,
            time,
            end,
            end_date,
            location: e.location.map(|name| Location {
                name: Some(name),
                address: None,
                lat: None,
                lon: None,
            }),
            cities: Vec::new(),
            organizers: Vec::new(),
            repeat: None,
            status: status.to_owned(),
            registration: None,
            cost: None,
            remote: Some(Arc::new(Origin {
                source,
                name: src.name.clone(),
                uid: e.uid,
                feed_uid,
                url: e.url,
            })),
        }),
        html: html.clone().into(),
        summary_html: html.into(),
        summary_text: text.into(),
        links: Vec::new(),
        anchors: Vec::new(),
        content_hash: hash,
        dates: Vec::new(),
        body_pictures: Vec::new(),
        placeholders: Vec::new(),
    }
}

/// Plain text as HTML paragraphs: every character that means something in HTML escaped,
/// line breaks as `<br>`, blank lines as new paragraphs.
fn paragraphs(text: &str) -> String {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let lines: Vec<String> = p.lines().map(crate::escape::xml_escape).collect();
            format!("<p>{}</p>", lines.join("<br>"))
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn teaser_html_is_escaped_text() {
        assert_eq!(
            paragraphs("<script>alert(1)</script>\n<b onclick=\"x\">&\n\nzwei"),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>&lt;b onclick=&quot;x&quot;&gt;&amp;</p><p>zwei</p>"
        );
    }
}
