//! `image:` and `gallery:`: a file name, or `{ src, alt, caption, credit }`, each kept with its
//! line; a picture without `alt` is a warning there (the theme never invents one).

use serde::Deserialize;

use crate::content::front_matter::{FrontMatter, Pos, TextOrGroup};
use crate::content::model::Picture;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::BodyPicture;

/// A picture written as a group of keys.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fields {
    src: String,
    #[serde(default)]
    alt: Option<String>,
    #[serde(default)]
    caption: Option<String>,
    #[serde(default)]
    credit: Option<String>,
}

/// The pictures of `key` (one for `image:`, a list for `gallery:`).
pub(super) fn from_key(fm: &FrontMatter, key: &str, diags: &mut Diagnostics) -> Vec<Picture> {
    let items = fm.text_or_groups::<Fields>(key, &msg!("content-expect-picture"), diags);
    if key == "image" && items.len() > 1 {
        let p = fm.pos(key);
        diags.push(
            Diagnostic::error(&fm.rel_path, p.line, p.col, msg!("content-image-is-a-list"))
                .with_hint(msg!("content-image-is-a-list-hint")),
        );
        return Vec::new();
    }
    let mut out = Vec::new();
    for (pos, item) in items {
        let picture = match item {
            TextOrGroup::Text(src) => Picture {
                src,
                alt: None,
                caption: None,
                credit: None,
                pos,
            },
            TextOrGroup::Group(f) => Picture {
                src: f.src,
                alt: f.alt.map(|a| plain(&a).trim().to_owned()),
                caption: words(f.caption),
                credit: words(f.credit),
                pos,
            },
        };
        if picture.src.trim().is_empty() {
            diags.push(
                Diagnostic::error(
                    &fm.rel_path,
                    pos.line,
                    pos.col,
                    msg!("content-picture-no-file", key = key),
                )
                .with_hint(msg!("content-picture-no-file-hint")),
            );
            continue;
        }
        if picture.alt.is_none() {
            diags.push(
                Diagnostic::warning(
                    &fm.rel_path,
                    pos.line,
                    pos.col,
                    msg!("content-image-no-alt", image = &picture.src),
                )
                .with_hint(msg!("content-picture-no-alt-hint")),
            );
        }
        out.push(picture);
    }
    out
}

/// Text with its numbers bound to their units and without control characters (a stray bell
/// or escape from a copied text would reach the page); empty counts as none.
fn words(text: Option<String>) -> Option<String> {
    text.map(|t| crate::render::words::bind_units(plain(&t).trim()))
        .filter(|t| !t.is_empty())
}

fn plain(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The pictures of the body, placed in the file (the body's missing alt texts are warned
/// about with its other images).
pub(super) fn from_body(found: &[BodyPicture], to_pos: &dyn Fn(usize) -> Pos) -> Vec<Picture> {
    found
        .iter()
        .map(|b| Picture {
            src: b.src.clone(),
            alt: Some(b.alt.clone()),
            caption: words(b.title.clone()),
            credit: None,
            pos: to_pos(b.offset),
        })
        .collect()
}
