//! The Fluent catalogs built into the binary, one bundle per [`Lang`], and the lookup that turns
//! a message id and its arguments into text.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use super::{Lang, language};

/// The catalog files of one language, in a fixed order: one file per area of the program.
macro_rules! files {
    ($lang:literal) => {
        [
            include_str!(concat!("../../locales/", $lang, "/common.ftl")),
            include_str!(concat!("../../locales/", $lang, "/cli.ftl")),
            include_str!(concat!("../../locales/", $lang, "/config.ftl")),
            include_str!(concat!("../../locales/", $lang, "/content.ftl")),
            include_str!(concat!("../../locales/", $lang, "/links.ftl")),
            include_str!(concat!("../../locales/", $lang, "/checks.ftl")),
            include_str!(concat!("../../locales/", $lang, "/calendar.ftl")),
            include_str!(concat!("../../locales/", $lang, "/render.ftl")),
            include_str!(concat!("../../locales/", $lang, "/photos.ftl")),
            include_str!(concat!("../../locales/", $lang, "/serve.ftl")),
            include_str!(concat!("../../locales/", $lang, "/scaffold.ftl")),
            include_str!(concat!("../../locales/", $lang, "/network.ftl")),
        ]
    };
}

/// The names of the catalog files, in the order of [`sources`].
#[cfg(test)]
pub(crate) const FILE_NAMES: [&str; 12] = [
    "common", "cli", "config", "content", "links", "checks", "calendar", "render", "photos",
    "serve", "scaffold", "network",
];

/// The text of every catalog file of `lang`, in the order of [`FILE_NAMES`].
pub(crate) fn sources(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::En => files!("en"),
        Lang::De => files!("de"),
    }
}

/// One message argument: a text or a number (numbers select plural forms).
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text, shown as it is.
    Text(String),
    /// A number.
    Number(f64),
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Text(v.to_owned())
    }
}

impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Text(v)
    }
}

impl From<&String> for Arg {
    fn from(v: &String) -> Self {
        Arg::Text(v.clone())
    }
}

impl From<Cow<'_, str>> for Arg {
    fn from(v: Cow<'_, str>) -> Self {
        Arg::Text(v.into_owned())
    }
}

impl From<char> for Arg {
    fn from(v: char) -> Self {
        Arg::Text(v.to_string())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(v: $t) -> Self {
                Arg::Number(v as f64)
            }
        }
        impl From<&$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(v: &$t) -> Self {
                Arg::Number(*v as f64)
            }
        }
    )*};
}

number_args!(u8, u16, u32, u64, usize, i32, i64, f32, f64);

struct Catalogs {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
}

fn catalogs() -> &'static Catalogs {
    static CATALOGS: OnceLock<Catalogs> = OnceLock::new();
    CATALOGS.get_or_init(|| Catalogs {
        bundles: Lang::ALL.iter().map(|&l| (l, bundle(l))).collect(),
    })
}

/// The bundle of `lang`. A file that does not parse, or an id given twice, leaves the entries
/// that did parse; the catalog tests fail on both.
pub(crate) fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Terminal text: no invisible isolation marks around arguments.
    bundle.set_use_isolating(false);
    for source in sources(lang) {
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `id` in the current language with `args`; English when the current language
/// lacks it, and the id itself when English lacks it too (the catalog tests rule that out).
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    let all = catalogs();
    let wanted = language();
    let pick = |lang: Lang| all.bundles.iter().find(|(l, _)| *l == lang).map(|(_, b)| b);
    let found = pick(wanted)
        .filter(|b| b.has_message(id))
        .or_else(|| pick(Lang::En).filter(|b| b.has_message(id)));
    match found {
        Some(bundle) => format(bundle, id, args),
        None => id.to_owned(),
    }
}

fn format(bundle: &FluentBundle<FluentResource>, id: &str, args: &[(&str, Arg)]) -> String {
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Arg::Text(t) => FluentValue::from(t.as_str()),
            Arg::Number(n) => FluentValue::from(*n),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

#[cfg(test)]
mod tests;
