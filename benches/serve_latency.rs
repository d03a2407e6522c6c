//! Edit-to-reload latency of `twinsite serve` (release build): write a change to a content
//! file and time until the page's event stream says `reload`. Median of several edits, on the
//! demo site (the repository root) and on a generated site with 10,000 pages.
//!
//! Run with `cargo bench --bench serve_latency`; set `SERVE_BENCH_SKIP_LARGE=1` to skip the
//! large site.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout,
    missing_docs
)]

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const EDITS: usize = 10;

struct Server {
    child: Child,
    port: u16,
    path: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(root: &Path) -> (Server, Duration) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .args(["serve", "--root", root.to_str().unwrap(), "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let url = line
        .trim()
        .strip_prefix("Serving http://")
        .unwrap()
        .to_owned();
    let (host, path) = url.split_once('/').unwrap();
    let port = host.rsplit(':').next().unwrap().parse().unwrap();
    line.clear();
    out.read_line(&mut line).unwrap(); // "Built N files in X ms."
    println!("  {}", line.trim());
    std::thread::spawn(move || {
        let mut sink = String::new();
        while out.read_line(&mut sink).is_ok_and(|n| n > 0) {
            sink.clear();
        }
    });
    (
        Server {
            child,
            port,
            path: format!("/{path}"),
        },
        started.elapsed(),
    )
}

fn get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
    let mut body = String::new();
    s.read_to_string(&mut body).unwrap();
    body
}

/// Opens the event stream for `page` and waits for its first event.
fn subscribe(server: &Server, page: &str) -> TcpStream {
    let html = get(server.port, page);
    let v = html
        .split("data-v=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        s,
        "GET /__twinsite/events?path={}&v={v} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        page.replace('/', "%2F")
    )
    .unwrap();
    wait_for(&mut s, "event: build");
    s
}

fn wait_for(s: &mut TcpStream, what: &str) {
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 4096];
    while !seen.contains(what) {
        let n = s.read(&mut buf).unwrap();
        assert!(n > 0, "stream closed before {what:?}: {seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
}

/// Edits `file` `EDITS` times and returns the sorted edit-to-reload latencies.
fn measure(server: &Server, file: &Path, page: &str) -> Vec<Duration> {
    let original = std::fs::read_to_string(file).unwrap();
    let mut times = Vec::new();
    for i in 0..EDITS {
        let mut stream = subscribe(server, page);
        std::thread::sleep(Duration::from_millis(300)); // let the watcher forget the last edit
        let t = Instant::now();
        std::fs::write(file, format!("{original}\nÄnderung Nummer {i}.\n")).unwrap();
        wait_for(&mut stream, "event: reload");
        times.push(t.elapsed());
    }
    times.sort();
    times
}

fn report(name: &str, startup: Duration, times: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: first build + start {:.0} ms; edit-to-reload over {} edits: median {:.0} ms, min {:.0} ms, max {:.0} ms",
        ms(startup),
        times.len(),
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
}

fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let to = dst.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to);
        } else if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
}

fn demo() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::copy(repo.join("site.yaml"), root.join("site.yaml")).unwrap();
    for d in ["content", "static", "templates", "themes"] {
        if repo.join(d).is_dir() {
            copy_dir(&repo.join(d), &root.join(d));
        }
    }
    let (server, startup) = start(&root);
    let page = format!("{}cities/krakau/", server.path);
    let times = measure(&server, &root.join("content/cities/krakau.md"), &page);
    report("demo site", startup, &times);
}

/// A deterministic site: 1,000 cities, 2,000 associations, 7,000 events with 400-word bodies.
fn generate(root: &Path) {
    let words = [
        "Partnerschaft",
        "Begegnung",
        "Austausch",
        "Verein",
        "Jugend",
        "Schule",
        "Musik",
        "Sport",
        "Freundschaft",
        "Europa",
        "Besuch",
        "Kultur",
    ];
    let mut seed = 0x2545_F491_4F6C_DD1D_u64;
    let mut rnd = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let body = |rnd: &mut dyn FnMut(usize) -> usize| {
        let mut b = String::new();
        for w in 0..400 {
            b.push_str(words[rnd(words.len())]);
            b.push(if w % 80 == 79 { '\n' } else { ' ' });
            if w % 80 == 79 {
                b.push('\n');
            }
        }
        b
    };
    let c = root.join("content");
    for d in ["cities", "associations", "events"] {
        std::fs::create_dir_all(c.join(d)).unwrap();
    }
    std::fs::write(
        root.join("site.yaml"),
        "title: Großstadt\nbase_url: https://example.org/\nlanguage: de\ntimezone: Europe/Berlin\nhome: { name: Großstadt, lat: 50.1, lon: 8.7 }\n",
    )
    .unwrap();
    for i in 0..1000 {
        let (lat, lon) = (-60.0 + (i % 120) as f64, -170.0 + (i * 7 % 340) as f64);
        let text = format!(
            "---\ntitle: Stadt {i}\ncountry: Land {}\nsince: {}\nlat: {lat}\nlon: {lon}\n---\n{}",
            i % 50,
            1950 + i % 70,
            body(&mut rnd)
        );
        std::fs::write(c.join(format!("cities/stadt-{i}.md")), text).unwrap();
    }
    for i in 0..2000 {
        let text = format!(
            "---\ntitle: Verein {i}\ncities: [stadt-{}, stadt-{}]\n---\n{}",
            i % 1000,
            (i * 3 + 1) % 1000,
            body(&mut rnd)
        );
        std::fs::write(c.join(format!("associations/verein-{i}.md")), text).unwrap();
    }
    for i in 0..7000 {
        let mut text = String::new();
        let (y, m, d) = (2020 + i % 10, 1 + i % 12, 1 + i % 28);
        write!(text, "---\ntitle: Termin {i}\ndate: {y}-{m:02}-{d:02}\ncities: [stadt-{}]\norganizers: [verein-{}]\n---\n", i % 1000, i % 2000).unwrap();
        text.push_str(&body(&mut rnd));
        std::fs::write(c.join(format!("events/termin-{i}.md")), text).unwrap();
    }
}

fn large() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("site");
    let t = Instant::now();
    generate(&root);
    println!(
        "  generated 10,000 content files in {} ms",
        t.elapsed().as_millis()
    );
    let (server, startup) = start(&root);
    let page = format!("{}events/termin-4242/", server.path);
    let times = measure(&server, &root.join("content/events/termin-4242.md"), &page);
    report("10,000-page site", startup, &times);
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not supported.
    println!("twinsite serve: edit-to-reload latency (release build)");
    demo();
    if std::env::var_os("SERVE_BENCH_SKIP_LARGE").is_none() {
        large();
    }
}
