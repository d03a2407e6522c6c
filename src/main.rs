//! The `twinsite` binary: parse the command line, call the library, print diagnostics, and
//! exit with 0 (success), 1 (problems in the site) or 2 (wrong usage).

// The binary is the one place that talks to the terminal; the library never prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use twinsite::cli::{Cli, Command, ServeArgs};
use twinsite::diagnostics::Diagnostic;
use twinsite::serve::{Event, open_browser};
use twinsite::{BuildError, build, check};

// Rendering makes many small, short-lived strings on every thread; mimalloc serves them with
// far less locking and bookkeeping than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => {
            let out = args.output_dir();
            let started = std::time::Instant::now();
            match build(&args.options(), &out) {
                Ok(report) => {
                    print_all(&report.warnings);
                    println!(
                        "Built {} files ({} KB) into {} in {} ms: {} written, {} unchanged, {} removed.",
                        report.files,
                        report.bytes / 1024,
                        out.display(),
                        started.elapsed().as_millis(),
                        report.stats.written,
                        report.stats.unchanged,
                        report.stats.removed
                    );
                    ExitCode::SUCCESS
                }
                Err(BuildError::Content(diags)) => {
                    print_all(&diags);
                    summary(&diags);
                    eprintln!("Nothing was written; {} is unchanged.", out.display());
                    ExitCode::from(1)
                }
                Err(BuildError::Write(e)) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Command::Init(args) => {
            let mut ask = ask;
            let fill = args.fill(
                std::io::stdin()
                    .is_terminal()
                    .then_some(&mut ask as twinsite::cli::Ask<'_>),
            );
            match twinsite::scaffold::init(&args.dir, &fill, twinsite::today("Europe/Berlin")) {
                Ok(files) => {
                    println!(
                        "Created a new site in {} with {} files.",
                        args.dir.display(),
                        files.len()
                    );
                    println!(
                        "Next: cd {} && twinsite build   (then fill in content/impressum.md and content/datenschutz.md)",
                        args.dir.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(d) => fail(&d),
            }
        }
        Command::New(args) => match twinsite::scaffold::new_entry(&args.options()) {
            Ok(path) => {
                println!(
                    "Created {}. Open it in an editor and fill in the lines marked Pflicht.",
                    twinsite::diagnostics::display_path(&path)
                );
                ExitCode::SUCCESS
            }
            Err(d) => fail(&d),
        },
        Command::Serve(args) => serve(&args),
        Command::Check(args) => {
            let diags = check::check(&args.options());
            print_all(&diags);
            summary(&diags);
            if diags.iter().any(Diagnostic::is_error) {
                ExitCode::from(1)
            } else if diags.is_empty() {
                println!("No problems found.");
                ExitCode::SUCCESS
            } else {
                println!("No errors found; please look at the warnings above.");
                ExitCode::SUCCESS
            }
        }
    }
}

fn fail(d: &Diagnostic) -> ExitCode {
    eprintln!("{d}");
    ExitCode::from(1)
}

/// Asks one question on the terminal; `None` at end of input.
fn ask(question: &str, default: &str) -> Option<String> {
    eprint!("{question} [{default}]: ");
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line),
    }
}

fn serve(args: &ServeArgs) -> ExitCode {
    let open = args.open;
    let mut on_event = |event: Event| match event {
        Event::Listening { url } => {
            println!("Serving {url}");
            if open && let Err(e) = open_browser(&url) {
                eprintln!("warning: {e}");
            }
        }
        Event::Warning(w) => eprintln!("warning: {w}"),
        Event::Built {
            build,
            elapsed,
            files,
            changed,
            warnings,
        } => {
            print_all(&warnings);
            if build == 1 {
                println!(
                    "Built {files} files in {} ms. Watching for changes; stop with Ctrl-C.",
                    elapsed.as_millis()
                );
            } else {
                let s = if changed == 1 { "" } else { "s" };
                println!(
                    "Rebuilt in {} ms ({changed} file{s} changed)",
                    elapsed.as_millis()
                );
            }
        }
        Event::Failed {
            elapsed, errors, ..
        } => {
            print_all(&errors);
            summary(&errors);
            eprintln!(
                "Build failed after {} ms; still serving the last good version.",
                elapsed.as_millis()
            );
        }
    };
    match twinsite::serve::serve(&args.options(), &mut on_event) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn print_all(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}");
    }
}

fn summary(diags: &[Diagnostic]) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    if errors > 0 || warnings > 0 {
        eprintln!("{errors} error(s), {warnings} warning(s).");
    }
}
