//! Reading a source's iCalendar feed: the `icalendar` crate's parser splits it into
//! components and properties; here each VEVENT becomes a [`Vevent`] whose dates are read in
//! every form (UTC, TZID with or without VTIMEZONE, floating, all-day), and [`expand`] turns
//! them, recurrences and overrides included, into [`RemoteEvent`]s inside a window.

mod expand;
mod stamp;
#[cfg(test)]
mod tests;

use icalendar::parser::{Component, Property};
use jiff::tz::TimeZone;

pub use expand::expand;
pub use stamp::Stamp;

use super::remote::{
    MAX_DESCRIPTION, MAX_LOCATION, MAX_TITLE, RemoteStatus, clean_line, clean_text, clean_uid,
    clean_url,
};

/// Deepest nesting of components taken (VCALENDAR, VEVENT, VALARM; VTIMEZONE, STANDARD).
const MAX_DEPTH: usize = 6;
/// The most VEVENTs read from one feed.
const MAX_VEVENTS: usize = 5000;
/// The most RDATE or EXDATE values of one event.
const MAX_DATES: usize = 1000;

/// One VEVENT as written, its texts cleaned.
#[derive(Debug, Clone)]
pub struct Vevent {
    /// UID (made from title and start when missing).
    pub uid: String,
    /// DTSTART.
    pub start: Stamp,
    /// DTEND, if written.
    pub end: Option<Stamp>,
    /// DURATION, if written (and no DTEND).
    pub duration: Option<jiff::SignedDuration>,
    /// RRULE, as written.
    pub rrule: Option<String>,
    /// RDATEs.
    pub rdates: Vec<Stamp>,
    /// EXDATEs.
    pub exdates: Vec<Stamp>,
    /// RECURRENCE-ID: the occurrence this one replaces.
    pub recurrence_id: Option<Stamp>,
    /// SUMMARY.
    pub title: String,
    /// DESCRIPTION.
    pub description: Option<String>,
    /// LOCATION.
    pub location: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// STATUS.
    pub status: RemoteStatus,
}

/// Whether `bytes` look like an iCalendar file rather than JSON.
pub fn looks_like_ics(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
    text.trim_start_matches('\u{feff}')
        .trim_start()
        .get(..15)
        .is_some_and(|s| s.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
}

/// The VEVENTs of `text`; `zone` stands for floating times and unknown zones. `Err` when
/// the text is not an iCalendar file that can be read (the reason in words).
pub fn read(text: &str, zone: &TimeZone) -> Result<Vec<Vevent>, String> {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    if nesting(&text) > MAX_DEPTH {
        return Err(msg!("network-ics-nested"));
    }
    let unfolded = content_lines(&icalendar::parser::unfold(&text));
    let calendar =
        icalendar::parser::read_calendar(&unfolded).map_err(|_| msg!("network-ics-unreadable"))?;
    Ok(calendar
        .components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT"))
        .take(MAX_VEVENTS)
        .filter_map(|c| vevent(c, zone))
        .collect())
}

/// The lines of an unfolded text that have the form of a content line (`NAME[;…]:value`);
/// the parser refuses a whole file for one broken line, so a broken line costs only itself.
fn content_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let name_end = line.find([';', ':']).unwrap_or(0);
        let name = &line[..name_end];
        if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// How deep BEGIN lines nest, counted before parsing so that no nesting can exhaust the stack.
fn nesting(text: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for line in text.lines() {
        let l = line.trim_start();
        if l.get(..6).is_some_and(|b| b.eq_ignore_ascii_case("BEGIN:")) {
            depth += 1;
            max = max.max(depth);
        } else if l.get(..4).is_some_and(|b| b.eq_ignore_ascii_case("END:")) {
            depth = depth.saturating_sub(1);
        }
    }
    max
}

fn props<'a>(c: &'a Component<'a>, name: &'a str) -> impl Iterator<Item = &'a Property<'a>> {
    c.properties
        .iter()
        .filter(move |p| p.name.as_str().eq_ignore_ascii_case(name))
}

fn text_of(c: &Component<'_>, name: &str) -> Option<String> {
    props(c, name).next().map(|p| unescape(p.val.as_str()))
}

/// RFC 5545 TEXT unescaping: `\n` `\N` `\,` `\;` `\\`.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

fn vevent(c: &Component<'_>, zone: &TimeZone) -> Option<Vevent> {
    let stamp = |name: &str| props(c, name).next().and_then(|p| stamp::read(p, zone));
    let start = stamp("DTSTART")?;
    let title = text_of(c, "SUMMARY")
        .and_then(|s| clean_line(&s, MAX_TITLE))
        .unwrap_or_else(|| "–".to_owned());
    let uid = text_of(c, "UID")
        .and_then(|u| clean_uid(&u))
        .unwrap_or_else(|| {
            let key = format!("{title}\u{0}{start:?}");
            format!(
                "{:016x}@twinsite",
                xxhash_rust::xxh3::xxh3_64(key.as_bytes())
            )
        });
    let many = |name: &str| -> Vec<Stamp> {
        props(c, name)
            .flat_map(|p| stamp::read_list(p, zone))
            .take(MAX_DATES)
            .collect()
    };
    let status = match text_of(c, "STATUS").map(|s| s.trim().to_ascii_uppercase()) {
        Some(s) if s == "CANCELLED" => RemoteStatus::Cancelled,
        Some(s) if s == "TENTATIVE" => RemoteStatus::Tentative,
        _ => RemoteStatus::Scheduled,
    };
    Some(Vevent {
        uid,
        end: stamp("DTEND"),
        duration: text_of(c, "DURATION").and_then(|d| stamp::duration(&d)),
        // A rule is ASCII (RFC 5545's grammar); the rrule crate's parser panics on other
        // letters, so such a rule is dropped and the event shows its first occurrence.
        rrule: text_of(c, "RRULE").filter(|r| r.len() <= 500 && r.is_ascii()),
        rdates: many("RDATE"),
        exdates: many("EXDATE"),
        recurrence_id: stamp("RECURRENCE-ID"),
        description: text_of(c, "DESCRIPTION").and_then(|s| clean_text(&s, MAX_DESCRIPTION)),
        location: text_of(c, "LOCATION").and_then(|s| clean_line(&s, MAX_LOCATION)),
        url: text_of(c, "URL").and_then(|u| clean_url(&u)),
        status,
        start,
        title,
    })
}
