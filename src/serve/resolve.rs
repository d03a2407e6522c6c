//! From a request target to a file of the in-memory build: path normalisation, the base path,
//! pretty URLs, the 404 page and content types.
//!
//! Requests are answered only from the [`Output`] map, never from the file system, so no
//! request can reach a file outside the build, whatever it contains: symlinks are not followed
//! because nothing is read from disk at request time. On top of that, targets that no browser
//! sends (`.`/`..` segments, also percent-encoded, empty segments, backslashes, control
//! characters including NUL, invalid UTF-8, anything not starting with `/`) are refused with
//! 400 before any lookup.

use crate::output::Output;

/// What a request path leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A file of the build, with the status to send (200, or 404 for the `404.html` page).
    File {
        /// The output key, e.g. `cities/lyon/index.html`.
        key: String,
        /// 200 or 404.
        status: u16,
    },
    /// A redirect to this absolute path (already percent-encoded).
    Redirect(String),
    /// Nothing there and the build has no `404.html`.
    NotFound,
    /// No build has succeeded yet.
    NoBuild,
}

/// Decodes and checks a request target; returns the decoded path (starting with `/`), or
/// `None` for a target that must be refused with 400.
pub(crate) fn normalize(target: &str) -> Option<String> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if !path.starts_with('/') {
        return None;
    }
    let decoded = String::from_utf8(percent_decode(path)?).ok()?;
    if decoded.chars().any(|c| c.is_control() || c == '\\') {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    let bad = segments
        .iter()
        .enumerate()
        .any(|(i, s)| *s == "." || *s == ".." || (s.is_empty() && i != last));
    (!bad).then_some(decoded)
}

/// Finds what `path` (normalised) leads to in `output`, for a site living below `base`
/// (`/` or `/partner/`).
pub(crate) fn resolve(path: &str, base: &str, output: Option<&Output>) -> Target {
    if base != "/" && (path == "/" || base.strip_suffix('/') == Some(path)) {
        return Target::Redirect(encode(base));
    }
    let Some(output) = output else {
        return Target::NoBuild;
    };
    let not_found = || {
        if output.contains("404.html") {
            Target::File {
                key: "404.html".to_owned(),
                status: 404,
            }
        } else {
            Target::NotFound
        }
    };
    let Some(rel) = path.strip_prefix(base) else {
        return not_found();
    };
    if rel.is_empty() || rel.ends_with('/') {
        let key = format!("{rel}index.html");
        return if output.contains(&key) {
            Target::File { key, status: 200 }
        } else {
            not_found()
        };
    }
    if output.contains(rel) {
        return Target::File {
            key: rel.to_owned(),
            status: 200,
        };
    }
    if output.contains(&format!("{rel}/index.html")) {
        return Target::Redirect(encode(&format!("{path}/")));
    }
    not_found()
}

/// The `Content-Type` for an output file, by extension; `charset=utf-8` on text types.
pub(crate) fn content_type(key: &str) -> &'static str {
    let ext = key
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "json" | "map" => "application/json; charset=utf-8",
        "geojson" => "application/geo+json; charset=utf-8",
        "webmanifest" => "application/manifest+json; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "pdf" => "application/pdf",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// Whether a content type is HTML (where the reload script and the overlay go).
pub(crate) fn is_html(content_type: &str) -> bool {
    content_type.starts_with("text/html")
}

/// Decodes one percent-encoded query value (`+` stays `+`); `None` when invalid or not UTF-8.
pub(crate) fn decode_component(s: &str) -> Option<String> {
    String::from_utf8(percent_decode(s)?).ok()
}

fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// Percent-encodes a path for a `Location` header (keeps `/` and unreserved characters).
pub(crate) fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn site() -> Output {
        [
            "index.html",
            "404.html",
            "cities/lyon/index.html",
            "atom.xml",
            "data/cities.geojson",
            "Straße.jpg",
        ]
        .iter()
        .map(|k| ((*k).to_owned(), b"x".to_vec()))
        .collect()
    }

    #[test]
    fn refuses_traversal_and_odd_targets() {
        for t in [
            "/../site.yaml",
            "/%2e%2e/site.yaml",
            "/%2E%2E/site.yaml",
            "/partner/%2e%2e/%2e%2e/etc/passwd",
            "/partner/./x",
            "//etc/passwd",
            "/a//b",
            "/..%5csite.yaml",
            "/a\\b",
            "/a%00b",
            "/a%0ab",
            "/%ff",
            "/%zz",
            "/%2",
            "etc/passwd",
            "http://example.org/",
            "*",
            "",
        ] {
            assert_eq!(normalize(t), None, "{t}");
        }
        assert_eq!(
            normalize("/partner/cities/lyon/?x=1#y").as_deref(),
            Some("/partner/cities/lyon/")
        );
        assert_eq!(
            normalize("/partner/Stra%C3%9Fe.jpg").as_deref(),
            Some("/partner/Straße.jpg")
        );
        assert_eq!(normalize("/").as_deref(), Some("/"));
    }

    #[test]
    fn resolves_pretty_urls_base_path_and_404() {
        let out = site();
        let file = |k: &str, s| Target::File {
            key: k.to_owned(),
            status: s,
        };
        let r = |p: &str| resolve(p, "/partner/", Some(&out));
        assert_eq!(r("/"), Target::Redirect("/partner/".into()));
        assert_eq!(r("/partner"), Target::Redirect("/partner/".into()));
        assert_eq!(r("/partner/"), file("index.html", 200));
        assert_eq!(
            r("/partner/cities/lyon/"),
            file("cities/lyon/index.html", 200)
        );
        assert_eq!(
            r("/partner/cities/lyon"),
            Target::Redirect("/partner/cities/lyon/".into())
        );
        assert_eq!(
            r("/partner/cities/lyon/index.html"),
            file("cities/lyon/index.html", 200)
        );
        assert_eq!(r("/partner/Straße.jpg"), file("Straße.jpg", 200));
        assert_eq!(r("/partner/nope/"), file("404.html", 404));
        assert_eq!(r("/index.html"), file("404.html", 404));
        assert_eq!(resolve("/x", "/", Some(&Output::new())), Target::NotFound);
        assert_eq!(resolve("/", "/", None), Target::NoBuild);
        assert_eq!(resolve("/", "/", Some(&out)), file("index.html", 200));
        assert_eq!(encode("/a b/ß/"), "/a%20b/%C3%9F/");
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(
            content_type("data/cities.geojson"),
            "application/geo+json; charset=utf-8"
        );
        assert_eq!(content_type("calendar.ics"), "text/calendar; charset=utf-8");
        assert_eq!(content_type("x.PNG"), "image/png");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }
}
