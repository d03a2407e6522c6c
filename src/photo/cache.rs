//! The photo cache on disk: one file per photo and kind, named by its key, written whole
//! (a temporary file renamed into place) and read back only when it is complete.
//!
//! A file holds a header line, the number of sizes, for each its width, height, format and
//! length, then the bytes. Anything unexpected (a short file, a wrong count, a symbolic link)
//! is treated as not cached, never as an error.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::{Format, Spec, Variant};

/// The first bytes of a cache file.
const MAGIC: &[u8; 8] = b"TWSIMG1\n";
/// Most sizes one cache file may list.
const MAX_SIZES: u32 = 16;

/// What a cache file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The sizes pages show ([`super::render`]).
    Variants,
    /// The photo at full size without metadata ([`super::clean`]).
    Clean,
}

/// A folder of processed photos.
#[derive(Debug)]
pub struct DiskCache {
    dir: PathBuf,
}

/// Numbers temporary files apart within one process.
static TEMP: AtomicU64 = AtomicU64::new(0);

impl DiskCache {
    /// The cache in `dir` (made when the first photo is put in).
    pub fn open(dir: PathBuf) -> DiskCache {
        DiskCache { dir }
    }

    fn path(&self, key: u128, what: Kind) -> PathBuf {
        let kind = match what {
            Kind::Variants => "sizes",
            Kind::Clean => "clean",
        };
        self.dir.join(format!("{key:032x}.{kind}"))
    }

    /// Whether the folder and its parent are real folders (no symbolic link leads the cache
    /// out of the site).
    fn folder_ok(&self) -> bool {
        let real_dir = |p: &Path| fs::symlink_metadata(p).is_ok_and(|m| m.is_dir());
        real_dir(&self.dir) && self.dir.parent().is_none_or(real_dir)
    }

    /// The sizes stored for `key`, if a complete file has them.
    pub fn get(&self, key: u128, what: Kind) -> Option<Vec<Variant>> {
        if !self.folder_ok() {
            return None;
        }
        let path = self.path(key, what);
        let meta = fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() {
            return None;
        }
        decode(&fs::read(&path).ok()?)
    }

    /// Stores `variants` under `key`.
    pub fn put(&self, key: u128, what: Kind, variants: &[Variant]) -> io::Result<()> {
        if let Some(parent) = self.dir.parent() {
            fs::create_dir_all(parent)?;
        }
        match fs::create_dir(&self.dir) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        if !self.folder_ok() {
            return Err(io::Error::other("the cache folder is not a plain folder"));
        }
        let target = self.path(key, what);
        let n = TEMP.fetch_add(1, Ordering::Relaxed);
        let temp = self
            .dir
            .join(format!(".{key:032x}.{}.{n}.tmp", std::process::id()));
        let written = (|| {
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)?;
            f.write_all(&encode(variants))?;
            f.sync_all()?;
            fs::rename(&temp, &target)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&temp);
        }
        written
    }
}

fn encode(variants: &[Variant]) -> Vec<u8> {
    let total: usize = variants.iter().map(|v| v.bytes.len() + 17).sum();
    let mut out = Vec::with_capacity(MAGIC.len() + 4 + total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(variants.len() as u32).to_le_bytes());
    for v in variants {
        out.extend_from_slice(&v.spec.width.to_le_bytes());
        out.extend_from_slice(&v.spec.height.to_le_bytes());
        out.push(v.spec.format.code());
        out.extend_from_slice(&(v.bytes.len() as u64).to_le_bytes());
    }
    for v in variants {
        out.extend_from_slice(&v.bytes);
    }
    out
}

/// Reads a cache file; `None` unless it is complete and exactly as written.
fn decode(data: &[u8]) -> Option<Vec<Variant>> {
    let mut at = data.strip_prefix(MAGIC.as_slice())?;
    let count = u32::from_le_bytes(take(&mut at, 4)?.try_into().ok()?);
    if count == 0 || count > MAX_SIZES {
        return None;
    }
    let mut heads = Vec::new();
    for _ in 0..count {
        let width = u32::from_le_bytes(take(&mut at, 4)?.try_into().ok()?);
        let height = u32::from_le_bytes(take(&mut at, 4)?.try_into().ok()?);
        let format = Format::from_code(*take(&mut at, 1)?.first()?)?;
        let len = u64::from_le_bytes(take(&mut at, 8)?.try_into().ok()?);
        heads.push((
            Spec {
                width,
                height,
                format,
            },
            usize::try_from(len).ok()?,
        ));
    }
    let mut out = Vec::new();
    for (spec, len) in heads {
        out.push(Variant {
            spec,
            bytes: take(&mut at, len)?.to_vec(),
        });
    }
    at.is_empty().then_some(out)
}

fn take<'a>(at: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if at.len() < n {
        return None;
    }
    let (head, rest) = at.split_at(n);
    *at = rest;
    Some(head)
}
