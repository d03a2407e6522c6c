//! The site's photos as a build stage: every raster picture a page names (`image:`,
//! `gallery:`, body images) is read once, measured and made into the sizes pages offer, which
//! are published under `_img/` with names that change when the photo does.
//!
//! The pixel work is [`crate::photo`]'s; its results are kept in a cache folder of the site
//! (`.twinsite-cache/images/`), keyed by the photo's bytes and the settings, so a rebuild with
//! unchanged photos decodes nothing. The original file is never published.

mod stage;
mod view;

pub use stage::{Pending, Work, finish_pending, prepare};
pub use view::{
    GalleryItem, PagePictures, PictureView, TEXT_SIZES, draw_body_picture, page_pictures,
    picture_html, view_of,
};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::photo::{DiskCache, Format, Spec};

/// The folder of the cache, below the site root.
pub const CACHE_DIR: &str = ".twinsite-cache";

/// The photo cache of the site at `root`.
pub fn disk_cache(root: &Path) -> DiskCache {
    DiskCache::open(root.join(CACHE_DIR).join("images"))
}

/// One photo of the site: what its sizes are called and how large they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// The key of its bytes and the settings.
    pub key: u128,
    /// The sizes made of it: WebPs ascending, then the fallback (JPEG, or PNG with
    /// transparency).
    pub specs: Vec<Spec>,
    /// The readable part of its published names (from the file name).
    pub name: String,
}

impl Photo {
    /// The output path of the size `spec`, e.g. `_img/rathaus-3fa9c2d1e0b4a7f2-960.webp`.
    pub fn path_of(&self, spec: &Spec) -> String {
        format!(
            "_img/{}-{:016x}-{}.{}",
            self.name,
            self.key as u64,
            spec.width,
            spec.format.ext()
        )
    }

    /// The WebP sizes.
    pub fn webps(&self) -> impl Iterator<Item = &Spec> {
        self.specs.iter().filter(|s| s.format == Format::Webp)
    }

    /// The size every browser shows (and link previews use).
    pub fn fallback(&self) -> Option<&Spec> {
        self.specs.iter().rev().find(|s| s.format != Format::Webp)
    }

    /// The largest size.
    pub fn largest(&self) -> Option<&Spec> {
        self.specs
            .iter()
            .max_by_key(|s| (s.width, s.format == Format::Webp))
    }
}

/// Every photo of the site by its file (path relative to the site root), the files made of
/// them, and the static files that are photos no page names.
#[derive(Debug, Default)]
pub struct Photos {
    by_file: HashMap<PathBuf, Arc<Photo>>,
    /// The processed sizes to publish: output path and bytes.
    pub files: Vec<(String, Arc<Vec<u8>>)>,
    /// Files named by pages whose sizes are still being made (`serve` only).
    pub pending: Vec<Pending>,
    cache: Option<Arc<DiskCache>>,
}

impl Photos {
    /// The photo made of the file `rel` (relative to the site root).
    pub fn get(&self, rel: &Path) -> Option<&Photo> {
        self.by_file.get(rel).map(|p| &**p)
    }

    /// Whether a page names the file `rel` as a photo (then only its sizes are published).
    pub fn names(&self, rel: &Path) -> bool {
        self.by_file.contains_key(rel)
    }

    /// The cache the photos were made with.
    pub fn cache(&self) -> Option<&DiskCache> {
        self.cache.as_deref()
    }
}

/// Whether a file of `static/` is a raster image whose metadata must go before it is
/// published.
pub fn is_raster(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}
