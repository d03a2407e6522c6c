//! The CI workflows that `init` writes, run for real: each is read with an independent YAML
//! parser, and its install step runs in a shell against a release served on 127.0.0.1. A
//! release that matches its checksum is installed; a tampered one stops the job; a version
//! without a download is built with `cargo install --locked` of the same version.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The install steps of both workflows, as a YAML parser reads them.
struct Steps {
    github_run: String,
    github_version: String,
    gitlab_script: Vec<String>,
    gitlab_version: String,
}

fn read_workflows(site: &Path) -> Steps {
    let code = r#"
import json, sys, yaml
gh = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
gl = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
step = [s for s in gh["jobs"]["build"]["steps"] if s.get("name") == "twinsite installieren"][0]
print(json.dumps({"run": step["run"], "ver": step["env"]["TWINSITE_VERSION"],
                  "script": gl["pages"]["script"], "glver": gl["pages"]["variables"]["TWINSITE_VERSION"]}))
"#;
    let out = Command::new(common::python())
        .args(["-c", code])
        .arg(site.join(".github/workflows/pages.yml"))
        .arg(site.join(".gitlab-ci.yml"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "PyYAML could not read the workflows: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    Steps {
        github_run: v["run"].as_str().unwrap().to_owned(),
        github_version: v["ver"].as_str().unwrap().to_owned(),
        gitlab_script: v["script"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect(),
        gitlab_version: v["glver"].as_str().unwrap().to_owned(),
    }
}

/// Serves the files below `dir` over HTTP on 127.0.0.1 (404 for anything else); returns the
/// address.
fn serve(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut line = String::new();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            if reader.read_line(&mut line).is_err() {
                continue;
            }
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).map_or(true, |n| n == 0) || h == "\r\n" {
                    break;
                }
            }
            let path = line
                .split(' ')
                .nth(1)
                .unwrap_or("/")
                .trim_start_matches('/');
            let file = dir.join(path);
            let (status, body) = match (path.contains(".."), std::fs::read(&file)) {
                (false, Ok(b)) => ("200 OK", b),
                _ => ("404 Not Found", b"not found".to_vec()),
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(&body);
        }
    });
    format!("http://{addr}")
}

fn arch() -> &'static str {
    match std::env::consts::ARCH {
        "aarch64" => "aarch64",
        _ => "x86_64",
    }
}

/// A release of `VERSION` as the release workflow publishes it: a `.tar.gz` with the program
/// in a folder of the archive's name, and its `.sha256` in the form `<hex> *<file>`.
fn publish_release(root: &Path, tamper: bool) {
    let name = format!("twinsite-{}-unknown-linux-musl", arch());
    let stage = root.join("stage").join(&name);
    std::fs::create_dir_all(&stage).unwrap();
    let program = stage.join("twinsite");
    std::fs::write(
        &program,
        format!("#!/bin/sh\necho \"twinsite {VERSION} (from the release)\"\n"),
    )
    .unwrap();
    run_ok(Command::new("chmod").arg("755").arg(&program));
    let dir = root.join("releases").join(format!("v{VERSION}"));
    std::fs::create_dir_all(&dir).unwrap();
    let archive = dir.join(format!("{name}.tar.gz"));
    run_ok(
        Command::new("tar")
            .arg("-czf")
            .arg(&archive)
            .arg("-C")
            .arg(root.join("stage"))
            .arg(&name),
    );
    let sum = run_ok(Command::new("sha256sum").arg(&archive));
    let hex = sum.split_whitespace().next().unwrap().to_owned();
    std::fs::write(
        dir.join(format!("{name}.tar.gz.sha256")),
        format!("{hex} *{name}.tar.gz\n"),
    )
    .unwrap();
    if tamper {
        let mut bytes = std::fs::read(&archive).unwrap();
        bytes.extend_from_slice(b"tampered");
        std::fs::write(&archive, bytes).unwrap();
    }
}

fn run_ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{cmd:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A folder with a `cargo` that only records how it was called (and fails), so a test sees
/// whether the fallback ran without building anything.
fn fake_cargo(root: &Path) -> PathBuf {
    let dir = root.join("fake-bin");
    std::fs::create_dir_all(&dir).unwrap();
    let cargo = dir.join("cargo");
    std::fs::write(
        &cargo,
        format!(
            "#!/bin/sh\necho \"$@\" >> '{}'\nexit 3\n",
            root.join("cargo-called").display()
        ),
    )
    .unwrap();
    run_ok(Command::new("chmod").arg("755").arg(&cargo));
    dir
}

struct Run {
    out: Output,
    bin: PathBuf,
    cargo_calls: Option<String>,
    github_path: Option<String>,
}

impl Run {
    fn text(&self) -> String {
        format!(
            "stdout: {}\nstderr: {}",
            String::from_utf8_lossy(&self.out.stdout),
            String::from_utf8_lossy(&self.out.stderr)
        )
    }
}

/// Runs a workflow's shell text the way its CI would (bash, stop on the first error), with
/// the release address pointed at `url`.
fn run_step(root: &Path, script: &str, version: &str, url: &str) -> Run {
    let bin = root.join("home/.local/bin");
    let github_path = root.join("github-path");
    let path = format!(
        "{}:{}",
        fake_cargo(root).display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        .env("PATH", path)
        .env("HOME", root.join("home"))
        .env("TWINSITE_VERSION", version)
        .env("TWINSITE_DOWNLOAD", url)
        .env("GITHUB_PATH", &github_path)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Run {
        out,
        bin,
        cargo_calls: std::fs::read_to_string(root.join("cargo-called")).ok(),
        github_path: std::fs::read_to_string(github_path).ok(),
    }
}

fn fresh_site() -> (tempfile::TempDir, Steps) {
    let t = tempfile::tempdir().unwrap();
    let site = t.path().join("site");
    let out = Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .arg("init")
        .arg(&site)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let steps = read_workflows(&site);
    (t, steps)
}

/// GitLab runs the job's script items one after another in one shell; the install items are
/// those before `twinsite build`, followed here by a look at what the build would run.
fn gitlab_install(steps: &Steps) -> String {
    let mut items: Vec<&str> = steps
        .gitlab_script
        .iter()
        .map(String::as_str)
        .take_while(|s| !s.starts_with("twinsite build"))
        .collect();
    assert!(items.len() < steps.gitlab_script.len(), "no build item");
    items.push("twinsite --version");
    items.join("\n")
}

#[test]
fn both_workflows_pin_the_version_that_wrote_them() {
    let (_t, steps) = fresh_site();
    assert_eq!(steps.github_version, VERSION);
    assert_eq!(steps.gitlab_version, VERSION);
    assert!(
        steps
            .gitlab_script
            .iter()
            .any(|s| s.starts_with("twinsite build --base-url")),
        "{:?}",
        steps.gitlab_script
    );
}

#[test]
fn a_release_whose_checksum_matches_is_installed() {
    let (t, steps) = fresh_site();
    let root = t.path();
    publish_release(root, false);
    let url = serve(root.join("releases"));
    let run = run_step(root, &steps.github_run, &steps.github_version, &url);
    assert!(run.out.status.success(), "{}", run.text());
    assert!(
        run.text().contains("OK"),
        "sha256sum confirms: {}",
        run.text()
    );
    assert!(
        run.text()
            .contains(&format!("twinsite {VERSION} (from the release)")),
        "{}",
        run.text()
    );
    assert!(run.bin.join("twinsite").is_file());
    assert_eq!(run.cargo_calls, None, "no build from source");
    assert_eq!(
        run.github_path.as_deref().map(str::trim),
        Some(run.bin.to_str().unwrap()),
        "later steps find the program"
    );

    // GitLab: the same, and `twinsite` is on the PATH of the items after it.
    std::fs::remove_dir_all(&run.bin).unwrap();
    let gl = run_step(root, &gitlab_install(&steps), &steps.gitlab_version, &url);
    assert!(gl.out.status.success(), "{}", gl.text());
    let stdout = String::from_utf8_lossy(&gl.out.stdout);
    assert_eq!(
        stdout
            .matches(&format!("twinsite {VERSION} (from the release)"))
            .count(),
        2,
        "once after installing, once from PATH: {}",
        gl.text()
    );
    assert_eq!(gl.cargo_calls, None);
}

#[test]
fn a_tampered_release_stops_the_job_and_is_not_replaced_by_a_build() {
    let (t, steps) = fresh_site();
    let root = t.path();
    publish_release(root, true);
    let url = serve(root.join("releases"));
    for script in [steps.github_run.clone(), gitlab_install(&steps)] {
        let run = run_step(root, &script, VERSION, &url);
        assert!(!run.out.status.success(), "{}", run.text());
        assert!(run.text().contains("FAILED"), "{}", run.text());
        assert!(!run.bin.join("twinsite").exists(), "{}", run.text());
        assert_eq!(run.cargo_calls, None, "{}", run.text());
    }
}

#[test]
fn a_version_without_a_download_is_built_from_source_with_the_same_version() {
    let (t, steps) = fresh_site();
    let root = t.path();
    std::fs::create_dir_all(root.join("releases")).unwrap();
    let url = serve(root.join("releases"));
    let run = run_step(root, &steps.github_run, &steps.github_version, &url);
    // The recording `cargo` fails, so the job fails: it must not go on without twinsite.
    assert!(!run.out.status.success(), "{}", run.text());
    let home = root.join("home/.local");
    assert_eq!(
        run.cargo_calls.as_deref().map(str::trim),
        Some(
            format!(
                "install twinsite --locked --version {VERSION} --root {}",
                home.display()
            )
            .as_str()
        ),
        "{}",
        run.text()
    );
}
