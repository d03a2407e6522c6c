//! The HTTP side of `serve`: a `std::net` listener, one thread per connection, HTTP/1.1 with
//! `Connection: close`, answers from the in-memory build, and the live-reload event stream.
//!
//! Robustness: a request head must arrive within [`HEAD_DEADLINE`] and fit in
//! [`HEAD_LIMIT`] bytes; reads and writes time out; at most [`MAX_CONNECTIONS`] connections
//! (of which [`MAX_STREAMS`] event streams) are served at once and further ones get a quick 503.
//! Only GET and HEAD are answered (405 otherwise). A request must name its host once: an
//! HTTP/1.1 request without `Host`, or with more than one, gets 400 (RFC 9112 §3.2), as does a
//! header line with space before its colon or a folded line (§5.1, §5.2). While the server
//! listens on loopback, a `Host` header naming another host is refused, so a web page cannot
//! read the preview through DNS rebinding.
//!
//! Endpoints that exist only in `serve` live below `/__twinsite/`: `reload.js`, `events`
//! (Server-Sent Events), `status` (JSON: build number, errors) and `files` (the output paths).

use std::io::{Read, Write};
use std::net::{IpAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use super::Hub;
use super::overlay::RELOAD_JS;
use super::page::{Response, find, page, page_version, reason, status_json, with_etag};
use super::resolve;

/// Largest accepted request head (request line and headers).
pub(crate) const HEAD_LIMIT: usize = 16 * 1024;
/// Time a client has to send its whole request head.
pub(crate) const HEAD_DEADLINE: Duration = Duration::from_secs(10);
/// Connections served at the same time, event streams included.
pub(crate) const MAX_CONNECTIONS: usize = 256;
/// Event streams open at the same time (open tabs).
pub(crate) const MAX_STREAMS: usize = 64;
/// Time after which a stalled read or write gives up.
const IO_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest wait of a connection for the first build to finish.
const FIRST_BUILD_WAIT: Duration = Duration::from_secs(30);
/// An event stream sends a comment this often, to notice closed tabs.
const KEEPALIVE: Duration = Duration::from_secs(15);

/// Settings of the HTTP side.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    bind: IpAddr,
    connections: Arc<AtomicUsize>,
    streams: Arc<AtomicUsize>,
}

impl Config {
    /// Settings for a server listening on `bind`.
    pub(crate) fn new(bind: IpAddr) -> Self {
        Self {
            bind,
            connections: Arc::default(),
            streams: Arc::default(),
        }
    }
}

/// Counts one connection (or stream) while alive.
struct Slot(Arc<AtomicUsize>);

impl Slot {
    fn take(counter: &Arc<AtomicUsize>, max: usize) -> Option<Self> {
        let prev = counter.fetch_add(1, Ordering::SeqCst);
        let slot = Self(Arc::clone(counter));
        (prev < max).then_some(slot)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Starts a thread with `body`; the error when no thread can be started.
pub(crate) type Spawner = fn(Box<dyn FnOnce() + Send>) -> std::io::Result<()>;

/// The ordinary [`Spawner`]: a named thread.
pub(crate) fn spawn_thread(body: Box<dyn FnOnce() + Send>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("twinsite-accept".into())
        .spawn(body)
        .map(drop)
}

/// Accepts connections on a background thread started by `spawner`, one thread per
/// connection. Fails when the accept thread cannot be started: then there is no server.
pub(crate) fn spawn(
    listener: TcpListener,
    hub: Arc<Hub>,
    cfg: Config,
    spawner: Spawner,
) -> std::io::Result<()> {
    let accept = move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else {
                std::thread::sleep(Duration::from_millis(20)); // e.g. out of file descriptors
                continue;
            };
            let Some(slot) = Slot::take(&cfg.connections, MAX_CONNECTIONS) else {
                let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
                let _ = write_response(
                    &mut stream,
                    false,
                    &Response::text(503, "too many connections, try again"),
                );
                continue;
            };
            let (hub, cfg) = (Arc::clone(&hub), cfg.clone());
            // If no thread can be started, the connection is dropped (closed) right here.
            let _ = std::thread::Builder::new()
                .name("twinsite-http".into())
                .spawn(move || {
                    let _slot = slot;
                    handle(stream, &hub, &cfg);
                });
        }
    };
    spawner(Box::new(accept))
}

/// One parsed request head.
#[derive(Debug)]
struct Request {
    method: String,
    target: String,
    host: Option<String>,
    if_none_match: Option<String>,
}

/// Why a request head is refused with 400.
#[derive(Debug, PartialEq, Eq)]
enum BadHead {
    /// Not an HTTP/1.x request line, or a header line that is not `name: value`.
    Malformed,
    /// HTTP/1.1 (or later) without `Host`.
    NoHost,
    /// More than one `Host` line.
    TwoHosts,
}

impl BadHead {
    fn text(&self) -> &'static str {
        match self {
            Self::Malformed => "malformed request",
            Self::NoHost => "an HTTP/1.1 request needs a Host header",
            Self::TwoHosts => "more than one Host header",
        }
    }
}

fn handle(mut stream: TcpStream, hub: &Hub, cfg: &Config) {
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_nodelay(true);
    // Connections made while the first build runs wait for it (for at most a few seconds).
    if hub.current().build == 0 {
        hub.wait_for_change(0, FIRST_BUILD_WAIT);
    }
    let req = match read_head(&mut stream) {
        Ok(head) => match parse_head(&head) {
            Ok(req) => req,
            Err(bad) => {
                return drop(write_response(
                    &mut stream,
                    false,
                    &Response::text(400, bad.text()),
                ));
            }
        },
        Err(Some(status)) => {
            return drop(write_response(
                &mut stream,
                false,
                &Response::text(status, "request head too large"),
            ));
        }
        Err(None) => return, // the client went away or was too slow
    };
    let head_only = req.method == "HEAD";
    if !head_only && req.method != "GET" {
        let mut r = Response::text(405, "only GET and HEAD are supported");
        r.headers.push(("Allow", "GET, HEAD".to_owned()));
        return drop(write_response(&mut stream, false, &r));
    }
    if !host_allowed(req.host.as_deref(), cfg) {
        return drop(write_response(
            &mut stream,
            head_only,
            &Response::text(400, "unknown host name"),
        ));
    }
    let (raw_path, query) = req.target.split_once('?').unwrap_or((&req.target, ""));
    let Some(path) = resolve::normalize(raw_path) else {
        return drop(write_response(
            &mut stream,
            head_only,
            &Response::text(400, "invalid path"),
        ));
    };
    let response = match path.as_str() {
        "/__twinsite/events" if !head_only => return stream_events(stream, hub, cfg, query),
        "/__twinsite/reload.js" => {
            let ctype = "text/javascript; charset=utf-8".to_owned();
            Response {
                status: 200,
                headers: vec![("Content-Type", ctype)],
                body: RELOAD_JS.as_bytes().to_vec(),
            }
        }
        "/__twinsite/status" => status_json(&hub.current()),
        "/__twinsite/files" => {
            let state = hub.current();
            let list: String = state
                .site
                .iter()
                .flat_map(|s| s.output.iter())
                .map(|(k, _)| format!("{k}\n"))
                .collect();
            let headers = vec![("Content-Type", "text/plain; charset=utf-8".to_owned())];
            Response {
                status: 200,
                headers,
                body: list.into_bytes(),
            }
        }
        p if p.starts_with("/__twinsite/") => Response::text(404, "no such endpoint"),
        _ => page(&hub.current(), &path, raw_path),
    };
    let response = with_etag(response, req.if_none_match.as_deref());
    let _ = write_response(&mut stream, head_only, &response);
}

/// Reads until the end of the request head. `Err(Some(431))` when it is too large,
/// `Err(None)` when the client closed, stalled or missed the deadline.
fn read_head(stream: &mut TcpStream) -> Result<Vec<u8>, Option<u16>> {
    let deadline = Instant::now() + HEAD_DEADLINE;
    let mut buf = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = find(&buf, b"\r\n\r\n").or_else(|| find(&buf, b"\n\n")) {
            buf.truncate(end);
            return Ok(buf);
        }
        if buf.len() > HEAD_LIMIT {
            return Err(Some(431));
        }
        let left = deadline
            .checked_duration_since(Instant::now())
            .filter(|d| !d.is_zero())
            .ok_or(None)?;
        let _ = stream.set_read_timeout(Some(left.min(IO_TIMEOUT)));
        match stream.read(&mut chunk) {
            Ok(0) => return Err(None),
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return Err(None),
        }
    }
}

fn parse_head(head: &[u8]) -> Result<Request, BadHead> {
    let text = std::str::from_utf8(head).map_err(|_| BadHead::Malformed)?;
    let mut lines = text.lines();
    let request_line = lines.next().ok_or(BadHead::Malformed)?;
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(BadHead::Malformed);
    };
    let minor = version.strip_prefix("HTTP/1.").ok_or(BadHead::Malformed)?;
    if method.is_empty() || minor.is_empty() || !minor.bytes().all(|b| b.is_ascii_digit()) {
        return Err(BadHead::Malformed);
    }
    let mut req = Request {
        method: method.to_owned(),
        target: target.to_owned(),
        host: None,
        if_none_match: None,
    };
    for line in lines {
        let (name, value) = line.split_once(':').ok_or(BadHead::Malformed)?;
        // No space before the colon, no folded continuation lines (RFC 9112 §5.1, §5.2).
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            return Err(BadHead::Malformed);
        }
        let value = value.trim().to_owned();
        if name.eq_ignore_ascii_case("host") {
            if req.host.is_some() {
                return Err(BadHead::TwoHosts);
            }
            req.host = Some(value);
        } else if name.eq_ignore_ascii_case("if-none-match") {
            req.if_none_match = Some(value);
        }
    }
    if req.host.is_none() && minor != "0" {
        return Err(BadHead::NoHost);
    }
    Ok(req)
}

/// Whether `b` may appear in a header name (an RFC 9110 token).
fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// On loopback, only loopback host names may be asked for (against DNS rebinding).
fn host_allowed(host: Option<&str>, cfg: &Config) -> bool {
    let Some(host) = host else { return true };
    if !cfg.bind.is_loopback() {
        return true;
    }
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    let name = name.to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn write_response(stream: &mut TcpStream, head_only: bool, r: &Response) -> std::io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", r.status, reason(r.status));
    for (name, value) in &r.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if r.status != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", r.body.len()));
    }
    head.push_str(
        "Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
    );
    let mut bytes = head.into_bytes();
    if !head_only {
        bytes.extend_from_slice(&r.body);
    }
    stream.write_all(&bytes)?;
    stream.flush()
}

/// `text/event-stream`: one event per build (`id` and `data` carry the build number); the
/// event is named `reload` when the page at `path` no longer matches its version `v`.
fn stream_events(mut stream: TcpStream, hub: &Hub, cfg: &Config, query: &str) {
    let Some(_slot) = Slot::take(&cfg.streams, MAX_STREAMS) else {
        return drop(write_response(
            &mut stream,
            false,
            &Response::text(503, "too many open pages"),
        ));
    };
    // `path` is the page's raw request path, sent through `encodeURIComponent`.
    let (mut page_path, mut seen_version) = (None, String::new());
    for pair in query.split('&') {
        match pair.split_once('=') {
            Some(("path", p)) => {
                page_path = resolve::decode_component(p)
                    .and_then(|raw| Some((resolve::normalize(&raw)?, raw)));
            }
            Some(("v", v)) => {
                seen_version = v.chars().filter(char::is_ascii_alphanumeric).collect()
            }
            _ => {}
        }
    }
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\nretry: 500\n\n";
    if stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.flush())
        .is_err()
    {
        return;
    }
    let mut state = hub.current();
    loop {
        let reload = page_path
            .as_ref()
            .is_some_and(|(p, raw)| page_version(&state, p, raw) != seen_version);
        let ok = state.failure.is_none() && state.site.is_some();
        let event = if reload { "reload" } else { "build" };
        let msg = format!(
            "id: {b}\nevent: {event}\ndata: {{\"build\":{b},\"ok\":{ok}}}\n\n",
            b = state.build
        );
        if stream
            .write_all(msg.as_bytes())
            .and_then(|()| stream.flush())
            .is_err()
        {
            return;
        }
        loop {
            let next = hub.wait_for_change(state.build, KEEPALIVE);
            if next.build != state.build {
                state = next;
                break;
            }
            if stream
                .write_all(b": keepalive\n\n")
                .and_then(|()| stream.flush())
                .is_err()
            {
                return;
            }
        }
    }
}

/// A request head as `serve` reads it (for tests and fuzzing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestHead {
    /// The method, e.g. `GET`.
    pub method: String,
    /// The request target as sent, e.g. `/cities/lyon/?x=1`.
    pub target: String,
    /// The `Host` header.
    pub host: Option<String>,
    /// The `If-None-Match` header.
    pub if_none_match: Option<String>,
    /// The target's path, normalised; `None` when the server answers 400 "invalid path".
    pub path: Option<String>,
    /// Whether a server listening on loopback accepts the `Host` header.
    pub host_allowed: bool,
}

/// Parses a request head (request line and headers, without the blank line that ends it)
/// exactly as the server does; `None` when it answers 400 "malformed request".
pub fn parse_request_head(head: &[u8]) -> Option<RequestHead> {
    let req = parse_head(head).ok()?;
    let raw_path = req.target.split_once('?').map_or(&*req.target, |(p, _)| p);
    let path = resolve::normalize(raw_path);
    let loopback = Config::new(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    let host_allowed = host_allowed(req.host.as_deref(), &loopback);
    Some(RequestHead {
        path,
        host_allowed,
        method: req.method,
        target: req.target,
        host: req.host,
        if_none_match: req.if_none_match,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn head(text: &str) -> Result<Request, BadHead> {
        parse_head(text.as_bytes())
    }

    #[test]
    fn http11_needs_exactly_one_host() {
        assert_eq!(head("GET / HTTP/1.1").unwrap_err(), BadHead::NoHost);
        assert_eq!(
            head("GET / HTTP/1.1\r\nHost: localhost\r\nhost: evil.example").unwrap_err(),
            BadHead::TwoHosts
        );
        assert_eq!(
            head("GET / HTTP/1.0\r\nHost: a\r\nHost: b").unwrap_err(),
            BadHead::TwoHosts
        );
        assert!(head("GET / HTTP/1.0").is_ok_and(|r| r.host.is_none()));
        assert!(
            head("GET / HTTP/1.1\r\nHost: localhost:1111")
                .is_ok_and(|r| r.host.as_deref() == Some("localhost:1111"))
        );
    }

    #[test]
    fn refuses_space_before_colon_and_folded_lines() {
        for bad in [
            "GET / HTTP/1.0\r\nHost : evil.example",
            "GET / HTTP/1.1\r\nHost: localhost\r\n evil.example",
            "GET / HTTP/1.1\r\nHost: localhost\r\nno colon",
            "GET / HTTP/2\r\nHost: localhost",
            "GET / HTTP/1.x\r\nHost: localhost",
        ] {
            assert_eq!(head(bad).unwrap_err(), BadHead::Malformed, "{bad:?}");
        }
    }

    #[test]
    fn a_failed_accept_thread_is_an_error() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let hub = Arc::new(Hub::default());
        let failing: Spawner = |_| Err(std::io::Error::other("no threads left"));
        let e = spawn(
            listener,
            hub,
            Config::new("127.0.0.1".parse().unwrap()),
            failing,
        );
        assert_eq!(e.unwrap_err().to_string(), "no threads left");
    }
}
