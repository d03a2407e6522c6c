//! The photo module end to end: generated photos with EXIF (orientation, GPS, author, dates),
//! PNG text and transparency, hostile and broken files; the outputs are decoded again with the
//! image crate and checked independently with Python Pillow (`tests/tools/check_photo.py`),
//! which must be installed (the test fails, never skips, without it).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ExtendedColorType, ImageEncoder, Rgb, RgbImage, Rgba, RgbaImage};
use twinsite::photo::{
    self, Contents, DiskCache, FALLBACK_WIDTH, Format, Kind, OtherFormat, PhotoError, Probe, Spec,
    Variant, WIDTHS,
};

// ---------------------------------------------------------------------------------------------
// A small EXIF (TIFF, little-endian) builder

const ASCII: u16 = 2;
const SHORT: u16 = 3;
const LONG: u16 = 4;
const RATIONAL: u16 = 5;

struct Entry {
    tag: u16,
    kind: u16,
    count: u32,
    data: Vec<u8>,
}

fn ascii(tag: u16, s: &str) -> Entry {
    let mut data = s.as_bytes().to_vec();
    data.push(0);
    Entry {
        tag,
        kind: ASCII,
        count: data.len() as u32,
        data,
    }
}

fn short(tag: u16, v: u16) -> Entry {
    Entry {
        tag,
        kind: SHORT,
        count: 1,
        data: v.to_le_bytes().to_vec(),
    }
}

fn long(tag: u16, v: u32) -> Entry {
    Entry {
        tag,
        kind: LONG,
        count: 1,
        data: v.to_le_bytes().to_vec(),
    }
}

fn rationals(tag: u16, values: &[(u32, u32)]) -> Entry {
    let mut data = Vec::new();
    for (n, d) in values {
        data.extend_from_slice(&n.to_le_bytes());
        data.extend_from_slice(&d.to_le_bytes());
    }
    Entry {
        tag,
        kind: RATIONAL,
        count: values.len() as u32,
        data,
    }
}

/// One IFD placed at `offset` of the TIFF: entries (sorted), next-IFD 0, then the values longer
/// than four bytes.
fn ifd(mut entries: Vec<Entry>, offset: u32) -> Vec<u8> {
    entries.sort_by_key(|e| e.tag);
    let mut out = Vec::new();
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    let mut data_at = offset + 2 + 12 * entries.len() as u32 + 4;
    let mut data = Vec::new();
    for e in &entries {
        out.extend_from_slice(&e.tag.to_le_bytes());
        out.extend_from_slice(&e.kind.to_le_bytes());
        out.extend_from_slice(&e.count.to_le_bytes());
        if e.data.len() <= 4 {
            let mut v = e.data.clone();
            v.resize(4, 0);
            out.extend_from_slice(&v);
        } else {
            out.extend_from_slice(&data_at.to_le_bytes());
            data.extend_from_slice(&e.data);
            if data.len() % 2 == 1 {
                data.push(0);
            }
            data_at = offset + 2 + 12 * entries.len() as u32 + 4 + data.len() as u32;
        }
    }
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&data);
    out
}

/// A TIFF with IFD0 (orientation, camera, author, copyright), an EXIF IFD (dates) and a GPS IFD.
fn exif_tiff(orientation: u16) -> Vec<u8> {
    let ifd0 = |exif_at: u32, gps_at: u32| {
        vec![
            ascii(0x010F, "Phonemaker"),
            ascii(0x0110, "Phonemaker X-1000 Pro"),
            short(0x0112, orientation),
            ascii(0x013B, "Erika Mustermann"),
            ascii(0x8298, "(c) 2024 Erika Mustermann"),
            long(0x8769, exif_at),
            long(0x8825, gps_at),
        ]
    };
    let exif = || {
        vec![
            ascii(0x9003, "2024:05:01 12:34:56"),
            ascii(0x9004, "2024:05:01 12:34:56"),
        ]
    };
    let gps = || {
        vec![
            ascii(0x0001, "N"),
            rationals(0x0002, &[(48, 1), (8, 1), (1234, 100)]),
            ascii(0x0003, "E"),
            rationals(0x0004, &[(11, 1), (34, 1), (5678, 100)]),
        ]
    };
    let len0 = ifd(ifd0(0, 0), 8).len() as u32;
    let exif_at = 8 + len0;
    let len1 = ifd(exif(), exif_at).len() as u32;
    let gps_at = exif_at + len1;
    let mut out = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
    out.extend(ifd(ifd0(exif_at, gps_at), 8));
    out.extend(ifd(exif(), exif_at));
    out.extend(ifd(gps(), gps_at));
    out
}

/// A JPEG segment: marker, length, payload.
fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = vec![0xFF, marker];
    out.extend_from_slice(&((payload.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(payload);
    out
}

/// `jpeg` with EXIF (APP1), XMP (APP1) and an ICC profile (APP2) put in after SOI.
fn with_metadata(jpeg: &[u8], orientation: u16) -> Vec<u8> {
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend(exif_tiff(orientation));
    let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'>\
        <dc:creator>Erika Mustermann</dc:creator></x:xmpmeta>";
    let mut icc = b"ICC_PROFILE\0\x01\x01".to_vec();
    icc.extend_from_slice(&[0u8; 128]);
    let mut out = jpeg[..2].to_vec();
    out.extend(segment(0xE1, &exif));
    out.extend(segment(0xE1, xmp));
    out.extend(segment(0xE2, &icc));
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn encode_jpeg(img: &RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .write_image(img, img.width(), img.height(), ExtendedColorType::Rgb8)
        .unwrap();
    out
}

const RED: Rgb<u8> = Rgb([230, 20, 20]);
const BLUE: Rgb<u8> = Rgb([20, 40, 220]);

/// A phone photo shown 1500 × 2000 (red top third, blue below), stored turned 2000 × 1500 with
/// EXIF orientation 6, plus GPS, author, camera and dates.
fn exif_photo() -> Vec<u8> {
    // orientation 6: the viewer turns the stored picture 90° clockwise, so the top of the
    // picture is stored at the left
    let stored = RgbImage::from_fn(2000, 1500, |x, _| if x < 2000 / 3 { RED } else { BLUE });
    with_metadata(&encode_jpeg(&stored, 90), 6)
}

/// A PNG chunk with its CRC.
fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.finalize().to_be_bytes());
    out
}

/// An 800 × 400 PNG with transparency (red opaque top third, half-transparent blue below), a
/// tEXt chunk (Author), an iTXt chunk and an eXIf chunk with GPS.
fn alpha_png() -> Vec<u8> {
    let img = RgbaImage::from_fn(800, 400, |_, y| {
        if y < 400 / 3 {
            Rgba([230, 20, 20, 255])
        } else {
            Rgba([20, 40, 220, 128])
        }
    });
    let mut png = Vec::new();
    PngEncoder::new(&mut png)
        .write_image(&img, 800, 400, ExtendedColorType::Rgba8)
        .unwrap();
    // after the signature (8) and IHDR (8 + 13 + 4)
    let (head, rest) = png.split_at(33);
    let mut out = head.to_vec();
    out.extend(chunk(b"tEXt", b"Author\0Erika Mustermann"));
    out.extend(chunk(b"iTXt", b"Copyright\0\0\0\0\0(c) Erika Mustermann"));
    out.extend(chunk(b"eXIf", &exif_tiff(1)));
    out.extend_from_slice(rest);
    out
}

/// A PNG whose header claims 20000 × 20000 pixels (a decompression bomb's header).
fn bomb_png() -> Vec<u8> {
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&20_000u32.to_be_bytes());
    ihdr.extend_from_slice(&20_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(chunk(b"IHDR", &ihdr));
    out.extend(chunk(
        b"IDAT",
        &[0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    out.extend(chunk(b"IEND", b""));
    out
}

/// A photo-like 4000 × 3000 JPEG: a gradient with noise.
fn large_jpeg() -> Vec<u8> {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let img = RgbImage::from_fn(4000, 3000, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let n = (seed % 24) as u32;
        Rgb([
            ((x * 200 / 4000) + n) as u8,
            ((y * 200 / 3000) + n) as u8,
            (((x + y) * 100 / 7000) + n) as u8,
        ])
    });
    encode_jpeg(&img, 85)
}

// ---------------------------------------------------------------------------------------------
// Checks

/// Metadata markers that must never appear in an output.
const FORBIDDEN: [&[u8]; 9] = [
    b"Exif",
    b"GPS",
    b"Mustermann",
    b"Phonemaker",
    b"tEXt",
    b"iTXt",
    b"eXIf",
    b"XMP",
    b"ICC",
];

fn assert_no_metadata(bytes: &[u8], what: &str) {
    for needle in FORBIDDEN {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "{what} holds {:?}",
            String::from_utf8_lossy(needle)
        );
    }
    for needle in [b"xmp".as_slice(), b"iCCP", b"ICCP", b"2024:05:01"] {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "{what} holds {:?}",
            String::from_utf8_lossy(needle)
        );
    }
}

fn decoded(v: &Variant) -> image::DynamicImage {
    let format = match v.spec.format {
        Format::Jpeg => image::ImageFormat::Jpeg,
        Format::Png => image::ImageFormat::Png,
        Format::Webp => image::ImageFormat::WebP,
    };
    image::load_from_memory_with_format(&v.bytes, format).unwrap()
}

fn is_red(p: [u8; 3]) -> bool {
    p[0] > 180 && p[1] < 80 && p[2] < 80
}

fn is_blue(p: [u8; 3]) -> bool {
    p[2] > 160 && p[0] < 80
}

/// Red at the top, blue at the bottom, as the image crate decodes `v`.
fn assert_upright(v: &Variant) {
    let img = decoded(v).to_rgb8();
    assert_eq!((img.width(), img.height()), (v.spec.width, v.spec.height));
    let top = img.get_pixel(img.width() / 2, img.height() / 20).0;
    let bottom = img
        .get_pixel(img.width() / 2, img.height() - 1 - img.height() / 20)
        .0;
    assert!(is_red(top), "{:?}: top is {top:?}", v.spec);
    assert!(is_blue(bottom), "{:?}: bottom is {bottom:?}", v.spec);
}

fn expect_err<T: std::fmt::Debug>(r: Result<T, PhotoError>) -> PhotoError {
    match r {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e,
    }
}

#[test]
fn probe_applies_the_exif_orientation() {
    let p = photo::probe(&exif_photo()).unwrap();
    assert_eq!(
        p,
        Probe {
            format: Format::Jpeg,
            width: 1500,
            height: 2000,
            alpha: false
        }
    );
    let p = photo::probe(&alpha_png()).unwrap();
    assert_eq!(
        (p.format, p.width, p.height, p.alpha),
        (Format::Png, 800, 400, true)
    );
}

#[test]
fn plan_follows_the_rules() {
    let p = |width, height, alpha| Probe {
        format: Format::Jpeg,
        width,
        height,
        alpha,
    };
    let specs = photo::plan(&p(4000, 3000, false));
    assert_eq!(specs.len(), WIDTHS.len() + 1);
    for (s, w) in specs.iter().zip(WIDTHS) {
        assert_eq!((s.width, s.format), (w, Format::Webp));
        assert_eq!(s.height, w * 3 / 4);
    }
    assert_eq!(
        specs.last(),
        Some(&Spec {
            width: FALLBACK_WIDTH,
            height: 900,
            format: Format::Jpeg
        })
    );
    let widths = |specs: Vec<Spec>| {
        specs
            .iter()
            .map(|s| (s.width, s.format))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        widths(photo::plan(&p(700, 500, false))),
        [
            (480, Format::Webp),
            (700, Format::Webp),
            (700, Format::Jpeg)
        ]
    );
    assert_eq!(
        widths(photo::plan(&p(300, 500, true))),
        [(300, Format::Webp), (300, Format::Png)]
    );
    for w in 1..2000 {
        let specs = photo::plan(&p(w, 3 * w / 2 + 1, w % 2 == 0));
        assert!(specs.iter().all(|s| s.width <= w && s.height >= 1));
        let webps: Vec<u32> = specs
            .iter()
            .filter(|s| s.format == Format::Webp)
            .map(|s| s.width)
            .collect();
        assert!(webps.windows(2).all(|w| w[0] < w[1]), "{webps:?}");
        assert_eq!(specs.len() - webps.len(), 1);
    }
}

#[test]
fn render_makes_upright_images_without_metadata() {
    let bytes = exif_photo();
    let variants = photo::render(&bytes).unwrap();
    let planned = photo::plan(&photo::probe(&bytes).unwrap());
    assert_eq!(variants.iter().map(|v| v.spec).collect::<Vec<_>>(), planned);
    assert_eq!(
        planned
            .iter()
            .map(|s| (s.width, s.height))
            .collect::<Vec<_>>(),
        [(480, 640), (960, 1280), (1500, 2000), (1200, 1600)]
    );
    for v in &variants {
        assert_no_metadata(&v.bytes, &format!("{:?}", v.spec));
        assert_upright(v);
        assert_eq!(photo::probe(&v.bytes).unwrap().format, v.spec.format);
    }
}

#[test]
fn render_keeps_transparency_and_drops_png_text() {
    let variants = photo::render(&alpha_png()).unwrap();
    let specs: Vec<_> = variants
        .iter()
        .map(|v| (v.spec.width, v.spec.height, v.spec.format))
        .collect();
    assert_eq!(
        specs,
        [
            (480, 240, Format::Webp),
            (800, 400, Format::Webp),
            (800, 400, Format::Png)
        ]
    );
    for v in &variants {
        assert_no_metadata(&v.bytes, &format!("{:?}", v.spec));
        let img = decoded(v).to_rgba8();
        assert_eq!(img.get_pixel(10, 5).0[3], 255);
        let a = img.get_pixel(10, img.height() - 5).0[3];
        assert!((100..=160).contains(&a), "alpha {a}");
        assert!(photo::probe(&v.bytes).unwrap().alpha);
    }
}

#[test]
fn clean_keeps_format_and_size_and_drops_metadata() {
    let v = photo::clean(&exif_photo()).unwrap();
    assert_eq!(
        (v.spec.width, v.spec.height, v.spec.format),
        (1500, 2000, Format::Jpeg)
    );
    assert_no_metadata(&v.bytes, "clean JPEG");
    assert_upright(&v);

    let v = photo::clean(&alpha_png()).unwrap();
    assert_eq!(
        (v.spec.width, v.spec.height, v.spec.format),
        (800, 400, Format::Png)
    );
    assert_no_metadata(&v.bytes, "clean PNG");
    let img = decoded(&v).to_rgba8();
    assert_eq!(
        img.get_pixel(1, 399).0,
        [20, 40, 220, 128],
        "PNG stays lossless"
    );

    // a lossless WebP stays lossless
    let img = RgbaImage::from_fn(64, 32, |x, _| Rgba([x as u8 * 4, 7, 9, 200]));
    let mut webp = Vec::new();
    image::codecs::webp::WebPEncoder::new_lossless(&mut webp)
        .write_image(&img, 64, 32, ExtendedColorType::Rgba8)
        .unwrap();
    let v = photo::clean(&webp).unwrap();
    assert_eq!(
        (v.spec.width, v.spec.height, v.spec.format),
        (64, 32, Format::Webp)
    );
    assert_eq!(decoded(&v).to_rgba8(), img);
}

#[test]
fn large_photo_renders_all_widths() {
    let bytes = large_jpeg();
    let variants = photo::render(&bytes).unwrap();
    let sizes: Vec<_> = variants
        .iter()
        .map(|v| (v.spec.width, v.spec.height, v.spec.format))
        .collect();
    assert_eq!(
        sizes,
        [
            (480, 360, Format::Webp),
            (960, 720, Format::Webp),
            (1600, 1200, Format::Webp),
            (1200, 900, Format::Jpeg)
        ]
    );
    for v in &variants {
        let img = decoded(v);
        assert_eq!((img.width(), img.height()), (v.spec.width, v.spec.height));
        assert!(v.bytes.len() < bytes.len());
    }
}

#[test]
fn broken_and_foreign_files_are_named_errors() {
    let jpeg = exif_photo();
    let e = expect_err(photo::probe(&jpeg[..100]));
    assert!(matches!(e, PhotoError::Corrupt(_)), "{e:?}");
    assert!(
        e.message().starts_with("is cut off or damaged"),
        "{}",
        e.message()
    );
    let e = expect_err(photo::render(&jpeg[..jpeg.len() / 2]));
    assert!(matches!(e, PhotoError::Corrupt(_)), "{e:?}");

    let e = expect_err(photo::probe(
        b"Dear volunteers,\nplease find the photos attached.\n",
    ));
    assert_eq!(
        e,
        PhotoError::NotAnImage {
            looks_like: Some(Contents::Text)
        }
    );
    assert_eq!(e.message(), "is not an image: the file holds text");

    let e = expect_err(photo::render(
        b"<!doctype html>\n<html><head><title>Fotos</title></head></html>",
    ));
    assert_eq!(
        e,
        PhotoError::NotAnImage {
            looks_like: Some(Contents::Html)
        }
    );
    assert!(e.message().contains("HTML"), "{}", e.message());

    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic\0\0\0\x08free";
    let e = expect_err(photo::probe(heic));
    assert_eq!(e, PhotoError::Heic);
    assert!(e.message().contains("HEIC") && e.hint().contains("Most Compatible"));

    let gif = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;";
    let e = expect_err(photo::render(gif));
    assert_eq!(e, PhotoError::Unsupported(OtherFormat::Gif));
    assert!(e.message().contains("GIF"));

    let e = expect_err(photo::render(&bomb_png()));
    assert_eq!(
        e,
        PhotoError::TooManyPixels {
            width: 20_000,
            height: 20_000
        }
    );
    assert_eq!(
        e.message(),
        "is 20000 × 20000 pixels (400 megapixels); twinsite takes at most 100 megapixels"
    );
    assert!(matches!(
        photo::clean(&bomb_png()),
        Err(PhotoError::TooManyPixels { .. })
    ));

    // no byte of a file reaches a message
    let mut evil = jpeg[..jpeg.len() / 3].to_vec();
    evil.extend_from_slice("\u{1b}[31m<script>é".as_bytes());
    for r in [
        photo::render(&evil).map(|_| ()),
        photo::clean(&evil).map(|_| ()),
    ] {
        let m = expect_err(r).message();
        assert!(
            m.chars().all(|c| c == '×' || (' '..='~').contains(&c)),
            "{m:?}"
        );
        assert!(m.len() < 200);
    }
}

#[test]
fn cache_round_trip_and_recovery() {
    let dir = tempfile::tempdir().unwrap();
    let cache = DiskCache::open(dir.path().join(".twinsite-cache/images"));
    assert!(!cache.dir().exists(), "opening creates nothing");
    let bytes = alpha_png();
    let key = photo::content_key(&bytes);
    let first = photo::render_cached(Some(&cache), &bytes).unwrap();
    assert_eq!(cache.get(key, Kind::Variants), Some(first.clone()));
    assert_eq!(photo::render_cached(Some(&cache), &bytes).unwrap(), first);

    // a cut-off entry is a miss, and the next render_cached writes it again
    let path = cache.entry_path(key, Kind::Variants);
    let len = std::fs::metadata(&path).unwrap().len();
    let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
    f.set_len(len / 2).unwrap();
    drop(f);
    assert_eq!(cache.get(key, Kind::Variants), None);
    assert_eq!(photo::render_cached(Some(&cache), &bytes).unwrap(), first);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), len);

    let clean = photo::clean_cached(Some(&cache), &bytes).unwrap();
    assert_eq!(cache.get(key, Kind::Clean), Some(vec![clean.clone()]));
    assert_eq!(photo::clean_cached(Some(&cache), &bytes).unwrap(), clean);
    assert_eq!(photo::clean_cached(None, &bytes).unwrap(), clean);

    // errors are not cached
    assert!(photo::render_cached(Some(&cache), b"plain text").is_err());
}

#[cfg(unix)]
#[test]
fn symlinked_cache_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    let link = dir.path().join("images");
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    let cache = DiskCache::open(link);
    let bytes = alpha_png();
    // still renders, but writes nothing through the link
    assert!(photo::render_cached(Some(&cache), &bytes).is_ok());
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 0);
    assert!(cache.put(1, Kind::Variants, &[]).is_err());
}

// ---------------------------------------------------------------------------------------------
// Independent check with Python Pillow

fn require_pillow() {
    let ok = Command::new(common::python())
        .args(["-c", "import PIL"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(
        ok,
        "python3 with the package Pillow is needed for this test; `bash .ci/test.sh` \
         installs it into target/test-python"
    );
}

fn pillow(files: &[(&str, &Variant)]) -> Vec<serde_json::Value> {
    require_pillow();
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(common::python());
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/check_photo.py"));
    for (name, v) in files {
        let path = dir.path().join(format!("{name}.{}", v.spec.format.ext()));
        std::fs::write(&path, &v.bytes).unwrap();
        cmd.arg(path);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "check_photo.py failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn pillow_sees_upright_images_without_metadata() {
    let exif = exif_photo();
    let png = alpha_png();
    let mut files: Vec<(String, Variant)> = Vec::new();
    for (i, v) in photo::render(&exif).unwrap().into_iter().enumerate() {
        files.push((format!("exif-{i}"), v));
    }
    files.push(("exif-clean".into(), photo::clean(&exif).unwrap()));
    for (i, v) in photo::render(&png).unwrap().into_iter().enumerate() {
        files.push((format!("png-{i}"), v));
    }
    files.push(("png-clean".into(), photo::clean(&png).unwrap()));
    let named: Vec<(&str, &Variant)> = files.iter().map(|(n, v)| (n.as_str(), v)).collect();
    let report = pillow(&named);
    assert_eq!(report.len(), files.len());
    for ((name, v), r) in files.iter().zip(&report) {
        let format = match v.spec.format {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::Webp => "WEBP",
        };
        assert_eq!(r["format"], format, "{name}: {r}");
        assert_eq!(
            r["size"],
            serde_json::json!([v.spec.width, v.spec.height]),
            "{name}: {r}"
        );
        assert_eq!(r["exif_len"], 0, "{name}: {r}");
        assert_eq!(r["text_keys"], serde_json::json!([]), "{name}: {r}");
        for key in r["info_keys"].as_array().unwrap() {
            let key = key.as_str().unwrap().to_ascii_lowercase();
            for bad in [
                "exif",
                "xmp",
                "icc",
                "author",
                "copyright",
                "comment",
                "text",
            ] {
                assert!(!key.contains(bad), "{name}: Pillow finds {key:?}: {r}");
            }
        }
        let top: Vec<f64> = r["top"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect();
        assert!(
            top[0] > 180.0 && top[1] < 80.0 && top[2] < 80.0,
            "{name}: top is not red: {r}"
        );
        let bottom: Vec<f64> = r["bottom"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect();
        assert!(
            bottom[2] > 150.0 && bottom[0] < 80.0,
            "{name}: bottom is not blue: {r}"
        );
    }
}
