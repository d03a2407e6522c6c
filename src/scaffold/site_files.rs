//! The files `twinsite init` writes besides content and workflows: `site.yaml`, the legal
//! pages, `.gitignore` and the note in `static/`.

use crate::scaffold::entries::quote;

/// What `init` asks for or takes from flags.
#[derive(Debug, Clone)]
pub struct SiteFill {
    /// Site title.
    pub title: String,
    /// The home town.
    pub name: String,
    /// Home latitude.
    pub lat: f64,
    /// Home longitude.
    pub lon: f64,
    /// Public address.
    pub base_url: String,
    /// Site language.
    pub language: String,
}

/// The commented `site.yaml`.
pub fn site_yaml(f: &SiteFill) -> String {
    format!(
        "\
# Einstellungen der Website. Zeilen mit # sind Kommentare.
# Nach dem Doppelpunkt steht immer ein Leerzeichen; einrücken nur mit Leerzeichen, nie mit Tabulatoren.

# Pflicht: Titel der Website (oben auf jeder Seite, im Browser-Tab, in den Feeds).
title: {title}

# Pflicht: die Adresse, unter der die Website erreichbar sein wird, mit / am Ende.
# Auch ein Unterordner geht: https://example.org/partner/
# (GitHub Pages und GitLab Pages setzen sie beim Bauen selbst, siehe .github/ und .gitlab-ci.yml.)
base_url: {base_url}

# Sprache der Beschriftungen und Datumsangaben: de, en, fr, pl, uk, tr oder he.
language: {language}

# Mehrsprachig: statt `language` alle Sprachen, die erste ist die Hauptsprache unter /,
# die anderen unter /fr/, /pl/ … Übersetzungen liegen neben dem Original: lyon.md und lyon.fr.md
# (nur Texte: title, summary, country, … und der Text unter dem zweiten ---). Seiten ohne
# Übersetzung erscheinen in der Hauptsprache mit einem Hinweis.
# languages: [{language}, fr, pl]
# translations:
#   fr: {{ title: {fr_title}, description: … }}

# Zeitzone für die Uhrzeiten der Termine und das Kalender-Abo.
timezone: Europe/Berlin

# Pflicht: die Heimatstadt – Mittelpunkt der Karte, Anfang jeder Verbindungslinie.
# lat = Breitengrad, lon = Längengrad in Dezimalgrad (openstreetmap.org: Rechtsklick → Adresse anzeigen).
home:
  name: {name}
  lat: {lat}
  lon: {lon}

# Ein bis zwei Sätze für die Startseite, Suchmaschinen und den Newsfeed.
description: {description}

# Dateinamen (ohne .md) von Impressum und Datenschutzerklärung in content/; in jeder Fußzeile verlinkt.
imprint: impressum
privacy: datenschutz

# true: HTML und CSS werden verkleinert (schneller); false: lesbar, zum Nachsehen.
minify: true

# true: alle Links relativ, damit die Seite auch direkt von der Festplatte (file://) und in jedem
# Unterordner funktioniert – für das Hochladen per FTP. Dasselbe wie `twinsite build --relative`.
# relative_urls: true

# true: ein Suchfeld auf jeder Seite und die Suchseite /search/. Die Suche läuft ganz im Browser
# der Besucher, ohne Suchserver und ohne fremde Dienste; `twinsite serve` zeigt die Suchseite
# ohne Suchindex, den macht `twinsite build`. false: keine Suche.
search: true

# Eigenes Menü statt des Standardmenüs (Partnerstädte, Vereine, Termine, Kalender, Karte, Aktuelles):
# menu:
#   - {{ title: Partnerstädte, url: /cities/ }}
#   - {{ title: Termine, url: /events/ }}
#   - {{ title: Über uns, url: /ueber-uns/ }}

# Ein anderes Aussehen aus themes/<name>/ (Standard: default, ist eingebaut).
# theme: default

# Termine von Mitgliedern einsammeln: ein Kalender-Abo (.ics, z. B. aus Nextcloud, Google,
# Outlook, Thunderbird) oder die data/events.json einer anderen twinsite-Website. Die Termine
# erscheinen mit „Quelle: …“ in den Listen, im Kalender und bei Verein und Städten.
# network:
#   - name: Freundeskreis Lyon
#     url: https://freundeskreis-lyon.example/kalender.ics
#     association: freundeskreis-lyon
#     cities: [lyon]
",
        title = quote(&f.title),
        base_url = quote(&f.base_url),
        language = f.language,
        name = quote(&f.name),
        fr_title = quote(&format!("Jumelages de {}", f.name)),
        lat = f.lat,
        lon = f.lon,
        description = quote(&format!("Städtepartnerschaften, Vereine und Termine in {} – machen Sie mit!", f.name)),
    )
}

/// `content/impressum.md` with placeholders to fill in.
pub fn imprint(f: &SiteFill) -> String {
    format!(
        "\
---
title: Impressum
weight: 90
---

<!-- Bitte alle Stellen mit „ergänzen“ ausfüllen. Ein Impressum ist in Deutschland Pflicht (§ 5 DDG). -->

## Anbieter

Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG):

**Name des Vereins oder der Stadtverwaltung (ergänzen)**  
Straße und Hausnummer (ergänzen)  
Postleitzahl {name}

Vertreten durch: Vorstand bzw. Bürgermeisterin oder Bürgermeister (ergänzen)  
Registergericht und Vereinsregisternummer (ergänzen, falls eingetragener Verein)

- Telefon: (ergänzen)
- E-Mail: (ergänzen)

## Verantwortlich für den Inhalt

Verantwortlich nach § 18 Abs. 2 Medienstaatsvertrag: Name und Anschrift (ergänzen).
",
        name = f.name
    )
}

/// `content/datenschutz.md` with placeholders to fill in.
pub fn privacy() -> String {
    "\
---
title: Datenschutz
weight: 91
---

<!-- Bitte alle Stellen mit „ergänzen“ ausfüllen und vom Verein oder der Stadt prüfen lassen. -->

## Verantwortliche Stelle

Name, Anschrift und E-Mail-Adresse des Vereins oder der Stadt (ergänzen).
Datenschutzbeauftragte Person, falls vorhanden (ergänzen).

## Was diese Website speichert

Diese Website lädt keine Schriften, Karten, Skripte oder Zähler von anderen Anbietern und setzt
keine Cookies. Der Webserver unseres Anbieters (ergänzen: Name des Hosters) speichert beim Aufruf
technisch notwendige Daten wie IP-Adresse, Zeitpunkt und aufgerufene Seite in Protokolldateien,
die nach (ergänzen) Tagen gelöscht werden (Art. 6 Abs. 1 lit. f DSGVO).

## Kontakt per E-Mail

Wenn Sie uns schreiben, verwenden wir Ihre Angaben nur, um Ihre Anfrage zu beantworten.

## Ihre Rechte

Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie
auf Beschwerde bei einer Aufsichtsbehörde (ergänzen: die Datenschutzbehörde Ihres Bundeslandes).
"
    .to_owned()
}

/// `.gitignore`.
pub const GITIGNORE: &str = "# Die fertige Website wird gebaut, nicht gespeichert.\npublic/\n# Verkleinerte Fotos: werden beim Bauen neu erzeugt, wenn sie fehlen.\n.twinsite-cache/\n";

/// `static/.liesmich.txt`, so the folder exists in git and explains itself; a hidden file, so
/// the note for editors is never published.
pub const STATIC_README: &str = "\
Alles in diesem Ordner wird mit veröffentlicht (außer Dateien, deren Name mit einem Punkt
beginnt, wie diese Notiz); Fotos (JPEG, PNG, WebP) ohne ihre Metadaten (Ort, Kamera, Name).
Beispiel: static/images/rathaus.jpg wird in einem Text so eingebunden:
![Das Rathaus im Frühling](/images/rathaus.jpg)
Die Website zeigt es dann in passenden Größen.
";
