//! Map views: fitting a view to the data and caching its base layers.
//!
//! Owns the mapping from projected Equal Earth units to SVG user units, the
//! choice between a zoomed view and the whole world, and a small per-process
//! cache of the land/border path strings per view.

use std::sync::{Arc, Mutex, OnceLock};

use super::path::{lines_d, rings_d};
use super::projection::{X_MAX, Y_MAX};
use super::topo::world;

/// An axis-aligned rectangle `[x0, y0] – [x1, y1]` with `x0 < x1`, `y0 < y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    /// Left (projected units) or left (SVG units).
    pub(crate) x0: f64,
    /// Bottom (projected units, y up) or top (SVG units, y down).
    pub(crate) y0: f64,
    /// Right.
    pub(crate) x1: f64,
    /// Top (projected) or bottom (SVG).
    pub(crate) y1: f64,
}

impl Rect {
    /// Width of the rectangle.
    pub(crate) fn w(&self) -> f64 {
        self.x1 - self.x0
    }
    /// Height of the rectangle.
    pub(crate) fn h(&self) -> f64 {
        self.y1 - self.y0
    }
    /// The rectangle grown by `m` on every side.
    pub(crate) fn grow(&self, m: f64) -> Rect {
        Rect {
            x0: self.x0 - m,
            y0: self.y0 - m,
            x1: self.x1 + m,
            y1: self.y1 + m,
        }
    }
    /// Area shared with `o` (0 if disjoint).
    pub(crate) fn overlap(&self, o: &Rect) -> f64 {
        let w = self.x1.min(o.x1) - self.x0.max(o.x0);
        let h = self.y1.min(o.y1) - self.y0.max(o.y0);
        if w > 0.0 && h > 0.0 { w * h } else { 0.0 }
    }
    /// True if the rectangles touch or overlap.
    pub(crate) fn intersects(&self, o: &Rect) -> bool {
        self.x0 <= o.x1 && o.x0 <= self.x1 && self.y0 <= o.y1 && o.y0 <= self.y1
    }
    pub(crate) fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
}

/// The whole projected world (the sphere outline's bounding box).
pub(crate) const WORLD: Rect = Rect {
    x0: -X_MAX,
    y0: -Y_MAX,
    x1: X_MAX,
    y1: Y_MAX,
};

/// Maps a projected rectangle (`src`, y up) onto an SVG box (`out`, y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct View {
    /// Visible part of the projected plane.
    pub(crate) src: Rect,
    /// Target box in SVG user units.
    pub(crate) out: Rect,
}

impl View {
    /// SVG units per projected unit.
    pub(crate) fn scale(&self) -> f64 {
        self.out.w() / self.src.w()
    }
    /// Projected point to SVG point.
    pub(crate) fn map(&self, (x, y): (f64, f64)) -> (f64, f64) {
        let s = self.scale();
        (
            self.out.x0 + (x - self.src.x0) * s,
            self.out.y0 + (self.src.y1 - y) * s,
        )
    }
    /// True when the whole world is shown.
    pub(crate) fn is_world(&self) -> bool {
        self.src.w() >= WORLD.w() * 0.99
    }
}

/// Fits `pts` (projected) into a rectangle with aspect `aspect` (w/h) so that
/// the points keep a free margin of `pad` of the width on the left and right and
/// of the height at the top and bottom (room for labels), at least `min_w` wide,
/// kept inside the world where possible. Returns `None` when the data needs
/// (nearly) the whole world.
pub(crate) fn fit(pts: &[(f64, f64)], aspect: f64, min_w: f64, pad: f64) -> Option<Rect> {
    let mut b = Rect {
        x0: f64::INFINITY,
        y0: f64::INFINITY,
        x1: f64::NEG_INFINITY,
        y1: f64::NEG_INFINITY,
    };
    for &(x, y) in pts {
        b = Rect {
            x0: b.x0.min(x),
            y0: b.y0.min(y),
            x1: b.x1.max(x),
            y1: b.y1.max(y),
        };
    }
    if !b.x0.is_finite() {
        return None;
    }
    let pad = pad.clamp(0.0, 0.4);
    let mut w = (b.w() / (1.0 - 2.0 * pad)).max(min_w);
    let mut h = b.h() / (1.0 - 2.0 * pad * 0.7);
    if w / h < aspect {
        w = h * aspect;
    } else {
        h = w / aspect;
    }
    if w > WORLD.w() * 0.62 || h > WORLD.h() * 0.7 {
        return None;
    }
    let cx = ((b.x0 + b.x1) / 2.0).clamp(WORLD.x0 + w / 2.0, WORLD.x1 - w / 2.0);
    let cy = ((b.y0 + b.y1) / 2.0).clamp(WORLD.y0 + h / 2.0, WORLD.y1 - h / 2.0);
    Some(Rect {
        x0: cx - w / 2.0,
        y0: cy - h / 2.0,
        x1: cx + w / 2.0,
        y1: cy + h / 2.0,
    })
}

/// The whole world centred in a box of aspect `aspect`.
pub(crate) fn world_rect(aspect: f64) -> Rect {
    let w = WORLD.w() * 1.01;
    let h = (WORLD.h() * 1.01).max(w / aspect);
    let w = w.max(h * aspect);
    Rect {
        x0: -w / 2.0,
        y0: -h / 2.0,
        x1: w / 2.0,
        y1: h / 2.0,
    }
}

/// Land fill and border mesh path data for a view (cached per view).
pub(crate) struct BasePaths {
    /// `d` of the land path (fill with `evenodd`).
    pub(crate) land: String,
    /// `d` of the interior-border mesh.
    pub(crate) borders: String,
}

type Cache = Mutex<Vec<(View, Arc<BasePaths>)>>;
const CACHE_SIZE: usize = 64;

/// Land and borders for `view`, clipped to its output box (plus a margin).
pub(crate) fn base_paths(view: &View) -> Arc<BasePaths> {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    if let Ok(c) = cache.lock()
        && let Some((_, p)) = c.iter().find(|(v, _)| v == view)
    {
        return Arc::clone(p);
    }
    let clip = view.out.grow(3.0);
    let w = world();
    let paths = Arc::new(BasePaths {
        land: rings_d(&w.land, view, &clip),
        borders: lines_d(&w.borders, view, &clip),
    });
    if let Ok(mut c) = cache.lock() {
        if c.len() >= CACHE_SIZE {
            c.remove(0);
        }
        c.push((*view, Arc::clone(&paths)));
    }
    paths
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn fit_zooms_or_gives_up() {
        let eu = [(0.0, 0.9), (0.2, 0.95), (-0.05, 0.8)];
        let r = fit(&eu, 1.5, 0.4, 0.1).unwrap();
        assert!(r.x0 < -0.05 - 0.25 * 0.1 && r.x1 > 0.2 + 0.25 * 0.1);
        assert!((r.w() / r.h() - 1.5).abs() < 1e-9);
        assert!(eu.iter().all(|&(x, y)| r.contains(x, y)));
        assert!(r.y1 <= Y_MAX + 1e-12);
        assert!(fit(&[(-2.0, 0.5), (2.0, -0.5)], 1.5, 0.4, 0.1).is_none());
        let tiny = fit(&[(0.1, 0.9), (0.1, 0.9)], 1.5, 0.4, 0.1).unwrap();
        assert!((tiny.w() - 0.4).abs() < 1e-9);
    }

    #[test]
    fn base_paths_are_cached_and_clipped() {
        let view = View {
            src: fit(&[(0.0, 0.9), (0.2, 0.95)], 1.5, 0.4, 0.1).unwrap(),
            out: Rect {
                x0: 0.0,
                y0: 0.0,
                x1: 300.0,
                y1: 200.0,
            },
        };
        let a = base_paths(&view);
        let b = base_paths(&view);
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!a.land.is_empty() && !a.borders.is_empty());
        let full = View {
            src: world_rect(2.0),
            out: Rect {
                x0: 0.0,
                y0: 0.0,
                x1: 300.0,
                y1: 150.0,
            },
        };
        assert!(base_paths(&full).land.len() > a.land.len());
    }
}
