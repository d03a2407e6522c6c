//! `twinsite serve`: a local preview that is never stale.
//!
//! This module owns the loop: bind the port, start watching, build the whole site in memory,
//! swap the new [`Output`] in, tell open pages to reload, and wait for the next change. Every
//! rebuild is a full [`crate::build_in_memory_with`] run, exactly what `twinsite build` does
//! before writing, so what is served always equals a fresh build of the same files; one
//! [`crate::cache::BuildCache`] kept across rebuilds skips the work whose inputs (file texts,
//! page contexts, templates) did not change. A failed build
//! keeps the last good output served and shows its errors in the browser (see [`overlay`]).
//!
//! The library never prints: everything worth telling the user is handed to a callback as an
//! [`Event`], and the binary prints it.
//!
//! # Stopping
//! Nothing is written to disk while serving (no output folder, no temporary files), so there
//! is nothing to clean up: the default Ctrl-C (SIGINT) handler ends the process, and with it the
//! detached connection and event-stream threads, at once.

mod http;
mod late;
pub mod overlay;
mod page;
mod refresh;
mod resolve;
mod watch;

pub use http::{RequestHead, parse_request_head};

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use crate::BuildOptions;
use crate::cache::BuildCache;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::Output;

/// How long the watcher waits after the last file event of a burst before rebuilding.
pub const DEBOUNCE: Duration = Duration::from_millis(10);

/// How long `serve` waits between two fetches of the `network:` sources (the command line's
/// [`ServeOptions::network_refresh`]).
pub const NETWORK_REFRESH: Duration = Duration::from_secs(15 * 60);

/// What to serve and where.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Build options; `base_url` is replaced by the local address.
    pub build: BuildOptions,
    /// The address to listen on (loopback unless the user asks otherwise).
    pub bind: IpAddr,
    /// The port; 0 picks any free port.
    pub port: u16,
    /// How long to wait between two fetches of the `network:` sources (not with
    /// `build.network.offline`). The command line always uses [`NETWORK_REFRESH`]; a shorter
    /// wait is for programs that drive `serve` themselves, such as tests. At least 100 ms.
    pub network_refresh: Duration,
}

/// Something the user should be told about; the binary prints these.
#[derive(Debug, Clone)]
pub enum Event {
    /// The server listens; `url` is the local address of the site (with the base path).
    Listening {
        /// For example `http://127.0.0.1:1111/partner/`.
        url: String,
    },
    /// A problem that does not stop the server (non-loopback address, watcher trouble).
    Warning(String),
    /// A build succeeded and is now served.
    Built {
        /// The build number (1 for the first build).
        build: u64,
        /// How long the build took.
        elapsed: Duration,
        /// Number of files in the output.
        files: usize,
        /// Files added, removed or changed compared with the previous good build.
        changed: usize,
        /// Warnings of this build.
        warnings: Vec<Diagnostic>,
    },
    /// A build failed; the last good build stays served and the browser shows `errors`.
    Failed {
        /// The build number.
        build: u64,
        /// How long the failed attempt took.
        elapsed: Duration,
        /// Every error and warning of the attempt.
        errors: Vec<Diagnostic>,
    },
}

/// Why the server could not start.
#[derive(Debug)]
pub enum ServeError {
    /// The port could not be bound.
    Bind(SocketAddr, std::io::Error),
    /// The file watcher could not be started.
    Watch(String),
    /// The thread that accepts connections could not be started.
    Accept(std::io::Error),
}

impl std::fmt::Display for ServeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Bind(addr, e) => f.write_str(&msg!(
                "serve-cannot-listen",
                address = addr.to_string(),
                problem = crate::messages::io_problem(e)
            )),
            Self::Watch(e) => f.write_str(&msg!("serve-cannot-watch", problem = e)),
            Self::Accept(e) => f.write_str(&msg!(
                "serve-cannot-start",
                problem = crate::messages::io_problem(e)
            )),
        }
    }
}

impl std::error::Error for ServeError {}

/// The last good build, as served.
#[derive(Debug)]
pub(crate) struct Snapshot {
    /// Every file of the build.
    pub(crate) output: Output,
    /// Photo sizes made after the build (see [`late`]).
    pub(crate) late: Arc<late::Late>,
}

/// What the server currently knows; replaced as a whole after every build attempt.
#[derive(Debug, Clone, Default)]
pub(crate) struct State {
    /// Number of build attempts so far (successful or not).
    pub(crate) build: u64,
    /// The site's path prefix, e.g. `/partner/` (from `site.yaml`; `/` when unreadable).
    pub(crate) base_path: String,
    /// The last good build, if there was one.
    pub(crate) site: Option<Arc<Snapshot>>,
    /// The errors of the last attempt while it failed, already rendered as an overlay.
    pub(crate) failure: Option<Arc<overlay::Failure>>,
}

/// The state shared by the build loop and the connection threads.
#[derive(Debug, Default)]
pub(crate) struct Hub {
    state: Mutex<State>,
    changed: Condvar,
}

impl Hub {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A copy of the current state (cheap: the big parts are behind `Arc`s).
    pub(crate) fn current(&self) -> State {
        self.lock().clone()
    }

    /// Waits until the build number differs from `seen` or `timeout` passes.
    pub(crate) fn wait_for_change(&self, seen: u64, timeout: Duration) -> State {
        let guard = self.lock();
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s.build == seen)
            .unwrap_or_else(PoisonError::into_inner);
        guard.clone()
    }

    fn publish(&self, state: State) {
        *self.lock() = state;
        self.changed.notify_all();
    }
}

/// Builds, serves and rebuilds the site until the process ends. Returns only when the server
/// cannot start, or when the file watcher stops.
pub fn serve(opts: &ServeOptions, on_event: &mut dyn FnMut(Event)) -> Result<(), ServeError> {
    serve_with(opts, on_event, http::spawn_thread)
}

/// [`serve`], starting the accept thread with `spawner`. `Listening` is told only once the
/// server really accepts connections.
fn serve_with(
    opts: &ServeOptions,
    on_event: &mut dyn FnMut(Event),
    spawner: http::Spawner,
) -> Result<(), ServeError> {
    let addr = SocketAddr::new(opts.bind, opts.port);
    let listener = TcpListener::bind(addr).map_err(|e| ServeError::Bind(addr, e))?;
    let port = listener
        .local_addr()
        .map_err(|e| ServeError::Bind(addr, e))?
        .port();
    let host = url_host(opts.bind);
    let root = opts
        .build
        .root
        .canonicalize()
        .unwrap_or_else(|_| opts.build.root.clone());
    // Rebuilds read the sources of `network:` from the cache, which a thread of its own
    // refreshes (see `refresh`), so that no reload waits for the network.
    let mut build_opts = BuildOptions {
        root: root.clone(),
        ..opts.build.clone()
    };
    let fetch = build_opts.network;
    build_opts.network.offline = true;
    let base_path = read_base_path(&build_opts);
    let mut changes = watch::start(&root).map_err(ServeError::Watch)?;
    let hub = Arc::new(Hub::default());
    // Connections made during the first build wait for it (see `http`).
    http::spawn(
        listener,
        Arc::clone(&hub),
        http::Config::new(opts.bind),
        spawner,
    )
    .map_err(ServeError::Accept)?;
    on_event(Event::Listening {
        url: format!("http://{host}:{port}{base_path}"),
    });
    if !opts.bind.is_loopback() {
        on_event(Event::Warning(msg!(
            "serve-not-loopback",
            address = opts.bind.to_string()
        )));
    }
    let network_warnings = Arc::new(std::sync::Mutex::new(Vec::new()));
    if !fetch.offline {
        refresh::start(
            root.clone(),
            fetch,
            opts.network_refresh,
            changes.trigger(),
            network_warnings.clone(),
        );
    }
    let mut builder = Builder {
        opts: build_opts,
        host,
        port,
        hub: Arc::clone(&hub),
        cache: BuildCache::new(),
        network_warnings,
    };
    on_event(builder.rebuild());
    while let Some(warnings) = changes.next_batch() {
        for w in warnings {
            on_event(Event::Warning(w));
        }
        on_event(builder.rebuild());
    }
    Ok(())
}

/// Runs builds and publishes their results.
struct Builder {
    opts: BuildOptions,
    host: String,
    port: u16,
    hub: Arc<Hub>,
    /// Results of earlier builds, reused when their inputs did not change.
    cache: BuildCache,
    /// What the last refresh of the `network:` sources warned about.
    network_warnings: refresh::Warnings,
}

impl Builder {
    fn rebuild(&mut self) -> Event {
        let started = Instant::now();
        let base_path = read_base_path(&self.opts);
        let opts = BuildOptions {
            base_url: Some(format!("http://{}:{}{base_path}", self.host, self.port)),
            ..self.opts.clone()
        };
        let result = crate::build_in_memory_with(&opts, Some(&self.cache));
        let mut state = self.hub.current();
        state.build += 1;
        state.base_path = base_path;
        let build = state.build;
        match result {
            Ok(built) => {
                let changed = state.site.as_ref().map_or(built.output.len(), |old| {
                    count_changes(&old.output, &built.output)
                });
                let files = built.output.len();
                let late = self.start_photos(&built.site, build);
                state.site = Some(Arc::new(Snapshot {
                    output: built.output,
                    late,
                }));
                state.failure = None;
                self.hub.publish(state);
                let mut warnings = built.warnings;
                warnings.extend(refresh::warnings(&self.network_warnings));
                Event::Built {
                    build,
                    elapsed: started.elapsed(),
                    files,
                    changed,
                    warnings,
                }
            }
            Err(errors) => {
                state.failure = Some(Arc::new(overlay::Failure::new(&errors)));
                self.hub.publish(state);
                Event::Failed {
                    build,
                    elapsed: started.elapsed(),
                    errors,
                }
            }
        }
    }
}

impl Builder {
    /// Starts making the photo sizes build `build` left for later; a photo that cannot be
    /// made shows its error in the browser, as a failed build does.
    fn start_photos(&self, site: &crate::site::Site, build: u64) -> Arc<late::Late> {
        let hub = Arc::clone(&self.hub);
        let failed = Box::new(move |problems: Vec<Diagnostic>| {
            let mut state = hub.current();
            if state.build != build {
                return; // a newer build is served and says what is wrong itself
            }
            state.build += 1;
            state.failure = Some(Arc::new(overlay::Failure::new(&problems)));
            hub.publish(state);
        });
        late::start(
            site.root.clone(),
            &site.photos,
            Some(crate::pictures::disk_cache(&site.root)),
            failed,
        )
    }
}

/// The base path from `site.yaml`, e.g. `/partner/`; `/` when the file cannot be read (the
/// build then fails and says why).
fn read_base_path(opts: &BuildOptions) -> String {
    let mut scratch = Diagnostics::new();
    crate::config::load(&opts.root, &mut scratch)
        .map_or_else(|| "/".to_owned(), |c| c.base_url.path)
}

/// The host part of the local URL: unspecified addresses (listen everywhere) are reached
/// through loopback, IPv6 addresses need brackets.
fn url_host(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) if v4.is_unspecified() => Ipv4Addr::LOCALHOST.to_string(),
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) if v6.is_unspecified() => format!("[{}]", Ipv6Addr::LOCALHOST),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

/// Number of paths added, removed or changed between two builds.
fn count_changes(old: &Output, new: &Output) -> usize {
    let changed_or_added = new
        .iter()
        .filter(|(path, _)| !new.same_at(old, path))
        .count();
    let removed = old.iter().filter(|(path, _)| !new.contains(path)).count();
    changed_or_added + removed
}

/// Opens `url` in the default browser. Fails with a message when no opener could be started.
pub fn open_browser(url: &str) -> Result<(), String> {
    let mut cmd = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    cmd.arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
        .map_err(|e| {
            msg!(
                "serve-no-browser",
                problem = crate::messages::io_problem(&e),
                url = url
            )
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn a_server_that_cannot_accept_says_so_and_is_never_announced() {
        let dir = tempfile::tempdir().unwrap();
        let opts = ServeOptions {
            build: BuildOptions {
                root: dir.path().to_path_buf(),
                ..BuildOptions::default()
            },
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            network_refresh: NETWORK_REFRESH,
        };
        let mut events = Vec::new();
        let failing: http::Spawner = |_| Err(std::io::Error::other("no threads left"));
        let result = serve_with(&opts, &mut |e| events.push(e), failing);
        let Err(e) = result else {
            panic!("serve started without an accept thread")
        };
        assert!(matches!(e, ServeError::Accept(_)), "{e:?}");
        assert_eq!(
            e.to_string(),
            "cannot start the web server: no threads left (close some programs and try again)"
        );
        assert!(events.is_empty(), "{events:?}");
    }

    #[test]
    fn url_hosts() {
        assert_eq!(url_host("127.0.0.1".parse().unwrap()), "127.0.0.1");
        assert_eq!(url_host("0.0.0.0".parse().unwrap()), "127.0.0.1");
        assert_eq!(url_host("::1".parse().unwrap()), "[::1]");
        assert_eq!(url_host("::".parse().unwrap()), "[::1]");
    }

    #[test]
    fn counts_added_removed_and_changed_files() {
        let old: Output = [("a", "1"), ("b", "2"), ("c", "3")]
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.as_bytes().to_vec()))
            .collect();
        let new: Output = [("a", "1"), ("b", "X"), ("d", "4")]
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.as_bytes().to_vec()))
            .collect();
        assert_eq!(count_changes(&old, &new), 3);
        assert_eq!(count_changes(&old, &old), 0);
    }
}
