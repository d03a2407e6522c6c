//! The SVG writer: composes one accessible inline `<svg>` map.
//!
//! Owns the layout per [`MapSize`], the choice of view (zoomed or world), the
//! inset around the home town, the order and markup of the layers (ocean, land,
//! borders, arcs, markers, inset) and the unique element ids.

use std::fmt::Write as _;

use super::geo::{arc, haversine_km};
use super::labels;
use super::markers::write_markers;
use super::path::{PathWriter, polyline_clipped};
use super::projection::{X_MAX, Y_MAX, project};
use super::style::{CSS, HOME_STAR, class_part, esc, f1, legend};
use super::view::{Rect, View, base_paths, fit, world_rect};
use super::{Home, MapSize, MapText, Place};

/// Places within this distance of home go into the inset.
const INSET_RADIUS_KM: f64 = 1500.0;
/// Minimum number of places near home that triggers the inset.
const INSET_MIN: usize = 3;

/// Sizes of one map (SVG user units).
pub(crate) struct Layout {
    pub(crate) w: f64,
    pub(crate) aspect: f64,
    pub(crate) font: f64,
    pub(crate) sym: f64,
    pub(crate) hit: f64,
    pub(crate) min_w: f64,
    pub(crate) pad: f64,
    pub(crate) class: &'static str,
}

fn layout(size: &MapSize) -> Layout {
    match size {
        MapSize::Full => Layout {
            w: 1000.0,
            aspect: 1.6,
            font: 16.0,
            sym: 8.0,
            hit: 16.0,
            min_w: 0.5,
            pad: 0.11,
            class: "twinmap-full",
        },
        MapSize::Small => Layout {
            w: 480.0,
            aspect: 1.5,
            font: 15.0,
            sym: 8.0,
            hit: 13.0,
            min_w: 0.16,
            pad: 0.2,
            class: "twinmap-small",
        },
    }
}

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

/// Renders the map; see [`super::render`].
pub(crate) fn render(
    home: &Home,
    places: &[Place],
    text: &MapText,
    size: &MapSize,
    prefix: &str,
) -> String {
    let lay = layout(size);
    let p = clean_prefix(prefix);
    let hp = project(home.lon, home.lat);
    let pp: Vec<(f64, f64)> = places.iter().map(|pl| project(pl.lon, pl.lat)).collect();
    let mut all = vec![hp];
    all.extend(&pp);
    let main = match fit(&all, lay.aspect, lay.min_w, lay.pad) {
        Some(src) => View {
            src,
            out: Rect {
                x0: 0.0,
                y0: 0.0,
                x1: lay.w,
                y1: (lay.w / lay.aspect).round(),
            },
        },
        None => {
            let h = (lay.w * Y_MAX / X_MAX).round();
            View {
                src: world_rect(lay.w / h),
                out: Rect {
                    x0: 0.0,
                    y0: 0.0,
                    x1: lay.w,
                    y1: h,
                },
            }
        }
    };
    let near: Vec<bool> = places
        .iter()
        .map(|pl| haversine_km(home.lat, home.lon, pl.lat, pl.lon) <= INSET_RADIUS_KM)
        .collect();
    let inset = (matches!(size, MapSize::Full)
        && main.is_world()
        && near.iter().filter(|n| **n).count() >= INSET_MIN)
        .then(|| inset_view(&main, hp, &pp, &near))
        .flatten();
    let in_inset = |i: usize| inset.is_some() && near[i];

    let (w, h) = (main.out.x1, main.out.y1);
    let mut o = String::with_capacity(if main.is_world() { 160_000 } else { 40_000 });
    let _ = write!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="twinmap {}" viewBox="0 0 {} {}" width="{}" height="{}" aria-labelledby="{p}-t {p}-d">"#,
        lay.class,
        f1(w),
        f1(h),
        f1(w),
        f1(h)
    );
    let _ = write!(
        o,
        r#"<title id="{p}-t">{}</title><desc id="{p}-d">{}</desc>"#,
        esc(&text.title),
        esc(&text.desc)
    );
    let _ = write!(o, "<style>{CSS}</style>");
    let _ = write!(
        o,
        r#"<defs><clipPath id="{p}-s"><path id="{p}-o" d="{}"/></clipPath>"#,
        outline_d(&main)
    );
    if let Some(iv) = &inset {
        let b = iv.out;
        let _ = write!(
            o,
            r#"<clipPath id="{p}-ic"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
            f1(b.x0),
            f1(b.y0),
            f1(b.w()),
            f1(b.h())
        );
    }
    o.push_str("</defs>");

    // Decorative layers.
    let base = base_paths(&main);
    let _ = write!(
        o,
        r##"<g aria-hidden="true"><g clip-path="url(#{p}-s)"><use href="#{p}-o" class="ocean"/>"##
    );
    // A small map of the whole world is too small for country borders to help: leave them out
    // (they were as many bytes as the land).
    let borders = if matches!(size, MapSize::Small) && main.is_world() {
        ""
    } else {
        base.borders.as_str()
    };
    let _ = write!(
        o,
        r#"<path class="land" fill-rule="evenodd" d="{}"/>"#,
        base.land
    );
    if !borders.is_empty() {
        let _ = write!(o, r#"<path class="border" d="{borders}"/>"#);
    }
    o.push_str("</g>");
    if main.is_world() {
        let _ = write!(o, r##"<use href="#{p}-o" class="sphere"/>"##);
    }
    let mut avoid = write_arcs(&mut o, &main, home, places);
    for (i, pl) in places.iter().enumerate() {
        if in_inset(i) {
            let (x, y) = main.map(pp[i]);
            let _ = write!(
                o,
                r#"<circle class="dot kind-{}" cx="{}" cy="{}" r="3.5"/>"#,
                class_part(&pl.kind),
                f1(x),
                f1(y)
            );
        }
    }
    if let Some(iv) = &inset {
        let (x0, y1) = main.map((iv.src.x0, iv.src.y0));
        let (x1, y0) = main.map((iv.src.x1, iv.src.y1));
        let _ = write!(
            o,
            r#"<rect class="frame" x="{}" y="{}" width="{}" height="{}"/>"#,
            f1(x0),
            f1(y0),
            f1(x1 - x0),
            f1(y1 - y0)
        );
        let (hx, hy) = main.map(hp);
        let _ = write!(
            o,
            r#"<g transform="translate({} {}) scale(.6)">{HOME_STAR}</g>"#,
            f1(hx),
            f1(hy)
        );
        avoid.push(iv.out.grow(4.0));
    }
    o.push_str("</g>");

    let main_idx: Vec<usize> = (0..places.len()).filter(|&i| !in_inset(i)).collect();
    write_markers(
        &mut o,
        &main,
        &lay,
        home,
        hp,
        inset.is_none(),
        places,
        &pp,
        &main_idx,
        &avoid,
    );

    if let Some(iv) = &inset {
        let b = iv.out;
        let _ = write!(
            o,
            r#"<g role="group" aria-label="{}">"#,
            esc(&text.inset_title)
        );
        let rect = format!(
            r#"x="{}" y="{}" width="{}" height="{}""#,
            f1(b.x0),
            f1(b.y0),
            f1(b.w()),
            f1(b.h())
        );
        let ib = base_paths(iv);
        let _ = write!(
            o,
            r#"<g aria-hidden="true"><rect class="inset-bg" {rect}/><g clip-path="url(#{p}-ic)">"#
        );
        let _ = write!(
            o,
            r#"<path class="land" fill-rule="evenodd" d="{}"/><path class="border" d="{}"/>"#,
            ib.land, ib.borders
        );
        let mut avoid = write_arcs(&mut o, iv, home, places);
        let _ = write!(o, r#"</g><rect class="inset-edge" {rect}/>"#);
        let _ = write!(
            o,
            r#"<text class="inset-title" x="{}" y="{}">{}</text></g>"#,
            f1(b.x0 + 8.0),
            f1(b.y0 + 19.0),
            esc(&text.inset_title)
        );
        let idx: Vec<usize> = (0..places.len()).filter(|&i| near[i]).collect();
        let title = Rect {
            x0: b.x0,
            y0: b.y0,
            x1: b.x0 + 16.0 + labels::text_width(&text.inset_title, 14.0, true),
            y1: b.y0 + 26.0,
        };
        avoid.push(title);
        write_markers(&mut o, iv, &lay, home, hp, true, places, &pp, &idx, &avoid);
        o.push_str("</g>");
    }
    o.push_str("</svg>");
    if matches!(size, MapSize::Full) {
        o.push_str(&legend(text));
    }
    o
}

/// Picks a corner for the inset (fewest other markers underneath) and fits the
/// region around home into it.
fn inset_view(main: &View, hp: (f64, f64), pp: &[(f64, f64)], near: &[bool]) -> Option<View> {
    let (w, h) = (main.out.w() * 0.3, main.out.w() * 0.2);
    let (mw, mh, m) = (main.out.x1, main.out.y1, 6.0);
    let corners = [
        (m, mh - h - m),
        (mw - w - m, mh - h - m),
        (m, m),
        (mw - w - m, m),
    ];
    let mut cluster = vec![hp];
    let mut best: Option<(usize, Rect)> = None;
    for (x, y) in corners {
        let r = Rect {
            x0: x,
            y0: y,
            x1: x + w,
            y1: y + h,
        };
        let g = r.grow(24.0);
        let mut n = 0;
        for (i, &q) in pp.iter().enumerate() {
            let (px, py) = main.map(q);
            if g.contains(px, py) {
                n += if near[i] { 10 } else { 1 };
            }
        }
        let (hx, hy) = main.map(hp);
        n += if g.contains(hx, hy) { 10 } else { 0 };
        if best.is_none_or(|(b, _)| n < b) {
            best = Some((n, r));
        }
    }
    cluster.extend(pp.iter().zip(near).filter(|(_, n)| **n).map(|(q, _)| *q));
    let out = best?.1;
    let src = fit(&cluster, w / h, 0.3, 0.2)?;
    Some(View { src, out })
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
fn write_arcs(o: &mut String, view: &View, home: &Home, places: &[Place]) -> Vec<Rect> {
    let clip = view.out.grow(3.0);
    let mut boxes = Vec::new();
    for pl in places {
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
