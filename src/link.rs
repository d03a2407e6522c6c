//! The cross-file step: duplicate slugs and URL collisions, references between entries
//! (with did-you-mean), back-links, topics and event occurrences, producing the immutable
//! [`Site`].

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::calendar;
use crate::config::{CONFIG_FILE, SiteConfig};
use crate::content::load::Content;
use crate::content::model::{Data, Entry, Ref, Section};
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean, display_path};
use crate::site::{Languages, Occurrence, Relations, Site, Topic};
use crate::slug;

pub mod paths;

/// URL folders the build writes itself; a plain page may not take these slugs.
pub const RESERVED: &[&str] = &[
    "cities",
    "associations",
    "events",
    "news",
    "topics",
    "calendar",
    "map",
    "search",
    "pagefind",
    "data",
    "404",
    "index",
    "atom",
    "sitemap",
    "robots",
];

/// Links `entries` into a [`Site`]. Problems go to `diags`; the site is still returned so `check`
/// can report everything, but it must not be rendered when `diags` has errors.
pub fn link(
    config: SiteConfig,
    root: &Path,
    content: Content,
    now: Date,
    diags: &mut Diagnostics,
) -> Site {
    let Content {
        mut entries,
        broken,
        drafts,
        translations: _,
    } = content;
    entries.sort_by(|a, b| a.source.cmp(&b.source));
    let broken: HashSet<(Section, String)> = broken.into_iter().collect();
    let drafts: HashMap<(Section, String), PathBuf> = drafts
        .into_iter()
        .map(|(section, slug, path)| ((section, slug), path))
        .collect();
    let (index, home_intro) = index_entries(&entries, &config, diags);
    check_config_refs(&config, root, &index, &drafts, diags);
    let known = Known {
        index: &index,
        broken: &broken,
        drafts: &drafts,
    };
    check_network_refs(&config, &known, diags);

    let mut relations = vec![Relations::default(); entries.len()];
    for (i, e) in entries.iter().enumerate() {
        match &e.data {
            Data::Association(a) => {
                relations[i].cities =
                    resolve(&e.source, "cities", &a.cities, Section::City, &known, diags);
            }
            Data::Event(ev) if ev.remote.is_some() => {
                relations[i] = remote_relations(&config, ev, &index);
            }
            Data::Event(ev) => {
                relations[i].cities = resolve(
                    &e.source,
                    "cities",
                    &ev.cities,
                    Section::City,
                    &known,
                    diags,
                );
                relations[i].associations = resolve(
                    &e.source,
                    "organizers",
                    &ev.organizers,
                    Section::Association,
                    &known,
                    diags,
                );
            }
            _ => {}
        }
    }
    // Recurring events are expanded inside the window around the build date: in parallel, as
    // a site may have many.
    let window = calendar::Window::around(now);
    let recurring = entries
        .iter()
        .filter(|e| e.event().is_some_and(|ev| ev.repeat.is_some()))
        .count();
    let cap = calendar::window::occurrence_cap(recurring);
    let occurrences_by_entry: Vec<Vec<Occurrence>> = entries
        .par_iter()
        .enumerate()
        .map(|(i, e)| {
            let Data::Event(ev) = &e.data else {
                return Vec::new();
            };
            let span = ev.date.until(ev.last_day()).unwrap_or_default();
            let starts = match &ev.repeat {
                Some(rule) => window.expand(rule, ev.date, cap),
                None => vec![ev.date],
            };
            starts
                .into_iter()
                .map(|start| Occurrence {
                    start,
                    end: start.checked_add(span).unwrap_or(start),
                    event: i,
                })
                .collect()
        })
        .collect();
    let in_section = |section: Section| -> Vec<usize> {
        index
            .iter()
            .filter(|((s, _), _)| *s == section)
            .map(|(_, &i)| i)
            .collect()
    };
    // The order of `compare`, with each entry's key made once instead of once per comparison.
    let ordered = |section: Section| -> Vec<usize> {
        let mut v = in_section(section);
        v.sort_by_cached_key(|&i| display_key(&entries[i]));
        v
    };
    let cities = ordered(Section::City);
    let associations = ordered(Section::Association);
    let pages = ordered(Section::Page);
    // Slugs are unique within a section, so the event key alone decides the order.
    let mut events = in_section(Section::Event);
    events.sort_by_cached_key(|&i| event_key(&entries[i]));
    let mut news = ordered(Section::News);
    news.sort_by(|&a, &b| {
        news_date(&entries[b])
            .cmp(&news_date(&entries[a]))
            .then(entries[a].common.slug.cmp(&entries[b].common.slug))
    });

    // Back-links: city → associations carrying it and events naming it; association → events.
    for &a in &associations {
        for c in relations[a].cities.clone() {
            relations[c].associations.push(a);
        }
    }
    for &ev in &events {
        for c in relations[ev].cities.clone() {
            relations[c].events.push(ev);
        }
        for a in relations[ev].associations.clone() {
            relations[a].events.push(ev);
        }
    }
    for r in &mut relations {
        r.associations.dedup();
        r.events.dedup();
    }

    let mut topics: BTreeMap<String, Topic> = BTreeMap::new();
    for &i in cities
        .iter()
        .chain(&associations)
        .chain(&events)
        .chain(&news)
        .chain(&pages)
    {
        for name in &entries[i].common.topics {
            let Some(slug) = slug::slugify(name) else {
                diags.push(Diagnostic::warning(
                    &entries[i].source,
                    0,
                    0,
                    msg!("links-topic-no-letters", topic = name),
                ));
                continue;
            };
            let t = topics.entry(slug.clone()).or_insert_with(|| Topic {
                name: name.clone(),
                slug,
                entries: Vec::new(),
            });
            if t.entries.last() != Some(&i) {
                t.entries.push(i);
            }
        }
    }

    let mut occurrences: Vec<Occurrence> = occurrences_by_entry.iter().flatten().copied().collect();
    occurrences.sort_by_cached_key(|o| (o.start, event_key(&entries[o.event])));

    let lang = Languages::default_of(&config, entries.len());
    let site = Site {
        root: root.to_path_buf(),
        now,
        entries,
        relations,
        cities,
        associations,
        events,
        news,
        pages,
        home_intro,
        topics,
        occurrences,
        occurrences_by_entry,
        index,
        lang,
        translations: Vec::new(),
        photos: Default::default(),
        config,
    };
    paths::check(&site, diags);
    site
}

/// What a reference can find: published entries, files with errors, drafts.
struct Known<'a> {
    index: &'a HashMap<(Section, String), usize>,
    broken: &'a HashSet<(Section, String)>,
    drafts: &'a HashMap<(Section, String), PathBuf>,
}

/// Indexes the entries by section and slug; reserved slugs and slug collisions are errors
/// (the first file of a colliding slug keeps it). Also finds the home page intro.
fn index_entries(
    entries: &[Arc<Entry>],
    config: &SiteConfig,
    diags: &mut Diagnostics,
) -> (HashMap<(Section, String), usize>, Option<usize>) {
    let mut index: HashMap<(Section, String), usize> = HashMap::with_capacity(entries.len());
    let mut home_intro = None;
    for (i, e) in entries.iter().enumerate() {
        if e.section == Section::Page
            && e.common.slug == "index"
            && e.source == Path::new("content/index.md")
        {
            home_intro = Some(i);
            continue;
        }
        let slug = &e.common.slug;
        let taken = if RESERVED.contains(&slug.as_str()) {
            Some(msg!("links-slug-reserved", slug = slug))
        } else if config.languages.iter().skip(1).any(|l| l == slug) {
            Some(msg!("links-slug-language-folder", slug = slug))
        } else {
            None
        };
        if let Some(message) = taken.filter(|_| e.section == Section::Page) {
            let p = e.common.slug_pos.unwrap_or_default();
            diags.push(
                Diagnostic::error(&e.source, p.line, p.col, message)
                    .with_hint(msg!("links-slug-taken-hint")),
            );
            continue;
        }
        let key = (e.section, slug.clone());
        if let Some(&other) = index.get(&key) {
            diags.push(slug_collision(&entries[other], e));
            continue;
        }
        index.insert(key, i);
    }
    (index, home_intro)
}

/// Two entries of one section with the same slug. The error goes to the file that sets the slug
/// with `slug:` (the later one when both do) and names the other file with its line.
fn slug_collision(first: &Entry, second: &Entry) -> Diagnostic {
    let (here, there) = if second.common.slug_pos.is_none() && first.common.slug_pos.is_some() {
        (first, second)
    } else {
        (second, first)
    };
    let p = here.common.slug_pos.unwrap_or_default();
    let other = match there.common.slug_pos {
        Some(o) => format!("{}:{}:{}", display_path(&there.source), o.line, o.col),
        None => msg!(
            "links-slug-from-file-name",
            path = display_path(&there.source)
        ),
    };
    let hint = if here.common.slug_pos.is_some() {
        msg!("links-slug-collision-hint")
    } else {
        msg!("links-slug-collision-file-hint", slug = &here.common.slug)
    };
    Diagnostic::error(
        &here.source,
        p.line,
        p.col,
        msg!(
            "links-slug-collision",
            slug = &here.common.slug,
            other = other
        ),
    )
    .with_hint(hint)
}

fn resolve(
    source: &Path,
    key: &str,
    refs: &[Ref],
    section: Section,
    known: &Known<'_>,
    diags: &mut Diagnostics,
) -> Vec<usize> {
    let mut out = Vec::new();
    for r in refs {
        let wanted = (section, r.slug.clone());
        if let Some(&i) = known.index.get(&wanted) {
            if !out.contains(&i) {
                out.push(i);
            }
        } else if let Some(file) = known.drafts.get(&wanted) {
            diags.push(
                Diagnostic::error(
                    source,
                    r.pos.line,
                    r.pos.col,
                    msg!("links-ref-draft", slug = &r.slug, path = display_path(file)),
                )
                .with_hint(msg!("links-ref-draft-hint", slug = &r.slug, key = key)),
            );
        } else if !known.broken.contains(&wanted) {
            diags.push(unknown_ref(source, key, r, section, known));
        }
    }
    out
}

/// An event of a `network:` source belongs to the source's association and cities (those that
/// exist; the others are reported once, by [`check_network_refs`]).
fn remote_relations(
    config: &SiteConfig,
    ev: &crate::content::model::Event,
    index: &HashMap<(Section, String), usize>,
) -> Relations {
    let source = ev
        .remote
        .as_ref()
        .and_then(|o| config.network.get(o.source));
    let Some(source) = source else {
        return Relations::default();
    };
    let find = |section: Section, r: &Ref| index.get(&(section, r.slug.clone())).copied();
    Relations {
        associations: source
            .association
            .iter()
            .filter_map(|r| find(Section::Association, r))
            .collect(),
        cities: source
            .cities
            .iter()
            .filter_map(|r| find(Section::City, r))
            .collect(),
        events: Vec::new(),
    }
}

/// The association and cities of each `network:` source must exist, like an event's.
fn check_network_refs(config: &SiteConfig, known: &Known<'_>, diags: &mut Diagnostics) {
    let source = Path::new(CONFIG_FILE);
    for s in &config.network {
        let association = s.association.as_slice();
        resolve(
            source,
            "network",
            association,
            Section::Association,
            known,
            diags,
        );
        resolve(source, "network", &s.cities, Section::City, known, diags);
    }
}

fn unknown_ref(
    source: &Path,
    key: &str,
    r: &Ref,
    section: Section,
    known: &Known<'_>,
) -> Diagnostic {
    let candidates = known
        .index
        .keys()
        .chain(known.broken.iter())
        .filter(|(s, _)| *s == section)
        .map(|(_, slug)| slug.as_str());
    let hint = match did_you_mean(&r.slug, candidates) {
        Some(s) => msg!("links-did-you-mean", suggestion = s),
        None => msg!("links-use-file-name-hint", folder = section.dir()),
    };
    let message = if section == Section::City {
        msg!("links-unknown-city", slug = &r.slug, key = key)
    } else {
        msg!("links-unknown-association", slug = &r.slug, key = key)
    };
    Diagnostic::error(source, r.pos.line, r.pos.col, message).with_hint(hint)
}

fn check_config_refs(
    config: &SiteConfig,
    root: &Path,
    index: &HashMap<(Section, String), usize>,
    drafts: &HashMap<(Section, String), PathBuf>,
    diags: &mut Diagnostics,
) {
    for (key, value) in [("imprint", &config.imprint), ("privacy", &config.privacy)] {
        if let Some(slug) = value
            && !index.contains_key(&(Section::Page, slug.clone()))
        {
            let line = crate::source::SourceFile::read(root, Path::new(CONFIG_FILE))
                .ok()
                .and_then(|f| {
                    f.text
                        .lines()
                        .position(|l| l.starts_with(&format!("{key}:")))
                })
                .map_or(0, |p| p + 1);
            let candidates = index
                .keys()
                .filter(|(s, _)| *s == Section::Page)
                .map(|(_, s)| s.as_str());
            if let Some(file) = drafts.get(&(Section::Page, slug.clone())) {
                diags.push(Diagnostic::error(
                    CONFIG_FILE,
                    line,
                    0,
                    msg!(
                        "links-config-page-draft",
                        key = key,
                        slug = slug,
                        path = display_path(file)
                    ),
                ));
                continue;
            }
            let hint = match did_you_mean(slug, candidates) {
                Some(s) => msg!("links-did-you-mean", suggestion = s),
                None => msg!("links-config-page-missing-hint", slug = slug),
            };
            diags.push(
                Diagnostic::error(
                    CONFIG_FILE,
                    line,
                    0,
                    msg!("links-config-page-missing", key = key, slug = slug),
                )
                .with_hint(hint),
            );
        }
    }
}

/// Display order: `weight` first (entries without weight last), then title (case- and
/// umlaut-insensitive), then slug.
pub fn compare(a: &Entry, b: &Entry) -> Ordering {
    display_key(a).cmp(&display_key(b))
}

/// The key [`compare`] orders by.
fn display_key(e: &Entry) -> (i64, String, &str) {
    (
        e.common.weight.unwrap_or(i64::MAX),
        sort_key(&e.common.title),
        &e.common.slug,
    )
}

fn sort_key(title: &str) -> String {
    slug::slugify(title).unwrap_or_else(|| title.to_lowercase())
}

fn event_key(e: &Entry) -> (Date, Option<jiff::civil::Time>, String) {
    match &e.data {
        Data::Event(ev) => (ev.date, ev.time, e.common.slug.clone()),
        _ => (Date::MIN, None, e.common.slug.clone()),
    }
}

fn news_date(e: &Entry) -> Date {
    match &e.data {
        Data::News(n) => n.date,
        _ => Date::MIN,
    }
}
