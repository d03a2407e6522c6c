//! `twinsite check`: the first three stages plus a check of every internal link and anchor in
//! Markdown bodies, and whether the site is ready to publish ([`crate::ready`]), writing
//! nothing.

use std::collections::{HashMap, HashSet};

use crate::BuildOptions;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::site::Site;

/// Every problem of the site, sorted. Errors mean `build` would fail or links are broken.
///
/// When the content itself is fine, the site is also rendered in memory and every link the
/// templates produced is checked (see [`crate::output_links`]).
pub fn check(opts: &BuildOptions) -> Vec<Diagnostic> {
    let (site, mut diags) = crate::load_unchecked(opts);
    if let Some(site) = &site {
        let renderable = !diags.has_errors();
        crate::ready::check(site, crate::diagnostics::Severity::Error, &mut diags);
        check_links(site, &mut diags);
        if renderable {
            check_rendered(site, &mut diags);
        }
    }
    diags.sorted()
}

/// Renders `site` in memory and checks the links in every page.
fn check_rendered(site: &Site, diags: &mut Diagnostics) {
    let Some(theme) = crate::render::theme::load(&site.root, &site.config, diags) else {
        return;
    };
    match crate::render::render(site, &theme) {
        Ok(out) => {
            let templates = crate::render::page_templates(site, &theme);
            crate::output_links::check(site, &out, &templates, diags);
        }
        Err(d) => diags.extend(d),
    }
}

/// Site paths (without base path, with trailing slash for pages) that a build writes, with the
/// anchors each page has.
/// Entry pages map to `Some(anchors)`; generated pages (lists, feeds) to `None`.
fn known_pages(site: &Site) -> HashMap<String, Option<HashSet<String>>> {
    let mut pages: HashMap<String, Option<HashSet<String>>> = HashMap::new();
    for e in site.entries.iter().filter(|e| e.has_page()) {
        pages.insert(
            format!("/{}", e.url_path()),
            Some(e.anchors.iter().cloned().collect()),
        );
    }
    for p in [
        "/",
        "/cities/",
        "/associations/",
        "/events/",
        "/news/",
        "/topics/",
        "/map/",
        "/calendar/",
        "/atom.xml",
        "/sitemap.xml",
        "/robots.txt",
        "/calendar.ics",
        "/data/cities.geojson",
        "/data/events.json",
        "/404.html",
        "/style.css",
        "/favicon.svg",
    ] {
        pages.entry(p.to_owned()).or_default();
    }
    for t in site.topics.values() {
        pages.entry(format!("/topics/{}/", t.slug)).or_default();
    }
    for (y, m) in crate::render::calendar_pages::months(site) {
        pages.entry(format!("/calendar/{y}/{m:02}/")).or_default();
    }
    for &i in site.cities.iter().chain(&site.associations) {
        pages
            .entry(format!("/{}calendar.ics", site.entries[i].url_path()))
            .or_default();
    }
    for &i in &site.events {
        let e = &site.entries[i];
        if !e.has_page() {
            continue;
        }
        pages
            .entry(format!("/{}{}.ics", e.url_path(), e.common.slug))
            .or_default();
    }
    pages
}

/// Checks the internal links of every entry against the pages and static files of the site.
pub fn check_links(site: &Site, diags: &mut Diagnostics) {
    let pages = known_pages(site);
    for e in &site.entries {
        let own_anchors: HashSet<&str> = e.anchors.iter().map(String::as_str).collect();
        for (link, pos) in &e.links {
            let (path, anchor) = match link.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (link.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or(path);
            if path.is_empty() {
                if let Some(a) = anchor
                    && !own_anchors.contains(a)
                {
                    diags.push(broken(
                        e,
                        pos,
                        link,
                        msg!("checks-why-no-heading"),
                        own_anchors.iter().copied().collect(),
                    ));
                }
                continue;
            }
            let normalized = if path.ends_with('/')
                || path.rsplit('/').next().is_some_and(|l| l.contains('.'))
            {
                path.to_owned()
            } else {
                format!("{path}/")
            };
            let in_static = std::path::Path::new("static").join(path.trim_start_matches('/'));
            let is_static =
                crate::fs_safe::check(&site.root, &in_static, crate::fs_safe::STATIC).is_ok();
            match pages.get(&normalized) {
                Some(Some(anchors)) => {
                    if let Some(a) = anchor.filter(|a| !anchors.contains(*a)) {
                        let _ = a;
                        diags.push(broken(
                            e,
                            pos,
                            link,
                            msg!("checks-why-no-heading-there"),
                            anchors.iter().map(String::as_str).collect(),
                        ));
                    }
                }
                Some(None) => {}
                None if is_static => {}
                None => {
                    let candidates: Vec<&str> = pages.keys().map(String::as_str).collect();
                    diags.push(broken(
                        e,
                        pos,
                        link,
                        msg!("checks-why-no-address"),
                        candidates,
                    ));
                }
            }
        }
    }
}

fn broken(
    e: &crate::content::model::Entry,
    pos: &crate::content::front_matter::Pos,
    link: &str,
    why: String,
    candidates: Vec<&str>,
) -> Diagnostic {
    let target = link.rsplit_once('#').map_or(link, |(_, a)| a);
    let hint = match did_you_mean(if link.contains('#') { target } else { link }, candidates) {
        Some(s) => msg!("checks-did-you-mean", suggestion = s),
        None => msg!("checks-link-form-hint"),
    };
    Diagnostic::error(
        &e.source,
        pos.line,
        pos.col,
        msg!("checks-broken-link", link = link, why = why),
    )
    .with_hint(hint)
}
