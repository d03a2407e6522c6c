//! Helpful warnings about a linked [`Site`]: things that are allowed but that visitors will miss.
//!
//! An event without a place, partner cities no association or event names (their pages show no
//! one to contact and no dates; many are summed up in one warning), an active partnership without any event in the last two years, and a menu entry
//! of `site.yaml` that leads to an empty section. They never stop a build; each names the file
//! and the line of the key to change (the `title:` line when the whole file is meant) and says in
//! plain words what to do.

use std::path::Path;

use jiff::ToSpan;

use crate::content::model::Entry;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::site::Site;
use crate::source::SourceFile;

/// Above this many, cities that no association or event names are reported in one warning.
const SUMMARY_FROM: usize = 3;

/// Cities that no association and no event names: their pages show no one to contact and no
/// dates (they are on the map and in the list all the same).
fn unconnected_cities(site: &Site, cities: &[&Entry], diags: &mut Diagnostics) {
    if cities.len() > SUMMARY_FROM {
        let names: Vec<&str> = cities.iter().map(|e| e.common.title.as_str()).collect();
        diags.push(
            Diagnostic::warning(
                "content/cities",
                0,
                0,
                msg!(
                    "checks-cities-unconnected-many",
                    count = cities.len(),
                    names = names.join(", ")
                ),
            )
            .with_hint(msg!("checks-cities-unconnected-hint")),
        );
        return;
    }
    for e in cities {
        diags.push(
            warn(
                site,
                e,
                "title",
                msg!("checks-city-unconnected", city = &e.common.title),
            )
            .with_hint(msg!("checks-city-unconnected-hint", slug = &e.common.slug)),
        );
    }
}

/// How long an active partnership may go without any event before it looks dormant.
const DORMANT_YEARS: i32 = 2;

/// Adds every warning about `site` to `diags`.
pub fn lint(site: &Site, diags: &mut Diagnostics) {
    empty_menu_sections(site, diags);
    for &i in &site.events {
        let e = &site.entries[i];
        let Some(ev) = e.event().filter(|_| e.has_page()) else {
            continue;
        };
        if ev.location.is_none() && !matches!(ev.status.as_str(), "cancelled" | "postponed") {
            diags.push(
                warn(site, e, "date", msg!("checks-event-no-location")).with_hint(msg!(
                    "checks-event-no-location-hint",
                    town = crate::diagnostics::terminal_safe(&site.config.home.name)
                )),
            );
        }
    }
    let since = site
        .now
        .checked_sub(DORMANT_YEARS.years())
        .unwrap_or(site.now);
    let mut unconnected = Vec::new();
    for &i in &site.cities {
        let e = &site.entries[i];
        let Some(city) = e.city() else { continue };
        if matches!(city.status.as_str(), "ended" | "suspended" | "dormant") {
            continue;
        }
        let rel = &site.relations[i];
        if rel.associations.is_empty() && rel.events.is_empty() {
            unconnected.push(&**e);
            continue;
        }
        let recent = rel
            .events
            .iter()
            .any(|&ev| site.occurrences_of(ev).iter().any(|o| o.end >= since));
        if !recent {
            diags.push(
                warn(
                    site,
                    e,
                    "status",
                    msg!(
                        "checks-city-dormant",
                        city = &e.common.title,
                        since = since.to_string()
                    ),
                )
                .with_hint(msg!("checks-city-dormant-hint")),
            );
        }
    }
    unconnected_cities(site, &unconnected, diags);
}

/// Menu entries of `site.yaml` that link to a section without entries: its page only says
/// there is nothing yet (the default menu leaves such sections out by itself).
fn empty_menu_sections(site: &Site, diags: &mut Diagnostics) {
    let c = &site.config;
    let menus = c
        .menu
        .iter()
        .chain(c.translations.values().filter_map(|t| t.menu.as_ref()));
    let yaml = SourceFile::read(&site.root, Path::new("site.yaml")).ok();
    for item in menus.flatten() {
        let path = item.url.trim_start_matches('/');
        let path = path.strip_suffix('/').unwrap_or(path);
        let (empty, section) = match path.rsplit('/').next().unwrap_or(path) {
            "associations" => (site.associations.is_empty(), "associations"),
            "news" => (site.news.is_empty(), "news"),
            "cities" => (site.cities.is_empty(), "cities"),
            _ => continue,
        };
        if !empty || item.url.contains("://") {
            continue;
        }
        let line = yaml
            .as_ref()
            .and_then(|f| f.text.lines().position(|l| l.contains(item.url.as_str())))
            .map_or(0, |i| i + 1);
        diags.push(
            Diagnostic::warning(
                "site.yaml",
                line,
                usize::from(line > 0),
                msg!(
                    "checks-menu-section-empty",
                    title = &item.title,
                    url = &item.url,
                    section = section
                ),
            )
            .with_hint(msg!("checks-menu-section-empty-hint", section = section)),
        );
    }
}

/// A warning on the line of `key` in the entry's file (its `title:` line when `key` is absent).
fn warn(site: &Site, e: &Entry, key: &str, message: impl Into<String>) -> Diagnostic {
    let line = key_line(&site.root, &e.source, key)
        .or_else(|| key_line(&site.root, &e.source, "title"))
        .unwrap_or(0);
    Diagnostic::warning(&e.source, line, if line > 0 { 1 } else { 0 }, message)
}

/// The 1-based line where the front matter of `source` sets `key` (a plain text search).
pub(crate) fn key_line(root: &Path, source: &Path, key: &str) -> Option<usize> {
    let file = SourceFile::read(root, source).ok()?;
    let prefix = format!("{key}:");
    let mut fences = 0;
    for (n, line) in file.text.lines().enumerate() {
        if line.trim_end() == "---" {
            fences += 1;
            if fences == 2 {
                return None;
            }
        } else if fences == 1 && line.starts_with(&prefix) {
            return Some(n + 1);
        }
    }
    None
}
