//! Rendering: the immutable [`Site`] and a [`Theme`] in, every output file in memory out.
//!
//! Pages are described as jobs (output path, template, context), then rendered in parallel with
//! rayon; feeds and data files are written by [`feeds`], the calendar by [`calendar_pages`].
//! Nothing here touches the disk except reading the site's `static/` folder and images.

pub mod calendar_pages;
pub mod context;
pub mod event_groups;
pub mod feeds;
pub mod i18n;
pub mod languages;
pub mod menu;
pub(crate) mod month_grid;
pub mod page_data;
pub mod pages;
pub mod plural;
pub(crate) mod reach;
pub mod search_page;
pub mod theme;
pub mod words;

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::cache::{BuildCache, Lookup, PageCache};
use crate::calendar::Rule;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{Output, PageSink};
use crate::render::i18n::Strings;
use crate::render::page_data::PageData;
use crate::render::theme::{Theme, error_chain};
use crate::site::Site;

/// One page to render.
pub struct Job<'a> {
    /// Output path, e.g. `cities/lyon/index.html`.
    pub path: String,
    /// Template name.
    pub template: &'static str,
    /// Page-specific values (laid over the site-wide context).
    pub ctx: JobCtx<'a>,
    /// The entry whose page this is (cities, associations and events), for [`reach`].
    pub entry: Option<usize>,
}

/// A page's values: made when the pages are listed, or, for the entry pages that are most of
/// a site, only when the page is rendered, so that a build never holds every page's values at
/// once.
pub enum JobCtx<'a> {
    /// Made already.
    Ready(PageData<'a>),
    /// Made by this function when the page is rendered.
    Later(Box<dyn FnOnce() -> PageData<'a> + Send + 'a>),
}

impl<'a> JobCtx<'a> {
    /// The values.
    pub fn make(self) -> PageData<'a> {
        match self {
            Self::Ready(data) => data,
            Self::Later(make) => make(),
        }
    }
}

/// Renders the whole site, every language. Template errors are returned as diagnostics naming
/// the template.
pub fn render(site: &Site, theme: &Theme) -> Result<Output, Diagnostics> {
    render_with(site, theme, None)
}

/// [`render`], taking pages whose inputs `cache` has seen before from it.
pub fn render_with(
    site: &Site,
    theme: &Theme,
    cache: Option<&BuildCache>,
) -> Result<Output, Diagnostics> {
    render_into(site, theme, cache, None)
}

/// [`render_with`], handing each HTML page and calendar file to `sink` as soon as it is made
/// instead of returning it; the feeds, data and static files are returned. Everything is
/// returned as usual when the site wants relative URLs, whose rewriting needs the whole output.
pub fn render_into(
    site: &Site,
    theme: &Theme,
    cache: Option<&BuildCache>,
    sink: Option<&dyn PageSink>,
) -> Result<Output, Diagnostics> {
    let sink = sink.filter(|_| !site.config.relative_urls);
    let mut out = Output::new();
    let mut diags = Diagnostics::new();
    let mut pages = Vec::new();
    let mut sitemap_urls = Vec::new();
    for s in std::iter::once(site).chain(&site.translations) {
        render_language(
            s,
            theme,
            PageFlow { cache, sink },
            &mut out,
            &mut diags,
            &mut pages,
            &mut sitemap_urls,
        );
    }
    out.insert("sitemap.xml", feeds::sitemap(&sitemap_urls));
    // `serve` (the only build with a cache) previews the search page without its index: made
    // from every page's text, it would cost every save a fresh index.
    if site.config.search && cache.is_none() {
        search_files(site, theme, &mut out, &mut diags);
    }
    for (path, bytes) in &theme.static_files {
        if path == "search.js" && !site.config.search {
            continue;
        }
        let bytes = if site.config.minify && path.ends_with(".css") {
            minify_css(bytes)
        } else {
            bytes.clone()
        };
        out.insert(path.clone(), bytes);
    }
    copy_static(site, &mut out, &mut diags);
    if diags.has_errors() {
        return Err(diags);
    }
    if site.config.relative_urls {
        out = crate::relative::rewrite(&out, &site.config.base_url.path);
        if site.config.minify {
            minify_pages(&mut out, &pages);
        }
    }
    Ok(out)
}

/// The search index of every language (see [`crate::search`]).
fn search_files(site: &Site, theme: &Theme, out: &mut Output, diags: &mut Diagnostics) {
    let records = std::iter::once(site)
        .chain(&site.translations)
        .flat_map(|s| crate::search::records(s, theme.strings_for(&s.lang.code)))
        .collect();
    match crate::search::bundle(records) {
        Ok(files) => {
            for (path, bytes) in files {
                out.insert(path, bytes);
            }
        }
        Err(e) => diags.push(
            Diagnostic::error("pagefind/", 0, 0, msg!("render-search-failed", detail = e))
                .with_hint(msg!("render-search-failed-hint")),
        ),
    }
}

/// Renders the pages, feeds and data of one language into `out` (below `fr/` for French, at the
/// root for the default language).
fn render_language(
    site: &Site,
    theme: &Theme,
    flow: PageFlow<'_>,
    out: &mut Output,
    diags: &mut Diagnostics,
    pages: &mut Vec<String>,
    sitemap_urls: &mut Vec<feeds::SitemapUrl>,
) {
    let PageFlow { cache, sink } = flow;
    let strings = theme.strings_for(&site.lang.code);
    let prefix = site.lang.prefix.as_str();
    let base = pages::base_context(site, strings);
    let jobs = pages::jobs_with(site, strings, cache);
    let page_cache = cache
        .and_then(|c| Some(c.pages(PageCache::settings(theme.fingerprint, &site.config, &base)?)));
    let entry_pages = language_pages(site);
    for j in &jobs {
        if j.template == "alias.html" || j.template == "404.html" {
            continue;
        }
        let path = j.path.trim_end_matches("index.html");
        let entry = entry_pages.get(path).copied();
        if entry.is_some_and(|i| site.is_fallback(i)) {
            continue;
        }
        sitemap_urls.push(feeds::SitemapUrl {
            loc: site.permalink(path),
            alternates: alternates(site, path, entry),
        });
    }
    let reach = page_cache
        .as_ref()
        .map(|c| reach::Reach::new(site, c.settings_key()));
    let page = PageMaker {
        site,
        theme,
        strings,
        base: &base,
        entry_pages: &entry_pages,
    };
    let render_pages = || -> Vec<Result<RenderedPage, Diagnostic>> {
        jobs.into_par_iter()
            .map(|job| {
                let page_path = job.path.trim_end_matches("index.html").to_owned();
                let out_path = format!("{prefix}{}", job.path);
                // An entry page that no edit reached is taken as it was.
                let reached = match (job.entry, &reach, &page_cache) {
                    (Some(i), Some(reach), Some(c)) => {
                        let key = reach.page_key(site, job.template, &out_path, i);
                        if let Some(kept) = c.reached(key) {
                            #[cfg(debug_assertions)]
                            verify_reached(&page, c, job, &kept);
                            return Ok(keep(sink, out_path, Arc::clone(&kept.bytes)));
                        }
                        Some((c, key))
                    }
                    _ => None,
                };
                let current_url = site.url(&page_path);
                let (template, job_ctx) = (job.template, page.values(job, &page_path));
                let (page_ctx, slot) =
                    match PageCache::lookup(page_cache.as_ref(), template, &current_url, job_ctx) {
                        Lookup::Hit(bytes, values) => {
                            if let Some((c, key)) = reached {
                                c.remember(key, values, &bytes);
                            }
                            return Ok(keep(sink, out_path, bytes));
                        }
                        Lookup::Miss(page_ctx, slot) => (page_ctx, slot),
                    };
                let bytes = page.render(template, &out_path, &current_url, page_ctx)?;
                Ok(match (sink, reached) {
                    (Some(sink), None) => {
                        sink.put(out_path, bytes);
                        None
                    }
                    (_, reached) => {
                        let values = slot.key();
                        let bytes = slot.store(bytes);
                        if let Some(((c, key), values)) = reached.zip(values) {
                            c.remember(key, values, &bytes);
                        }
                        keep(sink, out_path, bytes)
                    }
                })
            })
            .collect()
    };
    // The feeds and calendar files are made beside the pages. `serve` runs them at the same
    // time, so the feeds' sequential parts fill the gaps of the page rendering; `build` runs
    // them one after the other, which keeps its peak memory lower (and was not slower).
    let other_files = || {
        let mut d = Diagnostics::new();
        let sink = sink.map(|sink| Prefixed { prefix, sink });
        let sink = sink.as_ref().map(|s| s as &dyn PageSink);
        let calendar_files = calendar_pages::feeds(site, strings, cache, sink, &mut d);
        (feeds::render(site, strings), calendar_files, d)
    };
    let (rendered, (feed_files, calendar_files, calendar_diags)) = if cache.is_some() {
        rayon::join(render_pages, other_files)
    } else {
        (render_pages(), other_files())
    };
    for r in rendered {
        match r {
            Ok(None) => {}
            Ok(Some((p, b))) => {
                if site.config.relative_urls {
                    pages.push(p.clone());
                }
                out.insert_shared(p, b);
            }
            Err(d) => diags.push(d),
        }
    }
    diags.extend(calendar_diags);
    for (p, b) in feed_files.into_iter().chain(calendar_files) {
        out.insert_shared(format!("{prefix}{p}"), b);
    }
}

/// What the pages of one language are made with.
struct PageMaker<'s> {
    site: &'s Site,
    theme: &'s Theme,
    strings: &'s Strings,
    base: &'s tera::Context,
    entry_pages: &'s std::collections::HashMap<String, usize>,
}

impl PageMaker<'_> {
    /// The values of `job`'s page at `page_path`, with its languages when the site has several.
    fn values<'a>(&self, job: Job<'a>, page_path: &str) -> PageData<'a> {
        let mut data = job.ctx.make();
        if self.site.lang.all.len() > 1 && !matches!(job.template, "404.html" | "alias.html") {
            let entry = self.entry_pages.get(page_path).copied();
            language_context(self.site, self.strings, page_path, entry, &mut data);
        }
        data
    }

    /// The page `out_path` drawn with `template` from `data`, minified unless the site keeps
    /// its HTML as written or has links to rewrite first.
    fn render(
        &self,
        template: &str,
        out_path: &str,
        current_url: &str,
        data: PageData<'_>,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut ctx = data.into_context(self.base);
        ctx.insert("current_url", current_url);
        let html = self.theme.tera.render(template, &ctx).map_err(|e| {
            Diagnostic::error(
                Path::new("templates").join(template),
                0,
                0,
                msg!(
                    "render-page-failed",
                    page = out_path.to_owned(),
                    detail = error_chain(&e)
                ),
            )
            .with_hint(msg!("render-page-failed-hint"))
        })?;
        // Relative links are rewritten on the quoted HTML the templates wrote, so pages are
        // minified after that pass in that case; otherwise right here, in parallel.
        let config = &self.site.config;
        Ok(if config.minify && !config.relative_urls {
            minify(html.as_bytes())
        } else {
            html.into_bytes()
        })
    }
}

/// Checks that an entry page taken by its reach key has the values it was made from: a
/// difference is an input that [`reach`] does not key.
#[cfg(debug_assertions)]
fn verify_reached(
    page: &PageMaker<'_>,
    cache: &PageCache<'_>,
    job: Job<'_>,
    kept: &crate::cache::Reached,
) {
    let page_path = job.path.trim_end_matches("index.html").to_owned();
    let (template, out_path) = (job.template, job.path.clone());
    let data = page.values(job, &page_path);
    let values = cache.key_of(template, &page.site.url(&page_path), &data);
    debug_assert_eq!(
        values,
        Some(kept.values),
        "{out_path}: the page taken by its reach key was made from other values"
    );
}

/// Where pages come from besides rendering, and where they go instead of the output.
#[derive(Clone, Copy)]
struct PageFlow<'a> {
    /// Pages rendered before from the same values.
    cache: Option<&'a BuildCache>,
    /// Takes each page instead of the returned output.
    sink: Option<&'a dyn PageSink>,
}

/// A sink for the files of one language, whose paths get the language's prefix (`fr/`).
struct Prefixed<'a> {
    prefix: &'a str,
    sink: &'a dyn PageSink,
}

impl PageSink for Prefixed<'_> {
    fn put(&self, path: String, bytes: Vec<u8>) {
        self.sink.put(format!("{}{path}", self.prefix), bytes);
    }
}

/// A page's output path and bytes (shared with the build cache), unless a sink took them.
type RenderedPage = Option<(String, Arc<Vec<u8>>)>;

/// A page taken from the cache: handed to `sink`, or kept.
fn keep(sink: Option<&dyn PageSink>, path: String, bytes: Arc<Vec<u8>>) -> RenderedPage {
    match sink {
        Some(sink) => {
            sink.put(path, bytes.to_vec());
            None
        }
        None => Some((path, bytes)),
    }
}

/// Entry pages by page path (`cities/lyon/` → entry index), for a multilingual site.
fn language_pages(site: &Site) -> std::collections::HashMap<String, usize> {
    if site.lang.all.len() < 2 {
        return std::collections::HashMap::new();
    }
    site.entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.url_path(), i))
        .collect()
}

/// The languages a page exists in for real (not as a fallback), with its full URL in each, plus
/// `x-default`; empty for a one-language site.
fn alternates(site: &Site, path: &str, entry: Option<usize>) -> Vec<(String, String)> {
    if site.lang.all.len() < 2 {
        return Vec::new();
    }
    let langs: Vec<&str> = match entry {
        Some(i) => site.languages_of(i),
        None => site.lang.all.iter().map(String::as_str).collect(),
    };
    let mut v: Vec<(String, String)> = langs
        .iter()
        .map(|l| ((*l).to_owned(), site.permalink_in(l, path)))
        .collect();
    v.push((
        "x-default".to_owned(),
        site.permalink_in(&site.lang.default, path),
    ));
    v
}

/// One entry of the language switcher.
#[derive(serde::Serialize)]
struct LanguageLink {
    code: String,
    name: String,
    url: String,
    dir: &'static str,
    current: bool,
}

#[derive(serde::Serialize)]
struct Alternate {
    code: String,
    href: String,
}

/// The switcher, `hreflang` alternates and, on a page without a translation, the note and the
/// language of its text.
fn language_context(
    site: &Site,
    t: &Strings,
    path: &str,
    entry: Option<usize>,
    ctx: &mut PageData<'_>,
) {
    let switcher: Vec<LanguageLink> = site
        .lang
        .all
        .iter()
        .map(|l| LanguageLink {
            code: l.clone(),
            name: languages::autonym(l),
            url: site.url_in(l, path),
            dir: languages::direction(l),
            current: *l == site.lang.code,
        })
        .collect();
    ctx.insert("languages", switcher);
    let alts: Vec<Alternate> = alternates(site, path, entry)
        .into_iter()
        .map(|(code, href)| Alternate { code, href })
        .collect();
    ctx.insert("alternates", alts);
    if entry.is_some_and(|i| site.is_fallback(i)) {
        let original = &site.lang.default;
        ctx.insert(
            "fallback_note",
            t.fill(
                "fallback_note",
                &[("original", &languages::autonym(original))],
            ),
        );
        ctx.insert("content_lang", original.clone());
        ctx.insert("content_dir", languages::direction(original));
        ctx.insert("canonical", site.permalink_in(original, path));
    }
}

/// Minifies the rendered pages in `pages` (not files copied from `static/`), in parallel.
fn minify_pages(out: &mut Output, pages: &[String]) {
    let wanted: std::collections::HashSet<&str> = pages.iter().map(String::as_str).collect();
    let mut todo: Vec<&mut Vec<u8>> = out
        .iter_mut()
        .filter(|(p, _)| wanted.contains(p))
        .map(|(_, b)| b)
        .collect();
    todo.par_iter_mut()
        .for_each(|bytes| **bytes = minify(bytes.as_slice()));
}

/// Which template renders each HTML page (output path → template name), for reports.
pub fn page_templates(site: &Site, theme: &Theme) -> std::collections::HashMap<String, String> {
    pages::jobs(site, &theme.strings)
        .into_iter()
        .map(|j| (j.path, j.template.to_owned()))
        .collect()
}

/// Minifies one HTML page as the build does with `minify: true`. Inline CSS and JS are left
/// alone: the theme keeps its CSS in `style.css` (minified once) and the map's inline style is
/// already compact, while running the CSS and JS minifiers on every page took most of the
/// build time. Public for the build benchmark, which times it on its own.
pub fn minify(html: &[u8]) -> Vec<u8> {
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    minify_html::minify(html, &cfg)
}

fn minify_css(css: &[u8]) -> Vec<u8> {
    let mut wrapped = b"<style>".to_vec();
    wrapped.extend_from_slice(css);
    wrapped.extend_from_slice(b"</style>");
    let mut cfg = minify_html::Cfg::new();
    cfg.minify_css = true;
    let out = minify_html::minify(&wrapped, &cfg);
    out.strip_prefix(b"<style>")
        .and_then(|o| o.strip_suffix(b"</style>"))
        .map_or_else(|| css.to_vec(), <[u8]>::to_vec)
}

/// Copies the site's `static/` folder and images that sit next to content files, every file
/// read through [`crate::fs_safe`].
fn copy_static(site: &Site, out: &mut Output, diags: &mut Diagnostics) {
    let static_dir = Path::new("static");
    let walk = match crate::walk::walk(&site.root, static_dir) {
        Ok(w) => w.unwrap_or_default(),
        Err(d) => {
            diags.push(d);
            Default::default()
        }
    };
    diags.extend(walk.problems);
    let files: Vec<Result<Option<Published>, Diagnostic>> = walk
        .files
        .par_iter()
        .map(|found| static_file(site, static_dir, found))
        .collect();
    for (found, file) in walk.files.iter().zip(files) {
        match file {
            Ok(Some((key, bytes))) => {
                if out.contains(&key) && !key.ends_with(".css") && !key.ends_with(".svg") {
                    diags.push(Diagnostic::warning(
                        &found.rel,
                        0,
                        0,
                        msg!("render-static-replaces-page", key = &key),
                    ));
                }
                out.insert(key, bytes);
            }
            Ok(None) => {}
            Err(d) => diags.push(d),
        }
    }
    copy_images(site, out, diags);
}

/// A file to publish: output path and bytes.
type Published = (String, Vec<u8>);

/// One file of `static/` as published: a photo a page names is published in its processed
/// sizes only (`None`), another JPEG, PNG or WebP without its metadata, anything else as it is.
fn static_file(
    site: &Site,
    static_dir: &Path,
    found: &crate::walk::Found,
) -> Result<Option<Published>, Diagnostic> {
    let Ok(rel) = found.rel.strip_prefix(static_dir) else {
        return Ok(None);
    };
    let key = crate::diagnostics::display_path(rel);
    if !crate::write::valid_key(&key) {
        return Err(
            Diagnostic::error(&found.rel, 0, 0, msg!("render-static-name-unusable"))
                .with_hint(msg!("render-static-name-unusable-hint")),
        );
    }
    if site.photos.names(&found.rel) {
        return Ok(None);
    }
    let bytes = crate::walk::read(&site.root, found, crate::fs_safe::STATIC)?;
    if !crate::pictures::is_raster(&key) {
        return Ok(Some((key, bytes)));
    }
    match crate::photo::clean_cached(site.photos.cache(), &bytes) {
        Ok(clean) => Ok(Some((key, clean.bytes))),
        Err(e) => Err(Diagnostic::error(
            &found.rel,
            0,
            0,
            msg!("render-static-image-unusable", problem = e.message()),
        )
        .with_hint(e.hint())),
    }
}

/// Copies the SVGs next to content files (checked while loading; read here through the same
/// rule, so a file changed since then cannot slip through), and adds the photos' sizes.
fn copy_images(site: &Site, out: &mut Output, diags: &mut Diagnostics) {
    use crate::content::images::{self, ImageFile};
    for e in &site.entries {
        for p in e.pictures().filter(|p| !crate::markdown::is_photo(&p.src)) {
            let read = match images::locate(&e.source, &e.url_path(), &p.src) {
                Ok(ImageFile::Beside { rel, output }) => {
                    crate::fs_safe::read(&site.root, &rel, crate::fs_safe::IMAGE)
                        .map(|bytes| out.insert(output, bytes))
                }
                Ok(ImageFile::External | ImageFile::Static(_)) => Ok(()),
                Err(r) => Err(r),
            };
            if let Err(r) = read {
                diags.push(images::problem(&site.root, e, p, &r));
            }
        }
    }
    for (path, bytes) in &site.photos.files {
        out.insert_shared(path.clone(), bytes.clone());
    }
}

/// A recurrence rule in words, e.g. "jeden 2. Dienstag im Monat".
pub fn describe_repeat(rule: &Rule, first: jiff::civil::Date, t: &Strings) -> String {
    // The strings that count (dates, months, weeks) take the plural form of their number.
    let fill = |key: &str, args: &[(&str, &str)]| {
        let count = args
            .iter()
            .find(|(name, _)| matches!(*name, "count" | "interval"))
            .and_then(|(_, v)| v.parse::<u64>().ok());
        match count {
            Some(n) => t.plural(key, n, args),
            None => t.fill(key, args),
        }
    };
    crate::calendar::describe(rule, first, &fill, &|i| t.weekday_name(i).to_owned())
}
