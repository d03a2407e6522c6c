//! The `twinsite` binary: parse the command line, call the library, print diagnostics, and
//! exit with 0 (success), 1 (problems in the site) or 2 (wrong usage).

// The binary is the one place that talks to the terminal; the library never prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use twinsite::cli::{Cli, Command, Question, ServeArgs};
use twinsite::diagnostics::{Diagnostic, terminal_safe};
use twinsite::messages::{choose, set_language};
use twinsite::msg;
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
    let env = |name: &str| std::env::var(name).ok();
    // `--lang` and the environment decide already while the command line is read, so the
    // checks of its values (`--lat`, `--base-url`) speak the same language.
    let early = lang_arg(std::env::args());
    set_language(choose(early.as_deref(), &env));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    set_language(choose(cli.lang.as_deref(), &env));
    match cli.command {
        Command::Build(args) => {
            let out = args.output_dir();
            let started = std::time::Instant::now();
            match build(&args.options(), &out) {
                Ok(report) => {
                    print_all(&report.warnings);
                    say!(
                        "{}",
                        msg!(
                            "build-done",
                            files = report.files,
                            kb = report.bytes / 1024,
                            path = out.display().to_string(),
                            ms = millis(started.elapsed()),
                            written = report.stats.written,
                            unchanged = report.stats.unchanged,
                            removed = report.stats.removed
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(BuildError::Content(diags)) => {
                    print_all(&diags);
                    summary(&diags);
                    tell!(
                        "{}",
                        msg!("build-nothing-written", path = out.display().to_string())
                    );
                    ExitCode::from(1)
                }
                Err(BuildError::Write(e)) => {
                    tell!("{}", msg!("error-line", text = e.to_string()));
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
                    let dir = args.dir.display().to_string();
                    say!(
                        "{}",
                        msg!("init-done", path = dir.as_str(), files = files.len())
                    );
                    say!("{}", msg!("init-next", path = dir));
                    ExitCode::SUCCESS
                }
                Err(d) => fail(&d),
            }
        }
        Command::New(args) => match twinsite::scaffold::new_entry(&args.options()) {
            Ok(path) => {
                say!(
                    "{}",
                    msg!(
                        "new-done",
                        path = twinsite::diagnostics::display_path(&path)
                    )
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
                say!("{}", msg!("check-clean"));
                ExitCode::SUCCESS
            } else {
                say!("{}", msg!("check-only-warnings"));
                ExitCode::SUCCESS
            }
        }
    }
}

/// The value of `--lang` (or `--lang=`) on the command line, before clap reads it.
fn lang_arg(args: impl Iterator<Item = String>) -> Option<String> {
    let mut args = args.skip(1);
    while let Some(a) = args.next() {
        if a == "--" {
            return None;
        }
        if a == "--lang" {
            return args.next();
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Some(v.to_owned());
        }
    }
    None
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

/// Asks one question on the terminal, after the reason the last answer was not taken;
/// `None` at end of input.
fn ask(q: &Question) -> Option<String> {
    if let Some(problem) = &q.problem {
        tell!("  {problem}");
    }
    eprint!(
        "{}",
        terminal_safe(&format!("{} [{}]: ", q.text, q.default))
    );
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
            say!("{}", msg!("serve-listening", url = url.as_str()));
            if open && let Err(e) = open_browser(&url) {
                tell!("{}", msg!("warning-line", text = e.to_string()));
            }
        }
        Event::Warning(w) => tell!("{}", msg!("warning-line", text = w.to_string())),
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
                    "{}",
                    msg!("serve-built", files = files, ms = millis(elapsed))
                );
            } else {
                say!(
                    "{}",
                    msg!("serve-rebuilt", ms = millis(elapsed), changed = changed)
                );
            }
        }
        Event::Failed {
            elapsed, errors, ..
        } => {
            print_all(&errors);
            summary(&errors);
            tell!("{}", msg!("serve-failed", ms = millis(elapsed)));
        }
    };
    match twinsite::serve::serve(&args.options(), &mut on_event) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tell!("{}", msg!("error-line", text = e.to_string()));
            ExitCode::from(1)
        }
    }
}

/// Milliseconds as a whole number for messages.
fn millis(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
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
        tell!("{}", msg!("summary", errors = errors, warnings = warnings));
    }
}
