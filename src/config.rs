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
    "search",
    "menu",
    "imprint",
    "privacy",
    "relative_urls",
    "languages",
    "translations",
    "unsafe_html",
    "network",
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
    /// Parses and normalises an `http(s)://host[:port]/path/` address.
    ///
    /// Surrounding white space is dropped. The scheme and host are read by the `url` crate: both
    /// end up in lower case, a host in another script as its ASCII form (`xn--…`), a default port
    /// (`:443` for https) is left out, and an address with a user name or password, an invalid
    /// host or port is refused. The path is kept as written (the server compares it with decoded
    /// request paths), with exactly one `/` at each end; `?`, `#` and spaces are refused.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let (scheme, rest) = s
            .split_once("://")
            .filter(|(scheme, _)| {
                scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")
            })
            .ok_or_else(|| msg!("config-base-url-no-scheme", url = s))?;
        let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
        let no_host = || msg!("config-base-url-no-host", url = s);
        // Characters the url crate would drop (tabs, line breaks) or read as the end of the
        // host (`\`, `?`, `#`), and user names (`@`), are refused here rather than guessed.
        let refused = |c: char| c.is_whitespace() || c.is_control() || "\\?#@".contains(c);
        if authority.is_empty() || authority.contains(refused) {
            return Err(no_host());
        }
        let origin = url::Url::parse(&format!("{scheme}://{authority}/"))
            .map_err(|_| no_host())?
            .origin()
            .ascii_serialization();
        if path.contains(['?', '#', ' ']) {
            return Err(msg!("config-base-url-bad-character", url = s));
        }
        let path = path.trim_matches('/');
        let path = if path.is_empty() {
            "/".to_owned()
        } else {
            format!("/{path}/")
        };
        Ok(Self {
            full: format!("{origin}{path}"),
            path,
        })
    }

    /// Scheme, host and port without the path, e.g. `https://example.org`: what a site-absolute
    /// path (`/partner/cities/`) needs in front to become a full address. Empty for a value
    /// whose `full` does not end with its `path` (one that [`BaseUrl::parse`] did not make).
    pub fn origin(&self) -> &str {
        self.full.strip_suffix(self.path.as_str()).unwrap_or("")
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
    /// Whether to build the search index, page and box (`search: true`; off by default).
    pub search: bool,
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
    /// The member sources whose events the site gathers (`network:`).
    pub network: Vec<crate::network::Source>,
}

/// Reads `root/site.yaml`. Problems go to `diags`; `None` when the file is unusable.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Option<SiteConfig> {
    let rel = Path::new(CONFIG_FILE);
    if let Err(crate::fs_safe::Refusal::Missing) =
        crate::fs_safe::check(root, rel, crate::fs_safe::CONFIG)
    {
        diags.push(
            Diagnostic::error(
                rel,
                0,
                0,
                msg!("config-missing", folder = root.display().to_string()),
            )
            .with_hint(msg!("config-missing-hint")),
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
    let base_url = fm
        .require_text("base_url", "https://partner.example.org/", diags)
        .and_then(|s| {
            BaseUrl::parse(&s)
                .map_err(|e| {
                    let p = fm.pos("base_url");
                    diags.push(
                        Diagnostic::error(
                            &fm.rel_path,
                            p.line,
                            p.col,
                            msg!("config-base-url-invalid", problem = e),
                        )
                        .with_hint(msg!("config-base-url-invalid-hint")),
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
                    msg!("config-language-code", key = key, code = code),
                )
                .with_hint(msg!("config-language-code-hint")),
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
                    msg!("config-language-twice", code = l),
                )
                .with_hint(msg!("config-language-twice-hint")),
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
                msg!("config-language-mismatch", language = l, first = first),
            )
            .with_hint(msg!("config-language-mismatch-hint")),
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
                msg!("config-timezone-unknown", timezone = &timezone),
            )
            .with_hint(msg!("config-timezone-unknown-hint")),
        );
    }
    let home = if fm.has("home") {
        fm.get::<Home>("home", &msg!("config-expect-home"), diags)
    } else {
        diags.push(
            Diagnostic::error(&fm.rel_path, 1, 1, msg!("config-home-missing"))
                .with_hint(msg!("config-home-missing-hint")),
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
                    msg!(
                        "config-home-off-globe",
                        lat = h.lat.to_string(),
                        lon = h.lon.to_string()
                    ),
                )
                .with_hint(msg!("config-home-off-globe-hint")),
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
                msg!("config-theme-name", theme = &theme),
            )
            .with_hint(msg!("config-theme-name-hint")),
        );
    }
    let minify = fm
        .get::<bool>("minify", &msg!("config-expect-true-false"), diags)
        .unwrap_or(true);
    let search = fm
        .get::<bool>("search", &msg!("config-expect-true-false"), diags)
        .unwrap_or(false);
    let menu = fm.get::<Vec<MenuItem>>("menu", &msg!("config-expect-menu"), diags);
    let declined = |v: &Option<String>| matches!(v.as_deref(), Some("none" | "false"));
    let imprint = fm.text("imprint", diags);
    let privacy = fm.text("privacy", diags);
    let (imprint_none, privacy_none) = (declined(&imprint), declined(&privacy));
    let imprint = imprint.filter(|_| !imprint_none);
    let privacy = privacy.filter(|_| !privacy_none);
    let relative_urls = fm
        .get::<bool>("relative_urls", &msg!("config-expect-true-false"), diags)
        .unwrap_or(false);
    let unsafe_html = fm
        .get::<bool>("unsafe_html", &msg!("config-expect-true-false"), diags)
        .unwrap_or(false);
    let translations = fm
        .get::<std::collections::BTreeMap<String, ConfigText>>(
            "translations",
            &msg!("config-expect-translations"),
            diags,
        )
        .unwrap_or_default();
    let network = crate::network::config::read(fm, diags);
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
                    msg!("config-translation-language", code = code),
                )
                .with_hint(msg!(
                    "config-translation-language-hint",
                    languages = languages.join(", "),
                    code = code
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
        search,
        menu,
        imprint,
        privacy,
        imprint_none,
        privacy_none,
        relative_urls,
        translations,
        unsafe_html,
        network,
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
                msg!(
                    "config-menu-not-web-address",
                    title = &item.title,
                    url = &item.url
                ),
            )
            .with_hint(msg!("config-menu-not-web-address-hint")),
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

    #[test]
    fn origin_is_the_address_without_its_path() {
        let origin = |s: &str| BaseUrl::parse(s).unwrap().origin().to_owned();
        assert_eq!(origin("https://example.org/"), "https://example.org");
        assert_eq!(origin("https://example.org/twin/"), "https://example.org");
        assert_eq!(origin("http://[::1]:1111/p/"), "http://[::1]:1111");
    }

    fn full(s: &str) -> String {
        BaseUrl::parse(s).unwrap().full
    }

    /// The message for a refused address, which must name the address.
    fn refused(s: &str) -> String {
        let e = BaseUrl::parse(s).unwrap_err();
        assert!(e.contains(s.trim()), "{e}");
        e
    }

    const NO_SCHEME: &str = "must start with https:// or http://";
    const NO_HOST: &str = "has no valid host name";
    const BAD_CHARACTER: &str = "must not contain `?`, `#` or spaces";

    #[test]
    fn base_url_gets_one_slash_at_each_end_of_its_path() {
        for s in [
            "https://example.org",
            "https://example.org/",
            "https://example.org//",
            "  https://example.org/ \t\n",
        ] {
            let b = BaseUrl::parse(s).unwrap();
            assert_eq!(
                (b.full.as_str(), b.path.as_str()),
                ("https://example.org/", "/")
            );
        }
        for s in [
            "https://example.org/twin",
            "https://example.org/twin/",
            "https://example.org//twin//",
        ] {
            let b = BaseUrl::parse(s).unwrap();
            assert_eq!(
                (b.full.as_str(), b.path.as_str()),
                ("https://example.org/twin/", "/twin/")
            );
        }
        // The path stays as written, control characters included (messages escape them).
        assert_eq!(
            BaseUrl::parse("https://example.org/p\u{1b}[2J")
                .unwrap()
                .path,
            "/p\u{1b}[2J/"
        );
        let b = BaseUrl::parse("http://example.org/a/b").unwrap();
        assert_eq!(
            (b.full.as_str(), b.path.as_str()),
            ("http://example.org/a/b/", "/a/b/")
        );
    }

    #[test]
    fn base_url_host_and_port_are_normalised() {
        assert_eq!(
            full("HTTPS://Example.ORG/Twin/"),
            "https://example.org/Twin/"
        );
        assert_eq!(
            full("https://example.org:8443/p"),
            "https://example.org:8443/p/"
        );
        assert_eq!(full("https://example.org:443/"), "https://example.org/");
        assert_eq!(full("http://example.org:80/"), "http://example.org/");
        assert_eq!(full("http://127.0.0.1:9/x/"), "http://127.0.0.1:9/x/");
        assert_eq!(full("http://[::1]:1111/"), "http://[::1]:1111/");
        // Hosts in other scripts become their ASCII form, which feeds and calendars need;
        // the path stays as written.
        assert_eq!(
            full("https://Städte-Partner.example/städte/"),
            "https://xn--stdte-partner-cfb.example/städte/"
        );
        assert_eq!(
            full("https://städte.example"),
            "https://xn--stdte-hra.example/"
        );
        assert_eq!(
            BaseUrl::parse("https://example.org/städte").unwrap().path,
            "/städte/"
        );
    }

    #[test]
    fn base_url_without_http_scheme_is_refused() {
        for s in [
            "example.org",
            "example.org/partner/",
            "//example.org/",
            "https:example.org",
            "https:/example.org",
            "ftp://example.org/",
            "file:///home/verein/site/",
            "javascript:alert(1)",
            "javascript://example.org/%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "",
        ] {
            assert!(refused(s).contains(NO_SCHEME), "{s}");
        }
    }

    #[test]
    fn base_url_without_valid_host_is_refused() {
        for s in [
            "https://",
            "https:///",
            "https:///x",
            "http://a b/",
            "http://a\tb/",
            "http://a\nb/",
            "http://ex\u{1b}ample.org/",
            "https://example.org?x=1",
            "https://example.org#top",
            "https://example.org\\evil.example/",
            "https://user:pass@example.org/",
            "https://user@example.org/",
            "https://@example.org/",
            "https://example.org:99999/",
            "https://example.org:x/",
            "https://:443/",
            "https://exa mple.org/",
            "https://[::1/",
            "https://exa<mple.org/",
            "https://xn--a.example/",
        ] {
            assert!(refused(s).contains(NO_HOST), "{s:?}");
        }
    }

    #[test]
    fn base_url_path_without_query_fragment_or_space() {
        for s in [
            "https://example.org/?x=1",
            "https://example.org/p?x=1",
            "https://example.org/p#top",
            "https://example.org/a b/",
        ] {
            assert!(refused(s).contains(BAD_CHARACTER), "{s}");
        }
    }

    #[test]
    fn very_long_base_url_is_taken_or_refused_without_panicking() {
        let host = format!("https://{}.example/", "a".repeat(100_000));
        assert_eq!(full(&host), host);
        let path = format!("https://example.org/{}/", "p".repeat(100_000));
        assert_eq!(full(&path), path);
        let port = format!("https://example.org:{}/", "9".repeat(100_000));
        assert!(refused(&port).contains(NO_HOST));
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
