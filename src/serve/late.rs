//! Photo sizes that `serve` makes after the pages are served: the build only measures photos
//! the cache does not have ([`crate::pictures::Work::Measure`]), a thread makes their sizes,
//! and a request for one of them waits until it is there. Image work never holds up a reload.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use crate::diagnostics::Diagnostic;
use crate::photo::DiskCache;
use crate::pictures::{Pending, Photos, finish_pending};

/// How long a request for a photo size waits for it.
pub(crate) const WAIT: Duration = Duration::from_secs(60);

/// The sizes being made for one build, and those made already.
#[derive(Debug, Default)]
pub(crate) struct Late {
    inner: Mutex<Inner>,
    ready: Condvar,
}

#[derive(Debug, Default)]
struct Inner {
    files: HashMap<String, Arc<Vec<u8>>>,
    waiting: HashSet<String>,
}

impl Late {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The file at `key` if it is a late size: waits (at most `timeout`) while it is made.
    pub(crate) fn get(&self, key: &str, timeout: Duration) -> Option<Arc<Vec<u8>>> {
        let guard = self.lock();
        let (guard, _) = self
            .ready
            .wait_timeout_while(guard, timeout, |i| i.waiting.contains(key))
            .unwrap_or_else(PoisonError::into_inner);
        guard.files.get(key).cloned()
    }

    fn expect(&self, keys: impl IntoIterator<Item = String>) {
        self.lock().waiting.extend(keys);
    }

    fn done(&self, keys: &[String], files: Vec<(String, Vec<u8>)>) {
        let mut inner = self.lock();
        for k in keys {
            inner.waiting.remove(k);
        }
        for (k, bytes) in files {
            inner.files.insert(k, Arc::new(bytes));
        }
        drop(inner);
        self.ready.notify_all();
    }
}

/// Starts making the sizes `photos` left for later, one photo after the other on a thread of
/// its own; `failed` hears of every photo that cannot be made (a damaged file the measuring
/// did not notice).
pub(crate) fn start(
    root: std::path::PathBuf,
    photos: &Photos,
    cache: Option<DiskCache>,
    failed: Box<dyn Fn(Vec<Diagnostic>) + Send>,
) -> Arc<Late> {
    let late = Arc::new(Late::default());
    let jobs: Vec<(Pending, Vec<String>)> = photos
        .pending
        .iter()
        .map(|p| {
            let keys = photos
                .get(&p.rel)
                .map(|ph| ph.specs.iter().map(|s| ph.path_of(s)).collect())
                .unwrap_or_default();
            (p.clone(), keys)
        })
        .collect();
    if jobs.is_empty() {
        return late;
    }
    late.expect(jobs.iter().flat_map(|(_, k)| k.clone()));
    let worker = Arc::clone(&late);
    let spawned = std::thread::Builder::new()
        .name("twinsite-photos".to_owned())
        .spawn(move || {
            for (pending, keys) in jobs {
                match finish_pending(&root, &pending, cache.as_ref()) {
                    Ok(files) => worker.done(&keys, files),
                    Err(problems) => {
                        worker.done(&keys, Vec::new());
                        failed(problems);
                    }
                }
            }
        });
    if spawned.is_err() {
        // Without a thread nothing will come: nobody waits.
        let mut inner = late.lock();
        inner.waiting.clear();
    }
    late
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_request_waits_for_its_size_and_unknown_ones_do_not_wait() {
        let late = Arc::new(Late::default());
        late.expect(["_img/a-1-480.webp".to_owned()]);
        let maker = Arc::clone(&late);
        let t = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            maker.done(
                &["_img/a-1-480.webp".to_owned()],
                vec![("_img/a-1-480.webp".to_owned(), b"RIFF".to_vec())],
            );
        });
        let got = late.get("_img/a-1-480.webp", Duration::from_secs(5));
        assert_eq!(got.unwrap().as_slice(), b"RIFF");
        let started = std::time::Instant::now();
        assert!(
            late.get("_img/other.webp", Duration::from_secs(5))
                .is_none()
        );
        assert!(started.elapsed() < Duration::from_secs(1));
        t.join().unwrap();
    }
}
