//! Watching the site folder: which files can change the output, and when an editor's burst of
//! saves is over.
//!
//! We watch the site root itself (not recursively: it catches `site.yaml` and the appearance
//! or removal of the source folders) and each of `content/`, `static/`, `templates/` and
//! `themes/` recursively. Nothing else below the root is watched, so the output folder
//! (`public/`), `target/` or `.git/` never trigger rebuilds. A folder created or re-created
//! while serving is picked up at the next batch. Editor swap and temporary files are dropped.
//! Filtering errs on the side of rebuilding: an unneeded rebuild costs time, a missed one
//! would serve a stale page.
//!
//! Debouncing is done here rather than with `notify-debouncer-mini`: notify 8 watches
//! `IN_OPEN` on Linux and the mini debouncer does not tell event kinds apart, so the files a
//! build *reads* would trigger the next build, forever. We drop access events (except "closed
//! after writing") and wait until no relevant event came for [`super::DEBOUNCE`].

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// The folders below the site root whose files feed the build.
pub(crate) const SOURCE_DIRS: &[&str] = &["content", "static", "templates", "themes"];

/// The site's configuration file.
const CONFIG: &str = "site.yaml";

/// The longest a batch waits for a burst of changes to end.
const MAX_BATCH: Duration = Duration::from_millis(1000);

/// A running watcher; yields one batch per burst of relevant changes.
pub(crate) struct Changes {
    root: PathBuf,
    rx: Receiver<notify::Result<Event>>,
    tx: Sender<notify::Result<Event>>,
    watcher: RecommendedWatcher,
    watched: BTreeSet<PathBuf>,
}

/// Starts watching the site at `root` (an absolute path).
pub(crate) fn start(root: &Path) -> Result<Changes, String> {
    let (tx, rx) = channel();
    let mut watcher = notify::recommended_watcher(tx.clone()).map_err(|e| e.to_string())?;
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("{}: {e}", root.display()))?;
    let mut changes = Changes {
        root: root.to_path_buf(),
        rx,
        tx,
        watcher,
        watched: BTreeSet::new(),
    };
    let warnings = changes.sync_watches(&[]);
    if let Some(first) = warnings.into_iter().next() {
        return Err(first);
    }
    Ok(changes)
}

impl Changes {
    /// Something outside the site's files that asks for a rebuild, as a change would: the
    /// refresh of `network:` sources. Each call to the returned function asks once; it
    /// returns false once the watcher has stopped.
    pub(crate) fn trigger(&self) -> impl Fn() -> bool + Send + 'static {
        let tx = self.tx.clone();
        move || {
            let event = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
            tx.send(Ok(event)).is_ok()
        }
    }

    /// Blocks until files that may change the output were touched and the burst is over, and
    /// returns the watcher's warnings met on the way. `None` when the watcher has stopped.
    pub(crate) fn next_batch(&mut self) -> Option<Vec<String>> {
        let mut touched = Vec::new();
        let mut warnings = Vec::new();
        // Wait for the first relevant event.
        loop {
            let event = self.rx.recv().ok()?;
            if self.take(event, &mut touched, &mut warnings) {
                break;
            }
            warnings.extend(self.sync_watches(&std::mem::take(&mut touched)));
        }
        // Then until the burst is over.
        let started = Instant::now();
        let mut quiet_since = Instant::now();
        while quiet_since.elapsed() < super::DEBOUNCE && started.elapsed() < MAX_BATCH {
            let wait = super::DEBOUNCE.saturating_sub(quiet_since.elapsed());
            match self.rx.recv_timeout(wait) {
                Ok(event) => {
                    if self.take(event, &mut touched, &mut warnings) {
                        quiet_since = Instant::now();
                    }
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        warnings.extend(self.sync_watches(&touched));
        Some(warnings)
    }

    /// Records one event; true when it may change the output.
    fn take(
        &self,
        event: notify::Result<Event>,
        touched: &mut Vec<PathBuf>,
        warnings: &mut Vec<String>,
    ) -> bool {
        match event {
            Err(e) => {
                warnings.push(msg!("serve-watcher-problem", problem = e.to_string()));
                true
            }
            Ok(event) => {
                let read_only = matches!(event.kind, EventKind::Access(a) if a != AccessKind::Close(AccessMode::Write));
                let matters = event.need_rescan()
                    || (!read_only && event.paths.iter().any(|p| relevant(&self.root, p)));
                if !read_only {
                    touched.extend(event.paths);
                }
                matters
            }
        }
    }

    /// Watches source folders that appeared and forgets those that vanished. A source folder
    /// named in `touched` itself is watched afresh: it may have been removed and re-created.
    fn sync_watches(&mut self, touched: &[PathBuf]) -> Vec<String> {
        let mut warnings = Vec::new();
        for name in SOURCE_DIRS {
            let dir = self.root.join(name);
            let was_touched = touched.iter().any(|p| p == &dir);
            if self.watched.contains(&dir) && (was_touched || !dir.is_dir()) {
                // The watch may already be gone with the folder; failing to remove it is fine.
                let _ = self.watcher.unwatch(&dir);
                self.watched.remove(&dir);
            }
            if dir.is_dir() && !self.watched.contains(&dir) {
                match self.watcher.watch(&dir, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watched.insert(dir);
                    }
                    Err(e) => warnings.push(msg!(
                        "serve-cannot-watch-folder",
                        path = dir.display().to_string(),
                        problem = e.to_string()
                    )),
                }
            }
        }
        warnings
    }
}

/// Whether a change at `path` can change the output: `site.yaml` and files in the source
/// folders, except editor swap and temporary files.
pub(crate) fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return true; // unexpected: rebuild rather than risk a stale page
    };
    let mut parts = rel.components();
    let first = match parts.next() {
        Some(Component::Normal(first)) => first,
        _ => return true,
    };
    if parts.clone().next().is_none() && first == CONFIG {
        return true;
    }
    if !SOURCE_DIRS.iter().any(|d| first == *d) {
        return false;
    }
    rel.file_name()
        .and_then(|n| n.to_str())
        .is_none_or(|name| !is_scratch_file(name))
}

/// Editor swap, backup and temporary files: vim (`.x.swp`, `4913`, `x~`), emacs (`.#x`, `#x#`),
/// generic `*.tmp`, and twinsite's own write temporaries.
pub(crate) fn is_scratch_file(name: &str) -> bool {
    [
        ".swp",
        ".swo",
        ".swx",
        ".swpx",
        "~",
        ".tmp",
        ".twinsite-tmp",
    ]
    .iter()
    .any(|s| name.ends_with(s))
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#') && name.len() > 1)
        || name == "4913"
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn keeps_sources_and_drops_scratch_files_and_output() {
        let root = Path::new("/site");
        let yes = [
            "site.yaml",
            "content/events/brunch.md",
            "static/a.css",
            "templates/base.html",
            "themes/t/i18n/de.yaml",
            "content",
            "content/a.tmp.md",
        ];
        for p in yes {
            assert!(relevant(root, &root.join(p)), "{p}");
        }
        let no = [
            "public/index.html",
            "target/debug/x",
            "README.md",
            "content/events/.brunch.md.swp",
            "content/events/brunch.md~",
            "content/events/.#brunch.md",
            "content/events/4913",
            "content/events/x.tmp",
            "content/#brunch.md#",
            "sub/site.yaml",
        ];
        for p in no {
            assert!(!relevant(root, &root.join(p)), "{p}");
        }
        assert!(relevant(root, Path::new("/elsewhere/x")));
    }
}
