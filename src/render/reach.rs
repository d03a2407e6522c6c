//! Which entry pages an edit can reach: a key of everything a city's, association's or event's
//! page is made from, computed without making the page's values, so that `serve` takes the
//! pages that no edit reached straight from its build cache.
//!
//! An entry page shows its own entry, the entries related to it and, through their views, the
//! entries related to those (an event on a city's page names its cities and organizers); the
//! number of entries of each of its topics; and what every page of its language shares (the
//! site-wide context, the configuration, the theme, the day, the language). Each entry stands
//! in the key as its source file and the hash of its bytes (a translation's hash covers both
//! files, a remote event's its whole record), whether this language shows it as a fallback,
//! the languages it is translated into, and the photos it shows.
//!
//! A page taken by this key is still checked against its values in debug builds (the tests):
//! see `render_language`.

use rayon::prelude::*;

use crate::cache::{Key, KeyBuilder};
use crate::content::images::{self, ImageFile};
use crate::content::model::Entry;
use crate::site::Site;

/// The entry keys of one language's site and what all its pages share.
pub(crate) struct Reach {
    global: Key,
    entries: Vec<Key>,
}

impl Reach {
    /// Keys for `site`, whose pages share the context behind `settings` (theme, configuration
    /// and site-wide values; see [`crate::cache::PageCache::settings`]).
    pub(crate) fn new(site: &Site, settings: Key) -> Self {
        let lang = &site.lang;
        let mut global = KeyBuilder::new("reach");
        global
            .key(settings)
            .str(&site.now.to_string())
            .str(&lang.code)
            .str(&lang.default)
            .str(&lang.prefix);
        for l in &lang.all {
            global.str(l);
        }
        let entries = (0..site.entries.len())
            .into_par_iter()
            .map(|i| entry_key(site, i))
            .collect();
        Self {
            global: global.finish(),
            entries,
        }
    }

    /// The key of entry `i`'s page at `path`, drawn with `template`.
    pub(crate) fn page_key(&self, site: &Site, template: &str, path: &str, i: usize) -> Key {
        let mut key = KeyBuilder::new("reach page");
        key.key(self.global).str(template).str(path);
        self.related(site, i, 2, &mut key);
        if let Some(e) = site.entries.get(i) {
            for name in &e.common.topics {
                key.str(name);
                let topic = crate::slug::slugify(name).and_then(|slug| site.topics.get(&slug));
                if let Some(tp) = topic {
                    key.str(&tp.slug).key(tp.entries.len() as Key);
                }
            }
        }
        key.finish()
    }

    /// Feeds entry `i` and, `depth` steps along the relations, the entries related to it.
    fn related(&self, site: &Site, i: usize, depth: u8, key: &mut KeyBuilder) {
        key.key(self.entries.get(i).copied().unwrap_or_default());
        let Some(rel) = site.relations.get(i) else {
            return;
        };
        for list in [&rel.cities, &rel.associations, &rel.events] {
            key.key(list.len() as Key);
            for &j in list {
                if depth > 1 {
                    self.related(site, j, depth - 1, key);
                } else {
                    key.key(self.entries.get(j).copied().unwrap_or_default());
                }
            }
        }
    }
}

/// Entry `i` as its pages and its views in other pages depend on it.
fn entry_key(site: &Site, i: usize) -> Key {
    let e = &site.entries[i];
    let mut key = KeyBuilder::new("reach entry");
    key.str(&e.source.to_string_lossy())
        .key(Key::from(e.content_hash))
        .key(Key::from(site.is_fallback(i)));
    for lang in site.lang.translated.get(i).into_iter().flatten() {
        key.str(lang);
    }
    for p in e.pictures() {
        key.str(&p.src).key(photo_key(site, e, &p.src));
    }
    key.finish()
}

/// The key of the photo `src` of `e` (its bytes and sizes), 0 when it is not a photo the
/// site processes.
fn photo_key(site: &Site, e: &Entry, src: &str) -> Key {
    match images::locate(&e.source, &e.url_path(), src) {
        Ok(ImageFile::Static(rel) | ImageFile::Beside { rel, .. }) => {
            site.photos.get(&rel).map_or(0, |p| p.key)
        }
        _ => 0,
    }
}
