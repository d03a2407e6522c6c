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

/// What an entry is, with the values its front matter shows.
pub(crate) enum Kind {
    /// A partner city.
    City {
        /// Its name in its own language and script.
        local: &'static str,
        /// Its country (German name) and ISO code.
        country: (&'static str, &'static str),
        /// Kind of tie: `partnership`, `friendship`, …
        kind: &'static str,
        /// `active`, `dormant` or `suspended`.
        status: &'static str,
        /// The year the tie began.
        since: usize,
        /// Latitude in degrees.
        lat: f64,
        /// Longitude in degrees.
        lon: f64,
    },
    /// An association, linked to two cities (by index).
    Association {
        /// The cities it works with.
        cities: [usize; 2],
    },
    /// An event in one city, organized by one association.
    Event {
        /// Year, month and day.
        date: (usize, usize, usize),
        /// Start hour and minute and end hour, or none for an all-day event.
        time: Option<(usize, usize, usize)>,
        /// Whether it repeats weekly, ten times.
        repeats: bool,
        /// The city (index).
        city: usize,
        /// The organizing association (index).
        organizer: usize,
        /// House number of its address.
        house: usize,
        /// Whether it is cancelled.
        cancelled: bool,
    },
}

/// One generated content entry: the values both the twinsite and the Hugo version of the site
/// are written from, so both get the same titles, facts and Markdown bodies.
pub(crate) struct Entry {
    /// Index within its kind (`stadt-{i}`, `verein-{i}`, `ereignis-{i}`).
    pub(crate) index: usize,
    /// The title.
    pub(crate) title: String,
    /// Its one topic.
    pub(crate) topic: &'static str,
    /// Its kind and facts.
    pub(crate) kind: Kind,
    /// The Markdown body.
    pub(crate) body: String,
}

impl Entry {
    /// The path of its content file below `content/`.
    pub(crate) fn path(&self) -> String {
        let i = self.index;
        match self.kind {
            Kind::City { .. } => format!("cities/stadt-{i}.md"),
            Kind::Association { .. } => format!("associations/verein-{i}.md"),
            Kind::Event { date, .. } => format!("events/{}/ereignis-{i}.md", date.0),
        }
    }

    /// The content file: YAML front matter and body. `cities_key` names the list of linked
    /// cities (`cities` for twinsite; Hugo needs another name, see `hugo_site.rs`).
    pub(crate) fn file(&self, cities_key: &str) -> String {
        let (i, title, topic, body) = (self.index, &self.title, self.topic, &self.body);
        match self.kind {
            Kind::City {
                local,
                country: (country, code),
                kind,
                status,
                since,
                lat,
                lon,
            } => format!(
                "---\ntitle: \"{title}\"\nname_local: \"{local}\"\ncountry: {country}\ncountry_code: {code}\nkind: {kind}\nstatus: {status}\nsince: {since}\nlat: {lat}\nlon: {lon}\ntopics: [{topic}]\n---\n{body}"
            ),
            Kind::Association { cities: [c1, c2] } => format!(
                "---\ntitle: \"{title}\"\n{cities_key}: [stadt-{c1}, stadt-{c2}]\nemail: verein{i}@example.org\nmeets: jeden 2. Dienstag im Monat, 19 Uhr\ntopics: [{topic}]\n---\n{body}"
            ),
            Kind::Event {
                date: (year, month, day),
                time,
                repeats,
                city,
                organizer,
                house,
                cancelled,
            } => {
                let time = time.map_or(String::new(), |(h, m, end)| {
                    format!("time: \"{h:02}:{m:02}\"\nend: \"{end:02}:00\"\n")
                });
                let repeat = if repeats {
                    "repeat: { every: week, count: 10 }\n"
                } else {
                    ""
                };
                let status = if cancelled { "cancelled" } else { "scheduled" };
                format!(
                    "---\ntitle: \"{title}\"\ndate: {year}-{month:02}-{day:02}\n{time}{repeat}{cities_key}: [stadt-{city}]\norganizers: [verein-{organizer}]\nlocation: {{ name: Bürgerhaus, address: Hauptstraße {house}, lat: 50.9, lon: 9.7 }}\nstatus: {status}\ntopics: [{topic}]\n---\n{body}"
                )
            }
        }
    }
}

/// The site's entries for `pages` content pages, one at a time in a fixed order (cities,
/// associations, events), each handed to `each`. Every call makes the same entries.
pub(crate) fn entries(
    pages: usize,
    mut each: impl FnMut(&Entry) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut r = Rng::new(0x0077_696e_7369_7465);
    let cities = (pages / 10).max(1);
    let assocs = (pages / 5).max(1);
    let events = pages.saturating_sub(cities + assocs).max(1);
    let city_links: Vec<String> = (0..cities).map(|i| format!("/cities/stadt-{i}/")).collect();
    let assoc_links: Vec<String> = (0..assocs)
        .map(|i| format!("/associations/verein-{i}/"))
        .collect();
    let mut links = city_links;
    links.extend(assoc_links);
    for index in 0..cities {
        let (name, local) = r.pick(CITY_NAMES);
        let country = r.pick(COUNTRIES);
        let lat = -60.0 + (r.below(13_000) as f64) / 100.0;
        let lon = -179.0 + (r.below(35_800) as f64) / 100.0;
        let kind = Kind::City {
            local,
            country,
            kind: r.pick(KINDS),
            status: r.pick(STATUSES),
            since: 1950 + r.below(74),
            lat,
            lon,
        };
        let topic = r.pick(TOPICS);
        each(&Entry {
            index,
            title: format!("{name} {index}"),
            topic,
            kind,
            body: body(&mut r, &links),
        })?;
    }
    for index in 0..assocs {
        let kind = Kind::Association {
            cities: [r.below(cities), r.below(cities)],
        };
        let topic = r.pick(TOPICS);
        each(&Entry {
            index,
            title: format!("Freundeskreis {index} e. V."),
            topic,
            kind,
            body: body(&mut r, &links),
        })?;
    }
    for index in 0..events {
        let date = (2020 + r.below(10), 1 + r.below(12), 1 + r.below(28));
        let time = (index % 7 != 0).then(|| (9 + r.below(10), 15 * r.below(4), 20 + r.below(3)));
        let kind = Kind::Event {
            date,
            time,
            repeats: index % 50 == 0,
            city: r.below(cities),
            organizer: r.below(assocs),
            house: 1 + r.below(120),
            cancelled: index % 40 == 0,
        };
        let topic = r.pick(TOPICS);
        each(&Entry {
            index,
            title: format!("Begegnung Nr. {index} – Austausch & Fest"),
            topic,
            kind,
            body: body(&mut r, &links),
        })?;
    }
    Ok(())
}

/// Writes a site with `pages` content pages below `root` (which must not exist yet or be empty).
pub(crate) fn generate(root: &Path, pages: usize) -> std::io::Result<()> {
    generate_with(root, pages, "")
}

/// Like [`generate`], with `extra` appended to `site.yaml` (such as `minify: false\n`).
pub(crate) fn generate_with(root: &Path, pages: usize, extra: &str) -> std::io::Result<()> {
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
        format!(
            "title: Netzwerk der Partnerstädte\nbase_url: https://netz.example.org/\nlanguage: de\nhome: {{ name: Musterstadt, lat: 50.9, lon: 9.7 }}\nimprint: impressum\nprivacy: datenschutz\n{extra}"
        ),
    )?;
    std::fs::write(root.join("content/impressum.md"), IMPRINT)?;
    std::fs::write(root.join("content/datenschutz.md"), PRIVACY)?;
    entries(pages, |e| {
        let path = root.join("content").join(e.path());
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, e.file("cities"))
    })
}

/// The imprint page, in both versions of the site.
pub(crate) const IMPRINT: &str = "---\ntitle: Impressum\n---\nAngaben gemäß § 5 DDG.\n";
/// The privacy page, in both versions of the site.
pub(crate) const PRIVACY: &str = "---\ntitle: Datenschutz\n---\nKeine Cookies.\n";
