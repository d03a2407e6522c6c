//! Telling that a file was not written since it was last read, from its metadata alone, so
//! that `twinsite serve` does not read and hash ten thousand unchanged files on every save.
//!
//! A [`FileStat`] holds the size, the modification time and, on Unix, the change time, inode
//! and device. The change time cannot be set by programs (unlike the modification time, which
//! `touch -d`, `rsync -t` or `cp -p` restore), and every write, rename or metadata change
//! moves it forward; a file replaced by another one has another inode.
//!
//! Timestamps have a granularity (from nanoseconds up to two seconds on FAT), so a write in
//! the same tick as the read could leave every field unchanged. As Git does with its index, a
//! stat is only trusted when it is [`settled`](FileStat::settled): both times lie more than
//! [`SETTLE`] before the moment the file was looked at. A file saved a moment ago is therefore
//! always read again; one that has been left alone for a few seconds is not.

use std::path::Path;
use std::time::{Duration, SystemTime};

/// How old a file's timestamps must be before its stat is trusted: more than the coarsest
/// timestamp granularity of common file systems (FAT: 2 s).
pub const SETTLE: Duration = Duration::from_secs(3);

/// What the file system says about a file: enough to notice any write to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStat {
    len: u64,
    modified: SystemTime,
    #[cfg(unix)]
    changed: (i64, i64),
    #[cfg(unix)]
    inode: (u64, u64),
}

impl FileStat {
    /// The stat of the file at `path` (following symbolic links, as reading it does); `None`
    /// when it cannot be had or the file system keeps no modification time.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Self {
            len: meta.len(),
            modified: meta.modified().ok()?,
            #[cfg(unix)]
            changed: {
                use std::os::unix::fs::MetadataExt;
                (meta.ctime(), meta.ctime_nsec())
            },
            #[cfg(unix)]
            inode: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino())
            },
        })
    }

    /// Whether a later write must change this stat: both timestamps are more than [`SETTLE`]
    /// older than `looked_at`, a time taken before the stat was.
    pub fn settled(&self, looked_at: SystemTime) -> bool {
        let Some(limit) = looked_at.checked_sub(SETTLE) else {
            return false;
        };
        self.modified < limit && self.changed_time().is_none_or(|c| c < limit)
    }

    #[cfg(unix)]
    fn changed_time(&self) -> Option<SystemTime> {
        let (secs, nanos) = self.changed;
        let secs = u64::try_from(secs).ok()?;
        let nanos = u32::try_from(nanos).ok()?;
        SystemTime::UNIX_EPOCH.checked_add(Duration::new(secs, nanos))
    }

    #[cfg(not(unix))]
    fn changed_time(&self) -> Option<SystemTime> {
        None
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_file_is_not_settled_and_a_rewrite_changes_the_stat() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "one").unwrap();
        let now = SystemTime::now();
        let first = FileStat::of(&path).unwrap();
        assert!(
            !first.settled(now),
            "a file written just now must be read again"
        );
        assert!(first.settled(now + SETTLE + Duration::from_secs(1)));
        // Same size, written again: the change time (or the modification time) moves.
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&path, "two").unwrap();
        let second = FileStat::of(&path).unwrap();
        assert_ne!(first, second);
        assert_eq!(FileStat::of(&dir.path().join("missing.md")), None);
    }

    #[cfg(unix)]
    #[test]
    fn restoring_the_old_modification_time_is_still_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "one").unwrap();
        let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
        let set = |p: &Path| {
            std::fs::File::options()
                .write(true)
                .open(p)
                .and_then(|f| f.set_modified(old))
                .unwrap();
        };
        set(&path);
        let first = FileStat::of(&path).unwrap();
        std::thread::sleep(Duration::from_millis(20));
        std::fs::write(&path, "two").unwrap();
        set(&path);
        let second = FileStat::of(&path).unwrap();
        assert_eq!(first.modified, second.modified);
        assert_ne!(first, second, "the change time must tell the rewrite apart");
        // A file whose change time is recent is not trusted, however old its mtime.
        assert!(!second.settled(SystemTime::now()));
    }
}
