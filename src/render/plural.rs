//! Plural forms of UI strings: reading them from the theme's i18n files and choosing the form a
//! number takes in a language (CLDR rules via `intl_pluralrules`).
//!
//! A string that counts something is written as a map of CLDR categories,
//! `since_years: { one: "seit {since} · {years} Jahr", other: "seit {since} · {years} Jahre" }`.
//! It is kept flat, as `since_years.one`, `since_years.other`, and `since_years` (the `other`
//! form, so templates that print `t.since_years` keep working). A theme may still give a plain
//! string for such a key: it then stands for every number.

use std::collections::BTreeMap;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

/// The CLDR plural categories, as written in the i18n files.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// The category `n` falls in for `lang` ("one", "few", …). Languages CLDR does not know count
/// like English.
pub fn category(lang: &str, n: u64) -> &'static str {
    let rules = lang
        .parse::<unic_langid::LanguageIdentifier>()
        .ok()
        .and_then(|id| PluralRules::create(id, PluralRuleType::CARDINAL).ok());
    let Some(rules) = rules else {
        return if n == 1 { "one" } else { "other" };
    };
    match rules.select(n) {
        Ok(PluralCategory::ZERO) => "zero",
        Ok(PluralCategory::ONE) => "one",
        Ok(PluralCategory::TWO) => "two",
        Ok(PluralCategory::FEW) => "few",
        Ok(PluralCategory::MANY) => "many",
        Ok(PluralCategory::OTHER) | Err(_) => "other",
    }
}

/// The form of `key` for `n` in `map`: `key.<category>`, else `key.other`, else the plain
/// `key` (a theme's single string), else `None`.
pub fn pick<'a>(
    map: &'a BTreeMap<String, String>,
    lang: &str,
    key: &str,
    n: u64,
) -> Option<&'a str> {
    let cat = category(lang, n);
    map.get(&format!("{key}.{cat}"))
        .or_else(|| map.get(&format!("{key}.other")))
        .or_else(|| map.get(key))
        .map(String::as_str)
}

/// Lays the strings of `over` over `base`. A key `over` gives as a plain string drops the plural
/// forms `base` has for it, so a theme's single string is not hidden by the built-in forms.
pub fn overlay(base: &mut BTreeMap<String, String>, over: BTreeMap<String, String>) {
    for key in over.keys().filter(|k| !k.contains('.')) {
        for cat in CATEGORIES {
            let form = format!("{key}.{cat}");
            if !over.contains_key(&form) {
                base.remove(&form);
            }
        }
    }
    base.extend(over);
}

/// A problem in an i18n file: the line (1-based, 0 when unknown) and the message.
pub type UiError = (usize, String);

/// Reads an i18n file: `key: text` lines and plural maps (`key: { one: …, other: … }`), flattened
/// as described in the module documentation.
pub fn parse_ui_strings(name: &str, text: &str) -> Result<BTreeMap<String, String>, UiError> {
    let raw: BTreeMap<String, serde_yaml::Value> = serde_yaml::from_str(text).map_err(|e| {
        let line = e.location().map_or(0, |l| l.line());
        (
            line,
            crate::content::front_matter::string_map_message(name, &e),
        )
    })?;
    let mut out = BTreeMap::new();
    for (key, value) in raw {
        let line = || key_line(text, &key);
        if key.contains('.') {
            return Err((line(), msg!("render-ui-key-dot", file = name, key = &key)));
        }
        match value {
            serde_yaml::Value::Mapping(forms) => {
                for (cat, form) in forms {
                    let (Some(cat), Some(form)) = (cat.as_str(), scalar(&form)) else {
                        return Err((
                            line(),
                            msg!("render-ui-plural-form", file = name, key = &key),
                        ));
                    };
                    if !CATEGORIES.contains(&cat) {
                        return Err((
                            line(),
                            msg!(
                                "render-ui-plural-category",
                                file = name,
                                key = &key,
                                category = cat
                            ),
                        ));
                    }
                    out.insert(format!("{key}.{cat}"), form);
                }
                let Some(other) = out.get(&format!("{key}.other")).cloned() else {
                    return Err((
                        line(),
                        msg!("render-ui-plural-other", file = name, key = &key),
                    ));
                };
                out.insert(key, other);
            }
            v => match scalar(&v) {
                Some(s) => {
                    out.insert(key, s);
                }
                None => {
                    return Err((line(), msg!("render-ui-value", file = name, key = &key)));
                }
            },
        }
    }
    Ok(out)
}

/// A scalar YAML value as text (numbers and booleans as written).
fn scalar(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The 1-based line where `key:` starts at the left margin, 0 when not found.
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start_matches(['"', '\'']);
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start_matches(['"', '\'']).starts_with(':'))
        })
        .map_or(0, |i| i + 1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn forms(lang: &str, numbers: &[u64]) -> Vec<&'static str> {
        numbers.iter().map(|&n| category(lang, n)).collect()
    }

    const NUMBERS: [u64; 10] = [0, 1, 2, 3, 5, 11, 21, 22, 25, 101];

    #[test]
    fn cldr_categories_of_the_shipped_languages() {
        assert_eq!(
            forms("de", &NUMBERS),
            [
                "other", "one", "other", "other", "other", "other", "other", "other", "other",
                "other"
            ]
        );
        assert_eq!(
            forms("pl", &NUMBERS),
            [
                "many", "one", "few", "few", "many", "many", "many", "few", "many", "many"
            ]
        );
        assert_eq!(
            forms("uk", &NUMBERS),
            [
                "many", "one", "few", "few", "many", "many", "one", "few", "many", "one"
            ]
        );
        assert_eq!(category("fr", 0), "one");
        assert_eq!(category("fr", 2), "other");
        assert_eq!(category("he", 2), "two");
        assert_eq!(category("tr", 1), "one");
        assert_eq!(category("en", 0), "other");
        assert_eq!(category("xx-not-a-language", 1), "one");
        assert_eq!(category("", 7), "other");
    }

    #[test]
    fn plural_maps_are_flattened_and_checked() {
        let m = parse_ui_strings(
            "de",
            "a: \"x\"\nyears:\n  one: \"{n} Jahr\"\n  other: \"{n} Jahre\"\n",
        )
        .unwrap();
        assert_eq!(m["years.one"], "{n} Jahr");
        assert_eq!(m["years"], "{n} Jahre");
        assert_eq!(pick(&m, "de", "years", 1), Some("{n} Jahr"));
        assert_eq!(pick(&m, "pl", "years", 5), Some("{n} Jahre"));
        assert_eq!(pick(&m, "de", "a", 5), Some("x"));
        let (line, msg) =
            parse_ui_strings("de", "a: \"x\"\nyears:\n  one: \"{n} Jahr\"\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(msg.contains("`other`"), "{msg}");
        let (line, msg) = parse_ui_strings("de", "a: x\nb:\n  eins: y\n  other: z\n").unwrap_err();
        assert_eq!(line, 2);
        assert!(msg.contains("\"eins\""), "{msg}");
        let (line, _) = parse_ui_strings("de", "a: x\nb: [1, 2]\n").unwrap_err();
        assert_eq!(line, 2);
    }

    #[test]
    fn a_plain_string_replaces_built_in_forms() {
        let mut base =
            parse_ui_strings("de", "y:\n  one: \"{n} Jahr\"\n  other: \"{n} Jahre\"\n").unwrap();
        overlay(&mut base, [("y".to_owned(), "{n} J.".to_owned())].into());
        assert_eq!(pick(&base, "de", "y", 1), Some("{n} J."));
    }
}
