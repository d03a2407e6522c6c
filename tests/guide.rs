//! The volunteer guide in README.md, run as printed: every command of its German and its
//! English part, in order, on a fresh site, with the real binary on the PATH. A command the
//! guide shows that fails, or a file it promises that is not made, fails this test; so does a
//! command this test does not know how to run.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The shell blocks (```sh and ```powershell) of the README between two headings, each line
/// with its comment split off.
fn blocks(readme: &str, from: &str, to: &str) -> Vec<(String, Vec<(String, String)>)> {
    let start = readme.find(from).unwrap_or_else(|| panic!("no {from:?}"));
    let end = readme[start..].find(to).map_or(readme.len(), |i| start + i);
    let mut out = Vec::new();
    let mut lines = readme[start..end].lines();
    while let Some(l) = lines.next() {
        let fence = l.trim_start();
        let Some(kind) = fence.strip_prefix("```").filter(|k| !k.is_empty()) else {
            continue;
        };
        let mut cmds = Vec::new();
        for l in lines.by_ref() {
            let l = l.trim();
            if l.starts_with("```") {
                break;
            }
            let (cmd, comment) = l.split_once("  #").unwrap_or((l, ""));
            cmds.push((cmd.trim().to_owned(), comment.trim().to_owned()));
        }
        out.push((kind.to_owned(), cmds));
    }
    out
}

/// A folder holding `twinsite`, the binary under test, to put first on the PATH.
fn bin_dir(root: &Path) -> PathBuf {
    let dir = root.join("bin");
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_twinsite"), dir.join("twinsite")).unwrap();
    dir
}

struct Shell {
    path: String,
    cwd: PathBuf,
    temp: Vec<tempfile::TempDir>,
}

impl Shell {
    fn command(&self, line: &str) -> Command {
        let mut c = Command::new("bash");
        c.args(["--noprofile", "--norc", "-c", line])
            .current_dir(&self.cwd)
            .env("PATH", &self.path)
            .env("TWINSITE_LANG", "de")
            .stdin(Stdio::null());
        c
    }

    fn run(&self, line: &str) -> Output {
        self.command(line).output().unwrap()
    }
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// `twinsite serve` as printed: it must say where it serves, and answer there with the home
/// page of the site.
fn serve_once(sh: &Shell, line: &str) {
    let mut child = sh
        .command(&format!("exec {line}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(l);
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let url = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(l) if l.contains("http://127.0.0.1:1111/") => break l,
            Ok(_) => {}
            Err(_) => {
                let _ = child.kill();
                let mut err = String::new();
                let _ = child.stderr.take().unwrap().read_to_string(&mut err);
                panic!("`{line}` did not start serving on port 1111: {err}");
            }
        }
    };
    let mut s = TcpStream::connect("127.0.0.1:1111").unwrap();
    s.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1:1111\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut page = String::new();
    s.read_to_string(&mut page).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        page.starts_with("HTTP/1.1 200") && page.contains("<html"),
        "{url}: {page:.300}"
    );
}

/// Runs one part of the guide; returns how many commands it ran.
fn run_guide(part: &str, from: &str, to: &str) -> usize {
    let readme = std::fs::read_to_string(common::repo_root().join("README.md")).unwrap();
    let bins = tempfile::tempdir().unwrap();
    let mut sh = Shell {
        path: format!(
            "{}:{}",
            bin_dir(bins.path()).display(),
            std::env::var("PATH").unwrap_or_default()
        ),
        cwd: bins.path().to_owned(),
        temp: Vec::new(),
    };
    let mut ran = 0;
    for (kind, cmds) in blocks(&readme, from, to) {
        for (cmd, comment) in cmds {
            let where_ = format!("{part}: `{cmd}`");
            if kind == "powershell" || cmd.starts_with("curl ") {
                // The installers of the release (see installers()); not run here.
                assert!(
                    cmd.contains("/releases/latest/download/twinsite-installer."),
                    "{where_}: an unknown download"
                );
                continue;
            }
            assert_eq!(kind, "sh", "{where_}");
            if let Some(dir) = cmd.strip_prefix("cd ") {
                sh.cwd = sh.cwd.join(dir);
                assert!(sh.cwd.is_dir(), "{where_}: no such folder");
                continue;
            }
            assert!(
                cmd.starts_with("twinsite "),
                "{where_}: the guide test does not know how to run this"
            );
            ran += 1;
            if cmd.starts_with("twinsite init ") {
                // Every `init` starts again in an empty folder, as a new reader would.
                let t = tempfile::tempdir().unwrap();
                sh.cwd = t.path().to_owned();
                sh.temp.push(t);
            }
            if cmd.starts_with("twinsite serve") {
                serve_once(&sh, &cmd);
                continue;
            }
            let out = sh.run(&cmd);
            let said = text(&out);
            if cmd.starts_with("twinsite check") {
                // On a fresh site, `check` lists what is still to be written, and nothing else.
                let errors: Vec<&str> = said.lines().filter(|l| l.contains(": Fehler: ")).collect();
                assert!(
                    out.status.success() || !errors.is_empty(),
                    "{where_}: {said}"
                );
                assert!(
                    errors.iter().all(|l| l.contains("von twinsite")),
                    "{where_}: {said}"
                );
                continue;
            }
            assert!(out.status.success(), "{where_}: {said}");
            if let Some(file) = comment
                .split_whitespace()
                .find(|w| w.starts_with("content/"))
            {
                assert!(
                    sh.cwd.join(file).is_file(),
                    "{where_}: {file} missing: {said}"
                );
            }
            if cmd.starts_with("twinsite build") {
                assert!(sh.cwd.join("public/index.html").is_file(), "{where_}");
            }
        }
    }
    ran
}

#[test]
fn every_command_of_the_guide_works_as_printed_on_a_fresh_site() {
    // One test, so the two parts never serve on port 1111 at the same time.
    let de = run_guide(
        "Für Ehrenamtliche",
        "## Für Ehrenamtliche",
        "## For volunteers",
    );
    assert!(de >= 10, "the German guide runs {de} commands");
    let en = run_guide("For volunteers", "## For volunteers", "## More");
    assert!(en >= 6, "the English guide runs {en} commands");
}

/// The installers the guide downloads are the ones the release makes.
#[test]
fn the_guide_downloads_what_the_release_publishes() {
    let root = common::repo_root();
    let dist = std::fs::read_to_string(root.join("dist-workspace.toml")).unwrap();
    assert!(
        dist.contains("\"shell\"") && dist.contains("\"powershell\""),
        "{dist}"
    );
    let release = std::fs::read_to_string(root.join(".github/workflows/release.yml")).unwrap();
    assert!(release.contains("dist"), "release workflow");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let repo = env!("CARGO_PKG_REPOSITORY");
    for installer in ["twinsite-installer.sh", "twinsite-installer.ps1"] {
        let url = format!("{repo}/releases/latest/download/{installer}");
        assert_eq!(readme.matches(&url).count(), 2, "{url} in both parts");
    }
}
