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

#[path = "support/synth.rs"]
mod synth;

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

/// The shared synthetic site (see `synth.rs`) with 10,000 pages.
fn generate(root: &Path) {
    synth::generate(root, 10_000).unwrap();
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
    let page = format!("{}events/ereignis-4242/", server.path);
    let file = std::fs::read_dir(root.join("content/events"))
        .unwrap()
        .map(|d| d.unwrap().path().join("ereignis-4242.md"))
        .find(|p| p.is_file())
        .unwrap();
    let times = measure(&server, &file, &page);
    report("10,000-page site", startup, &times);
}

fn main() {
    // `cargo bench` passes `--bench`; under `cargo test --all-targets` only the demo site is
    // measured, as a smoke test of the harness.
    let bench = std::env::args().any(|a| a == "--bench");
    println!("twinsite serve: edit-to-reload latency");
    demo();
    if bench && std::env::var_os("SERVE_BENCH_SKIP_LARGE").is_none() {
        large();
    }
}
