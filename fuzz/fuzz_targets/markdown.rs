//! The Markdown renderer and sanitiser with any body: no `<script`, no `on…=` attribute, no
//! `style` attribute outside table cells, and no link or image address with a refused scheme
//! may come out, in the body or in its teaser.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twinsite::html_scan;
use twinsite::markdown::{RenderOptions, render_with};
use twinsite::sanitize::url_allowed;

/// The attribute names of every tag in `html` (which escapes `<` in text, so every `<`
/// followed by a letter starts a tag).
fn attributes(html: &str) -> Vec<(String, String)> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' || !b.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let start = i + 1;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
            i += 1;
        }
        let tag = html[start..i].to_ascii_lowercase();
        while i < b.len() && b[i] != b'>' {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            let n = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>') {
                i += 1;
            }
            if i > n {
                out.push((tag.clone(), html[n..i].to_ascii_lowercase()));
            }
            if i < b.len() && b[i] == b'=' {
                i += 1;
                if let Some(&q @ (b'"' | b'\'')) = b.get(i) {
                    i += 1;
                    while i < b.len() && b[i] != q {
                        i += 1;
                    }
                    i += 1;
                } else {
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                }
            }
        }
    }
    out
}

fn check(html: &str) {
    assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
    for (tag, attr) in attributes(html) {
        assert!(!attr.starts_with("on"), "<{tag} {attr}> in {html}");
        assert!(
            attr != "style" || matches!(tag.as_str(), "th" | "td"),
            "<{tag} style> in {html}"
        );
        assert!(
            attr != "srcset" && attr != "formaction" && attr != "action",
            "{attr} in {html}"
        );
    }
    for u in html_scan::scan(html).urls {
        let value = html_scan::unescape(&html[u.range]);
        assert!(url_allowed(&value), "{value:?} in {html}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else {
        return;
    };
    let opts = RenderOptions {
        files_base: "/partner/",
        pages_base: "/partner/fr/",
        unsafe_html: false,
    };
    let r = render_with(body, &opts);
    check(&r.html);
    check(&r.first_paragraph_html);
});
