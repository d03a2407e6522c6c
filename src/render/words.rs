//! Counted words and bound numbers in what the site writes: "seit 1963 · 63 Jahre" with the
//! right plural form, and a no-break space (U+00A0) between a number and its unit in free text
//! such as an event's `cost` ("15 €", "€ 15").

use jiff::civil::Date;

use crate::content::model::{City, Since};
use crate::render::i18n::Strings;

const NBSP: char = '\u{A0}';

/// Units, currency signs and counted words that stay on the line of the number before them.
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "€", "$", "£", "¥", "₴", "₺", "₪", "₽", "%", "‰", "EUR", "Euro", "USD", "CHF", "GBP", "PLN",
    "UAH", "TRY", "ILS", "zł", "грн", "Kč", "Ft", "ct", "Cent", "km", "m", "kg", "g", "h", "min",
    "Min.", "Std.", "Uhr", "Pers.", "Jahr", "Jahre", "Jahren", "Jahres", "Tage", "Tagen",
    "Einwohner", "years", "year", "ans", "lat", "lata", "rok", "roku", "років", "роки", "рік",
    "yıl", "שנים", "שנה",
];

/// Currency signs that stay on the line of the number after them ("€ 15", "CHF 20").
const SIGNS_BEFORE: &[&str] = &["€", "$", "£", "₴", "₺", "₪", "EUR", "CHF", "USD", "GBP"];

/// `text` with each ordinary space between a number and a following unit or currency sign, and
/// between a currency sign and a following number, made a no-break space.
pub fn bind_units(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, c) in text.char_indices() {
        if c == ' ' && (number_then_unit(text, i) || sign_then_number(text, i)) {
            out.push(NBSP);
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether the space at byte `i` follows a digit and precedes a whole unit word.
fn number_then_unit(text: &str, i: usize) -> bool {
    let (before, after) = (&text[..i], &text[i + 1..]);
    before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit())
        && UNITS.iter().any(|u| {
            after
                .strip_prefix(u)
                .is_some_and(|rest| !rest.chars().next().is_some_and(char::is_alphanumeric))
        })
}

/// Whether the space at byte `i` follows a currency sign (as a whole word) and precedes a digit.
fn sign_then_number(text: &str, i: usize) -> bool {
    let (before, after) = (&text[..i], &text[i + 1..]);
    after.chars().next().is_some_and(|c| c.is_ascii_digit())
        && SIGNS_BEFORE.iter().any(|s| {
            before
                .strip_suffix(s)
                .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
        })
}

/// A partnership's start in words: the text that stands on its own ("seit 1963 · 63 Jahre") and
/// the value under the label "Seit" ("15. Juni 1963 (63 Jahre)"). Years are whole years up to
/// `now` when the day is known, else the difference of the years.
pub fn since(city: &City, now: Date, t: &Strings) -> (String, String) {
    let since: &Since = &city.since;
    let year = since.year.to_string();
    if let (true, Some(ended)) = (city.status == "ended", city.ended) {
        let text = t.fill(
            "since_ended",
            &[("since", &year), ("ended", &ended.to_string())],
        );
        return (text.clone(), text);
    }
    let years = match since.date {
        Some(d) => {
            let before_day = (now.month(), now.day()) < (d.month(), d.day());
            i32::from(now.year()) - i32::from(d.year()) - i32::from(before_day)
        }
        None => i32::from(now.year()) - i32::from(since.year),
    };
    let start = since
        .date
        .map_or_else(|| year.clone(), |d| t.date_medium(d));
    match u64::try_from(years) {
        Ok(n) if n >= 1 => {
            let count = n.to_string();
            (
                t.plural("since_years", n, &[("since", &year), ("years", &count)]),
                t.plural("since_value", n, &[("since", &start), ("years", &count)]),
            )
        }
        _ => (t.fill("since_year", &[("since", &year)]), start),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::render::theme;

    fn strings(lang: &str) -> Strings {
        let en = theme::embedded_i18n("en").unwrap();
        Strings::new(lang, theme::embedded_i18n(lang).unwrap(), &en)
    }

    #[test]
    fn costs_keep_numbers_and_units_together() {
        assert_eq!(
            bind_units("15 €, ermäßigt 8 €"),
            "15\u{A0}€, ermäßigt 8\u{A0}€"
        );
        assert_eq!(bind_units("1.450 € pro Person"), "1.450\u{A0}€ pro Person");
        assert_eq!(bind_units("€ 15 oder CHF 20"), "€\u{A0}15 oder CHF\u{A0}20");
        assert_eq!(
            bind_units("30 zł, 100 грн, 10 %"),
            "30\u{A0}zł, 100\u{A0}грн, 10\u{A0}%"
        );
        assert_eq!(bind_units("ab 18 Uhr, 5 km"), "ab 18\u{A0}Uhr, 5\u{A0}km");
        // Counted years in titles and summaries ("50 Jahre York", "50 ans", "50 lat").
        assert_eq!(
            bind_units("50 Jahre York, 50 ans, 50 lat"),
            "50\u{A0}Jahre York, 50\u{A0}ans, 50\u{A0}lat"
        );
        assert_eq!(bind_units("seit 20 Jahren"), "seit 20\u{A0}Jahren");
        // Words that merely start like a unit, and numbers before ordinary words, stay apart.
        assert_eq!(bind_units("2 mal 3 Euros 4 gute"), "2 mal 3 Euros 4 gute");
        assert_eq!(bind_units("Eintritt frei"), "Eintritt frei");
        assert_eq!(bind_units("ZEUR 5"), "ZEUR 5");
        assert_eq!(bind_units(""), "");
    }

    /// The word for `n` years in a language, as `since_value` writes it.
    fn years(lang: &str, n: u64) -> String {
        let t = strings(lang);
        t.plural(
            "since_value",
            n,
            &[("since", "X"), ("years", &n.to_string())],
        )
        .trim_start_matches("X (")
        .trim_end_matches(')')
        .replace('\u{A0}', " ")
    }

    #[test]
    fn years_take_the_plural_form_of_their_number() {
        let de: Vec<String> = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101]
            .map(|n| years("de", n))
            .into();
        assert_eq!(
            de,
            [
                "0 Jahre",
                "1 Jahr",
                "2 Jahre",
                "3 Jahre",
                "5 Jahre",
                "11 Jahre",
                "21 Jahre",
                "22 Jahre",
                "25 Jahre",
                "101 Jahre"
            ]
        );
        let pl: Vec<String> = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101]
            .map(|n| years("pl", n))
            .into();
        assert_eq!(
            pl,
            [
                "0 lat", "1 rok", "2 lata", "3 lata", "5 lat", "11 lat", "21 lat", "22 lata",
                "25 lat", "101 lat"
            ]
        );
        let uk: Vec<String> = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101]
            .map(|n| years("uk", n))
            .into();
        assert_eq!(
            uk,
            [
                "0 років",
                "1 рік",
                "2 роки",
                "3 роки",
                "5 років",
                "11 років",
                "21 рік",
                "22 роки",
                "25 років",
                "101 рік"
            ]
        );
        assert_eq!(years("en", 1), "1 year");
        assert_eq!(years("en", 21), "21 years");
        assert_eq!(years("fr", 0), "0 an");
        assert_eq!(years("fr", 2), "2 ans");
        assert_eq!(years("he", 1), "שנה אחת");
        assert_eq!(years("he", 2), "שנתיים");
        assert_eq!(years("he", 63), "63 שנים");
        assert_eq!(years("tr", 1), "1 yıl");
    }
}
