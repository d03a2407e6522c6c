//! How long `twinsite serve`'s rebuild takes with a warm cache and nothing changed:
//! `cargo run --release --example warm_rebuild -- DIR N` builds the site in DIR N times in
//! memory with one [`BuildCache`](twinsite::cache::BuildCache) and prints the median wall and
//! CPU time of the rebuilds after the first (CPU time from `/proc/self/stat`, Linux only),
//! and the cache's hit counts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    missing_docs
)]

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// User plus system time of this process so far, in ms (clock ticks of 10 ms).
fn cpu_ms() -> u64 {
    let s = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat");
    let rest = &s[s.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    (f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()) * 10
}

fn main() {
    let mut args = std::env::args().skip(1);
    let root = std::path::PathBuf::from(args.next().expect("usage: warm_rebuild DIR N"));
    let n: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10)
        .max(2);
    let cache = twinsite::cache::BuildCache::new();
    let opts = twinsite::BuildOptions {
        root,
        drafts: false,
        base_url: None,
        now: None,
        relative: false,
        defer_photos: false,
        network: twinsite::network::Options::default(),
    };
    let (mut walls, mut cpus) = (Vec::new(), Vec::new());
    for i in 0..n {
        let c = cpu_ms();
        let t = std::time::Instant::now();
        let b = twinsite::build_in_memory_with(&opts, Some(&cache)).expect("the site builds");
        let wall = t.elapsed().as_millis() as u64;
        let cpu = cpu_ms() - c;
        drop(b);
        if i > 0 {
            walls.push(wall);
            cpus.push(cpu);
        }
    }
    walls.sort();
    cpus.sort();
    println!(
        "warm rebuild: median wall {} ms (min {}), median CPU {} ms (min {})\n{:#?}",
        walls[walls.len() / 2],
        walls[0],
        cpus[cpus.len() / 2],
        cpus[0],
        cache.stats()
    );
}
