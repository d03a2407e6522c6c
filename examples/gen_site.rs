//! Writes a synthetic site: `cargo run --release --example gen_site -- DIR PAGES`; with
//! `--hugo`, the Hugo version of the same site (`--now YYYY-MM-DD` sets its build date, by
//! default the benchmark's; give twinsite the same with `twinsite build --now`).

#[path = "../benches/support/synth.rs"]
mod synth;

#[path = "../benches/support/hugo_site.rs"]
mod hugo_site;

/// The build date the benchmark uses.
const NOW: &str = "2026-11-21";

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let hugo = args.iter().any(|a| a == "--hugo");
    let now = args
        .iter()
        .position(|a| a == "--now")
        .and_then(|i| args.get(i + 1))
        .map_or(NOW, String::as_str);
    let plain: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|&(i, a)| !a.starts_with("--") && (i == 0 || args[i - 1] != "--now"))
        .map(|(_, a)| a)
        .collect();
    let (Some(dir), Some(n)) = (plain.first(), plain.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: gen_site DIR PAGES [--hugo [--now YYYY-MM-DD]]");
        return std::process::ExitCode::from(2);
    };
    let dir = std::path::Path::new(dir.as_str());
    let written = if hugo {
        hugo_site::generate(dir, n, now)
    } else {
        synth::generate(dir, n)
    };
    match written {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
