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
    /// Language of messages: de or en (default: TWINSITE_LANG, then the system's language).
    #[arg(long, global = true, value_name = "LANG", value_parser = ["de", "en"])]
    pub lang: Option<String>,
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
    /// Site title (asked in a terminal; default: "Städtepartnerschaften <name>").
    #[arg(long)]
    pub title: Option<String>,
    /// The address the site will have (asked in a terminal; default: https://example.org/).
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    pub base_url: Option<String>,
    /// Language of the site: de, en, fr, pl, uk, tr or he (asked in a terminal; default: de).
    #[arg(long, value_parser = parse_site_language)]
    pub language: Option<String>,
}

/// One question `init` asks in a terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// What is asked.
    pub text: String,
    /// The answer taken when the user just presses Enter.
    pub default: String,
    /// Why the previous answer was not taken, with an example of what is expected.
    pub problem: Option<String>,
}

/// A way to ask the user one question; `None` at end of input.
pub type Ask<'a> = &'a mut dyn FnMut(&Question) -> Option<String>;

/// How often a question is asked again after answers that cannot be used; then the default.
const TRIES: usize = 10;

/// Asks `text` until `check` takes the answer; the default on Enter, at end of input (which
/// also ends the asking), without a terminal (`ask` is `None`) or after [`TRIES`] unusable
/// answers.
fn question(
    ask: &mut Option<Ask<'_>>,
    text: String,
    default: String,
    check: &dyn Fn(&str) -> Result<String, String>,
) -> String {
    let mut problem = None;
    for _ in 0..TRIES {
        let Some(asking) = ask.as_mut() else {
            return default;
        };
        let q = Question {
            text: text.clone(),
            default: default.clone(),
            problem: problem.take(),
        };
        match asking(&q).map(|a| a.trim().to_owned()) {
            None => {
                // End of input: the remaining questions take their defaults unasked.
                *ask = None;
                return default;
            }
            Some(a) if a.is_empty() => return default,
            Some(a) => match check(&a) {
                Ok(v) => return v,
                Err(e) => problem = Some(e),
            },
        }
    }
    default
}

impl InitArgs {
    /// The values for the new site. What was not given on the command line comes from
    /// `ask` when given (the binary asks in a terminal, and asks again with the reason when an
    /// answer cannot be used), otherwise from defaults.
    pub fn fill(&self, mut ask: Option<Ask<'_>>) -> SiteFill {
        let any = |a: &str| Ok(a.to_owned());
        let name = match &self.name {
            Some(n) => n.clone(),
            None => question(&mut ask, msg!("init-ask-name"), "Musterstadt".into(), &any),
        };
        let lat = match self.lat {
            Some(v) => v,
            None => number(&question(
                &mut ask,
                msg!("init-ask-lat"),
                "50.9".into(),
                &|a: &str| parse_lat(a).map(|v| v.to_string()),
            )),
        };
        let lon = match self.lon {
            Some(v) => v,
            None => number(&question(
                &mut ask,
                msg!("init-ask-lon"),
                "9.7".into(),
                &|a: &str| parse_lon(a).map(|v| v.to_string()),
            )),
        };
        let title = match &self.title {
            Some(t) => t.clone(),
            None => question(
                &mut ask,
                msg!("init-ask-title"),
                format!("Städtepartnerschaften {name}"),
                &any,
            ),
        };
        let base_url = match &self.base_url {
            Some(b) => b.clone(),
            None => question(
                &mut ask,
                msg!("init-ask-base-url"),
                "https://example.org/".into(),
                &parse_base_url,
            ),
        };
        let language = match &self.language {
            Some(l) => l.clone(),
            None => question(
                &mut ask,
                msg!("init-ask-language", languages = SITE_LANGUAGES.join(", ")),
                "de".into(),
                &parse_site_language,
            ),
        };
        SiteFill {
            title,
            name,
            lat,
            lon,
            base_url,
            language,
        }
    }
}

/// The languages a new site can have.
pub const SITE_LANGUAGES: [&str; 7] = ["de", "en", "fr", "pl", "uk", "tr", "he"];

fn parse_site_language(s: &str) -> Result<String, String> {
    let l = s.trim().to_ascii_lowercase();
    if SITE_LANGUAGES.contains(&l.as_str()) {
        Ok(l)
    } else {
        Err(msg!(
            "init-language-unknown",
            value = s,
            languages = SITE_LANGUAGES.join(", ")
        ))
    }
}

/// A number [`question`] has already checked.
fn number(s: &str) -> f64 {
    s.parse().unwrap_or_default()
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
    let example = if limit > 90.0 { "8.14" } else { "49.35" };
    let Ok(v) = s.trim().replace(',', ".").parse::<f64>() else {
        return Err(match crate::content::degrees::degrees_minutes(s) {
            Some(decimal) => msg!("coordinate-degrees-minutes", value = s, decimal = decimal),
            None => msg!("coordinate-not-a-number", value = s, example = example),
        });
    };
    if v.is_finite() && (-limit..=limit).contains(&v) {
        Ok(v)
    } else if limit > 90.0 {
        Err(msg!("longitude-out-of-range", value = s.trim()))
    } else {
        Err(msg!("latitude-out-of-range", value = s.trim()))
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
    /// Take the events of `network:` sources from .twinsite-cache/ only; fetch nothing.
    #[arg(long)]
    pub offline: bool,
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
            network: self.network(),
        }
    }

    fn network(&self) -> crate::network::Options {
        crate::network::Options {
            offline: self.offline,
            ..Default::default()
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
    /// Take the events of `network:` sources from .twinsite-cache/ only; fetch nothing.
    #[arg(long)]
    pub offline: bool,
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
                network: crate::network::Options {
                    offline: self.offline,
                    ..Default::default()
                },
            },
            bind: self.bind,
            port: self.port,
            network_refresh: crate::serve::NETWORK_REFRESH,
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
    /// Take the events of `network:` sources from .twinsite-cache/ only; fetch nothing.
    #[arg(long)]
    pub offline: bool,
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
            network: crate::network::Options {
                offline: self.offline,
                ..Default::default()
            },
        }
    }
}

/// Parses `YYYY-MM-DD` for `--now`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    crate::content::validate::parse_date(s).map_err(|e| msg!("cli-date-example", problem = e))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn init_args() -> InitArgs {
        Cli::try_parse_from(["twinsite", "init", "site"])
            .map(|c| match c.command {
                Command::Init(a) => a,
                _ => unreachable!(),
            })
            .unwrap()
    }

    /// Runs `fill` with scripted answers; returns the values and every question as asked.
    fn scripted(answers: &[&str]) -> (SiteFill, Vec<Question>) {
        let mut left: Vec<String> = answers.iter().rev().map(|a| (*a).to_owned()).collect();
        let mut asked = Vec::new();
        let mut ask = |q: &Question| {
            asked.push(q.clone());
            left.pop()
        };
        let fill = init_args().fill(Some(&mut ask));
        (fill, asked)
    }

    #[test]
    fn init_says_why_an_answer_is_not_taken_and_asks_again() {
        let (fill, asked) = scripted(&[
            "Neustadt",
            "abc",
            "149",
            "49° 21' N",
            "49.35",
            "8,14",
            "",
            "partner.neustadt.example",
            "https://partner.neustadt.example/",
            "klingonisch",
            "fr",
        ]);
        assert_eq!(
            (fill.name.as_str(), fill.lat, fill.lon),
            ("Neustadt", 49.35, 8.14)
        );
        assert_eq!(fill.title, "Städtepartnerschaften Neustadt");
        assert_eq!(fill.base_url, "https://partner.neustadt.example/");
        assert_eq!(fill.language, "fr");
        let problems: Vec<&str> = asked.iter().filter_map(|q| q.problem.as_deref()).collect();
        assert_eq!(problems.len(), 5, "{problems:#?}");
        assert!(
            problems[0].contains("\u{201c}abc\u{201d} is not a number")
                && problems[0].contains("49.35")
        );
        assert!(problems[1].contains("149 is not a latitude"));
        assert!(problems[2].contains("in decimal degrees that is 49.35"));
        assert!(problems[4].contains("klingonisch") && problems[4].contains("de, en, fr"));
        let texts: Vec<&str> = asked.iter().map(|q| q.text.as_str()).collect();
        assert!(
            texts.contains(&"Title of the site") && texts.iter().any(|t| t.contains("base URL"))
        );
    }

    #[test]
    fn init_takes_defaults_on_enter_and_at_end_of_input() {
        let (fill, asked) = scripted(&["", ""]);
        assert_eq!(
            (fill.name.as_str(), fill.lat, fill.lon),
            ("Musterstadt", 50.9, 9.7)
        );
        assert_eq!(fill.language, "de");
        assert_eq!(asked.len(), 3, "end of input stops asking");
    }
}
