//! Unit tests of the photo rules: sizes planned, formats told apart, the cache's refusals.
#![allow(clippy::unwrap_used)]

use super::*;

fn probe_of(width: u32, height: u32, alpha: bool) -> Probe {
    Probe {
        format: Format::Jpeg,
        width,
        height,
        alpha,
    }
}

fn widths(p: &Probe) -> Vec<(u32, Format)> {
    plan(p).iter().map(|s| (s.width, s.format)).collect()
}

#[test]
fn sizes_are_never_larger_than_the_photo() {
    use Format::*;
    assert_eq!(
        widths(&probe_of(4000, 3000, false)),
        [(480, Webp), (960, Webp), (1600, Webp), (1200, Jpeg)]
    );
    assert_eq!(
        widths(&probe_of(700, 500, false)),
        [(480, Webp), (700, Webp), (700, Jpeg)]
    );
    assert_eq!(widths(&probe_of(300, 300, true)), [(300, Webp), (300, Png)]);
    assert_eq!(
        widths(&probe_of(1600, 900, false)),
        [(480, Webp), (960, Webp), (1600, Webp), (1200, Jpeg)]
    );
    let tall = plan(&probe_of(3000, 4000, false));
    assert_eq!((tall[0].width, tall[0].height), (480, 640));
}

#[test]
fn files_are_told_apart_by_their_bytes() {
    let not = |b: &[u8]| probe(b).unwrap_err();
    assert_eq!(
        not(b"hello"),
        PhotoError::NotAnImage {
            looks_like: Some("text")
        }
    );
    assert_eq!(not(b"\0\0\0\x18ftypheic\0\0\0\0"), PhotoError::Heic);
    assert_eq!(
        not(b"\0\0\0\x18ftypavif\0\0\0\0"),
        PhotoError::Unsupported("AVIF")
    );
    assert_eq!(not(b"GIF89a"), PhotoError::Unsupported("GIF"));
    assert_eq!(
        not(b"%PDF-1.7"),
        PhotoError::NotAnImage {
            looks_like: Some("a PDF document")
        }
    );
    assert!(matches!(
        not(&[0xFF, 0xD8, 0xFF, 0xE0]),
        PhotoError::Corrupt(_)
    ));
    assert!(not(b"\xff\xfe\0\x01\x02").message().starts_with("is not"));
}

fn sample() -> Vec<Variant> {
    vec![Variant {
        spec: Spec {
            width: 2,
            height: 1,
            format: Format::Webp,
        },
        bytes: b"RIFFxxxxWEBP".to_vec(),
    }]
}

#[test]
fn the_cache_gives_back_what_was_put_and_nothing_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let cache = DiskCache::open(dir.path().join("c/images"));
    assert!(cache.get(7, Kind::Variants).is_none());
    cache.put(7, Kind::Variants, &sample()).unwrap();
    assert_eq!(cache.get(7, Kind::Variants).unwrap(), sample());
    assert!(cache.get(7, Kind::Clean).is_none());
    let file = dir.path().join(format!("c/images/{:032x}.sizes", 7u128));
    let full = std::fs::read(&file).unwrap();
    std::fs::write(&file, &full[..full.len() - 1]).unwrap();
    assert!(cache.get(7, Kind::Variants).is_none(), "a cut-off file");
    std::fs::write(&file, [full.as_slice(), b"x"].concat()).unwrap();
    assert!(cache.get(7, Kind::Variants).is_none(), "a longer file");
}

#[cfg(unix)]
#[test]
fn a_cache_folder_that_is_a_link_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("c")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("c/images")).unwrap();
    let cache = DiskCache::open(dir.path().join("c/images"));
    assert!(cache.put(1, Kind::Variants, &sample()).is_err());
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    assert!(cache.get(1, Kind::Variants).is_none());
}

#[test]
fn the_key_follows_the_bytes() {
    assert_ne!(content_key(b"a"), content_key(b"b"));
    assert_eq!(content_key(b"a"), content_key(b"a"));
}
