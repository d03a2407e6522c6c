use crate::config::SiteConfig;
use crate::diagnostics::{Diagnostic, Diagnostics};

const HEAD: &str = "title: T\nbase_url: https://x.org/\nhome: {name: M, lat: 50, lon: 9}\n";

fn cfg(tail: &str) -> (Option<SiteConfig>, Vec<Diagnostic>) {
    let mut d = Diagnostics::new();
    let c = crate::config::parse(format!("{HEAD}{tail}").as_bytes(), &mut d);
    (c, d.sorted())
}

#[test]
fn sources_are_read_with_their_places() {
    let (c, d) = cfg(
        "network:\n  - name: Freundeskreis Lyon\n    url: https://lyon.example/cal.ics\n    association: freundeskreis-lyon\n    cities: [lyon, krakau]\n  - name: Partnerstadt\n    url: http://b.example/data/events.json\n",
    );
    assert!(d.is_empty(), "{d:?}");
    let n = c.unwrap().network;
    assert_eq!(n.len(), 2);
    assert_eq!(n[0].name, "Freundeskreis Lyon");
    assert_eq!((n[0].pos.line, n[0].pos.col), (5, 3));
    let a = n[0].association.as_ref().unwrap();
    assert_eq!(
        (a.slug.as_str(), a.pos.line, a.pos.col),
        ("freundeskreis-lyon", 7, 18)
    );
    assert_eq!((n[0].cities[1].pos.line, n[0].cities[1].pos.col), (8, 20));
    assert_eq!(
        (n[1].pos.line, n[1].url.as_str()),
        (9, "http://b.example/data/events.json")
    );
    assert!(n[1].association.is_none() && n[1].cities.is_empty());
}

#[test]
fn a_source_must_be_a_group_with_an_http_address() {
    let (c, d) = cfg("network: https://a.example/cal.ics\n");
    assert!(c.is_none());
    assert_eq!((d[0].line, d[0].col), (4, 10), "{d:?}");
    assert!(d[0].message.contains("`network`"), "{d:?}");
    let (c, d) = cfg("network:\n  - name: A\n");
    assert!(c.is_none());
    assert!(d[0].message.contains("url"), "{d:?}");
    assert_eq!(d[0].line, 4, "{d:?}");
    for (url, says) in [
        ("ftp://a.example/cal.ics", "only http:// and https://"),
        ("file:///etc/passwd", "only http:// and https://"),
        ("javascript:alert(1)", "only http:// and https://"),
        ("webcal://a.example/cal.ics", "only http:// and https://"),
        ("a.example/cal.ics", "not a web address"),
        ("https://user:pw@a.example/cal.ics", "user name or password"),
    ] {
        let (c, d) = cfg(&format!("network:\n  - name: A\n    url: \"{url}\"\n"));
        assert!(c.is_none(), "{url}");
        assert_eq!((d[0].line, d[0].col), (6, 11), "{url}: {d:?}");
        assert!(d[0].message.contains(says), "{url}: {d:?}");
    }
}

#[test]
fn a_source_needs_a_name_and_known_keys() {
    let (c, d) = cfg("network:\n  - name: \"\"\n    url: https://a.example/\n");
    assert!(c.is_none());
    assert!(d[0].message.contains("`name`"), "{d:?}");
    let (c, d) = cfg("network:\n  - name: A\n    url: https://a.example/\n    town: x\n");
    assert!(c.is_none());
    assert!(d[0].message.contains("town"), "{d:?}");
}

#[test]
fn too_many_sources_are_refused() {
    let many: String = (0..=super::MAX_SOURCES)
        .map(|i| format!("  - {{name: S{i}, url: \"https://a.example/{i}.ics\"}}\n"))
        .collect();
    let (c, d) = cfg(&format!("network:\n{many}"));
    assert!(c.is_none());
    assert!(d[0].message.contains("at most 64"), "{d:?}");
}
