//! Content files: reading, parsing front matter, and checking each file on its own.
//!
//! `load` walks `content/`, `front_matter` is the one place YAML is parsed, `validate` turns
//! front matter into the typed values of `model`.

pub mod dates;
pub mod degrees;
pub mod front_matter;
pub mod images;
pub mod load;
pub mod model;
pub mod translation;
pub mod validate;

use std::path::Path;

/// The name a content file gives its page when it sets no `slug`: the file name without
/// `.md`, or for a page bundle (`content/events/brunch-2024/index.md`, with its photos beside
/// it) the folder's name.
pub fn file_slug(rel: &Path) -> Option<String> {
    let stem = rel.file_stem()?.to_string_lossy().into_owned();
    let bundle = stem == "index" && rel.components().count() > 2;
    if !bundle {
        return Some(stem);
    }
    let folder = rel.parent()?.file_name()?;
    Some(folder.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_is_named_by_its_folder() {
        assert_eq!(
            file_slug(Path::new("content/events/brunch-2024/index.md")).as_deref(),
            Some("brunch-2024")
        );
        assert_eq!(
            file_slug(Path::new("content/events/brunch.md")).as_deref(),
            Some("brunch")
        );
        assert_eq!(
            file_slug(Path::new("content/index.md")).as_deref(),
            Some("index")
        );
    }
}
