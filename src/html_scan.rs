//! A small, forgiving scanner for the URL-carrying attributes of rendered HTML.
//!
//! It finds every `href`, `src`, `xlink:href`, `action`, `poster` and meta-refresh `url=` value
//! in a page (inline SVG included), quoted or not (minified output drops quotes), and skips
//! comments and the raw text of `<script>` and `<style>`. [`crate::relative`] rewrites the values
//! it finds, the Atom feed makes them absolute; [`crate::check`] checks them. It also collects every `id`, so link anchors can be
//! checked against the page they point to.

use std::ops::Range;

/// One URL-valued attribute found in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlAttr {
    /// Lowercased tag name, e.g. `a`, `img`, `link`, `meta`.
    pub tag: String,
    /// Lowercased attribute name, e.g. `href`, `src`, `content`.
    pub attr: String,
    /// Byte range of the URL inside the page (for meta refresh: only the part after `url=`).
    pub range: Range<usize>,
    /// Byte offset of the tag's `<` (for line:col reports).
    pub tag_start: usize,
}

/// What a scan found in one page.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// Every URL-valued attribute, in document order.
    pub urls: Vec<UrlAttr>,
    /// Every `id` attribute value.
    pub ids: Vec<String>,
    /// Offsets of `<img>` tags that have no `alt` attribute at all.
    pub images_without_alt: Vec<usize>,
}

const URL_ATTRS: &[&str] = &["href", "src", "xlink:href", "action", "poster"];

/// Scans `html` for URL attributes, ids and images without alt text.
pub fn scan(html: &str) -> Scan {
    let b = html.as_bytes();
    let mut out = Scan::default();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let start = i + off;
        if html[start..].starts_with("<!--") {
            i = html[start..].find("-->").map_or(b.len(), |e| start + e + 3);
            continue;
        }
        let name_start = start + 1;
        let mut j = name_start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
            j += 1;
        }
        if j == name_start {
            i = start + 1;
            continue;
        }
        let tag = html[name_start..j].to_ascii_lowercase();
        let (attrs, end) = attributes(html, j);
        record(&tag, start, &attrs, html, &mut out);
        i = end;
        if tag == "script" || tag == "style" {
            let close = format!("</{tag}");
            i = find_ci(html, end, &close).unwrap_or(b.len());
        }
    }
    out
}

/// The attributes of one tag: lowercased name and the byte range of its value, if any.
type Attrs = Vec<(String, Option<Range<usize>>)>;

/// The attributes of one tag, and the offset after its `>`.
fn attributes(html: &str, mut j: usize) -> (Attrs, usize) {
    let b = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
            j += 1;
        }
        if j >= b.len() {
            return (attrs, b.len());
        }
        if b[j] == b'>' {
            return (attrs, j + 1);
        }
        let n0 = j;
        while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'=' | b'>' | b'/') {
            j += 1;
        }
        if j == n0 {
            j += 1;
            continue;
        }
        let name = html[n0..j].to_ascii_lowercase();
        let mut k = j;
        while k < b.len() && b[k].is_ascii_whitespace() {
            k += 1;
        }
        if k < b.len() && b[k] == b'=' {
            k += 1;
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            if k < b.len() && (b[k] == b'"' || b[k] == b'\'') {
                let q = b[k];
                let v0 = k + 1;
                let v1 = b[v0..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |p| v0 + p);
                attrs.push((name, Some(v0..v1)));
                j = (v1 + 1).min(b.len());
            } else {
                let v0 = k;
                let mut v1 = k;
                while v1 < b.len() && !b[v1].is_ascii_whitespace() && b[v1] != b'>' {
                    v1 += 1;
                }
                attrs.push((name, Some(v0..v1)));
                j = v1;
            }
        } else {
            attrs.push((name, None));
            j = k;
        }
    }
}

fn record(
    tag: &str,
    start: usize,
    attrs: &[(String, Option<Range<usize>>)],
    html: &str,
    out: &mut Scan,
) {
    let value = |name: &str| {
        attrs
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, r)| r.clone())
    };
    for (name, range) in attrs {
        let Some(range) = range else { continue };
        if URL_ATTRS.contains(&name.as_str()) {
            out.urls.push(UrlAttr {
                tag: tag.to_owned(),
                attr: name.clone(),
                range: range.clone(),
                tag_start: start,
            });
        } else if name == "id" {
            out.ids.push(html[range.clone()].to_owned());
        }
    }
    if tag == "img" && value("alt").is_none() && !attrs.iter().any(|(n, _)| n == "alt") {
        out.images_without_alt.push(start);
    }
    if tag == "meta" {
        let refresh = value("http-equiv").is_some_and(|r| html[r].eq_ignore_ascii_case("refresh"));
        if let (true, Some(c)) = (refresh, value("content")) {
            let text = &html[c.clone()];
            if let Some(p) = text.to_ascii_lowercase().find("url=") {
                let v0 = c.start + p + 4;
                out.urls.push(UrlAttr {
                    tag: tag.to_owned(),
                    attr: "content".to_owned(),
                    range: v0..c.end,
                    tag_start: start,
                });
            }
        }
    }
}

/// Finds `needle` (ASCII, case-insensitive) in `hay` from `from`.
fn find_ci(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    (from..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Undoes the HTML escapes templates put into attribute values (`&amp;` and friends).
pub fn unescape(v: &str) -> String {
    v.replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(html: &str) -> Vec<String> {
        scan(html)
            .urls
            .iter()
            .map(|u| html[u.range.clone()].to_owned())
            .collect()
    }

    #[test]
    fn finds_quoted_and_unquoted_values() {
        let html = r#"<a href="/x/">x</a><img src=/i.svg alt=""><link rel=icon href='/f.svg'>"#;
        assert_eq!(values(html), vec!["/x/", "/i.svg", "/f.svg"]);
    }

    #[test]
    fn reads_svg_links_meta_refresh_and_ids() {
        let html = r#"<svg><a xlink:href="/c/" href="/d/"><circle id="p1"/></a></svg><meta http-equiv="refresh" content="0; url=/new/">"#;
        assert_eq!(values(html), vec!["/c/", "/d/", "/new/"]);
        assert_eq!(scan(html).ids, vec!["p1"]);
    }

    #[test]
    fn skips_comments_scripts_and_styles() {
        let html = r#"<!-- <a href="/no/"> --><script>var a = '<a href="/no/">';</script><style>a{}</style><a href=/yes/>"#;
        assert_eq!(values(html), vec!["/yes/"]);
    }

    #[test]
    fn notices_images_without_alt() {
        assert_eq!(
            scan(r#"<img src="/a.png"><img src="/b.png" alt="">"#).images_without_alt,
            vec![0]
        );
    }
}
