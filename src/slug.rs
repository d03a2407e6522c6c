//! Slugs: the `[a-z0-9-]+` names in URLs, made from titles, file names and topics.
//!
//! German umlauts are transliterated the German way (`ü` → `ue`, `ß` → `ss`), other Latin letters
//! lose their accents (`Kraków` → `krakow`), and Cyrillic and Greek are transliterated, so a slug
//! stays readable for the people who type it.

/// Whether `s` is a valid slug: lowercase ASCII letters, digits and single inner hyphens.
pub fn is_valid(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Makes a slug from any text; `None` when nothing usable remains (e.g. only Chinese characters).
pub fn slugify(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        let lower: String = c.to_lowercase().collect();
        for lc in lower.chars() {
            let piece = translit(lc);
            for p in piece.chars() {
                if p.is_ascii_alphanumeric() {
                    if dash && !out.is_empty() {
                        out.push('-');
                    }
                    dash = false;
                    out.push(p);
                } else {
                    dash = true;
                }
            }
        }
    }
    if out.is_empty() { None } else { Some(out) }
}

fn translit(c: char) -> &'static str {
    match c {
        'ä' => "ae",
        'ö' => "oe",
        'ü' => "ue",
        'ß' => "ss",
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' | 'ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ķ' => "k",
        'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        // Cyrillic (Ukrainian/Russian, simplified national transliteration)
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "h",
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'є' => "ie",
        'ё' => "io",
        'ж' => "zh",
        'з' => "z",
        'и' => "y",
        'і' => "i",
        'ї' => "i",
        'й' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'э' => "e",
        'ю' => "iu",
        'я' => "ia",
        'ь' | 'ъ' | '\'' | '’' => "",
        // Greek
        'α' | 'ά' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' | 'έ' => "e",
        'ζ' => "z",
        'η' | 'ή' => "i",
        'θ' => "th",
        'ι' | 'ί' | 'ϊ' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' | 'ό' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' | 'ς' => "s",
        'τ' => "t",
        'υ' | 'ύ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' | 'ώ' => "o",
        c if c.is_ascii_alphanumeric() => ascii(c),
        _ => " ",
    }
}

fn ascii(c: char) -> &'static str {
    const TABLE: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let i = match c {
        '0'..='9' => c as usize - '0' as usize,
        'a'..='z' => 10 + c as usize - 'a' as usize,
        _ => return " ",
    };
    TABLE.get(i..=i).unwrap_or(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates() {
        assert_eq!(slugify("Brünn").as_deref(), Some("bruenn"));
        assert_eq!(slugify("Kraków").as_deref(), Some("krakow"));
        assert_eq!(
            slugify("Straße der Städte").as_deref(),
            Some("strasse-der-staedte")
        );
        assert_eq!(slugify("Київ").as_deref(), Some("kyiv"));
        assert_eq!(
            slugify("  Jugend & Sport! ").as_deref(),
            Some("jugend-sport")
        );
        assert_eq!(slugify("南京"), None);
    }

    #[test]
    fn validates() {
        assert!(is_valid("lyon-2024"));
        assert!(!is_valid("Lyon"));
        assert!(!is_valid("lyon_2024"));
        assert!(!is_valid("-lyon"));
        assert!(!is_valid(""));
    }
}
