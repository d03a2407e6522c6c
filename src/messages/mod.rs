//! What the program says, in the volunteer's language: every diagnostic, hint and summary line
//! comes from a Fluent catalog (`locales/<lang>/*.ftl`, built into the binary) through [`msg!`].
//!
//! The language is chosen once per process ([`set_language`], from `--lang`, `TWINSITE_LANG` or
//! the system locale, see [`choose`]); it is English until then. A message missing in the chosen
//! language falls back to English, and the catalog tests fail for every such gap. Adding a
//! language means adding a folder of `.ftl` files and one line to [`Lang`].

mod catalog;
mod locale;

use std::sync::atomic::{AtomicU8, Ordering};

pub use catalog::{Arg, text};
pub use locale::{choose, from_tag};

/// A language the program speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English, the fallback.
    En,
    /// German.
    De,
}

impl Lang {
    /// Every language with a catalog, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    /// The language tag, e.g. `de`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    fn index(self) -> u8 {
        match self {
            Lang::En => 0,
            Lang::De => 1,
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Makes `lang` the language of every message from now on.
pub fn set_language(lang: Lang) {
    CURRENT.store(lang.index(), Ordering::Relaxed);
}

/// The language messages are given in.
pub fn language() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::De,
        _ => Lang::En,
    }
}

/// A message from the catalog in the current language, as a `String`:
/// `msg!("build-done", files = n, path = out)`. Each argument converts into an [`Arg`]
/// (text or number; numbers choose plural forms).
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::messages::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::messages::text(
            $id,
            &[$((stringify!($name), $crate::messages::Arg::from($value))),+],
        )
    };
}

/// What went wrong with a file operation, in the current language: the common cases by their
/// kind ("permission denied", "not found", …), others as the system words them.
pub fn io_problem(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => msg!("io-not-found"),
        K::PermissionDenied => msg!("io-permission-denied"),
        K::AlreadyExists => msg!("io-already-exists"),
        K::StorageFull => msg!("io-storage-full"),
        K::ReadOnlyFilesystem => msg!("io-read-only"),
        K::IsADirectory => msg!("io-is-a-folder"),
        K::NotADirectory => msg!("io-not-a-folder"),
        K::InvalidData => msg!("io-invalid-data"),
        K::UnexpectedEof => msg!("io-unexpected-end"),
        K::AddrInUse => msg!("io-address-in-use"),
        _ => e.to_string(),
    }
}
