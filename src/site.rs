//! The immutable site: every entry, sorted, with its relations resolved to indices.
//!
//! Built once by [`crate::link::link`]; rendering only reads it, so pages can be rendered in
//! parallel without locks. Relations are stored as index lists per entry, so a city page finds
//! its associations and events without scanning the site.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

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

/// The languages of a site and which one a [`Site`] value is rendered in.
#[derive(Debug, Clone, Default)]
pub struct Languages {
    /// The language of this site value (its pages, strings and dates).
    pub code: String,
    /// The default language, served at the site root.
    pub default: String,
    /// Every language of the site, the default first.
    pub all: Vec<String>,
    /// The URL prefix of this language below the base path: empty or `fr/`.
    pub prefix: String,
    /// Per entry (parallel to [`Site::entries`]): the other languages it has a translation in.
    pub translated: Vec<Vec<String>>,
}

impl Languages {
    /// One language only, or the default language of several.
    pub fn default_of(config: &SiteConfig, entries: usize) -> Self {
        Self {
            code: config.language.clone(),
            default: config.language.clone(),
            all: config.languages.clone(),
            prefix: String::new(),
            translated: vec![Vec::new(); entries],
        }
    }

    /// The URL prefix of `lang` below the base path (`""` for the default language).
    pub fn prefix_of(&self, lang: &str) -> String {
        let (l, sep) = self.prefix_parts(lang);
        [l, sep].concat()
    }

    /// [`Self::prefix_of`] in two pieces: `("fr", "/")`, or `("", "")` for the default.
    fn prefix_parts<'a>(&self, lang: &'a str) -> (&'a str, &'static str) {
        if lang == self.default {
            ("", "")
        } else {
            (lang, "/")
        }
    }
}

/// The whole site, read-only after linking.
#[derive(Debug, Clone)]
pub struct Site {
    /// Configuration.
    pub config: SiteConfig,
    /// Site root on disk.
    pub root: PathBuf,
    /// The build date: what counts as upcoming.
    pub now: Date,
    /// Every published entry.
    pub entries: Vec<Arc<Entry>>,
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
    /// The site's languages and the one of this value.
    pub lang: Languages,
    /// The photos the pages name, processed (shared by every language).
    pub photos: Arc<crate::pictures::Photos>,
    /// The same site in each further language (empty for a one-language site, and inside
    /// those values themselves): same entries and relations, translated text.
    pub translations: Vec<Site>,
}

impl Site {
    /// The entry with `slug` in `section`.
    pub fn get(&self, section: Section, slug: &str) -> Option<&Entry> {
        self.index
            .get(&(section, slug.to_owned()))
            .map(|&i| &*self.entries[i])
    }

    /// A site-absolute URL path of a page in this site's language, with the base path, e.g.
    /// `/partner/cities/lyon/` or `/partner/fr/cities/lyon/`.
    pub fn url(&self, path: &str) -> String {
        [
            &self.config.base_url.path,
            &self.lang.prefix,
            path.trim_start_matches('/'),
        ]
        .concat()
    }

    /// [`Self::url`] of entry `i`'s page (of its [`Entry::url_path`]), made in one go. An
    /// event of a `network:` source has no page here: its address is the event at its source,
    /// empty when the source gave none.
    pub fn entry_url(&self, i: usize) -> String {
        let e = &self.entries[i];
        if let Some(o) = e.origin() {
            return o.url.clone().unwrap_or_default();
        }
        let rest: [&str; 4] = match e.section {
            Section::Page => match e.common.slug.trim_start_matches('/') {
                "" => [""; 4],
                slug => [slug, "/", "", ""],
            },
            s => [s.dir(), "/", &e.common.slug, "/"],
        };
        let [a, b, c, d] = rest;
        [&self.config.base_url.path, &self.lang.prefix, a, b, c, d].concat()
    }

    /// A site-absolute URL path of a file shared by all languages (style sheet, images).
    pub fn asset_url(&self, path: &str) -> String {
        [&self.config.base_url.path, path.trim_start_matches('/')].concat()
    }

    /// A full URL of a page in this site's language, e.g.
    /// `https://example.org/partner/fr/cities/lyon/`.
    pub fn permalink(&self, path: &str) -> String {
        self.permalink_in(&self.lang.code, path)
    }

    /// A full URL of a page in language `lang`.
    pub fn permalink_in(&self, lang: &str, path: &str) -> String {
        let (l, sep) = self.lang.prefix_parts(lang);
        [
            &self.config.base_url.full,
            l,
            sep,
            path.trim_start_matches('/'),
        ]
        .concat()
    }

    /// The site-absolute URL path of a page in language `lang`.
    pub fn url_in(&self, lang: &str, path: &str) -> String {
        let (l, sep) = self.lang.prefix_parts(lang);
        [
            &self.config.base_url.path,
            l,
            sep,
            path.trim_start_matches('/'),
        ]
        .concat()
    }

    /// Whether entry `i` is shown in this language without a translation (its text is in the
    /// default language).
    pub fn is_fallback(&self, i: usize) -> bool {
        self.lang.code != self.lang.default
            && !self
                .lang
                .translated
                .get(i)
                .is_some_and(|t| t.contains(&self.lang.code))
    }

    /// The languages entry `i` can be read in: the default and its translations, in site order.
    pub fn languages_of(&self, i: usize) -> Vec<&str> {
        let tr = self.lang.translated.get(i);
        self.lang
            .all
            .iter()
            .filter(|l| **l == self.lang.default || tr.is_some_and(|t| t.contains(l)))
            .map(String::as_str)
            .collect()
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
