//! Look of the map: the embedded stylesheet, marker shapes and the HTML legend.
//!
//! Owns the CSS (scoped under `.twinmap`, colours as custom properties with
//! fallbacks so a theme can override them), the symbol shape per partnership
//! kind, the home star and the legend markup (escaped with [`crate::escape::escape_svg`]).

use std::fmt::Write as _;

use super::MapText;
use crate::escape::escape_svg as esc;

/// The stylesheet placed inside every map `<svg>` (global in HTML, so every
/// selector is scoped under `.twinmap`). Contrast of markers and arcs is at
/// least 3:1 against both land and ocean with the fallback colours.
pub(crate) const CSS: &str = concat!(
    // The label placement measures from the marker rightwards: keep that on right-to-left pages.
    "svg.twinmap{display:block;max-width:100%;height:auto;direction:ltr;",
    "font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif}",
    ".twinmap .ocean{fill:var(--map-ocean,#d4e5f1)}",
    ".twinmap .space{fill:var(--map-space,#edf3f8)}",
    ".twinmap .sphere{fill:none;stroke:var(--map-edge,#9ab6cb);stroke-width:1}",
    ".twinmap .land{fill:var(--map-land,#f6f2e8)}",
    ".twinmap .border{fill:none;stroke:var(--map-border,#cbbfa8);stroke-width:.7;stroke-linejoin:round}",
    ".twinmap .arc{fill:none;stroke:var(--map-arc,#41576d);stroke-width:1.4;stroke-linecap:round}",
    ".twinmap .arc.status-dormant,.twinmap .arc.status-suspended{stroke-dasharray:6 4}",
    ".twinmap .arc.status-ended{stroke-dasharray:1 4}",
    ".twinmap .kind-partnership{--c:var(--map-partnership,#b3261e)}",
    ".twinmap .kind-friendship{--c:var(--map-friendship,#1d5fa8)}",
    ".twinmap .kind-cooperation{--c:var(--map-cooperation,#2a7230)}",
    ".twinmap .kind-contact{--c:var(--map-contact,#7a3d9e)}",
    ".twinmap .kind-district{--c:var(--map-district,#975400)}",
    ".twinmap .kind-project{--c:var(--map-project,#00695f)}",
    ".twinmap .kind-national{--c:var(--map-national,#3d4d57)}",
    ".twinmap .sym,.twinmap .dot{fill:var(--c,#3d4d57);stroke:#fff;stroke-width:1.5}",
    ".twinmap .status-dormant .sym,.twinmap .status-suspended .sym,.twinmap .status-ended .sym",
    "{fill:#fff;stroke:var(--c,#3d4d57);stroke-width:2.6}",
    ".twinmap .status-suspended .sym{stroke-dasharray:3.5 2}",
    ".twinmap .status-ended .sym{stroke-dasharray:.5 3;stroke-linecap:round;stroke-width:3}",
    ".twinmap .home-sym{fill:var(--map-home,#161616);stroke:#fff;stroke-width:1.5;stroke-linejoin:round}",
    ".twinmap .hit{fill:transparent}",
    ".twinmap .lbl{font-size:16px;font-weight:600;fill:var(--map-text,#1a1a1a);stroke:#fff;",
    "stroke-width:3.5px;stroke-linejoin:round;paint-order:stroke}",
    ".twinmap-n .lbl{font-size:15px}",
    ".twinmap-small .lbl{font-size:13px}",
    // A number with no room beside its marker is drawn on it, haloed like a label.
    ".twinmap .num-in{font-size:13px;font-weight:700;fill:var(--map-text,#1a1a1a);stroke:#fff;",
    "stroke-width:3px;stroke-linejoin:round;paint-order:stroke}",
    // One rendering at a time: the narrow one below 48rem, the wide one from there.
    ".twinmap-v.twinmap-wide{display:none}",
    ".twinmap-narrow svg.twinmap{max-width:30rem}",
    "@media (min-width:48rem){.twinmap-v.twinmap-wide{display:block}.twinmap-v.twinmap-narrow{display:none}}",
    ".map-key{margin:.5em 0 0;padding-inline-start:2.2em;columns:14rem auto;column-gap:2em}",
    ".map-key li{break-inside:avoid}",
    ".map-key a{display:inline-block;padding:.15em 0;min-height:24px}",
    ".twinmap .home-lbl{font-weight:700}",
    ".twinmap a:focus{outline:none}",
    ".twinmap a:focus-visible .hit,.twinmap a:hover .hit{fill:#ffbf47;fill-opacity:.55;stroke:#111;stroke-width:2}",
    ".twinmap a:focus-visible .lbl,.twinmap a:hover .lbl{text-decoration:underline}",
    ".twinmap .frame{fill:none;stroke:#2b3a48;stroke-width:1.2}",
    ".twinmap-legend ul{list-style:none;margin:.4em 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.3em 1.4em}",
    ".twinmap-legend li{display:flex;align-items:center;gap:.45em}",
    ".twinmap-legend .key{flex:none}",
    ".twinmap-legend-title{font-weight:600;margin:.6em 0 0}",
);

/// A number with at most one decimal place and no trailing `.0`.
pub(crate) fn f1(v: f64) -> String {
    let s = format!("{:.1}", v);
    let s = s.strip_suffix(".0").unwrap_or(&s).to_owned();
    if s == "-0" { "0".to_owned() } else { s }
}

/// Keeps `[a-z0-9-]` of a class-name fragment (kind, status).
pub(crate) fn class_part(s: &str) -> String {
    s.chars()
        .map(|c| c.to_ascii_lowercase())
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
        .collect()
}

/// Link target with script-capable schemes neutralised, escaped for an attribute.
pub(crate) fn safe_href(href: &str) -> String {
    let t: String = href
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let lower = t.to_ascii_lowercase();
    if ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        return "#".to_owned();
    }
    esc(href.trim())
}

/// Marker symbol (centred on 0,0, radius ≈ 7–8.5) for a partnership kind.
pub(crate) fn shape(kind: &str) -> &'static str {
    match kind {
        "friendship" => r#"<path class="sym" d="M0-8.5 8.5 0 0 8.5-8.5 0z"/>"#,
        "cooperation" => r#"<path class="sym" d="M-6.5-6.5h13v13h-13z"/>"#,
        "contact" => r#"<path class="sym" d="M0-8.5 8 5.5H-8z"/>"#,
        "district" => r#"<path class="sym" d="M0 8.5 8-5.5H-8z"/>"#,
        "project" => r#"<path class="sym" d="M7.5 0 3.8 6.5H-3.8L-7.5 0-3.8-6.5H3.8z"/>"#,
        "national" => r#"<path class="sym" d="M0-8 7.6-2.5 4.7 6.5H-4.7L-7.6-2.5z"/>"#,
        _ => r#"<circle class="sym" r="7"/>"#,
    }
}

/// The home marker: a five-pointed star (outer radius 11).
pub(crate) const HOME_STAR: &str = r#"<path class="home-sym" d="M0-11 2.6-3.6H10.5L4.2 1.2 6.5 8.9 0 4.3-6.5 8.9-4.2 1.2-10.5-3.6H-2.6z"/>"#;

fn key_svg(inner: &str) -> String {
    format!(
        r#"<svg class="key" width="22" height="22" viewBox="-12 -12 24 24" aria-hidden="true" focusable="false">{inner}</svg>"#
    )
}

/// The legend as HTML (`<div class="twinmap twinmap-legend">`), to follow the svg.
pub(crate) fn legend(text: &MapText) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        r#"<div class="twinmap twinmap-legend"><p class="twinmap-legend-title">{}</p><ul>"#,
        esc(&text.legend_title)
    );
    let _ = write!(
        o,
        "<li>{}<span>{}</span></li>",
        key_svg(HOME_STAR),
        esc(&text.home_label)
    );
    for (k, label) in &text.kinds {
        let k = class_part(k);
        let sym = format!(r#"<g class="kind-{k} status-active">{}</g>"#, shape(&k));
        let _ = write!(o, "<li>{}<span>{}</span></li>", key_svg(&sym), esc(label));
    }
    for (s, label) in &text.statuses {
        let s = class_part(s);
        let sym = format!(r#"<g class="kind-neutral status-{s}">{}</g>"#, shape(""));
        let _ = write!(o, "<li>{}<span>{}</span></li>", key_svg(&sym), esc(label));
    }
    o.push_str("</ul></div>");
    o
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_and_classes_are_sanitised() {
        assert_eq!(safe_href(" JavaScript:alert(1)"), "#");
        assert_eq!(safe_href("java\tscript:alert(1)"), "#");
        assert_eq!(
            safe_href("/partner/lyon/?a=1&b=2"),
            "/partner/lyon/?a=1&amp;b=2"
        );
        assert_eq!(class_part("Partner\"ship x"), "partnershipx");
    }
}
