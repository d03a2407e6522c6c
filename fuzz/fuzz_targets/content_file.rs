//! A content file's bytes through the same parsing and checks `twinsite build` applies after
//! reading it (front matter, every key of its kind, the Markdown body), or `site.yaml`'s.
//! The first byte picks the kind; nothing touches the file system.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use twinsite::config::{self, SiteConfig};
use twinsite::content::load::{LoadOptions, load_bytes};
use twinsite::diagnostics::Diagnostics;

const SITE: &str = "title: Partnerschaften\nbase_url: https://example.org/partner/\nhome: { name: Musterstadt, lat: 50.9, lon: 9.7 }\n";

const PATHS: &[&str] = &[
    "content/cities/lyon.md",
    "content/associations/freundeskreis.md",
    "content/events/2026/brunch.md",
    "content/news/bericht.md",
    "content/impressum.md",
    "content/unknown/x.md",
];

fn site() -> &'static SiteConfig {
    static SITE_CONFIG: OnceLock<SiteConfig> = OnceLock::new();
    SITE_CONFIG.get_or_init(|| {
        config::parse(SITE.as_bytes(), &mut Diagnostics::new())
            .expect("the fixed site.yaml is valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, text)) = data.split_first() else {
        return;
    };
    let which = usize::from(which);
    if which >= PATHS.len() {
        let mut diags = Diagnostics::new();
        let config = config::parse(text, &mut diags);
        assert!(
            config.is_some() || diags.has_errors(),
            "an unusable site.yaml must say why"
        );
        for d in diags.iter() {
            let _ = d.to_string();
        }
        return;
    }
    let rel = Path::new(PATHS[which]);
    let drafts = which % 2 == 0;
    let (entry, _broken, diags) = load_bytes(rel, text, site(), LoadOptions { drafts });
    for d in diags.iter() {
        let shown = d.to_string();
        assert!(
            shown.starts_with(PATHS[which]),
            "diagnostic for another file: {shown}"
        );
    }
    if let Some(e) = entry {
        assert!(!diags.has_errors(), "an entry despite errors");
        let html = e.html.as_str().to_ascii_lowercase();
        assert!(!html.contains("<script"), "a script survived: {html}");
        assert!(!e.summary_html.to_ascii_lowercase().contains("<script"));
    }
});
