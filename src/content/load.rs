//! Finding and reading every content file: walk `content/` with [`crate::walk`] (hidden and
//! `.gitignore`d files are skipped), then parse and check the files in parallel with rayon.
//! Every file is read through [`crate::fs_safe`]; the images the entries name are checked by
//! [`crate::content::images`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::cache::{BuildCache, Key};
use crate::config::{SiteConfig, is_language_code};
use crate::content::front_matter;
use crate::content::images;
use crate::content::model::{Entry, Section};
use crate::content::translation::{self, Translation};
use crate::content::validate;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::file_stat::FileStat;
use crate::fs_safe;
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

/// Lists the Markdown files below `root/content`, relative to `root`, sorted. Walk errors, a
/// content folder outside the site root and files that look like Markdown but are not named
/// `*.md` become diagnostics.
pub fn content_files(root: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let walk = match crate::walk::walk(root, Path::new(CONTENT_DIR)) {
        Ok(Some(w)) => w,
        Ok(None) => {
            diags.push(
                Diagnostic::error(CONTENT_DIR, 0, 0, msg!("content-no-folder"))
                    .with_hint(msg!("content-no-folder-hint")),
            );
            return Vec::new();
        }
        Err(d) => {
            diags.push(d);
            return Vec::new();
        }
    };
    diags.extend(walk.problems);
    let mut files = Vec::new();
    // Links are listed too: reading decides whether they lead to a usable file.
    for found in walk.files {
        if validate::is_markdown(&found.rel) {
            files.push(found.rel);
        } else if let Some(d) = misnamed_markdown(&found.rel) {
            diags.push(d);
        }
    }
    files
}

/// A warning for a file that looks like Markdown but is not read: `Lyon.MD`, `lyon.markdown`.
fn misnamed_markdown(rel: &Path) -> Option<Diagnostic> {
    let ext = rel.extension()?.to_string_lossy().to_lowercase();
    if !matches!(ext.as_str(), "md" | "markdown" | "mdown" | "mkd") {
        return None;
    }
    let stem = rel.file_stem()?.to_string_lossy();
    Some(
        Diagnostic::warning(rel, 0, 0, msg!("content-misnamed-markdown"))
            .with_hint(msg!("content-rename-to", name = format!("{stem}.md"))),
    )
}

/// An error for a file name with two language codes, such as `lyon.fr.fr.md`: a translation has
/// one (`lyon.fr.md`).
fn doubled_language(rel: &Path) -> Option<Diagnostic> {
    let stem = rel.file_stem()?.to_string_lossy();
    let (rest, last) = stem.rsplit_once('.')?;
    let (base, before) = rest.rsplit_once('.')?;
    if base.is_empty() || !is_language_code(last) || !is_language_code(before) {
        return None;
    }
    Some(
        Diagnostic::error(
            rel,
            0,
            0,
            msg!(
                "content-two-language-codes",
                first = before,
                second = last,
                original = format!("{base}.md"),
                translation = format!("{base}.{last}.md")
            ),
        )
        .with_hint(msg!(
            "content-rename-to",
            name = format!("{base}.{last}.md")
        )),
    )
}

/// Refuses front matter larger than [`fs_safe::FRONT_MATTER`] (before YAML parsing, which
/// needs many times the text's size in memory).
pub fn check_front_matter_size(file: &SourceFile) -> Result<(), Diagnostic> {
    let mut lines = file.text.split_inclusive('\n');
    if lines.next().is_none_or(|l| l.trim_end() != "---") {
        return Ok(());
    }
    let mut size = 0;
    for l in lines {
        let t = l.trim_end();
        if t == "---" || t == "..." {
            break;
        }
        size += l.len();
    }
    let limit = fs_safe::FRONT_MATTER;
    if size as u64 <= limit.bytes {
        return Ok(());
    }
    let r = fs_safe::Refusal::TooLarge(Some(size as u64), limit);
    Err(Diagnostic::error(
        &file.rel_path,
        1,
        1,
        msg!("content-front-matter-refused", problem = r.problem()),
    )
    .with_hint(r.hint()))
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
            Some(_) => Err(
                Diagnostic::error(rel, 0, 0, msg!("content-sub-folder", folder = dir))
                    .with_hint(msg!("content-sub-folder-hint", folder = dir)),
            ),
            None => Err(
                Diagnostic::error(rel, 0, 0, msg!("content-unknown-folder", folder = dir))
                    .with_hint(msg!("content-unknown-folder-hint")),
            ),
        },
        [] => Err(Diagnostic::error(
            rel,
            0,
            0,
            msg!("content-not-a-content-file"),
        )),
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

/// A file that exists but gives no entry, by section and slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unpublished {
    /// It has errors (its own problems are reported; references to it are not "unknown").
    Broken(Section, String),
    /// It is a draft and drafts are left out (references to it say so).
    Draft(Section, String),
}

/// What loading one file gave: the entry, or what is known of a file that gives none.
pub type FileResult = (Option<Arc<Entry>>, Option<Unpublished>, Diagnostics);

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
            // The file is there but unusable: references to it are not "unknown" as well.
            let stem = crate::content::file_slug(rel);
            return (
                None,
                stem.map(|stem| Unpublished::Broken(section, stem)),
                diags,
            );
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
    let stem = crate::content::file_slug(rel).unwrap_or_default();
    let fm = match check_front_matter_size(file).and_then(|()| front_matter::parse(file)) {
        Ok(fm) => fm,
        Err(d) => {
            diags.push(d);
            return (None, Some(Unpublished::Broken(section, stem)), diags);
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
                    d.message = msg!("content-in-draft", message = &d.message);
                }
                d
            })
            .collect::<Vec<_>>();
        let mut out = Diagnostics::new();
        out.extend(relaxed);
        let slug = fm.text("slug", &mut Diagnostics::new()).unwrap_or(stem);
        return (None, Some(Unpublished::Draft(section, slug)), out);
    }
    let known = match &entry {
        Some(_) => None,
        None => Some(Unpublished::Broken(
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
    /// Drafts left out of the build: section, slug and file.
    pub drafts: Vec<(Section, String, PathBuf)>,
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
    if let Some(d) = doubled_language(rel) {
        return Loaded::Translation(None, one(d));
    }
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
        drafts: Vec::new(),
        translations: Vec::new(),
    };
    for (r, rel) in results.into_iter().zip(&files) {
        match r {
            Loaded::Original(r) => {
                let (entry, unpublished, d) = *r;
                diags.extend(d);
                out.entries.extend(entry);
                match unpublished {
                    Some(Unpublished::Broken(section, slug)) => out.broken.push((section, slug)),
                    Some(Unpublished::Draft(section, slug)) => {
                        out.drafts.push((section, slug, rel.clone()));
                    }
                    None => {}
                }
            }
            Loaded::Translation(t, d) => {
                diags.extend(d);
                out.translations.extend(t.map(|t| *t));
            }
        }
    }
    // Images are checked on every run, outside the cache: the image may change while the
    // content file does not.
    images::check(root, &out.entries, diags);
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
