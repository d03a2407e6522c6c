//! `twinsite serve` through the real binary: pages, content types, safety, live rebuilds,
//! the error overlay, concurrency, and a randomised check that what is served after a burst of
//! edits equals a fresh `twinsite build` of the same files.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;

const BEGIN: &str = "<!--twinsite-serve-->";
const END: &str = "<!--/twinsite-serve-->";
const DEADLINE: Duration = Duration::from_secs(30);

/// A running `twinsite serve`, killed on drop.
struct Server {
    child: Child,
    port: u16,
    url: String,
    log: Arc<Mutex<String>>,
}

impl Server {
    fn start(root: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_twinsite"))
            .args([
                "serve",
                "--root",
                root.to_str().unwrap(),
                "--port",
                "0",
                "--now",
                NOW,
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        out.read_line(&mut first).unwrap();
        drain(out, Arc::clone(&log));
        drain(
            BufReader::new(child.stderr.take().unwrap()),
            Arc::clone(&log),
        );
        let url = first
            .trim()
            .strip_prefix("Serving ")
            .unwrap_or_else(|| panic!("first line: {first:?}"))
            .to_owned();
        let port = url
            .rsplit(':')
            .next()
            .unwrap()
            .split('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let server = Self {
            child,
            port,
            url,
            log,
        };
        server.wait_until("the first build", |s| {
            s.status()["build"].as_u64() >= Some(1)
        });
        server
    }

    fn get(&self, path: &str) -> Resp {
        self.raw(
            format!(
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
                self.port
            )
            .as_bytes(),
        )
    }

    fn raw(&self, request: &[u8]) -> Resp {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        s.write_all(request).unwrap();
        let mut bytes = Vec::new();
        s.read_to_end(&mut bytes).unwrap();
        Resp::parse(&bytes)
    }

    fn status(&self) -> serde_json::Value {
        serde_json::from_slice(&self.get("/__twinsite/status").body).unwrap()
    }

    fn files(&self) -> Vec<String> {
        self.get("/__twinsite/files")
            .text()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    fn wait_until(&self, what: &str, ok: impl Fn(&Self) -> bool) {
        let start = Instant::now();
        while !ok(self) {
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {what}; server log:\n{}",
                self.log.lock().unwrap()
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Waits until a build newer than `after` finished and no other followed for a while.
    fn settle(&self, after: u64) -> serde_json::Value {
        self.wait_until("a rebuild", |s| {
            s.status()["build"].as_u64().unwrap() > after
        });
        let mut last = self.status();
        loop {
            std::thread::sleep(Duration::from_millis(400));
            let now = self.status();
            if now["build"] == last["build"] {
                return now;
            }
            last = now;
        }
    }

    fn build_id(&self) -> u64 {
        self.status()["build"].as_u64().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn drain(mut r: impl BufRead + Send + 'static, log: Arc<Mutex<String>>) {
    std::thread::spawn(move || {
        let mut line = String::new();
        while r.read_line(&mut line).is_ok_and(|n| n > 0) {
            log.lock().unwrap().push_str(&line);
            line.clear();
        }
    });
}

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn parse(bytes: &[u8]) -> Self {
        let end = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap_or_else(|| panic!("no head in {:?}", String::from_utf8_lossy(bytes)));
        let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
        let mut lines = head.lines();
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        Self {
            status,
            headers,
            body: bytes[end + 4..].to_vec(),
        }
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// The body without the block `serve` injects into HTML.
fn strip(body: &[u8]) -> Vec<u8> {
    let s = String::from_utf8_lossy(body);
    match (s.find(BEGIN), s.find(END)) {
        (Some(b), Some(e)) => format!("{}{}", &s[..b], &s[e + END.len()..]).into_bytes(),
        _ => body.to_vec(),
    }
}

/// The `data-v` version the server put into a page.
fn version_of(html: &str) -> String {
    html.split("data-v=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

/// Reads Server-Sent Events from `/__twinsite/events`.
struct Events {
    stream: TcpStream,
    buf: String,
}

impl Events {
    fn open(server: &Server, path: &str, version: &str) -> Self {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        let req = format!(
            "GET /__twinsite/events?path={}&v={version} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
            path.replace('/', "%2F")
        );
        stream.write_all(req.as_bytes()).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let mut e = Self {
            stream,
            buf: String::new(),
        };
        let head = e.next(|_| true).unwrap();
        assert!(head.contains("Content-Type: text/event-stream"), "{head}");
        e
    }

    /// The next event (or the response head) for which `want` holds, within the deadline.
    fn next(&mut self, want: impl Fn(&str) -> bool) -> Option<String> {
        let start = Instant::now();
        loop {
            while let Some(i) = self.buf.find("\n\n") {
                let ev: String = self.buf.drain(..i + 2).collect();
                if want(&ev) {
                    return Some(ev);
                }
            }
            if start.elapsed() > DEADLINE {
                return None;
            }
            let mut chunk = [0u8; 4096];
            match self.stream.read(&mut chunk) {
                Ok(0) => return None,
                Ok(n) => self
                    .buf
                    .push_str(&String::from_utf8_lossy(&chunk[..n]).replace("\r\n", "\n")),
                Err(_) => {}
            }
        }
    }
}

fn fresh_build(root: &Path, url: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let o = Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .args([
            "build",
            "--root",
            root.to_str().unwrap(),
            "--output",
            out.to_str().unwrap(),
            "--now",
            NOW,
            "--base-url",
            url,
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    (dir, out)
}

/// Differences between what is served and a fresh build of the files on disk.
fn differences(server: &Server, root: &Path) -> Vec<String> {
    let (_t, out) = fresh_build(root, &server.url);
    // serve previews the search page without its index (tests/search.rs).
    let expected: Vec<String> = files(&out)
        .into_iter()
        .filter(|f| !f.starts_with('.') && !f.starts_with("pagefind/"))
        .collect();
    let served = server.files();
    let mut diffs = Vec::new();
    if served != expected {
        diffs.push(format!(
            "file lists differ:\nserved {served:?}\nfresh  {expected:?}"
        ));
    }
    for key in &expected {
        let r = server.get(&format!("/partner/{}", key.replace(' ', "%20")));
        let want = std::fs::read(out.join(key)).unwrap();
        if r.status != 200 || strip(&r.body) != want {
            diffs.push(format!(
                "{key}: status {}, {} bytes served, {} expected",
                r.status,
                r.body.len(),
                want.len()
            ));
        }
    }
    diffs
}

#[test]
fn serves_pages_with_content_types_404_and_base_path() {
    let (_t, root) = temp_site("mini");
    let s = Server::start(&root);
    assert!(
        s.url.starts_with("http://127.0.0.1:") && s.url.ends_with("/partner/"),
        "{}",
        s.url
    );
    let home = s.get("/partner/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        home.text()
            .contains(&format!("{BEGIN}<script src=\"/__twinsite/reload.js\""))
    );
    assert!(
        home.text().contains(&s.url),
        "links point at the local server"
    );
    assert_eq!(s.get("/partner/cities/lyon/").status, 200);
    let r = s.get("/partner/cities/lyon");
    assert_eq!(
        (r.status, r.header("location")),
        (302, Some("/partner/cities/lyon/"))
    );
    let r = s.get("/");
    assert_eq!((r.status, r.header("location")), (302, Some("/partner/")));
    let files = s.files();
    for (ext, ctype) in [
        (".css", "text/css; charset=utf-8"),
        (".geojson", "application/geo+json; charset=utf-8"),
        (".ics", "text/calendar; charset=utf-8"),
        (".json", "application/json; charset=utf-8"),
        (".xml", "application/xml; charset=utf-8"),
    ] {
        let key = files
            .iter()
            .find(|f| f.ends_with(ext))
            .unwrap_or_else(|| panic!("no {ext} in {files:?}"));
        let r = s.get(&format!("/partner/{key}"));
        assert_eq!(
            (r.status, r.header("content-type")),
            (200, Some(ctype)),
            "{key}"
        );
        assert!(
            !r.text().contains(BEGIN),
            "{key}: script injected outside HTML"
        );
    }
    let missing = s.get("/partner/gibt-es-nicht/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        strip(&missing.body),
        strip(&s.get("/partner/404.html").body)
    );
    assert_eq!(s.get("/elsewhere/").status, 404);
    let head = s.raw(b"HEAD /partner/ HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    let post = s.raw(b"POST /partner/ HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
    assert_eq!(
        (post.status, post.header("allow")),
        (405, Some("GET, HEAD"))
    );
    let css = files.iter().find(|f| f.ends_with(".css")).unwrap();
    let etag = s
        .get(&format!("/partner/{css}"))
        .header("etag")
        .unwrap()
        .to_owned();
    let again = s.raw(
        format!("GET /partner/{css} HTTP/1.1\r\nHost: localhost\r\nIf-None-Match: {etag}\r\n\r\n")
            .as_bytes(),
    );
    assert_eq!(again.status, 304);
    assert_eq!(
        s.raw(b"GET /partner/ HTTP/1.1\r\nHost: evil.example\r\n\r\n")
            .status,
        400,
        "DNS rebinding guard"
    );
    assert_eq!(s.raw(b"nonsense\r\n\r\n").status, 400);
}

#[test]
fn refuses_path_traversal() {
    let (_t, root) = temp_site("mini");
    let s = Server::start(&root);
    for target in [
        "/../site.yaml",
        "/partner/../site.yaml",
        "/%2e%2e/site.yaml",
        "/partner/%2e%2e/%2e%2e/etc/passwd",
        "/partner/%2E%2E/site.yaml",
        "//etc/passwd",
        "/partner/..\\..\\site.yaml",
        "/partner/%5c..%5csite.yaml",
        "/partner/content/cities/lyon.md",
        "/site.yaml",
        "/partner/site.yaml%00.html",
        "/etc/passwd",
        "C:\\Windows\\win.ini",
    ] {
        let r = s.raw(format!("GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").as_bytes());
        assert!(r.status == 400 || r.status == 404, "{target}: {}", r.status);
        let body = r.text();
        assert!(
            !body.contains("base_url:")
                && !body.contains("root:x:0:0")
                && !body.contains("country: Frankreich"),
            "{target} leaked a file"
        );
    }
}

#[test]
fn reload_script_is_injected_only_when_serving() {
    let (_t, root) = temp_site("mini");
    let s = Server::start(&root);
    assert!(
        s.get("/partner/cities/lyon/")
            .text()
            .contains("/__twinsite/reload.js")
    );
    let js = s.get("/__twinsite/reload.js");
    assert_eq!(
        (js.status, js.header("content-type")),
        (200, Some("text/javascript; charset=utf-8"))
    );
    assert!(js.text().contains("EventSource"));
    let (_b, out) = fresh_build(&root, &s.url);
    for f in files(&out) {
        let bytes = std::fs::read(out.join(&f)).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains("__twinsite"),
            "{f} has serve-only code"
        );
    }
}

#[test]
fn an_edit_changes_the_page_and_reloads_it() {
    let (_t, root) = temp_site("mini");
    let s = Server::start(&root);
    let page = s.get("/partner/cities/lyon/").text();
    let other = s.get("/partner/associations/freundeskreis/").text();
    let mut events = Events::open(&s, "/partner/cities/lyon/", &version_of(&page));
    let mut calm = Events::open(
        &s,
        "/partner/impressum/",
        &version_of(&s.get("/partner/impressum/").text()),
    );
    let first = events.next(|e| e.contains("data:")).unwrap();
    assert!(
        first.contains("event: build") && first.contains("\"build\":1"),
        "{first}"
    );
    let lyon = root.join("content/cities/lyon.md");
    let text = std::fs::read_to_string(&lyon).unwrap().replace(
        "unsere älteste Partnerstadt",
        "unsere GEÄNDERTE Partnerstadt",
    );
    std::fs::write(&lyon, text).unwrap();
    let ev = events
        .next(|e| e.contains("event: reload"))
        .expect("no reload event");
    assert!(ev.contains("\"build\":2"), "{ev}");
    assert!(s.get("/partner/cities/lyon/").text().contains("GEÄNDERTE"));
    assert_eq!(
        strip(other.as_bytes()),
        strip(&s.get("/partner/associations/freundeskreis/").body)
    );
    let ev = calm.next(|e| e.contains("\"build\":2")).unwrap();
    assert!(
        ev.contains("event: build"),
        "an unchanged page must not reload: {ev}"
    );
    s.wait_until("the rebuild line", |s| {
        s.log.lock().unwrap().contains("Rebuilt in")
    });
}

#[test]
fn added_renamed_and_deleted_files() {
    let (_t, root) = temp_site("mini");
    let s = Server::start(&root);
    assert_eq!(s.get("/partner/events/sommerfest/").status, 404);
    let b = s.build_id();
    std::fs::write(
        root.join("content/events/sommerfest.md"),
        "---\ntitle: Sommerfest\ndate: 2027-06-01\ncities: [krakow]\n---\nFest.\n",
    )
    .unwrap();
    s.settle(b);
    assert!(
        s.get("/partner/events/sommerfest/")
            .text()
            .contains("Sommerfest")
    );
    let b = s.build_id();
    std::fs::rename(
        root.join("content/news/bericht.md"),
        root.join("content/news/reisebericht.md"),
    )
    .unwrap();
    s.settle(b);
    assert_eq!(s.get("/partner/news/bericht/").status, 404);
    assert_eq!(s.get("/partner/news/reisebericht/").status, 200);
    let b = s.build_id();
    std::fs::remove_file(root.join("content/events/sommerfest.md")).unwrap();
    s.settle(b);
    assert_eq!(s.get("/partner/events/sommerfest/").status, 404);
    assert!(differences(&s, &root).is_empty());
}

#[test]
fn broken_content_shows_an_overlay_and_keeps_the_last_good_pages() {
    let (_t, root) = temp_site("mini");
    let s = Server::start(&root);
    let good = strip(&s.get("/partner/cities/lyon/").body);
    let lyon = std::fs::read(root.join("content/cities/lyon.md")).unwrap();
    let b = s.build_id();
    std::fs::remove_file(root.join("content/cities/lyon.md")).unwrap();
    let status = s.settle(b);
    assert_eq!(status["ok"], false, "{status}");
    let home = s.get("/partner/").text();
    assert!(home.contains("id=\"twinsite-overlay\""), "{home}");
    assert!(home.contains("content/events/brunch.md:6:"), "{home}");
    assert!(
        home.contains("unknown city &quot;lyon&quot;"),
        "overlay text must be escaped: {home}"
    );
    let last_good = s.get("/partner/cities/lyon/");
    assert_eq!((last_good.status, strip(&last_good.body)), (200, good));
    assert!(
        s.log
            .lock()
            .unwrap()
            .contains("content/events/brunch.md:6:")
    );
    let b = s.build_id();
    std::fs::write(root.join("content/cities/lyon.md"), lyon).unwrap();
    assert_eq!(s.settle(b)["ok"], true);
    assert!(!s.get("/partner/").text().contains("twinsite-overlay"));
}

#[test]
fn a_silent_client_does_not_block_others() {
    let (_t, root) = temp_site("mini");
    let s = Server::start(&root);
    let _silent = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    let mut half = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    half.write_all(b"GET /partner/ HTTP/1.1\r\nHo").unwrap();
    let start = Instant::now();
    assert_eq!(s.get("/partner/").status, 200);
    assert!(start.elapsed() < Duration::from_secs(5));
    let huge = format!(
        "GET /partner/ HTTP/1.1\r\nX: {}\r\n\r\n",
        "a".repeat(40_000)
    );
    let mut big = TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    let _ = big.write_all(huge.as_bytes());
    let mut reply = String::new();
    let _ = big.read_to_string(&mut reply);
    assert!(
        reply.is_empty() || reply.starts_with("HTTP/1.1 431"),
        "{reply}"
    );
}

#[test]
fn fifty_concurrent_requests_all_succeed() {
    let (_t, root) = temp_site("mini");
    let s = Arc::new(Server::start(&root));
    let paths = [
        "/partner/",
        "/partner/cities/lyon/",
        "/partner/events/",
        "/partner/map/",
        "/partner/atom.xml",
    ];
    let handles: Vec<_> = (0..50)
        .map(|i| {
            let s = Arc::clone(&s);
            let path = paths[i % paths.len()];
            std::thread::spawn(move || s.get(path).status)
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 200);
    }
}

/// A tiny deterministic PRNG (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Applies one random edit; returns what it did (for the failure message).
fn random_edit(
    rng: &mut Rng,
    root: &Path,
    n: usize,
    broken: &mut Option<(PathBuf, Vec<u8>)>,
) -> String {
    let content = root.join("content");
    let md: Vec<PathBuf> = files(&content)
        .into_iter()
        .map(|f| content.join(f))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    let pick = md[rng.below(md.len())].clone();
    if let Some((path, original)) = broken.take() {
        std::fs::write(&path, original).unwrap();
        return format!("fix {}", path.display());
    }
    match rng.below(6) {
        0 => {
            let mut t = std::fs::read_to_string(&pick).unwrap();
            t.push_str(&format!("\nNeuer Absatz {n}.\n"));
            std::fs::write(&pick, t).unwrap();
            format!("append to {}", pick.display())
        }
        1 => {
            let t = std::fs::read_to_string(&pick).unwrap();
            let t: Vec<String> = t
                .lines()
                .map(|l| {
                    if l.starts_with("title:") {
                        format!("title: Titel {n}")
                    } else {
                        l.to_owned()
                    }
                })
                .collect();
            std::fs::write(&pick, t.join("\n") + "\n").unwrap();
            format!("retitle {}", pick.display())
        }
        2 => {
            let p = content.join(format!("events/neu-{n}.md"));
            std::fs::write(
                &p,
                format!(
                    "---\ntitle: Neu {n}\ndate: 2027-0{}-1{}\ncities: [lyon]\n---\nText {n}.\n",
                    1 + n % 9,
                    n % 10
                ),
            )
            .unwrap();
            format!("add {}", p.display())
        }
        3 => {
            let added: Vec<&PathBuf> = md
                .iter()
                .filter(|p| p.to_string_lossy().contains("/events/neu-"))
                .collect();
            match added.get(rng.below(added.len().max(1))) {
                Some(p) => {
                    std::fs::remove_file(p).unwrap();
                    format!("delete {}", p.display())
                }
                None => "nothing to delete".into(),
            }
        }
        4 => {
            let news: Vec<&PathBuf> = md
                .iter()
                .filter(|p| p.to_string_lossy().contains("/news/"))
                .collect();
            let from = news[rng.below(news.len())];
            let to = content.join(format!("news/bericht-{n}.md"));
            std::fs::rename(from, &to).unwrap();
            format!("rename {} -> {}", from.display(), to.display())
        }
        _ => {
            let original = std::fs::read(&pick).unwrap();
            std::fs::write(&pick, "---\ntitle: [kaputt\ndate: 2026-01-01\n---\nx\n").unwrap();
            *broken = Some((pick.clone(), original));
            format!("break {}", pick.display())
        }
    }
}

#[test]
fn after_random_edits_the_server_serves_exactly_a_fresh_build() {
    let (_t, root) = temp_site("mini");
    let s = Server::start(&root);
    for seed in [0x9E37_79B9_7F4A_7C15_u64, 42, 7_777_777] {
        let mut rng = Rng(seed);
        let mut broken = None;
        let mut log = Vec::new();
        let before = s.build_id();
        let edits = 8 + rng.below(8);
        for n in 0..edits {
            log.push(random_edit(&mut rng, &root, n, &mut broken));
            // Some edits land in the same burst, some in the middle of a rebuild.
            std::thread::sleep(Duration::from_millis([0, 5, 30, 80, 150][rng.below(5)]));
        }
        if broken.is_some() {
            log.push(random_edit(&mut rng, &root, edits, &mut broken));
        }
        let status = s.settle(before);
        let start = Instant::now();
        loop {
            let diffs = differences(&s, &root);
            if diffs.is_empty() && s.status()["ok"] == true {
                break;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "seed {seed}: served site differs from a fresh build after {log:#?}\nstatus {status}\n{}",
                diffs.join("\n")
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

/// A 12-megapixel JPEG of noise (slow to process, as a real phone photo is).
fn big_photo(seed: u32) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761) | 1;
    let img = image::RgbImage::from_fn(4000, 3000, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        image::Rgb([(x / 16) as u8, (y / 12) as u8, (state & 0xFF) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

#[test]
fn photo_work_never_holds_up_a_page() {
    let (_t, root) = temp_site("mini");
    let bundle = root.join("content/events/fotos");
    std::fs::create_dir_all(&bundle).unwrap();
    let n = 3;
    let mut gallery = String::new();
    for i in 0..n {
        std::fs::write(bundle.join(format!("foto-{i}.jpg")), big_photo(i + 1)).unwrap();
        gallery += &format!("  - {{ src: foto-{i}.jpg, alt: Bild {i} }}\n");
    }
    let page = |text: &str| {
        format!(
            "---\ntitle: Fotos\ndate: 2026-12-01\nlocation: {{ name: Rathaus }}\ngallery:\n{gallery}---\n{text}\n"
        )
    };
    std::fs::write(bundle.join("index.md"), page("Erster Text.")).unwrap();
    let s = Server::start(&root);
    let html = s.get("/partner/events/fotos/").text();
    let made = || {
        std::fs::read_dir(root.join(".twinsite-cache/images"))
            .map(|d| d.count())
            .unwrap_or(0)
    };
    // The page is there while the photos' sizes are still being made.
    assert!(
        made() < n as usize,
        "the first build waited for every photo"
    );
    assert!(html.contains("Erster Text."), "{html}");
    let size = html
        .split("srcset=\"")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or_else(|| panic!("no srcset in {html}"))
        .to_owned();
    assert!(size.starts_with("/partner/_img/foto-0-"), "{size}");
    // An edit is served while the rest are still made.
    std::fs::write(bundle.join("index.md"), page("Zweiter Text.")).unwrap();
    s.wait_until("the edited page", |s| {
        s.get("/partner/events/fotos/")
            .text()
            .contains("Zweiter Text.")
    });
    // A request for a size waits until it is made, and gets it.
    let r = s.get(&size);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.header("content-type"), Some("image/webp"));
    assert!(r.body.starts_with(b"RIFF"));
}
