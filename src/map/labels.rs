//! Greedy placement of city labels next to their markers.
//!
//! Owns the text-width estimate and the choice, per label, of one of sixteen
//! candidate positions around its marker (right, left, above, below, the
//! diagonals, each close and a little further out). A position is taken only if
//! the label stays inside the panel, overlaps no other label, no marker and no
//! hard obstacle (an inset frame, a title), and no other marker lies as close to
//! the label as its own, so every name reads as belonging to its own marker.
//! Among such positions the one crossing the fewest connection lines wins. The
//! most crowded markers (then the longest names) are placed first. A label
//! that fits nowhere is left out (`None`): the caller numbers that marker.

use super::grid::Grid;
use super::view::Rect;

/// How the text is anchored at its `x` coordinate (SVG `text-anchor`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// `start` (the default, not written out).
    Start,
    /// `middle`.
    Middle,
    /// `end`.
    End,
}

/// A placed label, relative to its marker's centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Placed {
    /// Text x offset from the marker centre.
    pub(crate) dx: f64,
    /// Baseline y offset from the marker centre.
    pub(crate) dy: f64,
    /// Text anchor.
    pub(crate) anchor: Anchor,
    /// The label's box in SVG units (absolute).
    pub(crate) bbox: Rect,
}

/// One label to place: marker centre `(x, y)` in SVG units, marker radius `r`
/// and the text.
pub(crate) struct Request<'a> {
    /// Marker centre x.
    pub(crate) x: f64,
    /// Marker centre y.
    pub(crate) y: f64,
    /// Marker radius (gap between marker centre and label).
    pub(crate) r: f64,
    /// Label text.
    pub(crate) text: &'a str,
    /// Font size in SVG units.
    pub(crate) font: f64,
    /// Bold text (slightly wider).
    pub(crate) bold: bool,
}

/// Everything the labels must keep clear of.
pub(crate) struct Scene<'a> {
    /// Every marker centre of the panel with its symbol radius (the requests' own included).
    pub(crate) markers: &'a [(f64, f64, f64)],
    /// Areas no label may touch (frames, titles).
    pub(crate) hard: &'a [Rect],
    /// Areas a label should rather not cover (connection lines).
    pub(crate) soft: &'a [Rect],
    /// The panel; labels stay inside.
    pub(crate) bounds: Rect,
}

/// Free space kept between a label and anything else, in SVG units.
const GAP: f64 = 2.0;
/// How much nearer its own marker a label must be than any other marker.
const CLEAR: f64 = 6.0;

/// Rough advance width of `s` in a sans-serif system font at size `font`,
/// on the generous side (a label drawn narrower only leaves more room).
pub(crate) fn text_width(s: &str, font: f64, bold: bool) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | '\'' | '!' | '|' | ':' | ';' => 0.3,
            'f' | 'r' | 't' | 'I' | ' ' | '(' | ')' | '-' => 0.42,
            'm' | 'w' | 'M' | 'W' => 0.95,
            'A'..='Z' => 0.74,
            '0'..='9' => 0.66,
            c if c.is_ascii() => 0.64,
            _ => 0.7,
        })
        .sum();
    // Labels are semibold (600), the home label bold (700); many system fonts draw both bold.
    em * font * if bold { 1.08 } else { 1.05 }
}

/// Height of a label's box (ascent plus descent) for font size `font`.
pub(crate) fn text_height(font: f64) -> f64 {
    font * 1.2
}

/// Distance from the point `(x, y)` to the rectangle `b` (0 inside).
pub(crate) fn dist(b: &Rect, x: f64, y: f64) -> f64 {
    let dx = (b.x0 - x).max(0.0).max(x - b.x1);
    let dy = (b.y0 - y).max(0.0).max(y - b.y1);
    dx.hypot(dy)
}

/// The order in which labels are placed: the home town's (the bold one) first, then
/// those with the most neighbours within reach, then the longest.
fn order(reqs: &[Request<'_>], markers: &[(f64, f64, f64)]) -> Vec<usize> {
    let crowd: Vec<usize> = reqs
        .iter()
        .map(|q| {
            let reach = 3.0 * q.font + text_width(q.text, q.font, q.bold);
            markers
                .iter()
                .filter(|&&(x, y, _)| (x - q.x).hypot(y - q.y) < reach)
                .count()
        })
        .collect();
    let mut idx: Vec<usize> = (0..reqs.len()).collect();
    idx.sort_by(|&a, &b| {
        reqs[b]
            .bold
            .cmp(&reqs[a].bold)
            .then(crowd[b].cmp(&crowd[a]))
            .then(
                reqs[b]
                    .text
                    .chars()
                    .count()
                    .cmp(&reqs[a].text.chars().count()),
            )
            .then(a.cmp(&b))
    });
    idx
}

/// Places every label it can; returns one entry per request, in input order.
pub(crate) fn place(reqs: &[Request<'_>], scene: &Scene<'_>) -> Vec<Option<Placed>> {
    let b = &scene.bounds;
    let n = scene.markers.len() + scene.hard.len() + reqs.len();
    let mut solid = Grid::new(b, n);
    let mut marks = Grid::new(b, scene.markers.len());
    for &(x, y, r) in scene.markers {
        solid.insert(Rect {
            x0: x - r,
            y0: y - r,
            x1: x + r,
            y1: y + r,
        });
        marks.insert(Rect {
            x0: x,
            y0: y,
            x1: x,
            y1: y,
        });
    }
    for h in scene.hard {
        solid.insert(*h);
    }
    let mut soft = Grid::new(b, scene.soft.len());
    for s in scene.soft {
        soft.insert(*s);
    }
    let mut out = vec![None; reqs.len()];
    for i in order(reqs, scene.markers) {
        let q = &reqs[i];
        let best = candidates(q)
            .into_iter()
            .enumerate()
            .filter(|(_, (bx, _))| fits(q, bx, b, &mut solid, &mut marks))
            .map(|(k, (bx, p))| (soft.overlap(&bx) + k as f64 * 6.0, bx, p))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, bx, p)) = best {
            solid.insert(bx.grow(GAP));
            out[i] = Some(p);
        }
    }
    out
}

/// Whether the box `bx` for `q` is inside the panel, clear of everything placed,
/// and nearer to its own marker than to any other.
fn fits(q: &Request<'_>, bx: &Rect, bounds: &Rect, solid: &mut Grid, marks: &mut Grid) -> bool {
    let inside =
        bx.x0 >= bounds.x0 && bx.x1 <= bounds.x1 && bx.y0 >= bounds.y0 && bx.y1 <= bounds.y1;
    if !inside || solid.near(bx, 0.0).iter().any(|o| bx.overlap(o) > 0.0) {
        return false;
    }
    let own = dist(bx, q.x, q.y);
    marks.near(bx, own + CLEAR).iter().all(|m| {
        let same = (m.x0 - q.x).abs() < 0.05 && (m.y0 - q.y).abs() < 0.05;
        same || dist(bx, m.x0, m.y0) > own + CLEAR
    })
}

/// The candidate boxes around `q`, in order of preference.
fn candidates(q: &Request<'_>) -> Vec<(Rect, Placed)> {
    let w = text_width(q.text, q.font, q.bold);
    let h = text_height(q.font);
    let mut v = Vec::with_capacity(16);
    for far in [0.0, q.font * 0.5] {
        let g = q.r + 2.0 + far;
        let d = g * 0.75;
        // (box x0 and y0 relative to the centre, anchor, text x)
        let cands = [
            (g, -h / 2.0, Anchor::Start, g),
            (-g - w, -h / 2.0, Anchor::End, -g),
            (-w / 2.0, -g - h, Anchor::Middle, 0.0),
            (-w / 2.0, g, Anchor::Middle, 0.0),
            (d, -d - h, Anchor::Start, d),
            (-d - w, -d - h, Anchor::End, -d),
            (d, d, Anchor::Start, d),
            (-d - w, d, Anchor::End, -d),
        ];
        for (bx, by, anchor, tx) in cands {
            let bbox = Rect {
                x0: q.x + bx,
                y0: q.y + by,
                x1: q.x + bx + w,
                y1: q.y + by + h,
            };
            // The baseline sits at about 0.8 of the box height (ascent over ascent+descent).
            let dy = by + h * 0.78;
            v.push((
                bbox,
                Placed {
                    dx: tx,
                    dy,
                    anchor,
                    bbox,
                },
            ));
        }
    }
    v
}
