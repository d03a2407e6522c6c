//! Tests of the label placement on rendered maps: no two labels overlap, each
//! label lies nearest its own marker, markers without room are numbered and
//! named in the key, and the detail map holds the whole cluster around home.

#![allow(clippy::unwrap_used)]

use super::labels::{dist, text_height, text_width};
use super::markers::spread;
use super::projection::project;
use super::svg::{Data, NARROW, WIDE};
use super::tests::{place, text};
use super::variants::{detail_view, near_home};
use super::view::Rect;
use super::*;

fn leipzig() -> Home {
    Home {
        name: "Leipzig".to_owned(),
        lat: 51.34,
        lon: 12.37,
    }
}

/// The 21 partner cities of the large test site, 16 of them in Europe.
fn large() -> Vec<Place> {
    [
        ("Addis Abeba", 9.03, 38.74),
        ("Bologna", 44.49, 11.34),
        ("Breslau", 51.11, 17.04),
        ("Brünn", 49.19, 16.61),
        ("Danzig", 54.35, 18.65),
        ("Frankfurt am Main", 50.11, 8.68),
        ("Hannover", 52.37, 9.73),
        ("Herzliya", 32.16, 34.84),
        ("Ho-Chi-Minh-Stadt", 10.82, 106.63),
        ("Houston", 29.76, -95.37),
        ("Kiew", 50.45, 30.52),
        ("Krakau", 50.06, 19.94),
        ("Ludwigshafen am Rhein", 49.48, 8.44),
        ("Lyon", 45.76, 4.84),
        ("Mailand", 45.46, 9.19),
        ("Nanjing", 32.06, 118.8),
        ("Posen", 52.41, 16.93),
        ("Prag", 50.08, 14.44),
        ("Straßburg", 48.57, 7.75),
        ("Travnik", 44.23, 17.66),
        ("Wien", 48.21, 16.37),
    ]
    .iter()
    .enumerate()
    .map(|(i, &(name, lat, lon))| {
        let mut p = place(&format!("c{i}"), lat, lon, "partnership", "active");
        p.name = name.to_owned();
        p
    })
    .collect()
}

/// 30 places within about 150 km of Leipzig: more names than fit.
fn dense() -> Vec<Place> {
    (0..30)
        .map(|i| {
            let (a, r) = (f64::from(i) * 2.4, 0.3 + f64::from(i % 5) * 0.25);
            let mut p = place(
                &format!("d{i}"),
                51.34 + r * a.sin(),
                12.37 + 1.6 * r * a.cos(),
                "friendship",
                "active",
            );
            p.name = format!("Ortschaft Nummer {i}");
            p
        })
        .collect()
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let s = &tag[tag.find(&format!(" {name}=\""))? + name.len() + 3..];
    Some(s[..s.find('"')?].to_owned())
}

fn translate(tag: &str) -> (f64, f64) {
    let t = attr(tag, "transform").unwrap();
    let t = t.trim_start_matches("translate(");
    let t = &t[..t.find(')').unwrap()];
    let mut it = t.split(' ').map(|n| n.parse::<f64>().unwrap());
    (it.next().unwrap(), it.next().unwrap())
}

/// A marker as drawn: centre, href, its label (text and box), whether it is numbered.
struct Marker {
    at: (f64, f64),
    href: Option<String>,
    label: Option<(String, Rect)>,
    numbered: bool,
}

/// The markers of one `<svg>` panel (linked ones and the home marker).
fn markers(svg: &str) -> Vec<Marker> {
    let font = if svg.contains("twinmap-n\"") {
        15.0
    } else if svg.contains("twinmap-small") {
        13.0
    } else {
        16.0
    };
    let mut out = Vec::new();
    for (start, end) in [("<a href=", "</a>"), ("<g class=\"home", "</g>")] {
        for (i, _) in svg.match_indices(start) {
            let el = &svg[i..i + svg[i..].find(end).unwrap()];
            let tag = &el[..el.find('>').unwrap()];
            let at = translate(tag);
            let label = el.find("<text class=\"lbl").map(|t| {
                let t = &el[t..];
                let ttag = &t[..t.find('>').unwrap()];
                let body = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
                let (dx, dy): (f64, f64) = (
                    attr(ttag, "x").unwrap().parse().unwrap(),
                    attr(ttag, "y").unwrap().parse().unwrap(),
                );
                let w = text_width(
                    body,
                    font,
                    ttag.contains("home-lbl") || ttag.contains("num"),
                );
                let h = text_height(font);
                let x0 = match attr(ttag, "text-anchor").as_deref() {
                    Some("middle") => dx - w / 2.0,
                    Some("end") => dx - w,
                    _ => dx,
                };
                let (x0, y0) = (at.0 + x0, at.1 + dy - 0.78 * h);
                let b = Rect {
                    x0,
                    y0,
                    x1: x0 + w,
                    y1: y0 + h,
                };
                (body.to_owned(), b)
            });
            // A number that found no place beside the marker is drawn on it.
            let inside = el.find("<text class=\"num-in\"").map(|t| {
                let t = &el[t..];
                let body = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
                (
                    body.to_owned(),
                    Rect {
                        x0: at.0,
                        y0: at.1,
                        x1: at.0,
                        y1: at.1,
                    },
                )
            });
            out.push(Marker {
                at,
                href: attr(tag, "href"),
                label: label.or(inside),
                numbered: tag.contains("numbered"),
            });
        }
    }
    out
}

fn panels(out: &str) -> Vec<&str> {
    out.split("<svg ")
        .skip(1)
        .map(|s| &s[..s.find("</svg>").unwrap()])
        .collect()
}

/// Checks labels of one panel; returns the number of numbered markers.
fn check_panel(svg: &str) -> usize {
    let ms = markers(svg);
    let labels: Vec<(usize, &Rect)> = ms
        .iter()
        .enumerate()
        .filter_map(|(i, m)| Some((i, &m.label.as_ref()?.1)))
        .filter(|(_, b)| b.w() > 0.0)
        .collect();
    for (a, &(i, ba)) in labels.iter().enumerate() {
        for &(j, bb) in &labels[a + 1..] {
            assert!(
                ba.overlap(bb) <= 0.0,
                "labels of markers {i} and {j} overlap in {svg:.200}"
            );
        }
        let own = dist(ba, ms[i].at.0, ms[i].at.1);
        for (j, m) in ms.iter().enumerate() {
            if j != i && m.at != ms[i].at {
                let other = dist(ba, m.at.0, m.at.1);
                assert!(
                    other > own,
                    "label {:?} is nearer marker {j} than its own",
                    ms[i].label
                );
            }
        }
    }
    for m in &ms {
        assert!(
            m.label.is_some() || m.numbered,
            "marker {:?} {:?} has neither name nor number in {}",
            m.at,
            m.href,
            &svg[..300]
        );
    }
    ms.iter().filter(|m| m.numbered).count()
}

#[test]
fn labels_never_overlap_and_sit_nearest_their_own_marker() {
    for (h, places) in [
        (leipzig(), large()),
        (leipzig(), dense()),
        (tests::home(), tests::world_set()),
    ] {
        for size in [MapSize::Full, MapSize::Small] {
            let sample = if size == MapSize::Small {
                &places[..1]
            } else {
                &places[..]
            };
            let out = render(&h, sample, &text(), size);
            for svg in panels(&out) {
                check_panel(svg);
            }
        }
    }
}

#[test]
fn markers_without_room_are_numbered_and_named_in_the_key() {
    let out = render(&leipzig(), &dense(), &text(), MapSize::Full);
    let wide = &out[..out.find("twinmap-v twinmap-narrow").unwrap()];
    let ms: Vec<Marker> = panels(wide).into_iter().flat_map(markers).collect();
    let numbered: Vec<&Marker> = ms.iter().filter(|m| m.numbered).collect();
    assert!(
        !numbered.is_empty(),
        "30 long names around one town cannot all fit"
    );
    let key = &wide[wide.find("<ol class=\"map-key\">").unwrap()..];
    for m in numbered {
        let (n, _) = m.label.as_ref().unwrap();
        let Some(href) = m.href.as_ref() else {
            assert!(key.contains(&format!(r#"<li value="{n}">Leipzig</li>"#)));
            continue;
        };
        assert!(
            key.contains(&format!(r#"<li value="{n}"><a href="{href}">"#)),
            "{n} {href} not in key"
        );
    }
    // Every city is still a link on the map, named or numbered.
    assert_eq!(ms.iter().filter(|m| m.href.is_some()).count(), 30);
    // A map where everything fits has no key.
    let few = render(&leipzig(), &large()[..3], &text(), MapSize::Full);
    assert!(!few.contains(r#"<ol class="map-key">"#));
}

#[test]
fn the_detail_map_holds_the_whole_cluster_with_room_between_markers() {
    let (h, places) = (leipzig(), large());
    let pp: Vec<(f64, f64)> = places.iter().map(|p| project(p.lon, p.lat)).collect();
    let d = Data {
        home: &h,
        hp: project(h.lon, h.lat),
        places: &places,
        pp: &pp,
    };
    let near = near_home(&d);
    assert_eq!(near.iter().filter(|n| **n).count(), 16);
    for lay in [&WIDE, &NARROW] {
        let v = detail_view(&d, &near, lay).unwrap();
        let m = v.src.w() * 0.05;
        let inner = v.src.grow(-m);
        for (q, _) in pp.iter().zip(&near).filter(|(_, n)| **n) {
            assert!(
                inner.contains(q.0, q.1),
                "{q:?} outside the detail map's margin"
            );
        }
        assert!(inner.contains(d.hp.0, d.hp.1));
    }
    // As drawn, no two markers of either detail map cover each other.
    let out = render(&h, &places, &text(), MapSize::Full);
    let details: Vec<&str> = panels(&out)
        .into_iter()
        .filter(|s| s.contains("-z-t\""))
        .collect();
    assert_eq!(details.len(), 2);
    for svg in details {
        let ms = markers(svg);
        assert_eq!(ms.len(), 17);
        for (i, a) in ms.iter().enumerate() {
            for b in &ms[i + 1..] {
                let gap = (a.at.0 - b.at.0).hypot(a.at.1 - b.at.1);
                assert!(
                    gap >= 17.0,
                    "markers {:?} and {:?} are {gap} apart",
                    a.at,
                    b.at
                );
            }
        }
    }
}

#[test]
fn spread_parts_coincident_markers_and_keeps_home() {
    let mut pos = vec![
        (10.0, 10.0, 11.0),
        (10.0, 10.0, 8.0),
        (10.0, 10.0, 8.0),
        (50.0, 50.0, 8.0),
    ];
    spread(&mut pos, 1, 18.0);
    assert_eq!(pos[0], (10.0, 10.0, 11.0));
    for i in 0..pos.len() {
        for j in i + 1..pos.len() {
            let d = (pos[i].0 - pos[j].0).hypot(pos[i].1 - pos[j].1);
            assert!(d >= 18.0 - 0.5, "{i} and {j} are {d} apart");
        }
    }
    assert_eq!(pos[3], (50.0, 50.0, 8.0));
}
