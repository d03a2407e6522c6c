//! Links made by templates: every `href`/`src` of every rendered HTML page, checked against the
//! files of the in-memory [`Output`] and the `id`s of the page they point to.
//!
//! Links written in Markdown bodies are checked (with their line) by [`crate::check`] and skipped
//! here. A broken template link usually appears on many pages, so problems are grouped by link
//! and reported once, at the line of the site's own template that contains it when one does
//! (`templates/…` or `themes/<name>/templates/…`), otherwise against the template that rendered
//! the first page.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::html_scan;
use crate::output::Output;
use crate::site::Site;

/// One broken link and the pages it appears on.
#[derive(Default)]
struct Problem {
    why: String,
    pages: Vec<String>,
}

/// Checks every link in every HTML page of `out`. `templates` maps output pages to the template
/// that rendered them.
pub fn check(
    site: &Site,
    out: &Output,
    templates: &HashMap<String, String>,
    diags: &mut Diagnostics,
) {
    let base = site.config.base_url.path.as_str();
    let from_markdown: HashSet<String> = site
        .entries
        .iter()
        .flat_map(|e| &e.links)
        .map(|(l, _)| {
            if l.starts_with('/') {
                site.url(l)
            } else {
                l.clone()
            }
        })
        .collect();
    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    let mut problems: BTreeMap<String, Problem> = BTreeMap::new();
    let mut no_alt: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (page, bytes) in out.iter().filter(|(p, _)| p.ends_with(".html")) {
        let Ok(html) = std::str::from_utf8(bytes) else {
            continue;
        };
        let scan = html_scan::scan(html);
        if !scan.images_without_alt.is_empty() {
            no_alt
                .entry(templates.get(page).cloned().unwrap_or_default())
                .or_default()
                .push(page.to_owned());
        }
        for u in &scan.urls {
            let value = html_scan::unescape(&html[u.range.clone()]);
            if is_external(&value) || from_markdown.contains(&value) {
                continue;
            }
            let Some(why) = broken(&value, page, base, out, &mut ids) else {
                continue;
            };
            let p = problems.entry(value).or_default();
            p.why = why;
            p.pages.push(page.to_owned());
        }
    }
    let candidates: Vec<String> = out
        .iter()
        .map(|(p, _)| format!("{base}{}", p.trim_end_matches("index.html")))
        .collect();
    for (link, p) in problems {
        let first = &p.pages[0];
        let template = templates
            .get(first)
            .cloned()
            .unwrap_or_else(|| "?".to_owned());
        let (path, line, col) = locate(site, base, &link)
            .unwrap_or_else(|| (PathBuf::from("templates").join(&template), 0, 0));
        let message = match p.pages.len() - 1 {
            0 => msg!(
                "checks-template-link-broken",
                link = &link,
                page = first,
                template = &template,
                why = &p.why
            ),
            more => msg!(
                "checks-template-link-broken-more",
                link = &link,
                page = first,
                more = more,
                template = &template,
                why = &p.why
            ),
        };
        let hint = match did_you_mean(&link, candidates.iter().map(String::as_str)) {
            Some(s) if !link.contains('#') => msg!("checks-template-did-you-mean", suggestion = s),
            _ => msg!("checks-template-link-hint"),
        };
        diags.push(Diagnostic::error(path, line, col, message).with_hint(hint));
    }
    for (template, pages) in no_alt {
        diags.push(
            Diagnostic::warning(
                PathBuf::from("templates").join(&template),
                0,
                0,
                msg!(
                    "checks-image-no-alt",
                    page = &pages[0],
                    template = &template
                ),
            )
            .with_hint(msg!("checks-image-no-alt-hint")),
        );
    }
}

fn is_external(v: &str) -> bool {
    v.is_empty()
        || v.starts_with("//")
        || v.split(['/', '?', '#'])
            .next()
            .is_some_and(|s| s.contains(':'))
}

/// Why `link` on `page` leads nowhere, or `None` when it works.
fn broken(
    link: &str,
    page: &str,
    base: &str,
    out: &Output,
    ids: &mut HashMap<String, HashSet<String>>,
) -> Option<String> {
    let (path, fragment) = link
        .split_once('#')
        .map_or((link, None), |(p, f)| (p, Some(f)));
    let path = path.split('?').next().unwrap_or(path);
    let target = if path.is_empty() {
        page.to_owned()
    } else if path.starts_with('/') {
        let Some(rel) = path.strip_prefix(base) else {
            return Some(msg!("checks-why-no-base-path"));
        };
        rel.to_owned()
    } else {
        resolve_relative(page, path)?
    };
    let file = if target.is_empty() || target.ends_with('/') {
        format!("{target}index.html")
    } else if out.contains(&target) {
        target
    } else {
        format!("{target}/index.html")
    };
    let Some(bytes) = out.get(&file) else {
        return Some(msg!("checks-why-no-address"));
    };
    let fragment = fragment.filter(|f| !f.is_empty())?;
    if !file.ends_with(".html") {
        return None;
    }
    let known = ids.entry(file.clone()).or_insert_with(|| {
        std::str::from_utf8(bytes)
            .map(|h| html_scan::scan(h).ids.into_iter().collect())
            .unwrap_or_default()
    });
    (!known.contains(fragment)).then(|| msg!("checks-why-no-element"))
}

/// `rel` resolved against the folder of `page`; `None` when it climbs above the site root.
fn resolve_relative(page: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in rel.split('/') {
        match seg {
            "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// The line of the site's own template that contains `link` (its part after the base path).
fn locate(site: &Site, base: &str, link: &str) -> Option<(PathBuf, usize, usize)> {
    let needle = link
        .strip_prefix(base)
        .filter(|n| n.len() >= 2)
        .unwrap_or(link);
    let dirs = [
        PathBuf::from("templates"),
        Path::new("themes")
            .join(&site.config.theme)
            .join("templates"),
    ];
    for dir in dirs {
        let Ok(items) = std::fs::read_dir(site.root.join(&dir)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = items.flatten().map(|e| dir.join(e.file_name())).collect();
        files.sort();
        for rel in files {
            let Ok(bytes) = crate::fs_safe::read(&site.root, &rel, crate::fs_safe::TEMPLATE) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            for (n, line) in text.lines().enumerate() {
                if let Some(col) = line.find(needle) {
                    return Some((rel, n + 1, line[..col].chars().count() + 1));
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_links() {
        assert_eq!(
            resolve_relative("cities/lyon/index.html", "../../map/").as_deref(),
            Some("map/")
        );
        assert_eq!(
            resolve_relative("index.html", "style.css").as_deref(),
            Some("style.css")
        );
        assert_eq!(resolve_relative("index.html", "../x"), None);
    }

    #[test]
    fn knows_external_links() {
        assert!(is_external("https://example.org/"));
        assert!(is_external("mailto:a@example.org"));
        assert!(!is_external("/cities/"));
        assert!(!is_external("../a:b/"));
    }
}
