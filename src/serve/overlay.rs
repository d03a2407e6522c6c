//! What `serve` adds to HTML responses, and only there: the live-reload script tag and, while
//! the last build failed, an overlay listing its errors exactly as the CLI prints them.
//!
//! The script is served same-origin from `/__twinsite/reload.js` (so a page with a
//! `script-src 'self'` policy still runs it), is a few hundred bytes, and listens to the
//! Server-Sent Events stream `/__twinsite/events`. Everything injected sits between the
//! comments [`BEGIN`] and [`END`], right before `</body>`; `twinsite build` never calls this.

use crate::diagnostics::Diagnostic;
use crate::escape::xml_escape;

/// Marks the start of the injected block.
pub const BEGIN: &str = "<!--twinsite-serve-->";
/// Marks the end of the injected block.
pub const END: &str = "<!--/twinsite-serve-->";

/// The reload script: open the event stream for this page and reload when the server says the
/// page (its bytes, its status or the error overlay) changed.
pub(crate) const RELOAD_JS: &str = "(function(){var s=document.currentScript;if(!s||!window.EventSource)return;\
var es=new EventSource('/__twinsite/events?path='+encodeURIComponent(s.getAttribute('data-path'))\
+'&v='+encodeURIComponent(s.getAttribute('data-v')));\
es.addEventListener('reload',function(){es.close();location.reload();});})();\n";

/// The errors of a failed build, rendered once for every HTML response.
#[derive(Debug)]
pub struct Failure {
    /// The overlay's HTML (all values escaped).
    pub html: String,
    /// The problems as the CLI prints them, one per entry.
    pub messages: Vec<String>,
}

impl Failure {
    /// Renders the overlay for `diags` (errors and warnings, in the CLI's format).
    pub fn new(diags: &[Diagnostic]) -> Self {
        let errors = diags.iter().filter(|d| d.is_error()).count();
        let text: Vec<String> = diags.iter().map(ToString::to_string).collect();
        let html = format!(
            "<div id=\"twinsite-overlay\" role=\"alert\" lang=\"{lang}\" style=\"position:fixed;inset:0;z-index:2147483647;\
overflow:auto;margin:0;padding:2rem;background:#2b0a0a;color:#fff;font:16px/1.5 system-ui,sans-serif;text-align:left\">\
<p style=\"margin:0 0 1rem;font-size:1.3rem;font-weight:bold;color:#ffc9c9\">{title}</p>\
<pre style=\"margin:0;white-space:pre-wrap;font:14px/1.6 ui-monospace,monospace;color:#fff;background:none\">{}</pre>\
<p style=\"margin:1rem 0 0;color:#ddd\">{note}</p></div>",
            xml_escape(&text.join("\n")),
            lang = crate::messages::language().tag(),
            title = xml_escape(&msg!("overlay-title", errors = errors)),
            note = xml_escape(&msg!("overlay-note")),
        );
        Self {
            html,
            messages: text,
        }
    }
}

/// Inserts the script tag (and the overlay, if any) before the last `</body>` of `html`, or at
/// the end when there is none. `path` is the page's request path, `version` its fingerprint.
pub(crate) fn inject(html: &[u8], path: &str, version: &str, failure: Option<&Failure>) -> Vec<u8> {
    let block = format!(
        "{BEGIN}<script src=\"/__twinsite/reload.js\" data-path=\"{}\" data-v=\"{version}\"></script>{}{END}",
        xml_escape(path),
        failure.map_or("", |f| f.html.as_str())
    );
    let at = rfind_ci(html, b"</body").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + block.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(block.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The page served for every HTML request while no build has succeeded yet.
pub(crate) fn no_build_page() -> Vec<u8> {
    format!(
        "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body></body></html>",
        crate::messages::language().tag(),
        xml_escape(&msg!("overlay-page-title"))
    )
    .into_bytes()
}

/// The last position of `needle` in `hay`, ASCII case-insensitively.
fn rfind_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_last_body_end() {
        let out = inject(b"<html><body><p>x</p></BODY></html>", "/a/", "v1", None);
        let s = String::from_utf8(out).unwrap();
        assert!(s.starts_with("<html><body><p>x</p><!--twinsite-serve--><script src=\"/__twinsite/reload.js\" data-path=\"/a/\" data-v=\"v1\">"), "{s}");
        assert!(s.ends_with("<!--/twinsite-serve--></BODY></html>"), "{s}");
        let s = String::from_utf8(inject(b"no body", "/\"x", "v", None)).unwrap();
        assert!(
            s.starts_with("no body<!--twinsite-serve-->") && s.contains("data-path=\"/&quot;x\""),
            "{s}"
        );
    }

    #[test]
    fn overlay_escapes_messages() {
        let d = Diagnostic::error(
            "content/events/<b>.md",
            4,
            7,
            "unknown city \"<script>alert(1)</script>\"",
        );
        let f = Failure::new(&[d]);
        assert!(f.html.contains("content/events/&lt;b&gt;.md:4:7: error: unknown city &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;"), "{}", f.html);
        assert!(!f.html.contains("<script>"));
        assert!(f.html.contains("(1 error)"));
    }
}
