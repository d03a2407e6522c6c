//! What HTML a Markdown body may put into a page: the one rule for allowed URLs, the
//! allow-list raw HTML is cleaned with (ammonia), and the warnings that name what was removed.
//!
//! Bodies without raw HTML never reach the HTML parser: their links and images are checked
//! with [`url_allowed`] while the Markdown events are adapted (see [`crate::markdown`]), so
//! ordinary Markdown renders exactly as pulldown-cmark writes it. Only bodies that contain raw
//! HTML are cleaned with [`clean`]. `unsafe_html: true` in `site.yaml` turns all of this off.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::html_scan;

/// URL schemes a link or image may use; anything without a scheme (a site address, a relative
/// path, `#anchor`, `//host/…`) is allowed too.
pub const ALLOWED_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// Whether `url` may be a link or image address in a page: a relative or site address, or an
/// absolute one with an allowed scheme. Case, leading spaces, control characters and tabs or
/// line breaks inside the scheme (which browsers ignore) do not hide a scheme. `url` must
/// already be free of HTML character references (pulldown-cmark and the HTML parser decode
/// them).
pub fn url_allowed(url: &str) -> bool {
    // Browsers drop leading C0 controls and spaces and every tab and line break in a URL.
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(64)
        .collect();
    let Some(colon) = cleaned.find(':') else {
        return true;
    };
    let scheme = &cleaned[..colon];
    // Only `letter (letter | digit | + | - | .)*` before the colon is a scheme (WHATWG URL);
    // anything else (`a/b:c`, `?q=a:b`) makes the colon part of a relative address.
    let mut chars = scheme.chars();
    let is_scheme = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme {
        return true;
    }
    let scheme = scheme.to_ascii_lowercase();
    ALLOWED_SCHEMES.contains(&scheme.as_str())
}

/// Tags raw HTML may use: text structure, tables, figures, details, and the markup
/// pulldown-cmark itself writes (footnotes, task-list check boxes).
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
];

/// Tags removed together with everything inside them (the others are unwrapped: their text
/// stays).
const DROP_WITH_CONTENT: &[&str] = &[
    "script", "style", "iframe", "object", "embed", "noscript", "template", "svg", "math", "form",
    "select", "textarea", "button", "frame", "frameset", "applet", "noembed", "noframes",
];

/// Attributes allowed on every allowed tag.
const GENERIC_ATTRIBUTES: &[&str] = &["lang", "dir", "title"];

/// Attributes allowed on one tag.
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "id", "hreflang"]),
    ("img", &["src", "alt", "width", "height", "loading"]),
    ("h1", &["id", "class"]),
    ("h2", &["id", "class"]),
    ("h3", &["id", "class"]),
    ("h4", &["id", "class"]),
    ("h5", &["id", "class"]),
    ("h6", &["id", "class"]),
    ("th", &["scope", "colspan", "rowspan", "align", "style"]),
    ("td", &["colspan", "rowspan", "align", "style"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("code", &["class"]),
    ("div", &["class", "id"]),
    ("sup", &["class", "id"]),
    ("span", &["class"]),
    ("details", &["open"]),
    ("time", &["datetime"]),
    ("input", &["checked"]),
];

/// The only `style` values kept: the column alignment pulldown-cmark writes into tables.
const TABLE_ALIGN_STYLES: &[&str] = &[
    "text-align: left",
    "text-align: center",
    "text-align: right",
];

fn keep_attribute<'u>(_element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    if attribute == "style" {
        return TABLE_ALIGN_STYLES
            .contains(&value.trim().trim_end_matches(';'))
            .then_some(Cow::Borrowed(value));
    }
    Some(Cow::Borrowed(value))
}

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.tags(TAGS.iter().copied().collect())
        .clean_content_tags(DROP_WITH_CONTENT.iter().copied().collect())
        .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(
            TAG_ATTRIBUTES
                .iter()
                .map(|(t, a)| (*t, a.iter().copied().collect::<HashSet<_>>()))
                .collect::<HashMap<_, _>>(),
        )
        // Task-list check boxes are the only inputs: always shown, never usable.
        .set_tag_attribute_value("input", "type", "checkbox")
        .set_tag_attribute_value("input", "disabled", "")
        .url_schemes(ALLOWED_SCHEMES.iter().copied().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true)
        .attribute_filter(keep_attribute);
    b
});

/// Cleans rendered HTML that contains raw HTML: only the allow-list above survives, URLs
/// must pass the same scheme rule as [`url_allowed`].
pub fn clean(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

/// Something raw HTML asked for that [`clean`] removes, for a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removed {
    /// A tag that is not allowed, e.g. `iframe`.
    Tag(String),
    /// An attribute that is not allowed, e.g. `onclick` or `style`.
    Attribute(String),
    /// A link or image address with a scheme that is not allowed.
    Url(String),
}

impl Removed {
    /// A plain-words warning for the content file.
    pub fn message(&self) -> String {
        match self {
            Self::Tag(t) => msg!("content-removed-tag", tag = t),
            Self::Attribute(a) => msg!("content-removed-attribute", attribute = a),
            Self::Url(u) => {
                let more = if u.chars().count() > 60 { "…" } else { "" };
                let shown: String = u
                    .chars()
                    .take(60)
                    .flat_map(|c| {
                        let escaped: Vec<char> = if c.is_control() {
                            c.escape_default().collect()
                        } else {
                            vec![c]
                        };
                        escaped
                    })
                    .collect();
                msg!("content-removed-url", url = format!("{shown}{more}"))
            }
        }
    }

    /// What to do instead.
    pub fn hint(&self) -> String {
        match self {
            Self::Url(_) => msg!("content-removed-url-hint"),
            Self::Tag(_) | Self::Attribute(_) => msg!("content-removed-html-hint"),
        }
    }
}

/// Finds what [`clean`] will remove from one piece of raw HTML, in order of appearance, each
/// thing once. A quick scan for warnings only: the cleaning itself is done by [`clean`].
pub fn removed_from(raw: &str) -> Vec<Removed> {
    let mut found: Vec<Removed> = Vec::new();
    let mut add = |r: Removed| {
        if !found.contains(&r) {
            found.push(r);
        }
    };
    let mut rest = raw;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if !TAGS.contains(&name.as_str()) {
            add(Removed::Tag(name));
            continue;
        }
        for attr in attribute_names(rest) {
            if !attribute_kept(&name, &attr) {
                add(Removed::Attribute(attr));
            }
        }
    }
    for u in html_scan::scan(raw).urls {
        let value = decode_references(&raw[u.range]);
        if !url_allowed(&value) {
            add(Removed::Url(value));
        }
    }
    found
}

/// Decodes the character references an attribute value may hide a scheme with (`&#x61;`,
/// `&#97`, `&colon;`, `&Tab;`, …); others stay as written. For warnings only.
fn decode_references(v: &str) -> String {
    const NAMED: &[(&str, char)] = &[
        ("colon", ':'),
        ("tab", '\t'),
        ("newline", '\n'),
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("sol", '/'),
    ];
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        let (body, radix) = match rest.strip_prefix(['#']) {
            Some(n) => match n.strip_prefix(['x', 'X']) {
                Some(h) => (h, 16),
                None => (n, 10),
            },
            None => (rest, 0),
        };
        let len = body
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(body.len());
        let name = &body[..len];
        let ch = if radix == 0 {
            NAMED
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, c)| *c)
        } else {
            u32::from_str_radix(name, radix)
                .ok()
                .and_then(char::from_u32)
        };
        match ch {
            Some(c) => {
                out.push(c);
                let after = &body[len..];
                rest = after.strip_prefix(';').unwrap_or(after);
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

fn attribute_kept(tag: &str, attr: &str) -> bool {
    attr == "style" && matches!(tag, "th" | "td")
        || GENERIC_ATTRIBUTES.contains(&attr)
        || TAG_ATTRIBUTES
            .iter()
            .any(|(t, a)| *t == tag && a.contains(&attr))
        || tag == "input" && matches!(attr, "type" | "disabled")
}

/// The attribute names of the tag `tag` starts (just after its `<`), lowercased, up to the
/// tag's unquoted `>`.
fn attribute_names(tag: &str) -> Vec<String> {
    let b = tag.as_bytes();
    let mut names = Vec::new();
    let mut i = tag
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(b.len());
    while i < b.len() && b[i] != b'>' {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/' | b'>') {
            i += 1;
        }
        if i > start {
            names.push(tag[start..i].to_ascii_lowercase());
        }
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i = skip_value(b, i + 1);
        }
    }
    names
}

fn skip_value(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    match b.get(i) {
        Some(&q @ (b'"' | b'\'')) => {
            i += 1;
            while i < b.len() && b[i] != q {
                i += 1;
            }
            i + 1
        }
        _ => {
            while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                i += 1;
            }
            i
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_rule() {
        for ok in [
            "https://example.org/",
            "HTTP://x",
            "mailto:a@b.example",
            "tel:+49301234",
            "/cities/lyon/",
            "#anchor",
            "bild.jpg",
            "//cdn.example/x",
            "a/b:c",
            "?q=a:b",
            "",
        ] {
            assert!(url_allowed(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
        ] {
            assert!(!url_allowed(bad), "{bad}");
        }
    }

    #[test]
    fn cleaner_keeps_partnership_markup_and_drops_the_rest() {
        let html = "<h2 id=\"a\">T</h2><table><thead><tr><th style=\"text-align: right\" scope=\"col\">x</th></tr></thead></table>\
            <figure><img src=\"/a.jpg\" alt=\"A\" onerror=\"x()\"><figcaption>c</figcaption></figure>\
            <details><summary>s</summary>d</details><abbr title=\"t\">a</abbr>\
            <a href=\"javascript:x()\">j</a><a href=\"https://e.example/\">e</a>\
            <script>alert(1)</script><iframe src=\"//e\"></iframe><p style=\"color:red\" onclick=\"x\">p</p>";
        let out = clean(html);
        for kept in [
            "<h2 id=\"a\">",
            "<th style=\"text-align: right\" scope=\"col\">",
            "<figure><img src=\"/a.jpg\" alt=\"A\">",
            "<details><summary>s</summary>",
            "<abbr title=\"t\">",
            "<a href=\"https://e.example/\">e</a>",
        ] {
            assert!(out.contains(kept), "{kept} missing in {out}");
        }
        for gone in [
            "javascript",
            "script",
            "iframe",
            "onerror",
            "onclick",
            "color:red",
        ] {
            assert!(!out.contains(gone), "{gone} left in {out}");
        }
    }

    #[test]
    fn removed_names_what_goes() {
        let r = removed_from(
            "<p onclick=\"a>b\" class=x><iframe src=x></iframe><img src='JAVA&#x53;cript:x' alt=a>",
        );
        assert_eq!(
            r,
            vec![
                Removed::Attribute("onclick".into()),
                Removed::Attribute("class".into()),
                Removed::Tag("iframe".into()),
                Removed::Url("JAVAScript:x".into()),
            ]
        );
        assert!(removed_from("<td style=\"text-align: left\" colspan=2>").is_empty());
    }
}
