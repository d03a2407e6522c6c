//! Which language to speak: `--lang`, then `TWINSITE_LANG`, then the system locale, then English.

use super::Lang;

/// The language for this run. `cli` is `--lang`; `var` reads an environment variable (passed in
/// so tests need not change the process's environment). A `TWINSITE_LANG` naming a language
/// without a catalog is passed over; the system locale decides in full (`C` or `fr_FR` mean
/// English).
pub fn choose(cli: Option<&str>, var: &dyn Fn(&str) -> Option<String>) -> Lang {
    if let Some(lang) = cli.and_then(from_tag) {
        return lang;
    }
    if let Some(lang) = var("TWINSITE_LANG").as_deref().and_then(from_tag) {
        return lang;
    }
    system(var)
        .as_deref()
        .and_then(from_tag)
        .unwrap_or(Lang::En)
}

/// The language of a tag or locale name such as `de`, `de-AT`, `de_DE.UTF-8` or `de_DE@euro`;
/// `None` for languages without a catalog and for `C`/`POSIX`.
pub fn from_tag(tag: &str) -> Option<Lang> {
    let language = tag
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    Lang::ALL.into_iter().find(|l| l.tag() == language)
}

/// The locale that decides the language of messages on this system: as POSIX says, the first
/// of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty.
#[cfg(not(any(windows, target_os = "macos")))]
fn system(var: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.trim().is_empty()))
}

/// The user's language as Windows or macOS report it (their settings, not the environment);
/// the POSIX variables still win when set, as in a terminal that sets them.
#[cfg(any(windows, target_os = "macos"))]
fn system(var: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.trim().is_empty()))
        .or_else(sys_locale::get_locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn the_flag_wins_over_the_environment() {
        let var = env(&[("TWINSITE_LANG", "de"), ("LANG", "de_DE.UTF-8")]);
        assert_eq!(choose(Some("en"), &var), Lang::En);
        assert_eq!(choose(None, &var), Lang::De);
    }

    #[test]
    fn twinsite_lang_wins_over_the_locale_unless_unknown() {
        assert_eq!(
            choose(None, &env(&[("TWINSITE_LANG", "en"), ("LANG", "de_DE")])),
            Lang::En
        );
        assert_eq!(
            choose(None, &env(&[("TWINSITE_LANG", "xx"), ("LANG", "de_DE")])),
            Lang::De
        );
    }

    #[test]
    fn the_locale_is_read_as_posix_says() {
        let de = env(&[("LC_MESSAGES", "de_AT.UTF-8"), ("LANG", "en_US.UTF-8")]);
        assert_eq!(choose(None, &de), Lang::De);
        let c = env(&[("LC_ALL", "C"), ("LANG", "de_DE.UTF-8")]);
        assert_eq!(choose(None, &c), Lang::En);
        let empty = env(&[("LC_ALL", ""), ("LANG", "de_DE@euro")]);
        assert_eq!(choose(None, &empty), Lang::De);
        let french = env(&[("LANG", "fr_FR.UTF-8")]);
        assert_eq!(choose(None, &french), Lang::En);
    }

    #[test]
    fn tags_are_read_in_every_common_spelling() {
        for tag in ["de", "DE", "de-CH", "de_DE.UTF-8", "de_DE@euro"] {
            assert_eq!(from_tag(tag), Some(Lang::De), "{tag}");
        }
        for tag in ["", "C", "POSIX", "fr", "dex"] {
            assert_eq!(from_tag(tag), None, "{tag}");
        }
    }
}
