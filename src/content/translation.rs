//! Translation files: `lyon.fr.md` next to `lyon.md` carries the French text of that entry.
//!
//! This module owns recognising a translation by its file name, reading it, and checking that it
//! only sets text keys (title, summary, country, meeting times, …): data keys such as `lat`,
//! `since` or `date` are shared by every language and stay in the original file. Putting the
//! translated entries together is the job of [`crate::translate`].

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::config::{SiteConfig, is_language_code};
use crate::content::front_matter::{self, FrontMatter};
use crate::content::load::{LoadOptions, check_front_matter_size, stable_hash};
use crate::content::model::Section;
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::source::SourceFile;

/// One translation file, read and checked.
#[derive(Debug, Clone)]
pub struct Translation {
    /// Language code, e.g. `fr`.
    pub lang: String,
    /// The translation file, e.g. `content/cities/lyon.fr.md`.
    pub source: PathBuf,
    /// The original it translates, e.g. `content/cities/lyon.md`.
    pub original: PathBuf,
    /// Its front matter and body.
    pub front_matter: FrontMatter,
    /// A stable hash of its bytes.
    pub content_hash: u64,
}

/// Keys every translation may set.
const COMMON_TEXT_KEYS: &[&str] = &["title", "summary", "draft", "image"];

/// Keys a translation of `section` may set: the texts a reader sees.
pub fn text_keys(section: Section) -> Vec<&'static str> {
    let extra: &[&str] = match section {
        Section::City => &["country", "region", "languages"],
        Section::Association => &["meets", "address"],
        Section::Event => &["location", "cost", "registration"],
        Section::News | Section::Page => &[],
    };
    COMMON_TEXT_KEYS.iter().chain(extra).copied().collect()
}

/// What a file name says about translation: `lyon.md` is an original, `lyon.fr.md` a French
/// translation (when `fr` is one of the site's further languages), and `lyon.xx.md` with a code
/// the site does not list is an error.
pub fn language_of(rel: &Path, config: &SiteConfig) -> Result<Option<String>, Diagnostic> {
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some((base, code)) = stem.rsplit_once('.') else {
        return Ok(None);
    };
    if base.is_empty() || !is_language_code(code) {
        return Ok(None);
    }
    if code == config.language {
        return Err(Diagnostic::error(
            rel,
            0,
            0,
            msg!("content-translation-default-language", code = code),
        )
        .with_hint(msg!("content-rename-to", name = format!("{base}.md"))));
    }
    if !config.languages.iter().any(|l| l == code) {
        let mut listed = config.languages.clone();
        listed.push(code.to_owned());
        return Err(Diagnostic::error(
            rel,
            0,
            0,
            msg!("content-translation-unknown-language", code = code),
        )
        .with_hint(msg!(
            "content-translation-unknown-language-hint",
            languages = listed.join(", "),
            name = format!("{base}-{code}.md")
        )));
    }
    Ok(Some(code.to_owned()))
}

/// The original file of a translation: `content/cities/lyon.fr.md` → `content/cities/lyon.md`.
pub fn original_of(rel: &Path, lang: &str) -> PathBuf {
    let name = rel
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let original = name.replacen(&format!(".{lang}."), ".", 1);
    rel.with_file_name(original)
}

/// A translated `location`: only the texts; the coordinates come from the original.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LocationText {
    #[serde(default)]
    #[allow(dead_code)]
    name: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    address: Option<String>,
}

/// Reads and checks one translation file. `None` when it cannot be used (problems are in the
/// returned diagnostics) or when it is a draft and drafts are not wanted.
pub fn load(
    root: &Path,
    rel: &Path,
    lang: &str,
    section: Section,
    opts: LoadOptions,
) -> (Option<Translation>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let file = match SourceFile::read(root, rel) {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let fm = match check_front_matter_size(&file).and_then(|()| front_matter::parse(&file)) {
        Ok(fm) => fm,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let original = original_of(rel, lang);
    // A translation made by copying the original keeps its shared keys: those that still say
    // the same are fine.
    let original_fm = SourceFile::read(root, &original)
        .ok()
        .and_then(|f| front_matter::parse(&f).ok());
    check_keys(&fm, section, &original, original_fm.as_ref(), &mut diags);
    let draft = fm
        .get::<bool>("draft", &msg!("content-expect-bool"), &mut diags)
        .unwrap_or(false);
    if draft && !opts.drafts {
        return (None, Diagnostics::new());
    }
    if diags.has_errors() {
        return (None, diags);
    }
    let translation = Translation {
        lang: lang.to_owned(),
        source: rel.to_path_buf(),
        original,
        content_hash: stable_hash(file.text.as_bytes()),
        front_matter: fm,
    };
    (Some(translation), diags)
}

/// The texts of a picture a translation may set.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct PictureText {
    #[serde(default)]
    alt: Option<String>,
    #[serde(default)]
    caption: Option<String>,
    #[serde(default)]
    credit: Option<String>,
}

fn check_keys(
    fm: &FrontMatter,
    section: Section,
    original: &Path,
    original_fm: Option<&FrontMatter>,
    diags: &mut Diagnostics,
) {
    let allowed = text_keys(section);
    for key in fm.keys() {
        let p = fm.pos(&key);
        if !allowed.contains(&key.as_str()) {
            if let Some(o) = original_fm {
                if fm.same_value(&key, o) {
                    continue;
                }
                if o.has(&key) {
                    let op = o.pos(&key);
                    diags.push(
                        Diagnostic::error(
                            &fm.rel_path,
                            p.line,
                            p.col,
                            msg!(
                                "content-translation-differs",
                                key = &key,
                                original = display_path(original),
                                line = op.line.to_string()
                            ),
                        )
                        .with_hint(msg!(
                            "content-translation-differs-hint",
                            original = display_path(original)
                        )),
                    );
                    continue;
                }
            }
            diags.push(
                Diagnostic::error(
                    &fm.rel_path,
                    p.line,
                    p.col,
                    msg!(
                        "content-translation-shared-key",
                        key = &key,
                        original = display_path(original)
                    ),
                )
                .with_hint(msg!(
                    "content-translation-shared-key-hint",
                    keys = allowed.join(", ")
                )),
            );
            continue;
        }
        match key.as_str() {
            "draft" => {}
            "languages" => {
                fm.text_list(&key, diags);
            }
            "image" => {
                fm.get::<PictureText>(&key, &msg!("content-expect-picture-texts"), diags);
            }
            "location" => {
                fm.get::<LocationText>(&key, &msg!("content-expect-location-texts"), diags);
            }
            _ => {
                if fm.text(&key, diags).is_some_and(|t| t.trim().is_empty()) {
                    diags.push(
                        Diagnostic::error(
                            &fm.rel_path,
                            p.line,
                            p.col,
                            msg!("content-translation-empty", key = &key),
                        )
                        .with_hint(msg!("content-translation-empty-hint")),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn original_path_drops_the_language() {
        assert_eq!(
            original_of(Path::new("content/cities/lyon.fr.md"), "fr"),
            Path::new("content/cities/lyon.md")
        );
        assert_eq!(
            original_of(Path::new("content/events/2026/brunch.pt-br.md"), "pt-br"),
            Path::new("content/events/2026/brunch.md")
        );
    }
}
