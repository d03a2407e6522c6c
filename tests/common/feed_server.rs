//! A loopback HTTP server for the network tests: 127.0.0.1 only, one thread per connection,
//! answers chosen by path, a log of the requests it saw, and answers held back until the
//! test releases them.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

/// What the server answers for a path.
#[derive(Clone)]
pub(crate) enum Answer {
    /// 200 with this body, ETag `"<etag>"`, and 304 to a request naming that ETag.
    Body { body: Vec<u8>, etag: String },
    /// 200 with this body and `Last-Modified: <last_modified>` (no ETag), and 304 to a
    /// request whose If-Modified-Since is that date (compared as text, as most servers do).
    Dated {
        body: Vec<u8>,
        last_modified: String,
    },
    /// This answer once [`FeedServer::release`] was called (at most a minute later).
    Held(Box<Answer>),
    /// This status and an empty body.
    Status(u16),
    /// Accepts and never answers.
    Silent,
    /// A 200 whose body goes on and on (`n` bytes in all), with no Content-Length.
    Endless(usize),
    /// A redirect to this path.
    Redirect(String),
}

/// One request as the server saw it: path and headers (names in lower case).
#[derive(Clone, Debug)]
pub(crate) struct Seen {
    pub(crate) path: String,
    pub(crate) headers: HashMap<String, String>,
    pub(crate) status: u16,
}

pub(crate) struct FeedServer {
    pub(crate) base: String,
    pub(crate) answers: Arc<Mutex<HashMap<String, Answer>>>,
    pub(crate) seen: Arc<Mutex<Vec<Seen>>>,
    pub(crate) held: Arc<Held>,
}

/// The requests whose answer is held back, and whether the test released them.
#[derive(Default)]
pub(crate) struct Held {
    /// The paths of the held requests begun (answered or not).
    begun: Mutex<Vec<String>>,
    released: Mutex<bool>,
    release: Condvar,
}

impl Held {
    /// Notes a request for `path` and waits until the test releases held answers.
    fn wait(&self, path: &str) {
        self.begun.lock().unwrap().push(path.to_owned());
        let released = self.released.lock().unwrap();
        let _ = self
            .release
            .wait_timeout_while(released, Duration::from_secs(60), |r| !*r)
            .unwrap();
    }
}

impl FeedServer {
    pub(crate) fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let answers: Arc<Mutex<HashMap<String, Answer>>> = Arc::default();
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let held: Arc<Held> = Arc::default();
        let (a, s, w) = (answers.clone(), seen.clone(), held.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (a, s, w) = (a.clone(), s.clone(), w.clone());
                std::thread::spawn(move || handle(stream, &a, &s, &w));
            }
        });
        Self {
            base,
            answers,
            seen,
            held,
        }
    }

    pub(crate) fn set(&self, path: &str, answer: Answer) -> String {
        self.answers.lock().unwrap().insert(path.into(), answer);
        format!("{}{path}", self.base)
    }

    pub(crate) fn seen(&self, path: &str) -> Vec<Seen> {
        let seen = self.seen.lock().unwrap();
        seen.iter().filter(|s| s.path == path).cloned().collect()
    }

    /// How many requests for `path` whose answer is held back have begun.
    pub(crate) fn held_begun(&self, path: &str) -> usize {
        let begun = self.held.begun.lock().unwrap();
        begun.iter().filter(|p| *p == path).count()
    }

    /// Lets every held answer go, now and from now on.
    pub(crate) fn release(&self) {
        *self.held.released.lock().unwrap() = true;
        self.held.release.notify_all();
    }
}

fn handle(
    stream: TcpStream,
    answers: &Mutex<HashMap<String, Answer>>,
    seen: &Mutex<Vec<Seen>>,
    held: &Held,
) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).unwrap_or(0) == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_lowercase(), v.trim().to_owned());
        }
    }
    let mut answer = answers.lock().unwrap().get(&path).cloned();
    while let Some(Answer::Held(then)) = answer {
        held.wait(&path);
        answer = Some(*then);
    }
    let mut out = stream;
    let status = match answer {
        None => respond(&mut out, 404, &[], b""),
        Some(Answer::Status(code)) => respond(&mut out, code, &[], b""),
        Some(Answer::Body { body, etag }) => {
            let tag = format!("\"{etag}\"");
            if headers.get("if-none-match") == Some(&tag) {
                respond(&mut out, 304, &[("ETag", &tag)], b"")
            } else {
                respond(&mut out, 200, &[("ETag", &tag)], &body)
            }
        }
        Some(Answer::Dated {
            body,
            last_modified,
        }) => {
            let dated = [("Last-Modified", last_modified.as_str())];
            if headers.get("if-modified-since") == Some(&last_modified) {
                respond(&mut out, 304, &dated, b"")
            } else {
                respond(&mut out, 200, &dated, &body)
            }
        }
        Some(Answer::Held(_)) => unreachable!("waited for above"),
        Some(Answer::Redirect(to)) => respond(&mut out, 302, &[("Location", &to)], b""),
        Some(Answer::Silent) => {
            std::thread::sleep(Duration::from_secs(20));
            0
        }
        Some(Answer::Endless(n)) => {
            let _ = out.write_all(b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            let chunk = vec![b'x'; 64 * 1024];
            let mut sent = 0;
            while sent < n && out.write_all(&chunk).is_ok() {
                sent += chunk.len();
            }
            200
        }
    };
    seen.lock().unwrap().push(Seen {
        path,
        headers,
        status,
    });
}

fn respond(out: &mut TcpStream, code: u16, headers: &[(&str, &str)], body: &[u8]) -> u16 {
    let mut head = format!(
        "HTTP/1.1 {code} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = out.write_all(head.as_bytes());
    let _ = out.write_all(body);
    code
}
