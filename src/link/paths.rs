//! Output paths that come from content (aliases, slugs, topic names, images beside a content
//! file): checked once here, in the link stage that `check` and `build` both run, so `check`
//! finds every path `build` would refuse to write, with the file and line it comes from.
//!
//! An alias must be a plain old address of the site: no hidden (dot) names, no `..`, no
//! characters a file name cannot hold, not too long, and not the address of anything the site
//! itself writes (an entry's page, a list, a feed, the open data, a theme or `static/` file, a
//! calendar month, another alias).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::content::front_matter::{self, Pos};
use crate::content::model::{Entry, Section};
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::site::Site;

/// The longest part of an output path, in bytes (file systems allow 255, and the temporary
/// file written beside it needs a few more).
pub const MAX_SEGMENT: usize = 200;

/// The longest alias, in bytes.
pub const MAX_ALIAS: usize = 1000;

/// Characters no alias may hold: not in file names on every system, or never sent to a server.
const FORBIDDEN: &[char] = &['\\', '?', '#', '<', '>', ':', '"', '|', '*'];

/// What is wrong with the shape of `alias`, as a message and a hint; `None` when it is fine.
pub fn alias_problem(alias: &str) -> Option<(String, String)> {
    let shown = alias.escape_debug().to_string();
    if let Some(c) = alias.chars().find(|c| c.is_control()) {
        let code = format!("{:04X}", u32::from(c));
        return Some((
            msg!("links-alias-control-character", alias = shown, code = code),
            msg!("links-alias-control-character-hint"),
        ));
    }
    if !alias.starts_with('/') || alias.contains("://") {
        let msg = msg!("links-alias-not-a-path", alias = shown);
        return Some((msg, msg!("links-alias-hint")));
    }
    if alias.len() > MAX_ALIAS {
        let msg = msg!(
            "links-alias-too-long",
            length = alias.len(),
            max = MAX_ALIAS
        );
        return Some((msg, msg!("links-alias-hint")));
    }
    if let Some(c) = alias.chars().find(|c| FORBIDDEN.contains(c)) {
        let msg = msg!("links-alias-character", alias = shown, character = c);
        let hint = match c {
            '\\' => msg!("links-alias-backslash-hint"),
            '?' | '#' => msg!("links-alias-query-hint"),
            _ => msg!("links-alias-character-hint"),
        };
        return Some((msg, hint));
    }
    segment_problem(alias, &shown).or_else(|| fixed_problem(alias))
}

/// Files every site has, whatever its content.
const FIXED: &[&str] = &[
    "index.html",
    "404.html",
    "atom.xml",
    "sitemap.xml",
    "robots.txt",
    "calendar.ics",
    "data/cities.geojson",
    "data/events.json",
    "cities/index.html",
    "associations/index.html",
    "events/index.html",
    "news/index.html",
    "topics/index.html",
    "map/index.html",
    "search/index.html",
    "pagefind",
    "calendar/index.html",
];

/// An alias on (or below) a file every site has, or on a file of the built-in theme.
fn fixed_problem(alias: &str) -> Option<(String, String)> {
    let key = alias_key(alias);
    let theme = crate::render::theme::STATIC.iter().map(|(name, _)| *name);
    for file in FIXED.iter().copied().chain(theme) {
        let msg = if key == file {
            msg!("links-alias-fixed-file", alias = alias)
        } else if key.starts_with(file) && key[file.len()..].starts_with('/') {
            msg!("links-alias-fixed-folder", alias = alias, file = file)
        } else {
            continue;
        };
        return Some((msg, msg!("links-alias-in-use-hint")));
    }
    None
}

/// The problems of the parts between the slashes of `alias` (a trailing `/` is fine).
fn segment_problem(alias: &str, shown: &str) -> Option<(String, String)> {
    let inner = alias[1..].strip_suffix('/').unwrap_or(&alias[1..]);
    if inner.is_empty() {
        return None; // `/`: the home page, refused with the other addresses of the site
    }
    inner.split('/').find_map(|part| part_problem(part, shown))
}

/// The problem of one part between the slashes of an alias shown as `shown`.
fn part_problem(part: &str, shown: &str) -> Option<(String, String)> {
    if part.is_empty() {
        Some((
            msg!("links-alias-empty-part", alias = shown),
            msg!("links-alias-hint"),
        ))
    } else if part == "." || part == ".." {
        Some((
            msg!("links-alias-dot-part", alias = shown),
            msg!("links-alias-dot-part-hint"),
        ))
    } else if part.starts_with('.') {
        Some((
            msg!("links-alias-hidden", alias = shown),
            msg!("links-alias-hidden-hint"),
        ))
    } else if part.len() > MAX_SEGMENT {
        Some((
            msg!("links-alias-long-part", alias = shown, max = MAX_SEGMENT),
            msg!("links-alias-hint"),
        ))
    } else {
        None
    }
}

/// The output file an alias becomes: `index.html` in its folder unless its last part has a dot.
pub fn alias_key(alias: &str) -> String {
    let a = alias.trim_start_matches('/');
    if a.is_empty() || a.ends_with('/') {
        format!("{a}index.html")
    } else if a.rsplit('/').next().is_some_and(|l| l.contains('.')) {
        a.to_owned()
    } else {
        format!("{a}/index.html")
    }
}

/// Reports every content-derived output path of `site` that cannot be written: slugs and topic
/// names too long for a folder name, images beside a file that would land outside their page,
/// and aliases on an address the site already uses.
pub fn check(site: &Site, diags: &mut Diagnostics) {
    let at = Locator { root: &site.root };
    for e in &site.entries {
        check_lengths(e, &at, diags);
        check_image(e, diags);
    }
    check_aliases(site, &at, diags);
}

/// Slugs and topic slugs must fit in a folder name.
fn check_lengths(e: &Entry, at: &Locator<'_>, diags: &mut Diagnostics) {
    if e.common.slug.len() > MAX_SEGMENT {
        let p = at.pos(&e.source, "slug", None);
        diags.push(
            Diagnostic::error(
                &e.source,
                p.line,
                p.col,
                msg!(
                    "links-slug-too-long",
                    length = e.common.slug.len(),
                    max = MAX_SEGMENT
                ),
            )
            .with_hint(msg!("links-slug-too-long-hint")),
        );
    }
    for (i, name) in e.common.topics.iter().enumerate() {
        if crate::slug::slugify(name).is_some_and(|s| s.len() > MAX_SEGMENT) {
            let p = at.pos(&e.source, "topics", Some((i, name)));
            diags.push(
                Diagnostic::error(
                    &e.source,
                    p.line,
                    p.col,
                    msg!("links-topic-too-long", length = name.len()),
                )
                .with_hint(msg!("links-topic-too-long-hint")),
            );
        }
    }
}

/// An SVG beside the content file is published beside the page: its name must stay there.
/// (Photos are published in processed sizes under names of their own.)
fn check_image(e: &Entry, diags: &mut Diagnostics) {
    for pic in e.pictures().filter(|p| beside_svg(&p.src)) {
        let img = &pic.src;
        // `..` is refused where images are read (`content::images`).
        if img.split('/').any(|part| part == "..") {
            continue;
        }
        let bad = img
            .chars()
            .any(|c| c.is_control() || FORBIDDEN.contains(&c))
            || img
                .split('/')
                .any(|part| part.is_empty() || part.starts_with('.') || part.len() > MAX_SEGMENT);
        if bad {
            diags.push(
                Diagnostic::error(
                    &e.source,
                    pic.pos.line,
                    pic.pos.col,
                    msg!(
                        "links-image-outside",
                        image = img.escape_debug().to_string()
                    ),
                )
                .with_hint(msg!("links-image-outside-hint")),
            );
        }
    }
}

/// Whether a picture is an SVG next to its content file (published beside the page).
pub(crate) fn beside_svg(src: &str) -> bool {
    !src.starts_with('/') && !src.contains("://") && !crate::markdown::is_photo(src)
}

/// Every alias must lead to a file of its own that no other part of the site writes.
fn check_aliases(site: &Site, at: &Locator<'_>, diags: &mut Diagnostics) {
    // The list of every file of the site is only needed when there is an alias to check it
    // against (a large site without aliases skips it on every build and every serve rebuild).
    if site.entries.iter().all(|e| e.common.aliases.is_empty()) {
        return;
    }
    let mut files = site_files(site);
    let mut claimed: HashMap<String, (&Entry, &str, Pos)> = HashMap::new();
    for e in &site.entries {
        for (i, a) in e.common.aliases.iter().enumerate() {
            if alias_problem(a).is_some() {
                continue; // reported when the file was read
            }
            let key = alias_key(a);
            let p = alias_pos(e, i, a, at);
            let problem = match claimed.get(&key) {
                Some((other, b, _)) if other.source == e.source => {
                    Some(msg!("links-alias-twice", alias = a, other = *b))
                }
                Some((other, _, q)) => {
                    let place = format!("{}:{}:{}", display_path(&other.source), q.line, q.col);
                    Some(msg!("links-alias-claimed", alias = a, place = place))
                }
                None => clash(site, a, &key, &files),
            };
            if let Some(msg) = problem {
                diags.push(
                    Diagnostic::error(&e.source, p.line, p.col, msg)
                        .with_hint(msg!("links-alias-in-use-hint")),
                );
                continue;
            }
            claimed.insert(key.clone(), (e, a, p));
            files.insert(key, msg!("links-what-alias", alias = a));
        }
    }
}

/// Where the `i`-th alias of `e` stands: recorded when the file was read, else found again.
fn alias_pos(e: &Entry, i: usize, a: &str, at: &Locator<'_>) -> Pos {
    match e.common.alias_pos.get(i) {
        Some(p) if p.line > 0 => *p,
        _ => at.pos(&e.source, "aliases", Some((i, a))),
    }
}

/// What already stands at `key` (the file of `alias`), at a folder `key` needs, or below `key`
/// (which must be a file), as the message about `alias`.
fn clash(site: &Site, alias: &str, key: &str, files: &BTreeMap<String, String>) -> Option<String> {
    if let Some(what) = files.get(key) {
        return Some(msg!("links-alias-taken", alias = alias, what = what));
    }
    for (i, _) in key.match_indices('/') {
        if let Some(what) = files.get(&key[..i]) {
            let folder = &key[..i];
            return Some(msg!(
                "links-alias-needs-folder",
                alias = alias,
                folder = folder,
                what = what
            ));
        }
    }
    let below = format!("{key}/");
    let inside = files.range(below.clone()..).next();
    if let Some((_, what)) = inside.filter(|(k, _)| k.starts_with(&below)) {
        return Some(msg!("links-alias-is-folder", alias = alias, what = what));
    }
    static_clash(site, alias, key)
}

/// A file of `static/` (or the theme's) at `key` or at a folder `key` needs.
fn static_clash(site: &Site, alias: &str, key: &str) -> Option<String> {
    let theme = Path::new("themes").join(&site.config.theme).join("static");
    for dir in [Path::new("static"), theme.as_path()] {
        let base = site.root.join(dir);
        if !base.is_dir() {
            continue;
        }
        let parts: Vec<&str> = key.split('/').collect();
        for depth in 1..=parts.len() {
            let rel = parts[..depth].join("/");
            let path = base.join(&rel);
            let is_file = path.is_file();
            if is_file || (depth == parts.len() && path.is_dir()) {
                let file = display_path(&dir.join(&rel));
                return Some(msg!("links-alias-static-file", alias = alias, file = file));
            }
        }
    }
    None
}

/// Every file the site writes whose path is known before rendering, with what it is.
fn site_files(site: &Site) -> BTreeMap<String, String> {
    let mut pages: BTreeMap<String, String> = BTreeMap::new();
    let own = msg!("links-what-site-file");
    for key in FIXED {
        pages.insert((*key).to_owned(), own.clone());
    }
    for e in site.entries.iter().filter(|e| e.has_page()) {
        let page = e.url_path();
        let what = msg!("links-what-page-of", path = display_path(&e.source));
        pages.insert(format!("{page}index.html"), what.clone());
        match e.section {
            Section::City | Section::Association => {
                pages.insert(format!("{page}calendar.ics"), what.clone());
            }
            Section::Event => {
                pages.insert(format!("{page}{}.ics", e.common.slug), what.clone());
                let year = e.event().map(|ev| ev.date.year());
                if let Some(year) = year {
                    pages.insert(format!("events/archive/{year}/index.html"), own.clone());
                }
            }
            _ => {}
        }
        for pic in e.pictures().filter(|p| beside_svg(&p.src)) {
            pages.insert(format!("{page}{}", pic.src), what.clone());
        }
    }
    for t in site.topics.values() {
        pages.insert(format!("topics/{}/index.html", t.slug), own.clone());
    }
    for (y, m) in crate::render::calendar_pages::months(site) {
        pages.insert(format!("calendar/{y}/{m:02}/index.html"), own.clone());
    }
    let mut files = pages.clone();
    for lang in site.config.languages.iter().skip(1) {
        for (key, what) in &pages {
            files.insert(format!("{lang}/{key}"), what.clone());
        }
    }
    files
}

/// Finds where a key or list item sits in a content file, reading the file again (only done
/// for a file with a problem).
struct Locator<'a> {
    root: &'a Path,
}

impl Locator<'_> {
    /// The position of the `item` with this index in the list `key` of `source` (of `key`
    /// itself without `item`);
    /// line 0 when the file cannot be read again.
    fn pos(&self, source: &Path, key: &str, item: Option<(usize, &str)>) -> Pos {
        let Ok(file) = crate::source::SourceFile::read(self.root, source) else {
            return Pos::default();
        };
        let Ok(fm) = front_matter::parse(&file) else {
            return Pos::default();
        };
        if !fm.has(key) {
            return Pos::default();
        }
        match item {
            Some((index, item)) => fm.list_item_pos(key, index, item),
            None => fm.pos(key),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_keys_are_the_files_the_build_writes() {
        assert_eq!(alias_key("/alt/lyon.html"), "alt/lyon.html");
        assert_eq!(alias_key("/alt/lyon"), "alt/lyon/index.html");
        assert_eq!(alias_key("/alt/lyon/"), "alt/lyon/index.html");
        assert_eq!(alias_key("/"), "index.html");
    }

    #[test]
    fn unsafe_aliases_are_refused_and_plain_ones_pass() {
        let long = format!("/{}", "a".repeat(5000));
        let deep = format!("/{}.html", "a".repeat(201));
        for bad in [
            "/a\0b",
            "/a\r\nb",
            "/a\\b",
            long.as_str(),
            deep.as_str(),
            "/.twinsite-build",
            "/.x.twinsite-tmp",
            "/.htaccess",
            "/.ssh/authorized_keys",
            "/a/.git/config",
            "/a/../b",
            "/./a",
            "/a//b",
            "a/b",
            "https://example.org/x",
            "/index.php?id=5",
            "/a#b",
            "/c:/x",
            "/",
            "/map/",
            "/robots.txt",
        ] {
            assert!(alias_problem(bad).is_some(), "{bad:?} was accepted");
        }
        for good in [
            "/alt/lyon.html",
            "/alt/lyon/",
            "/alt/lyon",
            "/städte/łódź/",
            "/a b/",
        ] {
            assert_eq!(alias_problem(good), None, "{good:?} was refused");
        }
    }
}
