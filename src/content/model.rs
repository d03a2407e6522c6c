//! The typed content of a site: cities, associations, events, news and plain pages.
//!
//! These are plain values produced by [`crate::content::validate`]; every field has already been
//! checked, so later stages never re-validate. References to other entries are kept as
//! [`Ref`]s with their position, so the link step can point at the exact line of a typo.

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

use crate::calendar::Rule;
use crate::content::front_matter::Pos;
use crate::shared::Shared;

/// The five content types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    /// `content/cities/`
    City,
    /// `content/associations/`
    Association,
    /// `content/events/`
    Event,
    /// `content/news/`
    News,
    /// `content/*.md`
    Page,
}

impl Section {
    /// The URL folder of this section (`cities`, …); empty for plain pages.
    pub fn dir(self) -> &'static str {
        match self {
            Section::City => "cities",
            Section::Association => "associations",
            Section::Event => "events",
            Section::News => "news",
            Section::Page => "",
        }
    }

    /// The section for a top-level content folder name.
    pub fn from_dir(dir: &str) -> Option<Self> {
        match dir {
            "cities" => Some(Section::City),
            "associations" => Some(Section::Association),
            "events" => Some(Section::Event),
            "news" => Some(Section::News),
            _ => None,
        }
    }
}

/// A reference to another entry by slug, with where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    /// The slug as written.
    pub slug: String,
    /// Its position in the file.
    pub pos: Pos,
}

/// A contact person of a city or association.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name.
    pub name: String,
    /// Role, e.g. "Vorsitzende".
    #[serde(default)]
    pub role: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
}

/// Keys shared by every content type.
#[derive(Debug, Clone)]
pub struct Common {
    /// Title.
    pub title: String,
    /// URL slug (`[a-z0-9-]+`).
    pub slug: String,
    /// Where `slug:` is set; `None` when the slug is the file name.
    pub slug_pos: Option<Pos>,
    /// Where each of [`Common::aliases`] is written.
    pub alias_pos: Vec<Pos>,
    /// Drafts are left out unless `--drafts`.
    pub draft: bool,
    /// Teaser text from the front matter (Markdown).
    pub summary: Option<String>,
    /// Topic names.
    pub topics: Vec<String>,
    /// Old URLs that redirect here.
    pub aliases: Vec<String>,
    /// Sort weight (lower first).
    pub weight: Option<i64>,
    /// The entry's picture (`image:`).
    pub image: Option<Picture>,
    /// More pictures (`gallery:`), in order.
    pub gallery: Vec<Picture>,
}

/// A picture named by a content file: `image:`, an entry of `gallery:`, or an image in the
/// Markdown body (`![alt](src "title")`, whose title is its caption).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// The file as written: relative to the content file, or site-absolute (`/images/x.jpg`,
    /// a file in `static/`).
    pub src: String,
    /// Text for people who cannot see it; `None` when not written (a warning), `Some("")`
    /// for a picture that only decorates.
    pub alt: Option<String>,
    /// Caption shown under it.
    pub caption: Option<String>,
    /// Who took it ("Foto: …").
    pub credit: Option<String>,
    /// Where it is written in the file.
    pub pos: Pos,
}

/// Kinds of partnership.
pub const CITY_KINDS: &[&str] = &[
    "partnership",
    "friendship",
    "cooperation",
    "contact",
    "district",
    "project",
    "national",
];
/// States of a partnership.
pub const CITY_STATUSES: &[&str] = &["active", "dormant", "suspended", "ended"];
/// Activity levels (RGRE scale).
pub const ACTIVITIES: &[&str] = &["A", "AA", "AAA"];
/// States of an event.
pub const EVENT_STATUSES: &[&str] = &["scheduled", "tentative", "cancelled", "postponed"];

/// When a partnership was signed: a year, or a full date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Since {
    /// Year.
    pub year: i16,
    /// Full date, when given.
    pub date: Option<Date>,
}

/// A partner city.
#[derive(Debug, Clone)]
pub struct City {
    /// Country display name.
    pub country: String,
    /// ISO 3166-1 alpha-2 code.
    pub country_code: Option<String>,
    /// One of [`CITY_KINDS`].
    pub kind: String,
    /// Name in the partner's language or script.
    pub name_local: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// Signed when.
    pub since: Since,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// One of [`CITY_STATUSES`].
    pub status: String,
    /// Year the partnership ended.
    pub ended: Option<i16>,
    /// One of [`ACTIVITIES`].
    pub activity: Option<String>,
    /// UN Sustainable Development Goals, 1..17.
    pub sdgs: Vec<u8>,
    /// Inhabitants.
    pub population: Option<u64>,
    /// Website.
    pub website: Option<String>,
    /// Languages spoken.
    pub languages: Vec<String>,
    /// Contact people.
    pub contacts: Vec<Contact>,
}

/// A friendship association, committee or office.
#[derive(Debug, Clone)]
pub struct Association {
    /// Cities it carries.
    pub cities: Vec<Ref>,
    /// Website.
    pub website: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// Founding year.
    pub founded: Option<i32>,
    /// When it meets, free text.
    pub meets: Option<String>,
    /// Contact people.
    pub contacts: Vec<Contact>,
}

/// Where an event takes place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Venue name.
    #[serde(default)]
    pub name: Option<String>,
    /// Street address.
    #[serde(default)]
    pub address: Option<String>,
    /// Latitude.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default)]
    pub lon: Option<f64>,
}

/// An event.
#[derive(Debug, Clone)]
pub struct Event {
    /// First day.
    pub date: Date,
    /// Start time; `None` means all day.
    pub time: Option<Time>,
    /// End time.
    pub end: Option<Time>,
    /// Last day of a multi-day event.
    pub end_date: Option<Date>,
    /// Venue.
    pub location: Option<Location>,
    /// Cities involved.
    pub cities: Vec<Ref>,
    /// Organising associations.
    pub organizers: Vec<Ref>,
    /// Recurrence.
    pub repeat: Option<Rule>,
    /// One of [`EVENT_STATUSES`].
    pub status: String,
    /// Sign-up link.
    pub registration: Option<String>,
    /// Price text.
    pub cost: Option<String>,
    /// Where an event of a `network:` source comes from; `None` for the site's own events.
    pub remote: Option<Arc<crate::network::remote::Origin>>,
}

impl Event {
    /// The last day of the first occurrence.
    pub fn last_day(&self) -> Date {
        self.end_date.unwrap_or(self.date)
    }
}

/// A news item.
#[derive(Debug, Clone)]
pub struct News {
    /// Publication date.
    pub date: Date,
}

/// A plain page.
#[derive(Debug, Clone)]
pub struct Page {
    /// Whether the page is added to the menu.
    pub menu: bool,
}

/// What kind of entry and its type-specific data.
#[derive(Debug, Clone)]
pub enum Data {
    /// A partner city.
    City(City),
    /// An association.
    Association(Association),
    /// An event.
    Event(Event),
    /// A news item.
    News(News),
    /// A plain page (or the home page intro, `content/index.md`).
    Page(Page),
}

/// One content file, checked and with its Markdown rendered.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Path relative to the site root.
    pub source: PathBuf,
    /// Content type.
    pub section: Section,
    /// Common keys.
    pub common: Common,
    /// Type-specific keys.
    pub data: Data,
    /// Body rendered to HTML (links not yet rewritten for the base URL). Shared: pages, feeds
    /// and the rebuild cache hold it without copying, and page keys hash it once.
    pub html: Shared<String>,
    /// Teaser as HTML: `summary` rendered, or the body's first paragraph.
    pub summary_html: Arc<str>,
    /// Teaser as plain text (meta description, feeds).
    pub summary_text: Arc<str>,
    /// Internal links found in the body: (target as written, position in the file).
    pub links: Vec<(String, Pos)>,
    /// Heading ids in the body (link anchors).
    pub anchors: Vec<String>,
    /// A stable hash of the file's bytes (change detection, DTSTAMP derivation).
    pub content_hash: u64,
    /// The dates and years written in the front matter, with their places.
    pub dates: Vec<DateKey>,
    /// The pictures of the body, in order; the body's HTML holds a marker for each (see
    /// [`crate::markdown::picture_marker`]).
    pub body_pictures: Vec<Picture>,
    /// Places in the body where a placeholder that `init` or `new` wrote is still there
    /// (see [`crate::ready`]).
    pub placeholders: Vec<Pos>,
}

impl Entry {
    /// Every picture of the entry: `image:`, then `gallery:`, then the body's.
    pub fn pictures(&self) -> impl Iterator<Item = &Picture> {
        self.common
            .image
            .iter()
            .chain(&self.common.gallery)
            .chain(&self.body_pictures)
    }
}

/// What a date in the front matter stands for, which decides when it looks mistyped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// An event or news date: expected within some years of the build date.
    Scheduled,
    /// Something that has happened (a partnership signed, an association founded): expected
    /// between 1900 and the build year.
    Historic,
}

/// A date or year written in the front matter, kept with its place so that the checks
/// against the build date (which the per-file checks do not know) can point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateKey {
    /// The key as named in messages: `date`, `end_date`, `until`, `since`, `ended`, `founded`.
    pub key: &'static str,
    /// What the date stands for.
    pub kind: DateKind,
    /// The year.
    pub year: i32,
    /// The full date, when one was written.
    pub date: Option<Date>,
    /// Where it is written.
    pub pos: Pos,
}

impl Entry {
    /// The path of this entry's page relative to the base URL, e.g. `cities/lyon/`.
    pub fn url_path(&self) -> String {
        match self.section {
            Section::Page => format!("{}/", self.common.slug),
            s => format!("{}/{}/", s.dir(), self.common.slug),
        }
    }

    /// Where this event comes from, if it is an event of a `network:` source.
    pub fn origin(&self) -> Option<&crate::network::remote::Origin> {
        self.event().and_then(|ev| ev.remote.as_deref())
    }

    /// Whether the entry has a page (and files) of its own on the site: every entry but the
    /// events of `network:` sources, which link to their source instead.
    pub fn has_page(&self) -> bool {
        self.origin().is_none()
    }

    /// The event data, if this is an event.
    pub fn event(&self) -> Option<&Event> {
        match &self.data {
            Data::Event(e) => Some(e),
            _ => None,
        }
    }

    /// The city data, if this is a city.
    pub fn city(&self) -> Option<&City> {
        match &self.data {
            Data::City(c) => Some(c),
            _ => None,
        }
    }

    /// The association data, if this is an association.
    pub fn association(&self) -> Option<&Association> {
        match &self.data {
            Data::Association(a) => Some(a),
            _ => None,
        }
    }
}
