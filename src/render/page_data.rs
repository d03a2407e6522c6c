//! A page's own template values, kept as typed views until a template needs them.
//!
//! Tera reads values from a [`Context`], a tree of `serde_json` values that costs an allocation
//! per string and per field to build. `serve`'s rebuilds take most pages from the build cache,
//! so a page's values stay typed here: the cache key is hashed straight from them (in
//! `postcard`'s compact encoding, with each value's name and Rust type), and the `Context` is
//! made only for a page that is actually rendered.
//!
//! Values must be plain data whose encoding tells different values apart: derived `Serialize`
//! without `skip_serializing_if`, `flatten` or `untagged`, and no `serde_json::Value`.
//!
//! A view that many pages show (one event in the lists of its cities, its organizers and
//! `/events/`) and a page's rendered body are [`Shared`]: in a key each stands as the hash of
//! its encoding, made once instead of once per page and build.

use std::cell::RefCell;

use serde::Serialize;
use tera::Context;

use crate::cache::KeyBuilder;
use crate::shared::Keying;
pub use crate::shared::Shared;

type Value<'a> = Box<dyn erased_serde::Serialize + Send + Sync + 'a>;

/// Named values of one page, in the order they were set (a later one replaces an earlier one
/// of the same name, as in a [`Context`]).
#[derive(Default)]
pub struct PageData<'a> {
    items: Vec<(&'static str, &'static str, Value<'a>)>,
}

impl<'a> PageData<'a> {
    /// No values.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `name` to `value`.
    pub fn insert<T: Serialize + Send + Sync + 'a>(&mut self, name: &'static str, value: T) {
        self.items
            .push((name, std::any::type_name::<T>(), Box::new(value)));
    }

    /// The template context: `base` with these values laid over it.
    pub fn into_context(self, base: &Context) -> Context {
        let mut ctx = base.clone();
        for (name, _, value) in &self.items {
            ctx.insert(*name, &**value);
        }
        ctx
    }

    /// Feeds every name, type and value into `key`. `false` when a value cannot be encoded
    /// (then the page is not cached).
    ///
    /// The encoding is collected in one buffer per thread and hashed in one go: `postcard`
    /// writes many tiny pieces, and handing each to the hasher on its own cost more than the
    /// hashing.
    pub fn hash_into(&self, key: &mut KeyBuilder) -> bool {
        thread_local! {
            static BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
        }
        let _keying = Keying::start();
        BUF.with_borrow_mut(|buf| {
            buf.clear();
            for (name, ty, value) in &self.items {
                for s in [name, ty] {
                    buf.extend_from_slice(&(s.len() as u64).to_le_bytes());
                    buf.extend_from_slice(s.as_bytes());
                }
                // Self-delimiting for its type, which is written just before it.
                match postcard::to_extend(&**value, std::mem::take(buf)) {
                    Ok(b) => *buf = b,
                    Err(_) => return false,
                }
            }
            key.bytes(buf);
            true
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct View {
        title: String,
        day: u8,
    }

    fn key(data: &PageData<'_>) -> crate::cache::Key {
        let mut k = KeyBuilder::new("test");
        assert!(data.hash_into(&mut k));
        k.finish()
    }

    fn page(views: &[Shared<View>]) -> PageData<'static> {
        let mut d = PageData::new();
        d.insert("items", views.to_vec());
        d
    }

    #[test]
    fn shared_views_key_by_content_and_render_in_full() {
        let a = Shared::new(View {
            title: "Brunch".into(),
            day: 3,
        });
        let same = Shared::new(View {
            title: "Brunch".into(),
            day: 3,
        });
        let other = Shared::new(View {
            title: "Brunch".into(),
            day: 4,
        });
        // Asked twice (the digest is kept), and equal to a separately made equal view.
        let one = std::slice::from_ref(&a);
        assert_eq!(key(&page(one)), key(&page(one)));
        assert_eq!(key(&page(one)), key(&page(&[same])));
        assert_ne!(key(&page(one)), key(&page(std::slice::from_ref(&other))));
        assert_ne!(key(&page(one)), key(&page(&[a.clone(), a.clone()])));
        // Templates see the whole view, also after it was hashed.
        let ctx = page(&[a, other]).into_context(&Context::new()).into_json();
        assert_eq!(ctx["items"][0]["title"], "Brunch");
        assert_eq!(ctx["items"][1]["day"], 4);
    }
}
