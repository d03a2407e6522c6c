//! Facts about languages that do not depend on the theme: each language's own name (for the
//! language switcher, where every language is named in itself) and its writing direction.

/// Languages written from right to left (primary subtags).
const RTL: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "syr", "ug", "ur", "yi",
];

/// `rtl` for right-to-left scripts (Arabic, Hebrew, Persian, …), else `ltr`.
pub fn direction(code: &str) -> &'static str {
    let primary = code.split('-').next().unwrap_or(code);
    if RTL.contains(&primary) { "rtl" } else { "ltr" }
}

/// Names of languages in themselves.
const AUTONYMS: &[(&str, &str)] = &[
    ("ar", "العربية"),
    ("bg", "Български"),
    ("bs", "Bosanski"),
    ("ca", "Català"),
    ("cs", "Čeština"),
    ("cy", "Cymraeg"),
    ("da", "Dansk"),
    ("de", "Deutsch"),
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("eo", "Esperanto"),
    ("es", "Español"),
    ("et", "Eesti"),
    ("eu", "Euskara"),
    ("fa", "فارسی"),
    ("fi", "Suomi"),
    ("fr", "Français"),
    ("fy", "Frysk"),
    ("ga", "Gaeilge"),
    ("he", "עברית"),
    ("hr", "Hrvatski"),
    ("hu", "Magyar"),
    ("hy", "Հայերեն"),
    ("is", "Íslenska"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ka", "ქართული"),
    ("kk", "Қазақ тілі"),
    ("ko", "한국어"),
    ("lb", "Lëtzebuergesch"),
    ("lt", "Lietuvių"),
    ("lv", "Latviešu"),
    ("mk", "Македонски"),
    ("nb", "Norsk bokmål"),
    ("nl", "Nederlands"),
    ("nn", "Norsk nynorsk"),
    ("no", "Norsk"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("sk", "Slovenčina"),
    ("sl", "Slovenščina"),
    ("sq", "Shqip"),
    ("sr", "Српски"),
    ("sv", "Svenska"),
    ("sw", "Kiswahili"),
    ("th", "ไทย"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ur", "اردو"),
    ("vi", "Tiếng Việt"),
    ("zh", "中文"),
];

/// The name of a language in itself ("Français" for `fr`); the code for unknown languages.
pub fn autonym(code: &str) -> String {
    let primary = code.split('-').next().unwrap_or(code);
    AUTONYMS
        .iter()
        .find(|(c, _)| *c == code || *c == primary)
        .map_or_else(|| code.to_owned(), |(_, n)| (*n).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hebrew_and_arabic_are_right_to_left() {
        assert_eq!(direction("he"), "rtl");
        assert_eq!(direction("ar-eg"), "rtl");
        assert_eq!(direction("de"), "ltr");
        assert_eq!(direction("uk"), "ltr");
    }

    #[test]
    fn languages_are_named_in_themselves() {
        assert_eq!(autonym("fr"), "Français");
        assert_eq!(autonym("uk"), "Українська");
        assert_eq!(autonym("pt-br"), "Português");
        assert_eq!(autonym("xx"), "xx");
    }

    #[test]
    fn autonyms_are_sorted_and_unique() {
        assert!(AUTONYMS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
