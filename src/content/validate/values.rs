//! Reading single front-matter values with their checks: dates, times, coordinates, web
//! addresses, references, choices from a list and contacts, each problem at its line.

use jiff::civil::{Date, Time};

use crate::content::front_matter::FrontMatter;
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
        Some(s) => format!("did you mean `{s}`? allowed: {}", allowed.join(", ")),
        None => format!("allowed: {}", allowed.join(", ")),
    };
    diags.push(
        Diagnostic::error(
            &fm.rel_path,
            p.line,
            p.col,
            format!("`{key}` cannot be \"{v}\""),
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
        return Err(format!("\"{s}\" is not a date in the form YYYY-MM-DD"));
    }
    s.parse::<Date>()
        .map_err(|_| format!("{s} is not a real date"))
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
                Diagnostic::error(&fm.rel_path, p.line, p.col, format!("`{key}`: {e}")).with_hint(
                    "write the date as year-month-day, e.g. `2026-05-16` for 16 May 2026",
                ),
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
        .ok_or_else(|| format!("\"{s}\" is not a time in the form HH:MM"))?;
    let (h, m): (i8, i8) = match (h.parse::<i8>(), m.parse::<i8>()) {
        (Ok(hh), Ok(mm)) if h.len() <= 2 && m.len() == 2 => (hh, mm),
        _ => return Err(format!("\"{s}\" is not a time in the form HH:MM")),
    };
    Time::new(h, m, 0, 0).map_err(|_| format!("{s} is not a real time of day"))
}

pub(super) fn time(fm: &FrontMatter, key: &str, diags: &mut Diagnostics) -> Option<Time> {
    let text = fm.text(key, diags)?;
    match parse_time(&text) {
        Ok(t) => Some(t),
        Err(e) => {
            let p = fm.pos(key);
            diags.push(
                Diagnostic::error(&fm.rel_path, p.line, p.col, format!("`{key}`: {e}")).with_hint(
                    format!(
                        "write the time in quotes with hours and minutes, e.g. `{key}: \"19:30\"`"
                    ),
                ),
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
    let v = fm.require::<f64>(
        key,
        &format!("a number in decimal degrees like {example}"),
        diags,
    )?;
    if !(-limit..=limit).contains(&v) {
        let p = fm.pos(key);
        diags.push(
            Diagnostic::error(&fm.rel_path, p.line, p.col, format!("`{key}` is {v}, but must be between -{limit} and {limit}"))
                .with_hint("lat runs from -90 (south pole) to 90 (north pole), lon from -180 to 180; did you swap lat and lon?"),
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
    if kind == "a text" {
        return Some(v);
    }
    let p = fm.pos(key);
    diags.push(
        Diagnostic::error(
            &fm.rel_path,
            p.line,
            p.col,
            format!("`{key}` must be a name like {example}, not {kind} ({v})"),
        )
        .with_hint(format!("write the name, e.g. `{key}: {example}`")),
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
            format!("`{key}` \"{v}\" is not a web address"),
        )
        .with_hint(format!(
            "write the full address, e.g. `{key}: https://www.example.org/`"
        )),
    );
    None
}

pub(super) fn contacts(fm: &FrontMatter, diags: &mut Diagnostics) -> Vec<Contact> {
    fm.get::<Vec<Contact>>(
        "contacts",
        "a list of `{ name, role, email, phone }` entries",
        diags,
    )
    .unwrap_or_default()
}
