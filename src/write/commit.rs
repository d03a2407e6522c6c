//! Committing one build's files to the output folder as one transaction: every file is staged
//! beside its target before any is replaced, and a failure at any step puts the folder back
//! byte for byte as it was (see [`super::journal`]).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::journal::Journal;
use super::{
    HEADER, MARKER, Staged, WriteError, WriteStats, ancestors, full_path, io_at, is_folder_too,
    missing, needs_write, read_state, refuse_foreign, scan, tmp_owner, tmp_path, valid_key,
};
use crate::output::Output;

/// What a commit will do, worked out before anything is changed.
struct Plan<'a> {
    /// Every file of the new build.
    new: BTreeSet<&'a str>,
    /// Every file of the last build (its marker).
    old: BTreeSet<String>,
    /// In-memory files whose bytes differ from the disk.
    changed: Vec<(&'a str, &'a [u8])>,
    /// Number of in-memory files.
    files: usize,
    /// Files of the last build standing where a folder of a new file must go.
    blocking: BTreeSet<String>,
    /// New files where a folder holding only files of the last build stands.
    in_the_way: Vec<&'a str>,
    /// The other files of the last build that are no longer part of it.
    stale: Vec<String>,
    /// Files of the last build below a new file: they go with the folder in the way.
    below_new: usize,
    /// Temporary files and backups possibly left by an interrupted build.
    leftovers: Vec<String>,
}

/// The steps of the module documentation of [`super`] for the files of `out` plus the `staged`
/// ones, whose comparison is done and whose temporary file is written.
pub(super) fn commit(dir: &Path, out: &Output, staged: &Staged) -> Result<WriteStats, WriteError> {
    let plan = plan(dir, out, staged)?;
    let journal = Journal::default();
    match apply(dir, &plan, staged, &journal) {
        Ok(removed) => {
            let folders = journal.complete();
            tidy(dir, &plan, &folders);
            let staged_bytes: u64 = staged.written.iter().map(|(_, len)| len).sum();
            let changed_bytes: u64 = plan.changed.iter().map(|(_, b)| b.len() as u64).sum();
            Ok(WriteStats {
                written: plan.changed.len() + staged.written.len(),
                unchanged: plan.files - plan.changed.len() + staged.unchanged.len(),
                removed: removed + plan.below_new,
                bytes_written: changed_bytes + staged_bytes,
            })
        }
        Err(e) => {
            journal.roll_back();
            Err(e)
        }
    }
}

/// Step 1: checks every path and compares the in-memory files with the disk. Changes nothing.
fn plan<'a>(dir: &Path, out: &'a Output, staged: &'a Staged) -> Result<Plan<'a>, WriteError> {
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
        let msg = msg!("render-output-unsafe-path");
        return Err(WriteError::Io {
            path: PathBuf::from(*key),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, msg),
        });
    }
    let state = if staged.fresh { None } else { read_state(dir)? };
    let (old, leftovers) = match state {
        None => (BTreeSet::new(), Vec::new()),
        Some(old) => {
            let scan = scan(dir, &old)?;
            refuse_foreign(dir, scan.foreign)?;
            (old, scan.leftovers)
        }
    };
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
    let mut in_the_way = Vec::new();
    for &(key, _) in &changed {
        let path = full_path(dir, key);
        if fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            only_old_files(dir, key, &old, &new)?;
            in_the_way.push(key);
        }
    }
    let stale: BTreeSet<&str> = old
        .iter()
        .map(String::as_str)
        .filter(|k| !new.contains(k))
        .collect();
    let blocking: BTreeSet<String> = new
        .iter()
        .flat_map(|key| ancestors(key))
        .filter(|folder| stale.contains(folder))
        .map(str::to_owned)
        .collect();
    let (below, stale): (Vec<&str>, Vec<&str>) = stale
        .into_iter()
        .filter(|s| !blocking.contains(*s))
        .partition(|s| is_folder_too(s, &new));
    let stale: Vec<String> = stale.into_iter().map(str::to_owned).collect();
    let below_new = below.len();
    Ok(Plan {
        new,
        old,
        changed,
        files: files.len(),
        blocking,
        in_the_way,
        stale,
        below_new,
        leftovers,
    })
}

/// Refuses a folder standing where the new file `key` must go unless every file in it is a
/// file of the last build (or one of our temporary files), dotfiles included.
fn only_old_files(
    dir: &Path,
    key: &str,
    old: &BTreeSet<String>,
    new: &BTreeSet<&str>,
) -> Result<(), WriteError> {
    let mut folders = vec![key.to_owned()];
    while let Some(folder) = folders.pop() {
        let path = full_path(dir, &folder);
        let entries = fs::read_dir(&path).and_then(Iterator::collect::<Result<Vec<_>, _>>);
        let Ok(entries) = entries else {
            return refuse_foreign(dir, vec![path]);
        };
        for entry in entries {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                return refuse_foreign(dir, vec![entry.path()]);
            };
            let child = format!("{folder}/{name}");
            let kind = entry.file_type().map_err(io_at(&entry.path()))?;
            if kind.is_dir() {
                folders.push(child);
            } else if !(kind.is_file() && ours(&child, old, new)) {
                return refuse_foreign(dir, vec![entry.path()]);
            }
        }
    }
    Ok(())
}

/// Whether `rel` is a file of the last build, or a temporary file or backup of one of ours.
fn ours(rel: &str, old: &BTreeSet<String>, new: &BTreeSet<&str>) -> bool {
    old.contains(rel)
        || tmp_owner(rel)
            .is_some_and(|key| key == MARKER || old.contains(&key) || new.contains(key.as_str()))
}

/// Steps 2 to 6; every change goes into `journal`. Returns how many old files were removed.
fn apply(
    dir: &Path,
    plan: &Plan<'_>,
    staged: &Staged,
    journal: &Journal,
) -> Result<usize, WriteError> {
    journal.create_dirs(dir)?;
    // Stage every changed file beside its target; nothing visible has changed yet.
    let blocked = |key: &str| ancestors(key).any(|folder| plan.blocking.contains(folder));
    let stage = |&(key, bytes): &(&str, &[u8])| {
        let path = full_path(dir, key);
        if let Some(parent) = path.parent() {
            journal.create_dirs(parent)?;
        }
        journal.write_temp(&path, &tmp_path(&path), bytes)
    };
    let (later, now): (Vec<_>, Vec<_>) = plan.changed.iter().partition(|(key, _)| blocked(key));
    now.par_iter().try_for_each(stage)?;
    // Step 2: from now on every file we may write is listed.
    let all = plan
        .old
        .iter()
        .map(String::as_str)
        .chain(plan.new.iter().copied());
    let union_placed = put_marker(dir, &marker_text(all), true, journal)?;
    // Step 3: move old files and folders out of the way of new ones.
    let mut removed = 0;
    for key in &plan.blocking {
        let path = full_path(dir, key);
        if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir()) {
            journal.move_away(&path)?;
            removed += 1;
        }
    }
    later.iter().try_for_each(stage)?;
    for key in &plan.in_the_way {
        journal.move_away(&full_path(dir, key))?;
    }
    // Step 4: every changed file replaces its target.
    let targets = plan
        .changed
        .iter()
        .map(|(key, _)| *key)
        .chain(staged.written.iter().map(|(key, _)| key.as_str()));
    let targets: Vec<&str> = targets.collect();
    targets.par_iter().try_for_each(|key| {
        let path = full_path(dir, key);
        journal.place(&tmp_path(&path), &path, true)
    })?;
    // Step 5: the other files of the last build go.
    let count = AtomicUsize::new(0);
    plan.stale.par_iter().try_for_each(|key| {
        let path = full_path(dir, key);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => Ok(()), // not ours
            Ok(_) => {
                count.fetch_add(1, Ordering::Relaxed);
                journal.move_away(&path)
            }
            Err(e) if missing(&e) => Ok(()),
            Err(e) => Err(io_at(&path)(e)),
        }
    })?;
    // Step 6: the exact list of this build, last.
    let exact = marker_text(plan.new.iter().copied());
    put_marker(dir, &exact, !union_placed, journal)?;
    Ok(removed + count.into_inner())
}

/// Replaces the marker by `text` unless it says that already; `keep` as in
/// [`Journal::place`]. Returns whether it was replaced.
fn put_marker(dir: &Path, text: &str, keep: bool, journal: &Journal) -> Result<bool, WriteError> {
    let path = dir.join(MARKER);
    if fs::read(&path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(false);
    }
    let tmp = tmp_path(&path);
    journal.write_temp(&path, &tmp, text.as_bytes())?;
    journal.place(&tmp, &path, keep)?;
    Ok(true)
}

/// The marker listing `entries` (sorted, deduplicated).
fn marker_text<'a>(entries: impl Iterator<Item = &'a str>) -> String {
    let mut text = format!("{HEADER}\n");
    for entry in entries.collect::<BTreeSet<_>>() {
        text.push_str(entry);
        text.push('\n');
    }
    text
}

/// After a complete commit: removes the folders the removed files left empty, the files of
/// the last build in folders moved out of the way, and our leftover temporary files and
/// backups. Nothing here can make the build fail: the new output is in place.
fn tidy(dir: &Path, plan: &Plan<'_>, folders: &[(PathBuf, PathBuf)]) {
    for (target, backup) in folders {
        let Some(key) = target.strip_prefix(dir).ok().and_then(Path::to_str) else {
            continue;
        };
        empty_moved_folder(backup, &key.replace('\\', "/"), plan);
    }
    for tmp in plan
        .leftovers
        .iter()
        .filter(|tmp| ours(tmp, &plan.old, &plan.new))
    {
        let _ = fs::remove_file(full_path(dir, tmp));
    }
    let gone = plan.stale.iter().chain(&plan.blocking);
    let mut parents: Vec<&str> = gone.flat_map(|key| ancestors(key)).collect();
    parents.sort_by_key(|folder| (std::cmp::Reverse(folder.matches('/').count()), *folder));
    parents.dedup();
    for folder in parents {
        let path = full_path(dir, folder);
        if fs::read_dir(&path).is_ok_and(|mut it| it.next().is_none()) {
            let _ = fs::remove_dir(&path);
        }
    }
}

/// Deletes our files in the backup of the folder that stood at `key`, then the folder if it is
/// empty (it held only our files when the commit began).
fn empty_moved_folder(backup: &Path, key: &str, plan: &Plan<'_>) {
    let mut folders = vec![(backup.to_path_buf(), key.to_owned())];
    let mut seen = Vec::new();
    while let Some((path, rel)) = folders.pop() {
        let Ok(entries) = fs::read_dir(&path) else {
            continue;
        };
        for entry in entries.flatten() {
            let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
                continue;
            };
            let child = format!("{rel}/{name}");
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                folders.push((entry.path(), child));
            } else if ours(&child, &plan.old, &plan.new) {
                let _ = fs::remove_file(entry.path());
            }
        }
        seen.push(path);
    }
    for folder in seen.iter().rev() {
        let _ = fs::remove_dir(folder);
    }
}
