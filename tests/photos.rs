//! Photos end to end: a volunteer's camera files (made with Pillow by
//! `tests/tools/photos.py`: turned by the EXIF flag, with GPS position, owner, camera and date)
//! are published upright, in the planned sizes and without any metadata, as Pillow, an
//! independent reader, sees them; broken and hostile photos end in errors at their line.
//! Fails (never skips) when Pillow is missing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn python(args: &[&str]) -> String {
    let script = repo_root().join("tests/tools/photos.py");
    let out = Command::new(common::python())
        .arg(&script)
        .args(args)
        .output()
        .expect("python3 must be installed");
    assert!(
        out.status.success(),
        "tests/tools/photos.py failed (Pillow is needed; `bash .ci/test.sh` installs it into target/test-python):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A copy of the mini site with an event bundle holding the sample photos.
fn photo_site(body: &str, front: &str) -> (tempfile::TempDir, PathBuf) {
    let (t, root) = temp_site("mini");
    let bundle = root.join("content/events/fotoabend");
    std::fs::create_dir_all(&bundle).unwrap();
    std::fs::create_dir_all(root.join("static/images")).unwrap();
    python(&["make", bundle.to_str().unwrap()]);
    std::fs::rename(
        bundle.join("static.jpg"),
        root.join("static/images/plain.jpg"),
    )
    .unwrap();
    std::fs::write(
        bundle.join("index.md"),
        format!("---\ntitle: Fotoabend\ndate: 2026-12-01\nlocation: {{ name: Rathaus }}\n{front}---\n{body}\n"),
    )
    .unwrap();
    (t, root)
}

fn build(root: &Path) -> (i32, String, tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let o = Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .args(["build", "--now", NOW, "--root"])
        .arg(root)
        .arg("--output")
        .arg(&out)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code().unwrap_or(-1), text, dir, out)
}

#[derive(Debug)]
struct Seen {
    file: String,
    width: u64,
    height: u64,
    exif: u64,
    info: Vec<String>,
    top: Vec<u64>,
}

fn inspect(files: &[PathBuf]) -> Vec<Seen> {
    let args: Vec<String> = std::iter::once("check".to_owned())
        .chain(files.iter().map(|f| f.to_string_lossy().into_owned()))
        .collect();
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    python(&refs)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            Seen {
                file: v["file"].as_str().unwrap().to_owned(),
                width: v["width"].as_u64().unwrap(),
                height: v["height"].as_u64().unwrap(),
                exif: v["exif"].as_u64().unwrap(),
                info: v["info"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_owned())
                    .collect(),
                top: v["top"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n.as_u64().unwrap())
                    .collect(),
            }
        })
        .collect()
}

#[test]
fn photos_are_published_upright_small_and_without_metadata() {
    let (_t, root) = photo_site(
        "Bilder.\n\n![Logo](logo.png \"Unser Logo\")\n\n![Altes Rathaus](/images/plain.jpg)",
        "image: { src: rotated.jpg, alt: Die Gruppe, caption: Gruppenbild, credit: Erika Mustermann }\n",
    );
    let (code, text, _d, out) = build(&root);
    assert_eq!(code, 0, "{text}");
    let made: Vec<PathBuf> = std::fs::read_dir(out.join("_img"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let names: Vec<String> = made
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // 1800 × 2400 shown: WebPs at 480, 960 and 1600, a JPEG at 1200; the 800 px PNG with
    // transparency: WebPs at 480 and 800 and a PNG; the 640 px static photo: 480, 640, JPEG.
    assert_eq!(made.len(), 4 + 3 + 3, "{names:?}");
    let seen = inspect(&made);
    for s in &seen {
        assert_eq!(s.exif, 0, "EXIF survived in {}", s.file);
        assert!(
            s.info
                .iter()
                .all(|k| !["exif", "icc_profile", "xmp", "Author", "dpi"].contains(&k.as_str())),
            "metadata {:?} survived in {}",
            s.info,
            s.file
        );
        let bytes = std::fs::read(&s.file).unwrap();
        for secret in [&b"Mustermann"[..], b"PhoneMaker", b"Exif", b"2026:05:16"] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret),
                "{} holds {:?}",
                s.file,
                String::from_utf8_lossy(secret)
            );
        }
    }
    for s in seen.iter().filter(|s| s.file.contains("rotated-")) {
        assert!(
            (s.height * 3).abs_diff(s.width * 4) <= 4,
            "upright 3:4: {s:?}"
        );
        assert!(s.top[0] > 150 && s.top[2] < 100, "red on top: {s:?}");
        assert!([480, 960, 1600, 1200].contains(&s.width), "{s:?}");
    }
    for s in seen.iter().filter(|s| s.file.contains("logo-")) {
        assert!(s.width <= 800, "never upscaled: {s:?}");
    }
    // The originals are not published; the page offers the sizes.
    assert!(!out.join("events/fotoabend/rotated.jpg").exists());
    assert!(!out.join("images/plain.jpg").exists());
    let html = read(&out, "events/fotoabend/index.html");
    assert!(html.contains("srcset="), "{html}");
    assert!(html.contains("Foto:\u{a0}Erika Mustermann"), "{html}");
    assert!(
        html.contains("<figcaption>Unser Logo</figcaption>"),
        "{html}"
    );
    assert!(html.contains("property=og:image"), "{html}");
    assert!(
        html.contains("https://example.org/partner/_img/rotated-"),
        "{html}"
    );
}

#[test]
fn a_static_photo_no_page_names_loses_its_metadata() {
    let (_t, root) = photo_site("Text.", "");
    let (code, text, _d, out) = build(&root);
    assert_eq!(code, 0, "{text}");
    let plain = out.join("images/plain.jpg");
    let seen = inspect(std::slice::from_ref(&plain));
    assert_eq!(seen[0].exif, 0, "{seen:?}");
    assert_eq!((seen[0].width, seen[0].height), (640, 480));
    let bytes = std::fs::read(&plain).unwrap();
    assert!(!bytes.windows(10).any(|w| w == b"Mustermann"));
}

#[test]
fn an_unchanged_rebuild_takes_the_sizes_from_the_cache() {
    let (_t, root) = photo_site("Text.", "image: { src: rotated.jpg, alt: Gruppe }\n");
    let (code, text, _d, _out) = build(&root);
    assert_eq!(code, 0, "{text}");
    let cache = root.join(".twinsite-cache/images");
    let stamp = |dir: &Path| -> Vec<_> {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name(), e.metadata().unwrap().modified().unwrap())
            })
            .collect();
        v.sort();
        v
    };
    let before = stamp(&cache);
    assert!(!before.is_empty());
    let started = std::time::Instant::now();
    let (code, text, _d2, _out2) = build(&root);
    assert_eq!(code, 0, "{text}");
    assert_eq!(stamp(&cache), before, "nothing was made again");
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
}

/// Writes `bytes` as the bundle's `bad.jpg`, names it in `image:` and expects `message` at
/// line 5 from both `check` and `build`.
fn refused(bytes: &[u8], name: &str, message: &str) -> String {
    let (_t, root) = photo_site("Text.", &format!("image: {{ src: {name}, alt: Bild }}\n"));
    std::fs::write(root.join("content/events/fotoabend/bad.jpg"), bytes).unwrap();
    let (code, text, _d, out) = build(&root);
    assert_eq!(code, 1, "{text}");
    let at = "content/events/fotoabend/index.md:5:";
    assert!(
        text.lines()
            .any(|l| l.starts_with(at) && l.contains(message)),
        "expected {at} … {message} in:\n{text}"
    );
    assert!(!out.exists(), "a failed build writes nothing");
    let c = Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .args(["check", "--now", NOW, "--root"])
        .arg(&root)
        .output()
        .unwrap();
    let ctext =
        String::from_utf8_lossy(&c.stdout).into_owned() + &String::from_utf8_lossy(&c.stderr);
    assert_eq!(c.status.code(), Some(1), "{ctext}");
    assert!(ctext.contains(message), "check: {ctext}");
    text
}

#[test]
fn broken_and_hostile_photos_are_errors_at_their_line() {
    refused(
        b"Hallo, das ist kein Bild.\n",
        "bad.jpg",
        "is not an image: the file holds text",
    );
    refused(
        b"<!doctype html><title>x</title>",
        "bad.jpg",
        "is not an image: the file holds HTML (a web page)",
    );
    refused(
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic",
        "bad.jpg",
        "is a HEIC photo",
    );
    refused(b"GIF89a\x01\0\x01\0\0\0\0;", "bad.jpg", "is a GIF image");
    refused(
        &bomb_png(20_000, 20_000),
        "bad.jpg",
        "is 20000 × 20000 pixels",
    );
    let whole = {
        let img = image::RgbImage::from_pixel(800, 600, image::Rgb([9, 9, 9]));
        let mut c = std::io::Cursor::new(Vec::new());
        img.write_to(&mut c, image::ImageFormat::Jpeg).unwrap();
        c.into_inner()
    };
    refused(
        &whole[..whole.len() / 3],
        "bad.jpg",
        "is cut off or damaged",
    );
    let text = refused(
        &whole,
        "bda.jpg",
        "the image bda.jpg does not exist next to this file",
    );
    assert!(text.contains("hint: did you mean bad.jpg?"), "{text}");
}

/// The head of a PNG claiming `w` × `h` pixels (a decompression bomb needs no more).
fn bomb_png(w: u32, h: u32) -> Vec<u8> {
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&w.to_be_bytes());
    ihdr.extend_from_slice(&h.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend_from_slice(&13u32.to_be_bytes());
    out.extend_from_slice(&ihdr);
    out.extend_from_slice(&crc32(&ihdr).to_be_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(b"IDAT");
    out.extend_from_slice(&crc32(b"IDAT").to_be_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(b"IEND");
    out.extend_from_slice(&crc32(b"IEND").to_be_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Runs `check` on the photo site with `front` as extra keys; returns exit code and output.
fn check_with(front: &str) -> (i32, String) {
    let (_t, root) = photo_site("Text.", front);
    let c = Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .args(["check", "--now", NOW, "--root"])
        .arg(&root)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&c.stdout).into_owned() + &String::from_utf8_lossy(&c.stderr);
    (c.status.code().unwrap_or(-1), text)
}

#[test]
fn mistyped_picture_keys_are_errors_at_their_line() {
    let at = "content/events/fotoabend/index.md:5:";
    for (front, message) in [
        (
            "image: [rotated.jpg, logo.png]\n",
            "`image` is one picture, not a list",
        ),
        (
            "gallery: { srcc: rotated.jpg }\n",
            "`gallery` must be a file name",
        ),
        ("image: { src: \"\", alt: x }\n", "has no file name"),
        (
            "image: { src: ../../../site.yaml, alt: x }\n",
            "points outside its folder",
        ),
        (
            "image: https://example.org/a.jpg\n",
            "is on another website",
        ),
    ] {
        let (code, text) = check_with(front);
        assert_eq!(code, 1, "{front}: {text}");
        assert!(
            text.lines()
                .any(|l| l.starts_with(at) && l.contains(message)),
            "{front}: expected {at} … {message} in:\n{text}"
        );
    }
    let (code, text) = check_with("image: rotated.jpg\n");
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("the image rotated.jpg has no alt text"),
        "{text}"
    );
}

#[test]
fn captions_and_credits_are_escaped() {
    let (_t, root) = photo_site(
        "![<b>x</b>](logo.png \"<script>alert(1)</script>\")",
        "image: { src: rotated.jpg, alt: \"\\\" onerror=alert(1) x=\\\"\", caption: \"<img src=x onerror=alert(2)>\", credit: \"Erika\\u0007 <i>M</i>\" }\n",
    );
    let (code, text, _d, out) = build(&root);
    assert_eq!(code, 0, "{text}");
    let html = read(&out, "events/fotoabend/index.html");
    assert!(html.contains("alt='\" onerror=alert(1) x=\"'"), "{html}");
    for bad in ["<script>alert", "<img src=x", "<i>M</i>", "\u{7}"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
    assert!(html.contains("&lt;script>alert(1)&lt;/script>"), "{html}");
}
