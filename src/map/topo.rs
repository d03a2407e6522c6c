//! TopoJSON decoder for the bundled Natural Earth 1:110m world (world-atlas 2.0.2).
//!
//! Owns reading `data/countries-110m.json` (quantized, delta-encoded arcs; `~i`
//! means arc `i` reversed; Polygon and MultiPolygon only), dropping Antarctica,
//! unwrapping ring longitudes across the antimeridian, building the land rings
//! and the interior-border mesh (arcs shared by two countries), projecting them
//! with Equal Earth, and keeping the result for the lifetime of the process.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::projection::project;

/// The vendored TopoJSON file (properties stripped, geometry untouched).
const COUNTRIES_110M: &str = include_str!("data/countries-110m.json");

/// ISO 3166-1 numeric id of Antarctica, which is not drawn.
const ANTARCTICA: &str = "010";

/// A projected polyline or ring (Equal Earth units, y up) with its bounding box.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Projected points.
    pub(crate) pts: Vec<(f64, f64)>,
    /// `[xmin, ymin, xmax, ymax]` of `pts`.
    pub(crate) bbox: [f64; 4],
}

/// The decoded and projected world.
#[derive(Debug, Default)]
pub(crate) struct World {
    /// Closed land rings (outer rings and holes, fill with `evenodd`).
    pub(crate) land: Vec<Line>,
    /// Open polylines of borders between two countries.
    pub(crate) borders: Vec<Line>,
}

#[derive(Deserialize)]
struct Topology {
    transform: Option<Transform>,
    arcs: Vec<Vec<[f64; 2]>>,
    objects: BTreeMap<String, Collection>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection {
    #[serde(default)]
    geometries: Vec<Geometry>,
}

#[derive(Deserialize)]
#[serde(tag = "type")]
enum Geometry {
    Polygon {
        arcs: Vec<Vec<i64>>,
        id: Option<String>,
    },
    MultiPolygon {
        arcs: Vec<Vec<Vec<i64>>>,
        id: Option<String>,
    },
    #[serde(other)]
    Other,
}

impl Geometry {
    fn id(&self) -> Option<&str> {
        match self {
            Geometry::Polygon { id, .. } | Geometry::MultiPolygon { id, .. } => id.as_deref(),
            Geometry::Other => None,
        }
    }

    /// Polygons as lists of rings, each ring a list of arc references.
    fn polygons(&self) -> Vec<&[Vec<i64>]> {
        match self {
            Geometry::Polygon { arcs, .. } => vec![arcs.as_slice()],
            Geometry::MultiPolygon { arcs, .. } => arcs.iter().map(Vec::as_slice).collect(),
            Geometry::Other => Vec::new(),
        }
    }
}

/// The world, decoded on first use and shared afterwards.
pub(crate) fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| decode(COUNTRIES_110M).unwrap_or_default())
}

/// Index of the arc that a TopoJSON arc reference points to (`~i` = `-i-1`).
fn arc_index(r: i64) -> usize {
    (if r < 0 { !r } else { r }) as usize
}

/// Decodes a TopoJSON topology with objects `countries` and `land`.
pub(crate) fn decode(json: &str) -> Result<World, serde_json::Error> {
    let topo: Topology = serde_json::from_str(json)?;
    let arcs = absolute_arcs(&topo);
    let empty = Collection {
        geometries: Vec::new(),
    };
    let countries = topo.objects.get("countries").unwrap_or(&empty);
    let land = topo.objects.get("land").unwrap_or(&empty);

    // Arcs used by Antarctica, and for every arc the countries that use it.
    let mut antarctic = vec![false; arcs.len()];
    let mut owners: Vec<Vec<usize>> = vec![Vec::new(); arcs.len()];
    for (gi, g) in countries.geometries.iter().enumerate() {
        let is_antarctica = g.id() == Some(ANTARCTICA);
        for r in g.polygons().into_iter().flatten().flatten() {
            let i = arc_index(*r);
            if i >= arcs.len() {
                continue;
            }
            antarctic[i] |= is_antarctica;
            if !owners[i].contains(&gi) {
                owners[i].push(gi);
            }
        }
    }

    let mut world = World::default();
    for g in &land.geometries {
        for polygon in g.polygons() {
            let all_antarctic = polygon
                .iter()
                .flatten()
                .all(|r| antarctic.get(arc_index(*r)).copied().unwrap_or(false));
            if all_antarctic {
                continue;
            }
            for ring in polygon {
                let pts = stitch(&arcs, ring);
                if pts.len() >= 3 {
                    push_unwrapped(&mut world.land, pts);
                }
            }
        }
    }
    for (i, o) in owners.iter().enumerate() {
        if o.len() >= 2 && !antarctic[i] {
            push_unwrapped(&mut world.borders, arcs[i].clone());
        }
    }
    Ok(world)
}

/// Decodes the delta-encoded, quantized arcs into absolute lon/lat degrees.
fn absolute_arcs(topo: &Topology) -> Vec<Vec<(f64, f64)>> {
    topo.arcs
        .iter()
        .map(|arc| match &topo.transform {
            Some(t) => {
                let (mut x, mut y) = (0.0, 0.0);
                arc.iter()
                    .map(|[dx, dy]| {
                        x += dx;
                        y += dy;
                        (
                            x * t.scale[0] + t.translate[0],
                            y * t.scale[1] + t.translate[1],
                        )
                    })
                    .collect()
            }
            None => arc.iter().map(|[x, y]| (*x, *y)).collect(),
        })
        .collect()
}

/// Concatenates the referenced arcs into one ring (shared endpoints once).
fn stitch(arcs: &[Vec<(f64, f64)>], refs: &[i64]) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::new();
    for &r in refs {
        let Some(arc) = arcs.get(arc_index(r)) else {
            continue;
        };
        let pts: Vec<(f64, f64)> = if r < 0 {
            arc.iter().rev().copied().collect()
        } else {
            arc.clone()
        };
        let skip = usize::from(!out.is_empty());
        out.extend(pts.into_iter().skip(skip));
    }
    out
}

/// Unwraps longitudes so that consecutive points differ by at most 180°, then
/// projects the line. A line that leaves [−180°, 180°] gets a second copy shifted
/// by ∓360°; the part of either copy beyond the world outline is clipped away
/// when drawing (x is linear in λ, so this is exact for Equal Earth).
fn push_unwrapped(out: &mut Vec<Line>, mut pts: Vec<(f64, f64)>) {
    for i in 1..pts.len() {
        let prev = pts[i - 1].0;
        let mut lon = pts[i].0;
        while lon - prev > 180.0 {
            lon -= 360.0;
        }
        while lon - prev < -180.0 {
            lon += 360.0;
        }
        pts[i].0 = lon;
    }
    let max = pts.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let min = pts.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    if max > 180.0 + 1e-9 {
        out.push(projected(pts.iter().map(|&(lon, lat)| (lon - 360.0, lat))));
    }
    if min < -180.0 - 1e-9 {
        out.push(projected(pts.iter().map(|&(lon, lat)| (lon + 360.0, lat))));
    }
    out.push(projected(pts.into_iter()));
}

fn projected(pts: impl Iterator<Item = (f64, f64)>) -> Line {
    let pts: Vec<(f64, f64)> = pts.map(|(lon, lat)| project(lon, lat)).collect();
    let mut bbox = [
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    ];
    for &(x, y) in &pts {
        bbox = [
            bbox[0].min(x),
            bbox[1].min(y),
            bbox[2].max(x),
            bbox[3].max(y),
        ];
    }
    Line { pts, bbox }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::projection::{X_MAX, Y_MAX, project};
    use super::*;

    #[test]
    fn bundled_world_decodes_to_its_rings_and_borders() {
        // The world the map draws (decoded once; an unreadable file would leave it empty):
        // Natural Earth 1:110m without Antarctica.
        let w = world();
        assert_eq!((w.land.len(), w.borders.len()), (120, 326));
        assert_eq!(w.land.iter().map(|l| l.pts.len()).sum::<usize>(), 5819);
        // Iceland is one ring of its own, drawn where it lies; the sea around it is no land.
        let rings_around = |lon: f64, lat: f64| -> Vec<[f64; 4]> {
            let p = project(lon, lat);
            w.land
                .iter()
                .filter(|l| inside(&l.pts, p))
                .map(|l| l.bbox)
                .collect()
        };
        let iceland = rings_around(-18.5, 64.9);
        assert_eq!(iceland.len(), 1, "{iceland:?}");
        let (x0, y0) = project(-25.0, 63.0);
        let (x1, y1) = project(-13.0, 67.0);
        let b = iceland[0];
        assert!(x0 < b[0] && y0 < b[1] && b[2] < x1 && b[3] < y1, "{b:?}");
        assert_eq!(rings_around(-30.0, 40.0), Vec::<[f64; 4]>::new());
        assert_eq!(rings_around(10.0, 51.0).len(), 1, "Germany, on Eurasia");
    }

    /// Whether `p` lies inside the closed ring `pts` (even-odd rule).
    fn inside(pts: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
        let mut inside = false;
        for s in pts.windows(2) {
            let ((x0, y0), (x1, y1)) = (s[0], s[1]);
            if (y0 > y) != (y1 > y) && x < x0 + (y - y0) / (y1 - y0) * (x1 - x0) {
                inside = !inside;
            }
        }
        inside
    }

    #[test]
    fn antarctica_is_dropped() {
        let w = world();
        let (_, y60) = project(0.0, -60.0);
        assert!(w.land.iter().all(|l| l.bbox[3] > y60), "land south of 60°S");
        assert!(w.land.iter().all(|l| l.bbox[1] > -Y_MAX + 0.1));
    }

    #[test]
    fn no_segment_jumps_across_the_map() {
        let w = world();
        for line in w.land.iter().chain(&w.borders) {
            for s in line.pts.windows(2) {
                assert!(
                    (s[1].0 - s[0].0).abs() < X_MAX,
                    "stripe from {:?} to {:?}",
                    s[0],
                    s[1]
                );
            }
        }
    }

    /// x of the world outline (the ±180° meridian) at projected height `y`.
    fn edge_x(y: f64) -> f64 {
        let (mut lo, mut hi) = (-90.0, 90.0);
        for _ in 0..60 {
            let mid = (lo + hi) / 2.0;
            if project(0.0, mid).1 < y {
                lo = mid
            } else {
                hi = mid
            }
        }
        project(180.0, lo).0
    }

    #[test]
    fn rings_leaving_the_world_get_a_shifted_copy() {
        let mut out = Vec::new();
        push_unwrapped(
            &mut out,
            vec![
                (179.0, -16.0),
                (-179.0, -16.0),
                (-179.0, -17.0),
                (179.0, -17.0),
            ],
        );
        assert_eq!(out.len(), 2);
        let (e, w) = (&out[1], &out[0]);
        assert!((e.pts[1].0 - project(181.0, -16.0).0).abs() < 1e-12);
        assert!((w.pts[0].0 - project(-181.0, -16.0).0).abs() < 1e-12);
        // The real data has such rings (Fiji, Russia) on both sides.
        let beyond = |sign: f64| {
            world()
                .land
                .iter()
                .filter(|l| l.pts.iter().any(|&(x, y)| x * sign > edge_x(y) + 1e-6))
                .count()
        };
        assert!(beyond(1.0) >= 2, "{}", beyond(1.0));
        assert!(beyond(-1.0) >= 2, "{}", beyond(-1.0));
    }

    #[test]
    fn hand_made_topology_with_reversed_arc() {
        // Two squares sharing one arc; the second uses it reversed (~0 = -1).
        let json = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[0,0]},
          "arcs":[[[10,0],[0,10]],[[10,10],[-10,0],[0,-10],[10,0]],[[10,0],[10,0],[0,10],[-10,0]]],
          "objects":{"countries":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","arcs":[[0,1]],"id":"001"},
            {"type":"Polygon","arcs":[[-1,2]],"id":"002"}]},
           "land":{"type":"GeometryCollection","geometries":[
            {"type":"Polygon","arcs":[[1,2]]}]}}}"#;
        let w = decode(json).unwrap();
        assert_eq!(w.borders.len(), 1);
        let b = &w.borders[0].pts;
        assert_eq!(b.len(), 2);
        assert_eq!(b[0], project(10.0, 0.0));
        assert_eq!(b[1], project(10.0, 10.0));
        assert_eq!(w.land.len(), 1);
        assert_eq!(w.land[0].pts.len(), 7);
    }
}
