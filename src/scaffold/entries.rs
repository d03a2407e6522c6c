//! The text of a new content file for each content type: every key with a German comment,
//! required keys filled in, optional keys commented out with an example.
//!
//! `twinsite new` fills them with placeholders; `twinsite init` with the example site's values.

use crate::content::front_matter::yaml_scalar;
use crate::content::model::Section;

/// The values a new content file is filled with.
#[derive(Debug, Clone, Default)]
pub struct Fill {
    /// The title.
    pub title: String,
    /// `date` of events and news, `YYYY-MM-DD`.
    pub date: String,
    /// A city's coordinates (`0`, `0` when unknown: the build warns about it).
    pub lat: f64,
    /// See `lat`.
    pub lon: f64,
    /// A city's country; `ergänzen` when unknown.
    pub country: Option<String>,
    /// A city's two-letter country code.
    pub country_code: Option<String>,
    /// The year the partnership was signed.
    pub since: String,
    /// City slugs an association or event names (commented out when empty).
    pub cities: Vec<String>,
    /// Association slugs that organise an event (commented out when empty).
    pub organizers: Vec<String>,
    /// Extra uncommented front matter lines, e.g. a `location` or `time`.
    pub extra: Vec<String>,
    /// The Markdown body; a short placeholder when `None`.
    pub body: Option<String>,
}

/// `s` as a YAML scalar on one line, written by the YAML serializer: line breaks and tabs become
/// spaces, other control characters are dropped. For values inside nested or commented lines.
pub fn quote(s: &str) -> String {
    yaml_scalar(&one_line(s))
}

/// `s` with line breaks and tabs turned into spaces and other control characters dropped.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect()
}

/// `key: value    # comment` with `value` written by the YAML serializer; a value with line
/// breaks becomes an indented block below the key.
fn key_line(key: &str, value: &str, comment: &str) -> String {
    let scalar = yaml_scalar(value);
    let (first, rest) = scalar.split_once('\n').unwrap_or((scalar.as_str(), ""));
    let mut line = format!("{key}: {first}    # {comment}\n");
    if !rest.is_empty() {
        line.push_str(rest);
        line.push('\n');
    }
    line
}

fn list(key: &str, items: &[String], example: &str, comment: &str) -> String {
    if items.is_empty() {
        format!("# {key}: {example}    # {comment}\n")
    } else {
        format!("{key}: [{}]    # {comment}\n", items.join(", "))
    }
}

const COMMON: &str = "\
# slug: anderer-name       # ersetzt den Dateinamen in der Adresse (nur a-z, 0-9 und -)
# draft: true              # Entwurf: erscheint erst, wenn diese Zeile gelöscht ist
# summary: \"Ein Satz für Übersichten und Suchmaschinen.\"   # sonst: der erste Absatz
# topics: [Jugend, Kultur]  # Themen; jedes bekommt eine eigene Seite
# aliases: [/alte-adresse.html]   # frühere Adressen, die hierher weiterleiten
# weight: 10               # Reihenfolge in Listen (kleinere Zahl zuerst)
# image: /images/foto.jpg  # Bild aus static/ oder neben dieser Datei
";

/// The full text of a new file of `section`.
pub fn render(section: Section, f: &Fill) -> String {
    let mut s = String::from("---\n");
    s.push_str(&key_line(
        "title",
        &f.title,
        "Pflicht: Überschrift der Seite",
    ));
    let placeholder = match section {
        Section::City => city(&mut s, f),
        Section::Association => association(&mut s, f),
        Section::Event => event(&mut s, f),
        Section::News => {
            s.push_str(&format!(
                "date: {}    # Pflicht: Datum der Meldung (JJJJ-MM-TT)\n",
                f.date
            ));
            "Hier steht die Meldung. Der erste Absatz erscheint auf der Startseite und im Newsfeed."
        }
        Section::Page => {
            s.push_str("# menu: true              # true: die Seite erscheint im Hauptmenü\n");
            "Hier steht der Text der Seite."
        }
    };
    for l in &f.extra {
        s.push_str(l);
        s.push('\n');
    }
    s.push_str(COMMON);
    s.push_str("---\n\n");
    s.push_str(crate::ready::EXAMPLE_MARK);
    s.push_str("\n\n");
    s.push_str(f.body.as_deref().unwrap_or(placeholder));
    s.push('\n');
    s
}

fn city(s: &mut String, f: &Fill) -> &'static str {
    let country = f.country.clone().unwrap_or_else(|| "ergänzen".to_owned());
    s.push_str(&key_line(
        "country",
        &country,
        "Pflicht: Land, wie es auf der Seite stehen soll",
    ));
    match &f.country_code {
        Some(c) => s.push_str(&format!(
            "country_code: {c}    # zweistelliger ISO-Code: FR, PL, GB, US …\n"
        )),
        None => {
            s.push_str("# country_code: FR         # zweistelliger ISO-Code: FR, PL, GB, US …\n")
        }
    }
    s.push_str(&format!(
        "since: {}    # Pflicht: Jahr (1981) oder Tag der Unterzeichnung (1981-05-12)\n",
        f.since
    ));
    s.push_str(&format!("lat: {}    # Pflicht: Breitengrad in Dezimalgrad (openstreetmap.org: Rechtsklick → Adresse anzeigen)\n", f.lat));
    s.push_str(&format!(
        "lon: {}    # Pflicht: Längengrad in Dezimalgrad\n",
        f.lon
    ));
    s.push_str(
        "\
# kind: partnership        # partnership (Städtepartnerschaft) | friendship | cooperation | contact | district | project | national
# name_local: Kraków       # der Name in der Sprache oder Schrift der Partnerstadt
# region: Małopolska       # Bundesland, Département, Woiwodschaft …
# status: active           # active | dormant (ruht) | suspended (ausgesetzt) | ended (dann auch ended: 2014)
# activity: AA             # A (gelegentlich) | AA (regelmäßig) | AAA (intensiv)
# sdgs: [4, 11]            # UN-Nachhaltigkeitsziele 1 bis 17
# population: 800000       # Einwohnerzahl
# website: https://www.example.org/
# languages: [Polnisch]
# contacts:
#   - { name: Anna Beispiel, role: Ansprechpartnerin, email: anna@example.org, phone: \"+49 123 4567\" }
",
    );
    "Hier steht, wie die Partnerschaft entstand und was heute gemeinsam geschieht."
}

fn association(s: &mut String, f: &Fill) -> &'static str {
    s.push_str(&list(
        "cities",
        &f.cities,
        "[lyon]",
        "Partnerstädte, die der Verein trägt (Dateinamen ohne .md)",
    ));
    s.push_str(
        "\
# website: https://www.example.org/
# email: info@example.org
# phone: \"+49 123 4567-0\"
# address: \"Bürgerhaus, Hauptstraße 1\"
# founded: 1975            # Gründungsjahr
# contacts:
#   - { name: Anna Beispiel, role: Vorsitzende, email: anna@example.org }
",
    );
    if !f.extra.iter().any(|l| l.starts_with("meets:")) {
        s.push_str("# meets: \"jeden 2. Dienstag im Monat, 19 Uhr\"\n");
    }
    "Hier stellt sich der Verein vor: wer wir sind, was wir machen, wie man mitmachen kann."
}

fn event(s: &mut String, f: &Fill) -> &'static str {
    s.push_str(&format!(
        "date: {}    # Pflicht: (erster) Tag, JJJJ-MM-TT\n",
        f.date
    ));
    s.push_str(&list(
        "cities",
        &f.cities,
        "[lyon]",
        "beteiligte Partnerstädte (Dateinamen ohne .md)",
    ));
    s.push_str(&list(
        "organizers",
        &f.organizers,
        "[freundeskreis-lyon]",
        "veranstaltende Vereine (Dateinamen ohne .md)",
    ));
    let has = |k: &str| f.extra.iter().any(|l| l.starts_with(k));
    if !has("time:") {
        s.push_str("# time: \"19:00\"            # Beginn; ohne time ist es ein ganztägiger Termin\n# end: \"21:00\"             # Ende\n");
    }
    if !has("location:") {
        s.push_str("# location: { name: Bürgerhaus, address: \"Hauptstraße 1\" }   # Ort (lat/lon möglich)\n");
    }
    s.push_str(
        "\
# end_date: 2026-06-14     # letzter Tag eines mehrtägigen Termins
# status: scheduled        # scheduled | tentative (unter Vorbehalt) | cancelled (abgesagt) | postponed (verschoben)
# repeat: { every: month, weekday: tue, nth: 2 }   # Wiederholung, hier: jeden 2. Dienstag im Monat
# registration: https://www.example.org/anmeldung
# cost: \"8 €, Kinder frei\"
",
    );
    "Hier steht, was geplant ist, für wen der Termin gedacht ist und wie man sich anmeldet."
}
