//! Values that many pages or many builds show, with a digest made once.
//!
//! A page's cache key is hashed from the encoding of its template values (see
//! [`crate::render::page_data`]). A [`Shared`] value (an event shown in many lists, a page's
//! rendered body, which lives as long as its file is unchanged) stands in a key as the 128-bit
//! hash of its own encoding, computed the first time a key needs it and kept with the value.
//! Everywhere else (templates, JSON) it is the value itself.

use std::cell::Cell;
use std::sync::{Arc, OnceLock};

use serde::{Serialize, Serializer};

thread_local! {
    /// Set while this thread encodes values for a key (see [`Shared`]).
    static KEYING: Cell<bool> = const { Cell::new(false) };
}

/// A value shared by many pages or builds. Templates see the value itself; a page's cache key
/// sees the 128-bit hash of the value's encoding, computed the first time a key needs it.
pub struct Shared<T>(Arc<SharedInner<T>>);

struct SharedInner<T> {
    value: T,
    digest: OnceLock<Option<[u8; 16]>>,
}

impl<T> Shared<T> {
    /// Wraps `value`.
    pub fn new(value: T) -> Self {
        Self(Arc::new(SharedInner {
            value,
            digest: OnceLock::new(),
        }))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(Arc::clone(&self.0))
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0.value
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if !KEYING.get() {
            return self.0.value.serialize(s);
        }
        let digest = self.0.digest.get_or_init(|| {
            let bytes = postcard::to_extend(&self.0.value, Vec::new()).ok()?;
            Some(xxhash_rust::xxh3::xxh3_128(&bytes).to_le_bytes())
        });
        match digest {
            Some(d) => s.serialize_bytes(d),
            None => Err(serde::ser::Error::custom(
                "a shared value cannot be encoded",
            )),
        }
    }
}

/// Whether this thread is encoding values for a page's cache key (and not for a template):
/// values that are costly to make for templates may stand in a key by their inputs.
pub(crate) fn keying() -> bool {
    KEYING.get()
}

/// Marks this thread as encoding for a key until dropped.
pub(crate) struct Keying;

impl Keying {
    pub(crate) fn start() -> Self {
        KEYING.set(true);
        Self
    }
}

impl Drop for Keying {
    fn drop(&mut self) {
        KEYING.set(false);
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.value.fmt(f)
    }
}

impl From<String> for Shared<String> {
    fn from(s: String) -> Self {
        Self::new(s)
    }
}
