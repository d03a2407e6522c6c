//! Machine-readable output: Atom feed, sitemap, robots.txt, open data (GeoJSON, JSON),
//! schema.org JSON-LD for events, and the map views. Each writer escapes for its own context.

use jiff::civil::Date;
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::cache::BuildCache;
use crate::content::model::Data;
use crate::escape::{script_safe_json, xml_attr_escape, xml_escape};
use crate::html_scan;
use crate::map;
use crate::output::Output;
use crate::render::i18n::Strings;
use crate::site::Site;

/// All feed and data files.
pub fn render(site: &Site, t: &Strings) -> Output {
    let mut out = Output::new();
    out.insert("atom.xml", atom(site, t));
    if site.lang.code == site.lang.default {
        out.insert(
            "robots.txt",
            format!(
                "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
                site.config.base_url.full
            ),
        );
    }
    out.insert("data/cities.geojson", geojson(site));
    out.insert("data/events.json", events_json(site));
    out
}

fn day_start(site: &Site, d: Date) -> String {
    d.to_datetime(jiff::civil::Time::midnight())
        .to_zoned(jiff::tz::TimeZone::get(&site.config.timezone).unwrap_or(jiff::tz::TimeZone::UTC))
        .map(|z| z.timestamp().to_string())
        .unwrap_or_else(|_| format!("{d}T00:00:00Z"))
}

fn atom(site: &Site, t: &Strings) -> String {
    let c = &site.config;
    let updated = site
        .news
        .iter()
        .filter_map(|&i| match &site.entries[i].data {
            Data::News(n) => Some(n.date),
            _ => None,
        })
        .max()
        .unwrap_or(site.now);
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"",
    );
    s.push_str(&xml_attr_escape(&c.language));
    s.push_str("\">\n");
    s.push_str(&format!("  <title>{}</title>\n", xml_escape(&c.title)));
    if let Some(d) = &c.description {
        s.push_str(&format!("  <subtitle>{}</subtitle>\n", xml_escape(d)));
    }
    s.push_str(&format!(
        "  <link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>\n",
        xml_attr_escape(&site.permalink("atom.xml"))
    ));
    s.push_str(&format!(
        "  <link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>\n",
        xml_attr_escape(&c.base_url.full)
    ));
    s.push_str(&format!(
        "  <id>{}</id>\n  <updated>{}</updated>\n",
        xml_escape(&c.base_url.full),
        day_start(site, updated)
    ));
    s.push_str(&format!(
        "  <author><name>{}</name></author>\n  <generator>twinsite</generator>\n",
        xml_escape(&c.title)
    ));
    for &i in site.news.iter().take(50) {
        let e = &site.entries[i];
        let Data::News(n) = &e.data else { continue };
        let url = site.permalink(&e.url_path());
        s.push_str("  <entry>\n");
        s.push_str(&format!(
            "    <title>{}</title>\n",
            xml_escape(&e.common.title)
        ));
        s.push_str(&format!(
            "    <link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>\n",
            xml_attr_escape(&url)
        ));
        s.push_str(&format!("    <id>{}</id>\n", xml_escape(&url)));
        s.push_str(&format!(
            "    <published>{0}</published>\n    <updated>{0}</updated>\n",
            day_start(site, n.date)
        ));
        for topic in &e.common.topics {
            s.push_str(&format!(
                "    <category term=\"{}\"/>\n",
                xml_attr_escape(topic)
            ));
        }
        if !e.summary_text.is_empty() {
            s.push_str(&format!(
                "    <summary>{}</summary>\n",
                xml_escape(&e.summary_text)
            ));
        }
        s.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            xml_escape(&absolute_links(
                &crate::pictures::page_pictures(site, e).content,
                c.base_url.origin(),
            ))
        ));
        s.push_str("  </entry>\n");
    }
    let _ = t;
    s.push_str("</feed>\n");
    s
}

/// Feed readers resolve links against the feed, not the page: every site-absolute path in a
/// URL attribute (`href`, `src`, … as [`html_scan`] finds them, quoted or not) gets `origin`
/// (`https://example.org`) in front. A protocol-relative `//host/…`, a full address, a
/// fragment and text that only looks like an attribute stay as they are.
fn absolute_links(html: &str, origin: &str) -> String {
    let scan = html_scan::scan(html);
    let mut out = String::with_capacity(html.len() + scan.urls.len() * origin.len());
    let mut last = 0;
    for u in &scan.urls {
        let value = html_scan::unescape(&html[u.range.clone()]);
        if value.starts_with('/') && !value.starts_with("//") {
            out.push_str(&html[last..u.range.start]);
            out.push_str(origin);
            last = u.range.start;
        }
    }
    out.push_str(&html[last..]);
    out
}

/// One page in `sitemap.xml`.
#[derive(Debug, Clone)]
pub struct SitemapUrl {
    /// Its full URL.
    pub loc: String,
    /// The same page in other languages (`hreflang` code, full URL), including itself and
    /// `x-default`; empty for a one-language site.
    pub alternates: Vec<(String, String)>,
}

/// `sitemap.xml` listing every page of every language, with language alternates.
pub fn sitemap(urls: &[SitemapUrl]) -> String {
    let multilingual = urls.iter().any(|u| !u.alternates.is_empty());
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
    );
    if multilingual {
        s.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    s.push_str(">\n");
    for u in urls {
        s.push_str(&format!("  <url><loc>{}</loc>", xml_escape(&u.loc)));
        for (lang, href) in &u.alternates {
            s.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                xml_attr_escape(lang),
                xml_attr_escape(href)
            ));
        }
        s.push_str("</url>\n");
    }
    s.push_str("</urlset>\n");
    s
}

fn geojson(site: &Site) -> String {
    let features: Vec<Value> = site
        .cities
        .iter()
        .filter_map(|&i| {
            let e = &site.entries[i];
            let c = e.city()?;
            Some(json!({
                "type": "Feature",
                "id": e.common.slug,
                "geometry": { "type": "Point", "coordinates": [round6(c.lon), round6(c.lat)] },
                "properties": {
                    "name": e.common.title,
                    "name_local": c.name_local,
                    "slug": e.common.slug,
                    "url": site.permalink(&e.url_path()),
                    "country": c.country,
                    "country_code": c.country_code,
                    "region": c.region,
                    "kind": c.kind,
                    "status": c.status,
                    "since": c.since.date.map_or_else(|| c.since.year.to_string(), |d| d.to_string()),
                    "ended": c.ended,
                    "activity": c.activity,
                    "sdgs": c.sdgs,
                    "population": c.population,
                    "website": c.website,
                    "languages": c.languages,
                    "distance_km": map::distance_km(site.config.home.lat, site.config.home.lon, c.lat, c.lon).round(),
                }
            }))
        })
        .collect();
    let doc = json!({ "type": "FeatureCollection", "features": features });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn events_json(site: &Site) -> String {
    let slugs = |idx: &[usize]| {
        idx.iter()
            .map(|&i| site.entries[i].common.slug.as_str())
            .collect::<Vec<_>>()
    };
    let items: Vec<String> = site
        .events
        .par_iter()
        .filter_map(|&i| {
            let e = &site.entries[i];
            // Each site publishes its own events; those it gathers stay with their sources.
            let ev = e.event().filter(|_| e.has_page())?;
            let rel = &site.relations[i];
            let item = EventItem {
                all_day: ev.time.is_none(),
                cities: slugs(&rel.cities),
                cost: ev.cost.as_deref(),
                date: ev.date.to_string(),
                end: ev.end.map(|t| t.strftime("%H:%M").to_string()),
                end_date: ev.end_date.map(|d| d.to_string()),
                location: ev.location.as_ref().map(|l| ItemLocation {
                    address: l.address.as_deref(),
                    lat: l.lat,
                    lon: l.lon,
                    name: l.name.as_deref(),
                }),
                occurrences: site
                    .occurrences_of(i)
                    .iter()
                    .map(|o| o.start.to_string())
                    .collect(),
                organizers: slugs(&rel.associations),
                registration: ev.registration.as_deref(),
                repeat: ev.repeat.as_ref().map(crate::calendar::rrule),
                slug: &e.common.slug,
                status: &ev.status,
                summary: &e.summary_text,
                time: ev.time.map(|t| t.strftime("%H:%M").to_string()),
                timezone: &site.config.timezone,
                title: &e.common.title,
                topics: &e.common.topics,
                uid: crate::calendar::uid_for(&crate::diagnostics::display_path(&e.source)),
                url: site.permalink(&e.url_path()),
            };
            serde_json::to_string_pretty(&item).ok()
        })
        .collect();
    versioned(pretty_list("events", &items))
}

/// `{"version": N, …}`: the version of `events.json` put first into the pretty-printed object
/// `list`, so that readers find it at once (see `docs/events.schema.json`).
fn versioned(list: String) -> String {
    let version = crate::network::events_json::VERSION;
    match list.strip_prefix("{\n") {
        Some(rest) => format!("{{\n  \"version\": {version},\n{rest}"),
        None => list,
    }
}

/// One event of `events.json`. Fields are in alphabetical order, as the file has always listed
/// them. `uid` is the event's UID in the site's calendar feeds, so that a site gathering both
/// the feed and this file shows the event once.
#[derive(serde::Serialize)]
struct EventItem<'a> {
    all_day: bool,
    cities: Vec<&'a str>,
    cost: Option<&'a str>,
    date: String,
    end: Option<String>,
    end_date: Option<String>,
    location: Option<ItemLocation<'a>>,
    occurrences: Vec<String>,
    organizers: Vec<&'a str>,
    registration: Option<&'a str>,
    repeat: Option<String>,
    slug: &'a str,
    status: &'a str,
    summary: &'a str,
    time: Option<String>,
    timezone: &'a str,
    title: &'a str,
    topics: &'a [String],
    uid: String,
    url: String,
}

/// An event's place in `events.json`, fields in alphabetical order.
#[derive(serde::Serialize)]
struct ItemLocation<'a> {
    address: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
    name: Option<&'a str>,
}

/// `{"<name>": [items]}` pretty-printed exactly as `serde_json::to_string_pretty` does, from
/// items pretty-printed on their own (in parallel). JSON text never holds a raw line break, so
/// indenting every line of an item is safe.
fn pretty_list(name: &str, items: &[String]) -> String {
    if items.is_empty() {
        return format!("{{\n  {}: []\n}}", Value::from(name));
    }
    let mut out = format!("{{\n  {}: [\n", Value::from(name));
    for (k, item) in items.iter().enumerate() {
        if k > 0 {
            out.push_str(",\n");
        }
        for (n, line) in item.lines().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            out.push_str("    ");
            out.push_str(line);
        }
    }
    out.push_str("\n  ]\n}");
    out
}

fn iso_with_offset(site: &Site, d: Date, t: Option<jiff::civil::Time>) -> String {
    match t {
        None => d.to_string(),
        Some(t) => {
            let tz =
                jiff::tz::TimeZone::get(&site.config.timezone).unwrap_or(jiff::tz::TimeZone::UTC);
            d.to_datetime(t)
                .to_zoned(tz)
                .map(|z| z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string())
                .unwrap_or_else(|_| format!("{d}T{}", t.strftime("%H:%M:%S")))
        }
    }
}

/// schema.org `Event` JSON-LD for event `i`, safe to embed in a script element.
pub fn event_json_ld(site: &Site, i: usize) -> EventJsonLd<'_> {
    let e = &site.entries[i];
    let Some(ev) = e.event() else {
        return EventJsonLd(None);
    };
    let start = site.next_occurrence(i).map_or(ev.date, |o| o.start);
    let span = ev.date.until(ev.last_day()).unwrap_or_default();
    let last = start.checked_add(span).unwrap_or(start);
    let end = match (ev.time, ev.end) {
        (Some(_), Some(end)) => Some(iso_with_offset(site, last, Some(end))),
        (None, _) if last != start => Some(last.to_string()),
        _ => None,
    };
    let status = match ev.status.as_str() {
        "cancelled" => "https://schema.org/EventCancelled",
        "postponed" => "https://schema.org/EventPostponed",
        _ => "https://schema.org/EventScheduled",
    };
    let home = site.config.home.name.as_str();
    let location = match &ev.location {
        Some(l) => LdPlace {
            kind: "Place",
            address: l.address.as_deref().unwrap_or(home),
            name: l.name.as_deref().unwrap_or(home),
        },
        None => LdPlace {
            kind: "Place",
            address: home,
            name: home,
        },
    };
    let organizer: Vec<LdOrganization> = site.relations[i]
        .associations
        .iter()
        .map(|&a| LdOrganization {
            kind: "Organization",
            name: &site.entries[a].common.title,
            url: site.permalink(&site.entries[a].url_path()),
        })
        .collect();
    let doc = LdEvent {
        context: "https://schema.org",
        kind: "Event",
        description: &e.summary_text,
        end_date: end,
        event_attendance_mode: "https://schema.org/OfflineEventAttendanceMode",
        event_status: status,
        location,
        name: &e.common.title,
        organizer,
        start_date: iso_with_offset(site, start, ev.time),
        url: site.permalink(&e.url_path()),
    };
    EventJsonLd(Some(doc))
}

/// An event's JSON-LD as a page value: in templates the script-safe JSON text (empty for a
/// page that is not an event), in a page's cache key its fields. The JSON text is only made
/// for pages that are rendered.
pub struct EventJsonLd<'a>(Option<LdEvent<'a>>);

impl serde::Serialize for EventJsonLd<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !crate::shared::keying() {
            return match &self.0 {
                Some(doc) => s.serialize_str(&script_safe_json(doc)),
                None => s.serialize_str(""),
            };
        }
        // Every field, none skipped, so the encoding tells all values apart.
        self.0
            .as_ref()
            .map(|d| {
                let organizers: Vec<(&str, &str)> = d
                    .organizer
                    .iter()
                    .map(|o| (o.name, o.url.as_str()))
                    .collect();
                (
                    (d.context, d.kind, d.description, &d.end_date),
                    (d.event_attendance_mode, d.event_status),
                    (d.location.kind, d.location.address, d.location.name),
                    (d.name, organizers, &d.start_date, &d.url),
                )
            })
            .serialize(s)
    }
}

/// An event's schema.org JSON-LD. Keys are in byte order, as the pages have always had them.
#[derive(serde::Serialize)]
struct LdEvent<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    description: &'a str,
    #[serde(rename = "endDate", skip_serializing_if = "Option::is_none")]
    end_date: Option<String>,
    #[serde(rename = "eventAttendanceMode")]
    event_attendance_mode: &'static str,
    #[serde(rename = "eventStatus")]
    event_status: &'static str,
    location: LdPlace<'a>,
    name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    organizer: Vec<LdOrganization<'a>>,
    #[serde(rename = "startDate")]
    start_date: String,
    url: String,
}

#[derive(serde::Serialize)]
struct LdPlace<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    address: &'a str,
    name: &'a str,
}

#[derive(serde::Serialize)]
struct LdOrganization<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: String,
}

/// The partner cities as map places.
pub fn map_places(site: &Site, t: &Strings) -> Vec<map::Place> {
    site.cities
        .iter()
        .filter_map(|&i| {
            let e = &site.entries[i];
            let c = e.city()?;
            let kind_key = format!("kind_{}", c.kind);
            let kind = t.get(&kind_key);
            let label = t.fill(
                "map_marker_label",
                &[
                    ("name", &e.common.title),
                    ("country", &c.country),
                    ("kind", kind),
                    ("since", &c.since.year.to_string()),
                ],
            );
            Some(map::Place {
                id: e.common.slug.clone(),
                name: e.common.title.clone(),
                label,
                href: site.url(&e.url_path()),
                lat: c.lat,
                lon: c.lon,
                kind: c.kind.clone(),
                status: c.status.clone(),
            })
        })
        .collect()
}

/// The map as inline SVG for `places`.
pub fn map_svg(
    site: &Site,
    t: &Strings,
    places: &[map::Place],
    size: map::MapSize,
    id: &str,
    cache: Option<&BuildCache>,
) -> String {
    let home = map::Home {
        name: site.config.home.name.clone(),
        lat: site.config.home.lat,
        lon: site.config.home.lon,
    };
    let mut kinds: Vec<(String, String)> = Vec::new();
    let mut statuses: Vec<(String, String)> = Vec::new();
    for p in places {
        if !kinds.iter().any(|(k, _)| *k == p.kind) {
            kinds.push((
                p.kind.clone(),
                t.get(&format!("kind_{}", p.kind)).to_owned(),
            ));
        }
        if !statuses.iter().any(|(k, _)| *k == p.status) {
            statuses.push((
                p.status.clone(),
                t.get(&format!("status_{}", p.status)).to_owned(),
            ));
        }
    }
    let text = map::MapText {
        title: match places {
            [one] if matches!(size, map::MapSize::Small) => t.fill(
                "map_small_title",
                &[("home", &home.name), ("city", &one.name)],
            ),
            _ => t.fill("map_svg_title", &[("home", &home.name)]),
        },
        desc: t.get("map_svg_desc").to_owned(),
        legend_title: t.get("map_legend").to_owned(),
        home_label: t.fill("map_home_label", &[("home", &home.name)]),
        kinds,
        statuses,
        inset_title: t.get("map_inset").to_owned(),
    };
    let prefix = format!("map-{id}");
    let draw = || map::render_with_prefix(&home, places, &text, size, &prefix);
    match cache {
        Some(c) => c.map_svg(&(&home, places, &text, size, &prefix), draw),
        None => draw(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "https://example.org";

    #[test]
    fn site_paths_in_attributes_get_the_origin() {
        let html = r#"<p><a href="/cities/lyon/">Lyon</a> <img src="/_img/a.jpg" alt=""></p>"#;
        assert_eq!(
            absolute_links(html, ORIGIN),
            r#"<p><a href="https://example.org/cities/lyon/">Lyon</a> <img src="https://example.org/_img/a.jpg" alt=""></p>"#
        );
        // Single quotes, no quotes, entities and upper case, as Markdown's raw HTML may have.
        assert_eq!(
            absolute_links(
                "<a href='/x'>x</a><A HREF=/y>y</A><a href=\"&#x2F;z\">z</a>",
                ORIGIN
            ),
            "<a href='https://example.org/x'>x</a><A HREF=https://example.org/y>y</A><a href=\"https://example.org&#x2F;z\">z</a>"
        );
        // Inline SVG and the other URL attributes the scanner knows.
        assert_eq!(
            absolute_links(
                r#"<svg><use xlink:href="/i.svg#m"/></svg><video poster="/p.jpg"></video>"#,
                ORIGIN
            ),
            r#"<svg><use xlink:href="https://example.org/i.svg#m"/></svg><video poster="https://example.org/p.jpg"></video>"#
        );
    }

    #[test]
    fn a_base_path_is_kept_behind_the_origin() {
        let html = r#"<a href="/twin/cities/">C</a><a href="/twin">H</a>"#;
        assert_eq!(
            absolute_links(html, ORIGIN),
            r#"<a href="https://example.org/twin/cities/">C</a><a href="https://example.org/twin">H</a>"#
        );
    }

    #[test]
    fn other_links_and_text_stay_as_they_are() {
        for html in [
            r#"<img src="//cdn.example/x.png" alt="">"#,
            r#"<a href="&#x2F;&#x2F;cdn.example/x">x</a>"#,
            r#"<a href="https://other.example/x">x</a>"#,
            r##"<a href="#top">x</a><a href="mailto:a@example.org">m</a><a href="x/y">r</a>"##,
            r#"<a href="">e</a><a href>n</a>"#,
            r#"<p>write href="/x" or src="/y" in the text</p>"#,
            r#"<p>href=&quot;/x&quot;</p><pre><code>&lt;a href="/x"&gt;</code></pre>"#,
            r#"<!-- <a href="/x"> --><span data-src="/x" title="/x">t</span>"#,
        ] {
            assert_eq!(absolute_links(html, ORIGIN), html);
        }
    }

    #[test]
    fn pretty_list_matches_serde_json() {
        let items = vec![
            json!({"a": "line\nbreak \"quoted\"", "b": [1, 2, {"c": null}], "d": [], "e": {}}),
            json!({"x": ["ü", "日本"], "y": 1.5}),
        ];
        let parts: Vec<String> = items
            .iter()
            .map(|v| serde_json::to_string_pretty(v).unwrap_or_default())
            .collect();
        let whole = serde_json::to_string_pretty(&json!({ "events": items })).unwrap_or_default();
        assert_eq!(pretty_list("events", &parts), whole);
        let empty = serde_json::to_string_pretty(&json!({ "events": [] })).unwrap_or_default();
        assert_eq!(pretty_list("events", &[]), empty);
        let v: serde_json::Value = serde_json::from_str(&versioned(whole)).unwrap_or_default();
        assert_eq!(v["version"], 1);
        assert_eq!(v["events"].as_array().map(Vec::len), Some(2));
    }
}
