//! What a request path is answered with, as bytes: a file of the last good build with the
//! reload script (and the error overlay) injected into HTML, a redirect, the 404 page, or the
//! error page before the first good build; plus ETags and each page's fingerprint, which the
//! event stream compares to decide whether an open page must reload.

use std::hash::{Hash, Hasher};

use super::State;
use super::overlay;
use super::resolve::{self, Target};

/// A response before it is written.
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Vec<u8>,
}

impl Response {
    /// A plain-text response such as `404 Not Found: no such endpoint`.
    pub(crate) fn text(status: u16, text: &str) -> Self {
        let headers = vec![("Content-Type", "text/plain; charset=utf-8".to_owned())];
        Self {
            status,
            headers,
            body: format!("{status} {}: {text}\n", reason(status)).into_bytes(),
        }
    }
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A file of the site, the 404 page, a redirect, or the error page when nothing built yet.
/// `path` is the normalised path, `raw` the path as requested (it goes into the script tag).
pub(crate) fn page(state: &State, path: &str, raw: &str) -> Response {
    if let Some(r) = late_photo(state, path) {
        return r;
    }
    let failure = state.failure.as_deref();
    let (status, ctype, body, location) = match resolve::resolve(
        path,
        &state.base_path,
        state.site.as_ref().map(|s| &s.output),
    ) {
        Target::File { key, status } => {
            let body = state
                .site
                .as_ref()
                .and_then(|s| s.output.get(&key))
                .unwrap_or_default()
                .to_vec();
            (status, resolve::content_type(&key), body, None)
        }
        Target::Redirect(to) => (
            302,
            "text/plain; charset=utf-8",
            format!("see {to}\n").into_bytes(),
            Some(to),
        ),
        Target::NotFound => (
            404,
            "text/plain; charset=utf-8",
            b"404 Not Found\n".to_vec(),
            None,
        ),
        Target::NoBuild => (
            503,
            "text/html; charset=utf-8",
            overlay::no_build_page(),
            None,
        ),
    };
    let body = if resolve::is_html(ctype) {
        let v = version(status, &body, location.as_deref(), failure);
        overlay::inject(&body, raw, &v, failure)
    } else {
        body
    };
    let mut headers = vec![("Content-Type", ctype.to_owned())];
    headers.extend(location.map(|l| ("Location", l)));
    Response {
        status,
        headers,
        body,
    }
}

/// A photo size made after the build, once it is there.
fn late_photo(state: &State, path: &str) -> Option<Response> {
    let site = state.site.as_ref()?;
    let key = path.strip_prefix(state.base_path.as_str())?;
    if !key.starts_with("_img/") || site.output.contains(key) {
        return None;
    }
    let body = site.late.get(key, super::late::WAIT)?;
    Some(Response {
        status: 200,
        headers: vec![("Content-Type", resolve::content_type(key).to_owned())],
        body: body.to_vec(),
    })
}

/// The fingerprint of what `path` shows under `state`: changes exactly when a reload would
/// show something else (bytes, status, redirect or error overlay).
pub(crate) fn page_version(state: &State, path: &str, raw: &str) -> String {
    let r = page(state, path, raw);
    let location = r
        .headers
        .iter()
        .find(|(n, _)| *n == "Location")
        .map(|(_, v)| v.as_str());
    let body = strip_injected(&r.body);
    version(r.status, &body, location, state.failure.as_deref())
}

fn version(
    status: u16,
    body: &[u8],
    location: Option<&str>,
    failure: Option<&overlay::Failure>,
) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (status, body, location, failure.map(|f| f.html.as_str())).hash(&mut h);
    format!("{:016x}", h.finish())
}

/// `body` without the block [`overlay::inject`] added.
fn strip_injected(body: &[u8]) -> Vec<u8> {
    let (begin, end) = (overlay::BEGIN.as_bytes(), overlay::END.as_bytes());
    match (find(body, begin), find(body, end)) {
        (Some(b), Some(e)) if b < e => [&body[..b], &body[e + end.len()..]].concat(),
        _ => body.to_vec(),
    }
}

pub(crate) fn status_json(state: &State) -> Response {
    let errors: Vec<String> = state
        .failure
        .as_ref()
        .map(|f| f.messages.clone())
        .unwrap_or_default();
    let json = serde_json::json!({
        "build": state.build,
        "ok": state.failure.is_none() && state.site.is_some(),
        "files": state.site.as_ref().map_or(0, |s| s.output.len()),
        "base_path": state.base_path,
        "errors": errors,
    });
    let headers = vec![("Content-Type", "application/json; charset=utf-8".to_owned())];
    Response {
        status: 200,
        headers,
        body: json.to_string().into_bytes(),
    }
}

/// Adds an `ETag`; turns a 200 into a 304 when the client already has these bytes.
pub(crate) fn with_etag(mut r: Response, if_none_match: Option<&str>) -> Response {
    if r.status != 200 {
        return r;
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    r.body.hash(&mut h);
    let etag = format!("\"{:016x}\"", h.finish());
    let matches = if_none_match.is_some_and(|v| {
        v.split(',')
            .any(|t| t.trim().trim_start_matches("W/") == etag || t.trim() == "*")
    });
    r.headers.push(("ETag", etag));
    if matches {
        r.status = 304;
        r.body.clear();
        r.headers.retain(|(n, _)| *n != "Content-Type");
    }
    r
}

/// The reason phrase for a status code.
pub(crate) fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
