//! A synthetic partnership site of any size, for benchmarks and scale tests: 10% cities,
//! 20% associations, 70% events, each with a 400–800 word Markdown body (headings, lists,
//! links, a table, umlauts, non-Latin names), generated from a fixed seed so every run writes
//! the same bytes.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

/// A small deterministic PRNG (xorshift64*), so the generator needs no dependency.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }
    /// The next number.
    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `0..n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// One element of a slice.
    pub(crate) fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "Partnerschaft",
    "Begegnung",
    "Jugendaustausch",
    "Bürgerreise",
    "Freundschaft",
    "Städte",
    "Schüler",
    "Gemeinde",
    "Verein",
    "Projekt",
    "Zukunft",
    "Kultur",
    "Musik",
    "Sport",
    "Gäste",
    "Familien",
    "Übernachtung",
    "Brücke",
    "Geschichte",
    "Erinnerung",
    "Sprache",
    "Kurs",
    "gemeinsam",
    "herzlich",
    "fröhlich",
    "größer",
    "über",
    "für",
    "und",
    "mit",
    "aus",
    "nach",
    "die",
    "der",
    "das",
    "ein",
    "eine",
    "wir",
    "sie",
    "unsere",
    "Straßenfest",
    "Rathaus",
    "Bürgermeisterin",
    "Austausch",
    "Workcamp",
    "Nachhaltigkeit",
    "Wasser",
    "Schule",
    "Energie",
    "Solidarität",
    "Spenden",
    "Konzert",
    "Ausstellung",
    "Delegation",
    "Vertrag",
    "Jubiläum",
];
const CITY_NAMES: &[(&str, &str)] = &[
    ("Lyon", "Lyon"),
    ("Krakau", "Kraków"),
    ("Lwiw", "Львів"),
    ("Yangzhou", "扬州"),
    ("Thessaloniki", "Θεσσαλονίκη"),
    ("Brünn", "Brno"),
    ("Posen", "Poznań"),
    ("Kiew", "Київ"),
    ("Nanjing", "南京"),
    ("Tiflis", "თბილისი"),
    ("Haifa", "חיפה"),
    ("Izmir", "İzmir"),
    ("Sevilla", "Sevilla"),
    ("Göteborg", "Göteborg"),
    ("Pécs", "Pécs"),
];
const COUNTRIES: &[(&str, &str)] = &[
    ("Frankreich", "FR"),
    ("Polen", "PL"),
    ("Ukraine", "UA"),
    ("China", "CN"),
    ("Griechenland", "GR"),
    ("Tschechien", "CZ"),
    ("Georgien", "GE"),
    ("Israel", "IL"),
    ("Türkei", "TR"),
    ("Spanien", "ES"),
];
const KINDS: &[&str] = &[
    "partnership",
    "friendship",
    "cooperation",
    "contact",
    "project",
];
const STATUSES: &[&str] = &["active", "active", "active", "dormant", "suspended"];
const TOPICS: &[&str] = &[
    "Jugend",
    "Kultur",
    "Sport",
    "Schule",
    "Nachhaltigkeit",
    "Solidarität",
    "Musik",
    "Sprache",
];

fn sentence(r: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(r.pick(WORDS));
    }
    s.push('.');
    s
}

/// A Markdown body of 400–800 words with headings, a list, links, a table and a quote.
fn body(r: &mut Rng, links: &[String]) -> String {
    let target = 400 + r.below(401);
    let mut words = 0;
    let mut b = String::with_capacity(target * 9);
    let mut section = 0;
    while words < target {
        section += 1;
        let _ = writeln!(b, "## Abschnitt {section}: {}\n", r.pick(WORDS));
        let n = 30 + r.below(40);
        let _ = writeln!(b, "{} {}\n", sentence(r, n / 2), sentence(r, n - n / 2));
        words += n + 3;
        if section % 2 == 0 {
            for _ in 0..4 {
                let link = &links[r.below(links.len())];
                let _ = writeln!(b, "- {} ([mehr]({link}))", sentence(r, 6));
            }
            b.push('\n');
            words += 28;
        }
        if section % 3 == 0 {
            b.push_str("| Jahr | Teilnehmende | Ort |\n|---|---:|---|\n");
            for y in 0..4 {
                let _ = writeln!(
                    b,
                    "| {} | {} | {} |",
                    2018 + y,
                    10 + r.below(90),
                    r.pick(CITY_NAMES).1
                );
            }
            b.push('\n');
            words += 16;
        }
        if section % 4 == 0 {
            let _ = writeln!(b, "> {}\n", sentence(r, 12));
            words += 12;
        }
    }
    b
}

/// Writes a site with `pages` content pages below `root` (which must not exist yet or be empty).
pub(crate) fn generate(root: &Path, pages: usize) -> std::io::Result<()> {
    let mut r = Rng::new(0x0077_696e_7369_7465);
    let cities = (pages / 10).max(1);
    let assocs = (pages / 5).max(1);
    let events = pages.saturating_sub(cities + assocs).max(1);
    for d in [
        "content/cities",
        "content/associations",
        "content/events",
        "static",
    ] {
        std::fs::create_dir_all(root.join(d))?;
    }
    std::fs::write(
        root.join("site.yaml"),
        "title: Netzwerk der Partnerstädte\nbase_url: https://netz.example.org/\nlanguage: de\nhome: { name: Musterstadt, lat: 50.9, lon: 9.7 }\nimprint: impressum\nprivacy: datenschutz\n",
    )?;
    std::fs::write(
        root.join("content/impressum.md"),
        "---\ntitle: Impressum\n---\nAngaben gemäß § 5 DDG.\n",
    )?;
    std::fs::write(
        root.join("content/datenschutz.md"),
        "---\ntitle: Datenschutz\n---\nKeine Cookies.\n",
    )?;
    let city_links: Vec<String> = (0..cities).map(|i| format!("/cities/stadt-{i}/")).collect();
    let assoc_links: Vec<String> = (0..assocs)
        .map(|i| format!("/associations/verein-{i}/"))
        .collect();
    let mut links = city_links.clone();
    links.extend(assoc_links.iter().cloned());
    for i in 0..cities {
        let (name, local) = r.pick(CITY_NAMES);
        let (country, code) = r.pick(COUNTRIES);
        let lat = -60.0 + (r.below(13_000) as f64) / 100.0;
        let lon = -179.0 + (r.below(35_800) as f64) / 100.0;
        let text = format!(
            "---\ntitle: \"{name} {i}\"\nname_local: \"{local}\"\ncountry: {country}\ncountry_code: {code}\nkind: {}\nstatus: {}\nsince: {}\nlat: {lat}\nlon: {lon}\ntopics: [{}]\n---\n{}",
            r.pick(KINDS),
            r.pick(STATUSES),
            1950 + r.below(74),
            r.pick(TOPICS),
            body(&mut r, &links)
        );
        std::fs::write(root.join(format!("content/cities/stadt-{i}.md")), text)?;
    }
    for i in 0..assocs {
        let c1 = r.below(cities);
        let c2 = r.below(cities);
        let text = format!(
            "---\ntitle: \"Freundeskreis {i} e. V.\"\ncities: [stadt-{c1}, stadt-{c2}]\nemail: verein{i}@example.org\nmeets: jeden 2. Dienstag im Monat, 19 Uhr\ntopics: [{}]\n---\n{}",
            r.pick(TOPICS),
            body(&mut r, &links)
        );
        std::fs::write(
            root.join(format!("content/associations/verein-{i}.md")),
            text,
        )?;
    }
    for i in 0..events {
        let year = 2020 + r.below(10);
        let month = 1 + r.below(12);
        let day = 1 + r.below(28);
        let dir = root.join(format!("content/events/{year}"));
        std::fs::create_dir_all(&dir)?;
        let repeat = if i % 50 == 0 {
            "repeat: { every: week, count: 10 }\n".to_owned()
        } else {
            String::new()
        };
        let time = if i % 7 == 0 {
            String::new()
        } else {
            format!(
                "time: \"{:02}:{:02}\"\nend: \"{:02}:00\"\n",
                9 + r.below(10),
                15 * r.below(4),
                20 + r.below(3)
            )
        };
        let text = format!(
            "---\ntitle: \"Begegnung Nr. {i} – Austausch & Fest\"\ndate: {year}-{month:02}-{day:02}\n{time}{repeat}cities: [stadt-{}]\norganizers: [verein-{}]\nlocation: {{ name: Bürgerhaus, address: Hauptstraße {}, lat: 50.9, lon: 9.7 }}\nstatus: {}\ntopics: [{}]\n---\n{}",
            r.below(cities),
            r.below(assocs),
            1 + r.below(120),
            if i % 40 == 0 {
                "cancelled"
            } else {
                "scheduled"
            },
            r.pick(TOPICS),
            body(&mut r, &links)
        );
        std::fs::write(dir.join(format!("ereignis-{i}.md")), text)?;
    }
    Ok(())
}
