//! Whether a site is ready to publish: no placeholder that `init` or `new` wrote is left, a
//! German site has its Impressum and Datenschutz pages with text in them, and no city sits at
//! latitude and longitude 0. `check` reports these as errors (exit 1), `build` and `serve` as
//! warnings, so the preview keeps working while the texts are written.
//!
//! Placeholders are found by what twinsite itself writes, never by guessing: the line
//! [`EXAMPLE_MARK`] above every example text, and "(ergänzen" in the legal pages.

use crate::content::model::{Entry, Section};
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::site::Site;

/// The line `init` and `new` put above every example text.
pub const EXAMPLE_MARK: &str =
    "<!-- Beispieltext: durch eigenen Text ersetzen, dann diese Zeile löschen -->";

/// What the legal pages `init` writes say where something is to be filled in.
const FILL_IN: &str = "(ergänzen";

/// Byte offsets in `body` of the placeholders twinsite wrote.
pub fn placeholders_in(body: &str) -> Vec<usize> {
    let mark = EXAMPLE_MARK.trim_end_matches(" -->");
    let mut found: Vec<usize> = body.match_indices(mark).map(|(i, _)| i).collect();
    found.extend(body.match_indices(FILL_IN).map(|(i, _)| i));
    found.sort_unstable();
    found
}

/// Adds what stands between `site` and publishing it to `diags`, at `severity`.
pub fn check(site: &Site, severity: Severity, diags: &mut Diagnostics) {
    let at = |e: &Entry, line: usize, col: usize, message: String| Diagnostic {
        severity,
        ..Diagnostic::error(&e.source, line, col, message)
    };
    for e in &site.entries {
        if let Some(first) = e.placeholders.first() {
            let message = msg!("checks-placeholders", count = e.placeholders.len());
            diags.push(
                at(e, first.line, first.col, message).with_hint(msg!("checks-placeholders-hint")),
            );
        }
        if e.city().is_some_and(|c| c.lat == 0.0 && c.lon == 0.0) {
            let line = crate::lint::key_line(&site.root, &e.source, "lat").unwrap_or(0);
            diags.push(
                at(e, line, usize::from(line > 0), msg!("checks-city-at-zero"))
                    .with_hint(msg!("checks-city-at-zero-hint")),
            );
        }
    }
    legal_pages(site, severity, diags);
}

/// A German site must have an Impressum (§ 5 DDG) and a privacy page (DSGVO), with text.
fn legal_pages(site: &Site, severity: Severity, diags: &mut Diagnostics) {
    let german = site.config.languages.iter().any(|l| l == "de");
    let config = &site.config;
    for (key, slug, declined) in [
        ("imprint", &config.imprint, config.imprint_none),
        ("privacy", &config.privacy, config.privacy_none),
    ] {
        let page = slug.as_ref().and_then(|s| site.get(Section::Page, s));
        match (slug, page) {
            (None, _) if german && !declined => diags.push(Diagnostic {
                severity,
                ..Diagnostic::error(
                    "site.yaml",
                    0,
                    0,
                    msg!("checks-legal-page-missing", key = key),
                )
                .with_hint(msg!("checks-legal-page-missing-hint", key = key))
            }),
            (Some(_), Some(e)) if e.html.trim().is_empty() => diags.push(Diagnostic {
                severity,
                ..Diagnostic::error(
                    &e.source,
                    0,
                    0,
                    msg!("checks-legal-page-empty", title = &e.common.title),
                )
                .with_hint(msg!("checks-legal-page-empty-hint"))
            }),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_marks_twinsite_wrote_and_nothing_else() {
        let body = format!("{EXAMPLE_MARK}\n\nText.\n\nName (ergänzen)\nergänzen Sie gern\n");
        assert_eq!(placeholders_in(&body).len(), 2);
        assert!(placeholders_in("Wir ergänzen das Programm.").is_empty());
    }
}
