//! Equal Earth projection (Šavrič, Patterson & Jenny 2018), forward only.
//!
//! Owns the closed-form formulas with the d3-geo constants and the world extent.
//! Output is in "radians-units" with y pointing **up** (north positive); the SVG
//! writer flips y. Central meridian is 0°.

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// `sqrt(3) / 2`.
const M: f64 = 0.866_025_403_784_438_6;

/// Half the width of the projected world (x at λ = ±180°, φ = 0°).
pub(crate) const X_MAX: f64 = 2.706_629_983_696_075;
/// Half the height of the projected world (y at φ = ±90°).
pub(crate) const Y_MAX: f64 = 1.317_362_759_157_413_3;

/// Projects longitude/latitude in **degrees** to Equal Earth `(x, y)`, y up.
///
/// Longitudes outside ±180° are projected linearly (x is linear in λ at a
/// fixed latitude); the map code relies on that to draw shifted ring copies.
pub(crate) fn project(lon: f64, lat: f64) -> (f64, f64) {
    let lambda = lon.to_radians();
    let phi = lat.clamp(-90.0, 90.0).to_radians();
    let t = (M * phi.sin()).clamp(-1.0, 1.0).asin();
    let t2 = t * t;
    let t6 = t2 * t2 * t2;
    let x = lambda * t.cos() / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    #[test]
    fn extents_match_known_values() {
        let (x, y) = project(180.0, 0.0);
        assert!(close(x, 2.7066, 1e-4) && close(y, 0.0, 1e-12));
        let (x, y) = project(-180.0, 0.0);
        assert!(close(x, -2.7066, 1e-4) && close(y, 0.0, 1e-12));
        let (x, y) = project(0.0, 90.0);
        assert!(close(x, 0.0, 1e-12) && close(y, 1.3174, 1e-4));
        let (_, y) = project(0.0, -90.0);
        assert!(close(y, -1.3174, 1e-4));
        assert!(close(project(180.0, 0.0).0, X_MAX, 1e-12));
        assert!(close(project(0.0, 90.0).1, Y_MAX, 1e-12));
        // Aspect ratio of the world ≈ 2.055 : 1.
        assert!(close(X_MAX / Y_MAX, 2.0546, 1e-3));
    }

    #[test]
    fn pole_line_is_59_percent_of_equator() {
        let (x, _) = project(180.0, 90.0);
        assert!(close(x, 1.603_588_648_284_051_6, 1e-9));
        assert!(close(x / X_MAX, 0.5925, 1e-3));
    }

    #[test]
    fn known_points_match_d3_geo() {
        // Reference values from d3-geo's geoEqualEarthRaw.
        let cases = [
            (9.7, 50.9, 0.119_427_408_596_275_35, 0.955_666_084_808_234),
            (
                -118.14,
                34.15,
                -1.628_270_214_826_140_5,
                0.669_831_881_001_704_3,
            ),
            (
                174.78,
                -41.29,
                2.310_260_865_892_579,
                -0.797_084_283_287_658_5,
            ),
        ];
        for (lon, lat, ex, ey) in cases {
            let (x, y) = project(lon, lat);
            assert!(close(x, ex, 1e-9), "x for {lon},{lat}: {x} vs {ex}");
            assert!(close(y, ey, 1e-9), "y for {lon},{lat}: {y} vs {ey}");
        }
    }

    #[test]
    fn linear_in_longitude_beyond_180() {
        let (a, _) = project(190.0, 40.0);
        let (b, _) = project(-170.0, 40.0);
        let (c, _) = project(10.0, 40.0);
        assert!(close(a - b, 36.0 * c, 1e-9));
    }
}
