//! Templates, static files and UI strings of the theme.
//!
//! The default theme (`themes/default/` in the repository) is compiled into the binary, so a site
//! needs no theme folder. A site may override it file by file: `themes/<name>/templates/…` on
//! disk (for `theme: default` too, which makes theme development live), then the site's own
//! `templates/` folder, which wins over both. Every file is read through [`fs_safe`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::Tera;

use crate::cache::BuildCache;
use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::fs_safe;
use crate::render::i18n::Strings;

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../themes/default/templates/", $name)))),*]
    };
}

/// The default theme's templates, compiled in.
pub const TEMPLATES: &[(&str, &str)] = embed!(
    "base.html",
    "macros.html",
    "index.html",
    "cities.html",
    "city.html",
    "associations.html",
    "association.html",
    "events.html",
    "events_archive.html",
    "event.html",
    "news_list.html",
    "news.html",
    "page.html",
    "topics.html",
    "topic.html",
    "map.html",
    "search.html",
    "calendar.html",
    "404.html",
    "alias.html",
    "fresh.html",
);

/// The default theme's static files, compiled in: (path below the output folder, bytes).
pub const STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
    (
        "search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
];

/// Languages whose UI strings ship with the default theme.
pub const EMBEDDED_LANGUAGES: &[&str] = &["de", "en", "fr", "he", "pl", "tr", "uk"];

const I18N: &[(&str, &str)] = &[
    ("de", include_str!("../../themes/default/i18n/de.yaml")),
    ("en", include_str!("../../themes/default/i18n/en.yaml")),
    ("fr", include_str!("../../themes/default/i18n/fr.yaml")),
    ("he", include_str!("../../themes/default/i18n/he.yaml")),
    ("pl", include_str!("../../themes/default/i18n/pl.yaml")),
    ("tr", include_str!("../../themes/default/i18n/tr.yaml")),
    ("uk", include_str!("../../themes/default/i18n/uk.yaml")),
];

/// The embedded UI strings for `lang`.
pub fn embedded_i18n(lang: &str) -> Option<BTreeMap<String, String>> {
    let (_, text) = I18N.iter().find(|(l, _)| *l == lang)?;
    crate::render::plural::parse_ui_strings(lang, text).ok()
}

/// A loaded theme: compiled templates, static files and strings.
pub struct Theme {
    /// The compiled templates (shared with the build cache, which keeps them while the
    /// templates' text stays the same).
    pub tera: Arc<Tera>,
    /// Static files to copy: (path below the output folder, bytes).
    pub static_files: Vec<(String, Vec<u8>)>,
    /// UI strings in the site's default language.
    pub strings: Strings,
    /// UI strings in every language of the site.
    pub languages: BTreeMap<String, Strings>,
    /// Source files that were read from disk (for the dev server's watcher).
    pub sources: Vec<PathBuf>,
    /// A hash of every template's name and text: two themes with the same fingerprint render
    /// the same context to the same page (see [`crate::cache`]).
    pub fingerprint: crate::cache::Key,
}

impl Theme {
    /// The UI strings of `lang` (the default language's when the site does not have `lang`).
    pub fn strings_for(&self, lang: &str) -> &Strings {
        self.languages.get(lang).unwrap_or(&self.strings)
    }
}

impl std::fmt::Debug for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Theme")
            .field("static_files", &self.static_files.len())
            .finish()
    }
}

/// Loads the theme named in `config`, with the site's overrides. Problems go to `diags`.
pub fn load(root: &Path, config: &SiteConfig, diags: &mut Diagnostics) -> Option<Theme> {
    load_with(root, config, None, diags)
}

/// [`load`], taking the compiled templates from `cache` when their text is the same as in an
/// earlier build.
pub fn load_with(
    root: &Path,
    config: &SiteConfig,
    cache: Option<&BuildCache>,
    diags: &mut Diagnostics,
) -> Option<Theme> {
    let mut templates: BTreeMap<String, (String, Option<PathBuf>)> = TEMPLATES
        .iter()
        .map(|(n, t)| ((*n).to_owned(), ((*t).to_owned(), None)))
        .collect();
    let mut static_files: BTreeMap<String, Vec<u8>> = STATIC
        .iter()
        .map(|(n, b)| ((*n).to_owned(), b.to_vec()))
        .collect();
    // UI strings per language: the embedded ones, with a theme folder's files laid over them key
    // by key (so a site can change one string without copying a whole language).
    let mut i18n: BTreeMap<String, BTreeMap<String, String>> = I18N
        .iter()
        .filter_map(|(l, t)| {
            crate::render::plural::parse_ui_strings(l, t)
                .ok()
                .map(|m| ((*l).to_owned(), m))
        })
        .collect();
    let mut sources = Vec::new();
    let errors_before = diags.error_count();
    let mut i18n_errors = Vec::new();

    let theme_dir = Path::new("themes").join(&config.theme);
    let theme_found = match fs_safe::dir_inside(root, &theme_dir) {
        Ok(found) => found,
        Err(r) => {
            diags.push(r.at_folder(&theme_dir));
            return None;
        }
    };
    if theme_found {
        read_dir_files(
            root,
            &theme_dir.join("templates"),
            fs_safe::TEMPLATE,
            diags,
            &mut |name, bytes, rel| {
                templates.insert(
                    name,
                    (String::from_utf8_lossy(&bytes).into_owned(), Some(rel)),
                );
            },
        );
        read_dir_files(
            root,
            &theme_dir.join("static"),
            fs_safe::STATIC,
            diags,
            &mut |name, bytes, _| {
                static_files.insert(name, bytes);
            },
        );
        read_dir_files(
            root,
            &theme_dir.join("i18n"),
            fs_safe::I18N,
            diags,
            &mut |name, bytes, rel| {
                if let Some(lang) = name.strip_suffix(".yaml") {
                    let text = String::from_utf8_lossy(&bytes);
                    match crate::render::plural::parse_ui_strings(lang, &text) {
                        Ok(m) => crate::render::plural::overlay(
                            i18n.entry(lang.to_owned()).or_default(),
                            m,
                        ),
                        Err((line, e)) => i18n_errors.push(Diagnostic::error(
                            rel,
                            line,
                            0,
                            msg!("render-ui-strings-unreadable", problem = e),
                        )),
                    }
                }
            },
        );
        diags.extend(std::mem::take(&mut i18n_errors));
        sources.push(theme_dir.clone());
    } else if config.theme != "default" {
        diags.push(
            Diagnostic::error(
                "site.yaml",
                0,
                0,
                msg!("render-theme-missing", theme = &config.theme),
            )
            .with_hint(msg!(
                "render-theme-missing-hint",
                folder = display_path(&theme_dir)
            )),
        );
        return None;
    }
    read_dir_files(
        root,
        Path::new("templates"),
        fs_safe::TEMPLATE,
        diags,
        &mut |name, bytes, rel| {
            templates.insert(
                name,
                (String::from_utf8_lossy(&bytes).into_owned(), Some(rel)),
            );
        },
    );

    let mut fingerprint = crate::cache::KeyBuilder::new("templates");
    for (name, (text, _)) in &templates {
        fingerprint.str(name).str(text);
    }
    let fingerprint = fingerprint.finish();
    let compile = || {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        let list: Vec<(String, String)> = templates
            .iter()
            .map(|(n, (t, _))| (n.clone(), t.clone()))
            .collect();
        tera.add_raw_templates(list).map(|()| tera)
    };
    let compiled = match cache {
        Some(c) => c.templates(fingerprint, compile),
        None => compile().map(Arc::new),
    };
    let tera = match compiled {
        Ok(tera) => tera,
        Err(e) => {
            let file = culprit(&e, &templates);
            diags.push(
                Diagnostic::error(
                    file,
                    0,
                    0,
                    msg!("render-template-unreadable", detail = error_chain(&e)),
                )
                .with_hint(msg!("render-template-unreadable-hint")),
            );
            return None;
        }
    };

    let fallback = i18n.get("en").cloned().unwrap_or_default();
    let mut languages = BTreeMap::new();
    for lang in &config.languages {
        let own = ui_strings(config, &theme_dir, lang, &i18n, &fallback, diags);
        languages.insert(lang.clone(), Strings::new(lang, own, &fallback));
    }
    let strings = languages
        .get(&config.language)
        .cloned()
        .unwrap_or_else(|| Strings::new(&config.language, BTreeMap::new(), &fallback));
    // A file that could not be read (or was refused) would silently be the default theme's.
    if diags.error_count() > errors_before {
        return None;
    }
    Some(Theme {
        tera,
        static_files: static_files.into_iter().collect(),
        strings,
        languages,
        sources,
        fingerprint,
    })
}

/// The UI strings of `lang` as the theme has them. A missing file or missing keys are reported
/// (English fills the gaps, so the site still builds).
fn ui_strings(
    config: &SiteConfig,
    theme_dir: &Path,
    lang: &str,
    i18n: &BTreeMap<String, BTreeMap<String, String>>,
    fallback: &BTreeMap<String, String>,
    diags: &mut Diagnostics,
) -> BTreeMap<String, String> {
    let file = theme_dir.join("i18n").join(format!("{lang}.yaml"));
    let Some(own) = i18n.get(lang).cloned() else {
        diags.push(
            Diagnostic::warning(
                "site.yaml",
                0,
                0,
                msg!("render-ui-language-missing", lang = lang),
            )
            .with_hint(msg!(
                "render-ui-language-missing-hint",
                file = display_path(&file)
            )),
        );
        return BTreeMap::new();
    };
    // A plural form counts as there when the language has the key at all (it may need other
    // forms than English, or give one string for every number).
    let missing: Vec<&str> = fallback
        .keys()
        .filter(|k| !own.contains_key(*k))
        .filter(|k| {
            !k.split_once('.')
                .is_some_and(|(base, _)| own.contains_key(base))
        })
        .map(String::as_str)
        .collect();
    if !missing.is_empty() && lang != "en" {
        diags.push(
            Diagnostic::warning(&file, 0, 0, missing_strings(lang, &missing)).with_hint(msg!(
                "render-ui-strings-missing-hint",
                file = display_path(&file),
                theme = &config.theme
            )),
        );
    }
    own
}

/// The warning about the UI strings `lang` lacks: the first twelve keys by name.
fn missing_strings(lang: &str, missing: &[&str]) -> String {
    let shown = missing[..missing.len().min(12)].join(", ");
    let more = missing.len().saturating_sub(12);
    let count = missing.len();
    if more > 0 {
        msg!(
            "render-ui-strings-missing-more",
            count = count,
            lang = lang,
            keys = shown,
            more = more
        )
    } else {
        msg!(
            "render-ui-strings-missing",
            count = count,
            lang = lang,
            keys = shown
        )
    }
}

fn culprit(e: &tera::Error, templates: &BTreeMap<String, (String, Option<PathBuf>)>) -> PathBuf {
    let text = error_chain(e);
    templates
        .iter()
        .find(|(name, _)| {
            text.contains(&format!("'{name}'")) || text.contains(&format!("`{name}`"))
        })
        .map_or_else(
            || PathBuf::from("templates"),
            |(name, (_, p))| {
                p.clone()
                    .unwrap_or_else(|| PathBuf::from("themes/default/templates").join(name))
            },
        )
}

/// The whole cause chain of an error on one line: Tera keeps the real cause in `source()`.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

/// Hands every file below `root/rel_dir` to `f` (name below the folder, bytes, path relative to
/// the root), each read through [`fs_safe`] with `limit`.
fn read_dir_files(
    root: &Path,
    rel_dir: &Path,
    limit: fs_safe::Limit,
    diags: &mut Diagnostics,
    f: &mut dyn FnMut(String, Vec<u8>, PathBuf),
) {
    let walk = match crate::walk::walk(root, rel_dir) {
        Ok(Some(w)) => w,
        Ok(None) => return,
        Err(d) => {
            diags.push(d);
            return;
        }
    };
    diags.extend(walk.problems);
    for found in &walk.files {
        let Ok(name) = found.rel.strip_prefix(rel_dir) else {
            continue;
        };
        let name = display_path(name);
        match crate::walk::read(root, found, limit) {
            Ok(bytes) => f(name, bytes, found.rel.clone()),
            Err(d) => diags.push(d),
        }
    }
}
