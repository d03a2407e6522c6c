//! The values handed to templates: plain, serializable views with every URL and date already
//! made, so templates never look anything up and never format dates themselves.

use std::sync::Arc;

use jiff::civil::Date;
use serde::Serialize;

use crate::content::model::{Contact, Data, Entry, Location, Section};
use crate::pictures::PictureView;
use crate::render::i18n::Strings;
use crate::render::page_data::Shared;
use crate::site::Site;

/// An event view shared by every list that shows it.
pub type SharedEvent = Shared<EventView>;

/// The event views of one build, by entry index: see [`Views::listed_events`].
pub struct ListedEvents {
    by_entry: std::collections::HashMap<usize, Listed>,
}

struct Listed {
    /// The occurrence shown: the next one, or the last when all are past.
    date: Date,
    upcoming: bool,
    view: SharedEvent,
}

/// Site-wide values, the same on every page.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// Site title.
    pub title: String,
    /// Site description.
    pub description: String,
    /// Full base URL with trailing slash.
    pub base_url: String,
    /// Path of the home page in this language, with leading and trailing slash (`/partner/`,
    /// `/partner/fr/`): page links start with it.
    pub base_path: String,
    /// Base path of files shared by all languages (style sheet, icon, images).
    pub asset_path: String,
    /// Language code.
    pub language: String,
    /// Home town name.
    pub home: String,
    /// Menu entries.
    pub menu: Vec<MenuView>,
    /// Imprint page URL.
    pub imprint_url: Option<String>,
    /// Privacy page URL.
    pub privacy_url: Option<String>,
    /// The search page, unless `search: false`.
    pub search_url: Option<String>,
    /// Build date, ISO.
    pub now: String,
    /// Build year.
    pub year: i16,
}

/// One menu entry.
#[derive(Debug, Clone, Serialize)]
pub struct MenuView {
    /// Link text.
    pub title: String,
    /// Link target.
    pub url: String,
}

/// A link to an entry with its title.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Title.
    pub title: String,
    /// Language of the title when the entry is shown untranslated (a fallback), else none.
    pub lang: Option<String>,
    /// URL path.
    pub url: String,
}

/// A city as shown in lists and on its page.
#[derive(Debug, Clone, Serialize)]
pub struct CityView {
    /// Name.
    pub title: String,
    /// Language of the title when the entry is shown untranslated (a fallback), else none.
    pub lang: Option<String>,
    /// Slug.
    pub slug: String,
    /// Page URL.
    pub url: String,
    /// Country.
    pub country: String,
    /// ISO code.
    pub country_code: Option<String>,
    /// Kind key and label.
    pub kind: String,
    /// Translated kind.
    pub kind_label: String,
    /// Local name.
    pub name_local: Option<String>,
    /// BCP 47 language of the local name (from the country), for `lang`; `None` if unsure.
    pub name_local_lang: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// Year signed.
    pub since_year: i16,
    /// "seit 1963 · 63 Jahre".
    pub since_text: String,
    /// The same without the word "seit", for a value under the label "Seit": "1963 (63 Jahre)",
    /// "15. Juni 1963 (63 Jahre)" when the day is known, "1963–2001" when it ended.
    pub since_value: String,
    /// Status key.
    pub status: String,
    /// Translated status.
    pub status_label: String,
    /// Activity key.
    pub activity: Option<String>,
    /// Translated activity.
    pub activity_label: Option<String>,
    /// SDG numbers.
    pub sdgs: Vec<u8>,
    /// Formatted population.
    pub population: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Languages.
    pub languages: Vec<String>,
    /// Contacts.
    pub contacts: Vec<Contact>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// Distance from home, formatted ("1.234 km").
    pub distance: String,
    /// Teaser HTML.
    pub summary_html: Arc<str>,
    /// Image URL (the size every browser shows).
    pub image: Option<String>,
    /// The picture (`image:`) with its sizes, alt text, caption and credit.
    pub picture: Option<PictureView>,
    /// Year ended.
    pub ended: Option<i16>,
}

/// An association.
#[derive(Debug, Clone, Serialize)]
pub struct AssociationView {
    /// Name.
    pub title: String,
    /// Language of the title when the entry is shown untranslated (a fallback), else none.
    pub lang: Option<String>,
    /// Page URL.
    pub url: String,
    /// Website.
    pub website: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Address.
    pub address: Option<String>,
    /// Founding year.
    pub founded: Option<i32>,
    /// Meeting text.
    pub meets: Option<String>,
    /// Contacts.
    pub contacts: Vec<Contact>,
    /// Cities carried.
    pub cities: Vec<Link>,
    /// Teaser.
    pub summary_html: Arc<str>,
    /// Image URL (the size every browser shows).
    pub image: Option<String>,
    /// The picture (`image:`) with its sizes, alt text, caption and credit.
    pub picture: Option<PictureView>,
}

/// An event, shown at one occurrence.
#[derive(Debug, Clone, Serialize)]
pub struct EventView {
    /// The `network:` source it comes from ("Quelle: …"); none for the site's own events.
    pub source: Option<String>,
    /// Title.
    pub title: String,
    /// Language of the title when the entry is shown untranslated (a fallback), else none.
    pub lang: Option<String>,
    /// Page URL.
    pub url: String,
    /// ISO date of the shown occurrence.
    pub date_iso: String,
    /// ISO date of the shown occurrence's last day (pages use it to drop events that are over
    /// by the visitor's date, between builds).
    pub end_iso: String,
    /// ISO date of the event's very last day; none for a repeating event.
    pub ends_iso: Option<String>,
    /// Day number.
    pub day: i8,
    /// Short month name.
    pub month_short: String,
    /// Human date(s), e.g. "Samstag, 5. Dezember 2026" or a range.
    pub date_text: String,
    /// Time text, e.g. "19:00–21:00 Uhr"; empty for all-day events.
    pub time_text: String,
    /// Whether it has no start time.
    pub all_day: bool,
    /// Status key.
    pub status: String,
    /// Translated status (empty for scheduled).
    pub status_label: String,
    /// Whether cancelled.
    pub cancelled: bool,
    /// Venue.
    pub location: Option<Location>,
    /// Recurrence in words, e.g. "jeden 2. Dienstag im Monat".
    pub repeat_text: Option<String>,
    /// Cities.
    pub cities: Vec<Link>,
    /// Organizers.
    pub organizers: Vec<Link>,
    /// Whether the event is over (its last date lies before the build date).
    pub past: bool,
    /// Sign-up link (none once the event is over).
    pub registration: Option<String>,
    /// Price text.
    pub cost: Option<String>,
    /// Teaser.
    pub summary_html: Arc<str>,
    /// Image URL (the size every browser shows).
    pub image: Option<String>,
    /// The picture (`image:`) with its sizes, alt text, caption and credit.
    pub picture: Option<PictureView>,
}

/// A news item.
#[derive(Debug, Clone, Serialize)]
pub struct NewsView {
    /// Title.
    pub title: String,
    /// Language of the title when the entry is shown untranslated (a fallback), else none.
    pub lang: Option<String>,
    /// Page URL.
    pub url: String,
    /// ISO date.
    pub date_iso: String,
    /// Human date.
    pub date_text: String,
    /// Teaser.
    pub summary_html: Arc<str>,
    /// Image URL (the size every browser shows).
    pub image: Option<String>,
    /// The picture (`image:`) with its sizes, alt text, caption and credit.
    pub picture: Option<PictureView>,
}

/// Makes views for one site and language.
pub struct Views<'a> {
    /// The site.
    pub site: &'a Site,
    /// UI strings.
    pub t: &'a Strings,
}

impl Views<'_> {
    /// The language of entry `i`'s text when it is a fallback in this language (for `lang`).
    pub fn text_lang(&self, i: usize) -> Option<String> {
        self.site
            .is_fallback(i)
            .then(|| self.site.lang.default.clone())
    }

    /// URL path of entry `i`.
    pub fn url(&self, i: usize) -> String {
        self.site.entry_url(i)
    }

    /// A link to entry `i`.
    pub fn link(&self, i: usize) -> Link {
        Link {
            title: self.site.entries[i].common.title.clone(),
            url: self.url(i),
            lang: self.text_lang(i),
        }
    }

    /// Links to entries.
    pub fn links(&self, idx: &[usize]) -> Vec<Link> {
        idx.iter().map(|&i| self.link(i)).collect()
    }

    /// The URL of an entry's `image` (the size every browser shows).
    pub fn image(&self, e: &Entry) -> Option<String> {
        self.picture(e).map(|p| p.src)
    }

    /// An entry's `image` with its sizes.
    pub fn picture(&self, e: &Entry) -> Option<PictureView> {
        let p = e.common.image.as_ref()?;
        crate::pictures::view_of(self.site, e, p)
    }

    /// The view of city `i`.
    pub fn city(&self, i: usize) -> Option<CityView> {
        let e = &self.site.entries[i];
        let Data::City(c) = &e.data else { return None };
        let t = self.t;
        let (since_text, since_value) = crate::render::words::since(c, self.site.now, t);
        let home = &self.site.config.home;
        let km = crate::map::distance_km(home.lat, home.lon, c.lat, c.lon);
        Some(CityView {
            title: e.common.title.clone(),
            slug: e.common.slug.clone(),
            url: self.url(i),
            lang: self.text_lang(i),
            country: c.country.clone(),
            country_code: c.country_code.clone(),
            kind: c.kind.clone(),
            kind_label: t.get(&format!("kind_{}", c.kind)).to_owned(),
            name_local: c.name_local.clone(),
            name_local_lang: c
                .country_code
                .as_deref()
                .and_then(country_language)
                .map(str::to_owned),
            region: c.region.clone(),
            since_year: c.since.year,
            since_text,
            since_value,
            status: c.status.clone(),
            status_label: t.get(&format!("status_{}", c.status)).to_owned(),
            activity: c.activity.clone(),
            activity_label: c
                .activity
                .as_ref()
                .map(|a| t.get(&format!("activity_{a}")).to_owned()),
            sdgs: c.sdgs.clone(),
            population: c.population.map(|p| t.number(p)),
            website: c.website.clone(),
            languages: c.languages.clone(),
            contacts: c.contacts.clone(),
            lat: c.lat,
            lon: c.lon,
            distance: t.fill("distance_km", &[("km", &t.number(km.round() as u64))]),
            summary_html: e.summary_html.clone(),
            image: self.image(e),
            picture: self.picture(e),
            ended: c.ended,
        })
    }

    /// The view of association `i`.
    pub fn association(&self, i: usize) -> Option<AssociationView> {
        let e = &self.site.entries[i];
        let Data::Association(a) = &e.data else {
            return None;
        };
        Some(AssociationView {
            title: e.common.title.clone(),
            url: self.url(i),
            lang: self.text_lang(i),
            website: a.website.clone(),
            email: a.email.clone(),
            phone: a.phone.clone(),
            address: a.address.clone(),
            founded: a.founded,
            meets: a.meets.clone(),
            contacts: a.contacts.clone(),
            cities: self.links(&self.site.relations[i].cities),
            summary_html: e.summary_html.clone(),
            image: self.image(e),
            picture: self.picture(e),
        })
    }

    /// The view of event `i` at the occurrence starting `start` (its first date when `None`).
    pub fn event(&self, i: usize, start: Option<Date>) -> Option<EventView> {
        let e = &self.site.entries[i];
        let Data::Event(ev) = &e.data else {
            return None;
        };
        let t = self.t;
        let first = start.unwrap_or(ev.date);
        let span = ev.date.until(ev.last_day()).unwrap_or_default();
        let last = first.checked_add(span).unwrap_or(first);
        let date_text = if last == first {
            t.date_long(first)
        } else {
            t.fill(
                "date_range",
                &[("start", &t.date_long(first)), ("end", &t.date_long(last))],
            )
        };
        let past = !self.site.is_upcoming(i);
        let status_label = if ev.status == "scheduled" {
            String::new()
        } else {
            t.get(&format!("event_status_{}", ev.status)).to_owned()
        };
        Some(EventView {
            source: e.origin().map(|o| o.name.clone()),
            title: e.common.title.clone(),
            url: self.url(i),
            lang: self.text_lang(i),
            date_iso: first.to_string(),
            end_iso: last.to_string(),
            ends_iso: ev.repeat.is_none().then(|| ev.last_day().to_string()),
            day: first.day(),
            month_short: t.get(&format!("month_short_{}", first.month())).to_owned(),
            date_text,
            time_text: ev.time.map(|s| t.time_range(s, ev.end)).unwrap_or_default(),
            all_day: ev.time.is_none(),
            status: ev.status.clone(),
            status_label,
            cancelled: ev.status == "cancelled",
            location: ev.location.clone(),
            repeat_text: ev
                .repeat
                .as_ref()
                .map(|r| crate::render::describe_repeat(r, ev.date, t)),
            cities: self.links(&self.site.relations[i].cities),
            organizers: self.links(&self.site.relations[i].associations),
            past,
            registration: ev.registration.clone().filter(|_| !past),
            cost: ev.cost.as_deref().map(crate::render::words::bind_units),
            summary_html: e.summary_html.clone(),
            image: self.image(e),
            picture: self.picture(e),
        })
    }

    /// Every event's view as lists show it, made once per build (lists on the home page,
    /// `/events/`, every city and every association share them).
    pub fn listed_events(&self) -> ListedEvents {
        use rayon::prelude::*;
        let by_entry = self
            .site
            .events
            .par_iter()
            .filter_map(|&i| {
                let (date, upcoming) = match self.site.next_occurrence(i) {
                    Some(o) => (o.start, true),
                    None => {
                        let last = self.site.occurrences_of(i).last();
                        (last.map_or(Date::MIN, |o| o.start), false)
                    }
                };
                let view = self.event(i, Some(date))?;
                Some((
                    i,
                    Listed {
                        date,
                        upcoming,
                        view: Shared::new(view),
                    },
                ))
            })
            .collect();
        ListedEvents { by_entry }
    }

    /// Upcoming events among `idx` (by next occurrence), then past ones (newest first), from
    /// the views in `listed`.
    pub fn split_events(
        &self,
        listed: &ListedEvents,
        idx: &[usize],
    ) -> (Vec<SharedEvent>, Vec<SharedEvent>) {
        let mut upcoming: Vec<(Date, usize, &SharedEvent)> = Vec::new();
        let mut past: Vec<(Date, usize, &SharedEvent)> = Vec::new();
        for &i in idx {
            let Some(l) = listed.by_entry.get(&i) else {
                continue;
            };
            let list = if l.upcoming { &mut upcoming } else { &mut past };
            list.push((l.date, i, &l.view));
        }
        upcoming.sort_by_key(|&(d, i, _)| (d, i));
        past.sort_by_key(|&(d, i, _)| std::cmp::Reverse((d, i)));
        (
            upcoming.into_iter().map(|(_, _, v)| (*v).clone()).collect(),
            past.into_iter().map(|(_, _, v)| (*v).clone()).collect(),
        )
    }

    /// The view of event `i` on its own page: its next occurrence while it has one, its first
    /// date after that (the list's view when that is the same date, so it is made only once).
    pub fn page_event(&self, listed: &ListedEvents, i: usize) -> Option<SharedEvent> {
        let first = self.site.entries[i].event()?.date;
        match listed.by_entry.get(&i) {
            Some(l) if l.upcoming || l.date == first => Some(l.view.clone()),
            _ => self.event(i, None).map(Shared::new),
        }
    }

    /// The view of news item `i`.
    pub fn news(&self, i: usize) -> Option<NewsView> {
        let e = &self.site.entries[i];
        let Data::News(n) = &e.data else { return None };
        Some(NewsView {
            title: e.common.title.clone(),
            url: self.url(i),
            lang: self.text_lang(i),
            date_iso: n.date.to_string(),
            date_text: self.t.date_medium(n.date),
            summary_html: e.summary_html.clone(),
            image: self.image(e),
            picture: self.picture(e),
        })
    }

    /// The translated name of a section (for topic pages).
    pub fn section_label(&self, s: Section) -> String {
        self.t
            .get(&format!("section_{s:?}").to_lowercase())
            .to_owned()
    }
}

/// The main language of a country (ISO 3166-1 alpha-2) as a BCP 47 tag, for marking a partner
/// city's local name with `lang`. Country codes are not language codes (UA is Ukraine, the
/// language is `uk`; CN is China, `zh`), so this is a table; countries with several main
/// languages (BE, CH, CA, IN, …) and unknown ones give `None`, and the name stays unmarked.
pub fn country_language(country_code: &str) -> Option<&'static str> {
    let cc = country_code.trim().to_ascii_uppercase();
    let lang = match cc.as_str() {
        "DE" | "AT" | "LI" => "de",
        "FR" | "MC" | "BF" | "ML" | "SN" | "NE" | "BJ" | "TG" | "CI" => "fr",
        "GB" | "IE" | "US" | "AU" | "NZ" | "GH" | "NG" | "ZA" | "UG" => "en",
        "ES" | "MX" | "AR" | "CL" | "CO" | "PE" | "NI" | "CU" | "SV" | "GT" | "HN" | "CR"
        | "BO" | "EC" | "VE" | "UY" | "PY" | "DO" | "PA" => "es",
        "PT" | "BR" | "MZ" | "AO" => "pt",
        "IT" | "SM" => "it",
        "NL" => "nl",
        "PL" => "pl",
        "CZ" => "cs",
        "SK" => "sk",
        "HU" => "hu",
        "RO" | "MD" => "ro",
        "BG" => "bg",
        "HR" => "hr",
        "SI" => "sl",
        "RS" => "sr",
        "BA" => "bs",
        "MK" => "mk",
        "AL" => "sq",
        "GR" | "CY" => "el",
        "TR" => "tr",
        "DK" => "da",
        "SE" => "sv",
        "NO" => "no",
        "FI" => "fi",
        "IS" => "is",
        "EE" => "et",
        "LV" => "lv",
        "LT" => "lt",
        "UA" => "uk",
        "BY" => "be",
        "RU" => "ru",
        "GE" => "ka",
        "AM" => "hy",
        "AZ" => "az",
        "KZ" => "kk",
        "MN" => "mn",
        "IL" => "he",
        "EG" | "JO" | "PS" | "LB" | "SY" | "IQ" | "SA" | "TN" => "ar",
        "IR" => "fa",
        "TZ" => "sw",
        "RW" => "rw",
        "CN" | "TW" => "zh",
        "JP" => "ja",
        "KR" => "ko",
        "VN" => "vi",
        "TH" => "th",
        "ID" => "id",
        "MT" => "mt",
        _ => return None,
    };
    Some(lang)
}

#[cfg(test)]
mod country_language_tests {
    use super::country_language;

    #[test]
    fn country_codes_map_to_language_tags() {
        assert_eq!(country_language("UA"), Some("uk"));
        assert_eq!(country_language("cn"), Some("zh"));
        assert_eq!(country_language("PL"), Some("pl"));
        assert_eq!(country_language("GB"), Some("en"));
        assert_eq!(country_language("CH"), None);
        assert_eq!(country_language("XX"), None);
    }
}
