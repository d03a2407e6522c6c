//! The search page (`/search/`): a search form for the theme's script and, for visitors
//! without JavaScript, an index of every city, association and event.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::model::Data;
use crate::render::Job;
use crate::render::context::{Link, Views};
use crate::render::i18n::Strings;
use crate::render::pages::{job as page_job, page_ctx};
use crate::render::plural::CATEGORIES;

/// The events of one year in the page's index, newest year first.
#[derive(Debug, Clone, Serialize)]
pub struct YearOfEvents {
    /// The year.
    pub year: i16,
    /// Its events in date order, each with its date.
    pub events: Vec<DatedLink>,
}

/// A link with the date shown beside it.
#[derive(Debug, Clone, Serialize)]
pub struct DatedLink {
    /// The link.
    #[serde(flatten)]
    pub link: Link,
    /// The date as the page shows it.
    pub date: String,
    /// The date, ISO (for `<time datetime>`).
    pub date_iso: String,
}

/// The search page of `v`'s language.
pub fn job<'a>(v: &Views<'a>) -> Job<'a> {
    let (site, t) = (v.site, v.t);
    let mut ctx = page_ctx(
        site,
        t.get("search_title"),
        t.get("search_intro"),
        "search/",
    );
    ctx.insert("cities", v.links(&site.cities));
    ctx.insert("associations", v.links(&site.associations));
    ctx.insert("event_years", event_years(v));
    ctx.insert("result_forms", result_forms(t));
    page_job("search/", "search.html", ctx)
}

/// The forms of "N results" by plural category, for the page's script (which picks one with
/// the browser's `Intl.PluralRules`).
fn result_forms(t: &Strings) -> BTreeMap<&'static str, String> {
    let mut forms: BTreeMap<&'static str, String> = CATEGORIES
        .iter()
        .filter_map(|&c| Some((c, t.map().get(&format!("search_results.{c}"))?.clone())))
        .collect();
    forms
        .entry("other")
        .or_insert_with(|| t.get("search_results").to_owned());
    forms
}

fn event_years(v: &Views<'_>) -> Vec<YearOfEvents> {
    let mut dated: Vec<(jiff::civil::Date, usize)> = v
        .site
        .events
        .iter()
        .filter_map(|&i| match &v.site.entries[i].data {
            Data::Event(e) if v.site.entries[i].has_page() => Some((e.date, i)),
            _ => None,
        })
        .collect();
    dated.sort();
    let mut years: Vec<YearOfEvents> = Vec::new();
    for (date, i) in dated {
        let item = DatedLink {
            link: v.link(i),
            date: v.t.date_medium(date),
            date_iso: date.to_string(),
        };
        match years.last_mut() {
            Some(y) if y.year == date.year() => y.events.push(item),
            _ => years.push(YearOfEvents {
                year: date.year(),
                events: vec![item],
            }),
        }
    }
    years.reverse();
    years
}
