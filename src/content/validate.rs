//! Turning one file's front matter into a checked [`Entry`]: required keys, types, ranges,
//! dates and times, enum values and slug syntax, each problem with its line.
//!
//! Checks that need other files (references, duplicate slugs) live in [`crate::link`].

use std::path::Path;

use jiff::civil::Date;

use crate::calendar;
use crate::config::SiteConfig;
use crate::content::front_matter::FrontMatter;
use crate::content::model::*;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown;
use crate::slug;

mod pictures;
mod values;

use values::{contacts, coordinate, date, name_text, one_of, refs, time, url};
pub use values::{is_web_address, parse_date, parse_time};

const COMMON_KEYS: &[&str] = &[
    "title", "slug", "draft", "summary", "topics", "aliases", "weight", "image", "gallery",
];
const CITY_KEYS: &[&str] = &[
    "country",
    "country_code",
    "kind",
    "name_local",
    "region",
    "since",
    "lat",
    "lon",
    "status",
    "ended",
    "activity",
    "sdgs",
    "population",
    "website",
    "languages",
    "contacts",
];
const ASSOCIATION_KEYS: &[&str] = &[
    "cities", "website", "email", "phone", "address", "founded", "meets", "contacts",
];
const EVENT_KEYS: &[&str] = &[
    "date",
    "time",
    "end",
    "end_date",
    "location",
    "cities",
    "organizers",
    "repeat",
    "status",
    "registration",
    "cost",
];
const NEWS_KEYS: &[&str] = &["date"];
const PAGE_KEYS: &[&str] = &["menu"];

/// Checks `fm` as an entry of `section`; the entry is `None` when a required value is unusable.
pub fn entry(
    fm: &FrontMatter,
    section: Section,
    content_hash: u64,
    config: &SiteConfig,
    diags: &mut Diagnostics,
) -> Option<Entry> {
    entry_in(
        fm,
        section,
        content_hash,
        config,
        &config.base_url.path,
        diags,
    )
}

/// [`entry`] for one language of a multilingual site: links to pages in the body point below
/// `pages_base` (e.g. `/partner/fr/`), links to files below the base path.
pub fn entry_in(
    fm: &FrontMatter,
    section: Section,
    content_hash: u64,
    config: &SiteConfig,
    pages_base: &str,
    diags: &mut Diagnostics,
) -> Option<Entry> {
    let before = diags.error_count();
    let (extra, what) = match section {
        Section::City => (CITY_KEYS, msg!("content-for-city")),
        Section::Association => (ASSOCIATION_KEYS, msg!("content-for-association")),
        Section::Event => (EVENT_KEYS, msg!("content-for-event")),
        Section::News => (NEWS_KEYS, msg!("content-for-news")),
        Section::Page => (PAGE_KEYS, msg!("content-for-page")),
    };
    let known: Vec<&str> = COMMON_KEYS.iter().chain(extra).copied().collect();
    fm.check_keys(&known, &what, diags);
    let common = common(fm, diags);
    let data = match section {
        Section::City => city(fm, diags).map(Data::City),
        Section::Association => Some(Data::Association(association(fm, diags))),
        Section::Event => event(fm, diags).map(Data::Event),
        Section::News => date(fm, "date", true, diags).map(|date| Data::News(News { date })),
        Section::Page => Some(Data::Page(Page {
            menu: fm
                .get::<bool>("menu", &msg!("content-expect-bool"), diags)
                .unwrap_or(false),
        })),
    };
    let opts = markdown::RenderOptions {
        files_base: &config.base_url.path,
        pages_base,
        unsafe_html: config.unsafe_html,
    };
    let body = markdown::render_with(&fm.body, &opts);
    let (summary_html, summary_text) = match &common.summary {
        Some(s) => markdown::render_summary_with(s, &opts),
        None => (
            body.first_paragraph_html.clone(),
            body.first_paragraph_text.clone(),
        ),
    };
    let lines = crate::source::LineIndex::new(&fm.body);
    let to_pos = |offset: usize| {
        let (line, col) = markdown::body_pos(&lines, fm.body_line, offset);
        crate::content::front_matter::Pos { line, col }
    };
    let body_pictures = pictures::from_body(&body.pictures, &to_pos);
    let placeholders = crate::ready::placeholders_in(&fm.body)
        .into_iter()
        .map(to_pos)
        .collect();
    for (src, offset) in &body.images_without_alt {
        let p = to_pos(*offset);
        diags.push(
            Diagnostic::warning(
                &fm.rel_path,
                p.line,
                p.col,
                msg!("content-image-no-alt", image = src),
            )
            .with_hint(msg!("content-image-no-alt-hint")),
        );
    }
    for (what, offset) in &body.removed {
        let p = to_pos(*offset);
        diags.push(
            Diagnostic::warning(&fm.rel_path, p.line, p.col, what.message()).with_hint(what.hint()),
        );
    }
    let links = body
        .links
        .iter()
        .map(|(l, o)| (l.clone(), to_pos(*o)))
        .collect();
    if diags.error_count() > before {
        return None;
    }
    let data = data?;
    Some(Entry {
        dates: crate::content::dates::date_keys(fm, &data),
        body_pictures,
        placeholders,
        source: fm.rel_path.clone(),
        section,
        common,
        data,
        html: body.html.into(),
        summary_html: summary_html.into(),
        summary_text: summary_text.into(),
        links,
        anchors: body.anchors,
        content_hash,
    })
}

fn common(fm: &FrontMatter, diags: &mut Diagnostics) -> Common {
    let title = fm
        .require_text("title", "Partnerschaftsbrunch", diags)
        .unwrap_or_default();
    let stem = crate::content::file_slug(&fm.rel_path).unwrap_or_default();
    let slug_pos = fm.has("slug").then(|| fm.pos("slug"));
    let slug = match fm.text("slug", diags) {
        Some(s) => {
            if !slug::is_valid(&s) {
                let p = fm.pos("slug");
                let suggestion = slug::slugify(&s).unwrap_or_else(|| "name".to_owned());
                diags.push(
                    Diagnostic::error(
                        &fm.rel_path,
                        p.line,
                        p.col,
                        msg!("content-slug-invalid", slug = &s),
                    )
                    .with_hint(msg!("content-slug-invalid-hint", suggestion = suggestion)),
                );
            }
            s
        }
        None => {
            if !slug::is_valid(&stem) {
                let suggestion = slug::slugify(&stem).unwrap_or_else(|| "name".to_owned());
                diags.push(
                    Diagnostic::error(
                        &fm.rel_path,
                        0,
                        0,
                        msg!("content-file-name-invalid", name = &stem),
                    )
                    .with_hint(msg!(
                        "content-file-name-invalid-hint",
                        suggestion = suggestion
                    )),
                );
            }
            stem
        }
    };
    let aliases = capped_list(fm, "aliases", MAX_ALIASES, diags);
    for (i, a) in aliases.iter().enumerate() {
        if let Some((message, hint)) = crate::link::paths::alias_problem(a) {
            let p = fm.list_item_pos("aliases", i, a);
            diags.push(Diagnostic::error(&fm.rel_path, p.line, p.col, message).with_hint(hint));
        }
    }
    let alias_pos = aliases.iter().map(|a| fm.item_pos("aliases", a)).collect();
    Common {
        // "48.000 € gesammelt": the number keeps its unit on the line wherever the title goes.
        title: crate::render::words::bind_units(&title),
        slug,
        slug_pos,
        alias_pos,
        draft: fm
            .get::<bool>("draft", &msg!("content-expect-bool"), diags)
            .unwrap_or(false),
        summary: fm
            .text("summary", diags)
            .map(|s| crate::render::words::bind_units(&s)),
        topics: capped_list(fm, "topics", MAX_TOPICS, diags),
        aliases,
        weight: fm.get::<i64>("weight", &msg!("content-expect-weight"), diags),
        image: pictures::from_key(fm, "image", diags).into_iter().next(),
        gallery: pictures::from_key(fm, "gallery", diags),
    }
}

/// Most old addresses one entry may redirect from: each becomes a file of the site.
const MAX_ALIASES: usize = 50;
/// Most topics one entry may have: each becomes a page of the site.
const MAX_TOPICS: usize = 20;

/// The text list `key`, refused whole when it is longer than `max`: every item becomes a file
/// of the site, so one mistyped list must not make thousands.
fn capped_list(fm: &FrontMatter, key: &str, max: usize, diags: &mut Diagnostics) -> Vec<String> {
    let list = fm.text_list(key, diags);
    if list.len() <= max {
        return list;
    }
    let p = fm.pos(key);
    diags.push(
        Diagnostic::error(
            &fm.rel_path,
            p.line,
            p.col,
            msg!(
                "content-list-too-long",
                key = key,
                count = list.len(),
                max = max
            ),
        )
        .with_hint(msg!("content-list-too-long-hint", max = max)),
    );
    Vec::new()
}

fn city(fm: &FrontMatter, diags: &mut Diagnostics) -> Option<City> {
    let country = name_text(fm, "country", "Frankreich", diags);
    let country_code = fm.text("country_code", diags).map(|c| {
        if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
            let p = fm.pos("country_code");
            diags.push(
                Diagnostic::error(
                    &fm.rel_path,
                    p.line,
                    p.col,
                    msg!("content-country-code-invalid", code = &c),
                )
                .with_hint(msg!("content-country-code-invalid-hint")),
            );
        }
        c.to_ascii_uppercase()
    });
    let since = match fm.require_text("since", "1981", diags) {
        Some(s) if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse::<i16>().ok().map(|year| Since { year, date: None })
        }
        Some(s) => match parse_date(&s) {
            Ok(d) => Some(Since {
                year: d.year(),
                date: Some(d),
            }),
            Err(e) => {
                let p = fm.pos("since");
                diags.push(
                    Diagnostic::error(
                        &fm.rel_path,
                        p.line,
                        p.col,
                        msg!("content-key-problem", key = "since", problem = e),
                    )
                    .with_hint(msg!("content-since-hint")),
                );
                None
            }
        },
        None => None,
    };
    let lat = coordinate(fm, "lat", 90.0, diags);
    let lon = coordinate(fm, "lon", 180.0, diags);
    // lat and lon both 0 (a placeholder) is for `crate::ready`: an error in `check`.
    let status = one_of(fm, "status", CITY_STATUSES, "active", diags);
    let ended = fm.get::<i16>("ended", &msg!("content-expect-year-ended"), diags);
    if status == "ended" && ended.is_none() && !fm.has("ended") {
        let p = fm.pos("status");
        diags.push(
            Diagnostic::warning(
                &fm.rel_path,
                p.line,
                p.col,
                msg!("content-ended-without-year"),
            )
            .with_hint(msg!("content-ended-without-year-hint")),
        );
    }
    let sdgs = fm
        .get::<Vec<u8>>("sdgs", &msg!("content-expect-sdgs"), diags)
        .unwrap_or_default();
    if let Some(bad) = sdgs.iter().find(|g| !(1..=17).contains(*g)) {
        let p = fm.pos("sdgs");
        diags.push(Diagnostic::error(
            &fm.rel_path,
            p.line,
            p.col,
            msg!("content-sdg-out-of-range", goal = *bad),
        ));
    }
    // Every key is checked before any missing one ends the entry, so all mistakes show.
    let kind = one_of(fm, "kind", CITY_KINDS, "partnership", diags);
    let name_local = fm.text("name_local", diags);
    let region = fm.text("region", diags);
    let activity = fm
        .text("activity", diags)
        .map(|_| one_of(fm, "activity", ACTIVITIES, "A", diags));
    let population = fm.get::<u64>("population", &msg!("content-expect-population"), diags);
    let website = url(fm, "website", diags);
    let languages = fm.text_list("languages", diags);
    let contacts = contacts(fm, diags);
    Some(City {
        country: country?,
        country_code,
        kind,
        name_local,
        region,
        since: since?,
        lat: lat?,
        lon: lon?,
        status,
        ended,
        activity,
        sdgs,
        population,
        website,
        languages,
        contacts,
    })
}

fn association(fm: &FrontMatter, diags: &mut Diagnostics) -> Association {
    Association {
        cities: refs(fm, "cities", diags),
        website: url(fm, "website", diags),
        email: fm.text("email", diags),
        phone: fm.text("phone", diags),
        address: fm.text("address", diags),
        founded: fm.get::<i32>("founded", &msg!("content-expect-year-founded"), diags),
        meets: fm
            .text("meets", diags)
            .map(|s| crate::render::words::bind_units(&s)),
        contacts: contacts(fm, diags),
    }
}

fn event(fm: &FrontMatter, diags: &mut Diagnostics) -> Option<Event> {
    let start = date(fm, "date", true, diags);
    let end_date = date(fm, "end_date", false, diags);
    let t = time(fm, "time", diags);
    let end = time(fm, "end", diags);
    if let (Some(s), Some(e)) = (start, end_date)
        && e < s
    {
        let p = fm.pos("end_date");
        diags.push(
            Diagnostic::error(
                &fm.rel_path,
                p.line,
                p.col,
                msg!(
                    "content-end-date-before-date",
                    end_date = e.to_string(),
                    date = s.to_string()
                ),
            )
            .with_hint(msg!("content-end-date-before-date-hint")),
        );
    }
    if end.is_some() && t.is_none() && fm.has("end") {
        let p = fm.pos("end");
        diags.push(
            Diagnostic::error(
                &fm.rel_path,
                p.line,
                p.col,
                msg!("content-end-without-time"),
            )
            .with_hint(msg!("content-end-without-time-hint")),
        );
    }
    if let (Some(t), Some(e), None) = (t, end, end_date)
        && e <= t
    {
        let p = fm.pos("end");
        diags.push(
            Diagnostic::error(
                &fm.rel_path,
                p.line,
                p.col,
                msg!(
                    "content-end-not-after-time",
                    end = e.strftime("%H:%M").to_string(),
                    time = t.strftime("%H:%M").to_string()
                ),
            )
            .with_hint(msg!("content-end-not-after-time-hint")),
        );
    }
    let location = fm.get::<Location>("location", &msg!("content-expect-location"), diags);
    if let Some(l) = &location {
        let bad_lat = l.lat.is_some_and(|v| !(-90.0..=90.0).contains(&v));
        let bad_lon = l.lon.is_some_and(|v| !(-180.0..=180.0).contains(&v));
        if bad_lat || bad_lon {
            let p = fm.pos("location");
            diags.push(
                Diagnostic::error(
                    &fm.rel_path,
                    p.line,
                    p.col,
                    msg!("content-location-off-globe"),
                )
                .with_hint(msg!("content-location-off-globe-hint")),
            );
        }
    }
    let repeat = match (fm.has("repeat"), start) {
        (true, Some(first)) => repeat(fm, first, diags),
        (true, None) => {
            // No usable first day to check it against, but its form can still be checked.
            repeat_spec(fm, diags);
            None
        }
        _ => None,
    };
    // Every key is checked before a missing `date` ends the entry, so all mistakes show.
    let cities = refs(fm, "cities", diags);
    let organizers = refs(fm, "organizers", diags);
    let status = one_of(fm, "status", EVENT_STATUSES, "scheduled", diags);
    let registration = url(fm, "registration", diags);
    let cost = fm.text("cost", diags);
    Some(Event {
        date: start?,
        time: t,
        end,
        end_date,
        location,
        cities,
        organizers,
        repeat,
        status,
        registration,
        cost,
        remote: None,
    })
}

fn repeat_spec(fm: &FrontMatter, diags: &mut Diagnostics) -> Option<calendar::RepeatSpec> {
    fm.get::<calendar::RepeatSpec>("repeat", &msg!("content-expect-repeat"), diags)
}

fn repeat(fm: &FrontMatter, first: Date, diags: &mut Diagnostics) -> Option<calendar::Rule> {
    let spec = repeat_spec(fm, diags)?;
    let p = fm.pos("repeat");
    match calendar::validate(&spec, first) {
        Ok(rule) => {
            for w in rule.warnings() {
                diags.push(
                    Diagnostic::warning(
                        &fm.rel_path,
                        p.line,
                        p.col,
                        msg!("content-key-problem", key = "repeat", problem = w),
                    )
                    .with_hint(msg!("content-repeat-warning-hint")),
                );
            }
            Some(rule)
        }
        Err(errors) => {
            for e in errors {
                diags.push(
                    Diagnostic::error(
                        &fm.rel_path,
                        p.line,
                        p.col,
                        msg!("content-key-problem", key = "repeat", problem = e),
                    )
                    .with_hint(msg!("content-repeat-error-hint")),
                );
            }
            None
        }
    }
}

/// Whether `path` (relative to the site root) is a Markdown content file.
pub fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "md")
}
