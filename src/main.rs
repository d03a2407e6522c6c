//! The `twinsite` binary: parse the command line, call the library, print diagnostics, and
//! exit with 0 (success), 1 (problems in the site) or 2 (wrong usage).

// The binary is the one place that talks to the terminal; the library never prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use twinsite::cli::{Cli, Command, ServeArgs};
use twinsite::diagnostics::{Diagnostic, terminal_safe};
use twinsite::serve::{Event, open_browser};
use twinsite::{BuildError, build, check};

// Rendering makes many small, short-lived strings on every thread; mimalloc serves them with
// far less locking and bookkeeping than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Prints on stdout, each line made [`terminal_safe`].
macro_rules! say {
    ($($arg:tt)*) => { println!("{}", safe_lines(&format!($($arg)*))) };
}

/// Prints on stderr, each line made [`terminal_safe`].
macro_rules! tell {
    ($($arg:tt)*) => { eprintln!("{}", safe_lines(&format!($($arg)*))) };
}

/// [`terminal_safe`] line by line: messages such as a write error's `\n  hint: …` keep their
/// line breaks, while every other control character is shown escaped.
fn safe_lines(text: &str) -> String {
    text.split('\n')
        .map(terminal_safe)
        .collect::<Vec<_>>()
        .join("\n")
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    match cli.command {
        Command::Build(args) => {
            let out = args.output_dir();
            let started = std::time::Instant::now();
            match build(&args.options(), &out) {
                Ok(report) => {
                    print_all(&report.warnings);
                    say!(
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
                    tell!("Nothing was written; {} is unchanged.", out.display());
                    ExitCode::from(1)
                }
                Err(BuildError::Write(e)) => {
                    tell!("error: {e}");
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
                    say!(
                        "Created a new site in {} with {} files.",
                        args.dir.display(),
                        files.len()
                    );
                    say!(
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
                say!(
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
                say!("No problems found.");
                ExitCode::SUCCESS
            } else {
                say!("No errors found; please look at the warnings above.");
                ExitCode::SUCCESS
            }
        }
    }
}

fn fail(d: &Diagnostic) -> ExitCode {
    eprintln!("{d}");
    ExitCode::from(1)
}

/// A wrong command line: clap's message (escaped, as it echoes what was typed), exit 2;
/// `--help` and `--version` print as usual.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = e.print();
        return if e.use_stderr() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let text = e.to_string();
    for line in text.trim_end().lines() {
        tell!("{line}");
    }
    ExitCode::from(2)
}

/// Asks one question on the terminal; `None` at end of input.
fn ask(question: &str, default: &str) -> Option<String> {
    eprint!("{}", terminal_safe(&format!("{question} [{default}]: ")));
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
            say!("Serving {url}");
            if open && let Err(e) = open_browser(&url) {
                tell!("warning: {e}");
            }
        }
        Event::Warning(w) => tell!("warning: {w}"),
        Event::Built {
            build,
            elapsed,
            files,
            changed,
            warnings,
        } => {
            print_all(&warnings);
            if build == 1 {
                say!(
                    "Built {files} files in {} ms. Watching for changes; stop with Ctrl-C.",
                    elapsed.as_millis()
                );
            } else {
                let s = if changed == 1 { "" } else { "s" };
                say!(
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
            tell!(
                "Build failed after {} ms; still serving the last good version.",
                elapsed.as_millis()
            );
        }
    };
    match twinsite::serve::serve(&args.options(), &mut on_event) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tell!("error: {e}");
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
        tell!("{errors} error(s), {warnings} warning(s).");
    }
}
