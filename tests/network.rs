//! Networks: fetching `network:` sources over real HTTP from a loopback server, the cache of
//! their last good copies (by ETag or Last-Modified), the warnings for failing sources,
//! `--offline`, and `serve` refreshing its sources in the background.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
#[path = "common/feed_server.rs"]
mod feed_server;

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use feed_server::{Answer, FeedServer};
use twinsite::content::front_matter::Pos;
use twinsite::diagnostics::Diagnostics;
use twinsite::network::{self, Limits, Options, Source};
use twinsite::serve::{self, Event, ServeOptions};

const ICS: &[u8] = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//T//EN\r\nEND:VCALENDAR\r\n";

fn source(name: &str, url: &str) -> Source {
    Source {
        name: name.into(),
        url: url.into(),
        association: None,
        cities: Vec::new(),
        pos: Pos { line: 7, col: 5 },
    }
}

fn quick() -> Options {
    Options {
        offline: false,
        limits: Limits {
            connect: Duration::from_secs(2),
            total: Duration::from_millis(1500),
            redirects: 2,
            max_bytes: 64 * 1024,
        },
    }
}

#[test]
fn good_sources_come_back_and_are_cached_with_their_validators() {
    let server = FeedServer::start();
    let url = server.set(
        "/a.ics",
        Answer::Body {
            body: ICS.to_vec(),
            etag: "v1".into(),
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let sources = [source("A", &url)];
    let mut d = Diagnostics::new();
    let got = network::gather(dir.path(), &sources, quick(), &mut d);
    assert!(d.is_empty(), "{:?}", d.sorted());
    assert_eq!(got[0].as_ref().unwrap().bytes, ICS);
    let first = &server.seen("/a.ics")[0];
    let ua = &first.headers["user-agent"];
    assert!(
        ua.starts_with(&format!("twinsite/{}", env!("CARGO_PKG_VERSION"))),
        "{ua}"
    );
    assert!(!first.headers.contains_key("if-none-match"));
    // The second build asks conditionally and takes the cached copy on 304.
    let got = network::gather(dir.path(), &sources, quick(), &mut d);
    assert!(d.is_empty(), "{:?}", d.sorted());
    assert_eq!(got[0].as_ref().unwrap().bytes, ICS);
    let seen = server.seen("/a.ics");
    assert_eq!(
        seen[1].headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    assert_eq!(seen[1].status, 304);
}

#[test]
fn a_failing_source_warns_and_the_last_good_copy_is_used() {
    let server = FeedServer::start();
    let url = server.set(
        "/b.ics",
        Answer::Body {
            body: ICS.to_vec(),
            etag: "v1".into(),
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let sources = [source("Verein B", &url)];
    let mut d = Diagnostics::new();
    network::gather(dir.path(), &sources, quick(), &mut d);
    server.set("/b.ics", Answer::Status(500));
    let got = network::gather(dir.path(), &sources, quick(), &mut d);
    assert_eq!(got[0].as_ref().unwrap().bytes, ICS);
    let d = d.sorted();
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(!d[0].is_error());
    assert_eq!((d[0].line, d[0].col), (7, 5));
    assert!(d[0].message.contains("\"Verein B\""), "{d:?}");
    assert!(d[0].message.contains("HTTP status 500"), "{d:?}");
    assert!(d[0].hint.as_deref().unwrap().contains("copy from"), "{d:?}");
}

#[test]
fn timeouts_size_caps_redirect_loops_and_refused_connections_are_reasons() {
    let server = FeedServer::start();
    let silent = server.set("/silent", Answer::Silent);
    let big = server.set("/big", Answer::Endless(10 * 1024 * 1024));
    let looping = server.set("/loop", Answer::Redirect("/loop".into()));
    let missing = server.set("/none", Answer::Status(404));
    // A port nobody listens on.
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/x.ics", l.local_addr().unwrap())
    };
    let sources = [
        source("Stumm", &silent),
        source("Riesig", &big),
        source("Kreis", &looping),
        source("Fehlt", &missing),
        source("Zu", &closed),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut d = Diagnostics::new();
    let started = Instant::now();
    let got = network::gather(dir.path(), &sources, quick(), &mut d);
    // In parallel, and the timeout fires: well under the silent server's 20 seconds.
    assert!(
        started.elapsed() < Duration::from_secs(8),
        "{:?}",
        started.elapsed()
    );
    assert!(got.iter().all(Option::is_none));
    let messages: Vec<String> = d.sorted().into_iter().map(|d| d.message).collect();
    assert_eq!(messages.len(), 5, "{messages:?}");
    let says = |name: &str, what: &str| {
        assert!(
            messages
                .iter()
                .any(|m| m.contains(&format!("\"{name}\"")) && m.contains(what)),
            "{name}: {what}: {messages:?}"
        );
    };
    says("Stumm", "within 1 seconds");
    says("Riesig", "larger than 64 KiB");
    says("Kreis", "more than 2 redirects");
    says("Fehlt", "HTTP status 404");
    says("Zu", "refused");
}

#[test]
fn offline_reads_the_cache_only() {
    let server = FeedServer::start();
    let url = server.set(
        "/c.ics",
        Answer::Body {
            body: ICS.to_vec(),
            etag: "v1".into(),
        },
    );
    let dir = tempfile::tempdir().unwrap();
    let offline = Options {
        offline: true,
        ..quick()
    };
    let sources = [source("C", &url)];
    let mut d = Diagnostics::new();
    let got = network::gather(dir.path(), &sources, offline, &mut d);
    assert!(got[0].is_none());
    assert!(d.sorted()[0].message.contains("no copy"));
    assert!(server.seen("/c.ics").is_empty());
    let mut d = Diagnostics::new();
    network::gather(dir.path(), &sources, quick(), &mut d);
    let got = network::gather(dir.path(), &sources, offline, &mut d);
    assert_eq!(got[0].as_ref().unwrap().bytes, ICS);
    assert!(d.is_empty());
    assert_eq!(server.seen("/c.ics").len(), 1);
}

#[test]
fn build_warns_about_a_failing_source_and_check_finds_unknown_slugs() {
    let server = FeedServer::start();
    let url = server.set("/down.ics", Answer::Status(503));
    let (_dir, root) = common::temp_site("mini");
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    std::fs::write(
        root.join("site.yaml"),
        format!("{yaml}network:\n  - name: Lyon\n    url: {url}\n    cities: [lyon]\n"),
    )
    .unwrap();
    let out = root.join("public");
    let report = twinsite::build(&common::opts(&root), &out).unwrap();
    let w: Vec<String> = report.warnings.iter().map(|d| d.to_string()).collect();
    assert!(
        w.iter().any(
            |m| m.starts_with(&format!("site.yaml:{}:3:", yaml.lines().count() + 2))
                && m.contains("HTTP status 503")
        ),
        "{w:?}"
    );
    std::fs::write(
        root.join("site.yaml"),
        format!(
            "{yaml}network:\n  - name: Lyon\n    url: {url}\n    association: freundeskreiss\n    cities: [lyonn]\n"
        ),
    )
    .unwrap();
    let Err(twinsite::BuildError::Content(d)) = twinsite::build(&common::opts(&root), &out) else {
        panic!("unknown slugs were taken");
    };
    let d: Vec<String> = d.iter().map(|d| d.to_string()).collect();
    assert!(
        d.iter().any(
            |m| m.starts_with(&format!("site.yaml:{}:18:", yaml.lines().count() + 4))
                && m.contains("unknown association \"freundeskreiss\" in network")
                && m.contains("did you mean \"freundeskreis\"")
        ),
        "{d:?}"
    );
    assert!(
        d.iter().any(
            |m| m.starts_with(&format!("site.yaml:{}:14:", yaml.lines().count() + 5))
                && m.contains("unknown city \"lyonn\"")
                && m.contains("did you mean \"lyon\"")
        ),
        "{d:?}"
    );
}

/// A feed with everything a hostile or broken calendar could try.
const HOSTILE: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Evil//EN\r\n\
BEGIN:VEVENT\r\nUID:evil-1@x\r\nDTSTART:20261201T180000Z\r\n\
SUMMARY:<script>alert(1)</script><img src=x onerror=alert(2)>\r\n\
DESCRIPTION:Text\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:injected\r\n \u{1b}[2J <a href=\"javascript:alert(3)\">klick</a>\r\n\
this line is broken\r\n\
LOCATION:\"><svg onload=alert(4)>\r\n\
URL:javascript:alert(5)\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:evil-2@x\r\nDTSTART:20261202T180000Z\r\nSUMMARY:Many\r\n\
RRULE:FREQ=SECONDLY;COUNT=1000000\r\nEND:VEVENT\r\n\
BEGIN:VEVENT\r\nUID:evil-3@x\r\nDTSTART:20261203\r\nSUMMARY:]]></title></item><script>x</script>\r\n\
URL:https://evil.example/\"onmouseover=\"alert(6)\r\nEND:VEVENT\r\n\
END:VCALENDAR\r\n";

fn network_site(server: &FeedServer) -> (tempfile::TempDir, std::path::PathBuf) {
    let google =
        std::fs::read(common::repo_root().join("tests/fixtures/network/google.ics")).unwrap();
    let lyon = server.set(
        "/lyon.ics",
        Answer::Body {
            body: google.clone(),
            etag: "g".into(),
        },
    );
    let again = server.set(
        "/again.ics",
        Answer::Body {
            body: google,
            etag: "g".into(),
        },
    );
    let evil = server.set(
        "/evil.ics",
        Answer::Body {
            body: HOSTILE.as_bytes().to_vec(),
            etag: "e".into(),
        },
    );
    let (dir, root) = common::temp_site("mini");
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    std::fs::write(
        root.join("site.yaml"),
        format!(
            "{yaml}network:\n  - name: Freundeskreis Lyon\n    url: {lyon}\n    association: freundeskreis\n    cities: [lyon]\n  - name: Doppelt\n    url: {again}\n  - name: \"<b>Böse</b>\"\n    url: {evil}\n"
        ),
    )
    .unwrap();
    (dir, root)
}

#[test]
fn remote_events_join_lists_grids_feeds_and_the_pages_of_their_city_and_association() {
    let server = FeedServer::start();
    let (_dir, root) = network_site(&server);
    let out = root.join("public");
    let report = twinsite::build(&common::opts(&root), &out).unwrap();
    assert!(
        report
            .warnings
            .iter()
            .all(|w| !w.message.contains("could not")),
        "{:?}",
        report.warnings
    );
    let events = common::read(&out, "events/index.html");
    assert!(
        events.contains("Stammtisch français"),
        "remote event missing"
    );
    assert!(events.contains("Quelle: Freundeskreis Lyon"));
    // The same UID from a second source appears once.
    assert_eq!(events.matches("Weihnachtsmarkt in Lyon").count(), 1);
    for page in [
        "cities/lyon/index.html",
        "associations/freundeskreis/index.html",
    ] {
        assert!(
            common::read(&out, page).contains("Stammtisch français"),
            "{page}"
        );
    }
    assert!(!common::read(&out, "cities/krakow/index.html").contains("Stammtisch"));
    assert!(common::read(&out, "index.html").contains("Filmabend"));
    assert!(common::read(&out, "calendar/2026/12/index.html").contains("Weihnachtsmarkt in Lyon"));
    for feed in [
        "calendar.ics",
        "cities/lyon/calendar.ics",
        "associations/freundeskreis/calendar.ics",
    ] {
        assert!(
            common::read(&out, feed).contains("SUMMARY:Weihnachtsmarkt in Lyon"),
            "{feed}"
        );
    }
    assert!(common::read(&out, "calendar.ics").contains("UID:7a8b9c0d1e2f@google.com"));
    // No page of their own, and this site's events.json lists its own events only.
    let json: serde_json::Value =
        serde_json::from_str(&common::read(&out, "data/events.json")).unwrap();
    assert_eq!(json["version"], 1);
    let list = json["events"].as_array().unwrap();
    assert_eq!(list.len(), 3);
    assert!(
        list.iter()
            .all(|e| e["uid"].as_str().is_some_and(|u| u.len() == 36))
    );
    assert!(!common::files(&out).iter().any(|f| f.contains("network-")));
    assert!(!common::read(&out, "sitemap.xml").contains("network-"));
}

#[test]
fn a_hostile_feed_puts_no_active_content_anywhere() {
    let server = FeedServer::start();
    let (_dir, root) = network_site(&server);
    let out = root.join("public");
    let started = Instant::now();
    twinsite::build(&common::opts(&root), &out).unwrap();
    assert!(started.elapsed() < Duration::from_secs(60));
    let mut seen_many = 0;
    // The search index is gzipped; remote events have no page here, so it leaves them out.
    for (url, title, content) in common::search_fragments(&out) {
        assert!(
            !content.contains("onerror") && !content.contains("javascript:"),
            "{url} ({title}) in the search index: {content}"
        );
    }
    for f in common::files(&out)
        .into_iter()
        .filter(|f| !f.starts_with("pagefind/"))
    {
        let text = common::read(&out, &f);
        if f.ends_with(".html") {
            let markup = common::markup_without_attribute_values(&text);
            for bad in ["<script>alert", "<img src=x", "<svg onload", "<b>Böse"] {
                assert!(!markup.contains(bad), "{f} has {bad}");
            }
            // No tag got an event handler (as text, escaped, the words may stay).
            for tag in markup.split('<').skip(1) {
                let tag = tag.split('>').next().unwrap_or("");
                for handler in [" onerror", " onmouseover", " onload", " onclick"] {
                    assert!(!tag.contains(handler), "{f}: <{tag}>");
                }
            }
            for href in common::attr_values(&text, "href") {
                assert!(
                    !href.to_ascii_lowercase().contains("javascript:"),
                    "{f}: {href}"
                );
            }
            seen_many += text.matches(">Many<").count();
        }
        if f.ends_with(".xml") {
            assert!(!text.contains("<script>x"), "{f}");
        }
        if f.ends_with(".ics") {
            assert!(
                !text.contains("\r\nSUMMARY:injected"),
                "{f}: CRLF injection"
            );
            assert!(!text.contains('\u{1b}'), "{f}");
            assert!(!text.contains("javascript:"), "{f}");
        }
    }
    // A rule more often than daily gives its first occurrence only.
    assert!(seen_many > 0, "the every-second event is missing");
    let events = common::read(&out, "events/index.html");
    assert_eq!(
        events.matches(">Many<").count(),
        1,
        "the every-second event"
    );
    assert!(
        events.contains("Quelle: &lt;b>Böse&lt;/b>")
            || events.contains("Quelle: &lt;b&gt;Böse&lt;&#x2F;b&gt;"),
        "source name not escaped: {:?}",
        events
            .match_indices("Quelle")
            .map(|(i, _)| &events[i..i + 40])
            .collect::<Vec<_>>()
    );
    check_ics_independently(&common::read(&out, "calendar.ics"));
}

/// The merged feed passes the independent checker (Python icalendar).
fn check_ics_independently(ics: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("calendar.ics");
    std::fs::write(&file, ics).unwrap();
    let script = common::repo_root().join("tests/tools/check_ics.py");
    let out = std::process::Command::new(common::python())
        .arg(&script)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "check_ics.py rejected calendar.ics:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_merged_calendar_passes_the_independent_parser() {
    let server = FeedServer::start();
    let (_dir, root) = network_site(&server);
    let out = root.join("public");
    twinsite::build(&common::opts(&root), &out).unwrap();
    for feed in [
        "calendar.ics",
        "cities/lyon/calendar.ics",
        "associations/freundeskreis/calendar.ics",
    ] {
        check_ics_independently(&common::read(&out, feed));
    }
}

#[test]
fn events_json_of_another_site_is_read_in_both_versions() {
    let server = FeedServer::start();
    let (_d, other) = common::temp_site("mini");
    let other_out = other.join("public");
    twinsite::build(&common::opts(&other), &other_out).unwrap();
    let v1 = std::fs::read(other_out.join("data/events.json")).unwrap();
    let mut v0: serde_json::Value = serde_json::from_slice(&v1).unwrap();
    v0.as_object_mut().unwrap().remove("version");
    for e in v0["events"].as_array_mut().unwrap() {
        e.as_object_mut().unwrap().remove("uid");
    }
    let url1 = server.set(
        "/v1/data/events.json",
        Answer::Body {
            body: v1,
            etag: "1".into(),
        },
    );
    let url0 = server.set(
        "/v0/data/events.json",
        Answer::Body {
            body: serde_json::to_vec(&v0).unwrap(),
            etag: "0".into(),
        },
    );
    for url in [url1, url0] {
        let (_dir, root) = common::temp_site("mini");
        // A site without events of its own shows the other site's.
        std::fs::remove_dir_all(root.join("content/events")).unwrap();
        let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
        std::fs::write(
            root.join("site.yaml"),
            format!("{yaml}network:\n  - name: Nachbarn\n    url: {url}\n"),
        )
        .unwrap();
        let out = root.join("public");
        let report = twinsite::build(&common::opts(&root), &out).unwrap();
        assert!(
            report
                .warnings
                .iter()
                .all(|w| !w.message.contains("could not")),
            "{url}: {:?}",
            report.warnings
        );
        let ics = common::read(&out, "calendar.ics");
        assert!(ics.matches("BEGIN:VEVENT").count() >= 2, "{url}: {ics}");
        let events = common::read(&out, "events/index.html");
        assert!(events.contains("Quelle: Nachbarn"), "{url}");
        assert!(
            events.contains("https://example.org/partner/events/"),
            "{url}: links to the source"
        );
    }
}

/// A copy of the `mini` site with one network source.
fn site_with_source(name: &str, url: &str) -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = common::temp_site("mini");
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    std::fs::write(
        root.join("site.yaml"),
        format!("{yaml}network:\n  - name: {name}\n    url: {url}\n"),
    )
    .unwrap();
    (dir, root)
}

/// Every file of two output folders is the same, byte for byte.
fn assert_same_files(a: &Path, b: &Path) {
    let files = common::files(a);
    assert_eq!(files, common::files(b));
    for f in files {
        assert!(
            std::fs::read(a.join(&f)).unwrap() == std::fs::read(b.join(&f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn a_source_with_last_modified_only_is_asked_if_modified_since_and_its_copy_kept() {
    const DATE: &str = "Mon, 02 Nov 2026 09:15:00 GMT";
    let server = FeedServer::start();
    let google =
        std::fs::read(common::repo_root().join("tests/fixtures/network/google.ics")).unwrap();
    let url = server.set(
        "/lm.ics",
        Answer::Dated {
            body: google,
            last_modified: DATE.into(),
        },
    );
    let (_dir, root) = site_with_source("Freundeskreis Lyon", &url);
    let (_a, first) = common::build_into_temp(&root);
    let cached = network::cache::load(&network::cache::dir(&root), &url, u64::MAX).unwrap();
    assert_eq!(cached.meta.validators.last_modified.as_deref(), Some(DATE));
    assert_eq!(cached.meta.validators.etag, None);
    let (_b, second) = common::build_into_temp(&root);
    let seen = server.seen("/lm.ics");
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert_eq!(seen[0].status, 200);
    assert!(!seen[0].headers.contains_key("if-modified-since"));
    assert_eq!(
        seen[1].headers.get("if-modified-since").map(String::as_str),
        Some(DATE)
    );
    assert!(!seen[1].headers.contains_key("if-none-match"), "{seen:?}");
    assert_eq!(seen[1].status, 304);
    // The 304 had no body: the second build's events came from the cached copy.
    assert!(common::read(&second, "events/index.html").contains("Stammtisch français"));
    assert_same_files(&first, &second);
}

/// How long a test waits for `serve` to show something.
const DEADLINE: Duration = Duration::from_secs(30);

/// `twinsite serve` run by this process on a free loopback port, with a short refresh of its
/// network sources. It runs until the test binary ends.
struct Preview {
    port: u16,
    /// The site's path, e.g. `/partner/`.
    base: String,
    /// What serve told, for failure messages.
    log: Arc<Mutex<Vec<String>>>,
}

impl Preview {
    fn start(root: &Path, refresh: Duration) -> Self {
        let opts = ServeOptions {
            build: twinsite::BuildOptions {
                defer_photos: true,
                network: Options {
                    offline: false,
                    limits: Limits {
                        total: DEADLINE,
                        ..quick().limits
                    },
                },
                ..common::opts(root)
            },
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            network_refresh: refresh,
        };
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut on_event = |e: Event| {
                let _ = tx.send(e);
            };
            if let Err(e) = serve::serve(&opts, &mut on_event) {
                on_event(Event::Warning(format!("serve ended: {e}")));
            }
        });
        let url = match rx.recv_timeout(DEADLINE) {
            Ok(Event::Listening { url }) => url,
            other => panic!("serve did not start: {other:?}"),
        };
        let (port, base) = url
            .strip_prefix("http://127.0.0.1:")
            .and_then(|rest| rest.split_once('/'))
            .unwrap_or_else(|| panic!("{url}"));
        let log: Arc<Mutex<Vec<String>>> = Arc::default();
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for e in rx {
                sink.lock().unwrap().push(format!("{e:?}"));
            }
        });
        Self {
            port: port.parse().unwrap(),
            base: format!("/{base}"),
            log,
        }
    }

    /// The page at `rel` below the site's path, head and body.
    fn page(&self, rel: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(DEADLINE)).unwrap();
        let request = format!(
            "GET {}{rel} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
            self.base, self.port
        );
        s.write_all(request.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        s.read_to_end(&mut bytes).unwrap();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// Waits until the page at `rel` passes `ok`, and says how long that took.
    fn wait_for(&self, rel: &str, what: &str, ok: impl Fn(&str) -> bool) -> Duration {
        let started = Instant::now();
        while !ok(&self.page(rel)) {
            assert!(
                started.elapsed() < DEADLINE,
                "timed out waiting for {what}; serve told:\n{}",
                self.log.lock().unwrap().join("\n")
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        started.elapsed()
    }
}

/// A calendar with one event, on 10 December 2026, called `title`.
fn one_event(title: &str) -> Vec<u8> {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Verein//Kalender//DE\r\n\
         BEGIN:VEVENT\r\nUID:abend-1@verein.example\r\nDTSTAMP:20261101T120000Z\r\n\
         DTSTART;TZID=Europe/Berlin:20261210T190000\r\nSUMMARY:{title}\r\n\
         END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    .into_bytes()
}

#[test]
fn serve_refreshes_a_changed_source_and_a_slow_one_never_holds_up_a_reload() {
    let server = FeedServer::start();
    let calendar = |title: &str, etag: &str| Answer::Body {
        body: one_event(title),
        etag: etag.into(),
    };
    let url = server.set("/verein.ics", calendar("Partnerschaftsabend", "1"));
    let (_dir, root) = site_with_source("Verein", &url);
    let preview = Preview::start(&root, Duration::from_millis(300));
    preview.wait_for("events/", "the source's event", |p| {
        p.contains("Partnerschaftsabend")
    });
    // The member changes its calendar; no file of the site changes.
    server.set("/verein.ics", calendar("Weinprobe aus Lyon", "2"));
    preview.wait_for("events/", "the changed event after a refresh", |p| {
        p.contains("Weinprobe aus Lyon") && !p.contains("Partnerschaftsabend")
    });
    let seen = server.seen("/verein.ics");
    let asked = |s: &feed_server::Seen, etag: &str| {
        s.headers.get("if-none-match").map(String::as_str) == Some(etag)
    };
    assert!(
        seen.iter().any(|s| s.status == 200 && asked(s, "\"1\"")),
        "refreshes ask conditionally: {seen:?}"
    );
    // The source turns slow: while a refresh waits for it, a save is served at once.
    server.set(
        "/verein.ics",
        Answer::Held(Box::new(calendar("Weinprobe aus Lyon", "2"))),
    );
    let waited = Instant::now();
    while server.held_begun("/verein.ics") == 0 {
        assert!(
            waited.elapsed() < DEADLINE,
            "no refresh asked the slow source"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let answered = server.seen("/verein.ics").len();
    let brunch = root.join("content/events/brunch.md");
    let text = std::fs::read_to_string(&brunch).unwrap();
    std::fs::write(
        &brunch,
        text.replacen("title: Partnerschaftsbrunch", "title: Brunch am Fluss", 1),
    )
    .unwrap();
    let took = preview.wait_for("events/", "the saved title", |p| {
        p.contains("Brunch am Fluss")
    });
    assert!(
        took < Duration::from_secs(10),
        "the reload took {took:?}, as if it waited for the slow source"
    );
    assert_eq!(server.seen("/verein.ics").len(), answered, "still held");
    assert!(preview.page("events/").contains("Weinprobe aus Lyon"));
    // Once the source answers (304: unchanged), refreshes go on as before.
    server.release();
    let waited = Instant::now();
    while server.seen("/verein.ics").len() <= answered + 1 {
        assert!(waited.elapsed() < DEADLINE, "no refresh after the slow one");
        std::thread::sleep(Duration::from_millis(10));
    }
    let seen = server.seen("/verein.ics");
    assert!(
        seen[answered..]
            .iter()
            .all(|s| s.status == 304 && asked(s, "\"2\"")),
        "{seen:?}"
    );
    assert!(preview.page("events/").contains("Weinprobe aus Lyon"));
}
