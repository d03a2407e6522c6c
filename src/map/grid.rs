//! A uniform grid of rectangles for the label placement's overlap queries.
//!
//! A map of a thousand cities costs a thousand lookups of a few neighbours, not a
//! million comparisons.

use super::view::Rect;

/// Rectangles bucketed by the grid cells they touch.
pub(crate) struct Grid {
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
    pub(crate) fn new(bounds: &Rect, capacity: usize) -> Self {
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

    pub(crate) fn insert(&mut self, r: Rect) {
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

    /// The total area of `b` covered by the stored rectangles (each counted once), summed in
    /// the grid's fixed cell order, so the same input always gives the same sum.
    pub(crate) fn overlap(&mut self, b: &Rect) -> f64 {
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

impl Grid {
    /// The stored rectangles that overlap `b` or lie within `reach` of it, each once.
    pub(crate) fn near(&mut self, b: &Rect, reach: f64) -> Vec<Rect> {
        self.query += 1;
        let g = b.grow(reach);
        let (xs, ys) = self.span(&g);
        let mut out = Vec::new();
        for y in ys {
            for x in xs.clone() {
                for &id in &self.cells[y * self.cols + x] {
                    if self.seen[id] != self.query {
                        self.seen[id] = self.query;
                        if g.intersects(&self.rects[id]) {
                            out.push(self.rects[id]);
                        }
                    }
                }
            }
        }
        out
    }
}
