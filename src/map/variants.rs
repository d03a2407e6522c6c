//! The map as a whole: which panels it has and in which renderings.
//!
//! The full map comes twice, as a wide rendering (`div.twinmap-v.twinmap-wide`)
//! and a narrow one for phones (`div.twinmap-v.twinmap-narrow`); the embedded
//! stylesheet shows one of them by a media query and hides the other with
//! `display:none`, which also takes it out of the tab order and the
//! accessibility tree. Each rendering holds a world panel and, when three or
//! more partners cluster around home on a world map, a detail panel zoomed to
//! that cluster, then the key of its numbered markers (`ol.map-key`). The
//! small map of a city page is one panel and its key.

use super::geo::haversine_km;
use super::markers::{KeyItem, key_html};
use super::projection::{X_MAX, Y_MAX, project};
use super::style::legend;
use super::svg::{Content, Data, Layout, NARROW, SMALL, WIDE, clean_prefix, panel};
use super::view::{Rect, View, fit, world_rect};
use super::{Home, MapSize, MapText, Place};

/// Places within this distance of home go into the detail map.
const DETAIL_RADIUS_KM: f64 = 1500.0;
/// Minimum number of places near home that calls for a detail map.
const DETAIL_MIN: usize = 3;

/// Renders the map; see [`super::render`].
pub(crate) fn render(
    home: &Home,
    places: &[Place],
    text: &MapText,
    size: &MapSize,
    prefix: &str,
) -> String {
    let p = clean_prefix(prefix);
    let hp = project(home.lon, home.lat);
    let pp: Vec<(f64, f64)> = places.iter().map(|pl| project(pl.lon, pl.lat)).collect();
    let d = Data {
        home,
        hp,
        places,
        pp: &pp,
    };
    match size {
        MapSize::Small => {
            let mut o = String::with_capacity(40_000);
            let mut key = Vec::new();
            let view = main_view(&d, &SMALL);
            let t = (text.title.as_str(), text.desc.as_str());
            panel(&mut o, &d, &view, &SMALL, &p, t, &Content::All, &mut key);
            o.push_str(&key_html(&key));
            o
        }
        MapSize::Full => {
            let mut o = String::with_capacity(300_000);
            for (lay, class, id) in [
                (&WIDE, "twinmap-wide", p.clone()),
                (&NARROW, "twinmap-narrow", format!("{p}-n")),
            ] {
                o.push_str(&format!(r#"<div class="twinmap-v {class}">"#));
                full(&mut o, &d, text, lay, &id);
                o.push_str("</div>");
            }
            o.push_str(&legend(text));
            o
        }
    }
}

/// One rendering of the full map: world (or zoomed) panel, detail panel, key.
fn full(o: &mut String, d: &Data<'_>, text: &MapText, lay: &Layout, id: &str) {
    let mut key: Vec<KeyItem> = Vec::new();
    let main = main_view(d, lay);
    let near = near_home(d);
    let t = (text.title.as_str(), text.desc.as_str());
    let detail = (main.is_world() && near.iter().filter(|n| **n).count() >= DETAIL_MIN)
        .then(|| detail_view(d, &near, lay))
        .flatten();
    match &detail {
        Some(dv) => {
            let world = Content::World {
                src: dv.src,
                near: &near,
            };
            panel(o, d, &main, lay, id, t, &world, &mut key);
            let dt = (text.inset_title.as_str(), text.desc.as_str());
            let detail = Content::Detail { near: &near };
            panel(o, d, dv, lay, &format!("{id}-z"), dt, &detail, &mut key);
        }
        None => panel(o, d, &main, lay, id, t, &Content::All, &mut key),
    }
    o.push_str(&key_html(&key));
}

/// Which places lie near enough to home for the detail map.
pub(crate) fn near_home(d: &Data<'_>) -> Vec<bool> {
    d.places
        .iter()
        .map(|pl| haversine_km(d.home.lat, d.home.lon, pl.lat, pl.lon) <= DETAIL_RADIUS_KM)
        .collect()
}

/// The main panel's view: zoomed to the data, or the whole world.
pub(crate) fn main_view(d: &Data<'_>, lay: &Layout) -> View {
    let mut all = vec![d.hp];
    all.extend(d.pp);
    match fit(&all, lay.aspect, lay.min_w, lay.pad) {
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
    }
}

/// The detail panel's view: home and the places near it, with room for labels.
pub(crate) fn detail_view(d: &Data<'_>, near: &[bool], lay: &Layout) -> Option<View> {
    let mut cluster = vec![d.hp];
    cluster.extend(d.pp.iter().zip(near).filter(|(_, n)| **n).map(|(q, _)| *q));
    // Labels near the edge can turn inwards: a narrower margin gives a larger scale.
    let src = fit(&cluster, lay.detail_aspect, 0.1, lay.pad * 0.6)?;
    Some(View {
        src,
        out: Rect {
            x0: 0.0,
            y0: 0.0,
            x1: lay.w,
            y1: (lay.w / lay.detail_aspect).round(),
        },
    })
}
