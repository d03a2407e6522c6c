//! Content-keyed caches that `twinsite serve` keeps from one rebuild to the next.
//!
//! Every rebuild is still a whole build: every content file is looked at, every page is listed
//! and every output file is produced. What this module owns is skipping *work* whose inputs
//! did not change, found by a 128-bit hash (XXH3) of those inputs, never by guessing which
//! pages an edit touches:
//!
//! - **files**: one content file's parsed and checked entry (with its diagnostics and rendered
//!   Markdown), keyed by its path, its bytes, the whole site configuration and the build options
//!   that affect loading;
//! - **seen**: for each content file, its [`FileStat`] when it was last read and the key of its
//!   bytes, so a file whose settled stat is unchanged is not read again (see
//!   [`crate::file_stat`] for when a stat is trusted);
//! - **maps**: one SVG map (the big ones take most of a build's page preparation), keyed by
//!   everything the drawing reads: home town, places, texts, size and element-id prefix;
//! - **calendar events**: one event's VEVENT block, keyed by the event as the calendar sees it
//!   (see [`IcsEvent`]) and the site's time zone;
//! - **calendar files**: one `.ics` file, keyed by its VEVENTs' keys and the calendar's name,
//!   description, zone and URL;
//! - **templates**: the theme's compiled templates, keyed by every template's name and text;
//! - **pages**: one page's final bytes (after Tera and minification), keyed by the theme's
//!   templates, the whole site configuration, the site-wide context, the template name, the
//!   page's URL and the page's own values (see [`crate::render::page_data`]);
//! - **reached**: one city's, association's or event's page, keyed by what it is made from
//!   (its entry, the entries related to it and theirs, its topics, and what all pages share; see
//!   [`crate::render::reach`]), so that a page no edit reached is taken without making its
//!   values. Debug builds check each such page against the key of its values.
//!
//! Only successful results are stored; errors are computed afresh every time. Each build starts
//! with [`BuildCache::start_build`] and ends with [`BuildCache::finish_build`], which drops every
//! entry of a layer the build used but that this build did not ask for, so memory follows the
//! current site instead of growing with every edit. A build without a cache (`twinsite build`)
//! produces the same bytes.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::SystemTime;

use serde::Serialize;
use tera::{Context, Tera};
use xxhash_rust::xxh3::Xxh3;

use crate::calendar::ics::{EventBlock, IcsCalendar, IcsError, IcsEvent};
use crate::content::load::FileResult;
use crate::file_stat::FileStat;
use crate::render::page_data::PageData;

/// A 128-bit content key.
pub type Key = u128;

/// Builds a [`Key`] from several inputs. Every input is length-prefixed or self-delimiting, so
/// different sequences of inputs never feed the hash the same bytes.
pub struct KeyBuilder(Xxh3);

impl KeyBuilder {
    /// A key for the purpose `domain` (keys of different purposes never meet).
    pub fn new(domain: &str) -> Self {
        let mut k = Self(Xxh3::new());
        k.bytes(domain.as_bytes());
        k
    }

    /// Adds raw bytes.
    pub fn bytes(&mut self, b: &[u8]) -> &mut Self {
        self.0.update(&(b.len() as u64).to_le_bytes());
        self.0.update(b);
        self
    }

    /// Adds a string.
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.bytes(s.as_bytes())
    }

    /// Adds another key.
    pub fn key(&mut self, k: Key) -> &mut Self {
        self.0.update(&k.to_le_bytes());
        self
    }

    /// Adds a value as JSON (self-delimiting). `None` when it cannot be serialized.
    pub fn json<T: Serialize + ?Sized>(&mut self, value: &T) -> Option<&mut Self> {
        let mut w = HashWriter(&mut self.0);
        serde_json::to_writer(&mut w, value).ok()?;
        // A separator, so that a JSON value is never mistaken for the start of the next input.
        self.0.update(b"\x00");
        Some(self)
    }

    /// Adds a JSON value by walking it: strings go in as raw bytes with their length, every
    /// value with a one-byte type tag, so the input stays self-delimiting without the cost of
    /// escaping it as JSON text (page contexts carry whole rendered bodies).
    pub fn value(&mut self, v: &serde_json::Value) -> &mut Self {
        use serde_json::Value;
        match v {
            Value::Null => self.0.update(b"n"),
            Value::Bool(b) => self.0.update(if *b { b"T" } else { b"F" }),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    self.0.update(b"u");
                    self.0.update(&u.to_le_bytes());
                } else if let Some(i) = n.as_i64() {
                    self.0.update(b"i");
                    self.0.update(&i.to_le_bytes());
                } else {
                    self.0.update(b"f");
                    self.0
                        .update(&n.as_f64().unwrap_or(f64::NAN).to_bits().to_le_bytes());
                }
            }
            Value::String(s) => {
                self.0.update(b"s");
                self.bytes(s.as_bytes());
            }
            Value::Array(items) => {
                self.0.update(b"a");
                self.0.update(&(items.len() as u64).to_le_bytes());
                for item in items {
                    self.value(item);
                }
            }
            Value::Object(map) => {
                self.0.update(b"o");
                self.0.update(&(map.len() as u64).to_le_bytes());
                for (k, item) in map {
                    self.bytes(k.as_bytes());
                    self.value(item);
                }
            }
        }
        self
    }

    /// Adds a value through its `Debug` text, for plain data whose `Debug` shows every field
    /// (strings quoted and escaped, numbers exactly), such as the map's inputs.
    pub fn debug<T: std::fmt::Debug + ?Sized>(&mut self, value: &T) -> &mut Self {
        let mut w = HashWriter(&mut self.0);
        // Writing into the hasher cannot fail.
        let _ = std::fmt::Write::write_fmt(&mut w, format_args!("{value:?}"));
        self.0.update(b"\x00");
        self
    }

    /// A writer whose bytes go into the key as they are (not length-prefixed: use it for
    /// self-delimiting encodings).
    pub fn writer(&mut self) -> impl Write + '_ {
        HashWriter(&mut self.0)
    }

    /// The key.
    pub fn finish(&self) -> Key {
        self.0.digest128()
    }
}

struct HashWriter<'a>(&'a mut Xxh3);

impl std::fmt::Write for HashWriter<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

impl Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Hits and misses of one layer since the cache was made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LayerStats {
    /// Results taken from the cache.
    pub hits: u64,
    /// Results computed.
    pub misses: u64,
    /// Entries held now.
    pub entries: usize,
}

/// Hits and misses of every layer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    /// Parsed and checked content files.
    pub files: LayerStats,
    /// Content files taken by their unchanged stat without reading them (hits), or read
    /// (misses).
    pub seen: LayerStats,
    /// Drawn maps.
    pub maps: LayerStats,
    /// Calendar events (VEVENT blocks).
    pub events: LayerStats,
    /// Calendar files.
    pub calendar_files: LayerStats,
    /// Compiled templates.
    pub templates: LayerStats,
    /// Rendered pages.
    pub pages: LayerStats,
    /// Entry pages by the key of what they are made from (see [`crate::render::reach`]).
    pub reached: LayerStats,
}

/// One map from key to result, with the build number each entry was last used in.
struct Layer<T> {
    map: Mutex<HashMap<Key, (Arc<T>, u64)>>,
    used: AtomicBool,
    hits: AtomicU64,
    misses: AtomicU64,
}

impl<T> Default for Layer<T> {
    fn default() -> Self {
        Self {
            map: Mutex::new(HashMap::new()),
            used: AtomicBool::new(false),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }
}

impl<T> Layer<T> {
    fn lock(&self) -> MutexGuard<'_, HashMap<Key, (Arc<T>, u64)>> {
        self.map.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The stored result for `key`, counted as a hit or a miss.
    fn get(&self, key: Key, build: u64) -> Option<Arc<T>> {
        self.get_where(key, build, |_| true)
    }

    /// The stored result for `key` if it passes `usable`, counted as a hit; otherwise `None`,
    /// counted as a miss (and the entry is not kept for this build unless stored again).
    fn get_where(&self, key: Key, build: u64, usable: impl FnOnce(&T) -> bool) -> Option<Arc<T>> {
        self.used.store(true, Ordering::Relaxed);
        let hit = self.lock().get_mut(&key).filter(|e| usable(&e.0)).map(|e| {
            e.1 = build;
            Arc::clone(&e.0)
        });
        let counter = if hit.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        hit
    }

    /// Stores `value` for `key`.
    fn insert(&self, key: Key, value: Arc<T>, build: u64) {
        self.lock().insert(key, (value, build));
    }

    /// The stored result for `key`, or the result of `compute` (stored). `compute` runs
    /// without the lock held, so other threads go on meanwhile.
    fn get_or_insert_with(&self, key: Key, build: u64, compute: impl FnOnce() -> T) -> Arc<T> {
        match self
            .get_or_try_insert_with(key, build, || Ok::<T, std::convert::Infallible>(compute()))
        {
            Ok(value) => value,
            Err(never) => match never {},
        }
    }

    /// [`Self::get_or_insert_with`] for a `compute` that may fail: an error is handed back and
    /// not stored.
    fn get_or_try_insert_with<E>(
        &self,
        key: Key,
        build: u64,
        compute: impl FnOnce() -> Result<T, E>,
    ) -> Result<Arc<T>, E> {
        if let Some(hit) = self.get(key, build) {
            return Ok(hit);
        }
        let value = Arc::new(compute()?);
        self.lock().insert(key, (Arc::clone(&value), build));
        Ok(value)
    }

    /// Drops the entries the build `build` did not use, if it used this layer at all.
    fn sweep(&self, build: u64) {
        if self.used.swap(false, Ordering::Relaxed) {
            self.lock().retain(|_, e| e.1 == build);
        }
    }

    fn stats(&self) -> LayerStats {
        LayerStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            entries: self.lock().len(),
        }
    }
}

/// The key of `event`'s VEVENT in a calendar in the zone `tz_name`: every field of the event
/// (the pattern names them all, so a new field cannot be forgotten), texts as raw bytes and
/// small values through their `Debug` text.
fn event_key(event: &IcsEvent, tz_name: &str) -> Key {
    let IcsEvent {
        uid,
        dtstamp,
        sequence,
        when,
        rule,
        summary,
        description,
        location,
        geo,
        url,
        status,
        categories,
    } = event;
    let mut k = KeyBuilder::new("vevent");
    k.str(tz_name).str(uid).debug(dtstamp);
    k.bytes(&sequence.to_le_bytes()).debug(when).debug(rule);
    k.str(summary);
    for text in [description, location, url] {
        match text {
            Some(t) => k.str("some").str(t),
            None => k.str("none"),
        };
    }
    k.debug(geo).debug(status);
    k.bytes(&(categories.len() as u64).to_le_bytes());
    for c in categories {
        k.str(c);
    }
    k.finish()
}

/// A content file as it was when last read: its stat, whether that stat can be trusted, and
/// the key of its loaded result.
struct Seen {
    stat: FileStat,
    settled: bool,
    file: Key,
}

/// Results of earlier builds, keyed by their inputs; shared by the threads of one build.
#[derive(Default)]
pub struct BuildCache {
    build: AtomicU64,
    files: Layer<FileResult>,
    seen: Layer<Seen>,
    maps: Layer<String>,
    events: Layer<EventBlock>,
    calendar_files: Layer<Vec<u8>>,
    templates: Layer<Tera>,
    pages: Layer<Vec<u8>>,
    reached: Layer<Reached>,
}

impl std::fmt::Debug for BuildCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuildCache")
            .field("stats", &self.stats())
            .finish()
    }
}

impl BuildCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// Marks the start of a build: entries used from now on belong to it.
    pub fn start_build(&self) {
        self.build.fetch_add(1, Ordering::Relaxed);
    }

    /// Marks the end of a build: every layer the build used drops the entries it did not use.
    /// Layers the build never reached (because it stopped early) keep theirs.
    pub fn finish_build(&self) {
        let build = self.current();
        self.files.sweep(build);
        self.seen.sweep(build);
        self.maps.sweep(build);
        self.events.sweep(build);
        self.calendar_files.sweep(build);
        self.templates.sweep(build);
        self.pages.sweep(build);
        self.reached.sweep(build);
    }

    /// Hits, misses and sizes so far.
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            files: self.files.stats(),
            seen: self.seen.stats(),
            maps: self.maps.stats(),
            events: self.events.stats(),
            calendar_files: self.calendar_files.stats(),
            templates: self.templates.stats(),
            pages: self.pages.stats(),
            reached: self.reached.stats(),
        }
    }

    fn current(&self) -> u64 {
        self.build.load(Ordering::Relaxed)
    }

    /// The settings key for loading content files: the whole configuration (any field may
    /// change how a file comes out) and the load options (all of them, through `Debug`).
    pub(crate) fn load_key<C: Serialize, O: std::fmt::Debug>(config: &C, opts: &O) -> Option<Key> {
        Some(
            KeyBuilder::new("load settings")
                .json(config)?
                .str(&format!("{opts:?}"))
                .finish(),
        )
    }

    /// The loaded file `rel` whose bytes are `bytes`, or `load()`'s result (stored). `stat` is
    /// the file's stat taken before it was read at `looked_at`; when it is settled, the next
    /// build may take the result by [`Self::unchanged_file`] without reading the file.
    pub(crate) fn file(
        &self,
        rel: &Path,
        bytes: &[u8],
        settings: Key,
        seen: Option<(FileStat, SystemTime)>,
        load: impl FnOnce() -> FileResult,
    ) -> FileResult {
        let key = KeyBuilder::new("file")
            .str(&rel.to_string_lossy())
            .bytes(bytes)
            .key(settings)
            .finish();
        let build = self.current();
        let result = self.files.get_or_insert_with(key, build, load);
        if let Some((stat, looked_at)) = seen {
            let record = Seen {
                stat,
                settled: stat.settled(looked_at),
                file: key,
            };
            self.seen
                .insert(Self::seen_key(rel, settings), Arc::new(record), build);
        }
        (*result).clone()
    }

    /// The loaded file `rel`, without reading it, when its stat is the settled one it had when
    /// it was last read with the same settings.
    pub(crate) fn unchanged_file(
        &self,
        rel: &Path,
        settings: Key,
        stat: &FileStat,
    ) -> Option<FileResult> {
        let build = self.current();
        let seen = self
            .seen
            .get_where(Self::seen_key(rel, settings), build, |s| {
                s.settled && s.stat == *stat
            })?;
        Some((*self.files.get(seen.file, build)?).clone())
    }

    fn seen_key(rel: &Path, settings: Key) -> Key {
        KeyBuilder::new("seen")
            .str(&rel.to_string_lossy())
            .key(settings)
            .finish()
    }

    /// The SVG map drawn from `inputs` (everything the drawing reads, see
    /// [`KeyBuilder::debug`]), or `draw()`'s (stored).
    pub(crate) fn map_svg<T: std::fmt::Debug>(
        &self,
        inputs: &T,
        draw: impl FnOnce() -> String,
    ) -> String {
        let key = KeyBuilder::new("map").debug(inputs).finish();
        (*self.maps.get_or_insert_with(key, self.current(), draw)).clone()
    }

    /// The VEVENT of `event` for a calendar in the zone `tz_name`, or `make()`'s result (stored
    /// when it is one), keyed by every field of the event (see [`event_key`]).
    /// Returns the block's key too (see [`Self::event_file`]).
    pub(crate) fn event_block(
        &self,
        event: &IcsEvent,
        tz_name: &str,
        make: impl FnOnce() -> Result<EventBlock, IcsError>,
    ) -> (Key, Result<Arc<EventBlock>, IcsError>) {
        let key = event_key(event, tz_name);
        let block = self
            .events
            .get_or_try_insert_with(key, self.current(), make);
        (key, block)
    }

    /// A calendar file: the bytes `write()` makes from the VEVENTs with the keys `blocks` (in
    /// this order) and the calendar's own values `calendar` (name, description, zone, URL), or
    /// `write()`'s result (stored when it is one).
    pub(crate) fn calendar_file<E>(
        &self,
        blocks: &[Key],
        calendar: &IcsCalendar<'_>,
        write: impl FnOnce() -> Result<Vec<u8>, E>,
    ) -> Result<Arc<Vec<u8>>, E> {
        let mut key = KeyBuilder::new("calendar file");
        key.debug(calendar);
        key.bytes(&(blocks.len() as u64).to_le_bytes());
        for &b in blocks {
            key.key(b);
        }
        self.calendar_files
            .get_or_try_insert_with(key.finish(), self.current(), write)
    }

    /// The templates whose names and text have the fingerprint `fingerprint`, compiled, or
    /// `compile()`'s result (stored when it is one).
    pub(crate) fn templates(
        &self,
        fingerprint: Key,
        compile: impl FnOnce() -> Result<Tera, tera::Error>,
    ) -> Result<Arc<Tera>, tera::Error> {
        self.templates
            .get_or_try_insert_with(fingerprint, self.current(), compile)
    }

    /// A page renderer for one build: `settings` stands for everything every page shares
    /// (theme, configuration, site-wide context), see [`PageCache::settings`].
    pub(crate) fn pages(&self, settings: Key) -> PageCache<'_> {
        PageCache {
            cache: self,
            settings,
        }
    }
}

/// The page layer, bound to what all pages of one build share.
pub(crate) struct PageCache<'a> {
    cache: &'a BuildCache,
    settings: Key,
}

impl PageCache<'_> {
    /// The settings key for a build: the theme's fingerprint, the configuration and the
    /// site-wide context. `None` when something cannot be serialized (then nothing is cached).
    pub(crate) fn settings<C: Serialize>(theme: Key, config: &C, base: &Context) -> Option<Key> {
        let base = base.clone().into_json();
        Some(
            KeyBuilder::new("page settings")
                .key(theme)
                .json(config)?
                .value(&base)
                .finish(),
        )
    }

    /// Looks up the page rendered with `template` at `url` from its own values `data` (laid
    /// over the site-wide context). Without a cache, or when a value cannot be encoded, it is
    /// always a miss whose slot stores nothing.
    pub(crate) fn lookup<'a, 'd>(
        cache: Option<&'a PageCache<'a>>,
        template: &str,
        url: &str,
        data: PageData<'d>,
    ) -> Lookup<'a, 'd> {
        let Some(cache) = cache else {
            return Lookup::Miss(data, Slot(None));
        };
        let key = cache.key_of(template, url, &data);
        let layer = &cache.cache.pages;
        if let Some(k) = key
            && let Some(bytes) = layer.get(k, cache.cache.current())
        {
            return Lookup::Hit(bytes, k);
        }
        Lookup::Miss(data, Slot(key.map(|k| (cache, k))))
    }

    /// The key of the page drawn with `template` at `url` from `data`; `None` when a value
    /// cannot be encoded.
    pub(crate) fn key_of(&self, template: &str, url: &str, data: &PageData<'_>) -> Option<Key> {
        let mut key = KeyBuilder::new("page");
        key.key(self.settings).str(template).str(url);
        data.hash_into(&mut key).then(|| key.finish())
    }

    /// The settings key this build's pages share.
    pub(crate) fn settings_key(&self) -> Key {
        self.settings
    }

    /// The entry page whose reach key (see [`crate::render::reach`]) is `key`, made before.
    pub(crate) fn reached(&self, key: Key) -> Option<Arc<Reached>> {
        self.cache.reached.get(key, self.cache.current())
    }

    /// Keeps `bytes`, the page whose values have the key `values`, as the entry page whose
    /// reach key is `key`.
    pub(crate) fn remember(&self, key: Key, values: Key, bytes: &Arc<Vec<u8>>) {
        let page = Reached {
            values,
            bytes: Arc::clone(bytes),
        };
        self.cache
            .reached
            .insert(key, Arc::new(page), self.cache.current());
    }
}

/// An entry page kept by its reach key.
pub(crate) struct Reached {
    /// The key of the values it was made from (checked against them in debug builds).
    pub(crate) values: Key,
    /// Its bytes, shared with the served site.
    pub(crate) bytes: Arc<Vec<u8>>,
}

/// What [`PageCache::lookup`] found.
pub(crate) enum Lookup<'a, 'd> {
    /// The page's bytes and the key of its values.
    Hit(Arc<Vec<u8>>, Key),
    /// Not there: render from these values, then [`Slot::store`] the bytes.
    Miss(PageData<'d>, Slot<'a>),
}

/// Where a missed page goes once rendered.
pub(crate) struct Slot<'a>(Option<(&'a PageCache<'a>, Key)>);

impl Slot<'_> {
    /// The key of the page's values (`None` when it is not cached).
    pub(crate) fn key(&self) -> Option<Key> {
        self.0.map(|(_, k)| k)
    }

    /// Stores the rendered page and hands it back, shared.
    pub(crate) fn store(self, bytes: Vec<u8>) -> Arc<Vec<u8>> {
        let bytes = Arc::new(bytes);
        if let Some((cache, key)) = self.0 {
            cache
                .cache
                .pages
                .insert(key, Arc::clone(&bytes), cache.cache.current());
        }
        bytes
    }
}
