//! The map as users meet it: one linked, named marker per city, a view that fits the data,
//! nothing loaded from other hosts, and a page weight that stays small.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;

fn svg_of(html: &str) -> &str {
    let class = html
        .find("twinmap-full")
        .or_else(|| html.find("twinmap-small"))
        .expect("a map");
    let start = html[..class].rfind("<svg").unwrap();
    let end = html[start..].find("</svg>").unwrap() + start;
    &html[start..end]
}

fn view_box(svg: &str) -> String {
    let i = svg
        .find("viewbox=")
        .or_else(|| svg.find("viewBox="))
        .unwrap()
        + "viewBox=".len();
    let rest = svg[i..].trim_start_matches('"');
    rest[..rest.find('"').unwrap()].to_owned()
}

#[test]
fn every_city_is_one_named_link_on_the_map() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let html = read(&out, "map/index.html");
    let svg = svg_of(&html);
    for (href, label) in [
        (
            "/partner/cities/lyon/",
            "Lyon, Frankreich, Städtepartnerschaft seit\u{A0}1963",
        ),
        (
            "/partner/cities/krakow/",
            "Krakau, Polen, Städtefreundschaft seit\u{A0}1991",
        ),
    ] {
        let count = attr_values(svg, "href")
            .iter()
            .filter(|h| *h == href)
            .count();
        assert_eq!(count, 1, "{href} on the map {count} times");
        assert!(
            attr_values(svg, "aria-label").iter().any(|l| l == label),
            "no marker named {label}"
        );
    }
    assert!(
        !svg.contains("role=img") && !svg.contains("role=\"img\""),
        "no role=img around links"
    );
    assert!(svg.contains("<title"), "the map has a title");
    assert!(html.contains("<table"), "the same cities as a table");
    assert!(html.contains("id=p-lyon") || html.contains("id=\"p-lyon\""));
}

#[test]
fn european_partners_zoom_the_map_to_europe() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let europe = view_box(svg_of(&read(&out, "map/index.html")));
    let (_d, demo) = build_into_temp(&repo_root());
    let world = view_box(svg_of(&read(&demo, "map/index.html")));
    assert_eq!(
        world, "0 0 1000 487",
        "partners on four continents: the whole world"
    );
    assert_ne!(europe, world, "only European partners: a zoomed view");
}

#[test]
fn city_pages_and_home_show_a_map() {
    let (_t, out) = build_into_temp(&fixture("mini"));
    let lyon = read(&out, "cities/lyon/index.html");
    assert!(svg_of(&lyon).contains("Lyon"));
    assert!(read(&out, "index.html").contains("twinmap"));
}

#[test]
fn nothing_is_loaded_from_another_host() {
    let (_t, out) = build_into_temp(&repo_root());
    for f in files(&out) {
        if !(f.ends_with(".html") || f.ends_with(".css") || f.ends_with(".svg")) {
            continue;
        }
        let text = read(&out, &f);
        let markup = markup_without_attribute_values(&text);
        assert!(
            !text.contains("url(http") && !text.contains("url(//"),
            "{f} loads a CSS resource from elsewhere"
        );
        assert!(!text.contains("@import"), "{f}");
        // Attributes that make the browser load something: src, and href on link/use/image.
        for src in attr_values(&text, "src") {
            assert!(!src.contains("//"), "{f} loads {src}");
        }
        for tag in markup.split('<').skip(1) {
            let name = tag.split([' ', '>', '/']).next().unwrap_or("");
            if matches!(
                name,
                "link"
                    | "use"
                    | "image"
                    | "script"
                    | "iframe"
                    | "img"
                    | "source"
                    | "video"
                    | "audio"
            ) {
                let original = &text[text
                    .find(&format!("<{}", tag.split('>').next().unwrap_or("")))
                    .unwrap_or(0)..];
                let head = &original[..original.find('>').unwrap_or(original.len())];
                for h in attr_values(head, "href") {
                    assert!(
                        !h.starts_with("http") && !h.starts_with("//")
                            || h.starts_with("https://partner.musterstadt.example/"),
                        "{f}: <{name}> loads {h}"
                    );
                }
            }
        }
    }
}

#[test]
fn map_page_weight_stays_small() {
    let (_t, out) = build_into_temp(&repo_root());
    let size = std::fs::metadata(out.join("map/index.html")).unwrap().len();
    let home = std::fs::metadata(out.join("index.html")).unwrap().len();
    println!(
        "map page: {} KB, home page: {} KB (uncompressed)",
        size / 1024,
        home / 1024
    );
    assert!(size < 300 * 1024, "/map/ is {size} bytes");
}

#[test]
fn geojson_is_lon_lat_with_facts() {
    let (_t, out) = build_into_temp(&repo_root());
    let geo: serde_json::Value = serde_json::from_str(&read(&out, "data/cities.geojson")).unwrap();
    let features = geo["features"].as_array().unwrap();
    assert!(features.len() >= 9);
    for f in features {
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
        assert!(f["properties"]["country"].is_string() && f["properties"]["kind"].is_string());
    }
    let lyon = features.iter().find(|f| f["id"] == "lyon").unwrap();
    assert!(
        lyon["geometry"]["coordinates"][0].as_f64().unwrap() < 10.0,
        "lon first (Lyon is at 4.8 E, 45.8 N)"
    );
}

#[test]
fn the_map_page_has_a_wide_and_a_phone_rendering_with_a_key_for_numbered_markers() {
    let (_t, out) = build_into_temp(&fixture("large"));
    let html = read(&out, "map/index.html");
    let wide = html
        .find("twinmap-v twinmap-wide")
        .expect("a wide rendering");
    let narrow = html
        .find("twinmap-v twinmap-narrow")
        .expect("a phone rendering");
    assert!(wide < narrow);
    // World map and detail map in each rendering.
    assert_eq!(html[wide..narrow].matches("<svg").count(), 2);
    let phone = &html[narrow..html[narrow..].find("twinmap twinmap-legend").unwrap() + narrow];
    assert_eq!(phone.matches("<svg").count(), 2);
    // On a phone not every name fits: numbered markers, named and linked in the key.
    let key = phone
        .find("<ol class=map-key>")
        .or_else(|| phone.find(r#"<ol class="map-key">"#))
        .expect("a key on phones");
    let key = &phone[key..];
    let numbered = phone.matches(" numbered").count();
    assert!(numbered > 0);
    assert!(key.matches("<li").count() >= numbered);
    assert!(
        key.contains("/cities/"),
        "key entries link to the city pages"
    );
    // Ids stay unique on the page.
    let mut ids = attr_values(&html, "id");
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids on the map page");
    // The table still lists every city.
    let table = &html[html.find("<table").unwrap()..];
    assert!(table.matches("/cities/").count() >= 21);
}
