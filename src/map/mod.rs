//! Offline world map: an accessible inline SVG of the partner cities.
//!
//! The map is drawn at build time from the bundled Natural Earth 1:110m
//! countries (world-atlas 2.0.2, see `data/README.md`) in the Equal Earth
//! projection: land, interior borders, a great-circle line from the home town to
//! every partner, a marker per partner (shape and colour by `kind`, outline by
//! `status`) and non-overlapping labels. The view fits the data (Europe only →
//! zoomed to Europe; worldwide → whole world plus an inset around home when
//! three or more partners lie within 1500 km of it). No JavaScript, no requests.
//!
//! # Output
//! [`render`] returns, for [`MapSize::Full`], an `<svg class="twinmap twinmap-full">`
//! immediately followed by an HTML legend `<div class="twinmap twinmap-legend">`
//! (a `<p class="twinmap-legend-title">` and a `<ul>`); for [`MapSize::Small`] only
//! the `<svg class="twinmap twinmap-small">`. Wrap it in a `<figure>` and put the
//! list of partners after it: the list carries the real information.
//!
//! # Accessibility
//! The svg has no `role="img"` (the markers are links) and is named by
//! `aria-labelledby="{prefix}-t {prefix}-d"` (`<title>`/`<desc>`). Ocean, land,
//! borders, arcs and the inset frame are in `aria-hidden="true"` groups. Each
//! partner is `<a href aria-label="{label}" class="m kind-{kind} status-{status}">`
//! holding a transparent hit circle (`.hit`, ≥ 24 px at typical display size), the
//! symbol (`.sym`) and the visible name (`.lbl`); `:focus-visible` highlights the
//! hit circle. The inset is a `<g role="group" aria-label="{inset_title}">`.
//!
//! # Ids and classes
//! Ids are `{prefix}-t`, `{prefix}-d`, `{prefix}-s` (sphere clip), `{prefix}-o`
//! (outline) and `{prefix}-ic` (inset clip). [`render`] uses the prefix `map-full`
//! or `map-small`; use [`render_with_prefix`] for two maps of one size on a page.
//! Classes: `ocean`, `sphere`, `land`, `border`, `arc` (+ `status-*`), `dot`
//! (small partner dot under the inset frame), `frame`, `home`, `home-sym`,
//! `home-lbl`, `m`, `kind-*`, `status-*`, `hit`, `sym`, `lbl`, `inset-bg`,
//! `inset-edge`, `inset-title`. The embedded `<style>` scopes every rule under
//! `.twinmap`; colours are custom properties with fallbacks (`--map-ocean`,
//! `--map-land`, `--map-border`, `--map-edge`, `--map-arc`, `--map-text`,
//! `--map-home`, `--map-partnership`, `--map-friendship`, `--map-cooperation`,
//! `--map-contact`, `--map-district`, `--map-project`, `--map-national`).
//!
//! All user text is escaped; `javascript:`, `vbscript:` and `data:` links become
//! `#`. Output is deterministic. The bundled data is decoded once per process
//! and land/border path data are cached per view.

mod geo;
mod labels;
mod markers;
mod path;
mod projection;
mod style;
mod svg;
mod topo;
mod view;

#[cfg(test)]
mod tests;

/// The escaping of every text and attribute value in the map's SVG.
pub use style::esc as escape_svg;

/// One partner city on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Slug, `[a-z0-9-]+`.
    pub id: String,
    /// Display name, e.g. "Lyon" (the visible label).
    pub name: String,
    /// Accessible name of the marker link, e.g. "Lyon, Frankreich, Partnerstadt seit 1981".
    pub label: String,
    /// Link target, a complete URL or path.
    pub href: String,
    /// Latitude in degrees (−90…90).
    pub lat: f64,
    /// Longitude in degrees (−180…180).
    pub lon: f64,
    /// partnership | friendship | cooperation | contact | district | project | national.
    pub kind: String,
    /// active | dormant | suspended | ended.
    pub status: String,
}

/// The home town: centre of the map and start of every connection line.
#[derive(Debug, Clone, PartialEq)]
pub struct Home {
    /// Name shown next to the home marker.
    pub name: String,
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
}

/// UI strings in the site language (the caller fills them from i18n files).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapText {
    /// `<title>` of the svg.
    pub title: String,
    /// `<desc>` of the svg.
    pub desc: String,
    /// Legend heading, e.g. "Legende".
    pub legend_title: String,
    /// Legend text for the home marker, e.g. "Musterstadt (Heimatstadt)".
    pub home_label: String,
    /// `(kind key, label)` for the kinds present, in legend order.
    pub kinds: Vec<(String, String)>,
    /// `(status key, label)` for the statuses present, in legend order.
    pub statuses: Vec<(String, String)>,
    /// Name of the inset, e.g. "Ausschnitt Europa".
    pub inset_title: String,
}

/// Which map to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapSize {
    /// The map page / home page: 1000 units wide, legend, inset when useful.
    Full,
    /// A city page: home and one partner, 480 units wide, no legend.
    Small,
}

/// Renders the map as an inline `<svg>…</svg>` string; for [`MapSize::Full`]
/// the HTML legend `<div class="twinmap twinmap-legend">…</div>` follows it.
/// Element ids use the prefix `map-full` / `map-small`.
pub fn render(home: &Home, places: &[Place], text: &MapText, size: MapSize) -> String {
    let prefix = match size {
        MapSize::Full => "map-full",
        MapSize::Small => "map-small",
    };
    svg::render(home, places, text, &size, prefix)
}

/// Like [`render`], with an explicit element-id prefix (`[A-Za-z0-9_-]`, other
/// characters are dropped) so that several maps can share one page.
pub fn render_with_prefix(
    home: &Home,
    places: &[Place],
    text: &MapText,
    size: MapSize,
    id_prefix: &str,
) -> String {
    svg::render(home, places, text, &size, id_prefix)
}

/// Great-circle distance in kilometres (haversine, mean Earth radius 6371.0088 km).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    geo::haversine_km(lat1, lon1, lat2, lon2)
}
