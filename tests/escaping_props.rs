//! Property tests for every output context's escaping: no value, however hostile, can close
//! its context (HTML text and attributes, the map's SVG, JSON-LD inside `<script>`, XML feeds,
//! iCalendar text, parameters and line folding), and each escaped value reads back as the
//! original (minus the characters a context cannot carry).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use twinsite::calendar::ics::{escape_text, fold_into, param_text};
use twinsite::escape::{escape_svg, script_safe_json, xml_attr_escape, xml_escape};

/// Strings rich in the characters escaping is about, plus arbitrary Unicode.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("</script".to_owned()),
        Just("</SCRIPT >".to_owned()),
        Just("<!--".to_owned()),
        Just("-->".to_owned()),
        Just("]]>".to_owned()),
        Just("&amp;".to_owned()),
        Just("&#x3c;".to_owned()),
        Just("\r\n".to_owned()),
        Just("\\n".to_owned()),
        Just("é😀ß".to_owned()),
        "[<>&\"'\\\\;,:/=\r\n\t \u{0}-\u{1f}\u{7f}\u{85}\u{2028}\u{2029}\u{fffe}\u{ffff}a-zA-Z0-9äöüß€😀]{1,8}",
        any::<String>(),
    ];
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.concat())
}

/// Decodes the five XML/HTML entities and numeric references; `None` on any other `&`.
fn decode_refs(s: &str, named: &[(&str, char)]) -> Option<String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';')? + i;
        let name = &rest[i + 1..end];
        let c = if let Some(hex) = name.strip_prefix("#x") {
            char::from_u32(u32::from_str_radix(hex, 16).ok()?)?
        } else if let Some(dec) = name.strip_prefix('#') {
            char::from_u32(dec.parse().ok()?)?
        } else {
            named.iter().find(|(n, _)| *n == name)?.1
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

const XML_ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
];

/// A character XML 1.0 allows in a document.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
}

/// What an XML parser reads from escaped character data or a quoted attribute value: literal
/// line ends normalised to LF (and, in attributes, tabs and line feeds to spaces) before the
/// references are decoded. `None` when the text is not well-formed there.
fn xml_parse(escaped: &str, attribute: bool) -> Option<String> {
    if escaped.contains(['<', '"', '\'']) || !escaped.chars().all(xml_char) {
        return None;
    }
    let mut text = escaped.replace("\r\n", "\n").replace('\r', "\n");
    if attribute {
        text = text.replace(['\t', '\n'], " ");
    }
    decode_refs(&text, XML_ENTITIES)
}

/// What the XML escaper can carry: every character but those XML 1.0 forbids.
fn xml_carried(s: &str) -> String {
    s.chars().filter(|c| xml_char(*c)).collect()
}

/// Unescapes an iCalendar TEXT value; `None` on an unescaped `;`/`,` or a stray backslash.
fn ics_unescape(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(match chars.next()? {
                '\\' => '\\',
                ';' => ';',
                ',' => ',',
                'n' | 'N' => '\n',
                _ => return None,
            }),
            ';' | ',' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// What an iCalendar TEXT value carries: line breaks as LF, other controls but TAB dropped.
fn ics_carried(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Tera's autoescaping (every `{{ value }}` in the theme's HTML) for text and attributes.
    #[test]
    fn html_text_and_attributes_cannot_be_closed(s in hostile()) {
        let e = tera::escape_html(&s);
        prop_assert!(!e.contains(['<', '>', '"', '\'']), "{e:?}");
        let back = decode_refs(&e, &[("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"')]);
        prop_assert_eq!(back, Some(s));
    }

    /// The map's SVG (inline in HTML pages): text and attribute values.
    #[test]
    fn svg_text_and_attributes_cannot_be_closed(s in hostile()) {
        let e = escape_svg(&s);
        prop_assert!(!e.contains(['<', '>', '"', '\'']), "{e:?}");
        prop_assert!(!e.chars().any(char::is_control), "{e:?}");
        let back = decode_refs(&e, XML_ENTITIES).unwrap();
        let carried: String = s
            .chars()
            .map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c })
            .filter(|c| !c.is_control() && *c != '\u{fffe}' && *c != '\u{ffff}')
            .collect();
        prop_assert_eq!(back, carried);
    }

    /// JSON-LD inside `<script type="application/ld+json">`: no `</script`, no `<!--`, and
    /// serde_json reads back the same value (as a string, and as key and value of an object).
    #[test]
    fn json_ld_cannot_end_its_script(s in hostile()) {
        let value = serde_json::json!({ "name": s, s.clone(): [s.clone()] });
        for json in [script_safe_json(&s), script_safe_json(&value)] {
            let lower = json.to_lowercase();
            prop_assert!(!lower.contains("</script"), "{json}");
            prop_assert!(!lower.contains("<!--"), "{json}");
            prop_assert!(!json.contains('<'), "{json}");
        }
        prop_assert_eq!(serde_json::from_str::<String>(&script_safe_json(&s)).unwrap(), s.clone());
        let back: serde_json::Value = serde_json::from_str(&script_safe_json(&value)).unwrap();
        prop_assert_eq!(back, value);
    }

    /// Atom and sitemap text: well-formed character data that parses back to the value.
    #[test]
    fn xml_text_is_well_formed_and_round_trips(s in hostile()) {
        let e = xml_escape(&s);
        prop_assert!(!e.contains("]]>"), "{e:?}");
        prop_assert_eq!(xml_parse(&e, false), Some(xml_carried(&s)), "{:?}", e);
    }

    /// Atom and sitemap attribute values, quoted with `"`.
    #[test]
    fn xml_attributes_are_well_formed_and_round_trip(s in hostile()) {
        let e = xml_attr_escape(&s);
        prop_assert_eq!(xml_parse(&e, true), Some(xml_carried(&s)), "{:?}", e);
    }

    /// iCalendar TEXT values: `\` `;` `,` escaped, no bare CR or LF, and folded content lines
    /// of at most 75 octets ending in CRLF that unfold and unescape to the value.
    #[test]
    fn ics_text_is_escaped_and_folded_losslessly(s in hostile(), name_len in 3usize..20) {
        let escaped = escape_text(&s);
        prop_assert!(!escaped.chars().any(|c| c.is_control() && c != '\t'), "{escaped:?}");
        prop_assert_eq!(ics_unescape(&escaped), Some(ics_carried(&s)));
        let line = format!("{}:{escaped}", "X".repeat(name_len));
        let mut out = String::new();
        fold_into(&line, &mut out);
        prop_assert!(out.ends_with("\r\n"));
        let physical: Vec<&str> = out[..out.len() - 2].split("\r\n").collect();
        for (i, p) in physical.iter().enumerate() {
            prop_assert!(p.len() <= 75, "{} octets: {p:?}", p.len());
            prop_assert!(!p.contains(['\r', '\n']), "bare line break in {p:?}");
            prop_assert!(i == 0 || p.starts_with(' '), "continuation without space: {p:?}");
        }
        let unfolded: String = physical
            .iter()
            .enumerate()
            .map(|(i, p)| if i == 0 { *p } else { &p[1..] })
            .collect();
        prop_assert_eq!(unfolded, line);
    }

    /// iCalendar parameter values (TZID): no `"` inside, no control characters, quoted when
    /// they hold `:` `;` or `,`.
    #[test]
    fn ics_parameters_cannot_be_closed(s in hostile()) {
        let p = param_text(&s);
        let inner = p.strip_prefix('"').and_then(|p| p.strip_suffix('"')).unwrap_or(&p);
        prop_assert!(!inner.contains('"'), "{p:?}");
        prop_assert!(!p.chars().any(char::is_control), "{p:?}");
        if inner.contains([':', ';', ',']) {
            prop_assert!(p.starts_with('"') && p.ends_with('"') && p.len() >= 2, "{p:?}");
        }
    }
}

/// Regression: a carriage return was written as is, which XML parsers read as a line feed.
#[test]
fn xml_keeps_carriage_returns() {
    assert_eq!(
        xml_parse(&xml_escape("a\rb\r\nc"), false).unwrap(),
        "a\rb\r\nc"
    );
    assert_eq!(
        xml_parse(&xml_attr_escape("a\tb\nc"), true).unwrap(),
        "a\tb\nc"
    );
}
