//! Writing an [`Output`] to the output folder so that nothing is ever lost.
//!
//! # Ownership
//! Every build leaves a marker file `.twinsite-build` in the output folder: a header line, then
//! every file path the build wrote, sorted, one per line. A file is *ours* if the marker lists
//! it. Before touching anything, [`check_target`] walks the folder (level by level, in
//! parallel) and refuses it if it holds a file that is not ours, or a subfolder it cannot
//! read, so `--output ~` fails instead of mixing a site into a home folder. Entries whose name
//! starts with `.` (`.gitignore`, `.git/`, `.DS_Store`) are never inspected, never counted as
//! foreign and never deleted, at any depth. So a missing folder, an empty one, one holding only
//! dotfiles (or empty subfolders) and one holding only files of an earlier build are accepted.
//! Temporary files `.<name>.twinsite-tmp` left by an interrupted write are removed when
//! `<name>` is ours.
//!
//! # Strategy: in place, one atomic rename per file
//! We write into the existing folder rather than building a sibling folder and swapping it in:
//! unchanged files keep their bytes and mtimes (cheap uploads, no rewrite cost), foreign
//! dotfiles are never moved or copied, and a `public/` that is a symlink or a mount point just
//! works (a swap would replace the symlink by a folder, and cannot rename across a mount).
//! Nothing is replaced before the whole site has rendered, so a failed build leaves the
//! previous `public/` untouched: `build` stages its pages beside their targets while they are
//! rendered (hidden temporary files, see [`stage`], removed again if the build fails), the
//! other files are held in memory. The steps are:
//! 1. Validate every key (relative, `/`-separated, no `..`, `.`, empty parts, backslashes or
//!    control characters, no file that is also a folder), then check the folder and compare
//!    every output file with the disk in parallel (staged pages were compared when they were
//!    staged). Nothing has been modified yet, so any refusal leaves the folder byte for byte as
//!    it was, once the stager has removed its temporary files and the folders it created.
//! 2. Write the marker as the union of the old and new lists (skipped when nothing is new).
//! 3. Remove stale files that stand where a new file needs a folder, or the reverse.
//! 4. Write every changed file in parallel (`rayon`): into `.<name>.twinsite-tmp` beside it,
//!    then `rename` over the target (a staged page only needs the rename). Files whose bytes
//!    are equal are not touched.
//! 5. Remove the other stale files (listed in the old marker, absent from the new output),
//!    the folders they leave empty, and our own leftover temporary files.
//! 6. Write the marker with exactly the new list, last (skipped when unchanged).
//!
//! # Crash consistency
//! If the process dies at any point, every output file is either its old or its new version
//! (renames are atomic), and every file we may have written is listed in the marker on disk:
//! before step 2 the old marker covers the old files; from step 2 on the union covers old and
//! new ones. So the next build still recognises the folder as its own and repairs it. Files are
//! not `fsync`ed, so after a power loss (not a process crash) a file may be old, new or empty
//! depending on the filesystem; a rebuild fixes that too. Two builds writing the same folder at
//! the same time are not supported.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io;
use std::ops::Bound;
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
        match self {
            Self::NotOurs { dir, foreign } => {
                let (dir, hint) = (
                    dir.display(),
                    "choose an empty folder with --output, or move these files away; twinsite never deletes files it did not write",
                );
                write!(
                    f,
                    "refusing to write into {dir}: it holds files twinsite did not write"
                )?;
                for (i, path) in foreign.iter().enumerate() {
                    write!(f, "{}{}", if i == 0 { " (" } else { ", " }, path.display())?;
                }
                let close = if foreign.is_empty() { "" } else { ")" };
                write!(f, "{close}; {hint}")
            }
            Self::Io { path, source } => {
                write!(f, "cannot write the output at {}: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for WriteError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::NotOurs { .. } => None,
            Self::Io { source, .. } => Some(source),
        }
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

/// The steps of the module documentation for the files of `out` plus the `staged` ones, whose
/// step 1 is done and whose step 4 is a rename of the temporary file.
fn commit(dir: &Path, out: &Output, staged: &Staged) -> Result<WriteStats, WriteError> {
    let new: BTreeSet<&str> = out
        .iter()
        .map(|(key, _)| key)
        .chain(staged.written.iter().map(|(key, _)| key.as_str()))
        .chain(staged.unchanged.iter().map(|(key, _)| key.as_str()))
        .collect();
    if let Some(key) = new
        .iter()
        .find(|key| !valid_key(key) || is_folder_too(key, &new))
    {
        let msg = "not a safe relative file path inside the output folder";
        return Err(WriteError::Io {
            path: PathBuf::from(*key),
            source: io::Error::new(io::ErrorKind::InvalidInput, msg),
        });
    }
    let state = if staged.fresh { None } else { read_state(dir)? };
    let (old, leftovers) = match state {
        None => {
            fs::create_dir_all(dir).map_err(io_at(dir))?;
            (BTreeSet::new(), Vec::new())
        }
        Some(old) => {
            let scan = scan(dir, &old)?;
            refuse_foreign(dir, scan.foreign)?;
            (old, scan.leftovers)
        }
    };
    // Step 1: compare with the disk: which files must be written?
    let files: Vec<(&str, &[u8])> = out.iter().collect();
    let probes = files
        .par_iter()
        .map(|&(key, bytes)| Ok(needs_write(dir, key, bytes, &old)?.then_some((key, bytes))));
    let changed: Vec<(&str, &[u8])> = probes
        .collect::<Vec<Result<_, WriteError>>>() // the first error in path order
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect();
    // Step 2: from now on every file we may write is listed.
    if !new.iter().all(|key| old.contains(*key)) {
        write_marker(
            dir,
            old.iter().map(String::as_str).chain(new.iter().copied()),
        )?;
    }
    // Step 3: clear stale files and folders that stand in the way of new ones.
    let stale: Vec<&str> = old
        .iter()
        .map(String::as_str)
        .filter(|key| !new.contains(key))
        .collect();
    let (blocking, stale): (Vec<&str>, Vec<&str>) =
        stale.into_iter().partition(|s| blocks(s, &new));
    let mut removed = remove_files(dir, &blocking)?;
    // Step 4: write changed files; move the staged ones into place.
    changed.par_iter().try_for_each(|&(key, bytes)| {
        let path = full_path(dir, key);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_at(parent))?;
        }
        write_atomic(&path, bytes)
    })?;
    staged.written.par_iter().try_for_each(|(key, _)| {
        let path = full_path(dir, key);
        fs::rename(tmp_path(&path), &path).map_err(io_at(&path))
    })?;
    // Step 5: remove stale files and our leftover temporary files.
    removed += remove_files(dir, &stale)?;
    let ours = |tmp: &String| {
        tmp_owner(tmp)
            .is_some_and(|key| key == MARKER || old.contains(&key) || new.contains(key.as_str()))
    };
    for tmp in leftovers.iter().filter(|tmp| ours(tmp)) {
        let path = full_path(dir, tmp);
        fs::remove_file(&path)
            .or_else(ignore_missing)
            .map_err(io_at(&path))?;
    }
    // Step 6: the exact list of this build, last.
    write_marker(dir, new.iter().copied())?;
    let staged_bytes: u64 = staged.written.iter().map(|(_, len)| len).sum();
    Ok(WriteStats {
        written: changed.len() + staged.written.len(),
        unchanged: files.len() - changed.len() + staged.unchanged.len(),
        removed,
        bytes_written: changed
            .iter()
            .map(|(_, bytes)| bytes.len() as u64)
            .sum::<u64>()
            + staged_bytes,
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
        let source = io::Error::new(io::ErrorKind::InvalidInput, "no output folder given");
        return Err(WriteError::Io {
            path: dir.to_path_buf(),
            source,
        });
    }
    match fs::metadata(dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_at(dir)(e)),
        Ok(meta) if !meta.is_dir() => {
            let source = io::Error::new(io::ErrorKind::NotADirectory, "exists and is not a folder");
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

/// Removes the listed files of the last build (not folders: a folder there is not ours), then
/// the folders they leave empty, deepest first. Returns how many files were removed.
fn remove_files(dir: &Path, rels: &[&str]) -> Result<usize, WriteError> {
    let removed = rels.par_iter().map(|rel| {
        let path = full_path(dir, rel);
        let gone = match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => return Ok(0),
            Ok(_) => fs::remove_file(&path),
            Err(e) => Err(e),
        };
        match gone {
            Ok(()) => Ok(1),
            Err(e) if missing(&e) => Ok(0),
            Err(e) => Err(io_at(&path)(e)),
        }
    });
    let removed = removed.collect::<Result<Vec<usize>, _>>()?.iter().sum();
    let mut folders: Vec<&str> = rels.iter().flat_map(|rel| ancestors(rel)).collect();
    folders.sort_by_key(|folder| (std::cmp::Reverse(folder.matches('/').count()), *folder));
    folders.dedup();
    for folder in folders.into_iter().map(|folder| full_path(dir, folder)) {
        let is_dir = fs::symlink_metadata(&folder).is_ok_and(|meta| meta.is_dir());
        let empty = is_dir && fs::read_dir(&folder).is_ok_and(|mut it| it.next().is_none());
        if empty {
            fs::remove_dir(&folder)
                .or_else(ignore_missing)
                .map_err(io_at(&folder))?;
        }
    }
    Ok(removed)
}

/// Writes `bytes` to `.<name>.twinsite-tmp` beside `path`, then renames it over `path`.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let tmp = tmp_path(path);
    fs::write(&tmp, bytes).map_err(io_at(path))?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        io_at(path)(e)
    })
}

/// The temporary file `.<name>.twinsite-tmp` beside `path`.
fn tmp_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}{TMP_SUFFIX}"))
}

/// Writes the marker listing `entries` (sorted, deduplicated), unless it already says that.
fn write_marker<'a>(dir: &Path, entries: impl Iterator<Item = &'a str>) -> Result<(), WriteError> {
    let mut text = format!("{HEADER}\n");
    for entry in entries.collect::<BTreeSet<_>>() {
        text.push_str(entry);
        text.push('\n');
    }
    let path = dir.join(MARKER);
    if fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    write_atomic(&path, text.as_bytes())
}

/// Whether `key` is a safe relative file path: `/`-separated normal parts, nothing else.
fn valid_key(key: &str) -> bool {
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

/// Whether the stale file `stale` stands where a folder of a new file must go, or lies below
/// a path that is now a file.
fn blocks(stale: &str, new: &BTreeSet<&str>) -> bool {
    let prefix = format!("{stale}/");
    let below = new.range::<str, _>((Bound::Included(prefix.as_str()), Bound::Unbounded));
    is_folder_too(stale, new) || below.take(1).any(|key| key.starts_with(&prefix))
}

/// The folders containing `key`, e.g. `a` and `a/b` for `a/b/c.html`.
fn ancestors(key: &str) -> impl Iterator<Item = &str> {
    key.match_indices('/').map(move |(i, _)| &key[..i])
}

/// For a temporary file `a/.b.twinsite-tmp`, the file it stands for: `a/b`.
fn tmp_owner(rel: &str) -> Option<String> {
    let (parent, name) = rel.rsplit_once('/').map_or(("", rel), |(p, n)| (p, n));
    let owner = name.strip_prefix('.')?.strip_suffix(TMP_SUFFIX)?;
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

/// Turns "not there" into success, for removals.
fn ignore_missing(e: io::Error) -> io::Result<()> {
    if missing(&e) { Ok(()) } else { Err(e) }
}

pub mod stage;

#[cfg(test)]
mod tests;
