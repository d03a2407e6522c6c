//! The on-disk cache of made images: one self-checking file per photo and kind.
//!
//! A file `<key as 32 hex digits>.<kind>` holds a header (magic, version, kind, key, count, then
//! width, height, format and length of each image), the images' bytes, and an xxh3-64 checksum
//! of all that. Anything that does not add up is a miss. Files are written to a temporary name
//! and renamed, so a reader never sees half a file; symbolic links are refused, both as the
//! cache folder and as an entry.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use xxhash_rust::xxh3::xxh3_64;

use super::{Format, Spec, Variant};

const MAGIC: &[u8; 8] = b"TWSPHOTO";
const VERSION: u8 = 1;
/// More images than this in one entry is a damaged file.
const MAX_COUNT: usize = 64;
/// Bytes before the first image record: magic, version, kind, key, count.
const HEAD: usize = 8 + 1 + 1 + 16 + 2;
/// Bytes of one image record: width, height, format, length.
const RECORD: usize = 4 + 4 + 1 + 8;

/// What a cache entry holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The images of [`super::render`].
    Variants,
    /// The one image of [`super::clean`].
    Clean,
}

impl Kind {
    fn code(self) -> u8 {
        match self {
            Kind::Variants => 1,
            Kind::Clean => 2,
        }
    }

    fn ext(self) -> &'static str {
        match self {
            Kind::Variants => "variants",
            Kind::Clean => "clean",
        }
    }
}

/// A folder of made images, keyed by [`super::content_key`].
#[derive(Debug, Clone)]
pub struct DiskCache {
    dir: PathBuf,
}

fn refused(what: &str) -> io::Error {
    io::Error::other(format!(
        "{what} is a symbolic link; the image cache does not follow links"
    ))
}

/// Whether `path` exists as a symbolic link.
fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(unix)]
fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    use std::os::unix::fs::OpenOptionsExt;
    options.custom_flags(libc::O_NOFOLLOW)
}

#[cfg(not(unix))]
fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    options
}

impl DiskCache {
    /// A cache in `dir` (for example `<site>/.twinsite-cache/images`); the folder is made on
    /// the first [`DiskCache::put`].
    pub fn open(dir: PathBuf) -> DiskCache {
        DiskCache { dir }
    }

    /// The cache folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of `key` and `what`.
    pub fn entry_path(&self, key: u128, what: Kind) -> PathBuf {
        self.dir.join(format!("{key:032x}.{}", what.ext()))
    }

    /// The cached images of `key`, or `None` when there are none or the entry is damaged in
    /// any way (missing, cut off, wrong checksum, a symbolic link).
    pub fn get(&self, key: u128, what: Kind) -> Option<Vec<Variant>> {
        if !fs::symlink_metadata(&self.dir).ok()?.is_dir() {
            return None;
        }
        let path = self.entry_path(key, what);
        if !fs::symlink_metadata(&path).ok()?.is_file() {
            return None;
        }
        let mut file = no_follow(OpenOptions::new().read(true)).open(&path).ok()?;
        let mut data = Vec::new();
        file.read_to_end(&mut data).ok()?;
        decode(&data, key, what)
    }

    /// Stores `v` as the images of `key` and `what`, atomically (a temporary file renamed into
    /// place). Refuses when the cache folder or the entry is a symbolic link.
    pub fn put(&self, key: u128, what: Kind, v: &[Variant]) -> io::Result<()> {
        if is_link(&self.dir) {
            return Err(refused("the cache folder"));
        }
        fs::create_dir_all(&self.dir)?;
        if is_link(&self.dir) || !self.dir.is_dir() {
            return Err(refused("the cache folder"));
        }
        let path = self.entry_path(key, what);
        if is_link(&path) {
            return Err(refused("the cache entry"));
        }
        let data = encode(key, what, v)?;
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let tmp = self.dir.join(format!(
            ".tmp-{key:032x}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let written = (|| {
            let mut file: File =
                no_follow(OpenOptions::new().write(true).create_new(true)).open(&tmp)?;
            file.write_all(&data)?;
            file.sync_data()?;
            fs::rename(&tmp, &path)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        written
    }
}

fn encode(key: u128, what: Kind, v: &[Variant]) -> io::Result<Vec<u8>> {
    let count = u16::try_from(v.len())
        .ok()
        .filter(|&c| usize::from(c) <= MAX_COUNT)
        .ok_or_else(|| io::Error::other("too many images for one cache entry"))?;
    let total: usize = v.iter().map(|x| x.bytes.len()).sum();
    let mut out = Vec::with_capacity(HEAD + RECORD * v.len() + total + 8);
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    out.push(what.code());
    out.extend_from_slice(&key.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    for x in v {
        out.extend_from_slice(&x.spec.width.to_le_bytes());
        out.extend_from_slice(&x.spec.height.to_le_bytes());
        out.push(x.spec.format.code());
        out.extend_from_slice(&(x.bytes.len() as u64).to_le_bytes());
    }
    for x in v {
        out.extend_from_slice(&x.bytes);
    }
    let sum = xxh3_64(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    Ok(out)
}

/// A little reader over a byte slice that never panics.
struct Reader<'a> {
    data: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let head = self.data.get(..n)?;
        self.data = self.data.get(n..)?;
        Some(head)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.array::<1>()?[0])
    }
}

fn decode(data: &[u8], key: u128, what: Kind) -> Option<Vec<Variant>> {
    let body_len = data.len().checked_sub(8)?;
    let (body, sum) = (data.get(..body_len)?, data.get(body_len..)?);
    if xxh3_64(body).to_le_bytes().as_slice() != sum {
        return None;
    }
    let mut r = Reader { data: body };
    if r.take(8)? != MAGIC || r.u8()? != VERSION || r.u8()? != what.code() {
        return None;
    }
    if u128::from_le_bytes(r.array()?) != key {
        return None;
    }
    let count = usize::from(u16::from_le_bytes(r.array()?));
    if count > MAX_COUNT || (what == Kind::Clean && count != 1) {
        return None;
    }
    let mut specs = Vec::with_capacity(count);
    for _ in 0..count {
        let width = u32::from_le_bytes(r.array()?);
        let height = u32::from_le_bytes(r.array()?);
        let format = Format::from_code(r.u8()?)?;
        let len = usize::try_from(u64::from_le_bytes(r.array()?)).ok()?;
        specs.push((
            Spec {
                width,
                height,
                format,
            },
            len,
        ));
    }
    let mut out = Vec::with_capacity(count);
    for (spec, len) in specs {
        let bytes = r.take(len)?.to_vec();
        out.push(Variant { spec, bytes });
    }
    if !r.data.is_empty() {
        return None;
    }
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn variants() -> Vec<Variant> {
        vec![
            Variant {
                spec: Spec {
                    width: 480,
                    height: 360,
                    format: Format::Webp,
                },
                bytes: b"RIFF-one".to_vec(),
            },
            Variant {
                spec: Spec {
                    width: 1200,
                    height: 900,
                    format: Format::Jpeg,
                },
                bytes: vec![0xFF; 1000],
            },
        ]
    }

    #[test]
    fn round_trip_and_every_cut_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = DiskCache::open(dir.path().join("a/b/images"));
        assert_eq!(cache.get(7, Kind::Variants), None);
        cache.put(7, Kind::Variants, &variants()).unwrap();
        assert_eq!(cache.get(7, Kind::Variants), Some(variants()));
        assert_eq!(cache.get(7, Kind::Clean), None);
        assert_eq!(cache.get(8, Kind::Variants), None);
        let path = cache.entry_path(7, Kind::Variants);
        let data = fs::read(&path).unwrap();
        for n in [0, 5, HEAD, data.len() / 2, data.len() - 1] {
            fs::write(&path, &data[..n]).unwrap();
            assert_eq!(cache.get(7, Kind::Variants), None, "cut at {n}");
        }
        let mut flipped = data.clone();
        flipped[HEAD + 3] ^= 1;
        fs::write(&path, &flipped).unwrap();
        assert_eq!(cache.get(7, Kind::Variants), None);
        // no temporary files are left behind
        let names: Vec<_> = fs::read_dir(cache.dir()).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        fs::create_dir(&real).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let cache = DiskCache::open(link);
        assert!(cache.put(1, Kind::Clean, &variants()[..1]).is_err());
        assert_eq!(fs::read_dir(&real).unwrap().count(), 0);
        let real_cache = DiskCache::open(real.clone());
        real_cache.put(1, Kind::Clean, &variants()[..1]).unwrap();
        assert_eq!(cache.get(1, Kind::Clean), None);
        // an entry that is a link
        let target = dir.path().join("elsewhere");
        fs::write(&target, b"x").unwrap();
        let entry = real_cache.entry_path(2, Kind::Clean);
        std::os::unix::fs::symlink(&target, &entry).unwrap();
        assert!(real_cache.put(2, Kind::Clean, &variants()[..1]).is_err());
        assert_eq!(real_cache.get(2, Kind::Clean), None);
        assert_eq!(fs::read(&target).unwrap(), b"x");
    }
}
