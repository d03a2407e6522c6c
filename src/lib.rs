//! twinsite: a static site generator for city-partnership websites (*Städtepartnerschaften*).
//!
//! One Markdown file with YAML front matter per partner city, association, event and news item
//! becomes a complete static site: city and association pages, an event calendar with
//! iCalendar feeds, a world map drawn at build time, feeds and open data.
//!
//! The build is one pipeline of plain functions over one immutable value:
//!
//! ```text
//! config::load → content::load (+ validate, in parallel) → link::link → Site
//!      → translate::translate (one Site per further language) → pictures::prepare (photos)
//!      → render::render → Output (in memory) → write::write_output (or serve from memory)
//! ```
//!
//! Every stage collects [`diagnostics::Diagnostic`]s instead of stopping at the first problem;
//! the build stops before rendering when any of them is an error. The library never prints.

#![deny(clippy::print_stdout, clippy::print_stderr)]

// First, so that `msg!` is in scope in every module below.
#[macro_use]
pub mod messages;

pub mod cache;
pub mod calendar;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod date_check;
pub mod diagnostics;
pub mod escape;
pub mod file_stat;
pub mod fs_safe;
pub mod html_scan;
pub mod link;
pub mod lint;
pub mod map;
pub mod markdown;
pub mod network;
pub mod output;
pub mod output_links;
pub mod photo;
pub mod pictures;
pub mod ready;
pub mod relative;
pub mod render;
pub mod sanitize;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod shared;
pub mod site;
pub mod slug;
pub mod source;
pub mod translate;
pub mod walk;
pub mod write;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::civil::Date;

use crate::cache::BuildCache;
use crate::content::load::LoadOptions;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Output;
use crate::site::Site;

/// What to build and how.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Site root (the folder with `site.yaml`).
    pub root: PathBuf,
    /// Include drafts.
    pub drafts: bool,
    /// Replace `base_url` from `site.yaml` (e.g. for previews).
    pub base_url: Option<String>,
    /// The build date; today in the site's time zone when `None`.
    pub now: Option<Date>,
    /// Write every link relative to its page (as `relative_urls: true` in `site.yaml` does).
    pub relative: bool,
    /// Make only the photo sizes the cache has, and leave the others for later
    /// ([`pictures::Photos::pending`]), so pages are ready at once (`serve`).
    pub defer_photos: bool,
    /// How the sources of `network:` are reached (`--offline`: from the cache only).
    pub network: network::Options,
}

/// The result of the first three stages: a linked site plus every warning.
pub struct Loaded {
    /// The immutable site.
    pub site: Site,
    /// Warnings (errors make [`load_site`] fail instead).
    pub warnings: Vec<Diagnostic>,
}

/// Load, validate and link. Fails with every problem found when any is an error.
pub fn load_site(opts: &BuildOptions) -> Result<Loaded, Vec<Diagnostic>> {
    load_site_with(opts, None)
}

fn load_site_with(
    opts: &BuildOptions,
    cache: Option<&BuildCache>,
) -> Result<Loaded, Vec<Diagnostic>> {
    let (site, diags) = load_unchecked_with(opts, cache);
    match site {
        Some(site) if !diags.has_errors() => Ok(Loaded {
            site,
            warnings: diags.sorted(),
        }),
        _ => Err(diags.sorted()),
    }
}

/// Load, validate and link, returning the site (if the configuration was usable) even when
/// content has errors, for `check`.
pub fn load_unchecked(opts: &BuildOptions) -> (Option<Site>, Diagnostics) {
    load_unchecked_with(opts, None)
}

fn load_unchecked_with(
    opts: &BuildOptions,
    cache: Option<&BuildCache>,
) -> (Option<Site>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let Some(mut config) = config::load(&opts.root, &mut diags) else {
        return (None, diags);
    };
    if let Some(b) = &opts.base_url {
        match config::BaseUrl::parse(b) {
            Ok(u) => config.base_url = u,
            Err(e) => diags.push(Diagnostic::error("--base-url", 0, 0, e)),
        }
    }
    config.relative_urls |= opts.relative;
    let now = opts.now.unwrap_or_else(|| today(&config.timezone));
    let copies = network::gather(&opts.root, &config.network, opts.network, &mut diags);
    let mut content = content::load::load_with(
        &opts.root,
        &config,
        LoadOptions {
            drafts: opts.drafts,
        },
        cache,
        &mut diags,
    );
    let zone = jiff::tz::TimeZone::get(&config.timezone).unwrap_or(jiff::tz::TimeZone::UTC);
    let remote = network::entries::entries(&config.network, &copies, &zone, now, &mut diags);
    content.entries.extend(remote.into_iter().map(Arc::new));
    let translations = std::mem::take(&mut content.translations);
    let mut site = link::link(config, &opts.root, content, now, &mut diags);
    lint::lint(&site, &mut diags);
    date_check::check(&site, &mut diags);
    translate::translate(&mut site, translations, &mut diags);
    let work = if opts.defer_photos {
        pictures::Work::Measure
    } else {
        pictures::Work::Full
    };
    let cache = pictures::disk_cache(&opts.root);
    let photos = Arc::new(pictures::prepare(&site, Some(cache), work, &mut diags));
    site.photos = photos.clone();
    for t in &mut site.translations {
        t.photos = photos.clone();
    }
    (Some(site), diags)
}

/// Today's date in the time zone `tz` (UTC if unknown).
pub fn today(tz: &str) -> Date {
    let zone = jiff::tz::TimeZone::get(tz).unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::now().to_zoned(zone).date()
}

/// A finished in-memory build.
pub struct Built {
    /// The linked site.
    pub site: Site,
    /// Every output file.
    pub output: Output,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
}

/// Runs the whole pipeline in memory: nothing is written.
pub fn build_in_memory(opts: &BuildOptions) -> Result<Built, Vec<Diagnostic>> {
    build_in_memory_with(opts, None)
}

/// [`build_in_memory`], reusing from `cache` every result whose inputs it has seen in an
/// earlier build (see [`cache`]); the output is the same as without it. `twinsite serve` keeps
/// one cache for all its rebuilds.
pub fn build_in_memory_with(
    opts: &BuildOptions,
    cache: Option<&BuildCache>,
) -> Result<Built, Vec<Diagnostic>> {
    if let Some(c) = cache {
        c.start_build();
    }
    let built = build_pipeline(opts, cache, None);
    if let Some(c) = cache {
        c.finish_build();
    }
    built
}

/// load → theme → render. With a `sink`, the rendered pages go there rather than into the
/// returned output.
fn build_pipeline(
    opts: &BuildOptions,
    cache: Option<&BuildCache>,
    sink: Option<&dyn output::PageSink>,
) -> Result<Built, Vec<Diagnostic>> {
    let Loaded { site, mut warnings } = load_site_with(opts, cache)?;
    let mut diags = Diagnostics::new();
    // What `check` refuses for publishing only warns here, so the preview keeps working.
    ready::check(&site, diagnostics::Severity::Warning, &mut diags);
    let Some(theme) = render::theme::load_with(&opts.root, &site.config, cache, &mut diags) else {
        return Err(diags.sorted());
    };
    warnings.extend(diags.sorted());
    let output = render::render_into(&site, &theme, cache, sink).map_err(|d| d.sorted())?;
    Ok(Built {
        site,
        output,
        warnings,
    })
}

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// Problems in the content, configuration or templates (all of them).
    Content(Vec<Diagnostic>),
    /// The output folder could not be written.
    Write(write::WriteError),
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// Number of output files.
    pub files: usize,
    /// Total bytes of output.
    pub bytes: usize,
    /// What the writer did.
    pub stats: write::WriteStats,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
}

/// Builds the site into `output_dir`. The previous output stays untouched when the build fails.
///
/// Pages are staged in the output folder as they are rendered ([`write::stage`]), so the
/// build never holds all of them in memory; they replace the previous files only once the
/// whole site has rendered.
pub fn build(opts: &BuildOptions, output_dir: &Path) -> Result<BuildReport, BuildError> {
    let stager = write::stage::Stager::new(output_dir).map_err(BuildError::Write)?;
    let built = build_pipeline(opts, None, Some(&stager)).map_err(BuildError::Content)?;
    let (stats, files, bytes) = stager.finish(built.output).map_err(BuildError::Write)?;
    Ok(BuildReport {
        files,
        bytes,
        stats,
        warnings: built.warnings,
    })
}
