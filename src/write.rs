//! Writing an [`Output`] to the output folder so that nothing is ever lost.
//!
//! # Ownership
//! Every build leaves a marker file `.twinsite-build` in the output folder: a header line, then
//! every file path the build wrote, sorted, one per line. A file is *ours* if the marker lists
//! it. Before touching anything, the folder is checked ([`check_target`]):
//! - the home folder (`$HOME`) and the root of the file system are always refused;
//! - a folder without a marker must be empty, dotfiles included, except for the placeholder
//!   files that keep an empty folder in git (`.gitignore`, `.gitkeep`), so `--output ~/Sites`
//!   holding only `.bashrc`-like files is refused too;
//! - a folder with a marker is walked (level by level, in parallel) and refused if it holds a
//!   file that is not ours, or a subfolder it cannot read. Entries whose name starts with `.`
//!   (`.gitignore`, `.git/`, `.DS_Store`) are never inspected, never counted as foreign and
//!   never deleted, at any depth.
//!
//! Temporary files `.<name>.twinsite-tmp` and backups `.<name>.twinsite-old` left by an
//! interrupted write are removed when `<name>` is ours.
//!
//! # Strategy: in place, staged, one transaction
//! We write into the existing folder rather than building a sibling folder and swapping it in:
//! unchanged files keep their bytes and mtimes (cheap uploads, no rewrite cost), foreign
//! dotfiles are never moved or copied, and a `public/` that is a symlink or a mount point just
//! works (a swap would replace the symlink by a folder, and cannot rename across a mount).
//! A failed build leaves the previous output byte for byte as it was, whatever step fails:
//! `build` stages its pages beside their targets while they are rendered (hidden temporary
//! files, see [`stage`], removed again if the build fails), the other files are held in memory.
//! The commit ([`commit`]) then runs as one transaction recorded in a [`journal`]:
//! 1. Validate every key (relative, `/`-separated, no `..`, `.`, empty parts, backslashes or
//!    control characters, no file that is also a folder), check the folder, and compare every
//!    in-memory file with the disk in parallel (staged pages were compared when staged). A
//!    folder standing where a new file must go may hold only files of the last build.
//! 2. Stage every changed file in `.<name>.twinsite-tmp` beside its target (in parallel),
//!    creating the folders it needs. Nothing visible has changed yet.
//! 3. Write the marker as the union of the old and new lists (skipped when nothing is new).
//! 4. Move files of the last build that stand where a new file needs a folder, or the reverse,
//!    out of the way (renamed to their backup name).
//! 5. Rename every staged file over its target (in parallel), keeping the old file as a backup
//!    (a hard link, or the old file renamed). Files whose bytes are equal are not touched.
//! 6. Move the other stale files (listed in the old marker, absent from the new output) to
//!    their backups, then write the marker with exactly the new list, last.
//!
//! If any step fails, every change is undone in reverse order: placed files get their backups
//! back, new files, temporary files and new folders are removed, moved files return. Only once
//! every step has succeeded are the backups deleted, with the folders removed files left empty
//! and our leftover temporary files.
//!
//! # Crash consistency
//! If the process dies at any point, every output file is either its old or its new version
//! (renames are atomic), and every file we may have written is listed in the marker on disk:
//! before step 3 the old marker covers the old files; from step 3 on the union covers old and
//! new ones. So the next build still recognises the folder as its own and repairs it. Files are
//! not `fsync`ed, so after a power loss (not a process crash) a file may be old, new or empty
//! depending on the filesystem; a rebuild fixes that too. Two builds writing the same folder at
//! the same time are not supported.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::output::Output;

const MARKER: &str = ".twinsite-build";
const HEADER: &str = "# written by twinsite; lists the files of the last build";
const TMP_SUFFIX: &str = ".twinsite-tmp";
const FOREIGN_LIMIT: usize = 5;

/// What a write did, for the CLI summary and benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Files created or replaced because their bytes changed.
    pub written: usize,
    /// Files left untouched because their bytes were already right.
    pub unchanged: usize,
    /// Files of the previous build that are no longer part of the output and were removed.
    pub removed: usize,
    /// Total size of the written files.
    pub bytes_written: u64,
}

/// Why writing failed: the folder is not ours, or an I/O error with the path it happened on.
#[derive(Debug)]
pub enum WriteError {
    /// The output folder holds files twinsite did not write; nothing was changed.
    NotOurs {
        /// The output folder.
        dir: PathBuf,
        /// The first few files that twinsite did not write.
        foreign: Vec<PathBuf>,
    },
    /// The output folder is the home folder or the root of the file system; nothing was changed.
    Protected {
        /// The output folder.
        dir: PathBuf,
        /// Whether it is the home folder (else the root of the file system).
        home: bool,
    },
    /// The output folder has no marker and is not empty; nothing was changed.
    NotEmpty {
        /// The output folder.
        dir: PathBuf,
        /// The first few entries in it.
        found: Vec<PathBuf>,
    },
    /// An I/O operation failed (an invalid output path is reported as `InvalidInput`).
    Io {
        /// The file or folder the operation was about.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (text, paths, hint) = match self {
            Self::NotOurs { dir, foreign } => (
                msg!("render-output-not-ours", folder = dir.display().to_string()),
                foreign.as_slice(),
                msg!("render-output-refused-hint"),
            ),
            Self::NotEmpty { dir, found } => (
                msg!(
                    "render-output-not-empty",
                    folder = dir.display().to_string()
                ),
                found.as_slice(),
                msg!("render-output-refused-hint"),
            ),
            Self::Protected { dir, home } => {
                let folder = dir.display().to_string();
                let text = if *home {
                    msg!("render-output-home", folder = folder)
                } else {
                    msg!("render-output-root", folder = folder)
                };
                (text, &[][..], msg!("render-output-protected-hint"))
            }
            Self::Io { path, source } => {
                return f.write_str(&msg!(
                    "render-output-cannot-write",
                    path = path.display().to_string(),
                    problem = io_text(source)
                ));
            }
        };
        f.write_str(&text)?;
        list_paths(f, paths)?;
        write!(f, "\n  {}: {hint}", msg!("level-hint"))
    }
}

/// What went wrong with a file operation: the problem twinsite found itself (already in the
/// language of the messages), or the system's error by its kind.
fn io_text(e: &io::Error) -> String {
    match e.get_ref() {
        Some(own) => own.to_string(),
        None => crate::messages::io_problem(e),
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::NotOurs { .. } | Self::NotEmpty { .. } | Self::Protected { .. } => None,
            Self::Io { source, .. } => Some(source),
        }
    }
}

/// Writes ` (a, b, c)` for a non-empty list of paths.
fn list_paths(f: &mut fmt::Formatter<'_>, paths: &[PathBuf]) -> fmt::Result {
    for (i, path) in paths.iter().enumerate() {
        write!(f, "{}{}", if i == 0 { " (" } else { ", " }, path.display())?;
    }
    if paths.is_empty() {
        Ok(())
    } else {
        write!(f, ")")
    }
}

/// Wraps an I/O error with the path it happened on.
fn io_at(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Checks that `dir` may be written: it does not exist, or every file in it (ignoring names
/// starting with `.`) is listed in the marker of an earlier build. Changes nothing.
pub fn check_target(dir: &Path) -> Result<(), WriteError> {
    check_folder(dir)?;
    match read_state(dir)? {
        None => Ok(()),
        Some(owned) => refuse_foreign(dir, scan(dir, &owned)?.foreign),
    }
}

/// Writes `out` into `dir` (created if missing): changed files are replaced atomically,
/// unchanged ones are left alone, and files of the previous build that are gone from `out` are
/// removed. Refuses, changing nothing, if `dir` holds files twinsite did not write or if an
/// output path is not a safe relative path.
pub fn write_output(out: &Output, dir: &Path) -> Result<WriteStats, WriteError> {
    check_folder(dir)?;
    commit(dir, out, &Staged::default())
}

/// Files already compared with the disk while they were rendered (see [`stage`]); disjoint
/// from the in-memory files they are committed with.
#[derive(Debug, Default)]
struct Staged {
    /// Written to their temporary file beside the target, to be renamed over it: key and size.
    written: Vec<(String, u64)>,
    /// Equal to the file on disk: key and size.
    unchanged: Vec<(String, u64)>,
    /// The output folder did not exist when the build began, so all it holds is this build's
    /// (staged files and the folders made for them): nothing to check or clean up again.
    fresh: bool,
}

/// Files that may be in an output folder twinsite did not make: placeholders that keep an
/// empty folder in git.
const PLACEHOLDERS: &[&str] = &[".gitignore", ".gitkeep"];

/// Refuses `dir` when it is the home folder or the root of the file system, or when it exists
/// without a marker and holds anything but [`PLACEHOLDERS`]. Changes nothing.
fn check_folder(dir: &Path) -> Result<(), WriteError> {
    let Ok(real) = fs::canonicalize(dir) else {
        return Ok(()); // missing (or unreadable: reported when it is read)
    };
    let protected = |home| {
        Err(WriteError::Protected {
            dir: dir.to_path_buf(),
            home,
        })
    };
    if real.parent().is_none() {
        return protected(false);
    }
    let home = std::env::var_os("HOME").or_else(|| std::env::var_os("USERPROFILE"));
    let home = home.filter(|h| !h.is_empty()).map(PathBuf::from);
    if home.and_then(|h| fs::canonicalize(h).ok()) == Some(real.clone()) {
        return protected(true);
    }
    if !real.is_dir() || real.join(MARKER).is_file() {
        return Ok(());
    }
    let mut entries = fs::read_dir(dir)
        .and_then(Iterator::collect::<Result<Vec<_>, _>>)
        .map_err(io_at(dir))?;
    entries.sort_by_key(fs::DirEntry::file_name);
    let placeholder = |e: &fs::DirEntry| {
        PLACEHOLDERS.iter().any(|p| e.file_name() == **p)
            && e.file_type().is_ok_and(|t| t.is_file())
    };
    let found: Vec<PathBuf> = entries
        .iter()
        .filter(|e| !placeholder(e))
        .take(FOREIGN_LIMIT)
        .map(fs::DirEntry::path)
        .collect();
    if found.is_empty() {
        return Ok(());
    }
    Err(WriteError::NotEmpty {
        dir: dir.to_path_buf(),
        found,
    })
}

/// Whether the output file `key` differs from the disk (changes nothing). Refuses if
/// something twinsite did not write is in the way: only possible at or below dot-named paths,
/// which [`scan`] does not inspect.
fn needs_write(
    dir: &Path,
    key: &str,
    bytes: &[u8],
    old: &BTreeSet<String>,
) -> Result<bool, WriteError> {
    if ancestors(key).any(|folder| old.contains(folder)) {
        return Ok(true); // a file of the last build stands where a folder must go
    }
    // Folders at or below a dot-named folder were not scanned: never write through a symlink.
    let parts: Vec<&str> = key.split('/').collect();
    if let Some(first_dot) = parts.iter().position(|part| part.starts_with('.')) {
        for depth in first_dot + 1..parts.len() {
            let folder = full_path(dir, &parts[..depth].join("/"));
            match fs::symlink_metadata(&folder) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    return refuse_foreign(dir, vec![folder]).map(|()| true);
                }
                Ok(_) => {}
                Err(e) if missing(&e) => break,
                Err(e) => return Err(io_at(&folder)(e)),
            }
        }
    }
    let path = full_path(dir, key);
    let meta = match fs::symlink_metadata(&path) {
        Ok(meta) => meta,
        Err(e) if missing(&e) => return Ok(true),
        Err(e) => return Err(io_at(&path)(e)),
    };
    let same = meta.is_file()
        && meta.len() == bytes.len() as u64
        && fs::read(&path).map_err(io_at(&path))? == bytes;
    if same || old.contains(key) || meta.is_dir() {
        return Ok(!same);
    }
    refuse_foreign(dir, vec![path]).map(|()| true)
}

/// `None` if `dir` does not exist, else the files the marker lists (empty without a marker).
fn read_state(dir: &Path) -> Result<Option<BTreeSet<String>>, WriteError> {
    if dir.as_os_str().is_empty() {
        let source = io::Error::new(io::ErrorKind::InvalidInput, msg!("render-output-none"));
        return Err(WriteError::Io {
            path: dir.to_path_buf(),
            source,
        });
    }
    match fs::metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_at(dir)(e)),
        Ok(meta) if !meta.is_dir() => {
            let source = io::Error::new(
                io::ErrorKind::NotADirectory,
                msg!("render-output-not-folder"),
            );
            return Err(WriteError::Io {
                path: dir.to_path_buf(),
                source,
            });
        }
        Ok(_) => {}
    }
    let path = dir.join(MARKER);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(io_at(&path)(e)),
    };
    // Never trust the marker either: an entry like `../x` must not make us delete `../x`.
    let lines = text.lines().enumerate();
    let entries = lines
        .filter(|&(i, line)| !(i == 0 && line.starts_with('#')))
        .map(|(_, line)| line);
    let owned = entries.filter(|line| valid_key(line)).map(str::to_owned);
    Ok(Some(owned.collect()))
}

/// What a walk of the output folder (or of one folder in it) found.
#[derive(Default)]
struct Scan {
    /// Files not listed in the marker (names starting with `.` are skipped).
    foreign: Vec<PathBuf>,
    /// Temporary files (`.<name>.twinsite-tmp`) possibly left by an interrupted write.
    leftovers: Vec<String>,
    /// Subfolders still to walk, with their relative path and a trailing `/`.
    folders: Vec<(PathBuf, String)>,
}

/// Walks `dir` level by level, each level in parallel, merging in name order so the result is
/// deterministic. Stops after the first level with a foreign file and reports at most
/// [`FOREIGN_LIMIT`] of them, the ones nearest the top.
fn scan(dir: &Path, owned: &BTreeSet<String>) -> Result<Scan, WriteError> {
    let mut scan = Scan {
        folders: vec![(dir.to_path_buf(), String::new())],
        ..Scan::default()
    };
    while !scan.folders.is_empty() && scan.foreign.is_empty() {
        let level = std::mem::take(&mut scan.folders);
        let found: Vec<_> = level
            .par_iter()
            .map(|(folder, prefix)| scan_folder(folder, prefix, owned))
            .collect();
        for found in found {
            let found = found?;
            scan.foreign.extend(found.foreign);
            scan.leftovers.extend(found.leftovers);
            scan.folders.extend(found.folders);
        }
    }
    scan.foreign.truncate(FOREIGN_LIMIT);
    Ok(scan)
}

/// Looks at the entries of one folder; `prefix` is its relative path with a trailing `/`.
fn scan_folder(folder: &Path, prefix: &str, owned: &BTreeSet<String>) -> Result<Scan, WriteError> {
    let mut scan = Scan::default();
    let mut entries = match fs::read_dir(folder).and_then(Iterator::collect::<Result<Vec<_>, _>>) {
        Ok(entries) => entries,
        Err(e) if prefix.is_empty() => return Err(io_at(folder)(e)),
        Err(_) => {
            scan.foreign.push(folder.to_path_buf()); // a folder we cannot read is not ours either
            return Ok(scan);
        }
    };
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        let kind = entry.file_type().map_err(io_at(&entry.path()))?;
        let child = name.to_str().map(|name| format!("{prefix}{name}"));
        match child {
            _ if name.as_encoded_bytes().starts_with(b".") => {
                if let Some(child) = child.filter(|c| kind.is_file() && tmp_owner(c).is_some()) {
                    scan.leftovers.push(child);
                }
            }
            Some(child) if kind.is_dir() => scan.folders.push((entry.path(), child + "/")),
            Some(child) if owned.contains(&child) => {}
            _ => scan.foreign.push(entry.path()),
        }
    }
    Ok(scan)
}

/// Fails with [`WriteError::NotOurs`] if `foreign` is not empty.
fn refuse_foreign(dir: &Path, foreign: Vec<PathBuf>) -> Result<(), WriteError> {
    if foreign.is_empty() {
        return Ok(());
    }
    Err(WriteError::NotOurs {
        dir: dir.to_path_buf(),
        foreign,
    })
}

/// The temporary file `.<name>.twinsite-tmp` beside `path`.
fn tmp_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}{TMP_SUFFIX}"))
}

/// Whether `key` is a safe relative file path: `/`-separated normal parts, nothing else.
pub fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key != MARKER
        && !key.contains('\\')
        && !key.chars().any(char::is_control)
        && key
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
        && Path::new(key)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
        && tmp_owner(key).is_none()
}

/// Whether some other key lies below `key`, i.e. `key` would have to be a file and a folder.
fn is_folder_too(key: &str, keys: &BTreeSet<&str>) -> bool {
    ancestors(key).any(|folder| keys.contains(folder))
}

/// The folders containing `key`, e.g. `a` and `a/b` for `a/b/c.html`.
fn ancestors(key: &str) -> impl Iterator<Item = &str> {
    key.match_indices('/').map(move |(i, _)| &key[..i])
}

/// For a temporary file `a/.b.twinsite-tmp` or a backup `a/.b.twinsite-old`, the file it
/// stands for: `a/b`.
fn tmp_owner(rel: &str) -> Option<String> {
    let (parent, name) = rel.rsplit_once('/').map_or(("", rel), |(p, n)| (p, n));
    let name = name.strip_prefix('.')?;
    let owner = name
        .strip_suffix(TMP_SUFFIX)
        .or_else(|| name.strip_suffix(journal::OLD_SUFFIX))?;
    let slash = if parent.is_empty() { "" } else { "/" };
    (!owner.is_empty()).then(|| format!("{parent}{slash}{owner}"))
}

/// The path of the output file `key` below `dir`.
fn full_path(dir: &Path, key: &str) -> PathBuf {
    let mut path = dir.to_path_buf();
    path.extend(key.split('/'));
    path
}

/// Whether an error means the path is not there (possibly because a parent is a file).
fn missing(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::NotFound || e.kind() == io::ErrorKind::NotADirectory
}

mod commit;
mod journal;
pub mod stage;

use commit::commit;

#[cfg(test)]
mod tests;
