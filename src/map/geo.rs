//! Spherical geometry: great-circle distance and great-circle arc sampling.
//!
//! Owns the haversine distance (mean Earth radius 6371.0088 km) and the slerp
//! sampling of the shortest great-circle path between two points, split into
//! pieces wherever the path crosses the antimeridian.

/// Mean Earth radius in kilometres (IUGG).
pub(crate) const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Number of segments used to sample one great-circle arc.
pub(crate) const ARC_SEGMENTS: usize = 48;

/// Great-circle (haversine) distance in kilometres between two points in degrees.
pub(crate) fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let p1 = lat1.to_radians();
    let p2 = lat2.to_radians();
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.clamp(0.0, 1.0).sqrt().asin()
}

type V3 = [f64; 3];

fn to_vec(lat: f64, lon: f64) -> V3 {
    let (p, l) = (lat.to_radians(), lon.to_radians());
    [p.cos() * l.cos(), p.cos() * l.sin(), p.sin()]
}

fn dot(a: V3, b: V3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

fn norm(a: V3) -> Option<V3> {
    let n = dot(a, a).sqrt();
    (n > 1e-12).then(|| [a[0] / n, a[1] / n, a[2] / n])
}

/// A unit vector perpendicular to `v` (used when the arc direction is undefined).
fn perpendicular(v: V3) -> V3 {
    // Prefer the direction towards the north pole; fall back to the x axis at the poles.
    let north = [0.0, 0.0, 1.0];
    let d = dot(v, north);
    norm([-d * v[0], -d * v[1], 1.0 - d * v[2]])
        .or_else(|| norm([1.0 - v[0] * v[0], -v[0] * v[1], -v[0] * v[2]]))
        .unwrap_or([0.0, 1.0, 0.0])
}

/// Samples the great circle from `(lat1, lon1)` to `(lat2, lon2)` (degrees).
///
/// Returns one or more polylines of `(lon, lat)` in degrees. The first point is
/// exactly the start and the last point exactly the end. The polyline is split
/// wherever two consecutive samples differ by more than 180° in longitude, so
/// no segment runs across the whole map. Identical points give an empty result;
/// antipodal points take the route through the northern direction.
pub(crate) fn arc(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> Vec<Vec<(f64, f64)>> {
    let v1 = to_vec(lat1, lon1);
    let v2 = to_vec(lat2, lon2);
    let c = dot(v1, v2).clamp(-1.0, 1.0);
    let d = c.acos();
    if d < 1e-9 {
        return Vec::new();
    }
    // Orthonormal direction u in the plane of v1 and v2 (stable for all d).
    let u = norm([v2[0] - c * v1[0], v2[1] - c * v1[1], v2[2] - c * v1[2]])
        .unwrap_or_else(|| perpendicular(v1));
    let mut pts = Vec::with_capacity(ARC_SEGMENTS + 1);
    pts.push((lon1, lat1));
    for i in 1..ARC_SEGMENTS {
        let a = d * i as f64 / ARC_SEGMENTS as f64;
        let (s, k) = a.sin_cos();
        let p = [
            k * v1[0] + s * u[0],
            k * v1[1] + s * u[1],
            k * v1[2] + s * u[2],
        ];
        let lat = p[2].atan2((p[0] * p[0] + p[1] * p[1]).sqrt()).to_degrees();
        let lon = p[1].atan2(p[0]).to_degrees();
        pts.push((lon, lat));
    }
    pts.push((lon2, lat2));
    split_antimeridian(pts)
}

/// Splits a polyline where consecutive longitudes jump by more than 180°.
fn split_antimeridian(pts: Vec<(f64, f64)>) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    for p in pts {
        if let Some(&(lon0, lat0)) = cur.last() {
            let dl = p.0 - lon0;
            if dl.abs() > 180.0 {
                // Interpolate the crossing latitude and end/start at ±180°.
                let edge = if lon0 > 0.0 { 180.0 } else { -180.0 };
                let lon1 = if dl > 0.0 { p.0 - 360.0 } else { p.0 + 360.0 };
                let t = if (lon1 - lon0).abs() > 1e-12 {
                    (edge - lon0) / (lon1 - lon0)
                } else {
                    0.0
                };
                let lat = lat0 + t * (p.1 - lat0);
                cur.push((edge, lat));
                out.push(std::mem::take(&mut cur));
                cur.push((-edge, lat));
            }
        }
        cur.push(p);
    }
    if cur.len() > 1 {
        out.push(cur);
    }
    out.retain(|l| l.len() > 1);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn known_distances() {
        let berlin_paris = haversine_km(52.52, 13.405, 48.8566, 2.3522);
        assert!((berlin_paris - 878.0).abs() < 3.0, "{berlin_paris}");
        let frankfurt_nanjing = haversine_km(50.1109, 8.6821, 32.0603, 118.7969);
        assert!(
            (frankfurt_nanjing - 8592.0).abs() < 10.0,
            "{frankfurt_nanjing}"
        );
        let germany_pasadena = haversine_km(50.9, 9.7, 34.15, -118.14);
        assert!(
            (germany_pasadena - 9270.0).abs() < 10.0,
            "{germany_pasadena}"
        );
        assert_eq!(haversine_km(10.0, 20.0, 10.0, 20.0), 0.0);
        let half = haversine_km(0.0, 0.0, 0.0, 180.0);
        assert!((half - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6);
    }

    #[test]
    fn endpoints_equal_inputs() {
        let a = arc(50.9, 9.7, 45.76, 4.84);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].first(), Some(&(9.7, 50.9)));
        assert_eq!(a[0].last(), Some(&(4.84, 45.76)));
        assert_eq!(a[0].len(), ARC_SEGMENTS + 1);
    }

    #[test]
    fn arc_crossing_antimeridian_is_split() {
        // Tokyo -> San Francisco crosses the date line.
        let a = arc(35.68, 139.69, 37.77, -122.42);
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].first(), Some(&(139.69, 35.68)));
        assert_eq!(a[1].last(), Some(&(-122.42, 37.77)));
        for line in &a {
            for w in line.windows(2) {
                assert!((w[1].0 - w[0].0).abs() <= 180.0);
            }
        }
        assert_eq!(a[0].last().unwrap().0, 180.0);
        assert_eq!(a[1].first().unwrap().0, -180.0);
        // Germany -> Fiji passes over Asia and stays in one piece.
        assert_eq!(arc(50.9, 9.7, -18.14, 178.44).len(), 1);
    }

    #[test]
    fn arc_midpoint_is_on_great_circle() {
        // Along the equator the midpoint is at lon 45.
        let a = arc(0.0, 0.0, 0.0, 90.0);
        let mid = a[0][ARC_SEGMENTS / 2];
        assert!((mid.0 - 45.0).abs() < 1e-9 && mid.1.abs() < 1e-9);
    }

    #[test]
    fn same_point_and_antipode_do_not_produce_nan() {
        assert!(arc(50.9, 9.7, 50.9, 9.7).is_empty());
        for (la, lo, la2, lo2) in [(50.9, 9.7, -50.9, -170.3), (90.0, 0.0, -90.0, 0.0)] {
            let a = arc(la, lo, la2, lo2);
            assert!(!a.is_empty());
            for p in a.iter().flatten() {
                assert!(p.0.is_finite() && p.1.is_finite());
            }
            assert_eq!(a.last().unwrap().last(), Some(&(lo2, la2)));
        }
    }
}
