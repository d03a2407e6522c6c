//! Networks (`network:` in `site.yaml`): the member sources whose events a site gathers.
//!
//! [`gather`] fetches every source in parallel ([`fetch`]), keeps the last good copy of each
//! in the cache ([`cache`]) and falls back to it, with a warning naming the source and the
//! reason, when a source fails; `--offline` reads the cache only. What comes back is bytes:
//! reading them is the calendar's and the events' business.

pub mod cache;
pub mod config;
pub mod entries;
pub mod events_json;
pub mod fetch;
pub mod ics;
pub mod remote;

use std::path::Path;

use crate::config::CONFIG_FILE;
use crate::diagnostics::{Diagnostic, Diagnostics};
pub use config::Source;
pub use fetch::Limits;

/// How a build reaches the sources.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// Use the cache only (`--offline`).
    pub offline: bool,
    /// The limits of every request.
    pub limits: Limits,
}

/// The copy of one source a build works with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// The body as the source sent it.
    pub bytes: Vec<u8>,
    /// When it was fetched, RFC 3339 in UTC.
    pub fetched: String,
}

/// The events of a source's copy whose first day lies in `from..=to`, in the site's zone:
/// read as iCalendar when it starts like one, else as a twinsite `events.json`.
pub fn read_events(
    bytes: &[u8],
    zone: &jiff::tz::TimeZone,
    from: jiff::civil::Date,
    to: jiff::civil::Date,
) -> Result<Vec<remote::RemoteEvent>, String> {
    if ics::looks_like_ics(bytes) {
        let text = String::from_utf8_lossy(bytes);
        let events = ics::read(&text, zone)?;
        Ok(ics::expand(&events, zone, from, to))
    } else {
        events_json::read(bytes, zone, from, to)
    }
}

/// What became of one source: its copy (if any) and the warnings to show.
struct Outcome {
    body: Option<Body>,
    warnings: Vec<Diagnostic>,
}

/// The copy of each source, parallel to `sources` (`None` where there is none at all).
/// Sources are fetched in parallel, one thread each; problems become warnings in `diags`.
pub fn gather(
    root: &Path,
    sources: &[Source],
    opts: Options,
    diags: &mut Diagnostics,
) -> Vec<Option<Body>> {
    if sources.is_empty() {
        return Vec::new();
    }
    let dir = cache::dir(root);
    let agent = fetch::agent(opts.limits);
    let outcomes: Vec<Outcome> = std::thread::scope(|s| {
        let handles: Vec<_> = sources
            .iter()
            .map(|src| {
                let (dir, agent) = (&dir, &agent);
                s.spawn(move || one(dir, agent, src, opts))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| Outcome {
                    body: None,
                    warnings: Vec::new(),
                })
            })
            .collect()
    });
    outcomes
        .into_iter()
        .map(|o| {
            diags.extend(o.warnings);
            o.body
        })
        .collect()
}

fn one(dir: &Path, agent: &ureq::Agent, src: &Source, opts: Options) -> Outcome {
    let cached = cache::load(dir, &src.url, opts.limits.max_bytes);
    let to_body = |c: cache::Copy| Body {
        bytes: c.bytes,
        fetched: c.meta.fetched,
    };
    if opts.offline {
        let warnings = match cached {
            Some(_) => Vec::new(),
            None => vec![warning(
                src,
                msg!("network-offline-no-copy", name = &src.name),
            )],
        };
        return Outcome {
            body: cached.map(to_body),
            warnings,
        };
    }
    let validators = cached.as_ref().map(|c| &c.meta.validators);
    match fetch::fetch(agent, opts.limits, &src.url, validators) {
        Ok(fetch::Fetched::NotModified) => Outcome {
            body: cached.map(to_body),
            warnings: Vec::new(),
        },
        Ok(fetch::Fetched::Body { bytes, validators }) => {
            let copy = cache::Copy {
                bytes,
                meta: cache::Meta {
                    url: src.url.clone(),
                    validators,
                    fetched: jiff::Timestamp::now()
                        .round(jiff::Unit::Second)
                        .map_or_else(|_| jiff::Timestamp::now().to_string(), |t| t.to_string()),
                },
            };
            let mut warnings = Vec::new();
            if let Err(e) = cache::store(dir, &copy) {
                warnings.push(warning(
                    src,
                    msg!(
                        "network-cache-write",
                        name = &src.name,
                        error = e.to_string()
                    ),
                ));
            }
            Outcome {
                body: Some(to_body(copy)),
                warnings,
            }
        }
        Err(reason) => failed(src, reason, cached.map(to_body)),
    }
}

fn failed(src: &Source, reason: String, cached: Option<Body>) -> Outcome {
    let message = msg!(
        "network-fetch-failed",
        name = &src.name,
        url = &src.url,
        reason = reason
    );
    let hint = match &cached {
        Some(b) => msg!("network-fetch-failed-cached", fetched = &b.fetched),
        None => msg!("network-fetch-failed-no-copy"),
    };
    Outcome {
        body: cached,
        warnings: vec![warning(src, message).with_hint(hint)],
    }
}

fn warning(src: &Source, message: String) -> Diagnostic {
    Diagnostic::warning(CONFIG_FILE, src.pos.line, src.pos.col, message)
}
