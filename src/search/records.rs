//! What the search index holds for each page: the text a visitor reads on it, made from the
//! site's values (title, names, facts and body), one record per page with its own text.

use crate::content::model::Data;
use crate::escape::xml_escape;
use crate::render::i18n::Strings;
use crate::site::Site;

/// One page as the search index sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The page's address below the site root, with the language prefix and without a leading
    /// `/` (`cities/lyon/`, `fr/cities/lyon/`); Pagefind's script puts the site's own root in
    /// front, so the index works under a sub-path and with relative links.
    pub url: String,
    /// The language of the page (its index).
    pub language: String,
    /// The page as Pagefind reads it: a small HTML document of the page's title, facts, teaser
    /// and body, every value escaped, with the result's title, kind and date as metadata.
    pub html: String,
}

/// The records of one language's site: every city, association, event, news item and plain
/// page it publishes (one shown untranslated, in the default language, is found in this
/// language's index too, so a visitor finds every page of the site they are reading).
pub fn records(site: &Site, t: &Strings) -> Vec<Record> {
    let sections = [
        &site.cities,
        &site.associations,
        &site.events,
        &site.news,
        &site.pages,
    ];
    sections
        .into_iter()
        .flatten()
        // Events gathered from a network's sources have their page at the source.
        .filter(|&&i| site.entries[i].has_page())
        .map(|&i| record(site, t, i))
        .collect()
}

fn record(site: &Site, t: &Strings, i: usize) -> Record {
    let e = &site.entries[i];
    let url = site.entry_url(i);
    let url = url
        .strip_prefix(site.config.base_url.path.as_str())
        .unwrap_or(&url)
        .to_owned();
    let kind_key = format!("section_{:?}", e.section).to_lowercase();
    let kind = t.get(&kind_key);
    let text = |s: &str| xml_escape(&clean(s));
    let date = match &e.data {
        Data::Event(ev) => format!(
            "<span data-pagefind-meta=\"date\">{}</span>",
            text(&t.date_long(ev.date))
        ),
        _ => String::new(),
    };
    // Headings weigh more in Pagefind's ranking: the title most, then the facts (a city's
    // own name, its country), then the body's own headings.
    let html = format!(
        "<html lang=\"{lang}\"><body><h1>{title}</h1>\
         <p data-pagefind-weight=\"5\">{facts}</p><p>{summary}</p><div>{body}</div>\
         <p data-pagefind-ignore><span data-pagefind-meta=\"kind\">{kind}</span>{date}</p></body></html>",
        lang = xml_escape(&site.lang.code),
        title = text(&e.common.title),
        facts = text(&facts(site, i).join(" · ")),
        // The teaser is the body's first paragraph unless `summary:` says otherwise.
        summary = text(e.common.summary.as_deref().unwrap_or_default()),
        body = crate::markdown::expand_pictures(&e.html, &|_, _| None),
        kind = text(kind),
    );
    Record {
        url,
        language: site.lang.code.clone(),
        html,
    }
}

/// The facts a page shows beside its body, as words: a city's names, country and region; the
/// cities and associations an association or event is linked with; an event's place.
fn facts(site: &Site, i: usize) -> Vec<String> {
    let e = &site.entries[i];
    let rel = &site.relations[i];
    let linked = rel
        .cities
        .iter()
        .chain(&rel.associations)
        .map(|&j| site.entries[j].common.title.clone());
    match &e.data {
        Data::City(c) => [
            c.name_local.clone(),
            Some(c.country.clone()),
            c.region.clone(),
        ]
        .into_iter()
        .flatten()
        .collect(),
        Data::Association(_) => linked.collect(),
        Data::Event(ev) => {
            let mut v: Vec<String> = linked.collect();
            if let Some(l) = &ev.location {
                v.extend(l.name.clone());
                v.extend(l.address.clone());
            }
            v
        }
        Data::News(_) | Data::Page(_) => Vec::new(),
    }
}

/// Runs of white space become one space (a line break stays one line break); control
/// characters go.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending: Option<char> = None;
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() {
            if c == '\n' || pending.is_none() {
                pending = Some(if c == '\n' { '\n' } else { ' ' });
            }
            continue;
        }
        if let Some(p) = pending.take()
            && !out.is_empty()
        {
            out.push(p);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_runs_become_one_and_control_characters_go() {
        assert_eq!(clean("  a \t\u{7} b\n\n c\u{1b}[31m "), "a b\nc [31m");
    }
}
