//! Greedy placement of city labels next to their markers.
//!
//! Owns the text-width estimate and the choice, per label, of one of eight
//! candidate positions around the marker: the first that overlaps neither an
//! already placed label nor a marker and stays inside the panel, otherwise the
//! one with the least overlap. Deterministic: labels are placed in input order.
//! Overlaps are looked up in a uniform grid, so a map of a thousand cities costs a
//! thousand lookups of a few neighbours, not a million comparisons.

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

/// Rough advance width of `s` in a sans-serif system font at size `font`.
pub(crate) fn text_width(s: &str, font: f64, bold: bool) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | '\'' | '!' | '|' | ':' | ';' => 0.27,
            'f' | 'r' | 't' | 'I' | ' ' | '(' | ')' | '-' => 0.35,
            'm' | 'w' | 'M' | 'W' => 0.85,
            'A'..='Z' => 0.68,
            '0'..='9' => 0.57,
            c if c.is_ascii() => 0.55,
            _ => 0.6,
        })
        .sum();
    // Labels are semibold (600), the home label bold (700).
    em * font * if bold { 1.16 } else { 1.12 }
}

/// Places every label; returns one `Placed` per request, in order.
/// `obstacles` are marker boxes and other areas to avoid, `bounds` the panel.
/// On a crowded map (more labels than this) a label that would overlap anything is left out:
/// hundreds of overlapping names help nobody, and each marker still names its city for
/// screen readers and in the table below the map.
const CROWDED: usize = 200;

pub(crate) fn place(
    reqs: &[Request<'_>],
    obstacles: &[Rect],
    bounds: &Rect,
) -> Vec<Option<Placed>> {
    let crowded = reqs.len() > CROWDED;
    let mut grid = Grid::new(bounds, obstacles.len() + reqs.len());
    for o in obstacles {
        grid.insert(*o);
    }
    let mut out = Vec::with_capacity(reqs.len());
    for q in reqs {
        let w = text_width(q.text, q.font, q.bold);
        let h = q.font * 1.15;
        let g = q.r + 3.0;
        let d = g * 0.75;
        // (box x0 relative to centre, box y0 relative to centre, anchor, text dx)
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
        if crowded {
            let free = cands.iter().find_map(|&(bx, by, anchor, tx)| {
                let b = Rect {
                    x0: q.x + bx,
                    y0: q.y + by,
                    x1: q.x + bx + w,
                    y1: q.y + by + h,
                };
                let inside = b.x0 >= bounds.x0
                    && b.x1 <= bounds.x1
                    && b.y0 >= bounds.y0
                    && b.y1 <= bounds.y1;
                (inside && !grid.touches_any(&b)).then_some((
                    b,
                    Placed {
                        dx: tx,
                        dy: by + q.font * 0.86,
                        anchor,
                    },
                ))
            });
            out.push(free.map(|(b, p)| {
                grid.insert(b);
                p
            }));
            continue;
        }
        let mut best: Option<(f64, Rect, Placed)> = None;
        for (i, &(bx, by, anchor, tx)) in cands.iter().enumerate() {
            let b = Rect {
                x0: q.x + bx,
                y0: q.y + by,
                x1: q.x + bx + w,
                y1: q.y + by + h,
            };
            let mut cost = grid.overlap(&b);
            let inside = b.overlap(bounds);
            cost += (w * h - inside) * 3.0;
            cost += i as f64 * 1e-3;
            let p = Placed {
                dx: tx,
                dy: by + q.font * 0.86,
                anchor,
            };
            if best.as_ref().is_none_or(|(c, _, _)| cost < *c) {
                best = Some((cost, b, p));
            }
            if cost < 0.01 {
                break;
            }
        }
        if let Some((_, b, p)) = best {
            grid.insert(b);
            out.push(Some(p));
        }
    }
    out
}

/// Rectangles bucketed by the grid cells they touch.
struct Grid {
    x0: f64,
    y0: f64,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<usize>>,
    rects: Vec<Rect>,
    /// Per rectangle: the query that last counted it (so each is counted once per query).
    seen: Vec<u32>,
    query: u32,
    hits: Vec<usize>,
}

const CELL: f64 = 32.0;

impl Grid {
    fn new(bounds: &Rect, capacity: usize) -> Self {
        let span = |a: f64, b: f64| (((b - a) / CELL).ceil().max(1.0) as usize).min(512);
        let (cols, rows) = (span(bounds.x0, bounds.x1), span(bounds.y0, bounds.y1));
        Self {
            x0: bounds.x0,
            y0: bounds.y0,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            rects: Vec::with_capacity(capacity),
            seen: Vec::with_capacity(capacity),
            query: 0,
            hits: Vec::new(),
        }
    }

    /// The cells a rectangle touches (rectangles outside the bounds land in the edge cells).
    fn span(
        &self,
        r: &Rect,
    ) -> (
        std::ops::RangeInclusive<usize>,
        std::ops::RangeInclusive<usize>,
    ) {
        let cell = |v: f64, origin: f64, n: usize| {
            let i = ((v - origin) / CELL).floor();
            if i <= 0.0 { 0 } else { (i as usize).min(n - 1) }
        };
        (
            cell(r.x0, self.x0, self.cols)..=cell(r.x1, self.x0, self.cols),
            cell(r.y0, self.y0, self.rows)..=cell(r.y1, self.y0, self.rows),
        )
    }

    fn insert(&mut self, r: Rect) {
        let id = self.rects.len();
        let (xs, ys) = self.span(&r);
        for y in ys {
            for x in xs.clone() {
                self.cells[y * self.cols + x].push(id);
            }
        }
        self.rects.push(r);
        self.seen.push(0);
    }

    /// Whether any stored rectangle overlaps `b` (stops at the first).
    fn touches_any(&self, b: &Rect) -> bool {
        let (xs, ys) = self.span(b);
        ys.into_iter().any(|y| {
            xs.clone().any(|x| {
                self.cells[y * self.cols + x]
                    .iter()
                    .any(|&id| b.overlap(&self.rects[id]) > 0.0)
            })
        })
    }

    /// The total area of `b` covered by the stored rectangles (each counted once), summed in
    /// the grid's fixed cell order, so the same input always gives the same sum.
    fn overlap(&mut self, b: &Rect) -> f64 {
        self.query += 1;
        self.hits.clear();
        let (xs, ys) = self.span(b);
        for y in ys {
            for x in xs.clone() {
                for &id in &self.cells[y * self.cols + x] {
                    if self.seen[id] != self.query {
                        self.seen[id] = self.query;
                        self.hits.push(id);
                    }
                }
            }
        }
        self.hits.iter().map(|&id| b.overlap(&self.rects[id])).sum()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn req(x: f64, y: f64, text: &str) -> Request<'_> {
        Request {
            x,
            y,
            r: 7.0,
            text,
            font: 16.0,
            bold: false,
        }
    }

    #[test]
    fn first_label_goes_right() {
        let bounds = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 1000.0,
            y1: 600.0,
        };
        let p = place(&[req(500.0, 300.0, "Lyon")], &[], &bounds);
        let p0 = p[0].unwrap();
        assert_eq!(p0.anchor, Anchor::Start);
        assert!(p0.dx > 7.0);
    }

    #[test]
    fn labels_near_the_edge_stay_inside() {
        let bounds = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 1000.0,
            y1: 600.0,
        };
        let p = place(&[req(990.0, 300.0, "Wellington")], &[], &bounds);
        assert_eq!(p[0].unwrap().anchor, Anchor::End);
    }

    #[test]
    fn close_labels_do_not_overlap() {
        let bounds = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 1000.0,
            y1: 600.0,
        };
        let reqs = [
            req(500.0, 300.0, "Verona"),
            req(505.0, 302.0, "Vicenza"),
            req(498.0, 296.0, "Padua"),
        ];
        let p: Vec<Placed> = place(&reqs, &[], &bounds).into_iter().flatten().collect();
        assert_eq!(p.len(), 3);
        let boxes: Vec<Rect> = reqs
            .iter()
            .zip(&p)
            .map(|(q, p)| {
                let w = text_width(q.text, 16.0, false);
                let x0 = match p.anchor {
                    Anchor::Start => q.x + p.dx,
                    Anchor::Middle => q.x + p.dx - w / 2.0,
                    Anchor::End => q.x + p.dx - w,
                };
                let y0 = q.y + p.dy - 16.0 * 0.86;
                Rect {
                    x0,
                    y0,
                    x1: x0 + w,
                    y1: y0 + 16.0 * 1.15,
                }
            })
            .collect();
        for i in 0..boxes.len() {
            for j in i + 1..boxes.len() {
                assert!(boxes[i].overlap(&boxes[j]) < 1e-6, "{i} and {j} overlap");
            }
        }
    }

    #[test]
    fn a_crowded_map_leaves_out_labels_that_would_overlap() {
        let bounds = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 1000.0,
            y1: 600.0,
        };
        // 400 cities on a small patch: far too many names to show.
        let names: Vec<String> = (0..400).map(|i| format!("Stadt {i}")).collect();
        let reqs: Vec<Request<'_>> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                req(
                    400.0 + (i % 20) as f64 * 6.0,
                    250.0 + (i / 20) as f64 * 6.0,
                    n,
                )
            })
            .collect();
        let placed = place(&reqs, &[], &bounds);
        assert_eq!(placed.len(), 400);
        let shown = placed.iter().flatten().count();
        assert!(shown > 0 && shown < 100, "{shown} labels shown");
    }
}
