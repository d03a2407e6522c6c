//! Walking a folder of the site (`content/`, `static/`, a theme's folders, `templates/`):
//! hidden files and what a `.gitignore` inside the site excludes are left out, links are not
//! followed, and every file found is read through [`crate::fs_safe`].
//!
//! The `ignore` crate's own reading of ignore files is switched off: it would open a
//! `.gitignore` that is a named pipe (and wait forever), one that links to `/dev/zero`, and the
//! ignore files of folders above the site. Here each `.gitignore` from the site root down is
//! read by the same rule as every other file; one that cannot be used is an error.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::diagnostics::Diagnostic;
use crate::fs_safe::{self, FileKind, FileType, Limit, Refusal};

/// A `.gitignore` of the site.
const IGNORE_FILE: Limit = Limit {
    bytes: 64 * 1024,
    kind: FileKind::IgnoreFile,
};

/// Something found by a walk that is not a folder.
#[derive(Debug, Clone)]
pub struct Found {
    /// Path relative to the site root.
    pub rel: PathBuf,
    /// Whether it is a symbolic link (the walk does not follow it; reading may).
    pub is_link: bool,
}

/// What a walk found: files sorted by path, and problems on the way.
#[derive(Debug, Default)]
pub struct Walk {
    /// Everything that is not a folder (files, links, and anything else, which reading refuses).
    pub files: Vec<Found>,
    /// Folders that could not be read, ignore files that were not used.
    pub problems: Vec<Diagnostic>,
}

/// Walks `root/rel_dir`: `None` when there is no such folder, an error when it is not a folder
/// inside the site root.
pub fn walk(root: &Path, rel_dir: &Path) -> Result<Option<Walk>, Diagnostic> {
    match fs_safe::dir_inside(root, rel_dir) {
        Ok(true) => {}
        Ok(false) => return Ok(None),
        Err(r) => return Err(r.at_folder(rel_dir)),
    }
    let rules = Arc::new(Mutex::new(Rules {
        root: root.to_path_buf(),
        by_dir: HashMap::new(),
        problems: Vec::new(),
    }));
    let filter_rules = Arc::clone(&rules);
    let filter_root = root.to_path_buf();
    let walker = ignore::WalkBuilder::new(root.join(rel_dir))
        .standard_filters(false)
        .hidden(true)
        .follow_links(false)
        .filter_entry(move |entry| {
            let Ok(rel) = entry.path().strip_prefix(&filter_root) else {
                return true;
            };
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            let mut rules = filter_rules.lock().unwrap_or_else(PoisonError::into_inner);
            !rules.ignored(rel, is_dir)
        })
        .build();
    let mut out = Walk::default();
    for item in walker {
        match item {
            Ok(e) if e.file_type().is_some_and(|t| !t.is_dir()) => {
                let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                out.files.push(Found {
                    rel: rel.to_path_buf(),
                    is_link: e.path_is_symlink(),
                });
            }
            Ok(_) => {}
            Err(err) => {
                let path = err_path(&err).map(|p| p.strip_prefix(root).unwrap_or(p).to_path_buf());
                out.problems.push(Diagnostic::error(
                    path.unwrap_or_else(|| rel_dir.to_path_buf()),
                    0,
                    0,
                    msg!("content-walk-unreadable", problem = walk_problem(&err)),
                ));
            }
        }
    }
    let mut rules = rules.lock().unwrap_or_else(PoisonError::into_inner);
    out.problems.append(&mut rules.problems);
    out.files.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(Some(out))
}

/// What went wrong in a walk, in the volunteer's language where the system gave a reason.
fn walk_problem(err: &ignore::Error) -> String {
    match err.io_error() {
        Some(e) => crate::messages::io_problem(e),
        None => err.to_string(),
    }
}

fn err_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithLineNumber { err, .. } | ignore::Error::WithDepth { err, .. } => {
            err_path(err)
        }
        _ => None,
    }
}

/// Reads a file found by [`walk`]. A link is followed only to a regular file inside the site
/// root; a link to a folder, or anything else that is not a regular file, is an error.
pub fn read(root: &Path, found: &Found, limit: Limit) -> Result<Vec<u8>, Diagnostic> {
    let rel = found.rel.as_path();
    match fs_safe::read(root, rel, limit) {
        Ok(bytes) => Ok(bytes),
        Err(Refusal::NotAFile(FileType::Folder)) if found.is_link => {
            Err(Diagnostic::error(rel, 0, 0, msg!("content-link-to-folder"))
                .with_hint(msg!("content-link-to-folder-hint")))
        }
        Err(Refusal::OutsideRoot) if found.is_link => {
            Err(Diagnostic::error(rel, 0, 0, msg!("content-link-outside"))
                .with_hint(Refusal::OutsideRoot.hint()))
        }
        Err(r) => Err(r.at_file(rel)),
    }
}

/// The `.gitignore` files met so far, by folder relative to the site root.
struct Rules {
    root: PathBuf,
    by_dir: HashMap<PathBuf, Option<Gitignore>>,
    problems: Vec<Diagnostic>,
}

impl Rules {
    /// Whether the `.gitignore` files of the folders above `rel` (up to the site root) exclude
    /// it; the nearest file that says anything about it decides, as in git.
    fn ignored(&mut self, rel: &Path, is_dir: bool) -> bool {
        let path = self.root.join(rel);
        for dir in rel.ancestors().skip(1) {
            let Some(rules) = self.rules_of(dir) else {
                continue;
            };
            let m = rules.matched(&path, is_dir);
            if m.is_ignore() {
                return true;
            }
            if m.is_whitelist() {
                return false;
            }
        }
        false
    }

    /// The rules of `dir/.gitignore`, read the first time they are asked for.
    fn rules_of(&mut self, dir: &Path) -> Option<&Gitignore> {
        if !self.by_dir.contains_key(dir) {
            let rules = self.load(dir);
            self.by_dir.insert(dir.to_path_buf(), rules);
        }
        self.by_dir.get(dir).and_then(Option::as_ref)
    }

    fn load(&mut self, dir: &Path) -> Option<Gitignore> {
        let file = dir.join(".gitignore");
        let bytes = match fs_safe::read(&self.root, &file, IGNORE_FILE) {
            Ok(bytes) => bytes,
            Err(Refusal::Missing) => return None,
            Err(r) => {
                self.problems.push(
                    Diagnostic::error(
                        &file,
                        0,
                        0,
                        msg!("content-gitignore-unused", problem = r.problem()),
                    )
                    .with_hint(r.hint()),
                );
                return None;
            }
        };
        let mut builder = GitignoreBuilder::new(self.root.join(dir));
        for line in String::from_utf8_lossy(&bytes).lines() {
            // A pattern git would not understand either is left out, as git does.
            let _ = builder.add_line(None, line);
        }
        builder.build().ok()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn names(w: &Walk) -> Vec<String> {
        w.files
            .iter()
            .map(|f| crate::diagnostics::display_path(&f.rel))
            .collect()
    }

    #[test]
    fn gitignore_files_inside_the_site_apply_nearest_first() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (p, text) in [
            (".gitignore", "*.tmp\n"),
            ("content/.gitignore", "privat/\n!keep.tmp\n"),
            ("content/a.md", ""),
            ("content/b.tmp", ""),
            ("content/keep.tmp", ""),
            ("content/.hidden.md", ""),
            ("content/privat/c.md", ""),
            ("content/sub/d.md", ""),
        ] {
            std::fs::create_dir_all(root.join(p).parent().unwrap()).unwrap();
            std::fs::write(root.join(p), text).unwrap();
        }
        let w = walk(root, Path::new("content")).unwrap().unwrap();
        assert_eq!(
            names(&w),
            ["content/a.md", "content/keep.tmp", "content/sub/d.md"]
        );
        assert!(w.problems.is_empty(), "{:?}", w.problems);
        assert!(walk(root, Path::new("static")).unwrap().is_none());
    }

    #[cfg(unix)]
    #[test]
    fn an_unusable_gitignore_is_reported_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(root.join("content/a.md"), "").unwrap();
        std::os::unix::fs::symlink("/dev/zero", root.join("content/.gitignore")).unwrap();
        let w = walk(root, Path::new("content")).unwrap().unwrap();
        assert_eq!(names(&w), ["content/a.md"]);
        assert_eq!(w.problems.len(), 1, "{:?}", w.problems);
        assert!(w.problems[0].message.contains("not used"));
    }
}
