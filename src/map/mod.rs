//! Offline world map: an accessible inline SVG of the partner cities.
//!
//! The map is drawn at build time from the bundled Natural Earth 1:110m
//! countries (world-atlas 2.0.2, see `data/README.md`) in the Equal Earth
//! projection: land, interior borders, a great-circle line from the home town to
//! every partner, a marker per partner (shape and colour by `kind`, outline by
//! `status`) and labels that overlap nothing and sit nearest their own marker
//! (a marker without room for its name shows a number, explained in a key under
//! the map). The view fits the data (Europe only → zoomed to Europe; worldwide →
//! the whole world plus a detail map around home when three or more partners lie
//! within 1500 km of it). No JavaScript, no requests.
//!
//! # Output
//! [`render`] returns, for [`MapSize::Full`], two renderings of the map, each a
//! `<div class="twinmap-v twinmap-wide">` (1000 units across, for wide screens) or
//! `<div class="twinmap-v twinmap-narrow">` (360 units, for phones) holding the
//! world `<svg class="twinmap twinmap-full">` (`twinmap-n` added in the narrow
//! one), then the detail map's `<svg>` when there is one, then the key
//! `<ol class="map-key">` when markers are numbered; the map's stylesheet shows
//! one rendering by a media query (48rem) and hides the other with `display:none`.
//! After both comes the HTML legend `<div class="twinmap twinmap-legend">`.
//! For [`MapSize::Small`] it returns one `<svg class="twinmap twinmap-small">`
//! (and its key, if any). Wrap it in a `<figure>` and put the list of partners
//! after it: the list carries the real information.
//!
//! # Accessibility
//! The svgs have no `role="img"` (the markers are links) and are named by
//! `aria-labelledby="{id}-t {id}-d"` (`<title>`/`<desc>`). Ocean, land,
//! borders, arcs, the detail map's frame and its dots are in `aria-hidden="true"`
//! groups. Each partner is `<a href aria-label="{label}" class="m kind-{kind}
//! status-{status}">` holding a transparent hit circle (`.hit`, ≥ 24 CSS px at
//! the widths each rendering is shown at), the symbol (`.sym`) and the visible
//! name (`text.lbl`) or, with class `numbered`, its number (`text.lbl.num`); the
//! key's entries link to the same pages. The home marker is `<g class="home">`
//! with the star (`.home-sym`) and `text.lbl.home-lbl`. `:focus-visible`
//! highlights the hit circle.
//!
//! # Ids and classes
//! Ids are `{id}-t`, `{id}-d`, `{id}-s` (sphere clip) and `{id}-o` (outline),
//! where `{id}` is the prefix for the wide world map, `{prefix}-z` for its detail
//! map, `{prefix}-n` and `{prefix}-n-z` for the narrow ones. [`render`] uses the
//! prefix `map-full` or `map-small`; use [`render_with_prefix`] for two maps of one
//! size on a page. Classes: `ocean`, `space` (beyond the world's outline), `sphere`, `land`, `border`, `arc` (+
//! `status-*`), `dot` (partner in the detail map, on the world map), `frame`,
//! `home`, `home-sym`, `home-lbl`, `m`, `numbered`, `kind-*`, `status-*`, `hit`,
//! `sym`, `lbl`, `num`, `num-in`, `map-key`. The embedded `<style>` scopes every
//! rule under `.twinmap`, `.twinmap-v` or `.map-key`; colours are custom
//! properties with fallbacks (`--map-ocean`, `--map-space`,
//! `--map-land`, `--map-border`, `--map-edge`, `--map-arc`, `--map-text`,
//! `--map-home`, `--map-partnership`, `--map-friendship`, `--map-cooperation`,
//! `--map-contact`, `--map-district`, `--map-project`, `--map-national`).
//!
//! All user text is escaped; `javascript:`, `vbscript:` and `data:` links become
//! `#`. Output is deterministic. The bundled data is decoded once per process
//! and land/border path data are cached per view.

mod geo;
mod grid;
mod labels;
mod markers;
mod path;
mod projection;
mod style;
mod svg;
mod topo;
mod variants;
mod view;

#[cfg(test)]
mod placement_tests;
#[cfg(test)]
mod tests;

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
    /// Title of the detail map around home, e.g. "Ausschnitt Europa".
    pub inset_title: String,
}

/// Which map to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapSize {
    /// The map page / home page: wide and narrow renderings, legend, detail map when useful.
    Full,
    /// A city page: home and one partner, 260 units wide, no legend.
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
    variants::render(home, places, text, &size, prefix)
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
    variants::render(home, places, text, &size, id_prefix)
}

/// Great-circle distance in kilometres (haversine, mean Earth radius 6371.0088 km).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    geo::haversine_km(lat1, lon1, lat2, lon2)
}
