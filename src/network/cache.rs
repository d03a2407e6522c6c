//! The last good copy of each source in `.twinsite-cache/network/`: its body and the
//! validators of the response that brought it, keyed by a hash of the source's address.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fetch::Validators;

/// A copy of a source as the cache keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    /// The body.
    pub bytes: Vec<u8>,
    /// What the server said about it.
    pub meta: Meta,
}

/// What the cache keeps beside a body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The address it came from (a changed address does not take an old copy).
    pub url: String,
    /// Its validators.
    #[serde(flatten)]
    pub validators: Validators,
    /// When it was fetched, RFC 3339 in UTC.
    pub fetched: String,
}

/// The cache folder of a site.
pub fn dir(root: &Path) -> PathBuf {
    root.join(crate::pictures::CACHE_DIR).join("network")
}

fn stem(url: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(url.as_bytes()))
}

/// The copy of `url` in `dir`, if there is a readable one for that address.
pub fn load(dir: &Path, url: &str, max_bytes: u64) -> Option<Copy> {
    let stem = stem(url);
    let meta: Meta = fs::read(dir.join(format!("{stem}.json")))
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())?;
    if meta.url != url {
        return None;
    }
    let path = dir.join(format!("{stem}.body"));
    if fs::metadata(&path).ok()?.len() > max_bytes {
        return None;
    }
    let bytes = fs::read(path).ok()?;
    Some(Copy { bytes, meta })
}

/// Keeps `copy` as the last good copy of its address, replacing files only once written.
pub fn store(dir: &Path, copy: &Copy) -> std::io::Result<()> {
    fs::create_dir_all(dir)?;
    let stem = stem(&copy.meta.url);
    let meta = serde_json::to_vec_pretty(&copy.meta).map_err(std::io::Error::other)?;
    // The body first: a meta file never names a body that is not there yet.
    replace(&dir.join(format!("{stem}.body")), &copy.bytes)?;
    replace(&dir.join(format!("{stem}.json")), &meta)
}

fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let mut f = fs::File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    drop(f);
    fs::rename(&tmp, path).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_copy_comes_back_for_its_address_only() {
        let dir = tempfile::tempdir().unwrap();
        let copy = Copy {
            bytes: b"BEGIN:VCALENDAR".to_vec(),
            meta: Meta {
                url: "https://a.example/cal.ics".into(),
                validators: Validators {
                    etag: Some("\"1\"".into()),
                    last_modified: None,
                },
                fetched: "2026-01-01T00:00:00Z".into(),
            },
        };
        store(dir.path(), &copy).unwrap();
        assert_eq!(load(dir.path(), &copy.meta.url, 1000), Some(copy.clone()));
        assert_eq!(load(dir.path(), "https://b.example/cal.ics", 1000), None);
        assert_eq!(load(dir.path(), &copy.meta.url, 3), None);
    }
}
