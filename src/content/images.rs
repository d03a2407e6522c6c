//! Pictures named by content files (`image:`, `gallery:`, images in the body): which file of
//! the site each one is, and whether it may be read.
//!
//! `image: /images/x.jpg` is a file in `static/` (published by the copy of that folder),
//! `image: foto.jpg` a file next to the content file (published beside the page), a web address
//! is left alone. The files are checked by the rule of [`crate::fs_safe`] while the site is
//! loaded, so `check`, `build` and `serve` report the same problems at the line of `image:`,
//! and rendering never reads a file that failed.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::model::{Entry, Picture};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fs_safe::{self, Refusal};

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

/// Checks every picture of every entry; problems go to `diags`.
pub fn check(root: &Path, entries: &[Arc<Entry>], diags: &mut Diagnostics) {
    let problems: Vec<Diagnostic> = entries
        .par_iter()
        .flat_map_iter(|e| check_entry(root, e))
        .collect();
    diags.extend(problems);
}

/// The problems with the pictures of `e` that cannot be published.
pub fn check_entry(root: &Path, e: &Entry) -> Vec<Diagnostic> {
    e.pictures()
        .filter_map(|p| {
            let refusal = match locate(&e.source, &e.url_path(), &p.src) {
                Ok(ImageFile::External) => return Some(external(e, p)),
                Ok(ImageFile::Static(rel) | ImageFile::Beside { rel, .. }) => {
                    fs_safe::check(root, &rel, fs_safe::IMAGE).err()?
                }
                Err(r) => r,
            };
            Some(problem(root, e, p, &refusal))
        })
        .collect()
}

/// The error for the picture `p` of `e`, at its line and column.
pub fn problem(root: &Path, e: &Entry, p: &Picture, refusal: &Refusal) -> Diagnostic {
    let img = &p.src;
    let beside = !img.starts_with('/');
    let message = match refusal {
        Refusal::Missing if beside => msg!("content-image-missing-beside", image = img),
        Refusal::Missing => msg!("content-image-missing-static", image = img),
        r => msg!("content-image-refused", image = img, problem = r.problem()),
    };
    let hint = match refusal {
        Refusal::Missing => match similar(root, e, img) {
            Some(name) => msg!("content-image-similar-hint", name = name),
            None if !beside => msg!("content-image-missing-static-hint", image = img),
            None => msg!("content-image-where-hint"),
        },
        Refusal::Escapes => msg!("content-image-where-hint"),
        r => r.hint(),
    };
    Diagnostic::error(&e.source, p.pos.line, p.pos.col, message).with_hint(hint)
}

/// The name of a file in the folder where `img` was looked for that is close to its name.
fn similar(root: &Path, e: &Entry, img: &str) -> Option<String> {
    let rel = match locate(&e.source, &e.url_path(), img).ok()? {
        ImageFile::Static(rel) | ImageFile::Beside { rel, .. } => rel,
        ImageFile::External => return None,
    };
    let wanted = rel.file_name()?.to_string_lossy().into_owned();
    let folder = rel.parent()?;
    if !fs_safe::dir_inside(root, folder).ok()? {
        return None;
    }
    let names: Vec<String> = std::fs::read_dir(root.join(folder))
        .ok()?
        .filter_map(|d| d.ok())
        .filter_map(|d| d.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .take(10_000)
        .collect();
    let found = crate::diagnostics::did_you_mean(&wanted, names.iter().map(String::as_str))?;
    let written = Path::new(img);
    Some(
        match written.parent().filter(|p| !p.as_os_str().is_empty()) {
            Some(dir) => crate::diagnostics::display_path(&dir.join(found)),
            None => found.to_owned(),
        },
    )
}

/// The error for a picture on another website: every visitor's browser would fetch it from
/// there, which the site promises never to do.
fn external(e: &Entry, p: &Picture) -> Diagnostic {
    Diagnostic::error(
        &e.source,
        p.pos.line,
        p.pos.col,
        msg!("content-image-external", image = &p.src),
    )
    .with_hint(msg!("content-image-external-hint"))
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
