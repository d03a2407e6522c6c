//! Finding and reading every content file: walk `content/` with `ignore` (hidden and
//! `.gitignore`d files are skipped), then parse and check the files in parallel with rayon.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::cache::{BuildCache, Key};
use crate::config::SiteConfig;
use crate::content::front_matter;
use crate::content::model::{Entry, Section};
use crate::content::translation::{self, Translation};
use crate::content::validate;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::file_stat::FileStat;
use crate::shared::Shared;
use crate::source::SourceFile;

/// The content folder below the site root.
pub const CONTENT_DIR: &str = "content";

/// Which entries to include.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Include entries marked `draft: true`.
    pub drafts: bool,
}

/// Lists the Markdown files below `root/content`, relative to `root`, sorted. Walk errors become
/// diagnostics.
pub fn content_files(root: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let dir = root.join(CONTENT_DIR);
    if !dir.is_dir() {
        diags.push(
            Diagnostic::error(CONTENT_DIR, 0, 0, "there is no content folder")
                .with_hint("create a folder `content` with sub-folders `cities`, `associations`, `events` and `news`"),
        );
        return Vec::new();
    }
    let mut files = Vec::new();
    let walker = ignore::WalkBuilder::new(&dir)
        .hidden(true)
        .git_ignore(true)
        .git_global(false)
        .git_exclude(false)
        .require_git(false)
        .build();
    for item in walker {
        match item {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                let rel = e
                    .path()
                    .strip_prefix(root)
                    .unwrap_or(e.path())
                    .to_path_buf();
                if validate::is_markdown(&rel) {
                    files.push(rel);
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err_path(&err).map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf());
                diags.push(Diagnostic::error(
                    path.unwrap_or_else(|| CONTENT_DIR.into()),
                    0,
                    0,
                    format!("cannot read: {err}"),
                ));
            }
        }
    }
    files.sort();
    files
}

fn err_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithLineNumber { err, .. } | ignore::Error::WithDepth { err, .. } => {
            err_path(err)
        }
        _ => None,
    }
}

/// The section of a content file from its folder, or an error for an unknown folder.
fn section_of(rel: &Path) -> Result<Section, Diagnostic> {
    let parts: Vec<String> = rel
        .iter()
        .skip(1)
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    match parts.as_slice() {
        [_file] => Ok(Section::Page),
        [dir, ..] => match Section::from_dir(dir) {
            Some(Section::Event) => Ok(Section::Event),
            Some(s) if parts.len() == 2 => Ok(s),
            Some(_) => Err(Diagnostic::error(rel, 0, 0, format!("only events may be in sub-folders; this file is inside content/{dir}/…/"))
                .with_hint(format!("move it directly into content/{dir}/"))),
            None => Err(Diagnostic::error(rel, 0, 0, format!("twinsite does not know the content folder \"{dir}\""))
                .with_hint("content goes into content/cities, content/associations, content/events, content/news, or directly into content/ for plain pages")),
        },
        [] => Err(Diagnostic::error(rel, 0, 0, "not a content file")),
    }
}

/// A 64-bit FNV-1a hash: stable across builds, platforms and Rust versions.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// What loading one file gave: the entry, or at least the slug of a file that has errors (so
/// references to it do not cause a second, misleading "unknown" error).
pub type FileResult = (Option<Arc<Entry>>, Option<(Section, String)>, Diagnostics);

/// Reads and checks one content file.
pub fn load_file(root: &Path, rel: &Path, config: &SiteConfig, opts: LoadOptions) -> FileResult {
    load_file_with(root, rel, config, opts, None)
}

/// [`load_file`], taking the result from `cache` when this text was loaded before with the
/// same settings (`(cache, key of the configuration and options)`).
fn load_file_with(
    root: &Path,
    rel: &Path,
    config: &SiteConfig,
    opts: LoadOptions,
    cache: Option<(&BuildCache, Key)>,
) -> FileResult {
    let mut diags = Diagnostics::new();
    let section = match section_of(rel) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return (None, None, diags);
        }
    };
    // With a cache, a file whose settled stat is unchanged since it was read is not read again.
    let stat = cache.and_then(|_| {
        let looked_at = std::time::SystemTime::now();
        Some((FileStat::of(&root.join(rel))?, looked_at))
    });
    if let (Some((cache, settings)), Some((stat, _))) = (cache, &stat)
        && let Some(hit) = cache.unchanged_file(rel, settings, stat)
    {
        return hit;
    }
    let bytes = match SourceFile::read_bytes(root, rel) {
        Ok(b) => b,
        Err(d) => {
            diags.push(d);
            return (None, None, diags);
        }
    };
    // The cache is asked with the raw bytes, so an unchanged file is not even decoded.
    let load = || match SourceFile::from_bytes(rel.to_path_buf(), &bytes) {
        Ok(file) => load_text(rel, section, &file, config, opts),
        Err(d) => {
            diags.push(d);
            (None, None, diags)
        }
    };
    match cache {
        Some((cache, settings)) => cache.file(rel, &bytes, settings, stat, load),
        None => load(),
    }
}

/// Parses and checks `bytes` as the content file `rel` (relative to the site root, e.g.
/// `content/events/brunch.md`) exactly as [`load_file`] does after reading it, without touching
/// the file system: for tests and fuzzing.
pub fn load_bytes(rel: &Path, bytes: &[u8], config: &SiteConfig, opts: LoadOptions) -> FileResult {
    let mut diags = Diagnostics::new();
    let section = match section_of(rel) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return (None, None, diags);
        }
    };
    match SourceFile::from_bytes(rel.to_path_buf(), bytes) {
        Ok(file) => load_text(rel, section, &file, config, opts),
        Err(d) => {
            diags.push(d);
            (None, None, diags)
        }
    }
}

/// Parses and checks the text of one content file.
fn load_text(
    rel: &Path,
    section: Section,
    file: &SourceFile,
    config: &SiteConfig,
    opts: LoadOptions,
) -> FileResult {
    let mut diags = Diagnostics::new();
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let fm = match front_matter::parse(file) {
        Ok(fm) => fm,
        Err(d) => {
            diags.push(d);
            return (None, Some((section, stem)), diags);
        }
    };
    let entry = validate::entry(
        &fm,
        section,
        stable_hash(file.text.as_bytes()),
        config,
        &mut diags,
    );
    let draft = entry.as_ref().map_or_else(
        || fm.text("draft", &mut Diagnostics::new()).as_deref() == Some("true"),
        |e| e.common.draft,
    );
    if draft && !opts.drafts {
        // A half-written draft must not block publishing the rest of the site.
        let relaxed = diags
            .into_iter()
            .map(|mut d| {
                if d.severity == Severity::Error {
                    d.severity = Severity::Warning;
                    d.message = format!("{} (in a draft, which is not published)", d.message);
                }
                d
            })
            .collect::<Vec<_>>();
        let mut out = Diagnostics::new();
        out.extend(relaxed);
        return (None, None, out);
    }
    let known = match &entry {
        Some(_) => None,
        None => Some((
            section,
            fm.text("slug", &mut Diagnostics::new()).unwrap_or(stem),
        )),
    };
    (entry.map(Arc::new), known, diags)
}

/// Every content file, loaded.
#[derive(Debug, Default)]
pub struct Content {
    /// Entries that passed their checks, sorted by source path.
    pub entries: Vec<Arc<Entry>>,
    /// Sections and slugs of files that exist but have errors.
    pub broken: Vec<(Section, String)>,
    /// Translation files (`lyon.fr.md`) that passed their own checks.
    pub translations: Vec<Translation>,
}

/// One file to load: an original, or a translation into a language.
enum Loaded {
    Original(Box<FileResult>),
    Translation(Option<Box<Translation>>, Diagnostics),
}

fn one(d: Diagnostic) -> Diagnostics {
    let mut ds = Diagnostics::new();
    ds.push(d);
    ds
}

fn load_any(
    root: &Path,
    rel: &Path,
    config: &SiteConfig,
    opts: LoadOptions,
    cache: Option<(&BuildCache, Key)>,
) -> Loaded {
    match translation::language_of(rel, config) {
        Ok(None) => Loaded::Original(Box::new(load_file_with(root, rel, config, opts, cache))),
        Ok(Some(lang)) => match section_of(rel) {
            Ok(section) => {
                let (t, d) = translation::load(root, rel, &lang, section, opts);
                Loaded::Translation(t.map(Box::new), d)
            }
            Err(d) => Loaded::Translation(None, one(d)),
        },
        Err(d) => Loaded::Translation(None, one(d)),
    }
}

/// Loads every content file in parallel.
pub fn load(
    root: &Path,
    config: &SiteConfig,
    opts: LoadOptions,
    diags: &mut Diagnostics,
) -> Content {
    load_with(root, config, opts, None, diags)
}

/// [`load`], reusing the results of files whose text `cache` has seen before.
pub fn load_with(
    root: &Path,
    config: &SiteConfig,
    opts: LoadOptions,
    cache: Option<&BuildCache>,
    diags: &mut Diagnostics,
) -> Content {
    let files = content_files(root, diags);
    let cache = cache.and_then(|c| Some((c, BuildCache::load_key(config, &opts)?)));
    let results: Vec<Loaded> = files
        .par_iter()
        .map(|rel| load_any(root, rel, config, opts, cache))
        .collect();
    let mut out = Content {
        entries: Vec::with_capacity(results.len()),
        broken: Vec::new(),
        translations: Vec::new(),
    };
    for r in results {
        match r {
            Loaded::Original(r) => {
                let (entry, broken, d) = *r;
                diags.extend(d);
                out.entries.extend(entry);
                out.broken.extend(broken);
            }
            Loaded::Translation(t, d) => {
                diags.extend(d);
                out.translations.extend(t.map(|t| *t));
            }
        }
    }
    if cache.is_none() {
        compact(&mut out.entries);
    }
    out
}

/// Copies each entry's rendered body and teaser into fresh allocations. They were made among
/// the parser's short-lived buffers of the same sizes, and would keep those buffers' memory
/// pages in use for the whole build; copied together, they fill pages of their own (10,000
/// pages: about 20 MB less peak memory). Not done with a cache, which shares these values.
fn compact(entries: &mut [Arc<Entry>]) {
    entries
        .par_iter_mut()
        .filter_map(Arc::get_mut)
        .for_each(|e| {
            e.html = Shared::new(String::from(e.html.as_str()));
            e.summary_html = Arc::from(&*e.summary_html);
            e.summary_text = Arc::from(&*e.summary_text);
        });
}
