//! The record of every change one commit made to the output folder, so a commit that fails
//! part-way can put the folder back exactly as it was.
//!
//! Nothing is deleted before the commit is complete: a replaced file keeps its old bytes in a
//! backup `.<name>.twinsite-old` beside it (a hard link, or the file itself renamed), and a
//! removed file or a folder in the way is renamed to such a backup. [`Journal::roll_back`]
//! undoes the changes in reverse order; [`Journal::complete`] deletes the backups once every
//! change is in place.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::{WriteError, io_at, missing};

/// The suffix of a backup: `.<name>.twinsite-old`.
pub(super) const OLD_SUFFIX: &str = ".twinsite-old";

/// One change to the output folder.
#[derive(Debug)]
enum Change {
    /// A folder that did not exist.
    CreatedDir(PathBuf),
    /// A temporary file, to be renamed over its target.
    Temp(PathBuf),
    /// A temporary file renamed over `target`; the old file, if there was one, is `backup`.
    Placed {
        target: PathBuf,
        backup: Option<PathBuf>,
    },
    /// An old file or folder renamed to `backup`, out of the way.
    Moved { target: PathBuf, backup: PathBuf },
}

/// Every change of one commit, in order (changes made in parallel are independent of each
/// other).
#[derive(Debug, Default)]
pub(super) struct Journal {
    changes: Mutex<Vec<Change>>,
}

impl Journal {
    fn record(&self, change: Change) {
        self.changes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(change);
    }

    /// Creates `folder` and its missing parents, recording each one made.
    pub(super) fn create_dirs(&self, folder: &Path) -> Result<(), WriteError> {
        if folder.is_dir() {
            return Ok(());
        }
        let mut missing: Vec<&Path> = folder
            .ancestors()
            .take_while(|f| !f.as_os_str().is_empty() && fs::symlink_metadata(f).is_err())
            .collect();
        missing.reverse();
        for f in missing {
            match fs::create_dir(f) {
                Ok(()) => self.record(Change::CreatedDir(f.to_path_buf())),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && f.is_dir() => {}
                Err(e) => return Err(io_at(f)(e)),
            }
        }
        Ok(())
    }

    /// Writes `bytes` to the temporary file `tmp` (for the output file `path`).
    pub(super) fn write_temp(
        &self,
        path: &Path,
        tmp: &Path,
        bytes: &[u8],
    ) -> Result<(), WriteError> {
        let written = fs::write(tmp, bytes);
        if written.is_err() {
            let _ = fs::remove_file(tmp); // a partly written file
        }
        written.map_err(io_at(path))?;
        self.record(Change::Temp(tmp.to_path_buf()));
        Ok(())
    }

    /// Renames the temporary file `tmp` over `target`, keeping the old file as a backup unless
    /// `keep` is false (when this commit placed `target` before and holds its backup already).
    pub(super) fn place(&self, tmp: &Path, target: &Path, keep: bool) -> Result<(), WriteError> {
        let backup = match fs::symlink_metadata(target) {
            Ok(meta) if !meta.is_dir() && !keep => None,
            Ok(meta) if !meta.is_dir() => Some(self.back_up(target)?),
            Ok(_) => {
                let e = io::Error::new(
                    io::ErrorKind::IsADirectory,
                    msg!("render-output-folder-in-way"),
                );
                return Err(io_at(target)(e));
            }
            Err(e) if missing(&e) => None,
            Err(e) => return Err(io_at(target)(e)),
        };
        match fs::rename(tmp, target) {
            Ok(()) => {
                self.record(Change::Placed {
                    target: target.to_path_buf(),
                    backup,
                });
                Ok(())
            }
            Err(e) => {
                if let Some(backup) = backup {
                    let _ = restore(&backup, target); // the hard link's original is still there
                }
                Err(io_at(target)(e))
            }
        }
    }

    /// Keeps the bytes of `target` in its backup: a hard link, or `target` itself renamed.
    fn back_up(&self, target: &Path) -> Result<PathBuf, WriteError> {
        let backup = backup_path(target);
        let _ = fs::remove_file(&backup); // left by an interrupted build
        if fs::hard_link(target, &backup).is_ok() {
            return Ok(backup);
        }
        fs::rename(target, &backup).map_err(io_at(target))?;
        Ok(backup)
    }

    /// Renames the old file or folder `target` out of the way, to its backup.
    pub(super) fn move_away(&self, target: &Path) -> Result<(), WriteError> {
        let backup = backup_path(target);
        let _ = fs::remove_file(&backup);
        fs::rename(target, &backup).map_err(io_at(target))?;
        self.record(Change::Moved {
            target: target.to_path_buf(),
            backup,
        });
        Ok(())
    }

    /// Undoes every change, newest first, as far as the file system lets it.
    pub(super) fn roll_back(self) {
        let changes = self
            .changes
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let mut created = Vec::new();
        for change in changes.iter().rev() {
            match change {
                Change::CreatedDir(dir) => {
                    let _ = fs::remove_dir(dir);
                    created.push(dir);
                }
                Change::Temp(tmp) => {
                    let _ = fs::remove_file(tmp);
                }
                Change::Placed { target, backup } => match backup {
                    Some(backup) => {
                        let _ = restore(backup, target);
                    }
                    None => {
                        let _ = fs::remove_file(target);
                    }
                },
                Change::Moved { target, backup } => {
                    let _ = fs::rename(backup, target);
                }
            }
        }
        // Folders made in parallel may be recorded after files inside them: try once more.
        created.sort_by_key(|dir| std::cmp::Reverse(dir.components().count()));
        for dir in created {
            let _ = fs::remove_dir(dir);
        }
    }

    /// Every change is in place: deletes the backups of files. Returns the backups of folders
    /// moved out of the way, which the caller empties of its own files.
    pub(super) fn complete(self) -> Vec<(PathBuf, PathBuf)> {
        let changes = self
            .changes
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let mut folders = Vec::new();
        for change in changes {
            match change {
                Change::Placed {
                    backup: Some(backup),
                    ..
                } => {
                    let _ = fs::remove_file(backup);
                }
                Change::Moved { target, backup } => {
                    if fs::symlink_metadata(&backup).is_ok_and(|m| m.is_dir()) {
                        folders.push((target, backup));
                    } else {
                        let _ = fs::remove_file(backup);
                    }
                }
                _ => {}
            }
        }
        folders
    }
}

/// Puts the old file back over `target`.
fn restore(backup: &Path, target: &Path) -> io::Result<()> {
    fs::rename(backup, target)
}

/// The backup `.<name>.twinsite-old` beside `path`.
pub(super) fn backup_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}{OLD_SUFFIX}"))
}
