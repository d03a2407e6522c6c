//! Where a rebuild's time goes with a warm [`BuildCache`], as `twinsite serve` rebuilds:
//! `cargo run --release --example rebuild_stages -- DIR [REPEAT]` builds DIR (e.g. one made by
//! the `gen_site` example) cold, then again unchanged, after appending a line to one content
//! file, after reverting it, and REPEAT more times unchanged, printing each stage's time.
//!
//! The page jobs, feeds and calendar files are timed a second time on their own (after the
//! build, with the same cache), so the render figure includes them once.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_docs
)]

use std::path::Path;
use std::time::{Duration, Instant};

use twinsite::cache::{BuildCache, KeyBuilder};
use twinsite::diagnostics::Diagnostics;

// The allocator the `twinsite` binary uses, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn stages(root: &Path, cache: &BuildCache, label: &str) {
    let now: jiff::civil::Date = "2026-11-21".parse().unwrap();
    cache.start_build();
    let t = Instant::now();
    let mut diags = Diagnostics::new();
    let config = twinsite::config::load(root, &mut diags).expect("site.yaml");
    let t1 = Instant::now();
    let content = twinsite::content::load::load_with(
        root,
        &config,
        Default::default(),
        Some(cache),
        &mut diags,
    );
    let load = t1.elapsed();
    let t2 = Instant::now();
    let site = twinsite::link::link(config, root, content, now, &mut diags);
    twinsite::lint::lint(&site, &mut diags);
    let link = t2.elapsed();
    let t3 = Instant::now();
    let theme = twinsite::render::theme::load(root, &site.config, &mut diags).expect("theme");
    let out = twinsite::render::render_with(&site, &theme, Some(cache)).expect("render");
    let render = t3.elapsed();
    let total = t.elapsed();
    let t4 = Instant::now();
    let jobs = twinsite::render::pages::jobs_with(&site, &theme.strings, Some(cache));
    let jobs: Vec<_> = jobs.into_iter().map(|job| job.ctx.make()).collect();
    let jobs_time = t4.elapsed();
    let pages = jobs.len();
    let t8 = Instant::now();
    for job in &jobs {
        let mut key = KeyBuilder::new("page");
        std::hint::black_box(job.hash_into(&mut key).then(|| key.finish()));
    }
    let key_time = t8.elapsed();
    let base = twinsite::render::pages::base_context(&site, &theme.strings);
    let t7 = Instant::now();
    for job in jobs {
        std::hint::black_box(job.into_context(&base));
    }
    let context_time = t7.elapsed();
    let t5 = Instant::now();
    let feeds = twinsite::render::feeds::render(&site, &theme.strings);
    let feeds_time = t5.elapsed();
    let t6 = Instant::now();
    let ics = twinsite::render::calendar_pages::feeds(
        &site,
        &theme.strings,
        Some(cache),
        None,
        &mut diags,
    );
    let ics_time = t6.elapsed();
    cache.finish_build();
    println!(
        "{label}: {:.0} ms = load {:.0} + link/lint {:.0} + theme/render {:.0} (in it: {} page jobs {:.0}, {} feed files {:.0}, {} calendar files {:.0}); {} files, {} bytes; page values keyed in {:.0} ms, made into template contexts in {:.0} ms (one thread)",
        ms(total),
        ms(load),
        ms(link),
        ms(render),
        pages,
        ms(jobs_time),
        feeds.len(),
        ms(feeds_time),
        ics.len(),
        ms(ics_time),
        out.len(),
        out.total_bytes(),
        ms(key_time),
        ms(context_time),
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = std::path::PathBuf::from(args.next().expect("usage: rebuild_stages DIR [REPEAT]"));
    let repeat: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    let cache = BuildCache::new();
    stages(&root, &cache, "cold");
    stages(&root, &cache, "warm, unchanged");
    let file = twinsite::content::load::content_files(&root, &mut Diagnostics::new())
        .into_iter()
        .next_back()
        .map(|rel| root.join(rel));
    if let Some(file) = file {
        let original = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, format!("{original}\nEine Änderung.\n")).unwrap();
        stages(&root, &cache, "warm, one file edited");
        std::fs::write(&file, original).unwrap();
        stages(&root, &cache, "warm, edit reverted");
    }
    for _ in 0..repeat {
        stages(&root, &cache, "warm, unchanged");
    }
    println!("{:?}", cache.stats());
}
