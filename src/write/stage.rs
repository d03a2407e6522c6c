//! Staging pages in the output folder while they are rendered, so `build` never holds them all.
//!
//! A [`Stager`] takes each page as soon as it is rendered ([`PageSink::put`]) and compares it
//! with the disk at once: a page equal to its file is only counted; a changed or new one is
//! written to its temporary file `.<name>.twinsite-tmp` beside the target, and its bytes are
//! dropped. Nothing the previous build left is modified meanwhile: the temporary files are
//! hidden dotfiles, and only folders that did not exist are created. [`Stager::finish`] then
//! runs the writer's steps (marker, stale files, one rename per staged page) together with the
//! files still in memory (feeds, calendar files, static files).
//!
//! If the build fails instead, dropping the stager removes every temporary file it wrote and
//! the folders it created, so the previous output stays byte for byte as it was. A page whose
//! target needs care (a folder or a foreign file in its place, a file of the last build where
//! its folder must go, a dot-named folder on its path, an unsafe path) is not staged but held in
//! memory and goes through the writer's checks with the other in-memory files.
//!
//! If the process dies while pages are staged, the temporary files of pages the last build did
//! not have stay behind as hidden files (never counted as foreign) until a build that makes
//! those pages again removes them.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::{
    Staged, WriteError, WriteStats, ancestors, commit, full_path, io_at, read_state,
    refuse_foreign, scan, tmp_path, valid_key,
};
use crate::output::{Output, PageSink};

/// The output folder of one `build`, taking pages as they are rendered.
pub struct Stager {
    dir: PathBuf,
    /// The files of the previous build (its marker).
    old: BTreeSet<String>,
    state: Mutex<State>,
}

/// What the stager did so far.
#[derive(Default)]
struct State {
    staged: Staged,
    /// Pages to write with the in-memory files.
    held: Vec<(String, Vec<u8>)>,
    /// Folders this build created, to remove again if it fails.
    created: Vec<PathBuf>,
    /// Total size of every page taken.
    bytes: usize,
    /// Every path taken so far.
    keys: HashSet<String>,
    /// The first I/O error, by page path (so the report does not depend on thread timing).
    error: Option<(String, WriteError)>,
    /// Set once the files are committed: nothing to clean up any more.
    done: bool,
}

/// What one staged page came to.
enum Outcome {
    /// Equal to the file on disk, of this size.
    Unchanged(u64),
    /// Written to its temporary file, with this size.
    Written(u64),
    /// Left to the writer's checks.
    Held,
}

impl Stager {
    /// Checks `dir` as [`super::check_target`] does (it does not exist, or everything in it is
    /// ours); changes nothing.
    pub fn new(dir: &Path) -> Result<Self, WriteError> {
        super::check_folder(dir)?;
        let (old, fresh) = match read_state(dir)? {
            None => (BTreeSet::new(), true),
            Some(old) => {
                refuse_foreign(dir, scan(dir, &old)?.foreign)?;
                (old, false)
            }
        };
        let mut state = State::default();
        state.staged.fresh = fresh;
        Ok(Self {
            dir: dir.to_path_buf(),
            old,
            state: Mutex::new(state),
        })
    }

    /// Writes the staged pages and `rest` (the files not given to [`PageSink::put`]) as
    /// [`super::write_output`] does. A file in `rest` replaces a page of the same path.
    /// Returns what was written, the number of files and their total size.
    pub fn finish(self, rest: Output) -> Result<(WriteStats, usize, usize), WriteError> {
        let mut state = self.lock();
        if let Some((_, e)) = state.error.take() {
            return Err(e);
        }
        let mut mem = Output::new();
        for (key, bytes) in std::mem::take(&mut state.held) {
            mem.insert(key, bytes);
        }
        let mut bytes = state.bytes;
        for (key, b) in rest {
            // The in-memory file wins over a page of the same path, as in an in-memory build.
            bytes = bytes - mem.get(&key).map_or(0, <[u8]>::len) + b.len();
            mem.insert_shared(key, b);
        }
        let (dropped, written): (Vec<_>, Vec<_>) = std::mem::take(&mut state.staged.written)
            .into_iter()
            .partition(|(key, _)| mem.contains(key));
        state.staged.written = written;
        for (key, len) in &dropped {
            remove_tmp(&self.dir, key);
            bytes -= *len as usize;
        }
        let (dropped, unchanged): (Vec<_>, Vec<_>) = std::mem::take(&mut state.staged.unchanged)
            .into_iter()
            .partition(|(key, _)| mem.contains(key));
        state.staged.unchanged = unchanged;
        bytes -= dropped.iter().map(|(_, len)| *len as usize).sum::<usize>();
        let files = mem.len() + state.staged.written.len() + state.staged.unchanged.len();
        let result = commit(&self.dir, &mem, &state.staged);
        if result.is_ok() {
            state.done = true;
        }
        drop(state);
        result.map(|stats| (stats, files, bytes))
    }

    /// Remembers `e` if it is about the first path so far, so the report does not depend on
    /// thread timing.
    fn fail(&self, key: String, e: WriteError) {
        let mut state = self.lock();
        if state.error.as_ref().is_none_or(|(first, _)| key < *first) {
            state.error = Some((key, e));
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Compares the page with the disk and writes its temporary file if it changed.
    fn stage(&self, key: &str, bytes: &[u8]) -> Result<Outcome, WriteError> {
        let awkward = !valid_key(key)
            || key.split('/').any(|part| part.starts_with('.'))
            || ancestors(key).any(|folder| self.old.contains(folder));
        if awkward {
            return Ok(Outcome::Held);
        }
        let path = full_path(&self.dir, key);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_file() => {
                let same = meta.len() == bytes.len() as u64
                    && fs::read(&path).map_err(io_at(&path))? == bytes;
                if same {
                    return Ok(Outcome::Unchanged(meta.len()));
                }
                if !self.old.contains(key) {
                    return Ok(Outcome::Held); // not ours: the writer refuses it
                }
            }
            Ok(_) => return Ok(Outcome::Held), // a folder or a link in the way
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(_) => return Ok(Outcome::Held), // a file where a folder must go
        }
        if let Some(parent) = path.parent() {
            self.create_folders(parent)?;
        }
        let tmp = tmp_path(&path);
        if let Err(e) = fs::write(&tmp, bytes) {
            let _ = fs::remove_file(&tmp); // a partly written file
            return Err(io_at(&path)(e));
        }
        Ok(Outcome::Written(bytes.len() as u64))
    }

    /// Creates `folder` and its missing parents, remembering which ones this build made.
    fn create_folders(&self, folder: &Path) -> Result<(), WriteError> {
        if folder.is_dir() {
            return Ok(());
        }
        let missing: Vec<PathBuf> = folder
            .ancestors()
            .take_while(|f| !f.as_os_str().is_empty() && !f.exists())
            .map(Path::to_path_buf)
            .collect();
        fs::create_dir_all(folder).map_err(io_at(folder))?;
        self.lock().created.extend(missing);
        Ok(())
    }
}

impl PageSink for Stager {
    fn put(&self, key: String, bytes: Vec<u8>) {
        if !self.lock().keys.insert(key.clone()) {
            // Which of the two would win depends on thread timing: refuse both.
            let msg = msg!("render-output-duplicate-path");
            let e = WriteError::Io {
                path: full_path(&self.dir, &key),
                source: io::Error::new(io::ErrorKind::AlreadyExists, msg),
            };
            return self.fail(key, e);
        }
        let outcome = match self.stage(&key, &bytes) {
            Ok(outcome) => outcome,
            Err(e) => return self.fail(key, e),
        };
        let mut state = self.lock();
        state.bytes += bytes.len();
        match outcome {
            Outcome::Unchanged(len) => state.staged.unchanged.push((key, len)),
            Outcome::Written(len) => state.staged.written.push((key, len)),
            Outcome::Held => state.held.push((key, bytes)),
        }
    }
}

impl Drop for Stager {
    /// A build that did not finish leaves the folder as it found it: the temporary files it
    /// wrote and the (then empty) folders it created are removed.
    fn drop(&mut self) {
        let state = self.lock();
        if state.done {
            return;
        }
        for (key, _) in &state.staged.written {
            remove_tmp(&self.dir, key);
        }
        let mut created = state.created.clone();
        drop(state);
        created.sort_by_key(|f| std::cmp::Reverse(f.components().count()));
        created.dedup();
        for folder in created {
            let _ = fs::remove_dir(folder); // only succeeds when empty
        }
    }
}

/// Removes the temporary file of `key`, if it is there.
fn remove_tmp(dir: &Path, key: &str) {
    let _ = fs::remove_file(tmp_path(&full_path(dir, key)));
}
