//! Markers and their labels: the home star and one link per partner.
//!
//! Owns the marker markup (`<a class="m kind-* status-*">` with hit circle,
//! symbol and label `text.lbl`; the home marker is `<g class="home">` with its
//! `text.lbl.home-lbl`), feeds the label placement with the marker positions and
//! numbers the markers whose name found no place (`a.m.numbered` with a
//! `text.lbl.num`), collecting them for the key under the map.

use std::fmt::Write as _;

use super::labels::{self, Anchor, Placed, Request, Scene};
use super::style::{HOME_STAR, class_part, f1, safe_href, shape};
use super::svg::Layout;
use super::view::{Rect, View};
use crate::escape::escape_svg as esc;

use super::{Home, Place};

fn anchor_attr(a: Anchor) -> &'static str {
    match a {
        Anchor::Start => "",
        Anchor::Middle => r#" text-anchor="middle""#,
        Anchor::End => r#" text-anchor="end""#,
    }
}

/// One entry of the key under the map: a marker shown with a number instead of its name.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct KeyItem {
    /// The number drawn at the marker.
    pub(crate) n: usize,
    /// The city's name.
    pub(crate) name: String,
    /// Link to the city's page (`None` for the home town).
    pub(crate) href: Option<String>,
}

/// What one panel (a map or its detail map) shows and must keep clear of.
pub(crate) struct Panel<'a> {
    /// The view of the panel.
    pub(crate) view: &'a View,
    /// Sizes.
    pub(crate) lay: &'a Layout,
    /// Whether the home marker (with its label) is drawn here.
    pub(crate) home: bool,
    /// Indices of the places drawn as linked markers.
    pub(crate) idx: &'a [usize],
    /// Areas no label may touch.
    pub(crate) hard: Vec<Rect>,
    /// Areas labels should avoid (connection lines).
    pub(crate) soft: Vec<Rect>,
    /// Further symbol centres and radii (decorative dots) that labels treat as markers.
    pub(crate) dots: Vec<(f64, f64, f64)>,
}

/// Radius of the home star.
const HOME_R: f64 = 11.0;

/// Writes the home marker (when `panel.home`) and the linked markers, numbering
/// those without room for their name; the numbered ones are appended to `key`.
pub(crate) fn write_markers(
    o: &mut String,
    panel: &Panel<'_>,
    home: &Home,
    hp: (f64, f64),
    places: &[Place],
    pp: &[(f64, f64)],
    key: &mut Vec<KeyItem>,
) {
    let (view, lay) = (panel.view, panel.lay);
    let (hx, hy) = view.map(hp);
    // Requests: home first (when drawn), then the places in `idx` order.
    let mut pos: Vec<(f64, f64, f64)> = Vec::with_capacity(panel.idx.len() + 1);
    let mut names: Vec<&str> = Vec::with_capacity(panel.idx.len() + 1);
    if panel.home {
        pos.push((hx, hy, HOME_R));
        names.push(&home.name);
    }
    for &i in panel.idx {
        let (x, y) = view.map(pp[i]);
        pos.push((x, y, lay.sym));
        names.push(&places[i].name);
    }
    spread(&mut pos, usize::from(panel.home), 2.0 * lay.sym + 2.0);
    let mut markers = pos.clone();
    markers.extend(&panel.dots);
    let bounds = view.out.grow(-2.0);
    let home_at = usize::from(panel.home);
    let reqs: Vec<Request<'_>> = pos
        .iter()
        .zip(&names)
        .enumerate()
        .map(|(k, (&(x, y, r), text))| Request {
            x,
            y,
            r,
            text,
            font: lay.font,
            bold: k < home_at,
        })
        .collect();
    let scene = Scene {
        markers: &markers,
        hard: &panel.hard,
        soft: &panel.soft,
        bounds,
    };
    let mut placed = labels::place(&reqs, &scene);
    // Markers without a name get a number, west to east and north to south.
    let mut missing: Vec<usize> = (0..placed.len()).filter(|&k| placed[k].is_none()).collect();
    missing.sort_by(|&a, &b| {
        let (pa, pb) = (pos[a], pos[b]);
        (pa.1 / 40.0)
            .floor()
            .total_cmp(&(pb.1 / 40.0).floor())
            .then(pa.0.total_cmp(&pb.0))
            .then(a.cmp(&b))
    });
    let mut numbers: Vec<Option<usize>> = vec![None; placed.len()];
    let first = key.len() + 1;
    let texts: Vec<String> = (0..missing.len())
        .map(|j| (first + j).to_string())
        .collect();
    for (j, &k) in missing.iter().enumerate() {
        numbers[k] = Some(first + j);
        let (name, href) = if k < home_at {
            (home.name.clone(), None)
        } else {
            let pl = &places[panel.idx[k - home_at]];
            (pl.name.clone(), Some(pl.href.clone()))
        };
        key.push(KeyItem {
            n: first + j,
            name,
            href,
        });
    }
    if !missing.is_empty() {
        let mut hard = panel.hard.clone();
        hard.extend(placed.iter().flatten().map(|p| p.bbox.grow(2.0)));
        let nreqs: Vec<Request<'_>> = missing
            .iter()
            .zip(&texts)
            .map(|(&k, t)| Request {
                text: t,
                bold: true,
                ..reqs[k]
            })
            .collect();
        let scene = Scene {
            hard: &hard,
            ..scene
        };
        for (&k, p) in missing.iter().zip(labels::place(&nreqs, &scene)) {
            placed[k] = p;
        }
    }
    let label = |o: &mut String, k: usize, p: &Option<Placed>, class: &str, name: &str| match (
        p, numbers[k],
    ) {
        (Some(l), None) => text_at(o, l, class, &esc(name)),
        (Some(l), Some(n)) => text_at(o, l, &format!("{class} num"), &n.to_string()),
        (None, Some(n)) => {
            let _ = write!(
                o,
                r#"<text class="num-in" text-anchor="middle" y="4.5">{n}</text>"#
            );
        }
        (None, None) => {}
    };
    if panel.home {
        let numbered = if numbers[0].is_some() {
            " numbered"
        } else {
            ""
        };
        let _ = write!(
            o,
            r#"<g class="home{numbered}" transform="translate({} {})">{HOME_STAR}"#,
            f1(hx),
            f1(hy)
        );
        label(o, 0, &placed[0], "lbl home-lbl", &home.name);
        o.push_str("</g>");
    }
    for (j, &i) in panel.idx.iter().enumerate() {
        let k = j + home_at;
        let pl = &places[i];
        let (x, y, _) = pos[k];
        let kind = class_part(&pl.kind);
        let name = if pl.label.trim().is_empty() {
            &pl.name
        } else {
            &pl.label
        };
        // The visible number is part of the marker's name (WCAG 2.5.3, label in name).
        let (name, numbered) = match numbers[k] {
            Some(n) => (format!("{n}: {name}"), " numbered"),
            None => (name.clone(), ""),
        };
        let _ = write!(
            o,
            r#"<a href="{}" class="m kind-{kind} status-{}{numbered}" aria-label="{}" transform="translate({} {})"><circle class="hit" r="{}"/>{}"#,
            safe_href(&pl.href),
            class_part(&pl.status),
            esc(&name),
            f1(x),
            f1(y),
            f1(lay.hit),
            shape(&kind)
        );
        label(o, k, &placed[k], "lbl", &pl.name);
        o.push_str("</a>");
    }
}

/// Moves markers that would cover each other apart until their centres are at
/// least `min` apart (a few units at most on a detail map; the first `fixed`
/// markers, the home star, stay put). Deterministic.
pub(crate) fn spread(pos: &mut [(f64, f64, f64)], fixed: usize, min: f64) {
    for _ in 0..40 {
        let mut moved = false;
        for a in 0..pos.len() {
            for b in a + 1..pos.len() {
                let (dx, dy) = (pos[b].0 - pos[a].0, pos[b].1 - pos[a].1);
                let d = dx.hypot(dy);
                if d >= min - 1e-6 {
                    continue;
                }
                moved = true;
                // Coincident markers part along a fixed direction.
                let (ux, uy) = if d < 1e-6 {
                    (0.6, 0.8)
                } else {
                    (dx / d, dy / d)
                };
                let push = min - d;
                let (sa, sb) = match (a < fixed, b < fixed) {
                    (true, true) => (0.0, 0.0),
                    (true, false) => (0.0, push),
                    (false, true) => (push, 0.0),
                    (false, false) => (push / 2.0, push / 2.0),
                };
                pos[a].0 -= ux * sa;
                pos[a].1 -= uy * sa;
                pos[b].0 += ux * sb;
                pos[b].1 += uy * sb;
            }
        }
        if !moved {
            break;
        }
    }
}

fn text_at(o: &mut String, l: &Placed, class: &str, text: &str) {
    let _ = write!(
        o,
        r#"<text class="{class}" x="{}" y="{}"{}>{text}</text>"#,
        f1(l.dx),
        f1(l.dy),
        anchor_attr(l.anchor),
    );
}

/// The key as HTML: `<ol class="map-key">` of the numbered markers, linking to their pages.
pub(crate) fn key_html(key: &[KeyItem]) -> String {
    if key.is_empty() {
        return String::new();
    }
    let mut o = String::from(r#"<ol class="map-key">"#);
    for k in key {
        let _ = write!(o, r#"<li value="{}">"#, k.n);
        match &k.href {
            Some(h) => {
                let _ = write!(o, r#"<a href="{}">{}</a>"#, safe_href(h), esc(&k.name));
            }
            None => o.push_str(&esc(&k.name)),
        }
        o.push_str("</li>");
    }
    o.push_str("</ol>");
    o
}
