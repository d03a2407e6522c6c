//! The main menu: the one written in `site.yaml`, or the default one with an entry for each
//! section that has entries (a site without associations shows no "Vereine") and the pages
//! marked `menu: true`.

use crate::content::model::Data;
use crate::render::context::MenuView;
use crate::render::i18n::Strings;
use crate::site::Site;

/// The menu entries of `site` in the language of `t`.
pub fn menu(site: &Site, t: &Strings) -> Vec<MenuView> {
    match &site.config.menu {
        Some(items) => items
            .iter()
            .map(|m| MenuView {
                title: m.title.clone(),
                url: if m.url.starts_with('/') {
                    site.url(&m.url)
                } else {
                    m.url.clone()
                },
            })
            .collect(),
        None => {
            let mut v: Vec<MenuView> = [
                ("menu_cities", "cities/"),
                ("menu_associations", "associations/"),
                ("menu_events", "events/"),
                ("menu_calendar", "calendar/"),
                ("menu_map", "map/"),
                ("menu_news", "news/"),
            ]
            .iter()
            // A section without entries gets no menu entry (its page still exists).
            .filter(|(k, _)| match *k {
                "menu_cities" => !site.cities.is_empty(),
                "menu_associations" => !site.associations.is_empty(),
                "menu_news" => !site.news.is_empty(),
                _ => true,
            })
            .map(|(k, p)| MenuView {
                title: t.get(k).to_owned(),
                url: site.url(p),
            })
            .collect();
            for &i in &site.pages {
                if matches!(site.entries[i].data, Data::Page(ref p) if p.menu) {
                    v.push(MenuView {
                        title: site.entries[i].common.title.clone(),
                        url: site.url(&site.entries[i].url_path()),
                    });
                }
            }
            v
        }
    }
}
