//! The rendered site in memory: every output file keyed by its path below the output folder.
//!
//! Rendering produces an [`Output`]; `build` writes it to disk (see [`crate::write`]) and `serve`
//! answers HTTP requests straight from it. Keys use `/` separators and never start with `/`,
//! e.g. `cities/lyon/index.html`, `calendar.ics`, `404.html`.

use std::collections::BTreeMap;
use std::sync::Arc;

/// Every file of one build, in memory, ordered by path (so iteration is deterministic).
///
/// The bytes are shared: a page that `serve`'s cache already holds is put in without copying.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Output {
    files: BTreeMap<String, Arc<Vec<u8>>>,
}

impl Output {
    /// An empty output.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds or replaces the file at `path` (relative, `/`-separated).
    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), Arc::new(bytes.into()));
    }

    /// Adds or replaces the file at `path` with bytes shared with someone else (a cache).
    pub fn insert_shared(&mut self, path: impl Into<String>, bytes: Arc<Vec<u8>>) {
        self.files.insert(path.into(), bytes);
    }

    /// The bytes of the file at `path`, if the build wrote it.
    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(|b| b.as_slice())
    }

    /// Whether `other` has the same bytes at `path` as `self` (both lacking it counts as same).
    /// Bytes shared with the same cache entry are not compared again.
    pub fn same_at(&self, other: &Output, path: &str) -> bool {
        match (self.files.get(path), other.files.get(path)) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a == b,
            (None, None) => true,
            _ => false,
        }
    }

    /// Whether the build wrote a file at `path`.
    pub fn contains(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// All files in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Mutable access to every file's bytes (used by the minifier).
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&str, &mut Vec<u8>)> {
        self.files
            .iter_mut()
            .map(|(k, v)| (k.as_str(), Arc::make_mut(v)))
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Total size of all files in bytes.
    pub fn total_bytes(&self) -> usize {
        self.files.values().map(|b| b.len()).sum()
    }

    /// Moves every file of `other` into `self`.
    pub fn extend(&mut self, other: Output) {
        self.files.extend(other.files);
    }
}

impl IntoIterator for Output {
    type Item = (String, Arc<Vec<u8>>);
    type IntoIter = std::collections::btree_map::IntoIter<String, Arc<Vec<u8>>>;

    fn into_iter(self) -> Self::IntoIter {
        self.files.into_iter()
    }
}

impl FromIterator<(String, Vec<u8>)> for Output {
    fn from_iter<I: IntoIterator<Item = (String, Vec<u8>)>>(iter: I) -> Self {
        Self {
            files: iter.into_iter().map(|(k, v)| (k, Arc::new(v))).collect(),
        }
    }
}

/// Takes rendered pages and calendar files as they are made, so that they need not all be held
/// in memory until the build ends (`build` stages them in the output folder:
/// [`crate::write::stage`]).
pub trait PageSink: Sync {
    /// Takes the file at `path` (relative, `/`-separated).
    fn put(&self, path: String, bytes: Vec<u8>);
}
