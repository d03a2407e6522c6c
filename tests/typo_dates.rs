//! One mistyped date must not make a giant site: the real binary builds small sites with
//! dates far from the build date (`0226` for `2026`, `9026` for `2026`, a repeat from year 1,
//! `--now 0001-01-01`) within a time and memory limit, writes few files, and `build` and
//! `check` both say which date was probably meant.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The build date of these tests.
const NOW: &str = "2026-12-04";
/// How long one run may take (a debug build on a busy machine; the cases take well under a
/// second, before the fix one took 89 s).
const TIME_LIMIT: Duration = Duration::from_secs(60);
/// Address space one run may use, in KiB (before the fix one case needed 3.6 GB).
const MEMORY_LIMIT_KIB: u64 = 2_000_000;

/// A site with `files` (path below `content/`, text) and nothing else.
fn site(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("site.yaml"),
        "title: Twin towns\nbase_url: https://example.org/\nlanguage: en\n\
         home: { name: Hometown, lat: 50.1, lon: 8.7 }\n",
    )
    .unwrap();
    for (path, text) in files {
        let p = root.join("content").join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    (dir, root)
}

fn event(front: &str) -> String {
    format!("---\ntitle: Summer fest\n{front}\nlocation: {{ name: Town hall }}\n---\nText.\n")
}

/// Runs the binary with `args`, under [`TIME_LIMIT`] and (on Linux) [`MEMORY_LIMIT_KIB`].
/// Its output goes to files, so a long list of warnings cannot fill a pipe and stall it.
fn twinsite(args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_twinsite");
    let mut cmd = if cfg!(target_os = "linux") {
        let mut c = Command::new("sh");
        c.arg("-c")
            .arg(format!(
                "ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""
            ))
            .arg(bin);
        c
    } else {
        Command::new(bin)
    };
    let logs = tempfile::tempdir().unwrap();
    let (out, err) = (logs.path().join("stdout"), logs.path().join("stderr"));
    let mut child = cmd
        .args(args)
        .env("RAYON_NUM_THREADS", "2")
        .stdout(Stdio::from(std::fs::File::create(&out).unwrap()))
        .stderr(Stdio::from(std::fs::File::create(&err).unwrap()))
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("twinsite {args:?} took more than {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: std::fs::read(&out).unwrap(),
        stderr: std::fs::read(&err).unwrap(),
    }
}

/// Builds `root` at `now` into `root/public`: its stderr, the number of files and their bytes.
fn build(root: &Path, now: &str) -> (String, usize, u64) {
    let out = root.join("public");
    let o = twinsite(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--now",
        now,
        "--output",
        out.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    let files = common::files(&out);
    let bytes = files
        .iter()
        .map(|f| std::fs::metadata(out.join(f)).unwrap().len())
        .sum();
    (stderr, files.len(), bytes)
}

/// `check` at `now`: its stderr (it must succeed, warnings do not fail it).
fn check(root: &Path, now: &str) -> String {
    let o = twinsite(&["check", "--root", root.to_str().unwrap(), "--now", now]);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(
        !String::from_utf8_lossy(&o.stdout).contains("No problems found"),
        "check must not say all is well"
    );
    stderr
}

/// Asserts that `stderr` has the warning `line` followed by a hint containing `hint`.
fn assert_warned(stderr: &str, line: &str, hint: &str) {
    let at = stderr
        .find(line)
        .unwrap_or_else(|| panic!("no `{line}` in:\n{stderr}"));
    let rest = &stderr[at..];
    let hint_line = rest.lines().nth(1).unwrap_or("");
    assert!(
        hint_line.contains("hint:") && hint_line.contains(hint),
        "no hint `{hint}` after `{line}` in:\n{stderr}"
    );
}

fn month_pages(root: &Path) -> Vec<String> {
    common::files(&root.join("public"))
        .into_iter()
        .filter(|f| f.starts_with("calendar/") && f.ends_with("/index.html"))
        .collect()
}

#[test]
fn a_mistyped_year_in_date_adds_one_month_page_not_thousands() {
    let (_t, root) = site(&[("events/fest.md", &event("date: 0226-07-12"))]);
    let (stderr, files, bytes) = build(&root, NOW);
    assert!(files < 100, "{files} files");
    assert!(bytes < 2_000_000, "{bytes} bytes");
    let warning = "content/events/fest.md:3:7: warning: `date` 0226-07-12 is 1800 years before \
                   the build date 2026-12-04: is the year mistyped?";
    assert_warned(&stderr, warning, "did you mean 2026-07-12?");
    assert_warned(&check(&root, NOW), warning, "did you mean 2026-07-12?");
    // The event's own month still has a page showing it; the build month too.
    let months = month_pages(&root);
    assert!(
        months.contains(&"calendar/226/07/index.html".to_owned()),
        "{months:?}"
    );
    assert!(
        months.contains(&"calendar/2026/12/index.html".to_owned()),
        "{months:?}"
    );
    assert!(months.len() <= 4, "{months:?}");
    let page = common::read(&root.join("public"), "calendar/226/07/index.html");
    assert!(page.contains("Summer fest"));
}

#[test]
fn a_mistyped_end_date_finishes_quickly_in_little_memory() {
    let (_t, root) = site(&[(
        "events/markt.md",
        &event("date: 2026-12-04\nend_date: 9026-12-06"),
    )]);
    let (stderr, files, bytes) = build(&root, NOW);
    assert!(files < 100, "{files} files");
    assert!(bytes < 5_000_000, "{bytes} bytes");
    let warning = "content/events/markt.md:4:11: warning: `end_date` 9026-12-06 is 7000 years \
                   after the build date 2026-12-04: is the year mistyped?";
    assert_warned(&stderr, warning, "did you mean 2026-12-06?");
    assert_warned(&check(&root, NOW), warning, "did you mean 2026-12-06?");
    // Shown on its days near the build date and on its last day.
    let public = root.join("public");
    assert!(common::read(&public, "calendar/2026/12/index.html").contains("Summer fest"));
    assert!(common::read(&public, "calendar/9026/12/index.html").contains("Summer fest"));
    // The feed has the event once, with its real end.
    let ics = common::read(&public, "events/markt/markt.ics");
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    assert!(ics.contains("DTEND;VALUE=DATE:90261207"), "{ics}");
}

#[test]
fn weekly_and_daily_repeats_from_year_one_stay_small() {
    for (repeat, name) in [
        ("{ every: week }", "weekly"),
        (
            "{ every: week, weekday: [mo, tu, we, th, fr, sa, su] }",
            "daily",
        ),
    ] {
        let front = format!("date: 0001-01-01\nrepeat: {repeat}");
        let (_t, root) = site(&[("events/treff.md", &event(&front))]);
        let (stderr, files, bytes) = build(&root, NOW);
        assert!(files < 2000, "{name}: {files} files");
        assert!(bytes < 20_000_000, "{name}: {bytes} bytes");
        let warning = "content/events/treff.md:3:7: warning: `date` 0001-01-01 is 2025 years \
                       before the build date 2026-12-04: is the year mistyped?";
        assert_warned(&stderr, warning, "did you mean 2001-01-01?");
        assert_warned(&check(&root, NOW), warning, "did you mean 2001-01-01?");
        // The feed carries the rule, not a list of dates.
        let ics = common::read(&root.join("public"), "events/treff/treff.ics");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "{name}");
        assert!(ics.contains("RRULE:FREQ=WEEKLY"), "{ics}");
        assert!(ics.len() < 10_000, "{name}: {} bytes of .ics", ics.len());
        // The coming dates are shown.
        let dec = common::read(&root.join("public"), "calendar/2026/12/index.html");
        assert!(dec.contains("Summer fest"), "{name}");
    }
}

#[test]
fn an_odd_build_date_is_warned_about_and_stays_bounded() {
    let (_t, root) = site(&[
        (
            "events/treff.md",
            &event("date: 0001-01-01\nrepeat: { every: week }"),
        ),
        ("events/fest.md", &event("date: 2026-07-12")),
    ]);
    let (stderr, files, _) = build(&root, "0001-01-01");
    assert!(files < 2000, "{files} files");
    let warning = "--now: warning: the build date 0001-01-01 is not between 1970 and 2200";
    assert_warned(&stderr, warning, "leave out --now");
    assert_warned(&check(&root, "0001-01-01"), warning, "leave out --now");
    // The event far from the build date still has its month page.
    assert!(month_pages(&root).contains(&"calendar/2026/07/index.html".to_owned()));
}

#[test]
fn other_dates_far_off_are_warned_about_with_their_place() {
    let (_t, root) = site(&[
        (
            "events/kurs.md",
            &event("date: 2026-09-01\nrepeat:\n  every: week\n  until: 2206-06-30"),
        ),
        (
            "events/ausstellung.md",
            &event("date: 2026-03-01\nend_date: 2026-08-31"),
        ),
        (
            "events/camp.md",
            &event("date: 2026-07-06\nend_date: 2026-07-20\nrepeat: { every: week }"),
        ),
        (
            "news/bericht.md",
            "---\ntitle: Report\ndate: 2062-05-01\n---\nText.\n",
        ),
        (
            "cities/lyon.md",
            "---\ntitle: Lyon\ncountry: France\nsince: 1891\nlat: 45.76\nlon: 4.84\n---\n",
        ),
        (
            "associations/verein.md",
            "---\ntitle: Verein\ncities: [lyon]\nfounded: 2099\n---\n",
        ),
    ]);
    let (stderr, _, _) = build(&root, NOW);
    let checked = check(&root, NOW);
    let expected = [
        (
            "content/events/kurs.md:6:3: warning: `until` in `repeat` 2206-06-30 is 180 years after",
            "did you mean 2026-06-30?",
        ),
        (
            "content/news/bericht.md:3:7: warning: `date` 2062-05-01 is 36 years after",
            "did you mean 2026-05-01?",
        ),
        (
            "content/events/ausstellung.md:4:11: warning: this event lasts 184 days, from \
             2026-03-01 to 2026-08-31",
            "`end_date` is the last day",
        ),
        (
            "content/events/camp.md:4:11: warning: each time this event lasts 15 days",
            "remove `end_date`",
        ),
        (
            "content/cities/lyon.md:4:8: warning: `since` 1891 is before 1900",
            "did you mean 1981?",
        ),
        (
            "content/associations/verein.md:4:10: warning: `founded` 2099 lies in the future",
            "did you mean 2019?",
        ),
    ];
    for (line, hint) in expected {
        assert_warned(&stderr, line, hint);
        assert_warned(&checked, line, hint);
    }
}

#[test]
fn a_hundred_kilobytes_of_mistyped_events_stay_a_small_site() {
    let kinds = [
        "date: 0226-07-12\nend_date: 2026-07-12",
        "date: 2026-12-04\nend_date: 9026-12-06",
        "date: 0001-01-01\nrepeat: { every: week, weekday: [mo, tu, we, th, fr, sa, su] }",
        "date: 0001-01-01\nend_date: 9999-12-31\nrepeat: { every: week }",
        "date: 2026-01-05\nend_date: 2036-01-01\nrepeat: { every: week, weekday: [mo, we, fr] }",
        "date: 0001-01-01\nrepeat: { every: month, count: 4000000000 }",
        "date: 0001-01-01\nrepeat: { every: week, count: 100000 }",
        "date: 9999-12-31\ntime: \"23:30\"",
        "date: 0000-01-01\ntime: \"19:00\"\nrepeat: { every: week, until: 9999-12-31 }",
    ];
    let texts: Vec<(String, String)> = (0..200)
        .map(|i| {
            let kind = kinds[i % kinds.len()];
            let text = format!("---\ntitle: Event {i}\n{kind}\nlocation: {{ name: Hall }}\n---\n");
            (format!("events/e{i}.md"), text)
        })
        .collect();
    let size: usize = texts.iter().map(|(_, t)| t.len()).sum();
    assert!(size < 100_000, "{size} bytes of content");
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let (_t, root) = site(&files);
    let (stderr, count, bytes) = build(&root, NOW);
    assert!(count < 3000, "{count} files");
    assert!(bytes < 100_000_000, "{bytes} bytes");
    assert!(stderr.contains("is the year mistyped?"));
}

/// Every alias and topic becomes a file or page: a list pasted in by mistake (thousands of
/// items in 60 KB of front matter) is refused at its line instead of writing thousands of files.
#[test]
fn long_alias_and_topic_lists_are_refused_at_their_line() {
    let mut front = String::from("---\ntitle: Many\naliases:\n");
    for i in 0..3500 {
        front.push_str(&format!("  - /a{i}/\n"));
    }
    front.push_str("topics:\n");
    for i in 0..1800 {
        front.push_str(&format!("  - t{i}\n"));
    }
    front.push_str("---\nText.\n");
    assert!(front.len() < 100_000);
    let (_dir, root) = site(&[("many.md", &front)]);
    let out = root.join("public");
    for args in [
        vec!["check", "--root", root.to_str().unwrap(), "--now", NOW],
        vec![
            "build",
            "--root",
            root.to_str().unwrap(),
            "--now",
            NOW,
            "--output",
            out.to_str().unwrap(),
        ],
    ] {
        let o = twinsite(&args);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("content/many.md:3:1: error: `aliases` lists 3500 entries; one page may have at most 50"),
            "{stderr}"
        );
        assert!(
            stderr.contains("content/many.md:3504:1: error: `topics` lists 1800 entries; one page may have at most 20"),
            "{stderr}"
        );
    }
    assert!(!out.exists(), "a refused build writes nothing");
}
