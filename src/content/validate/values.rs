//! Reading single front-matter values with their checks: dates, times, coordinates, web
//! addresses, references, choices from a list and contacts, each problem at its line.

use jiff::civil::{Date, Time};

use crate::content::degrees::degrees_minutes;
use crate::content::front_matter::{FrontMatter, Kind};
use crate::content::model::*;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};

pub(super) fn one_of(
    fm: &FrontMatter,
    key: &str,
    allowed: &[&str],
    default: &str,
    diags: &mut Diagnostics,
) -> String {
    let Some(v) = fm.text(key, diags) else {
        return default.to_owned();
    };
    if allowed.contains(&v.as_str()) {
        return v;
    }
    let p = fm.pos(key);
    let hint = match did_you_mean(&v, allowed.iter().copied()) {
        Some(s) => msg!(
            "content-one-of-suggestion-hint",
            suggestion = s,
            allowed = allowed.join(", ")
        ),
        None => msg!("content-one-of-hint", allowed = allowed.join(", ")),
    };
    diags.push(
        Diagnostic::error(
            &fm.rel_path,
            p.line,
            p.col,
            msg!("content-one-of", key = key, value = &v),
        )
        .with_hint(hint),
    );
    default.to_owned()
}

/// Parses a `YYYY-MM-DD` date with a plain-words error.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let s = s.trim();
    let ok_shape = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    if !ok_shape {
        return Err(msg!("content-date-form", value = s));
    }
    s.parse::<Date>()
        .map_err(|_| msg!("content-date-not-real", value = s))
}

pub(super) fn date(
    fm: &FrontMatter,
    key: &str,
    required: bool,
    diags: &mut Diagnostics,
) -> Option<Date> {
    let text = if required {
        fm.require_text(key, "2026-05-16", diags)?
    } else {
        fm.text(key, diags)?
    };
    match parse_date(&text) {
        Ok(d) => Some(d),
        Err(e) => {
            let p = fm.pos(key);
            diags.push(
                Diagnostic::error(
                    &fm.rel_path,
                    p.line,
                    p.col,
                    msg!("content-key-problem", key = key, problem = e),
                )
                .with_hint(msg!("content-date-hint")),
            );
            None
        }
    }
}

/// Parses `HH:MM` (24 h).
pub fn parse_time(s: &str) -> Result<Time, String> {
    let s = s.trim();
    let (h, m) = s
        .split_once(':')
        .ok_or_else(|| msg!("content-time-form", value = s))?;
    let (h, m): (i8, i8) = match (h.parse::<i8>(), m.parse::<i8>()) {
        (Ok(hh), Ok(mm)) if h.len() <= 2 && m.len() == 2 => (hh, mm),
        _ => return Err(msg!("content-time-form", value = s)),
    };
    Time::new(h, m, 0, 0).map_err(|_| msg!("content-time-not-real", value = s))
}

pub(super) fn time(fm: &FrontMatter, key: &str, diags: &mut Diagnostics) -> Option<Time> {
    let text = fm.text(key, diags)?;
    match parse_time(&text) {
        Ok(t) => Some(t),
        Err(e) => {
            let p = fm.pos(key);
            diags.push(
                Diagnostic::error(
                    &fm.rel_path,
                    p.line,
                    p.col,
                    msg!("content-key-problem", key = key, problem = e),
                )
                .with_hint(msg!("content-time-hint", key = key)),
            );
            None
        }
    }
}

pub(super) fn coordinate(
    fm: &FrontMatter,
    key: &str,
    limit: f64,
    diags: &mut Diagnostics,
) -> Option<f64> {
    let example = if key == "lat" { "45.764" } else { "4.836" };
    if fm.kind_of(key) == Kind::Text {
        let text = fm.text(key, diags).unwrap_or_default();
        let in_range = |d: &String| d.parse::<f64>().is_ok_and(|v| v.abs() <= limit);
        if let Some(decimal) = degrees_minutes(&text).filter(in_range) {
            let p = fm.pos(key);
            diags.push(
                Diagnostic::error(
                    &fm.rel_path,
                    p.line,
                    p.col,
                    msg!(
                        "content-coordinate-degrees-minutes",
                        key = key,
                        value = text,
                        decimal = decimal.as_str()
                    ),
                )
                .with_hint(msg!(
                    "content-coordinate-degrees-minutes-hint",
                    key = key,
                    decimal = decimal
                )),
            );
            return None;
        }
    }
    let v = fm.require::<f64>(
        key,
        &msg!("content-expect-coordinate", example = example),
        diags,
    )?;
    if !(-limit..=limit).contains(&v) {
        let p = fm.pos(key);
        diags.push(
            Diagnostic::error(
                &fm.rel_path,
                p.line,
                p.col,
                msg!(
                    "content-coordinate-out-of-range",
                    key = key,
                    value = v.to_string(),
                    limit = limit.to_string()
                ),
            )
            .with_hint(msg!("content-coordinate-out-of-range-hint")),
        );
        return None;
    }
    Some(v)
}

pub(super) fn refs(fm: &FrontMatter, key: &str, diags: &mut Diagnostics) -> Vec<Ref> {
    fm.text_list(key, diags)
        .into_iter()
        .map(|slug| Ref {
            pos: fm.item_pos(key, &slug),
            slug,
        })
        .collect()
}

/// A required name (a country): a number or `true` there is a mistake, not a name.
pub(super) fn name_text(
    fm: &FrontMatter,
    key: &str,
    example: &str,
    diags: &mut Diagnostics,
) -> Option<String> {
    let v = fm.require_text(key, example, diags)?;
    let kind = fm.kind_of(key);
    if kind == Kind::Text {
        return Some(v);
    }
    let p = fm.pos(key);
    diags.push(
        Diagnostic::error(
            &fm.rel_path,
            p.line,
            p.col,
            msg!(
                "content-name-expected",
                key = key,
                example = example,
                kind = kind.words(),
                value = &v
            ),
        )
        .with_hint(msg!(
            "content-name-expected-hint",
            key = key,
            example = example
        )),
    );
    None
}

/// Whether `v` is an address a link may point to: `https://…`, `http://…` or a path on this
/// site starting with `/`. Everything else (`javascript:`, `data:`, …) is refused.
pub fn is_web_address(v: &str) -> bool {
    v.starts_with("https://") || v.starts_with("http://") || v.starts_with('/')
}

pub(super) fn url(fm: &FrontMatter, key: &str, diags: &mut Diagnostics) -> Option<String> {
    let v = fm.text(key, diags)?;
    if is_web_address(&v) {
        return Some(v);
    }
    let p = fm.pos(key);
    diags.push(
        Diagnostic::error(
            &fm.rel_path,
            p.line,
            p.col,
            msg!("content-url-invalid", key = key, value = &v),
        )
        .with_hint(msg!("content-url-invalid-hint", key = key)),
    );
    None
}

pub(super) fn contacts(fm: &FrontMatter, diags: &mut Diagnostics) -> Vec<Contact> {
    fm.get::<Vec<Contact>>("contacts", &msg!("content-expect-contacts"), diags)
        .unwrap_or_default()
}
