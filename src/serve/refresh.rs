//! The refresh of `network:` sources while `serve` runs: at start and then after every
//! interval ([`super::NETWORK_REFRESH`] from the command line), in a thread of its own, into
//! the cache that rebuilds read; each refresh asks for a rebuild, and its warnings join those
//! of the builds that follow. A slow source holds up the next refresh, never a rebuild.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::network;

/// The shortest wait between two refreshes, whatever is asked.
const MIN_INTERVAL: Duration = Duration::from_millis(100);

/// The warnings of the last refresh, shared with the builder.
pub(crate) type Warnings = Arc<Mutex<Vec<Diagnostic>>>;

/// Starts the refresh thread, fetching every `interval` (at least [`MIN_INTERVAL`]); it ends
/// when `rebuild` says the watcher has stopped.
pub(crate) fn start(
    root: PathBuf,
    opts: network::Options,
    interval: Duration,
    rebuild: impl Fn() -> bool + Send + 'static,
    warnings: Warnings,
) {
    let interval = interval.max(MIN_INTERVAL);
    let run = move || {
        loop {
            let mut scratch = Diagnostics::new();
            let sources = crate::config::load(&root, &mut scratch)
                .map(|c| c.network)
                .unwrap_or_default();
            if !sources.is_empty() {
                let mut found = Diagnostics::new();
                network::gather(&root, &sources, opts, &mut found);
                *warnings.lock().unwrap_or_else(PoisonError::into_inner) = found.sorted();
                if !rebuild() {
                    return;
                }
            }
            std::thread::sleep(interval);
        }
    };
    // Without a thread the sources are simply not refreshed; the cache still serves.
    let _ = std::thread::Builder::new()
        .name("twinsite-network".into())
        .spawn(run);
}

/// A copy of the last refresh's warnings.
pub(crate) fn warnings(w: &Warnings) -> Vec<Diagnostic> {
    w.lock().unwrap_or_else(PoisonError::into_inner).clone()
}
