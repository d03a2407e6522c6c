//! Images named in front matter (`image:`): which file of the site each one is, and whether it
//! may be published.
//!
//! `image: /images/x.jpg` is a file in `static/` (published by the copy of that folder),
//! `image: foto.jpg` a file next to the content file (published beside the page), a web address
//! is left alone. The files are checked by the rule of [`crate::fs_safe`] while the site is
//! loaded, so `check`, `build` and `serve` report the same problems at the line of `image:`,
//! and rendering never reads a file that failed.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::front_matter;
use crate::content::model::Entry;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fs_safe::{self, Refusal};
use crate::source::SourceFile;

/// The file behind an `image:` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageFile {
    /// A web address: nothing to read.
    External,
    /// A file in `static/` (path relative to the site root), published with that folder.
    Static(PathBuf),
    /// A file next to the content file: its path relative to the site root, and the output
    /// path it is published at (`cities/lyon/foto.jpg`).
    Beside {
        /// Path relative to the site root.
        rel: PathBuf,
        /// Output path.
        output: String,
    },
}

/// Where the image `img` of the content file `source` (whose page is at `url_path`) is.
/// A path that is absolute on disk or climbs out with `..` is refused.
pub fn locate(source: &Path, url_path: &str, img: &str) -> Result<ImageFile, Refusal> {
    if img.contains("://") {
        return Ok(ImageFile::External);
    }
    if img.trim().is_empty() {
        return Err(Refusal::Missing);
    }
    if let Some(in_static) = img.strip_prefix('/') {
        let in_static = Path::new(in_static.trim_start_matches('/'));
        if !fs_safe::is_plain_relative(in_static) {
            return Err(Refusal::Escapes);
        }
        return Ok(ImageFile::Static(Path::new("static").join(in_static)));
    }
    let path = Path::new(img);
    if !fs_safe::is_plain_relative(path) {
        return Err(Refusal::Escapes);
    }
    let names: Vec<String> = path
        .iter()
        .filter(|c| *c != ".")
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    Ok(ImageFile::Beside {
        rel: source.parent().unwrap_or(Path::new("")).join(path),
        output: format!("{url_path}{}", names.join("/")),
    })
}

/// Checks the image of every entry; problems go to `diags`.
pub fn check(root: &Path, entries: &[Arc<Entry>], diags: &mut Diagnostics) {
    let problems: Vec<Diagnostic> = entries
        .par_iter()
        .filter_map(|e| check_entry(root, e))
        .collect();
    diags.extend(problems);
}

/// The problem with the image of `e`, if it has one that cannot be published.
pub fn check_entry(root: &Path, e: &Entry) -> Option<Diagnostic> {
    let img = e.common.image.as_deref()?;
    let refusal = match locate(&e.source, &e.url_path(), img) {
        Ok(ImageFile::External) => return Some(external(root, e, img)),
        Ok(ImageFile::Static(rel) | ImageFile::Beside { rel, .. }) => {
            fs_safe::check(root, &rel, fs_safe::IMAGE).err()?
        }
        Err(r) => r,
    };
    Some(problem(root, e, img, &refusal))
}

/// The error for the image `img` of `e`, at the line and column of its `image:` value.
pub fn problem(root: &Path, e: &Entry, img: &str, refusal: &Refusal) -> Diagnostic {
    let beside = !img.starts_with('/');
    let message = match refusal {
        Refusal::Missing if beside => {
            format!("the image {img} does not exist next to this file")
        }
        Refusal::Missing => format!("the image {img} does not exist in static/"),
        r => format!("the image {img} {}", r.problem()),
    };
    let hint = match refusal {
        Refusal::Missing if !beside => {
            format!("put the file at static{img}, or correct `image:`")
        }
        Refusal::Missing | Refusal::Escapes => "put the image in the same folder as this file and write `image: foto.jpg`, or put it in static/images/ and write `image: /images/foto.jpg`".to_owned(),
        r => r.hint(),
    };
    let pos = image_pos(root, &e.source);
    Diagnostic::error(&e.source, pos.line, pos.col, message).with_hint(hint)
}

/// The error for an `image:` on another website: every visitor's browser would fetch it from
/// there, which the site promises never to do.
fn external(root: &Path, e: &Entry, img: &str) -> Diagnostic {
    let pos = image_pos(root, &e.source);
    Diagnostic::error(
        &e.source,
        pos.line,
        pos.col,
        format!("the image {img} is on another website: every visitor's browser would load it from there"),
    )
    .with_hint("the site loads nothing from other websites: save the picture (if you may use it) in static/images/ and write `image: /images/name.jpg`")
}

/// Where the `image:` value of the content file `source` is (the file is read again: this is
/// only needed when there is a problem to report).
fn image_pos(root: &Path, source: &Path) -> front_matter::Pos {
    SourceFile::read(root, source)
        .ok()
        .and_then(|f| front_matter::parse(&f).ok())
        .map(|fm| fm.pos("image"))
        .unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn locates_static_beside_and_external_images() {
        let src = Path::new("content/cities/lyon.md");
        assert_eq!(
            locate(src, "cities/lyon/", "/images/a.jpg").unwrap(),
            ImageFile::Static("static/images/a.jpg".into())
        );
        assert_eq!(
            locate(src, "cities/lyon/", "./fotos/a.jpg").unwrap(),
            ImageFile::Beside {
                rel: "content/cities/./fotos/a.jpg".into(),
                output: "cities/lyon/fotos/a.jpg".into()
            }
        );
        assert_eq!(
            locate(src, "cities/lyon/", "https://x.org/a.jpg").unwrap(),
            ImageFile::External
        );
    }

    #[test]
    fn refuses_paths_that_leave_their_folder() {
        let src = Path::new("content/cities/lyon.md");
        for img in [
            "../../../etc/passwd",
            "../../../../dev/zero",
            "fotos/../../x.jpg",
            "/../site.yaml",
            "//../x",
        ] {
            assert!(
                matches!(locate(src, "cities/lyon/", img), Err(Refusal::Escapes)),
                "{img}"
            );
        }
    }
}
