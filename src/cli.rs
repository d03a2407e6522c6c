//! The command line: one clap `Args` struct per subcommand, parsed and checked once into
//! [`crate::BuildOptions`]. `main.rs` dispatches and prints; this module never prints.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use jiff::civil::Date;

use crate::BuildOptions;
use crate::serve::ServeOptions;

/// twinsite turns Markdown files about partner cities, associations and events into a complete
/// static website with a map and an event calendar.
#[derive(Debug, Parser)]
#[command(name = "twinsite", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into the output folder (default: public/).
    #[command(after_help = "Examples:\n  twinsite build\n  twinsite build --root mein-verein --output /tmp/site\n  twinsite build --base-url https://example.org/partner/ --now 2026-05-01")]
    Build(BuildArgs),
    /// Build the site in memory, serve it on this machine, and rebuild and reload on every change.
    #[command(after_help = "Examples:\n  twinsite serve\n  twinsite serve --root mein-verein --open\n  twinsite serve --port 0            any free port; the first line printed is the address\n  twinsite serve --bind 0.0.0.0      also reachable from other devices (prints a warning)\n\nStop it with Ctrl-C. Nothing is written to disk: pages are served from memory.")]
    Serve(ServeArgs),
    /// Check content and internal links without building anything.
    #[command(after_help = "Examples:\n  twinsite check\n  twinsite check --root mein-verein")]
    Check(CheckArgs),
}

/// Where the site is.
#[derive(Debug, Clone, Args)]
pub struct RootArg {
    /// The site folder (the one with site.yaml).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub root: PathBuf,
}

/// `twinsite build`.
#[derive(Debug, Clone, Args)]
pub struct BuildArgs {
    /// The site folder.
    #[command(flatten)]
    pub root: RootArg,
    /// Where to write the site (default: public/ in the site folder).
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Also publish entries marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Use this address instead of base_url from site.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Build as if today were this date (YYYY-MM-DD): decides which events are upcoming.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub now: Option<Date>,
}

impl BuildArgs {
    /// The checked build options.
    pub fn options(&self) -> BuildOptions {
        BuildOptions { root: self.root.root.clone(), drafts: self.drafts, base_url: self.base_url.clone(), now: self.now }
    }

    /// The output folder.
    pub fn output_dir(&self) -> PathBuf {
        self.output.clone().unwrap_or_else(|| self.root.root.join("public"))
    }
}

/// `twinsite serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The site folder.
    #[command(flatten)]
    pub root: RootArg,
    /// The port to listen on; 0 picks any free port.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on. Anything but a loopback address shows the preview to the network.
    #[arg(long, default_value = "127.0.0.1", value_name = "IP")]
    pub bind: IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Also show entries marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Build as if today were this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub now: Option<Date>,
}

impl ServeArgs {
    /// The checked serve options.
    pub fn options(&self) -> ServeOptions {
        ServeOptions {
            build: BuildOptions { root: self.root.root.clone(), drafts: self.drafts, base_url: None, now: self.now },
            bind: self.bind,
            port: self.port,
        }
    }
}

/// `twinsite check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The site folder.
    #[command(flatten)]
    pub root: RootArg,
    /// Check drafts too.
    #[arg(long)]
    pub drafts: bool,
    /// Check as if today were this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub now: Option<Date>,
}

impl CheckArgs {
    /// The checked options.
    pub fn options(&self) -> BuildOptions {
        BuildOptions { root: self.root.root.clone(), drafts: self.drafts, base_url: None, now: self.now }
    }
}

/// Parses `YYYY-MM-DD` for `--now`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    crate::content::validate::parse_date(s).map_err(|e| format!("{e}; write it like 2026-05-16"))
}
