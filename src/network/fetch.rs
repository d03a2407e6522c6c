//! One HTTP request for one source, with the limits every source gets: `http` and `https`
//! only, connect and total timeouts, a few redirects, a size cap, a User-Agent naming
//! twinsite, and a conditional request against what the cache holds.

use std::time::Duration;

/// The limits of every request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Time to connect (TCP and TLS).
    pub connect: Duration,
    /// Time for the whole request, body included.
    pub total: Duration,
    /// Redirects followed at most.
    pub redirects: u32,
    /// The largest body taken, in bytes.
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            connect: Duration::from_secs(10),
            total: Duration::from_secs(30),
            redirects: 3,
            max_bytes: 4 * 1024 * 1024,
        }
    }
}

/// What the cache says about the copy it holds, sent back as a conditional request.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Validators {
    /// The `ETag` the server sent with it.
    pub etag: Option<String>,
    /// The `Last-Modified` the server sent with it.
    pub last_modified: Option<String>,
}

/// What a request brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// A new copy.
    Body {
        /// The body, at most [`Limits::max_bytes`].
        bytes: Vec<u8>,
        /// Its validators, for the next request.
        validators: Validators,
    },
    /// The cached copy is still current (`304 Not Modified`).
    NotModified,
}

/// The User-Agent of every request: `twinsite/<version> (+<homepage>)`.
pub fn user_agent() -> String {
    format!(
        "twinsite/{} (+{})",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_HOMEPAGE")
    )
}

/// The agent every source is fetched with.
pub fn agent(limits: Limits) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_connect(Some(limits.connect))
        .timeout_global(Some(limits.total))
        .max_redirects(limits.redirects)
        .user_agent(user_agent())
        .http_status_as_error(false)
        .build()
        .into()
}

/// Fetches `url`, conditionally when `cached` has validators. `Err` says why in words.
pub fn fetch(
    agent: &ureq::Agent,
    limits: Limits,
    url: &str,
    cached: Option<&Validators>,
) -> Result<Fetched, String> {
    super::config::check_url(url)?;
    let mut request = agent.get(url).header("Accept", ACCEPT);
    if let Some(v) = cached {
        if let Some(etag) = &v.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(lm) = &v.last_modified {
            request = request.header("If-Modified-Since", lm);
        }
    }
    let mut response = request.call().map_err(|e| reason(&e, limits))?;
    let status = response.status().as_u16();
    if status == 304 && cached.is_some() {
        return Ok(Fetched::NotModified);
    }
    if !(200..300).contains(&status) {
        return Err(msg!("network-http-status", status = status));
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .filter(|v| v.len() <= 200)
            .map(str::to_owned)
    };
    let validators = Validators {
        etag: header("etag"),
        last_modified: header("last-modified"),
    };
    let bytes = response
        .body_mut()
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(|e| reason(&e, limits))?;
    Ok(Fetched::Body { bytes, validators })
}

const ACCEPT: &str = "text/calendar, application/json;q=0.9, */*;q=0.1";

/// A request's failure in words.
fn reason(e: &ureq::Error, limits: Limits) -> String {
    match e {
        ureq::Error::Timeout(_) => msg!("network-timeout", seconds = limits.total.as_secs()),
        ureq::Error::BodyExceedsLimit(_) => {
            msg!("network-too-large", kib = limits.max_bytes / 1024)
        }
        ureq::Error::TooManyRedirects => msg!("network-redirects", max = limits.redirects),
        ureq::Error::HostNotFound => msg!("network-host-not-found"),
        ureq::Error::ConnectionFailed => msg!("network-connection-failed"),
        other => msg!("network-failed", detail = other.to_string()),
    }
}
