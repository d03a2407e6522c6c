//! The build benchmark's side-by-side part: the `twinsite build` binary and a given Hugo binary
//! on the same generated content (`synth.rs`, `hugo_site.rs`), in interleaved rounds, each build
//! a fresh child process (pinned to the first N cores with `taskset`) writing into a fresh
//! folder; wall time, CPU time and peak RSS from `wait4`, then medians and ratios.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// One build to time: a label and its command line.
pub(crate) struct Variant {
    /// What the table calls it.
    pub(crate) label: &'static str,
    /// The program and its arguments; the output folder is appended.
    pub(crate) argv: Vec<OsString>,
}

/// What one timed build took.
#[derive(Clone, Copy)]
struct Run {
    wall_ms: u64,
    cpu_ms: u64,
    peak_kb: u64,
}

/// The command line of `hugo version`, or why it does not run.
pub(crate) fn hugo_version(hugo: &Path) -> Result<String, String> {
    let o = Command::new(hugo)
        .arg("version")
        .output()
        .map_err(|e| e.to_string())?;
    if !o.status.success() {
        return Err(String::from_utf8_lossy(&o.stderr).trim().to_owned());
    }
    Ok(String::from_utf8_lossy(&o.stdout).trim().to_owned())
}

/// Whether `taskset` can pin a child here.
pub(crate) fn have_taskset() -> bool {
    Command::new("taskset")
        .args(["-c", "0", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs one build into `out` (removed before and after), on the first `cores` cores if given,
/// and waits for it with `wait4` for its resource use. Panics with its log if it fails.
/// Returns the run and the number of files and bytes it wrote.
fn timed(v: &Variant, cores: Option<usize>, out: &Path, log: &Path) -> (Run, u64, u64) {
    let _ = std::fs::remove_dir_all(out);
    let mut cmd = match cores {
        Some(n) => {
            let mut c = Command::new("taskset");
            c.arg("-c").arg(format!("0-{}", n - 1)).args(&v.argv);
            c
        }
        None => {
            let mut c = Command::new(&v.argv[0]);
            c.args(&v.argv[1..]);
            c
        }
    };
    let log_file = std::fs::File::create(log).unwrap();
    cmd.arg(out)
        .stdin(Stdio::null())
        .stdout(Stdio::from(log_file.try_clone().unwrap()))
        .stderr(Stdio::from(log_file));
    let t = Instant::now();
    let child = cmd.spawn().unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data that may be all zeroes; `wait4` fills it and `status`
    // for our own child, which std has not reaped (the `Child` is never waited for).
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut ru) };
    let wall = t.elapsed();
    drop(child);
    assert_eq!(got, pid, "wait4: {}", std::io::Error::last_os_error());
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    assert!(
        ok,
        "{} failed (status {status}):\n{}",
        v.label,
        std::fs::read_to_string(log).unwrap_or_default()
    );
    let (files, bytes) = tree_size(out);
    let _ = std::fs::remove_dir_all(out);
    let ms = |tv: libc::timeval| tv.tv_sec as u64 * 1000 + tv.tv_usec as u64 / 1000;
    // Linux counts ru_maxrss in KiB, macOS in bytes.
    let peak_kb = if cfg!(target_os = "macos") {
        ru.ru_maxrss as u64 / 1024
    } else {
        ru.ru_maxrss as u64
    };
    let run = Run {
        wall_ms: wall.as_millis() as u64,
        cpu_ms: ms(ru.ru_utime) + ms(ru.ru_stime),
        peak_kb,
    };
    (run, files, bytes)
}

/// Files and bytes below `dir`.
fn tree_size(dir: &Path) -> (u64, u64) {
    let mut files = 0;
    let mut bytes = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            match e.file_type() {
                Ok(t) if t.is_dir() => stack.push(e.path()),
                Ok(_) => {
                    files += 1;
                    bytes += e.metadata().map_or(0, |m| m.len());
                }
                Err(_) => {}
            }
        }
    }
    (files, bytes)
}

fn median(mut v: Vec<u64>) -> u64 {
    v.sort_unstable();
    v[v.len() / 2]
}

/// Times every variant `rounds` times, interleaved (one of each per round), for each entry of
/// `cores` (`None`: not pinned), and prints every run, the medians, and for each pair of
/// variants (indices) the ratios of their median wall times and peak memory. `out` is the
/// scratch output folder.
pub(crate) fn compare(
    pages: usize,
    variants: &[Variant],
    pairs: &[(usize, usize)],
    cores: &[Option<usize>],
    rounds: usize,
    out: &Path,
) {
    let log: PathBuf = out.with_extension("log");
    for &c in cores {
        let mut runs: Vec<Vec<Run>> = vec![Vec::new(); variants.len()];
        let mut sizes = vec![(0, 0); variants.len()];
        let mut notes = Vec::new();
        for round in 0..rounds {
            for (i, v) in variants.iter().enumerate() {
                let (run, files, bytes) = timed(v, c, out, &log);
                runs[i].push(run);
                sizes[i] = (files, bytes);
                if round == 0 {
                    // Hugo's warnings and errors (twinsite's own are expected: the generated
                    // cities have no recent events).
                    let text = std::fs::read_to_string(&log).unwrap_or_default();
                    notes.extend(
                        text.lines()
                            .filter(|l| l.starts_with("WARN") || l.starts_with("ERROR"))
                            .take(3)
                            .map(|l| format!("  {}: {l}", v.label)),
                    );
                }
            }
        }
        let _ = std::fs::remove_file(&log);
        for n in &notes {
            println!("{n}");
        }
        let cores_text = c.map_or_else(|| "all".to_owned(), |n| n.to_string());
        println!(
            "{pages} pages, {cores_text} core(s), {rounds} interleaved round(s); each run: wall s / peak MB"
        );
        println!(
            "  {:<24} {:<34} {:>8} {:>8} {:>8} {:>7} {:>7}",
            "build", "runs", "median s", "CPU s", "peak MB", "files", "out MB"
        );
        let mut medians = Vec::new();
        for (i, v) in variants.iter().enumerate() {
            let each: Vec<String> = runs[i]
                .iter()
                .map(|r| format!("{:.2}/{}", r.wall_ms as f64 / 1000.0, r.peak_kb / 1024))
                .collect();
            let wall = median(runs[i].iter().map(|r| r.wall_ms).collect());
            let cpu = median(runs[i].iter().map(|r| r.cpu_ms).collect());
            let peak = median(runs[i].iter().map(|r| r.peak_kb).collect());
            medians.push((wall.max(1), peak.max(1)));
            println!(
                "  {:<24} {:<34} {:>8.2} {:>8.2} {:>8} {:>7} {:>7}",
                v.label,
                each.join("  "),
                wall as f64 / 1000.0,
                cpu as f64 / 1000.0,
                peak / 1024,
                sizes[i].0,
                sizes[i].1 / 1_000_000
            );
        }
        for &(a, b) in pairs {
            println!(
                "  {} / {}: time {:.2}, peak memory {:.2}",
                variants[a].label,
                variants[b].label,
                medians[a].0 as f64 / medians[b].0 as f64,
                medians[a].1 as f64 / medians[b].1 as f64
            );
        }
    }
}
