//! The command line: one clap `Args` struct per subcommand, parsed and checked once into
//! [`crate::BuildOptions`]. `main.rs` dispatches and prints; this module never prints.

use std::net::IpAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::BuildOptions;
use crate::content::model::Section;
use crate::scaffold::NewOptions;
use crate::scaffold::site_files::SiteFill;
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
    #[command(
        after_help = "Examples:\n  twinsite build\n  twinsite build --root mein-verein --output /tmp/site\n  twinsite build --base-url https://example.org/partner/ --now 2026-05-01\n  twinsite build --relative          # for FTP upload into any folder, or opening from disk"
    )]
    Build(BuildArgs),
    /// Build the site in memory, serve it on this machine, and rebuild and reload on every change.
    #[command(
        after_help = "Examples:\n  twinsite serve\n  twinsite serve --root mein-verein --open\n  twinsite serve --port 0            any free port; the first line printed is the address\n  twinsite serve --bind 0.0.0.0      also reachable from other devices (prints a warning)\n\nStop it with Ctrl-C. Nothing is written to disk: pages are served from memory."
    )]
    Serve(ServeArgs),
    /// Check content, internal links and anchors (also those in templates) without writing anything.
    #[command(
        after_help = "Examples:\n  twinsite check\n  twinsite check --root mein-verein\n  twinsite check --drafts --now 2026-05-01"
    )]
    Check(CheckArgs),
    /// Create a new site that builds at once: settings, one example of each content type,
    /// Impressum and Datenschutz, and CI workflows for GitHub Pages and GitLab Pages.
    #[command(
        after_help = "Examples:\n  twinsite init meine-partnerschaften          # asks for the home town in a terminal\n  twinsite init site --name Musterstadt --lat 50.9 --lon 9.7\n  twinsite init site --name Neustadt --lat 49.35 --lon 8.14 --base-url https://partner.neustadt.example/"
    )]
    Init(InitArgs),
    /// Create a new content file with every key explained.
    #[command(
        after_help = "Examples:\n  twinsite new city \"Brünn\" --lat 49.195 --lon 16.608   # content/cities/bruenn.md\n  twinsite new association \"Freundeskreis Brünn e. V.\"\n  twinsite new event \"Partnerschaftsbrunch\" --date 2026-09-13   # content/events/2026/partnerschaftsbrunch.md\n  twinsite new news \"Besuch aus Brünn\"\n  twinsite new page \"Förderung\"\n  twinsite new city \"扬州\" --slug yangzhou --lat 32.39 --lon 119.41"
    )]
    New(NewArgs),
}

/// `twinsite init`.
#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    /// The folder to create (it must not exist yet or be empty).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Name of the home town (asked in a terminal; default: Musterstadt).
    #[arg(long)]
    pub name: Option<String>,
    /// Latitude of the home town in decimal degrees, e.g. 50.9.
    #[arg(long, allow_negative_numbers = true, value_parser = parse_lat)]
    pub lat: Option<f64>,
    /// Longitude of the home town in decimal degrees, e.g. 9.7.
    #[arg(long, allow_negative_numbers = true, value_parser = parse_lon)]
    pub lon: Option<f64>,
    /// Site title (default: "Städtepartnerschaften <name>").
    #[arg(long)]
    pub title: Option<String>,
    /// The address the site will have (default: https://example.org/).
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    pub base_url: Option<String>,
    /// Language of the site: de, en, fr, pl, uk, tr or he.
    #[arg(long, default_value = "de", value_parser = ["de", "en", "fr", "pl", "uk", "tr", "he"])]
    pub language: String,
}

/// A way to ask the user one question: `(question, default)` → the answer (`None` at end of input).
pub type Ask<'a> = &'a mut dyn FnMut(&str, &str) -> Option<String>;

impl InitArgs {
    /// The values for the new site. Missing name and coordinates come from `ask(question,
    /// default)` when given (the binary asks in a terminal), otherwise from defaults.
    pub fn fill(&self, mut ask: Option<Ask<'_>>) -> SiteFill {
        let mut question =
            |q: &str, default: &str, check: &dyn Fn(&str) -> Result<(), String>| -> String {
                let Some(ask) = ask.as_mut() else {
                    return default.to_owned();
                };
                for _ in 0..3 {
                    match ask(q, default) {
                        None => return default.to_owned(),
                        Some(a) if a.trim().is_empty() => return default.to_owned(),
                        Some(a) if check(a.trim()).is_ok() => return a.trim().to_owned(),
                        Some(_) => {}
                    }
                }
                default.to_owned()
            };
        let name = self.name.clone().unwrap_or_else(|| {
            question(
                "Name der Heimatstadt / home town",
                "Musterstadt",
                &|_: &str| Ok(()),
            )
        });
        let lat = self.lat.unwrap_or_else(|| {
            parse_lat(&question(
                "Breitengrad / latitude (lat)",
                "50.9",
                &|a: &str| parse_lat(a).map(|_| ()),
            ))
            .unwrap_or(50.9)
        });
        let lon = self.lon.unwrap_or_else(|| {
            parse_lon(&question(
                "Längengrad / longitude (lon)",
                "9.7",
                &|a: &str| parse_lon(a).map(|_| ()),
            ))
            .unwrap_or(9.7)
        });
        SiteFill {
            title: self
                .title
                .clone()
                .unwrap_or_else(|| format!("Städtepartnerschaften {name}")),
            name,
            lat,
            lon,
            base_url: self
                .base_url
                .clone()
                .unwrap_or_else(|| "https://example.org/".to_owned()),
            language: self.language.clone(),
        }
    }
}

/// The five content types, as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// A partner city: content/cities/
    City,
    /// An association: content/associations/
    Association,
    /// An event: content/events/<year>/
    Event,
    /// A news item: content/news/
    News,
    /// A plain page: content/
    Page,
}

impl Kind {
    /// The content section.
    pub fn section(self) -> Section {
        match self {
            Kind::City => Section::City,
            Kind::Association => Section::Association,
            Kind::Event => Section::Event,
            Kind::News => Section::News,
            Kind::Page => Section::Page,
        }
    }
}

/// `twinsite new`.
#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// What to create.
    pub kind: Kind,
    /// The title; the file name is made from it (Brünn → bruenn.md).
    pub title: String,
    /// The site folder.
    #[command(flatten)]
    pub root: RootArg,
    /// Date of an event or news item (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<Date>,
    /// File name (without .md) instead of one made from the title.
    #[arg(long)]
    pub slug: Option<String>,
    /// Latitude of a new city in decimal degrees.
    #[arg(long, allow_negative_numbers = true, value_parser = parse_lat)]
    pub lat: Option<f64>,
    /// Longitude of a new city in decimal degrees.
    #[arg(long, allow_negative_numbers = true, value_parser = parse_lon)]
    pub lon: Option<f64>,
}

impl NewArgs {
    /// The checked options.
    pub fn options(&self) -> NewOptions {
        NewOptions {
            root: self.root.root.clone(),
            section: self.kind.section(),
            title: self.title.clone(),
            slug: self.slug.clone(),
            date: self.date,
            lat: self.lat,
            lon: self.lon,
        }
    }
}

fn parse_coordinate(s: &str, limit: f64) -> Result<f64, String> {
    let v: f64 = s
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("\"{s}\" is not a number in decimal degrees like 50.9"))?;
    if (-limit..=limit).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{v} is not between -{limit} and {limit}"))
    }
}

/// Parses a latitude (−90..90).
pub fn parse_lat(s: &str) -> Result<f64, String> {
    parse_coordinate(s, 90.0)
}

/// Parses a longitude (−180..180).
pub fn parse_lon(s: &str) -> Result<f64, String> {
    parse_coordinate(s, 180.0)
}

fn parse_base_url(s: &str) -> Result<String, String> {
    crate::config::BaseUrl::parse(s).map(|b| b.full)
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
    /// Write every link relative to its page, so the site works from disk (file://) and in any
    /// sub-folder of a web host (same as `relative_urls: true` in site.yaml).
    #[arg(long)]
    pub relative: bool,
}

impl BuildArgs {
    /// The checked build options.
    pub fn options(&self) -> BuildOptions {
        BuildOptions {
            root: self.root.root.clone(),
            drafts: self.drafts,
            base_url: self.base_url.clone(),
            now: self.now,
            relative: self.relative,
            defer_photos: false,
        }
    }

    /// The output folder.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.root.join("public"))
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
            build: BuildOptions {
                root: self.root.root.clone(),
                drafts: self.drafts,
                base_url: None,
                now: self.now,
                relative: false,
                defer_photos: true,
            },
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
        BuildOptions {
            root: self.root.root.clone(),
            drafts: self.drafts,
            base_url: None,
            now: self.now,
            relative: false,
            defer_photos: false,
        }
    }
}

/// Parses `YYYY-MM-DD` for `--now`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    crate::content::validate::parse_date(s).map_err(|e| format!("{e}; write it like 2026-05-16"))
}
