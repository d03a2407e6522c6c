//! Markers and their labels: the home star and one link per partner.
//!
//! Owns the marker markup (`<a class="m kind-* status-*">` with hit circle,
//! symbol and label) and feeds the label placement with the marker positions.

use std::fmt::Write as _;

use super::labels::{self, Anchor, Request};
use super::style::{HOME_STAR, class_part, esc, f1, safe_href, shape};
use super::svg::Layout;
use super::view::{Rect, View};
use super::{Home, Place};

fn anchor_attr(a: Anchor) -> &'static str {
    match a {
        Anchor::Start => "",
        Anchor::Middle => r#" text-anchor="middle""#,
        Anchor::End => r#" text-anchor="end""#,
    }
}

/// Home marker (with its label when `home_label`) and the linked markers `idx`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn write_markers(
    o: &mut String,
    view: &View,
    lay: &Layout,
    home: &Home,
    hp: (f64, f64),
    home_label: bool,
    places: &[Place],
    pp: &[(f64, f64)],
    idx: &[usize],
    avoid: &[Rect],
) {
    let (hx, hy) = view.map(hp);
    let mut obstacles: Vec<Rect> = avoid.to_vec();
    let pos: Vec<(f64, f64)> = idx.iter().map(|&i| view.map(pp[i])).collect();
    let r = lay.sym + 1.0;
    obstacles.push(Rect {
        x0: hx - 11.0,
        y0: hy - 11.0,
        x1: hx + 11.0,
        y1: hy + 11.0,
    });
    obstacles.extend(pos.iter().map(|&(x, y)| Rect {
        x0: x - r,
        y0: y - r,
        x1: x + r,
        y1: y + r,
    }));
    let mut reqs = Vec::with_capacity(idx.len() + 1);
    if home_label {
        reqs.push(Request {
            x: hx,
            y: hy,
            r: 11.0,
            text: &home.name,
            font: lay.font,
            bold: true,
        });
    }
    for (&i, &(x, y)) in idx.iter().zip(&pos) {
        reqs.push(Request {
            x,
            y,
            r: lay.sym,
            text: &places[i].name,
            font: lay.font,
            bold: false,
        });
    }
    let placed = labels::place(&reqs, &obstacles, &view.out.grow(-3.0));
    let mut placed = placed.into_iter();
    if home_label {
        let _ = write!(
            o,
            r#"<g class="home" transform="translate({} {})">{HOME_STAR}"#,
            f1(hx),
            f1(hy)
        );
        if let Some(Some(l)) = placed.next() {
            let _ = write!(
                o,
                r#"<text class="lbl home-lbl" x="{}" y="{}"{}>{}</text>"#,
                f1(l.dx),
                f1(l.dy),
                anchor_attr(l.anchor),
                esc(&home.name)
            );
        }
        o.push_str("</g>");
    }
    for (&i, &(x, y)) in idx.iter().zip(&pos) {
        let pl = &places[i];
        let kind = class_part(&pl.kind);
        let name = if pl.label.trim().is_empty() {
            &pl.name
        } else {
            &pl.label
        };
        let _ = write!(
            o,
            r#"<a href="{}" class="m kind-{kind} status-{}" aria-label="{}" transform="translate({} {})"><circle class="hit" r="{}"/>{}"#,
            safe_href(&pl.href),
            class_part(&pl.status),
            esc(name),
            f1(x),
            f1(y),
            f1(lay.hit),
            shape(&kind)
        );
        if let Some(Some(l)) = placed.next() {
            let _ = write!(
                o,
                r#"<text class="lbl" x="{}" y="{}"{}>{}</text>"#,
                f1(l.dx),
                f1(l.dy),
                anchor_attr(l.anchor),
                esc(&pl.name)
            );
        }
        o.push_str("</a>");
    }
}
