//! UI strings and date formatting in the site language.
//!
//! Strings come from the theme's `i18n/<lang>.yaml`; missing keys fall back to English so a
//! partial translation still builds (a test checks that the shipped languages are complete).
//! Dates are formatted from patterns in the same files, e.g. German
//! `{weekday}, {day}. {month} {year}` → "Sonntag, 24. September 2023". Inside a date,
//! `{month}` is the month's genitive form (`month_genitive_N`, Polish "24 września 2023");
//! on its own, as in the calendar heading `month_year`, it is the nominative `month_N`
//! ("wrzesień 2023").

use std::collections::BTreeMap;

use jiff::civil::{Date, Time};

/// The UI strings of one language.
#[derive(Debug, Clone, Default)]
pub struct Strings {
    /// Language code.
    pub lang: String,
    map: BTreeMap<String, String>,
}

impl Strings {
    /// Strings for `lang`, with `fallback` (English) filling the gaps. A language file
    /// without genitive month names uses its own nominative ones in dates rather than the
    /// English ones.
    pub fn new(
        lang: &str,
        own: BTreeMap<String, String>,
        fallback: &BTreeMap<String, String>,
    ) -> Self {
        let mut map = fallback.clone();
        for (genitive, nominative) in MONTHS_GENITIVE.iter().zip(MONTHS) {
            if !own.contains_key(*genitive)
                && let Some(name) = own.get(nominative)
            {
                map.insert((*genitive).to_owned(), name.clone());
            }
        }
        crate::render::plural::overlay(&mut map, own);
        Self {
            lang: lang.to_owned(),
            map,
        }
    }

    /// The string for `key`, or the key itself when no language has it.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.map.get(key).map_or(key, String::as_str)
    }

    /// `key` with `{name}` placeholders replaced.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill_in(self.get(key), args)
    }

    /// The form of the counting string `key` for `count` (see [`crate::render::plural`]), with
    /// `{name}` placeholders replaced; the count itself is one of `args`.
    pub fn plural(&self, key: &str, count: u64, args: &[(&str, &str)]) -> String {
        let pattern = crate::render::plural::pick(&self.map, &self.lang, key, count).unwrap_or(key);
        fill_in(pattern, args)
    }

    /// All strings (handed to templates as `t`).
    pub fn map(&self) -> &BTreeMap<String, String> {
        &self.map
    }

    /// Month name, 1-based, as it stands on its own ("wrzesień").
    pub fn month(&self, m: i8) -> &str {
        self.get(month_key(&MONTHS, m))
    }

    /// Month name, 1-based, as it stands inside a date ("24 września 2023").
    pub fn month_genitive(&self, m: i8) -> &str {
        self.get(month_key(&MONTHS_GENITIVE, m))
    }

    /// Weekday name of a date.
    pub fn weekday(&self, d: Date) -> &str {
        let i = usize::from(d.weekday().to_monday_zero_offset().unsigned_abs());
        self.get(WEEKDAYS.get(i).copied().unwrap_or("weekday_1"))
    }

    /// Short weekday name by Monday-zero index.
    pub fn weekday_short(&self, i: usize) -> &str {
        self.get(WEEKDAYS_SHORT.get(i).copied().unwrap_or("weekday_short_1"))
    }

    /// Long weekday name by Monday-zero index.
    pub fn weekday_name(&self, i: usize) -> &str {
        self.get(WEEKDAYS.get(i).copied().unwrap_or("weekday_1"))
    }

    /// "Sonntag, 24. September 2023".
    pub fn date_long(&self, d: Date) -> String {
        self.date_with("date_long", d)
    }

    /// "24. September 2023".
    pub fn date_medium(&self, d: Date) -> String {
        self.date_with("date_medium", d)
    }

    /// "Mai 2026".
    pub fn month_year(&self, year: i16, month: i8) -> String {
        self.fill(
            "month_year",
            &[("month", self.month(month)), ("year", &year.to_string())],
        )
    }

    fn date_with(&self, key: &str, d: Date) -> String {
        self.fill(
            key,
            &[
                ("weekday", self.weekday(d)),
                ("day", &d.day().to_string()),
                ("day2", &format!("{:02}", d.day())),
                ("month", self.month_genitive(d.month())),
                ("month2", &format!("{:02}", d.month())),
                ("year", &d.year().to_string()),
            ],
        )
    }

    /// "19:00 Uhr" / "19:00".
    pub fn time(&self, t: Time) -> String {
        self.fill(
            "time",
            &[
                ("hh", &format!("{:02}", t.hour())),
                ("mm", &format!("{:02}", t.minute())),
            ],
        )
    }

    /// A time range "19:00–21:00 Uhr".
    pub fn time_range(&self, start: Time, end: Option<Time>) -> String {
        match end {
            Some(e) => self.fill(
                "time_range",
                &[
                    (
                        "start",
                        &format!("{:02}:{:02}", start.hour(), start.minute()),
                    ),
                    ("end", &format!("{:02}:{:02}", e.hour(), e.minute())),
                ],
            ),
            None => self.time(start),
        }
    }

    /// Formats a whole number with the language's thousands separator.
    pub fn number(&self, n: u64) -> String {
        let sep = self.get("thousands_separator");
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }
}

const MONTHS: [&str; 12] = [
    "month_1", "month_2", "month_3", "month_4", "month_5", "month_6", "month_7", "month_8",
    "month_9", "month_10", "month_11", "month_12",
];
const MONTHS_GENITIVE: [&str; 12] = [
    "month_genitive_1",
    "month_genitive_2",
    "month_genitive_3",
    "month_genitive_4",
    "month_genitive_5",
    "month_genitive_6",
    "month_genitive_7",
    "month_genitive_8",
    "month_genitive_9",
    "month_genitive_10",
    "month_genitive_11",
    "month_genitive_12",
];

/// The key of month `m` (1-based) in `keys`; the first one when `m` is out of range.
fn month_key(keys: &'static [&'static str; 12], m: i8) -> &'static str {
    usize::try_from(m - 1)
        .ok()
        .and_then(|i| keys.get(i))
        .copied()
        .unwrap_or(keys[0])
}

const WEEKDAYS: [&str; 7] = [
    "weekday_1",
    "weekday_2",
    "weekday_3",
    "weekday_4",
    "weekday_5",
    "weekday_6",
    "weekday_7",
];
const WEEKDAYS_SHORT: [&str; 7] = [
    "weekday_short_1",
    "weekday_short_2",
    "weekday_short_3",
    "weekday_short_4",
    "weekday_short_5",
    "weekday_short_6",
    "weekday_short_7",
];

/// `template` with every `{name}` of `args` replaced by its value, in one pass: a value is
/// never searched for further placeholders, and unknown `{…}` stay as they are.
fn fill_in(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let found = after.find('}').and_then(|close| {
            let name = &after[..close];
            let (_, value) = args.iter().find(|(n, _)| *n == name)?;
            Some((close, *value))
        });
        match found {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::render::theme;

    fn strings(lang: &str) -> Strings {
        let en = theme::embedded_i18n("en").unwrap();
        let own = theme::embedded_i18n(lang).unwrap();
        Strings::new(lang, own, &en)
    }

    #[test]
    fn fill_replaces_known_placeholders_once() {
        let args = [("topic", "{year} & {topic}"), ("year", "2026")];
        assert_eq!(
            fill_in("Thema {topic} ({year})", &args),
            "Thema {year} & {topic} (2026)"
        );
        assert_eq!(fill_in("{unknown} {year", &args), "{unknown} {year");
        assert_eq!(fill_in("{{year}}", &args), "{2026}");
        assert_eq!(fill_in("", &args), "");
        assert_eq!(fill_in("ohne", &[]), "ohne");
    }

    #[test]
    fn german_long_date() {
        let de = strings("de");
        assert_eq!(
            de.date_long(jiff::civil::date(2023, 9, 24)),
            "Sonntag, 24.\u{A0}September\u{A0}2023"
        );
        assert_eq!(de.time(jiff::civil::time(19, 0, 0, 0)), "19:00\u{A0}Uhr");
        assert_eq!(de.number(515695), "515.695");
    }

    #[test]
    fn english_long_date() {
        let en = strings("en");
        assert_eq!(
            en.date_long(jiff::civil::date(2023, 9, 24)),
            "Sunday, 24\u{A0}September\u{A0}2023"
        );
    }

    #[test]
    fn french_long_date() {
        let fr = strings("fr");
        assert_eq!(
            fr.date_long(jiff::civil::date(2023, 9, 24)),
            "dimanche 24\u{A0}septembre\u{A0}2023"
        );
        assert_eq!(fr.time(jiff::civil::time(19, 0, 0, 0)), "19:00");
        assert_eq!(fr.number(515695), "515\u{202F}695");
    }

    #[test]
    fn polish_dates_use_the_genitive_and_headings_the_nominative() {
        let pl = strings("pl");
        assert_eq!(
            pl.date_long(jiff::civil::date(2023, 9, 24)),
            "niedziela, 24\u{A0}września\u{A0}2023"
        );
        assert_eq!(
            pl.date_medium(jiff::civil::date(2024, 2, 29)),
            "29\u{A0}lutego\u{A0}2024"
        );
        assert_eq!(pl.month_year(2023, 9), "wrzesień\u{A0}2023");
        assert_eq!(pl.number(515695), "515\u{A0}695");
    }

    #[test]
    fn ukrainian_dates_use_the_genitive() {
        let uk = strings("uk");
        assert_eq!(
            uk.date_long(jiff::civil::date(2023, 9, 24)),
            "неділя, 24\u{A0}вересня\u{A0}2023"
        );
        assert_eq!(uk.month_year(2023, 9), "вересень\u{A0}2023");
        assert_eq!(uk.number(515695), "515\u{A0}695");
    }

    #[test]
    fn turkish_long_date() {
        let tr = strings("tr");
        assert_eq!(
            tr.date_long(jiff::civil::date(2023, 9, 24)),
            "24\u{A0}Eylül\u{A0}2023 Pazar"
        );
        assert_eq!(tr.number(515695), "515.695");
    }

    #[test]
    fn hebrew_long_date() {
        let he = strings("he");
        assert_eq!(
            he.date_long(jiff::civil::date(2023, 9, 24)),
            "יום ראשון, 24\u{A0}בספטמבר\u{A0}2023"
        );
        assert_eq!(he.month_year(2023, 9), "ספטמבר\u{A0}2023");
        assert_eq!(he.number(515695), "515,695");
    }

    #[test]
    fn recurrence_dates_use_the_genitive() {
        let first = jiff::civil::date(2026, 1, 13);
        let yaml = "{every: month, weekday: di, nth: 2, until: 2026-12-08}";
        let rule =
            crate::calendar::repeat::validate(&serde_yaml::from_str(yaml).unwrap(), first).unwrap();
        let text = |lang| crate::render::describe_repeat(&rule, first, &strings(lang));
        assert_eq!(
            text("pl"),
            "co miesiąc: 2. wtorek do 8\u{A0}grudnia\u{A0}2026"
        );
        assert_eq!(
            text("uk"),
            "щомісяця: вівторок 2-го тижня до 8\u{A0}грудня\u{A0}2026"
        );
        assert_eq!(
            text("de"),
            "jeden 2. Dienstag im Monat bis 8.\u{A0}Dezember\u{A0}2026"
        );
    }

    #[test]
    fn own_nominative_months_beat_english_genitive_ones() {
        let en = theme::embedded_i18n("en").unwrap();
        let own: BTreeMap<String, String> = [
            ("month_9", "Syyskuu"),
            ("date_medium", "{day}. {month} {year}"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
        let fi = Strings::new("fi", own, &en);
        assert_eq!(
            fi.date_medium(jiff::civil::date(2023, 9, 24)),
            "24. Syyskuu 2023"
        );
        assert_eq!(fi.month_genitive(10), "October");
    }

    #[test]
    fn shipped_languages_have_every_key() {
        let en = theme::embedded_i18n("en").unwrap();
        for lang in theme::EMBEDDED_LANGUAGES {
            let own = theme::embedded_i18n(lang).unwrap();
            let missing: Vec<&String> = en
                .keys()
                .filter(|k| !own.contains_key(*k))
                .filter(|k| !k.split_once('.').is_some_and(|(b, _)| own.contains_key(b)))
                .collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            // Plural forms other than English ones (Polish `few`) belong to a key English has.
            let extra: Vec<&String> = own
                .keys()
                .filter(|k| !en.contains_key(*k))
                .filter(|k| !k.split_once('.').is_some_and(|(b, _)| en.contains_key(b)))
                .collect();
            assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
            for (key, english) in en.iter().filter(|(k, _)| !k.contains('.')) {
                let theirs = own.get(key).map_or("", String::as_str);
                assert_eq!(
                    placeholders(theirs),
                    placeholders(english),
                    "{lang}.yaml: `{key}` must use the same {{placeholders}} as English"
                );
                // Every form the language's numbers need, using no placeholder English lacks
                // (a form may leave the number out: Hebrew "שנתיים" is "two years").
                if !en.contains_key(&format!("{key}.other")) {
                    continue;
                }
                for n in 0..200 {
                    let cat = crate::render::plural::category(lang, n);
                    let form = own.get(&format!("{key}.{cat}")).or_else(|| {
                        own.get(key.as_str())
                            .filter(|_| !own.contains_key(&format!("{key}.other")))
                    });
                    assert!(form.is_some(), "{lang}.yaml: `{key}` lacks `{cat}`");
                    let Some(form) = form else { continue };
                    assert!(
                        placeholders(form).is_subset(&placeholders(english)),
                        "{lang}.yaml: `{key}.{cat}` uses a placeholder English lacks"
                    );
                }
            }
        }
    }

    /// The `{name}` placeholders of a pattern.
    fn placeholders(pattern: &str) -> std::collections::BTreeSet<&str> {
        pattern
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}'))
            .map(|(name, _)| name)
            .filter(|name| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            })
            .collect()
    }

    #[test]
    fn placeholders_are_found() {
        let found = placeholders("{weekday}, {day}. {month} {year} {not a name} {}");
        assert_eq!(
            found.into_iter().collect::<Vec<_>>(),
            ["day", "month", "weekday", "year"]
        );
        assert!(placeholders("no placeholders").is_empty());
    }
}
