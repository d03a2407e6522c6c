//! End-to-end tests of [`super::render`]: views, detail map, escaping, well-formedness,
//! determinism, sizes and degenerate coordinates.

#![allow(clippy::unwrap_used)]

use super::*;

pub(crate) fn place(id: &str, lat: f64, lon: f64, kind: &str, status: &str) -> Place {
    let mut name = id.to_owned();
    if let Some(f) = name.get_mut(0..1) {
        f.make_ascii_uppercase();
    }
    Place {
        id: id.to_owned(),
        label: format!("{name}, Partnerstadt"),
        name,
        href: format!("/partner/{id}/"),
        lat,
        lon,
        kind: kind.to_owned(),
        status: status.to_owned(),
    }
}

pub(crate) fn home() -> Home {
    Home {
        name: "Musterstadt".to_owned(),
        lat: 50.9,
        lon: 9.7,
    }
}

pub(crate) fn text() -> MapText {
    MapText {
        title: "Weltkarte der Partnerstädte".to_owned(),
        desc: "Musterstadt und ihre Partnerstädte; die Liste unter der Karte enthält dieselben Angaben.".to_owned(),
        legend_title: "Legende".to_owned(),
        home_label: "Musterstadt (Heimatstadt)".to_owned(),
        kinds: vec![
            ("partnership".to_owned(), "Partnerschaft".to_owned()),
            ("friendship".to_owned(), "Freundschaft".to_owned()),
        ],
        statuses: vec![("active".to_owned(), "aktiv".to_owned()), ("dormant".to_owned(), "ruhend".to_owned())],
        inset_title: "Ausschnitt Europa".to_owned(),
    }
}

pub(crate) fn europe() -> Vec<Place> {
    vec![
        place("lyon", 45.76, 4.84, "partnership", "active"),
        place("krakow", 50.06, 19.94, "friendship", "active"),
        place("bristol", 51.45, -2.59, "partnership", "dormant"),
        place("verona", 45.44, 10.99, "cooperation", "suspended"),
    ]
}

pub(crate) fn world_set() -> Vec<Place> {
    let mut v = europe();
    v.extend([
        place("pasadena", 34.15, -118.14, "partnership", "active"),
        place("nanjing", 32.06, 118.80, "friendship", "active"),
        place("wellington", -41.29, 174.78, "contact", "ended"),
        place("suva", -18.14, 178.44, "project", "active"),
        place("ouagadougou", 12.37, -1.53, "district", "active"),
        place("valparaiso", -33.05, -71.62, "national", "dormant"),
    ]);
    v
}

fn view_box(svg: &str) -> (f64, f64) {
    let s = &svg[svg.find("viewBox=\"0 0 ").unwrap() + 13..];
    let s = &s[..s.find('"').unwrap()];
    let mut it = s.split(' ').map(|n| n.parse::<f64>().unwrap());
    (it.next().unwrap(), it.next().unwrap())
}

/// Minimal XML well-formedness check: balanced tags, quoted attributes, only
/// known entities, no `<` or `&` outside markup/entities.
fn assert_well_formed(doc: &str) {
    let mut stack: Vec<String> = Vec::new();
    let b = doc.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => {
                let end = i + doc[i..].find('>').unwrap();
                let tag = &doc[i + 1..end];
                assert_eq!(
                    tag.matches('"').count() % 2,
                    0,
                    "unbalanced quotes in <{tag}>"
                );
                assert!(!tag[1..].contains('<'), "raw < inside tag <{tag}>");
                if let Some(name) = tag.strip_prefix('/') {
                    assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
                } else if !tag.ends_with('/') {
                    let name = tag.split(|c: char| c.is_whitespace()).next().unwrap();
                    stack.push(name.to_owned());
                }
                i = end + 1;
            }
            b'&' => {
                let rest = &doc[i..];
                assert!(
                    ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                        .iter()
                        .any(|e| rest.starts_with(e)),
                    "bare & at {}",
                    &rest[..rest.len().min(20)]
                );
                i += 1;
            }
            _ => i += 1,
        }
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
}

#[test]
fn europe_only_zooms_to_europe() {
    let out = render(&home(), &europe(), &text(), MapSize::Full);
    let (svg, narrow) = out.split_at(out.find("twinmap-v twinmap-narrow").unwrap());
    let (w, h) = view_box(svg);
    assert_eq!((w, h), (1000.0, 625.0));
    assert_eq!(view_box(narrow), (360.0, 360.0));
    assert_eq!(svg.matches("<svg").count(), 1, "no detail map when zoomed");
    assert_eq!(svg.matches("<a href=").count(), 4);
    assert_eq!(narrow.matches("<a href=").count(), 4);
    assert_eq!(svg.matches("class=\"arc ").count(), 4);
    assert!(svg.contains(r#"class="m kind-partnership status-dormant""#));
    assert!(out.contains("twinmap-legend"));
    let svg_only = &svg[..svg.find("</svg>").unwrap()];
    assert!(
        svg_only.len() < 60_000,
        "europe svg is {} bytes",
        svg_only.len()
    );
}

#[test]
fn world_set_shows_world_with_detail_map() {
    let out = render(&home(), &world_set(), &text(), MapSize::Full);
    let svg = &out[..out.find("twinmap-v twinmap-narrow").unwrap()];
    let (w, h) = view_box(svg);
    assert_eq!((w, h), (1000.0, 487.0));
    assert!(svg.contains(r#"<title id="map-full-z-t">Ausschnitt Europa</title>"#));
    // Every partner is exactly one link per rendering; the four European ones are in the detail map.
    assert_eq!(svg.matches("<a href=").count(), 10);
    let detail = &svg[svg.find("map-full-z-t").unwrap()..];
    assert_eq!(detail.matches("<a href=").count(), 4);
    assert_eq!(svg.matches("class=\"dot ").count(), 4);
    let svg_only = &svg[..svg.find("</svg>").unwrap()];
    assert!(
        svg_only.len() < 150_000,
        "world svg is {} bytes",
        svg_only.len()
    );
}

#[test]
fn accessible_structure() {
    let svg = render(&home(), &world_set(), &text(), MapSize::Full);
    assert!(!svg.contains("role=\"img\""));
    assert!(svg.contains(r#"aria-labelledby="map-full-t map-full-d""#));
    assert!(
        svg.contains(r#"<title id="map-full-t">"#) && svg.contains(r#"<desc id="map-full-d">"#)
    );
    assert!(svg.contains(r#"<g aria-hidden="true">"#));
    assert!(svg.contains(r#"aria-label="Lyon, Partnerstadt""#));
    assert!(svg.contains(":focus-visible"));
    assert!(svg.contains("class=\"home\"") && svg.contains(">Musterstadt</text>"));
    assert_well_formed(&svg);
}

#[test]
fn ids_are_unique_across_two_maps() {
    let a = render(&home(), &europe(), &text(), MapSize::Full);
    let b = render(&home(), &europe()[..1], &text(), MapSize::Small);
    let c = render_with_prefix(&home(), &europe(), &text(), MapSize::Full, "home map!");
    let page = format!("{a}{b}{c}");
    let mut ids: Vec<&str> = page
        .split(" id=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids: {ids:?}");
    assert!(c.contains(r#"id="homemap-t""#));
}

#[test]
fn hostile_text_is_escaped() {
    let evil = r#""><script>alert(1)</script>&'"#;
    let mut p = place("x", 45.0, 5.0, evil, evil);
    p.name = evil.to_owned();
    p.label = evil.to_owned();
    p.href = format!("/a?b=1&c={evil}");
    let h = Home {
        name: evil.to_owned(),
        lat: 50.0,
        lon: 9.0,
    };
    let t = MapText {
        title: evil.to_owned(),
        desc: evil.to_owned(),
        legend_title: evil.to_owned(),
        home_label: evil.to_owned(),
        kinds: vec![(evil.to_owned(), evil.to_owned())],
        statuses: vec![(evil.to_owned(), evil.to_owned())],
        inset_title: evil.to_owned(),
    };
    for size in [MapSize::Full, MapSize::Small] {
        let out = render_with_prefix(&h, std::slice::from_ref(&p), &t, size, evil);
        assert!(!out.to_lowercase().contains("<script"), "raw script tag");
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&#39;"));
        assert_well_formed(&out);
    }
    let mut js = place("js", 45.0, 5.0, "partnership", "active");
    js.href = "javascript:alert(1)".to_owned();
    let out = render(&home(), &[js], &text(), MapSize::Small);
    assert!(!out.contains("javascript:") && out.contains(r##"href="#""##));
}

#[test]
fn output_is_deterministic() {
    let a = render(&home(), &world_set(), &text(), MapSize::Full);
    let b = render(&home(), &world_set(), &text(), MapSize::Full);
    assert_eq!(a, b);
    let s1 = render(&home(), &europe()[..1], &text(), MapSize::Small);
    let s2 = render(&home(), &europe()[..1], &text(), MapSize::Small);
    assert_eq!(s1, s2);
}

#[test]
fn small_map_is_small_and_has_no_legend() {
    let svg = render(&home(), &europe()[..1], &text(), MapSize::Small);
    assert_eq!(view_box(&svg), (260.0, 200.0));
    assert!(!svg.contains(r#"class="twinmap twinmap-legend""#));
    assert!(svg.ends_with("</svg>"));
    assert!(svg.len() < 40_000, "small svg is {} bytes", svg.len());
    assert_eq!(svg.matches("<a href=").count(), 1);
    assert_well_formed(&svg);
}

#[test]
fn degenerate_positions_do_not_produce_nan() {
    let h = home();
    let same = place("same", h.lat, h.lon, "partnership", "active");
    let anti = place("anti", -h.lat, h.lon - 180.0, "partnership", "active");
    let pole = place("pole", 90.0, 0.0, "partnership", "active");
    for places in [
        vec![same.clone()],
        vec![anti.clone()],
        vec![same, anti, pole],
        vec![],
    ] {
        for size in [MapSize::Full, MapSize::Small] {
            let svg = render(&h, &places, &text(), size);
            assert!(
                !svg.contains("NaN") && !svg.contains("inf"),
                "non-finite number in output"
            );
            assert_well_formed(&svg);
        }
    }
}

#[test]
fn distance_is_public() {
    assert!((distance_km(52.52, 13.405, 48.8566, 2.3522) - 878.0).abs() < 3.0);
}
