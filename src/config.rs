//! `site.yaml`: the site's title, address, language, time zone, home town and menu.
//!
//! Loaded once into a read-only [`SiteConfig`]; every key is checked and every problem is
//! reported with its line, like content files.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::content::front_matter::{self, FrontMatter};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::source::SourceFile;

/// The name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "site.yaml";

/// Keys allowed in `site.yaml`.
const KNOWN_KEYS: &[&str] = &[
    "title",
    "base_url",
    "language",
    "timezone",
    "home",
    "description",
    "theme",
    "minify",
    "menu",
    "imprint",
    "privacy",
    "relative_urls",
    "languages",
    "translations",
    "unsafe_html",
];

/// The texts of `site.yaml` in a further language (`translations: { fr: { title: … } }`).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ConfigText {
    /// Site title in that language.
    #[serde(default)]
    pub title: Option<String>,
    /// Site description in that language.
    #[serde(default)]
    pub description: Option<String>,
    /// Menu in that language.
    #[serde(default)]
    pub menu: Option<Vec<MenuItem>>,
}

/// The home town: centre of the map, start of every connection line.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Home {
    /// Town name.
    pub name: String,
    /// Latitude in decimal degrees.
    pub lat: f64,
    /// Longitude in decimal degrees.
    pub lon: f64,
}

/// One menu entry.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    /// Link text.
    pub title: String,
    /// Site path such as `/cities/` or a full URL.
    pub url: String,
}

/// The site's public address, split into the parts links need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BaseUrl {
    /// The full address with a trailing slash, e.g. `https://example.org/partner/`.
    pub full: String,
    /// Only the path, with leading and trailing slash, e.g. `/partner/` or `/`.
    pub path: String,
}

impl BaseUrl {
    /// Parses and normalises an `http(s)://host/path/` address.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .ok_or_else(|| format!("\"{s}\" must start with https:// or http://"))?;
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        if host.is_empty() || host.contains([' ', '?', '#']) {
            return Err(format!("\"{s}\" has no valid host name"));
        }
        if path.contains(['?', '#', ' ']) {
            return Err(format!("\"{s}\" must not contain `?`, `#` or spaces"));
        }
        let path = path.trim_matches('/');
        let path = if path.is_empty() {
            "/".to_owned()
        } else {
            format!("/{path}/")
        };
        let scheme = if s.starts_with("https://") {
            "https"
        } else {
            "http"
        };
        Ok(Self {
            full: format!("{scheme}://{host}{path}"),
            path,
        })
    }
}

/// Everything `site.yaml` says, with defaults applied.
#[derive(Debug, Clone, Serialize)]
pub struct SiteConfig {
    /// Site title.
    pub title: String,
    /// Public address.
    pub base_url: BaseUrl,
    /// Site language (`de`, `en`, …): the default language, served at the site root.
    pub language: String,
    /// Every language of the site, the default first (`[de]` for a one-language site); the
    /// others are served under `/<code>/`.
    pub languages: Vec<String>,
    /// IANA time zone for event times.
    pub timezone: String,
    /// Home town.
    pub home: Home,
    /// Site description for the home page, meta tags and feeds.
    pub description: Option<String>,
    /// Theme name.
    pub theme: String,
    /// Whether to minify HTML, CSS and JS.
    pub minify: bool,
    /// Menu entries; `None` means the default menu.
    pub menu: Option<Vec<MenuItem>>,
    /// Slug of the imprint page.
    pub imprint: Option<String>,
    /// Slug of the privacy page.
    pub privacy: Option<String>,
    /// `imprint: none`: the site says it needs no Impressum of its own.
    pub imprint_none: bool,
    /// `privacy: none`: the site says it needs no privacy page of its own.
    pub privacy_none: bool,
    /// Write links relative to each page, so the site works from disk and in any sub-folder.
    pub relative_urls: bool,
    /// Title, description and menu in the further languages, by language code.
    pub translations: std::collections::BTreeMap<String, ConfigText>,
    /// Let raw HTML and every link in Markdown bodies through unsanitised.
    pub unsafe_html: bool,
}

/// Reads `root/site.yaml`. Problems go to `diags`; `None` when the file is unusable.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<SiteConfig> {
    let rel = Path::new(CONFIG_FILE);
    if let Err(crate::fs_safe::Refusal::Missing) =
        crate::fs_safe::check(root, rel, crate::fs_safe::CONFIG)
    {
        diags.push(
            Diagnostic::error(rel, 0, 0, format!("there is no {CONFIG_FILE} in {}", root.display()))
                .with_hint("run twinsite in the site's folder, pass --root FOLDER, or create a new site with `twinsite init FOLDER`"),
        );
        return None;
    }
    let file = match SourceFile::read_limited(root, rel, crate::fs_safe::CONFIG) {
        Ok(f) => f,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let fm = match front_matter::parse_yaml_file(&file) {
        Ok(fm) => fm,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    from_front_matter(&fm, diags)
}

/// Parses `bytes` as the text of `site.yaml`, as [`load`] does after reading the file: for
/// tests and fuzzing.
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Option<SiteConfig> {
    let parsed = SourceFile::from_bytes(CONFIG_FILE.into(), bytes)
        .and_then(|file| front_matter::parse_yaml_file(&file));
    match parsed {
        Ok(fm) => from_front_matter(&fm, diags),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

fn from_front_matter(fm: &FrontMatter, diags: &mut Diagnostics) -> Option<SiteConfig> {
    let before = diags.error_count();
    fm.check_keys(KNOWN_KEYS, "site.yaml", diags);
    let title = fm.require_text("title", "Städtepartnerschaften Musterstadt", diags);
    let base_url = fm.require_text("base_url", "https://partner.example.org/", diags).and_then(|s| {
        BaseUrl::parse(&s)
            .map_err(|e| {
                let p = fm.pos("base_url");
                diags.push(
                    Diagnostic::error(&fm.rel_path, p.line, p.col, format!("`base_url` {e}"))
                        .with_hint("write the full address the site will have, e.g. `base_url: https://example.org/partner/`"),
                );
            })
            .ok()
    });
    let language = fm.text("language", diags);
    let languages = fm.text_list("languages", diags);
    let mut bad_code = |code: &str, key: &str| {
        if !is_language_code(code) {
            let p = fm.item_pos(key, code);
            diags.push(
                Diagnostic::error(
                    &fm.rel_path,
                    p.line,
                    p.col,
                    format!("`{key}`: \"{code}\" is not a language code"),
                )
                .with_hint(
                    "use two- or three-letter codes like `de`, `en`, `fr`, `pl`, `uk`, `tr`",
                ),
            );
        }
    };
    if let Some(l) = &language {
        bad_code(l, "language");
    }
    for l in &languages {
        bad_code(l, "languages");
    }
    let mut seen = std::collections::BTreeSet::new();
    for l in &languages {
        if !seen.insert(l.as_str()) {
            let p = fm.item_pos("languages", l);
            diags.push(
                Diagnostic::error(
                    &fm.rel_path,
                    p.line,
                    p.col,
                    format!("`languages` lists \"{l}\" twice"),
                )
                .with_hint("name each language once; the first one is the default"),
            );
        }
    }
    if let (Some(l), Some(first)) = (&language, languages.first())
        && l != first
    {
        let p = fm.pos("language");
        diags.push(
            Diagnostic::error(
                &fm.rel_path,
                p.line,
                p.col,
                format!("`language` is \"{l}\" but `languages` starts with \"{first}\""),
            )
            .with_hint("the first entry of `languages` is the default language; remove `language:` or make them agree"),
        );
    }
    let language = language
        .or_else(|| languages.first().cloned())
        .unwrap_or_else(|| "de".to_owned());
    let languages = if languages.is_empty() {
        vec![language.clone()]
    } else {
        languages
    };
    let timezone = fm
        .text("timezone", diags)
        .unwrap_or_else(|| "Europe/Berlin".to_owned());
    if jiff::tz::TimeZone::get(&timezone).is_err() {
        let p = fm.pos("timezone");
        diags.push(
            Diagnostic::error(
                &fm.rel_path,
                p.line,
                p.col,
                format!("`timezone` \"{timezone}\" is not a known time zone"),
            )
            .with_hint(
                "use an IANA name such as `Europe/Berlin`, `Europe/Paris` or `America/New_York`",
            ),
        );
    }
    let home = if fm.has("home") {
        fm.get::<Home>(
            "home",
            "a group `{ name: Musterstadt, lat: 50.9, lon: 9.7 }`",
            diags,
        )
    } else {
        diags.push(
            Diagnostic::error(&fm.rel_path, 1, 1, "the required key `home` is missing")
                .with_hint("add your town, e.g. `home: { name: Musterstadt, lat: 50.9, lon: 9.7 }`; it is the centre of the map"),
        );
        None
    };
    if let Some(h) = &home {
        let p = fm.pos("home");
        if !(-90.0..=90.0).contains(&h.lat) || !(-180.0..=180.0).contains(&h.lon) {
            diags.push(
                Diagnostic::error(
                    &fm.rel_path,
                    p.line,
                    p.col,
                    format!(
                        "`home` has lat {} / lon {}, outside the globe",
                        h.lat, h.lon
                    ),
                )
                .with_hint("lat runs from -90 to 90, lon from -180 to 180"),
            );
        }
    }
    let description = fm.text("description", diags);
    let theme = fm
        .text("theme", diags)
        .unwrap_or_else(|| "default".to_owned());
    if !is_theme_name(&theme) {
        let p = fm.pos("theme");
        diags.push(
            Diagnostic::error(
                &fm.rel_path,
                p.line,
                p.col,
                format!("`theme` \"{theme}\" is not a theme name; a theme is a folder in themes/ named with letters, digits, - and _"),
            )
            .with_hint("write only the folder's name, e.g. `theme: herbst` for themes/herbst/; a theme must sit inside the site folder, so paths with / or .. are not allowed"),
        );
    }
    let minify = fm
        .get::<bool>("minify", "`true` or `false`", diags)
        .unwrap_or(true);
    let menu = fm.get::<Vec<MenuItem>>("menu", "a list of `{ title: …, url: … }` entries", diags);
    let declined = |v: &Option<String>| matches!(v.as_deref(), Some("none" | "false"));
    let imprint = fm.text("imprint", diags);
    let privacy = fm.text("privacy", diags);
    let (imprint_none, privacy_none) = (declined(&imprint), declined(&privacy));
    let imprint = imprint.filter(|_| !imprint_none);
    let privacy = privacy.filter(|_| !privacy_none);
    let relative_urls = fm
        .get::<bool>("relative_urls", "`true` or `false`", diags)
        .unwrap_or(false);
    let unsafe_html = fm
        .get::<bool>("unsafe_html", "`true` or `false`", diags)
        .unwrap_or(false);
    let translations = fm
        .get::<std::collections::BTreeMap<String, ConfigText>>(
            "translations",
            "a group per language, e.g. `fr: { title: …, description: …, menu: […] }`",
            diags,
        )
        .unwrap_or_default();
    check_menu_urls(fm, "menu", menu.iter().flatten(), diags);
    let translated_menus = translations.values().filter_map(|t| t.menu.as_ref());
    check_menu_urls(fm, "translations", translated_menus.flatten(), diags);
    for code in translations.keys() {
        if !languages.iter().skip(1).any(|l| l == code) {
            let p = fm.item_pos("translations", code);
            diags.push(
                Diagnostic::error(
                    &fm.rel_path,
                    p.line,
                    p.col,
                    format!("`translations` has texts for \"{code}\", which is not one of the further `languages`"),
                )
                .with_hint(format!(
                    "list the language in `languages: [{}, {code}]`, or correct the code",
                    languages.join(", ")
                )),
            );
        }
    }
    if diags.error_count() > before {
        return None;
    }
    Some(SiteConfig {
        title: title?,
        base_url: base_url?,
        language,
        languages,
        timezone,
        home: home?,
        description,
        theme,
        minify,
        menu,
        imprint,
        privacy,
        imprint_none,
        privacy_none,
        relative_urls,
        translations,
        unsafe_html,
    })
}

/// Menu entries may link to pages of the site (`/…`) and to web addresses (`https://…`), the
/// same rule as links in front matter: `javascript:` and `data:` links would run code or show
/// made-up content on the site's own pages.
fn check_menu_urls<'a>(
    fm: &FrontMatter,
    key: &str,
    items: impl Iterator<Item = &'a MenuItem>,
    diags: &mut Diagnostics,
) {
    for item in items {
        if crate::content::validate::is_web_address(&item.url) {
            continue;
        }
        let p = fm.item_pos(key, &item.url);
        diags.push(
            Diagnostic::error(
                &fm.rel_path,
                p.line,
                p.col,
                format!(
                    "the menu entry \"{}\" links to \"{}\", which is not a web address",
                    item.title, item.url
                ),
            )
            .with_hint("write a path on this site such as `/cities/`, or a full address such as `https://www.example.org/`"),
        );
    }
}

/// Whether `name` can name a folder in `themes/`: letters, digits, `-`, `_` and inner dots,
/// so never a path, `..` or a hidden folder.
pub fn is_theme_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && !name.contains("..")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Whether `code` looks like a language code: `de`, `fr`, `pt-br`, `zh-hant`.
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

impl SiteConfig {
    /// Whether the site has more than one language.
    pub fn is_multilingual(&self) -> bool {
        self.languages.len() > 1
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn base_url_keeps_sub_path() {
        let b = BaseUrl::parse("https://example.org/partner").unwrap();
        assert_eq!(b.full, "https://example.org/partner/");
        assert_eq!(b.path, "/partner/");
        assert_eq!(BaseUrl::parse("https://example.org").unwrap().path, "/");
        assert!(BaseUrl::parse("example.org").is_err());
    }

    fn cfg(text: &str) -> (Option<SiteConfig>, Vec<Diagnostic>) {
        let file = SourceFile {
            rel_path: "site.yaml".into(),
            text: text.into(),
        };
        let fm = front_matter::parse_yaml_file(&file).unwrap();
        let mut d = Diagnostics::new();
        let c = from_front_matter(&fm, &mut d);
        (c, d.sorted())
    }

    #[test]
    fn defaults_apply() {
        let (c, d) = cfg("title: T\nbase_url: https://x.org/\nhome: {name: M, lat: 50, lon: 9}\n");
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(
            (c.language.as_str(), c.timezone.as_str(), c.minify),
            ("de", "Europe/Berlin", true)
        );
    }

    #[test]
    fn reports_all_problems() {
        let (c, d) = cfg(
            "title: T\nbase_url: x.org\ntimezone: Mars/Olympus\nhome: {name: M, lat: 95, lon: 9}\n",
        );
        assert!(c.is_none());
        let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![2, 3, 4]);
    }

    #[test]
    fn theme_is_a_name_not_a_path() {
        for bad in [
            "../x", "/etc", "themes/x", "..", ".hidden", "a\\b", "C:x", "",
        ] {
            let (c, d) = cfg(&format!(
                "title: T\nbase_url: https://x.org/\nhome: {{name: M, lat: 50, lon: 9}}\ntheme: \"{bad}\"\n"
            ));
            assert!(c.is_none(), "{bad}");
            assert_eq!((d[0].line, d[0].col), (4, 8), "{bad}: {d:?}");
            assert!(d[0].message.contains("not a theme name"), "{d:?}");
        }
        for good in ["default", "herbst-2024", "my_theme", "v1.2"] {
            assert!(is_theme_name(good), "{good}");
        }
    }

    #[test]
    fn languages_default_first() {
        let (c, d) = cfg(
            "title: T\nbase_url: https://x.org/\nhome: {name: M, lat: 50, lon: 9}\nlanguages: [de, fr, he]\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(c.language, "de");
        assert_eq!(c.languages, ["de", "fr", "he"]);
        assert!(c.is_multilingual());
        let (c, d) = cfg(
            "title: T\nbase_url: https://x.org/\nhome: {name: M, lat: 50, lon: 9}\nlanguage: fr\nlanguages: [de, Fr, de]\n",
        );
        assert!(c.is_none());
        let msgs: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.contains("\"Fr\" is not a language code")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("lists \"de\" twice")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.contains("starts with \"de\"")),
            "{msgs:?}"
        );
    }
}
