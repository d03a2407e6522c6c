//! The immutable site: every entry, sorted, with its relations resolved to indices.
//!
//! Built once by [`crate::link::link`]; rendering only reads it, so pages can be rendered in
//! parallel without locks. Relations are stored as index lists per entry, so a city page finds
//! its associations and events without scanning the site.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use jiff::civil::Date;

use crate::config::SiteConfig;
use crate::content::model::{Entry, Section};

/// Resolved relations of one entry (indices into [`Site::entries`]).
#[derive(Debug, Clone, Default)]
pub struct Relations {
    /// City: associations carrying it. Event: organizers. Association: empty.
    pub associations: Vec<usize>,
    /// Association and event: the cities named. City: empty.
    pub cities: Vec<usize>,
    /// City and association: their events (sorted by date).
    pub events: Vec<usize>,
}

/// One topic of the taxonomy.
#[derive(Debug, Clone)]
pub struct Topic {
    /// Name as first written.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Entries tagged with it, in site order.
    pub entries: Vec<usize>,
}

/// One day on which an event takes place (recurring events have many).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occurrence {
    /// First day of this occurrence.
    pub start: Date,
    /// Last day of this occurrence.
    pub end: Date,
    /// Index of the event entry.
    pub event: usize,
}

/// The whole site, read-only after linking.
#[derive(Debug)]
pub struct Site {
    /// Configuration.
    pub config: SiteConfig,
    /// Site root on disk.
    pub root: PathBuf,
    /// The build date: what counts as upcoming.
    pub now: Date,
    /// Every published entry.
    pub entries: Vec<Entry>,
    /// Relations, parallel to `entries`.
    pub relations: Vec<Relations>,
    /// Cities in display order.
    pub cities: Vec<usize>,
    /// Associations in display order.
    pub associations: Vec<usize>,
    /// Events by first date and time.
    pub events: Vec<usize>,
    /// News, newest first.
    pub news: Vec<usize>,
    /// Plain pages in display order.
    pub pages: Vec<usize>,
    /// The home page intro (`content/index.md`), if any.
    pub home_intro: Option<usize>,
    /// Topics by slug.
    pub topics: BTreeMap<String, Topic>,
    /// Every occurrence of every event, sorted by date.
    pub occurrences: Vec<Occurrence>,
    /// The occurrences of each entry, parallel to `entries` (empty for non-events).
    pub occurrences_by_entry: Vec<Vec<Occurrence>>,
    /// Entry index by (section, slug).
    pub index: HashMap<(Section, String), usize>,
}

impl Site {
    /// The entry with `slug` in `section`.
    pub fn get(&self, section: Section, slug: &str) -> Option<&Entry> {
        self.index
            .get(&(section, slug.to_owned()))
            .map(|&i| &self.entries[i])
    }

    /// A site-absolute URL path with the base path, e.g. `/partner/cities/lyon/`.
    pub fn url(&self, path: &str) -> String {
        format!(
            "{}{}",
            self.config.base_url.path,
            path.trim_start_matches('/')
        )
    }

    /// A full URL, e.g. `https://example.org/partner/cities/lyon/`.
    pub fn permalink(&self, path: &str) -> String {
        format!(
            "{}{}",
            self.config.base_url.full,
            path.trim_start_matches('/')
        )
    }

    /// The occurrences of event `i`.
    pub fn occurrences_of(&self, i: usize) -> &[Occurrence] {
        self.occurrences_by_entry.get(i).map_or(&[], Vec::as_slice)
    }

    /// The next occurrence of event `i` that has not ended before `now`.
    pub fn next_occurrence(&self, i: usize) -> Option<&Occurrence> {
        self.occurrences_of(i).iter().find(|o| o.end >= self.now)
    }

    /// Whether event `i` is still to come (or running today).
    pub fn is_upcoming(&self, i: usize) -> bool {
        self.next_occurrence(i).is_some()
    }
}
