//! Writes a synthetic site: `cargo run --release --example gen_site -- DIR PAGES`.

#[path = "../benches/support/synth.rs"]
mod synth;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(n)) = (args.get(1), args.get(2).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: gen_site DIR PAGES");
        return std::process::ExitCode::from(2);
    };
    match synth::generate(std::path::Path::new(dir), n) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
