//! Every output context's escaping with any text: HTML text and attributes (the theme's
//! autoescaping), the map's SVG, JSON-LD inside `<script>`, XML text and attributes, and
//! iCalendar TEXT values with line folding. Nothing may close its context, and the value must
//! read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use twinsite::calendar::ics::{escape_text, fold_into, param_text};
use twinsite::escape::{escape_svg, script_safe_json, xml_attr_escape, xml_escape};

/// Decodes `&name;` and numeric references; `None` for any other `&`.
fn decode(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find(';')? + i;
        let name = &rest[i + 1..end];
        out.push(match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let n = match name.strip_prefix("#x") {
                    Some(h) => u32::from_str_radix(h, 16).ok()?,
                    None => name.strip_prefix('#')?.parse().ok()?,
                };
                char::from_u32(n)?
            }
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
}

fn check_markup(escaped: &str) {
    assert!(!escaped.contains(['<', '>', '"', '\'']), "{escaped:?}");
}

fn check_ics(s: &str) {
    let escaped = escape_text(s);
    assert!(
        !escaped.chars().any(|c| c.is_control() && c != '\t'),
        "{escaped:?}"
    );
    let mut back = String::new();
    let mut chars = escaped.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => back.push(match chars.next() {
                Some('\\') => '\\',
                Some(';') => ';',
                Some(',') => ',',
                Some('n') => '\n',
                other => panic!("stray backslash before {other:?} in {escaped:?}"),
            }),
            ';' | ',' => panic!("unescaped {c} in {escaped:?}"),
            c => back.push(c),
        }
    }
    let carried: String = s
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
        .collect();
    assert_eq!(back, carried);
    let line = format!("DESCRIPTION:{escaped}");
    let mut out = String::new();
    fold_into(&line, &mut out);
    let body = out.strip_suffix("\r\n").expect("ends in CRLF");
    let mut unfolded = String::new();
    for (i, l) in body.split("\r\n").enumerate() {
        assert!(l.len() <= 75 && !l.contains(['\r', '\n']), "{l:?}");
        unfolded.push_str(if i == 0 {
            l
        } else {
            l.strip_prefix(' ').expect("continuation")
        });
    }
    assert_eq!(unfolded, line);
    let p = param_text(s);
    let inner = p
        .strip_prefix('"')
        .and_then(|p| p.strip_suffix('"'))
        .unwrap_or(&p);
    assert!(
        !inner.contains('"') && !p.chars().any(char::is_control),
        "{p:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let s = s.as_ref();

    let html = tera::escape_html(s);
    check_markup(&html);
    assert_eq!(decode(&html).as_deref(), Some(s));

    let svg = escape_svg(s);
    check_markup(&svg);
    assert!(!svg.chars().any(char::is_control));

    let json = script_safe_json(s);
    let lower = json.to_lowercase();
    assert!(!lower.contains("</script") && !lower.contains("<!--") && !json.contains('<'));
    assert_eq!(
        serde_json::from_str::<String>(&json).ok().as_deref(),
        Some(s)
    );

    let carried: String = s.chars().filter(|c| xml_char(*c)).collect();
    let text = xml_escape(s);
    assert!(!text.contains(['<', '"', '\'']) && text.chars().all(xml_char));
    let parsed = decode(&text.replace("\r\n", "\n").replace('\r', "\n"));
    assert_eq!(parsed.as_deref(), Some(carried.as_str()));
    let attr = xml_attr_escape(s);
    let parsed = decode(&attr.replace("\r\n", "\n").replace(['\r', '\t', '\n'], " "));
    assert_eq!(parsed.as_deref(), Some(carried.as_str()));

    check_ics(s);
});
