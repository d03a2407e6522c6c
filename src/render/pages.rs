//! The list of HTML pages a site has, each with its template and context.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;
use tera::Context;

use crate::cache::BuildCache;
use crate::content::model::Entry;
use crate::render::context::{SiteView, Views};
use crate::render::i18n::Strings;
use crate::render::page_data::{PageData, Shared};
use crate::render::{Job, JobCtx};

/// How many upcoming events the home page lists.
const HOME_EVENTS: usize = 6;
use crate::site::Site;

/// Values every page gets: `site`, `t` (UI strings), `lang`.
pub fn base_context(site: &Site, t: &Strings) -> Context {
    let c = &site.config;
    let menu = crate::render::menu::menu(site, t);
    let page_url = |slug: &Option<String>| slug.as_ref().map(|s| site.url(&format!("{s}/")));
    let view = SiteView {
        title: c.title.clone(),
        description: c.description.clone().unwrap_or_default(),
        base_url: c.base_url.full.clone(),
        base_path: site.url(""),
        asset_path: c.base_url.path.clone(),
        language: site.lang.code.clone(),
        home: c.home.name.clone(),
        menu,
        imprint_url: page_url(&c.imprint),
        privacy_url: page_url(&c.privacy),
        search_url: c.search.then(|| site.url("search/")),
        now: site.now.to_string(),
        year: site.now.year(),
    };
    let mut ctx = Context::new();
    ctx.insert("site", &view);
    ctx.insert("t", t.map());
    ctx.insert("lang", &site.lang.code);
    ctx.insert("dir", crate::render::languages::direction(&site.lang.code));
    ctx
}

pub(super) fn page_ctx<'a>(
    site: &Site,
    title: &str,
    description: &str,
    path: &str,
) -> PageData<'a> {
    let mut ctx = PageData::new();
    ctx.insert("page_title", title.to_owned());
    ctx.insert("description", description.to_owned());
    ctx.insert("canonical", site.permalink(path));
    ctx
}

pub(super) fn job<'a>(path: &str, template: &'static str, ctx: PageData<'a>) -> Job<'a> {
    Job {
        path: format!("{path}index.html"),
        template,
        ctx: JobCtx::Ready(ctx),
        entry: None,
    }
}

/// Entry `entry`'s page at `path`, whose values `make` makes when it is rendered.
fn later<'a>(
    path: &str,
    template: &'static str,
    entry: usize,
    make: impl FnOnce() -> PageData<'a> + Send + 'a,
) -> Job<'a> {
    Job {
        path: format!("{path}index.html"),
        template,
        ctx: JobCtx::Later(Box::new(make)),
        entry: Some(entry),
    }
}

#[derive(Serialize)]
struct Anniversary {
    title: String,
    url: String,
    lang: Option<String>,
    years: i32,
    year: i16,
    /// "25 Jahre Partnerschaft im Jahr 2027", with the plural form of `years`.
    text: String,
}

/// A link to the past events of one year.
#[derive(Clone, Serialize)]
struct ArchiveYear {
    year: i16,
    url: String,
    count: usize,
    /// "12 Termine", with the plural form of `count`.
    count_text: String,
    current: bool,
}

#[derive(Serialize)]
struct YearGroup<T> {
    year: i16,
    items: Vec<T>,
}

#[derive(Serialize)]
struct TopicLink {
    name: String,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct TopicItem {
    title: String,
    url: String,
    lang: Option<String>,
    section: String,
    summary_html: Arc<str>,
}

/// Every HTML page of the site (calendar months included).
pub fn jobs<'a>(site: &'a Site, t: &'a Strings) -> Vec<Job<'a>> {
    jobs_with(site, t, None)
}

/// [`jobs`], taking maps drawn before from `cache`.
pub fn jobs_with<'a>(
    site: &'a Site,
    t: &'a Strings,
    cache: Option<&'a BuildCache>,
) -> Vec<Job<'a>> {
    let v = Views { site, t };
    let mut jobs = Vec::with_capacity(site.entries.len() + 64);
    let map_places = Arc::new(crate::render::feeds::map_places(site, t));
    let all_events: Vec<usize> = site.events.clone();
    let listed = Arc::new(v.listed_events());
    let (upcoming_all, past_all) = v.split_events(&listed, &all_events);
    // The whole map, on the home page and on /map/ (element ids prefixed per page).
    let full_map = |id_prefix: &str| {
        crate::render::feeds::map_svg(
            site,
            t,
            &map_places,
            crate::map::MapSize::Full,
            id_prefix,
            cache,
        )
    };
    let cities: Vec<_> = site
        .cities
        .iter()
        .filter_map(|&i| v.city(i).map(Shared::new))
        .collect();

    // Home
    let mut ctx = page_ctx(
        site,
        &site.config.title,
        site.config.description.as_deref().unwrap_or(""),
        "",
    );
    ctx.insert(
        "intro",
        site.home_intro
            .map(|i| crate::pictures::page_pictures(site, &site.entries[i]).content),
    );
    ctx.insert(
        "upcoming",
        upcoming_all
            .iter()
            .take(HOME_EVENTS)
            .cloned()
            .collect::<Vec<_>>(),
    );
    // As many again, hidden, for the page's script to show when listed ones are over.
    ctx.insert(
        "upcoming_spare",
        upcoming_all
            .iter()
            .skip(HOME_EVENTS)
            .take(HOME_EVENTS)
            .cloned()
            .collect::<Vec<_>>(),
    );
    ctx.insert("cities", cities.clone());
    ctx.insert(
        "news",
        site.news
            .iter()
            .take(3)
            .filter_map(|&i| v.news(i))
            .collect::<Vec<_>>(),
    );
    ctx.insert("anniversaries", anniversaries(site, &v));
    ctx.insert("map_svg", full_map("home"));
    jobs.push(job("", "index.html", ctx));

    // Cities
    let mut ctx = page_ctx(
        site,
        t.get("cities_title"),
        t.get("cities_intro"),
        "cities/",
    );
    ctx.insert("cities", cities.clone());
    jobs.push(job("cities/", "cities.html", ctx));
    // Entry pages get their values (and their small maps) when they are rendered.
    for (k, (&i, view)) in site.cities.iter().zip(&cities).enumerate() {
        let e = &site.entries[i];
        let path = e.url_path();
        let (view, listed, map_places) = (view.clone(), listed.clone(), map_places.clone());
        jobs.push(later(&path.clone(), "city.html", i, move || {
            let v = Views { site, t };
            let mut ctx = page_ctx(site, &e.common.title, &e.summary_text, &path);
            let rel = &site.relations[i];
            let (up, past) = v.split_events(&listed, &rel.events);
            ctx.insert("page", view);
            insert_body(site, e, &mut ctx);
            ctx.insert("associations", v.links(&rel.associations));
            ctx.insert("upcoming", up);
            ctx.insert("past", past);
            ctx.insert("topics", topic_links(site, &e.common.topics));
            let one: Vec<_> = map_places
                .get(k)
                .filter(|p| p.id == e.common.slug)
                .cloned()
                .into_iter()
                .collect();
            ctx.insert(
                "map_svg",
                crate::render::feeds::map_svg(
                    site,
                    t,
                    &one,
                    crate::map::MapSize::Small,
                    &e.common.slug,
                    cache,
                ),
            );
            ctx.insert("ics_url", site.url(&format!("{path}calendar.ics")));
            ctx
        }));
    }

    // Associations
    let assocs: Vec<_> = site
        .associations
        .iter()
        .filter_map(|&i| v.association(i).map(Shared::new))
        .collect();
    let mut ctx = page_ctx(
        site,
        t.get("associations_title"),
        t.get("associations_intro"),
        "associations/",
    );
    ctx.insert("associations", assocs.clone());
    jobs.push(job("associations/", "associations.html", ctx));
    for (&i, view) in site.associations.iter().zip(&assocs) {
        let e = &site.entries[i];
        let path = e.url_path();
        let (view, listed) = (view.clone(), listed.clone());
        jobs.push(later(&path.clone(), "association.html", i, move || {
            let v = Views { site, t };
            let mut ctx = page_ctx(site, &e.common.title, &e.summary_text, &path);
            let (up, past) = v.split_events(&listed, &site.relations[i].events);
            ctx.insert("page", view);
            insert_body(site, e, &mut ctx);
            ctx.insert("upcoming", up);
            ctx.insert("past", past);
            ctx.insert("topics", topic_links(site, &e.common.topics));
            ctx.insert("ics_url", site.url(&format!("{path}calendar.ics")));
            ctx
        }));
    }

    // Events
    let mut ctx = page_ctx(
        site,
        t.get("events_title"),
        t.get("events_intro"),
        "events/",
    );
    ctx.insert(
        "upcoming_months",
        crate::render::event_groups::by_month(&upcoming_all, t),
    );
    ctx.insert("upcoming", upcoming_all);
    // Past events of this year stay on /events/; earlier years get a page each, so the list
    // does not grow with every year of the partnership.
    let (recent, older): (Vec<_>, Vec<_>) = by_year(past_all, |e| {
        e.date_iso
            .get(..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or(0)
    })
    .into_iter()
    .partition(|g| g.year >= site.now.year());
    let archive_url = |year: i16| site.url(&format!("events/archive/{year}/"));
    let archive: Vec<ArchiveYear> = older
        .iter()
        .map(|g| ArchiveYear {
            year: g.year,
            url: archive_url(g.year),
            count: g.items.len(),
            count_text: t.plural(
                "events_count",
                g.items.len() as u64,
                &[("count", &t.number(g.items.len() as u64))],
            ),
            current: false,
        })
        .collect();
    ctx.insert("past_years", recent);
    ctx.insert("archive", archive.clone());
    jobs.push(job("events/", "events.html", ctx));
    for g in older {
        let path = format!("events/archive/{}/", g.year);
        let title = t.fill("archive_title", &[("year", &g.year.to_string())]);
        let mut ctx = page_ctx(site, &title, t.get("events_intro"), &path);
        let nav: Vec<ArchiveYear> = archive
            .iter()
            .map(|a| ArchiveYear {
                current: a.year == g.year,
                url: a.url.clone(),
                count_text: a.count_text.clone(),
                ..*a
            })
            .collect();
        ctx.insert("months", crate::render::event_groups::by_month(&g.items, t));
        ctx.insert("items", g.items);
        ctx.insert("archive", nav);
        jobs.push(job(&path, "events_archive.html", ctx));
    }
    for &i in &site.events {
        let e = &site.entries[i];
        if !e.has_page() {
            continue;
        }
        let path = e.url_path();
        let Some(view) = v.page_event(&listed, i) else {
            continue;
        };
        jobs.push(later(&path.clone(), "event.html", i, move || {
            let mut ctx = page_ctx(site, &e.common.title, &e.summary_text, &path);
            let dates: Vec<String> = site
                .occurrences_of(i)
                .iter()
                .filter(|o| o.end >= site.now)
                .take(12)
                .map(|o| t.date_long(o.start))
                .collect();
            ctx.insert("page", view);
            insert_body(site, e, &mut ctx);
            ctx.insert("next_dates", dates);
            ctx.insert("topics", topic_links(site, &e.common.topics));
            ctx.insert("json_ld", crate::render::feeds::event_json_ld(site, i));
            ctx.insert("ics_url", site.url(&format!("{path}{}.ics", e.common.slug)));
            ctx
        }));
    }

    // News
    let news: Vec<_> = site
        .news
        .iter()
        .filter_map(|&i| v.news(i).map(Shared::new))
        .collect();
    let mut ctx = page_ctx(site, t.get("news_title"), t.get("news_intro"), "news/");
    ctx.insert("news", news.clone());
    jobs.push(job("news/", "news_list.html", ctx));
    for (&i, view) in site.news.iter().zip(&news) {
        let e = &site.entries[i];
        let path = e.url_path();
        let mut ctx = page_ctx(site, &e.common.title, &e.summary_text, &path);
        ctx.insert("page", view.clone());
        insert_body(site, e, &mut ctx);
        ctx.insert("topics", topic_links(site, &e.common.topics));
        jobs.push(job(&path, "news.html", ctx));
    }

    // Plain pages
    for &i in &site.pages {
        let e = &site.entries[i];
        let path = e.url_path();
        let mut ctx = page_ctx(site, &e.common.title, &e.summary_text, &path);
        ctx.insert(
            "page",
            crate::render::context::Link {
                title: e.common.title.clone(),
                url: v.url(i),
                lang: v.text_lang(i),
            },
        );
        insert_body(site, e, &mut ctx);
        ctx.insert("topics", topic_links(site, &e.common.topics));
        jobs.push(job(&path, "page.html", ctx));
    }

    // Topics
    let all_topics: Vec<TopicLink> = site
        .topics
        .values()
        .map(|tp| TopicLink {
            name: tp.name.clone(),
            url: site.url(&format!("topics/{}/", tp.slug)),
            count: tp.entries.len(),
        })
        .collect();
    let mut ctx = page_ctx(
        site,
        t.get("topics_title"),
        t.get("topics_intro"),
        "topics/",
    );
    ctx.insert("topics", all_topics);
    jobs.push(job("topics/", "topics.html", ctx));
    for tp in site.topics.values() {
        let path = format!("topics/{}/", tp.slug);
        let items: Vec<TopicItem> = tp
            .entries
            .iter()
            .map(|&i| {
                let e = &site.entries[i];
                TopicItem {
                    title: e.common.title.clone(),
                    url: v.url(i),
                    lang: v.text_lang(i),
                    section: v.section_label(e.section),
                    summary_html: e.summary_html.clone(),
                }
            })
            .collect();
        let mut ctx = page_ctx(
            site,
            &t.fill("topic_title", &[("topic", &tp.name)]),
            "",
            &path,
        );
        ctx.insert("topic", &tp.name);
        ctx.insert("items", items);
        jobs.push(job(&path, "topic.html", ctx));
    }

    // Map
    let mut ctx = page_ctx(site, t.get("map_title"), t.get("map_intro"), "map/");
    ctx.insert("cities", cities);
    ctx.insert("map_svg", full_map("map"));
    jobs.push(job("map/", "map.html", ctx));
    if site.config.search {
        jobs.push(crate::render::search_page::job(&v));
    }

    // Calendar months
    jobs.extend(crate::render::calendar_pages::jobs(site, t));

    // 404 and aliases: once, at the site root, in the default language.
    if site.lang.code != site.lang.default {
        return jobs;
    }
    let ctx = page_ctx(site, t.get("not_found_title"), "", "404.html");
    jobs.push(Job {
        path: "404.html".to_owned(),
        template: "404.html",
        ctx: JobCtx::Ready(ctx),
        entry: None,
    });
    // An alias never hides a page: one on the address of a generated page (`/map/`) is left
    // out. Aliases on entry pages and on each other are content errors (`link`).
    let taken: std::collections::HashSet<String> = jobs.iter().map(|j| j.path.clone()).collect();
    for e in &site.entries {
        for a in &e.common.aliases {
            let target = site.url(&e.url_path());
            let mut ctx = page_ctx(site, &e.common.title, "", &e.url_path());
            ctx.insert("target", target);
            let a = a.trim_start_matches('/');
            let path = if a.is_empty() || a.ends_with('/') {
                format!("{a}index.html")
            } else if a.rsplit('/').next().is_some_and(|l| l.contains('.')) {
                a.to_owned()
            } else {
                format!("{a}/index.html")
            };
            if taken.contains(&path) {
                continue;
            }
            jobs.push(Job {
                path,
                template: "alias.html",
                ctx: JobCtx::Ready(ctx),
                entry: None,
            });
        }
    }
    jobs
}

fn topic_links(site: &Site, topics: &[String]) -> Vec<TopicLink> {
    topics
        .iter()
        .filter_map(|name| {
            let slug = crate::slug::slugify(name)?;
            let tp = site.topics.get(&slug)?;
            Some(TopicLink {
                name: name.clone(),
                url: site.url(&format!("topics/{slug}/")),
                count: tp.entries.len(),
            })
        })
        .collect()
}

fn by_year<T>(items: Vec<T>, year: impl Fn(&T) -> i16) -> Vec<YearGroup<T>> {
    let mut groups: BTreeMap<std::cmp::Reverse<i16>, Vec<T>> = BTreeMap::new();
    for it in items {
        groups
            .entry(std::cmp::Reverse(year(&it)))
            .or_default()
            .push(it);
    }
    groups
        .into_iter()
        .map(|(y, items)| YearGroup { year: y.0, items })
        .collect()
}

/// Round anniversaries (10, 20, 25, 30, … years) of partnerships this year and next year.
fn anniversaries(site: &Site, v: &Views<'_>) -> Vec<Anniversary> {
    let mut out = Vec::new();
    for &i in &site.cities {
        let Some(c) = site.entries[i].city() else {
            continue;
        };
        if c.status == "ended" {
            continue;
        }
        for year in [site.now.year(), site.now.year() + 1] {
            let years = i32::from(year) - i32::from(c.since.year);
            if years > 0 && (years % 10 == 0 || years % 25 == 0) {
                out.push(Anniversary {
                    title: site.entries[i].common.title.clone(),
                    url: v.url(i),
                    lang: v.text_lang(i),
                    years,
                    year,
                    text: v.t.plural(
                        "anniversary_text",
                        years.unsigned_abs().into(),
                        &[("years", &years.to_string()), ("year", &year.to_string())],
                    ),
                });
            }
        }
    }
    out.sort_by_key(|a| (a.year, -a.years));
    out
}

/// The body of `e` with its pictures drawn, its lead picture and gallery, and the picture
/// link previews show (`og_image`).
fn insert_body<'a>(site: &'a Site, e: &Entry, ctx: &mut PageData<'a>) {
    let pics = crate::pictures::page_pictures(site, e);
    let og = pics
        .lead
        .as_ref()
        .or(pics.gallery.first().map(|g| &g.view))
        .filter(|v| !v.srcset.is_empty())
        .map(|v| v.absolute.clone());
    ctx.insert("content", pics.content);
    ctx.insert("lead", pics.lead);
    ctx.insert("gallery", pics.gallery);
    ctx.insert("og_image", og);
}
