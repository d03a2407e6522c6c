//! The one Markdown setup: pulldown-cmark with tables, footnotes, strikethrough, task lists and
//! heading ids, plus small adapters over its event stream.
//!
//! Adapters: heading ids made from the heading text (German umlauts transliterated, duplicates
//! numbered), site-absolute links and images (`/cities/lyon/`) prefixed with the base URL's path
//! so sub-path hosting works, internal links collected with their line for `check`, and the
//! first paragraph kept as the teaser, and (unless the site sets `unsafe_html: true`) links,
//! images and heading attributes that could run code removed, with raw HTML cleaned by
//! [`crate::sanitize`].

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html};

mod pictures;

pub use pictures::{
    BodyPicture, Placement, expand as expand_pictures, is_photo, marker as picture_marker,
};

use crate::sanitize::{self, Removed};
use crate::slug;
use crate::source::LineIndex;

/// The result of rendering one Markdown body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The body as HTML.
    pub html: String,
    /// The first paragraph as HTML (empty when there is none).
    pub first_paragraph_html: String,
    /// The first paragraph as plain text.
    pub first_paragraph_text: String,
    /// Internal link targets (site-absolute paths or `#anchors`, as written) with the byte
    /// offset in the body where the link starts.
    pub links: Vec<(String, usize)>,
    /// Ids of all headings.
    pub anchors: Vec<String>,
    /// Images without alt text: (src, byte offset).
    pub images_without_alt: Vec<(String, usize)>,
    /// What sanitising removed: (what, byte offset), for warnings.
    pub removed: Vec<(Removed, usize)>,
    /// The photos of the body, in order; [`Rendered::html`] holds a marker for each.
    pub pictures: Vec<BodyPicture>,
}

/// Where a body's site-absolute links point and whether it is sanitised.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions<'a> {
    /// Prefix for site-absolute links to files (`/images/a.jpg`), e.g. `/partner/`.
    pub files_base: &'a str,
    /// Prefix for site-absolute links to pages (`/cities/lyon/`), e.g. `/partner/fr/`.
    pub pages_base: &'a str,
    /// Let raw HTML and every link through unchanged (`unsafe_html: true` in `site.yaml`).
    pub unsafe_html: bool,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders `body`; site-absolute URLs get `base_path` (e.g. `/partner/`) in front.
pub fn render(body: &str, base_path: &str) -> Rendered {
    render_in(body, base_path, base_path)
}

/// Renders `body` for one language of a multilingual site: site-absolute links to pages
/// (`/cities/lyon/`) get `pages_base` (e.g. `/partner/fr/`) in front, so readers stay in their
/// language, while links to files (`/images/rathaus.jpg`, `/flyer.pdf`) get `files_base`.
/// Sanitised as [`render_with`] does by default.
pub fn render_in(body: &str, files_base: &str, pages_base: &str) -> Rendered {
    render_with(
        body,
        &RenderOptions {
            files_base,
            pages_base,
            unsafe_html: false,
        },
    )
}

/// Renders `body` with `opts`. Unless `opts.unsafe_html`, links and images with a URL scheme
/// other than those [`sanitize::url_allowed`] allows lose their link (the text or alt text
/// stays), headings keep only `lang`/`dir` attributes, and a body with raw HTML is cleaned
/// with [`sanitize::clean`]; what was removed is listed in [`Rendered::removed`].
pub fn render_with(body: &str, opts: &RenderOptions<'_>) -> Rendered {
    let base_path = LinkBase {
        files: opts.files_base,
        pages: opts.pages_base,
    };
    let mut events: Vec<(Event<'_>, usize)> = Parser::new_ext(body, options())
        .into_offset_iter()
        .map(|(e, r)| (e, r.start))
        .collect();
    let mut out = Rendered::default();
    set_heading_ids(&mut events, &mut out.anchors);
    rewrite_links(&mut events, &base_path, &mut out);
    let mut clean = false;
    if !opts.unsafe_html {
        clean = has_raw_html(&events);
        events = drop_unsafe(events, &mut out.removed);
    }
    pictures::clean_text(&mut events);
    let (mut events, photos) = pictures::take(events);
    out.pictures = photos;
    bind_units(&mut events);
    if let Some((start, end)) = first_paragraph(&events) {
        let para = events[start..=end].iter().map(|(e, _)| e.clone());
        html::push_html(&mut out.first_paragraph_html, para);
        if clean && has_raw_html(&events[start..=end]) {
            out.first_paragraph_html = sanitize::clean(&out.first_paragraph_html);
        }
        out.first_paragraph_html = pictures::strip(&out.first_paragraph_html);
        out.first_paragraph_text = plain_text(events[start..=end].iter().map(|(e, _)| e));
    }
    out.html.reserve(body.len() * 3 / 2);
    html::push_html(&mut out.html, events.into_iter().map(|(e, _)| e));
    if clean {
        out.html = sanitize::clean(&out.html);
    }
    // The body stays in memory for the whole build: drop the spare room reserved above.
    out.html.shrink_to_fit();
    out
}

/// Text outside code blocks with a no-break space between a number and its unit ("15 €").
fn bind_units(events: &mut [(Event<'_>, usize)]) {
    let mut in_code = false;
    for (e, _) in events.iter_mut() {
        match e {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Text(t) if !in_code && t.contains(' ') => {
                let bound = crate::render::words::bind_units(t);
                if bound != t.as_ref() {
                    *t = bound.into();
                }
            }
            _ => {}
        }
    }
}

fn has_raw_html(events: &[(Event<'_>, usize)]) -> bool {
    events
        .iter()
        .any(|(e, _)| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
}

/// Heading attributes (`## Title {lang=fr}`) that stay; `onclick=…`, `style=…` and the like go.
const HEADING_ATTRIBUTES: &[&str] = &["lang", "dir"];

/// Removes links and images whose URL [`sanitize::url_allowed`] refuses (keeping their text),
/// heading attributes other than [`HEADING_ATTRIBUTES`], and notes what raw HTML will lose.
fn drop_unsafe<'a>(
    events: Vec<(Event<'a>, usize)>,
    removed: &mut Vec<(Removed, usize)>,
) -> Vec<(Event<'a>, usize)> {
    let mut kept = Vec::with_capacity(events.len());
    // For each open link or image: whether its start was dropped (so its end goes too).
    let mut open: Vec<bool> = Vec::new();
    // Consecutive raw HTML (the lines of an HTML block) is checked as one piece.
    let mut raw_run: Option<(String, usize)> = None;
    // Inside an autolink (`<javascript:…>`) that goes: its text is the refused address.
    let mut skipping = false;
    for (mut event, offset) in events {
        if skipping {
            skipping = !matches!(event, Event::End(TagEnd::Link));
            continue;
        }
        if let Event::Html(raw) | Event::InlineHtml(raw) = &event {
            raw_run
                .get_or_insert_with(|| (String::new(), offset))
                .0
                .push_str(raw);
        } else if let Some((raw, at)) = raw_run.take() {
            removed.extend(sanitize::removed_from(&raw).into_iter().map(|r| (r, at)));
        }
        match &mut event {
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url,
                ..
            }) if !sanitize::url_allowed(dest_url) => {
                removed.push((Removed::Url(dest_url.to_string()), offset));
                skipping = true;
                continue;
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let bad = !sanitize::url_allowed(dest_url);
                if bad {
                    removed.push((Removed::Url(dest_url.to_string()), offset));
                }
                open.push(bad);
                if bad {
                    continue;
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) if open.pop().unwrap_or(false) => continue,
            Event::Start(Tag::Heading { attrs, .. }) => {
                attrs.retain(|(name, _)| {
                    let keep = HEADING_ATTRIBUTES.contains(&name.to_ascii_lowercase().as_str());
                    if !keep {
                        removed.push((Removed::Attribute(name.to_string()), offset));
                    }
                    keep
                });
            }
            _ => {}
        }
        kept.push((event, offset));
    }
    if let Some((raw, at)) = raw_run {
        removed.extend(sanitize::removed_from(&raw).into_iter().map(|r| (r, at)));
    }
    kept
}

/// Renders a short Markdown text (a `summary`) as inline-ish HTML and plain text.
pub fn render_summary(text: &str, base_path: &str) -> (String, String) {
    render_summary_in(text, base_path, base_path)
}

/// [`render_summary`] for one language, with the bases of [`render_in`].
pub fn render_summary_in(text: &str, files_base: &str, pages_base: &str) -> (String, String) {
    render_summary_with(
        text,
        &RenderOptions {
            files_base,
            pages_base,
            unsafe_html: false,
        },
    )
}

/// [`render_summary`] with the options of [`render_with`].
pub fn render_summary_with(text: &str, opts: &RenderOptions<'_>) -> (String, String) {
    let r = render_with(text, opts);
    let plain = plain_text(Parser::new_ext(text, options()).collect::<Vec<_>>().iter());
    (r.html, plain)
}

fn set_heading_ids(events: &mut [(Event<'_>, usize)], anchors: &mut Vec<String>) {
    let mut used: HashSet<String> = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { id, .. }) = &events[i].0 {
            let explicit = id.as_ref().map(|s| s.to_string());
            let end = (i..events.len())
                .find(|&j| matches!(events[j].0, Event::End(TagEnd::Heading(_))))
                .unwrap_or(i);
            let base = explicit.unwrap_or_else(|| {
                slug::slugify(&plain_text(events[i + 1..end].iter().map(|(e, _)| e)))
                    .unwrap_or_else(|| "abschnitt".to_owned())
            });
            let mut unique = base.clone();
            let mut n = 1;
            while used.contains(&unique) {
                unique = format!("{base}-{n}");
                n += 1;
            }
            used.insert(unique.clone());
            anchors.push(unique.clone());
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i].0 {
                *id = Some(CowStr::from(unique));
            }
            i = end;
        }
        i += 1;
    }
}

/// Whether a URL points into the site itself (site-absolute path or same-page anchor).
pub fn is_internal(url: &str) -> bool {
    (url.starts_with('/') && !url.starts_with("//")) || url.starts_with('#')
}

/// Where site-absolute links point: files at the site root, pages in the reader's language.
struct LinkBase<'a> {
    files: &'a str,
    pages: &'a str,
}

/// Whether a site-absolute URL names a page (`/cities/lyon/`, `/impressum`) rather than a file
/// (`/images/a.jpg`, `/calendar.ics`): pages have no dot in their last path segment.
fn is_page_path(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or("");
    !path.rsplit('/').next().unwrap_or("").contains('.')
}

fn prefixed(url: &str, base: &LinkBase<'_>) -> Option<String> {
    let base_path = if is_page_path(url) {
        base.pages
    } else {
        base.files
    };
    if url.starts_with('/') && !url.starts_with("//") && base_path != "/" {
        Some(format!("{}{}", base_path.trim_end_matches('/'), url))
    } else {
        None
    }
}

fn rewrite_links(events: &mut [(Event<'_>, usize)], base_path: &LinkBase<'_>, out: &mut Rendered) {
    for i in 0..events.len() {
        let offset = events[i].1;
        match &mut events[i].0 {
            Event::Start(Tag::Link { dest_url, .. }) => {
                if is_internal(dest_url) {
                    out.links.push((dest_url.to_string(), offset));
                }
                if let Some(p) = prefixed(dest_url, base_path) {
                    *dest_url = CowStr::from(p);
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let src = dest_url.to_string();
                // A photo is published in processed sizes, found where pictures are checked.
                let photo = pictures::is_photo(&src);
                if is_internal(&src) && !photo {
                    out.links.push((src.clone(), offset));
                }
                if let Some(p) = prefixed(dest_url, base_path).filter(|_| !photo) {
                    *dest_url = CowStr::from(p);
                }
                let has_alt = events[i + 1..]
                    .iter()
                    .take_while(|(e, _)| !matches!(e, Event::End(TagEnd::Image)))
                    .any(|(e, _)| matches!(e, Event::Text(t) if !t.trim().is_empty()));
                if !has_alt {
                    out.images_without_alt.push((src, offset));
                }
            }
            _ => {}
        }
    }
}

fn first_paragraph(events: &[(Event<'_>, usize)]) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    for (i, (e, _)) in events.iter().enumerate() {
        match e {
            Event::Start(Tag::Paragraph) if depth == 0 => {
                let end = (i..events.len())
                    .find(|&j| matches!(events[j].0, Event::End(TagEnd::Paragraph)))?;
                return Some((i, end));
            }
            Event::Start(Tag::Heading { level, .. }) if *level <= HeadingLevel::H6 => depth += 1,
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn plain_text<'a, 'b: 'a>(events: impl Iterator<Item = &'a Event<'b>>) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.trim().to_owned()
}

/// Converts a byte offset in a body that starts on file line `body_line` into file line:col.
pub fn body_pos(body: &LineIndex, body_line: usize, offset: usize) -> (usize, usize) {
    let (l, c) = body.line_col(offset);
    (l + body_line - 1, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_are_on() {
        let r = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~alt~~ - [x] done\n\nText[^1]\n\n[^1]: Fußnote\n",
            "/",
        );
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>alt</del>"));
        assert!(r.html.contains("footnote"));
    }

    #[test]
    fn numbers_keep_their_units_outside_code() {
        let r = render("Eintritt 15 €, `5 €` frei.\n\n```\n8 € bleibt\n```\n", "/");
        assert!(
            r.html
                .contains("Eintritt 15\u{A0}€, <code>5 €</code> frei."),
            "{}",
            r.html
        );
        assert!(r.html.contains("8 € bleibt"));
        assert_eq!(r.first_paragraph_text, "Eintritt 15\u{A0}€, 5 € frei.");
    }

    #[test]
    fn heading_ids_are_slugs_and_unique() {
        let r = render("## Über uns\n\n## Über uns\n\n## Eigene {#meine-id}\n", "/");
        assert_eq!(r.anchors, vec!["ueber-uns", "ueber-uns-1", "meine-id"]);
        assert!(r.html.contains("<h2 id=\"ueber-uns\">"));
    }

    #[test]
    fn site_links_get_the_base_path() {
        let r = render(
            "See [Lyon](/cities/lyon/) and ![Logo](/images/logo.svg) and [x](https://example.org/) [y](#a)\n",
            "/partner/",
        );
        assert!(
            r.html.contains("href=\"/partner/cities/lyon/\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("src=\"/partner/images/logo.svg\""));
        assert!(r.html.contains("href=\"https://example.org/\""));
        let links: Vec<&str> = r.links.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(links, vec!["/cities/lyon/", "/images/logo.svg", "#a"]);
    }

    #[test]
    fn language_links_stay_in_the_language_files_do_not() {
        let r = render_in(
            "[Lyon](/cities/lyon/) [Impressum](/impressum#kontakt) ![Logo](/images/logo.svg) [Feed](/calendar.ics)\n",
            "/partner/",
            "/partner/fr/",
        );
        assert!(
            r.html.contains("href=\"/partner/fr/cities/lyon/\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"/partner/fr/impressum#kontakt\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("src=\"/partner/images/logo.svg\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"/partner/calendar.ics\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn first_paragraph_is_the_teaser() {
        let r = render("# Titel\n\nErster *Absatz*.\n\nZweiter.\n", "/");
        assert_eq!(r.first_paragraph_html, "<p>Erster <em>Absatz</em>.</p>\n");
        assert_eq!(r.first_paragraph_text, "Erster Absatz.");
    }

    #[test]
    fn images_without_alt_are_found() {
        let r = render("![](/a.png) ![Ein Bild](/b.png)\n", "/");
        assert_eq!(r.images_without_alt.len(), 1);
        assert_eq!(r.images_without_alt[0].0, "/a.png");
    }

    fn with(body: &str, unsafe_html: bool) -> Rendered {
        render_with(
            body,
            &RenderOptions {
                files_base: "/",
                pages_base: "/",
                unsafe_html,
            },
        )
    }

    #[test]
    fn ordinary_markdown_is_not_touched_by_sanitising() {
        let body = "# T {#eigen .rot}\n\nText *a* [b](/c/) ![d](https://e.example/f.png) <https://g.example/>\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] erledigt\n\nFuß[^1]\n\n[^1]: Note\n\n```rust\nlet a = 1 < 2;\n```\n";
        let safe = with(body, false);
        assert_eq!(safe, with(body, true));
        assert!(safe.removed.is_empty());
    }

    #[test]
    fn refused_link_schemes_lose_their_link_in_any_spelling() {
        let r = with(
            "[a](javascript:x()) [b](JaVaScRiPt:x()) [c](jav&#x61;script:x()) ![d](data:text/html,x) [e](vbscript:x) [f](<java\tscript:x>) <javascript:x()> [ok](https://o.example/)\n",
            false,
        );
        assert_eq!(
            r.html,
            "<p>a b c d e f  <a href=\"https://o.example/\">ok</a></p>\n"
        );
        assert_eq!(r.removed.len(), 7, "{:?}", r.removed);
        assert_eq!(r.first_paragraph_html, r.html);
    }

    #[test]
    fn heading_attributes_keep_only_language() {
        let r = with("## T {onclick=x style=y lang=fr}\n", false);
        assert_eq!(r.html, "<h2 id=\"t\" lang=\"fr\">T</h2>\n");
        assert_eq!(r.removed.len(), 2);
    }

    #[test]
    fn raw_html_is_cleaned_in_body_and_teaser_but_heading_ids_stay() {
        let r = with(
            "Hallo <img src=x onerror=alert(1)> <b onclick=y>fett</b>\n\n## Über uns\n\n<script>alert(2)</script>\n",
            false,
        );
        assert_eq!(
            r.first_paragraph_html,
            "<p>Hallo <img src=\"x\"> <b>fett</b></p>\n"
        );
        assert!(
            r.html.contains("<h2 id=\"ueber-uns\">Über uns</h2>"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("alert"), "{}", r.html);
        let raw = with("Hallo <b onclick=y>fett</b>\n", true);
        assert_eq!(raw.html, "<p>Hallo <b onclick=y>fett</b></p>\n");
    }

    #[test]
    fn positions_map_to_file_lines() {
        assert_eq!(body_pos(&LineIndex::new("a\nb [x](/y)"), 6, 4), (7, 3));
    }
}
