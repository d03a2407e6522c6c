//! Photo processing at the scale of a real site: 50 photo-like 4000 × 3000 JPEGs (12 MP,
//! quality 92) are rendered in parallel over the photos, as the build does, into an empty
//! on-disk cache (cold), then again from the cache (warm). Prints wall times, bytes in and out
//! per width, and the peak resident memory of the rendering (VmHWM).
//!
//! Then the same photos as a site: a gallery of them on one page of the `mini` fixture, built
//! with `twinsite::build` into a folder: the first build (empty cache), rebuilds with nothing
//! changed, and, side by side, rebuilds of the same site without the photos.
//!
//! Run: `cargo bench --bench photos` (PHOTOS=n for another count). Without `--bench` (as under
//! `cargo test --all-targets`) it renders two photos, as a smoke test of the harness.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::collections::BTreeMap;
use std::time::Instant;

use image::codecs::jpeg::JpegEncoder;
use image::{ExtendedColorType, ImageEncoder, Rgb, RgbImage};
use rayon::prelude::*;
use twinsite::photo::{self, DiskCache, Variant};

/// A photo-like picture: soft gradients and blobs with sensor-like noise.
fn photo_like(seed: u64) -> Vec<u8> {
    let (w, h) = (4000u32, 3000u32);
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let fx = 1.0 + (seed % 7) as f32;
    let img = RgbImage::from_fn(w, h, |x, y| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let noise = (state % 17) as f32 - 8.0;
        let (u, v) = (x as f32 / w as f32, y as f32 / h as f32);
        let wave = ((u * fx * 9.0).sin() * (v * 7.0 + fx).cos()) * 40.0;
        let detail = ((x as f32 * 0.09).sin() * (y as f32 * 0.07).cos()) * 12.0;
        let base = [60.0 + 120.0 * u, 80.0 + 100.0 * v, 150.0 - 90.0 * u * v];
        let px = |c: f32| (c + wave + detail + noise).clamp(0.0, 255.0) as u8;
        Rgb([px(base[0]), px(base[1]), px(base[2])])
    });
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 92)
        .write_image(&img, w, h, ExtendedColorType::Rgb8)
        .unwrap();
    out
}

/// Peak resident memory so far, in MiB (Linux only; 0 elsewhere).
fn peak_rss_mib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kib| kib / 1024)
}

/// Starts the peak-memory count afresh (Linux: writing 5 to clear_refs).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let count: u64 = std::env::var("PHOTOS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if bench { 50 } else { 2 });
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let paths: Vec<_> = (0..count)
        .into_par_iter()
        .map(|i| {
            let path = dir.path().join(format!("photo-{i:03}.jpg"));
            std::fs::write(&path, photo_like(i + 1)).unwrap();
            path
        })
        .collect();
    println!(
        "generated {count} photos 4000 × 3000 in {:.1} s on {} threads",
        started.elapsed().as_secs_f64(),
        rayon::current_num_threads()
    );

    let cache = DiskCache::open(dir.path().join("cache/images"));
    let render_all = || -> (f64, Vec<(u64, Vec<Variant>)>) {
        let t = Instant::now();
        let out: Vec<(u64, Vec<Variant>)> = paths
            .par_iter()
            .map(|p| {
                let bytes = std::fs::read(p).unwrap();
                let v = photo::render_cached(Some(&cache), &bytes).unwrap();
                (bytes.len() as u64, v)
            })
            .collect();
        (t.elapsed().as_secs_f64(), out)
    };

    reset_peak_rss();
    let rss_before = peak_rss_mib();
    let (cold, results) = render_all();
    let rss_cold = peak_rss_mib();
    let (warm, _) = render_all();

    let originals: u64 = results.iter().map(|(n, _)| n).sum();
    let mut per: BTreeMap<(u32, &str), (u64, u64)> = BTreeMap::new();
    let mut outputs = 0u64;
    for (_, variants) in &results {
        for v in variants {
            let e = per.entry((v.spec.width, v.spec.format.ext())).or_default();
            e.0 += v.bytes.len() as u64;
            e.1 += 1;
            outputs += v.bytes.len() as u64;
        }
    }
    let n = results.len().max(1) as f64;
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    let row = |label: &str, value: String| println!("| {label:<34} | {value:<28} |");
    println!();
    row("measure", "value".into());
    println!("|{}|{}|", "-".repeat(36), "-".repeat(30));
    row(
        &format!("cold render_cached, {count} photos"),
        format!("{cold:.2} s ({:.0} ms/photo)", cold * 1000.0 / n),
    );
    row("warm (all cache hits)", format!("{warm:.3} s"));
    row(
        "originals total / per photo",
        format!("{:.1} MiB / {:.2} MiB", mib(originals), mib(originals) / n),
    );
    row(
        "outputs total / per photo",
        format!(
            "{:.1} MiB / {:.0} KiB",
            mib(outputs),
            outputs as f64 / n / 1024.0
        ),
    );
    for ((width, ext), (bytes, k)) in &per {
        row(
            &format!("  {ext} {width} px, average"),
            format!("{:.0} KiB", *bytes as f64 / (*k).max(1) as f64 / 1024.0),
        );
    }
    row(
        "peak RSS while rendering (VmHWM)",
        format!("{rss_cold} MiB (before: {rss_before} MiB)"),
    );
    site_figures(&paths, dir.path());
}

/// The mini fixture with a page holding `photos` as its gallery (none when empty).
fn site_with(photos: &[std::path::PathBuf], root: &std::path::Path) {
    copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini"),
        root,
    );
    let bundle = root.join("content/events/fotos");
    std::fs::create_dir_all(&bundle).unwrap();
    let mut gallery = String::new();
    for (i, p) in photos.iter().enumerate() {
        std::fs::copy(p, bundle.join(format!("foto-{i:03}.jpg"))).unwrap();
        gallery += &format!("  - {{ src: foto-{i:03}.jpg, alt: Bild {i} }}\n");
    }
    let keys = if photos.is_empty() {
        String::new()
    } else {
        format!("gallery:\n{gallery}")
    };
    std::fs::write(
        bundle.join("index.md"),
        format!(
            "---\ntitle: Fotos\ndate: 2026-12-01\nlocation: {{ name: Rathaus }}\n{keys}---\nText.\n"
        ),
    )
    .unwrap();
}

fn copy_dir(src: &std::path::Path, dst: &std::path::Path) {
    std::fs::create_dir_all(dst).unwrap();
    for e in std::fs::read_dir(src).unwrap() {
        let e = e.unwrap();
        let to = dst.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &to);
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
}

/// Builds `root` into `out`; returns the wall time in seconds.
fn build(root: &std::path::Path, out: &std::path::Path) -> f64 {
    let opts = twinsite::BuildOptions {
        root: root.to_path_buf(),
        now: Some(jiff::civil::date(2026, 11, 21)),
        ..Default::default()
    };
    let t = Instant::now();
    twinsite::build(&opts, out).unwrap();
    t.elapsed().as_secs_f64()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn site_figures(photos: &[std::path::PathBuf], dir: &std::path::Path) {
    let (with, without) = (dir.join("with"), dir.join("without"));
    site_with(photos, &with);
    site_with(&[], &without);
    reset_peak_rss();
    let cold = build(&with, &with.join("public"));
    let rss = peak_rss_mib();
    build(&without, &without.join("public"));
    // Alternating rebuilds, so both sites meet the same noise of the shared machine.
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..7 {
        a.push(build(&with, &with.join("public")));
        b.push(build(&without, &without.join("public")));
    }
    let published: u64 = std::fs::read_dir(with.join("public/_img"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    let n = photos.len().max(1) as f64;
    let row = |label: &str, value: String| println!("| {label:<34} | {value:<28} |");
    println!();
    row("site build", "value".into());
    println!("|{}|{}|", "-".repeat(36), "-".repeat(30));
    row(
        &format!("first build, {} photos", photos.len()),
        format!("{cold:.2} s"),
    );
    row("peak RSS of the first build", format!("{rss} MiB"));
    row(
        "rebuild, nothing changed (median)",
        format!("{:.3} s", median(a.clone())),
    );
    row(
        "same site without photos (median)",
        format!("{:.3} s", median(b.clone())),
    );
    row("difference", format!("{:+.3} s", median(a) - median(b)));
    row(
        "published per photo",
        format!("{:.0} KiB", published as f64 / n / 1024.0),
    );
}
