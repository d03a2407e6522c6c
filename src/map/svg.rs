//! The SVG writer: one accessible inline `<svg>` panel.
//!
//! Owns the sizes per rendering ([`Layout`]), the unique element ids, and the
//! markup and order of a panel's layers: title and description, ocean, land,
//! borders, connection lines, the frame marking the detail map's area, and the
//! markers with their labels.

use std::fmt::Write as _;

use super::geo::arc;
use super::markers::{KeyItem, Panel, write_markers};
use super::path::{PathWriter, polyline_clipped};
use super::projection::project;
use super::style::{CSS, HOME_STAR, class_part, f1};
use super::view::{Rect, View, base_paths};
use super::{Home, Place};
use crate::escape::escape_svg as esc;

/// Sizes of one rendering (SVG user units).
pub(crate) struct Layout {
    /// Width of the panel.
    pub(crate) w: f64,
    /// Width/height of a zoomed main panel.
    pub(crate) aspect: f64,
    /// Width/height of the detail map.
    pub(crate) detail_aspect: f64,
    /// Label font size.
    pub(crate) font: f64,
    /// Marker symbol radius.
    pub(crate) sym: f64,
    /// Radius of the transparent tap area.
    pub(crate) hit: f64,
    /// Narrowest zoomed view (projected units).
    pub(crate) min_w: f64,
    /// Free margin around the data (share of the width).
    pub(crate) pad: f64,
    /// Classes of the `<svg>` besides `twinmap`.
    pub(crate) class: &'static str,
    /// Whether country borders are drawn on a world view.
    pub(crate) world_borders: bool,
}

/// The wide rendering of the full map, shown from 48rem: at 713 CSS px (a 768 px window
/// less a scroll bar and the page margins) labels are 11.4 px, tap areas 24.2 px.
pub(crate) const WIDE: Layout = Layout {
    w: 1000.0,
    aspect: 1.6,
    detail_aspect: 1.6,
    font: 16.0,
    sym: 8.0,
    hit: 17.0,
    min_w: 0.5,
    pad: 0.11,
    class: "twinmap-full",
    world_borders: true,
};

/// The narrow rendering of the full map (shown on phones): 360 units across,
/// so at 280 CSS px labels are still 11.7 px and tap areas 25 px.
pub(crate) const NARROW: Layout = Layout {
    w: 360.0,
    aspect: 1.0,
    detail_aspect: 1.15,
    font: 15.0,
    sym: 8.0,
    hit: 16.0,
    min_w: 0.35,
    pad: 0.12,
    class: "twinmap-full twinmap-n",
    world_borders: false,
};

/// The small map of a city page (the facts box is 238–300 CSS px wide).
pub(crate) const SMALL: Layout = Layout {
    w: 260.0,
    aspect: 1.3,
    detail_aspect: 1.3,
    font: 13.0,
    sym: 8.0,
    hit: 14.0,
    min_w: 0.16,
    pad: 0.2,
    class: "twinmap-small",
    world_borders: false,
};

/// Keeps `[A-Za-z0-9_-]` and makes sure the id starts with a letter.
pub(crate) fn clean_prefix(p: &str) -> String {
    let s: String = p
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    if s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        s
    } else {
        format!("map{s}")
    }
}

/// The data shared by every panel of one map.
pub(crate) struct Data<'a> {
    pub(crate) home: &'a Home,
    pub(crate) hp: (f64, f64),
    pub(crate) places: &'a [Place],
    pub(crate) pp: &'a [(f64, f64)],
}

/// What a panel shows.
pub(crate) enum Content<'a> {
    /// Home and every place.
    All,
    /// The world with the places far from home; those `near` home are dots in a
    /// frame around `src`, the area of the detail map.
    World {
        /// The detail map's source area (projected units).
        src: Rect,
        /// Places shown in the detail map.
        near: &'a [bool],
    },
    /// The detail map: home and the places `near` it.
    Detail {
        /// Places shown here.
        near: &'a [bool],
    },
}

/// Writes one `<svg>` panel with ids `{id}-t`, `{id}-d`, `{id}-s`, `{id}-o`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn panel(
    o: &mut String,
    d: &Data<'_>,
    view: &View,
    lay: &Layout,
    id: &str,
    (title, desc): (&str, &str),
    content: &Content<'_>,
    key: &mut Vec<KeyItem>,
) {
    let (w, h) = (view.out.x1, view.out.y1);
    let _ = write!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="twinmap {}" viewBox="0 0 {} {}" width="{}" height="{}" aria-labelledby="{id}-t {id}-d">"#,
        lay.class,
        f1(w),
        f1(h),
        f1(w),
        f1(h)
    );
    let _ = write!(
        o,
        r#"<title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        esc(title),
        esc(desc)
    );
    let _ = write!(o, "<style>{CSS}</style>");
    let _ = write!(
        o,
        r#"<defs><clipPath id="{id}-s"><path id="{id}-o" d="{}"/></clipPath></defs>"#,
        outline_d(view)
    );
    let base = base_paths(view);
    o.push_str(r#"<g aria-hidden="true">"#);
    // No bare corners: a zoomed view may reach past the world's edge (paint it as sea), and
    // the world's outline leaves corners (paint them a paler blue).
    let _ = write!(
        o,
        r#"<rect class="{}" width="{}" height="{}"/>"#,
        if view.is_world() { "space" } else { "ocean" },
        f1(w),
        f1(h)
    );
    let _ = write!(
        o,
        r##"<g clip-path="url(#{id}-s)"><use href="#{id}-o" class="ocean"/><path class="land" fill-rule="evenodd" d="{}"/>"##,
        base.land
    );
    if lay.world_borders || !view.is_world() {
        let _ = write!(o, r#"<path class="border" d="{}"/>"#, base.borders);
    }
    o.push_str("</g>");
    if view.is_world() {
        let _ = write!(o, r##"<use href="#{id}-o" class="sphere"/>"##);
    }
    let (frame, near) = match content {
        Content::All => (None, None),
        Content::World { src, near } => (Some(*src), Some(*near)),
        Content::Detail { near } => (None, Some(*near)),
    };
    let near_of = |i: usize| near.is_some_and(|n| n.get(i).copied().unwrap_or(false));
    let framed = frame.is_some();
    let soft = write_arcs(o, view, d.home, d.places, |i| !(framed && near_of(i)));
    let mut hard = Vec::new();
    let mut dots = Vec::new();
    if let Some(src) = frame {
        let (x0, y1) = view.map((src.x0, src.y0));
        let (x1, y0) = view.map((src.x1, src.y1));
        let _ = write!(
            o,
            r#"<rect class="frame" x="{}" y="{}" width="{}" height="{}"/>"#,
            f1(x0),
            f1(y0),
            f1(x1 - x0),
            f1(y1 - y0)
        );
        hard.push(Rect { x0, y0, x1, y1 }.grow(3.0));
        for (i, pl) in d.places.iter().enumerate() {
            if near_of(i) {
                let (x, y) = view.map(d.pp[i]);
                let _ = write!(
                    o,
                    r#"<circle class="dot kind-{}" cx="{}" cy="{}" r="2.5"/>"#,
                    class_part(&pl.kind),
                    f1(x),
                    f1(y)
                );
                dots.push((x, y, 3.0));
            }
        }
        let (hx, hy) = view.map(d.hp);
        let _ = write!(
            o,
            r#"<g transform="translate({} {}) scale(.5)">{HOME_STAR}</g>"#,
            f1(hx),
            f1(hy)
        );
        dots.push((hx, hy, 6.0));
    }
    o.push_str("</g>");
    let idx: Vec<usize> = (0..d.places.len())
        .filter(|&i| match content {
            Content::All => true,
            Content::World { .. } => !near_of(i),
            Content::Detail { .. } => near_of(i),
        })
        .collect();
    let p = Panel {
        view,
        lay,
        home: !framed,
        idx: &idx,
        hard,
        soft,
        dots,
    };
    write_markers(o, &p, d.home, d.hp, d.places, d.pp, key);
    o.push_str("</svg>");
}

/// The world outline (±180° meridians and the pole lines) in SVG units.
fn outline_d(view: &View) -> String {
    let mut pts = Vec::with_capacity(74);
    for i in 0..=36 {
        pts.push(view.map(project(180.0, 90.0 - 5.0 * f64::from(i))));
    }
    for i in 0..=36 {
        pts.push(view.map(project(-180.0, -90.0 + 5.0 * f64::from(i))));
    }
    let mut pw = PathWriter::default();
    pw.ring(&pts);
    pw.out
}

/// One great-circle path per place, clipped to the view.
/// Returns small boxes along the drawn arcs, for the label placement to avoid.
fn write_arcs(
    o: &mut String,
    view: &View,
    home: &Home,
    places: &[Place],
    shown: impl Fn(usize) -> bool,
) -> Vec<Rect> {
    let clip = view.out.grow(3.0);
    let mut boxes = Vec::new();
    for (i, pl) in places.iter().enumerate() {
        if !shown(i) {
            continue;
        }
        let mut pw = PathWriter::default();
        for line in arc(home.lat, home.lon, pl.lat, pl.lon) {
            let pts: Vec<(f64, f64)> = line
                .iter()
                .map(|&(lon, lat)| view.map(project(lon, lat)))
                .collect();
            polyline_clipped(&mut pw, &pts, &clip);
            boxes.extend(
                pts.iter()
                    .filter(|&&(x, y)| clip.contains(x, y))
                    .map(|&(x, y)| Rect {
                        x0: x - 1.0,
                        y0: y - 1.0,
                        x1: x + 1.0,
                        y1: y + 1.0,
                    }),
            );
        }
        if !pw.out.is_empty() {
            let _ = write!(
                o,
                r#"<path class="arc status-{}" d="{}"/>"#,
                class_part(&pl.status),
                pw.out
            );
        }
    }
    boxes
}
