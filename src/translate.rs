//! The language step of a multilingual site: the linked default-language [`Site`] in, one
//! [`Site`] value per further language out (stored in [`Site::translations`]).
//!
//! Every language has every page: an entry with a translation file gets its text from it (data
//! keys stay the original's, so relations, dates and places are identical), an entry without one
//! is shown in the default language and marked as a fallback. Links in the Markdown of both point
//! to pages of the reader's language. Entry order and indices are the same in every language, so
//! relations and occurrences are shared unchanged.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::front_matter;
use crate::content::model::Entry;
use crate::content::translation::Translation;
use crate::content::validate;
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::site::{Languages, Site};
use crate::source::SourceFile;

/// Builds the further-language sites of `site` from the translation files. Problems go to
/// `diags`. Nothing happens for a one-language site.
pub fn translate(site: &mut Site, translations: Vec<Translation>, diags: &mut Diagnostics) {
    if site.config.languages.len() < 2 {
        return;
    }
    let by_source: HashMap<&Path, usize> = site
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.source.as_path(), i))
        .collect();
    let mut found: HashMap<(usize, String), Translation> = HashMap::new();
    for t in translations {
        match by_source.get(t.original.as_path()) {
            Some(&i) => {
                found.insert((i, t.lang.clone()), t);
            }
            // The original exists but is broken or a draft: its own problems are reported.
            None if site.root.join(&t.original).is_file() => {}
            None => diags.push(
                Diagnostic::error(
                    &t.source,
                    0,
                    0,
                    msg!(
                        "links-translation-no-original",
                        path = display_path(&t.original)
                    ),
                )
                .with_hint(msg!("links-translation-no-original-hint")),
            ),
        }
    }
    let mut translated = vec![Vec::new(); site.entries.len()];
    for lang in site.config.languages.iter().skip(1) {
        for (i, list) in translated.iter_mut().enumerate() {
            if found.contains_key(&(i, lang.clone())) {
                list.push(lang.clone());
            }
        }
    }
    site.lang.translated = translated;
    let others: Vec<String> = site.config.languages.iter().skip(1).cloned().collect();
    let mut sites = Vec::with_capacity(others.len());
    for lang in others {
        let pages_base = format!("{}{lang}/", site.config.base_url.path);
        let results: Vec<(Entry, Diagnostics)> = site
            .entries
            .par_iter()
            .enumerate()
            .map(|(i, e)| match found.get(&(i, lang.clone())) {
                Some(t) => translated_entry(site, e, t, &pages_base),
                None => (fallback_entry(site, e, &pages_base), Diagnostics::new()),
            })
            .collect();
        let mut entries = Vec::with_capacity(results.len());
        for (e, d) in results {
            diags.extend(d);
            entries.push(Arc::new(e));
        }
        sites.push(site_in(site, &lang, entries));
    }
    site.translations = sites;
}

/// `site` in language `lang` with `entries` in place of its own.
fn site_in(site: &Site, lang: &str, entries: Vec<Arc<Entry>>) -> Site {
    let mut config = site.config.clone();
    if let Some(text) = site.config.translations.get(lang) {
        if let Some(t) = &text.title {
            config.title.clone_from(t);
        }
        if text.description.is_some() {
            config.description.clone_from(&text.description);
        }
        if text.menu.is_some() {
            config.menu.clone_from(&text.menu);
        }
    }
    Site {
        config,
        root: site.root.clone(),
        now: site.now,
        entries,
        relations: site.relations.clone(),
        cities: site.cities.clone(),
        associations: site.associations.clone(),
        events: site.events.clone(),
        news: site.news.clone(),
        pages: site.pages.clone(),
        home_intro: site.home_intro,
        topics: site.topics.clone(),
        occurrences: site.occurrences.clone(),
        occurrences_by_entry: site.occurrences_by_entry.clone(),
        index: site.index.clone(),
        photos: site.photos.clone(),
        lang: Languages {
            code: lang.to_owned(),
            prefix: site.lang.prefix_of(lang),
            ..site.lang.clone()
        },
        translations: Vec::new(),
    }
}

/// Reads the original of `e` again.
fn original_front_matter(site: &Site, e: &Entry) -> Result<front_matter::FrontMatter, Diagnostic> {
    let file = SourceFile::read(&site.root, &e.source)?;
    front_matter::parse(&file)
}

/// The original entry with its Markdown links pointing into the reader's language.
fn fallback_entry(site: &Site, e: &Entry, pages_base: &str) -> Entry {
    if !e.has_page() {
        // An event of a `network:` source: plain text with no file to read again.
        return e.clone();
    }
    let fresh = original_front_matter(site, e).ok().and_then(|fm| {
        validate::entry_in(
            &fm,
            e.section,
            e.content_hash,
            &site.config,
            pages_base,
            &mut Diagnostics::new(),
        )
    });
    fresh.unwrap_or_else(|| e.clone())
}

/// The entry with the translation's text laid over the original. Problems of the translated
/// body are reported at the translation file's lines.
fn translated_entry(
    site: &Site,
    e: &Entry,
    t: &Translation,
    pages_base: &str,
) -> (Entry, Diagnostics) {
    let mut out = Diagnostics::new();
    let fm = match original_front_matter(site, e) {
        Ok(fm) => fm,
        Err(d) => {
            out.push(d);
            return (e.clone(), out);
        }
    };
    let merged = fm.overlay(&t.front_matter);
    let own_body = !t.front_matter.body.trim().is_empty();
    let mut d = Diagnostics::new();
    let hash = e.content_hash ^ t.content_hash.rotate_left(17);
    let entry = validate::entry_in(&merged, e.section, hash, &site.config, pages_base, &mut d);
    // Keys were checked in the translation file itself and the original passed its checks, so
    // what remains are findings in the translated body; they belong to the translation file.
    for mut diag in d {
        if (own_body && diag.line >= merged.body_line) || entry.is_none() {
            diag.path = t.source.clone();
            out.push(diag);
        }
    }
    (entry.unwrap_or_else(|| e.clone()), out)
}
