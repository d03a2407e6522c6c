//! Clipping and compact SVG path data.
//!
//! Owns rectangle clipping of land rings (Sutherland–Hodgman) and polylines
//! (Liang–Barsky), simplification to what the map's scale can show (Douglas–Peucker in SVG
//! units), and the writer of short relative path data with one decimal place (deltas between
//! rounded coordinates, so no rounding drift).

use super::topo::Line;
use super::view::{Rect, View};

fn mapped_bbox(view: &View, b: &[f64; 4]) -> Rect {
    let (x0, y1) = view.map((b[0], b[1]));
    let (x1, y0) = view.map((b[2], b[3]));
    Rect { x0, y0, x1, y1 }
}

/// Detail below this many SVG units (about half a screen pixel at the map's natural size) is
/// dropped: a small map of the whole world shows no more than that, and the path data of
/// coastlines shrinks to a fraction.
pub(crate) const SIMPLIFY: f64 = 0.45;

/// The points of `pts` that matter at tolerance `tol` (Douglas–Peucker): first and last are
/// kept, and every point that lies farther than `tol` from the simplified line.
pub(crate) fn simplify(pts: &[(f64, f64)], tol: f64) -> Vec<(f64, f64)> {
    if pts.len() < 3 {
        return pts.to_vec();
    }
    let mut keep = vec![false; pts.len()];
    keep[0] = true;
    keep[pts.len() - 1] = true;
    let mut stack = vec![(0, pts.len() - 1)];
    let tol2 = tol * tol;
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (p, q) = (pts[a], pts[b]);
        let (dx, dy) = (q.0 - p.0, q.1 - p.1);
        let len2 = dx * dx + dy * dy;
        let mut far = (0.0, a);
        for (i, r) in pts.iter().enumerate().take(b).skip(a + 1) {
            let d2 = if len2 == 0.0 {
                (r.0 - p.0).powi(2) + (r.1 - p.1).powi(2)
            } else {
                let cross = dx * (r.1 - p.1) - dy * (r.0 - p.0);
                cross * cross / len2
            };
            if d2 > far.0 {
                far = (d2, i);
            }
        }
        if far.0 > tol2 {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    pts.iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

/// Path data of closed rings, clipped to `clip` (SVG units).
pub(crate) fn rings_d(lines: &[Line], view: &View, clip: &Rect) -> String {
    let mut pw = PathWriter::default();
    for l in lines {
        let bb = mapped_bbox(view, &l.bbox);
        if !bb.intersects(clip) {
            continue;
        }
        if (bb.x1 - bb.x0).abs() < SIMPLIFY && (bb.y1 - bb.y0).abs() < SIMPLIFY {
            continue;
        }
        let pts: Vec<(f64, f64)> = l.pts.iter().map(|&p| view.map(p)).collect();
        let pts = simplify(&pts, SIMPLIFY);
        let pts = if bb.x0 >= clip.x0 && bb.x1 <= clip.x1 && bb.y0 >= clip.y0 && bb.y1 <= clip.y1 {
            pts
        } else {
            clip_ring(pts, clip)
        };
        pw.ring(&pts);
    }
    pw.out
}

/// Path data of open polylines (SVG units after `view`), clipped to `clip`.
pub(crate) fn lines_d(lines: &[Line], view: &View, clip: &Rect) -> String {
    let mut pw = PathWriter::default();
    for l in lines {
        if !mapped_bbox(view, &l.bbox).intersects(clip) {
            continue;
        }
        let pts: Vec<(f64, f64)> = l.pts.iter().map(|&p| view.map(p)).collect();
        polyline_clipped(&mut pw, &simplify(&pts, SIMPLIFY), clip);
    }
    pw.out
}

/// Writes a polyline (SVG units) clipped to `clip` into `pw`.
pub(crate) fn polyline_clipped(pw: &mut PathWriter, pts: &[(f64, f64)], clip: &Rect) {
    let mut run: Vec<(f64, f64)> = Vec::new();
    for s in pts.windows(2) {
        match clip_segment(s[0], s[1], clip) {
            Some((a, b)) => {
                if run.last().is_some_and(|&p| p != a) {
                    pw.line(&run);
                    run.clear();
                }
                if run.is_empty() {
                    run.push(a);
                }
                run.push(b);
            }
            None => {
                pw.line(&run);
                run.clear();
            }
        }
    }
    pw.line(&run);
}

/// Liang–Barsky segment clipping.
fn clip_segment(a: (f64, f64), b: (f64, f64), r: &Rect) -> Option<((f64, f64), (f64, f64))> {
    if r.contains(a.0, a.1) && r.contains(b.0, b.1) {
        return Some((a, b));
    }
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - r.x0),
        (dx, r.x1 - a.0),
        (-dy, a.1 - r.y0),
        (dy, r.y1 - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then_some((
        (a.0 + t0 * dx, a.1 + t0 * dy),
        (a.0 + t1 * dx, a.1 + t1 * dy),
    ))
}

/// Sutherland–Hodgman clipping of a closed ring against a rectangle.
fn clip_ring(mut pts: Vec<(f64, f64)>, r: &Rect) -> Vec<(f64, f64)> {
    type Edge = (
        fn(&(f64, f64), f64) -> bool,
        fn((f64, f64), (f64, f64), f64) -> (f64, f64),
        f64,
    );
    let ix =
        |a: (f64, f64), b: (f64, f64), x: f64| (x, a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0));
    let iy =
        |a: (f64, f64), b: (f64, f64), y: f64| (a.0 + (b.0 - a.0) * (y - a.1) / (b.1 - a.1), y);
    let edges: [Edge; 4] = [
        (|p, v| p.0 >= v, ix, r.x0),
        (|p, v| p.0 <= v, ix, r.x1),
        (|p, v| p.1 >= v, iy, r.y0),
        (|p, v| p.1 <= v, iy, r.y1),
    ];
    for (inside, cross, v) in edges {
        let Some(&last) = pts.last() else { break };
        let mut out = Vec::with_capacity(pts.len() + 4);
        let mut prev = last;
        for &p in &pts {
            match (inside(&p, v), inside(&prev, v)) {
                (true, true) => out.push(p),
                (true, false) => {
                    out.push(cross(prev, p, v));
                    out.push(p);
                }
                (false, true) => out.push(cross(prev, p, v)),
                (false, false) => {}
            }
            prev = p;
        }
        pts = out;
    }
    pts
}

/// Writes SVG path data with one decimal place and relative commands.
///
/// Coordinates are rounded to tenths first and the deltas taken between the
/// rounded values, so rounding errors never accumulate.
#[derive(Default)]
pub(crate) struct PathWriter {
    /// The path data written so far.
    pub(crate) out: String,
    cur: (i64, i64),
    cmd: char,
    last_has_dot: bool,
}

fn tenths(v: f64) -> i64 {
    (v * 10.0).round() as i64
}

impl PathWriter {
    fn num(&mut self, n: i64) {
        let neg = n < 0;
        let a = n.unsigned_abs();
        let (int, frac) = (a / 10, a % 10);
        let mut s = String::new();
        if neg {
            s.push('-');
        }
        if int != 0 || frac == 0 {
            s.push_str(&int.to_string());
        }
        if frac != 0 {
            s.push('.');
            s.push_str(&frac.to_string());
        }
        let after_cmd =
            self.out.is_empty() || self.out.ends_with(|c: char| c.is_ascii_alphabetic());
        let self_delimiting = neg || (s.starts_with('.') && self.last_has_dot);
        let needs_sep = !after_cmd && !self_delimiting;
        if needs_sep {
            self.out.push(' ');
        }
        self.last_has_dot = frac != 0;
        self.out.push_str(&s);
    }

    fn command(&mut self, c: char) {
        if self.cmd != c {
            self.out.push(c);
            self.cmd = c;
        }
    }

    fn move_to(&mut self, p: (f64, f64)) {
        let q = (tenths(p.0), tenths(p.1));
        self.out.push('M');
        self.cmd = 'L'; // pairs after M are implicit absolute line-tos
        self.num(q.0);
        self.num(q.1);
        self.cur = q;
    }

    fn line_to(&mut self, p: (f64, f64)) -> bool {
        let q = (tenths(p.0), tenths(p.1));
        let (dx, dy) = (q.0 - self.cur.0, q.1 - self.cur.1);
        match (dx, dy) {
            (0, 0) => return false,
            (_, 0) => {
                self.command('h');
                self.num(dx);
            }
            (0, _) => {
                self.command('v');
                self.num(dy);
            }
            _ => {
                self.command('l');
                self.num(dx);
                self.num(dy);
            }
        }
        self.cur = q;
        true
    }

    /// Appends an open polyline (nothing for fewer than 2 points).
    pub(crate) fn line(&mut self, pts: &[(f64, f64)]) {
        if let [first, rest @ ..] = pts
            && !rest.is_empty()
        {
            let mark = self.out.len();
            self.move_to(*first);
            let mut drawn = false;
            for &p in rest {
                drawn |= self.line_to(p);
            }
            if !drawn {
                self.out.truncate(mark);
            }
        }
    }

    /// Appends a closed ring (nothing if it collapses to under 3 points).
    pub(crate) fn ring(&mut self, pts: &[(f64, f64)]) {
        if let [first, rest @ ..] = pts {
            let mark = self.out.len();
            let start = (tenths(first.0), tenths(first.1));
            // The closing point is implied by `z`.
            let mut rest = rest;
            while let [init @ .., last] = rest
                && (tenths(last.0), tenths(last.1)) == start
            {
                rest = init;
            }
            self.move_to(*first);
            let mut n = 1;
            for &p in rest {
                n += usize::from(self.line_to(p));
            }
            if n < 3 {
                self.out.truncate(mark);
                self.cmd = ' ';
            } else {
                self.out.push('z');
                self.cmd = 'z';
                self.cur = start;
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn simplify_keeps_corners_and_drops_wiggles() {
        let line = [(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 0.0), (3.0, 5.0)];
        assert_eq!(
            simplify(&line, 0.45),
            vec![(0.0, 0.0), (3.0, 0.0), (3.0, 5.0)]
        );
        // A ring (first = last) keeps its far corners.
        let ring = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)];
        assert_eq!(simplify(&ring, 0.45).len(), 5);
        // Nothing is lost at zero tolerance except exact duplicates on the line.
        let wiggle = [(0.0, 0.0), (1.0, 0.3), (2.0, 0.0)];
        assert_eq!(simplify(&wiggle, 0.0), wiggle.to_vec());
    }

    #[test]
    fn path_writer_is_compact_and_exact() {
        let mut pw = PathWriter::default();
        pw.ring(&[(10.0, 10.0), (10.55, 10.0), (10.55, 9.5), (10.0, 10.0)]);
        assert_eq!(pw.out, "M10 10h.6v-.5z");
        let mut pw = PathWriter::default();
        pw.line(&[(0.0, 0.0), (1.25, 2.5), (2.5, 5.0), (0.3, 0.1)]);
        assert_eq!(pw.out, "M0 0l1.3 2.5 1.2 2.5-2.2-4.9");
        let mut pw = PathWriter::default();
        pw.line(&[(1.0, 1.0), (1.01, 1.01)]);
        assert_eq!(pw.out, "");
    }

    #[test]
    fn clipping_rings_and_lines() {
        let r = Rect {
            x0: 0.0,
            y0: 0.0,
            x1: 10.0,
            y1: 10.0,
        };
        let ring = clip_ring(vec![(-5.0, 5.0), (5.0, -5.0), (15.0, 5.0), (5.0, 15.0)], &r);
        assert!(ring.iter().all(|&(x, y)| r.grow(1e-9).contains(x, y)));
        assert_eq!(
            clip_ring(vec![(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], &r).len(),
            0
        );
        assert_eq!(
            clip_segment((-5.0, 5.0), (15.0, 5.0), &r),
            Some(((0.0, 5.0), (10.0, 5.0)))
        );
        assert_eq!(clip_segment((-5.0, 20.0), (15.0, 20.0), &r), None);
    }
}
