//! Photos for the web: a volunteer's JPEG, PNG or WebP becomes small, upright, metadata-free
//! images in a few widths, with an on-disk cache.
//!
//! - [`probe`] reads the header and EXIF orientation only (cheap), [`plan`] tells from the probe
//!   alone which images will be made, so pages can be written before any pixel is processed;
//! - [`render`] decodes once and encodes exactly [`plan`]: WebP at [`WIDTHS`] (never upscaled)
//!   plus one JPEG (PNG with transparency) fallback; [`clean`] re-encodes a file in its own
//!   format and size without metadata;
//! - [`DiskCache`], [`render_cached`] and [`clean_cached`] keep results by [`content_key`].
//!
//! Nothing from the original file but its pixels reaches the output: no EXIF (so no GPS
//! position, camera or date), no XMP, no ICC profile, no PNG text. Errors are values
//! ([`PhotoError`]) with plain-words messages; nothing here prints, panics or uses rayon (the
//! caller works on several photos in parallel, one decoded photo per thread).

mod cache;
mod error;
mod process;
mod sniff;

use std::io::Cursor;

use image::{ImageDecoder, ImageFormat, ImageReader, Limits, metadata::Orientation};
use xxhash_rust::xxh3::Xxh3;

pub use cache::{DiskCache, Kind};
pub use error::{Contents, OtherFormat, PhotoError};
pub use process::{clean, render};

/// Most pixels (width × height) a photo may have; checked from the header before decoding.
pub const MAX_PIXELS: u64 = 100_000_000;
/// Most bytes the decoder may allocate for one photo.
pub const MAX_ALLOC: u64 = 600 * 1024 * 1024;
/// Widths of the WebP images made from a photo (never wider than the photo).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// Width of the one JPEG/PNG fallback image (never wider than the photo).
pub const FALLBACK_WIDTH: u32 = 1200;
/// Quality of the WebP images (0–100, lossy).
pub const WEBP_QUALITY: u8 = 78;
/// Quality of the JPEG fallback (1–100).
pub const JPEG_QUALITY: u8 = 82;
/// Quality of [`clean`] for JPEG and lossy WebP.
pub const CLEAN_QUALITY: u8 = 90;
/// Raise when the output of [`render`] or [`clean`] changes for the same input, so cached
/// results are made again.
pub const SETTINGS_VERSION: u32 = 1;

/// An image format twinsite reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JPEG (`.jpg`).
    Jpeg,
    /// PNG (`.png`).
    Png,
    /// WebP (`.webp`).
    Webp,
}

impl Format {
    /// The file name extension, without the dot: "jpg", "png", "webp".
    pub fn ext(self) -> &'static str {
        match self {
            Format::Jpeg => "jpg",
            Format::Png => "png",
            Format::Webp => "webp",
        }
    }

    /// The media type: "image/jpeg", "image/png", "image/webp".
    pub fn mime(self) -> &'static str {
        match self {
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
            Format::Webp => "image/webp",
        }
    }

    fn image_format(self) -> ImageFormat {
        match self {
            Format::Jpeg => ImageFormat::Jpeg,
            Format::Png => ImageFormat::Png,
            Format::Webp => ImageFormat::WebP,
        }
    }

    fn code(self) -> u8 {
        match self {
            Format::Jpeg => 1,
            Format::Png => 2,
            Format::Webp => 3,
        }
    }

    fn from_code(code: u8) -> Option<Format> {
        match code {
            1 => Some(Format::Jpeg),
            2 => Some(Format::Png),
            3 => Some(Format::Webp),
            _ => None,
        }
    }
}

/// What a photo is, from its header: format, size as shown (EXIF orientation applied) and
/// whether it has an alpha channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    /// The file's format, from its bytes.
    pub format: Format,
    /// Width as shown, after the EXIF orientation (a phone photo stored 4000 × 3000 and turned
    /// by 90° is 3000 wide).
    pub width: u32,
    /// Height as shown, after the EXIF orientation.
    pub height: u32,
    /// The image has an alpha channel (PNG or WebP with transparency).
    pub alpha: bool,
}

/// One image to make: size and format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Spec {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Format.
    pub format: Format,
}

/// One image made from a photo: what [`plan`] asked for and the encoded bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Size and format.
    pub spec: Spec,
    /// The encoded file.
    pub bytes: Vec<u8>,
}

/// The header facts plus what only the decoder knows (orientation, alpha).
pub(crate) struct Probed {
    pub(crate) probe: Probe,
    pub(crate) header: sniff::Header,
    pub(crate) orientation: Orientation,
}

/// The decoder limits for one photo.
pub(crate) fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

/// The image crate's decoder for `bytes` in `format`, with [`limits`].
pub(crate) fn decoder(bytes: &[u8], format: Format) -> Result<impl ImageDecoder + '_, PhotoError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format.image_format());
    reader.limits(limits());
    reader.into_decoder().map_err(PhotoError::corrupt)
}

/// Whether `o` turns the picture by a quarter, so width and height trade places.
pub(crate) fn swaps_sides(o: Orientation) -> bool {
    matches!(
        o,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

pub(crate) fn probe_full(bytes: &[u8]) -> Result<Probed, PhotoError> {
    let header = sniff::sniff(bytes)?;
    let (width, height) = (header.width, header.height);
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::TooManyPixels { width, height });
    }
    let mut decoder = decoder(bytes, header.format)?;
    if decoder.dimensions() != (width, height) {
        return Err(PhotoError::damaged(msg!("photos-two-sizes")));
    }
    let alpha = decoder.color_type().has_alpha();
    // broken metadata is no reason to refuse a photo: it is then shown as stored
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let (width, height) = match swaps_sides(orientation) {
        true => (height, width),
        false => (width, height),
    };
    Ok(Probed {
        probe: Probe {
            format: header.format,
            width,
            height,
            alpha,
        },
        header,
        orientation,
    })
}

/// What `bytes` are: format, size as shown and alpha, from the header and EXIF alone (no
/// pixel is decoded). Refuses anything but JPEG, PNG and WebP with a [`PhotoError`] saying what
/// the file is instead, and photos of more than [`MAX_PIXELS`] pixels.
pub fn probe(bytes: &[u8]) -> Result<Probe, PhotoError> {
    probe_full(bytes).map(|p| p.probe)
}

/// `height` scaled to `new_width` as `width` is, rounded, at least 1.
fn scaled_height(width: u32, height: u32, new_width: u32) -> u32 {
    if width == 0 {
        return height.max(1);
    }
    let (w, h, n) = (u64::from(width), u64::from(height), u64::from(new_width));
    let scaled = (2 * h * n + w) / (2 * w);
    u32::try_from(scaled).unwrap_or(u32::MAX).max(1)
}

/// The images [`render`] makes for a photo, from its probe alone: WebP at each of [`WIDTHS`]
/// not wider than the photo, plus the photo's own width when that is below the widest of them
/// (never upscaled); then one fallback, JPEG (PNG with alpha) at most [`FALLBACK_WIDTH`] wide.
/// The WebPs come in ascending width, the fallback last; heights keep the aspect ratio.
pub fn plan(p: &Probe) -> Vec<Spec> {
    let spec = |width: u32, format| Spec {
        width,
        height: scaled_height(p.width, p.height, width),
        format,
    };
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w <= p.width).collect();
    let widest = WIDTHS.iter().copied().max().unwrap_or(0);
    if p.width < widest && !widths.contains(&p.width) {
        widths.push(p.width);
    }
    widths.sort_unstable();
    let mut specs: Vec<Spec> = widths.into_iter().map(|w| spec(w, Format::Webp)).collect();
    let fallback = if p.alpha { Format::Png } else { Format::Jpeg };
    specs.push(spec(FALLBACK_WIDTH.min(p.width), fallback));
    specs
}

/// The cache key of `bytes`: xxh3-128 of the bytes and of every setting that changes the
/// output ([`SETTINGS_VERSION`], widths, qualities), so changed settings miss the cache.
pub fn content_key(bytes: &[u8]) -> u128 {
    let mut h = Xxh3::new();
    h.update(b"twinsite-photo\0");
    h.update(&SETTINGS_VERSION.to_le_bytes());
    for w in WIDTHS {
        h.update(&w.to_le_bytes());
    }
    h.update(&FALLBACK_WIDTH.to_le_bytes());
    h.update(&[WEBP_QUALITY, JPEG_QUALITY, CLEAN_QUALITY]);
    h.update(&MAX_PIXELS.to_le_bytes());
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
    h.digest128()
}

/// [`render`] through `cache`: a cached result when there is one that matches [`plan`],
/// otherwise rendered and stored (a failed store is ignored: the images are still returned).
pub fn render_cached(cache: Option<&DiskCache>, bytes: &[u8]) -> Result<Vec<Variant>, PhotoError> {
    let Some(cache) = cache else {
        return render(bytes);
    };
    let key = content_key(bytes);
    let specs = plan(&probe(bytes)?);
    if let Some(hit) = cache.get(key, Kind::Variants)
        && hit.iter().map(|v| v.spec).eq(specs.iter().copied())
    {
        return Ok(hit);
    }
    let variants = render(bytes)?;
    let _ = cache.put(key, Kind::Variants, &variants);
    Ok(variants)
}

/// [`clean`] through `cache`, as [`render_cached`].
pub fn clean_cached(cache: Option<&DiskCache>, bytes: &[u8]) -> Result<Variant, PhotoError> {
    let Some(cache) = cache else {
        return clean(bytes);
    };
    let key = content_key(bytes);
    let p = probe(bytes)?;
    if let Some(mut hit) = cache.get(key, Kind::Clean)
        && let (Some(v), true) = (hit.pop(), hit.is_empty())
        && v.spec.format == p.format
        && (v.spec.width, v.spec.height) == (p.width, p.height)
    {
        return Ok(v);
    }
    let variant = clean(bytes)?;
    let _ = cache.put(key, Kind::Clean, std::slice::from_ref(&variant));
    Ok(variant)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(width: u32, height: u32, alpha: bool) -> Probe {
        Probe {
            format: Format::Jpeg,
            width,
            height,
            alpha,
        }
    }

    fn widths(specs: &[Spec]) -> Vec<(u32, u32, Format)> {
        specs
            .iter()
            .map(|s| (s.width, s.height, s.format))
            .collect()
    }

    #[test]
    fn plan_never_upscales() {
        use Format::*;
        assert_eq!(
            widths(&plan(&probe(4000, 3000, false))),
            [
                (480, 360, Webp),
                (960, 720, Webp),
                (1600, 1200, Webp),
                (1200, 900, Jpeg)
            ]
        );
        assert_eq!(
            widths(&plan(&probe(700, 350, false))),
            [(480, 240, Webp), (700, 350, Webp), (700, 350, Jpeg)]
        );
        assert_eq!(
            widths(&plan(&probe(300, 200, true))),
            [(300, 200, Webp), (300, 200, Png)]
        );
        assert_eq!(
            widths(&plan(&probe(960, 10, false))),
            [(480, 5, Webp), (960, 10, Webp), (960, 10, Jpeg)]
        );
        assert_eq!(
            widths(&plan(&probe(1600, 1, false))),
            [
                (480, 1, Webp),
                (960, 1, Webp),
                (1600, 1, Webp),
                (1200, 1, Jpeg)
            ]
        );
        assert_eq!(
            widths(&plan(&probe(1, 1, false))),
            [(1, 1, Webp), (1, 1, Jpeg)]
        );
    }

    #[test]
    fn content_key_depends_on_every_byte() {
        assert_ne!(content_key(b"abc"), content_key(b"abd"));
        assert_eq!(content_key(b"abc"), content_key(b"abc"));
    }

    #[test]
    fn format_names() {
        assert_eq!(Format::Jpeg.ext(), "jpg");
        assert_eq!(Format::Webp.mime(), "image/webp");
        for f in [Format::Jpeg, Format::Png, Format::Webp] {
            assert_eq!(Format::from_code(f.code()), Some(f));
        }
    }
}
