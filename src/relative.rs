//! Relative links for sites opened from disk (`file://`) or uploaded into any sub-folder.
//!
//! A pure pass over a rendered [`Output`]: in every HTML page, each site-absolute URL (one
//! starting with the base path, e.g. `/partner/cities/lyon/`) in `href`, `src`, `xlink:href`,
//! `action`, `poster` and meta-refresh targets becomes a path relative to the page
//! (`../../cities/lyon/index.html`). Folder links name `index.html` explicitly, because a
//! browser showing `file://` does not look for it. Feeds, sitemaps and iCalendar files keep
//! their absolute URLs: other programs read them from the published address.
//!
//! It runs before minification (see [`crate::render::render`]), on the HTML the templates
//! wrote: values are unescaped first (Tera writes `/` as `&#x2F;`) and escaped again after the
//! rewrite; the scanner also accepts the unquoted values minified HTML has.

use crate::html_scan;
use crate::output::Output;

/// Rewrites every site-absolute link in every HTML page of `out` relative to its page.
pub fn rewrite(out: &Output, base_path: &str) -> Output {
    out.iter()
        .map(|(path, bytes)| {
            let bytes = match (path.ends_with(".html"), std::str::from_utf8(bytes)) {
                (true, Ok(html)) => rewrite_page(html, path, base_path, out).into_bytes(),
                _ => bytes.to_vec(),
            };
            (path.to_owned(), bytes)
        })
        .collect()
}

/// Rewrites one page found at `page` (e.g. `cities/lyon/index.html`).
pub fn rewrite_page(html: &str, page: &str, base_path: &str, out: &Output) -> String {
    let scan = html_scan::scan(html);
    let mut result = String::with_capacity(html.len() + html.len() / 8);
    let mut last = 0;
    for u in &scan.urls {
        let value = html_scan::unescape(&html[u.range.clone()]);
        if let Some(new) = relative_url(&value, page, base_path, out) {
            result.push_str(&html[last..u.range.start]);
            result.push_str(
                &new.replace('&', "&amp;")
                    .replace('"', "&quot;")
                    .replace('\'', "&#39;"),
            );
            last = u.range.end;
        }
    }
    result.push_str(&html[last..]);
    result
}

/// The relative form of `url` as seen from `page`, or `None` when it is not site-absolute.
pub fn relative_url(url: &str, page: &str, base_path: &str, out: &Output) -> Option<String> {
    if url.is_empty() || url.starts_with("//") {
        return None;
    }
    let rest = url
        .strip_prefix(base_path)
        .or_else(|| (url.to_owned() + "/" == base_path).then_some(""))?;
    let split = rest.find(['?', '#']).unwrap_or(rest.len());
    let (target, suffix) = rest.split_at(split);
    let target = if target.is_empty() || target.ends_with('/') {
        format!("{target}index.html")
    } else if !out.contains(target) && out.contains(&format!("{target}/index.html")) {
        format!("{target}/index.html")
    } else {
        target.to_owned()
    };
    let depth = page.matches('/').count();
    Some(format!("{}{target}{suffix}", "../".repeat(depth)))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn site() -> Output {
        let mut o = Output::new();
        o.insert("index.html", "x");
        o.insert("cities/index.html", "x");
        o.insert("cities/lyon/index.html", "x");
        o.insert("style.css", "x");
        o
    }

    #[test]
    fn makes_links_relative_to_the_page() {
        let o = site();
        let r = |u: &str, p: &str| relative_url(u, p, "/partner/", &o);
        assert_eq!(
            r("/partner/cities/lyon/", "cities/lyon/index.html").as_deref(),
            Some("../../cities/lyon/index.html")
        );
        assert_eq!(
            r("/partner/", "cities/index.html").as_deref(),
            Some("../index.html")
        );
        assert_eq!(r("/partner", "index.html").as_deref(), Some("index.html"));
        assert_eq!(
            r("/partner/style.css", "404.html").as_deref(),
            Some("style.css")
        );
        assert_eq!(
            r("/partner/cities/lyon#k", "index.html").as_deref(),
            Some("cities/lyon/index.html#k")
        );
        assert_eq!(
            r("/partner/cities/?a=1&b=2", "index.html").as_deref(),
            Some("cities/index.html?a=1&b=2")
        );
        assert_eq!(r("https://example.org/partner/", "index.html"), None);
        assert_eq!(r("/elsewhere/", "index.html"), None);
        assert_eq!(r("#main", "index.html"), None);
        assert_eq!(r("//cdn.example/x.js", "index.html"), None);
    }

    #[test]
    fn rewrites_html_pages_only() {
        let mut o = site();
        o.insert(
            "cities/lyon/index.html",
            r#"<a href="&#x2F;cities&#x2F;?a=1&amp;b=2">C</a><svg><a href="/"><circle/></a></svg>"#,
        );
        o.insert("atom.xml", r#"<link href="/cities/"/>"#);
        let r = rewrite(&o, "/");
        assert_eq!(
            String::from_utf8(r.get("cities/lyon/index.html").unwrap().to_vec()).unwrap(),
            r#"<a href="../../cities/index.html?a=1&amp;b=2">C</a><svg><a href="../../index.html"><circle/></a></svg>"#
        );
        assert_eq!(r.get("atom.xml").unwrap(), br#"<link href="/cities/"/>"#);
    }
}
