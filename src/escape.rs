//! Escaping for the output contexts that values from front matter and from other sites land
//! in: XML and HTML text and attributes (pages, feeds, sitemap, search records, serve's error
//! page), the map's SVG, and JSON inside a `<script>` element. Templates escape HTML with Tera's
//! own `escape_html`; iCalendar text is escaped where calendar files are written
//! ([`crate::calendar::ics::escape_text`]), and text for the terminal where diagnostics are
//! shown ([`crate::diagnostics`]).

/// Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids.
/// A carriage return is written as `&#13;`, which parsers keep (a literal one they turn into
/// a line feed).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// [`xml_escape`] for attribute values: tabs and line breaks are written as `&#9;` and
/// `&#10;` too, which parsers keep (literal ones they turn into spaces).
pub fn xml_attr_escape(s: &str) -> String {
    let out = xml_escape(s);
    if out.contains(['\t', '\n']) {
        out.replace('\t', "&#9;").replace('\n', "&#10;")
    } else {
        out
    }
}

/// Serializes JSON so it is safe inside `<script type="application/ld+json">`: `<`, `>` and `&`
/// become `\u003c` etc., so a value containing `</script>` cannot end the element. They can
/// only occur inside JSON strings, so the escaping is done as the strings are written.
pub fn script_safe_json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    let mut buf = Vec::with_capacity(512);
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, ScriptSafe);
    if v.serialize(&mut ser).is_err() {
        return "{}".to_owned();
    }
    // serde_json writes UTF-8 only; the fallback is never taken.
    String::from_utf8(buf).unwrap_or_else(|_| "{}".to_owned())
}

/// serde_json's compact format, with `<`, `>` and `&` in strings written as `\u` escapes.
struct ScriptSafe;

impl serde_json::ser::Formatter for ScriptSafe {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut start = 0;
        for (i, b) in bytes.iter().enumerate() {
            let esc: &[u8] = match b {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                _ => continue,
            };
            writer.write_all(&bytes[start..i])?;
            writer.write_all(esc)?;
            start = i + 1;
        }
        writer.write_all(&bytes[start..])
    }
}

/// Escapes text for the map's SVG (text and attribute values alike): line breaks and tabs
/// become spaces, and characters XML 1.0 forbids (control characters) are dropped.
pub fn escape_svg(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            '\t' | '\n' | '\r' => o.push(' '),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => o.push(c),
        }
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn script_safe_json_cannot_end_the_script_element() {
        let hostile = json!({
            "name": "</script><script>alert(1)</script> & <!-- \u{2028}",
            "a<b": ["x>y", "ü&日本", "\"quoted\" \\ back"],
        });
        let out = script_safe_json(&hostile);
        assert!(!out.contains(['<', '>', '&']), "{out}");
        assert!(out.contains(r"\u003c/script\u003e"), "{out}");
        assert!(out.contains(r"\u0026"), "{out}");
        // Still the same JSON for a parser.
        let back: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        assert_eq!(back, hostile);
        // Nothing to escape: exactly serde_json's compact form.
        let plain = json!({"a": "b", "c": [1, 2]});
        assert_eq!(script_safe_json(&plain), plain.to_string());
    }

    #[test]
    fn svg_escaping_covers_all_five_characters() {
        assert_eq!(
            escape_svg(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(escape_svg("a\u{0}b\u{1b}c"), "abc");
    }
}
