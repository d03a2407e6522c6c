//! `network:` in `site.yaml`: the member sources whose events a site gathers, read into
//! [`Source`] values and checked with the line of every problem.

use serde::{Deserialize, Serialize};

use crate::content::front_matter::{FrontMatter, Pos};
use crate::content::model::Ref;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// The most sources one site may list.
pub const MAX_SOURCES: usize = 64;

/// One member source: a calendar feed or another twinsite site's `data/events.json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// The name shown beside its events ("Quelle: …") and in warnings.
    pub name: String,
    /// The address of the feed, `http` or `https` only.
    pub url: String,
    /// The local association its events belong to.
    #[serde(serialize_with = "ref_slug")]
    pub association: Option<Ref>,
    /// The local cities its events belong to.
    #[serde(serialize_with = "ref_slugs")]
    pub cities: Vec<Ref>,
    /// Where the entry is written in `site.yaml`.
    #[serde(skip)]
    pub pos: Pos,
}

fn ref_slug<S: serde::Serializer>(r: &Option<Ref>, s: S) -> Result<S::Ok, S::Error> {
    r.as_ref().map(|r| r.slug.as_str()).serialize(s)
}

fn ref_slugs<S: serde::Serializer>(r: &[Ref], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(r.iter().map(|r| r.slug.as_str()))
}

/// One entry as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Written {
    name: String,
    url: String,
    #[serde(default)]
    association: Option<String>,
    #[serde(default)]
    cities: Vec<String>,
}

/// Reads `network:` from `site.yaml`; every problem goes to `diags` with its place.
pub fn read(fm: &FrontMatter, diags: &mut Diagnostics) -> Vec<Source> {
    let Some(written) = fm.get::<Vec<Written>>("network", &msg!("config-expect-network"), diags)
    else {
        return Vec::new();
    };
    if written.len() > MAX_SOURCES {
        let p = fm.pos("network");
        diags.push(
            Diagnostic::error(
                &fm.rel_path,
                p.line,
                p.col,
                msg!("network-too-many", count = written.len(), max = MAX_SOURCES),
            )
            .with_hint(msg!("network-too-many-hint")),
        );
        return Vec::new();
    }
    written
        .into_iter()
        .enumerate()
        .filter_map(|(i, w)| source(fm, i, w, diags))
        .collect()
}

fn source(fm: &FrontMatter, i: usize, w: Written, diags: &mut Diagnostics) -> Option<Source> {
    let at = |item: &str| fm.entry_item_pos("network", i, item);
    let name = w.name.trim().to_owned();
    if name.is_empty() || name.chars().any(char::is_control) || name.chars().count() > 100 {
        let p = at("name");
        diags.push(
            Diagnostic::error(&fm.rel_path, p.line, p.col, msg!("network-bad-name"))
                .with_hint(msg!("network-bad-name-hint")),
        );
        return None;
    }
    let url = w.url.trim().to_owned();
    if let Err(problem) = check_url(&url) {
        let p = at(&w.url);
        diags.push(
            Diagnostic::error(
                &fm.rel_path,
                p.line,
                p.col,
                msg!(
                    "network-bad-url",
                    name = &name,
                    url = &url,
                    problem = problem
                ),
            )
            .with_hint(msg!("network-bad-url-hint")),
        );
        return None;
    }
    let to_ref = |slug: String| {
        let pos: Pos = at(&slug);
        Ref { slug, pos }
    };
    Some(Source {
        pos: fm.entry_item_pos("network", i, "-"),
        name,
        url,
        association: w.association.map(to_ref),
        cities: w.cities.into_iter().map(to_ref).collect(),
    })
}

/// Whether `url` is an `http` or `https` address with a host and without a user name, which
/// is all a source may be; `Err` says what is wrong.
pub fn check_url(url: &str) -> Result<(), String> {
    let parsed = url::Url::parse(url).map_err(|_| msg!("network-url-unreadable"))?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(msg!("network-url-scheme", scheme = parsed.scheme()));
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err(msg!("network-url-unreadable"));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(msg!("network-url-credentials"));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
