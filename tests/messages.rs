//! What a volunteer reads when something is wrong, through the real binary: every problem at
//! its file, line and column, in plain words (never serde's), all of a run together; nothing
//! from a file can reach the terminal as a control sequence; and `serve` answers only requests
//! that name their host once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// What one run of the binary printed.
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

impl Run {
    fn err(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    fn out(&self) -> String {
        String::from_utf8_lossy(&self.stdout).into_owned()
    }

    /// Asserts a line of stderr starts with `location: error: message`.
    fn has_error(&self, location: &str, message: &str) {
        let want = format!("{location}: error: {message}");
        assert!(
            self.err().lines().any(|l| l == want),
            "no line {want:?} in:\n{}",
            self.err()
        );
    }
}

fn twinsite(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: out.stderr,
    }
}

/// A copy of the mini site with `files` (path, text) written over it.
fn site_with(files: &[(&str, &str)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, root) = temp_site("mini");
    for (rel, text) in files {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    (dir, root)
}

fn check(root: &Path) -> Run {
    twinsite(&["check", "--root", root.to_str().unwrap()])
}

fn build(root: &Path, extra: &[&str]) -> Run {
    let out = root.parent().unwrap().join("public");
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--now",
        NOW,
    ];
    args.extend_from_slice(extra);
    twinsite(&args)
}

const CITY: &str = "content/cities/lyon.md";
const EVENT: &str = "content/events/brunch.md";

// ---------------------------------------------------------------- the terminal

#[test]
fn control_characters_from_files_are_escaped_in_every_message() {
    let (_t, root) = site_with(&[
        (
            CITY,
            "---\ntitle: \"Lyon\\e]0;pwned\\a\"\ncountry: Frankreich\nslug: \"\\e[2J\"\nsince: 1963\nlat: 45.7\nlon: 4.8\nkind: \"\\e[31mrot\\u202e\"\n---\n",
        ),
        ("content/\u{1b}[2Jseite.md", "---\ntitle: Seite\n---\n"),
        ("content/\u{9b}31mseite2.md", "---\ntitle: Seite\n---\n"),
    ]);
    let run = check(&root);
    assert_eq!(run.code, 1, "{}", run.err());
    for (name, bytes) in [("stderr", &run.stderr), ("stdout", &run.stdout)] {
        let text = String::from_utf8_lossy(bytes);
        assert!(!bytes.contains(&0x1b), "raw ESC on {name}:\n{text}");
        assert!(!text.contains('\u{9b}'), "raw CSI on {name}:\n{text}");
        assert!(
            !text.contains('\u{202e}'),
            "raw bidi override on {name}:\n{text}"
        );
    }
    run.has_error(
        "content/cities/lyon.md:4:7",
        "the slug \"\\u{1b}[2J\" may only contain a-z, 0-9 and -",
    );
    run.has_error(
        "content/cities/lyon.md:8:7",
        "`kind` cannot be \"\\u{1b}[31mrot\\u{202e}\"",
    );
    run.has_error(
        "content/\\u{1b}[2Jseite.md",
        "the file name \"\\u{1b}[2Jseite\" cannot be used in a web address: only a-z, 0-9 and - are allowed",
    );
    assert!(
        run.err().contains("content/\\u{9b}31mseite2.md"),
        "{}",
        run.err()
    );
}

#[test]
fn summary_lines_and_paths_on_stdout_are_escaped() {
    let (t, root) = site_with(&[]);
    let out = t.path().join("out\u{1b}[2J\u{7}");
    let run = twinsite(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--now",
        NOW,
    ]);
    assert_eq!(run.code, 0, "{}", run.err());
    assert!(
        !run.stdout.contains(&0x1b) && !run.stdout.contains(&0x07),
        "{}",
        run.out()
    );
    assert!(run.out().contains("out\\u{1b}[2J\\u{7}"), "{}", run.out());
    assert!(out.join("index.html").is_file());
}

#[test]
fn serving_line_is_escaped() {
    let (_t, root) = site_with(&[(
        "site.yaml",
        "title: T\nbase_url: \"https://example.org/p\\e[2J/\"\nhome: { name: B, lat: 50.1, lon: 8.7 }\nimprint: impressum\nprivacy: datenschutz\n",
    )]);
    let server = Server::start(&root);
    assert!(
        !server.first_line.contains('\u{1b}'),
        "{:?}",
        server.first_line
    );
    assert!(
        server.first_line.ends_with("/p\\u{1b}[2J/"),
        "{:?}",
        server.first_line
    );
}

// ---------------------------------------------------------------- site.yaml menus

#[test]
fn menu_links_that_run_code_are_refused_with_their_line() {
    let (_t, root) = site_with(&[(
        "site.yaml",
        "title: T\nbase_url: https://example.org/\nhome: { name: B, lat: 50.1, lon: 8.7 }\nimprint: impressum\nprivacy: datenschutz\nlanguages: [de, fr]\nmenu:\n  - { title: Städte, url: /cities/ }\n  - { title: Böse, url: \"javascript:alert(1)\" }\ntranslations:\n  fr:\n    menu:\n      - { title: Villes, url: /fr/cities/ }\n      - { title: Image, url: \"data:text/html,<script>alert(1)</script>\" }\n",
    )]);
    let run = check(&root);
    assert_eq!(run.code, 1, "{}", run.err());
    run.has_error(
        "site.yaml:9:26",
        "the menu entry \"Böse\" links to \"javascript:alert(1)\", which is not a web address",
    );
    run.has_error(
        "site.yaml:14:31",
        "the menu entry \"Image\" links to \"data:text/html,<script>alert(1)</script>\", which is not a web address",
    );
}

// ---------------------------------------------------------------- YAML positions

#[test]
fn an_alias_bomb_is_refused_at_its_line_without_using_much_memory() {
    let mut fm = String::from("---\ntitle: Bombe\na: &a [x,x,x,x,x,x,x,x,x,x]\n");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        let items = vec![format!("*{prev}"); 10].join(",");
        fm.push_str(&format!("{name}: &{name} [{items}]\n"));
    }
    fm.push_str("---\n");
    // One anchor of 1,000 entries repeated 5,000 times: 5 million values from 27 KB, within
    // serde_yaml's own limit on repetitions (without the guard the file loads, with warnings).
    let wide = format!(
        "---\ntitle: Breit\nbig: &big [{}]\nall: [{}]\n---\n",
        vec!["x"; 1_000].join(","),
        vec!["*big"; 5_000].join(",")
    );
    let (_t, root) = site_with(&[("content/bombe.md", &fm), ("content/breit.md", &wide)]);
    let started = Instant::now();
    let run = check(&root);
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(run.code, 1, "{}", run.err());
    let msg = "YAML anchors and aliases (&name, *name) expand to too much data";
    run.has_error("content/bombe.md:7:4", msg);
    run.has_error("content/breit.md:4:6", msg);
}

#[test]
fn a_duplicate_key_points_at_its_second_occurrence() {
    let (_t, root) = site_with(&[
        (
            EVENT,
            "---\ntitle: Brunch\ndate: 2026-12-05\ncities: [lyon]\ntitle: Noch ein Titel\n---\n",
        ),
        (
            "content/events/fest.md",
            "---\ntitle: Fest\ndate: 2026-12-06\nlocation:\n  name: Saal\n  address: Markt 1\n  name: Halle\n---\n",
        ),
        (
            "content/events/markt.md",
            "---\ntitle: Markt\ndate: 2026-12-07\nlocation: { name: Saal, name: Halle }\n---\n",
        ),
    ]);
    let run = check(&root);
    run.has_error(
        "content/events/brunch.md:5:1",
        "the key `title` is given twice (the first time on line 2)",
    );
    run.has_error(
        "content/events/fest.md:7:3",
        "the key `name` is given twice (the first time on line 5)",
    );
    run.has_error(
        "content/events/markt.md:4:25",
        "the key `name` is given twice (the first time on line 4)",
    );
}

#[test]
fn a_tab_in_the_indentation_is_called_a_tab() {
    let (_t, root) = site_with(&[(
        EVENT,
        "---\ntitle: Brunch\ndate: 2026-12-05\nlocation:\n\tname: Saal\n---\n",
    )]);
    let run = check(&root);
    run.has_error(
        "content/events/brunch.md:5:1",
        "a tab character at line 5: YAML needs spaces for indentation",
    );
    let (_t, root) = site_with(&[(
        "site.yaml",
        "title: T\nbase_url: https://example.org/\nhome:\n  name: B\n  \tlat: 50.1\n",
    )]);
    check(&root).has_error(
        "site.yaml:5:3",
        "a tab character at line 5: YAML needs spaces for indentation",
    );
}

#[test]
fn a_number_too_large_is_named() {
    let (_t, root) = site_with(&[(
        CITY,
        "---\ntitle: Lyon\ncountry: Frankreich\nsince: 1963\nlat: 45.7\nlon: 4.8\npopulation: 99999999999999999999999\n---\n",
    )]);
    let run = check(&root);
    run.has_error(
        "content/cities/lyon.md:7:13",
        "the number 99999999999999999999999 is too large",
    );
    assert!(!run.err().contains("u128"), "{}", run.err());
}

// ---------------------------------------------------------------- every bad key, in plain words

const PROGRAMMER_WORDS: &[&str] = &[
    "expected u8",
    "u128",
    "i64",
    "invalid type",
    "invalid value",
    "struct",
    "variant",
    "serde",
    "usize",
    "f64",
    "sequence",
    "map,",
];

#[test]
fn every_bad_key_is_reported_in_plain_words() {
    let (_t, root) = site_with(&[
        (
            CITY,
            "---\ntitle: [Lyon, Lugdunum]\ncountry: 42\nsince: abc\nlat: \"north\"\nlon: 4.8\nkind: partnerschaft\npopulation: viele\nsdgs: [4, 300]\nwebsite: javascript:alert(1)\ncontacts: [{ name: Anna, role: [a] }]\nended: soon\n---\n",
        ),
        (
            EVENT,
            "---\ntitle: Brunch\ndate: tomorrow\ntime: 25:00\ncities: [lyonn]\nstatus: maybe\nregistration: \"data:text/html,x\"\nlocation: { name: Saal, lat: north }\nrepeat: { every: fortnight }\nweight: 1.5\ndraft: vielleicht\n---\n",
        ),
    ]);
    let run = check(&root);
    assert_eq!(run.code, 1);
    let err = run.err();
    for word in PROGRAMMER_WORDS {
        assert!(!err.contains(word), "{word:?} in:\n{err}");
    }
    for (location, message) in [
        (
            "content/cities/lyon.md:2:8",
            "`title` must be a text, not a list",
        ),
        (
            "content/cities/lyon.md:3:10",
            "`country` must be a name like Frankreich, not a number (42)",
        ),
        (
            "content/cities/lyon.md:4:8",
            "`since`: \"abc\" is not a date in the form YYYY-MM-DD",
        ),
        (
            "content/cities/lyon.md:5:6",
            "`lat` must be a number in decimal degrees like 45.764, not the text \"north\"",
        ),
        (
            "content/cities/lyon.md:7:7",
            "`kind` cannot be \"partnerschaft\"",
        ),
        (
            "content/cities/lyon.md:8:13",
            "`population` must be a whole number, like 522250, not the text \"viele\"",
        ),
        (
            "content/cities/lyon.md:9:7",
            "`sdgs` must be a list of goal numbers like [4, 11, 13]; one of its values is the number 300",
        ),
        (
            "content/cities/lyon.md:10:10",
            "`website` \"javascript:alert(1)\" is not a web address",
        ),
        (
            "content/cities/lyon.md:11:11",
            "`contacts` must be a list of `{ name, role, email, phone }` entries; one of its values is a list",
        ),
        (
            "content/cities/lyon.md:12:8",
            "`ended` must be a year like 2014, not the text \"soon\"",
        ),
        (
            "content/events/brunch.md:3:7",
            "`date`: \"tomorrow\" is not a date in the form YYYY-MM-DD",
        ),
        (
            "content/events/brunch.md:4:7",
            "`time`: 25:00 is not a real time of day",
        ),
        (
            "content/events/brunch.md:6:9",
            "`status` cannot be \"maybe\"",
        ),
        (
            "content/events/brunch.md:7:15",
            "`registration` \"data:text/html,x\" is not a web address",
        ),
        (
            "content/events/brunch.md:8:11",
            "`location` must be a group `{ name, address, lat, lon }`; one of its values is the text \"north\"",
        ),
        (
            "content/events/brunch.md:9:9",
            "`repeat` must be a group like `{ every: month, weekday: tue, nth: 2 }`: `every: fortnight` is not known: write `every: week`, `every: month` or `every: year`",
        ),
        (
            "content/events/brunch.md:10:9",
            "`weight` must be a whole number like 10, not the number 1.5",
        ),
        (
            "content/events/brunch.md:11:8",
            "`draft` must be `true` or `false`, not the text \"vielleicht\"",
        ),
    ] {
        run.has_error(location, message);
    }
}

#[test]
fn a_reference_to_a_draft_says_it_is_a_draft() {
    let lyon = std::fs::read_to_string(fixture("mini").join(CITY)).unwrap();
    let draft = lyon.replacen("title: Lyon\n", "title: Lyon\ndraft: true\n", 1);
    let (_t, root) = site_with(&[(CITY, &draft)]);
    let run = build(&root, &[]);
    assert_eq!(run.code, 1, "{}", run.err());
    run.has_error(
        "content/events/brunch.md:6:10",
        "lyon is a draft and is not published; remove `draft: true` from content/cities/lyon.md or build with --drafts",
    );
    run.has_error(
        "content/associations/freundeskreis.md:3:10",
        "lyon is a draft and is not published; remove `draft: true` from content/cities/lyon.md or build with --drafts",
    );
    assert!(!run.err().contains("unknown city"), "{}", run.err());
    let with_drafts = build(&root, &["--drafts"]);
    assert_eq!(with_drafts.code, 0, "{}", with_drafts.err());
}

// ---------------------------------------------------------------- collisions between files

#[test]
fn a_slug_collision_names_both_files_and_the_slug_line() {
    let (_t, root) = site_with(&[(
        "content/cities/lyon-neu.md",
        "---\ntitle: Lyon (neu)\nslug: lyon\ncountry: Frankreich\nsince: 1963\nlat: 45.7\nlon: 4.8\n---\n",
    )]);
    check(&root).has_error(
        "content/cities/lyon-neu.md:3:7",
        "the slug \"lyon\" is already used by content/cities/lyon.md (from its file name)",
    );
    let (_t, root) = site_with(&[
        (
            "content/cities/a.md",
            "---\ntitle: A\nslug: gleich\ncountry: Frankreich\nsince: 1963\nlat: 45.7\nlon: 4.8\n---\n",
        ),
        (
            "content/cities/b.md",
            "---\ntitle: B\ncountry: Frankreich\nslug: gleich\nsince: 1963\nlat: 45.7\nlon: 4.8\n---\n",
        ),
    ]);
    check(&root).has_error(
        "content/cities/b.md:4:7",
        "the slug \"gleich\" is already used by content/cities/a.md:3:7",
    );
}

#[test]
fn an_alias_collision_names_both_lines() {
    let (_t, root) = site_with(&[(
        "content/cities/paris.md",
        "---\ntitle: Paris\ncountry: Frankreich\nsince: 1963\nlat: 48.8\nlon: 2.3\naliases:\n  - /alt/paris.html\n  - /alt/lyon.html\n---\n",
    )]);
    check(&root).has_error(
        "content/cities/paris.md:9:5",
        "the alias /alt/lyon.html is also claimed by content/cities/lyon.md:10:11",
    );
}

// ---------------------------------------------------------------- serve: the Host header

/// A running `twinsite serve`, killed on drop.
struct Server {
    child: std::process::Child,
    port: u16,
    first_line: String,
}

impl Server {
    fn start(root: &Path) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_twinsite"))
            .args(["serve", "--root", root.to_str().unwrap(), "--port", "0"])
            .args(["--now", NOW])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut first_line = String::new();
        out.read_line(&mut first_line).unwrap();
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        let first_line = first_line.trim_end().to_owned();
        let port = first_line
            .strip_prefix("Serving http://127.0.0.1:")
            .and_then(|r| r.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("first line: {first_line:?}"));
        Self {
            child,
            port,
            first_line,
        }
    }

    /// The status line of the answer to `request`.
    fn status_of(&self, request: &str) -> String {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        s.read_to_end(&mut bytes).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        text.lines().next().unwrap_or_default().to_owned()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serve_answers_only_requests_that_name_their_host_once() {
    let (_t, root) = site_with(&[]);
    let s = Server::start(&root);
    let ok = "HTTP/1.1 200 OK";
    let bad = "HTTP/1.1 400 Bad Request";
    assert_eq!(
        s.status_of("GET /partner/ HTTP/1.1\r\nHost: localhost\r\n\r\n"),
        ok
    );
    assert_eq!(s.status_of("GET /partner/ HTTP/1.0\r\n\r\n"), ok);
    assert_eq!(s.status_of("GET /partner/ HTTP/1.1\r\n\r\n"), bad);
    assert_eq!(
        s.status_of("GET /partner/ HTTP/1.1\r\nUser-Agent: x\r\n\r\n"),
        bad
    );
    assert_eq!(
        s.status_of("GET /partner/ HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n"),
        bad
    );
    assert_eq!(
        s.status_of("GET /partner/ HTTP/1.1\r\nHost: evil.example\r\nhost: localhost\r\n\r\n"),
        bad
    );
    assert_eq!(
        s.status_of("GET /partner/ HTTP/1.0\r\nHost: localhost\r\nHOST: localhost\r\n\r\n"),
        bad
    );
    assert_eq!(
        s.status_of("GET /partner/ HTTP/1.0\r\nHost : evil.example\r\n\r\n"),
        bad
    );
}

#[test]
fn coordinates_in_degrees_and_minutes_name_the_decimal_value_meant() {
    let (_t, root) = site_with(&[(
        CITY,
        "---\ntitle: Lyon\ncountry: Frankreich\nsince: 1963\nlat: 45° 45' N\nlon: \"4° 50′ 24″ E\"\n---\n",
    )]);
    let run = check(&root);
    assert_eq!(run.code, 1);
    let err = run.err();
    for expected in [
        "content/cities/lyon.md:5:6: error: `lat` is written in degrees and minutes (“45° 45' N”); in decimal degrees that is 45.75",
        "hint: write `lat: 45.75`",
        "content/cities/lyon.md:6:6: error: `lon` is written in degrees and minutes (“4° 50′ 24″ E”); in decimal degrees that is 4.84",
        "hint: write `lon: 4.84`",
    ] {
        assert!(err.contains(expected), "{expected:?} not in:\n{err}");
    }
    let de = common::check_failing_in(&root, "de");
    assert!(de.contains("`lat: 45.75` schreiben"), "{de}");
    // A value that is no coordinate in any notation gets the plain message.
    let (_t, root) = site_with(&[(
        CITY,
        "---\ntitle: Lyon\ncountry: Frankreich\nsince: 1963\nlat: 145° 45' N\nlon: 4.8\n---\n",
    )]);
    let err = check(&root).err();
    assert!(
        err.contains(
            "`lat` must be a number in decimal degrees like 45.764, not the text \"145° 45' N\""
        ),
        "{err}"
    );
}
