//! Photos as the web needs them: a volunteer's camera file in, small upright WebPs (and one
//! JPEG or PNG every browser shows) out, without the camera's metadata (place, owner, dates,
//! camera), with a cache on disk keyed by the file's bytes and the settings.
//!
//! Everything here works on bytes and returns errors as values; the caller reads the files
//! (through [`crate::fs_safe`]) and runs one photo per core, so at most one decoded photo per
//! core is in memory.

mod cache;
mod detect;
mod pixels;

pub use cache::{DiskCache, Kind};
pub use detect::probe;
pub use pixels::{clean, render};

use xxhash_rust::xxh3::Xxh3;

/// The image formats read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JPEG.
    Jpeg,
    /// PNG.
    Png,
    /// WebP.
    Webp,
}

impl Format {
    /// The file extension.
    pub fn ext(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Webp => "webp",
        }
    }

    /// The media type.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Webp => "image/webp",
        }
    }

    fn code(self) -> u8 {
        match self {
            Self::Jpeg => 1,
            Self::Png => 2,
            Self::Webp => 3,
        }
    }

    fn from_code(c: u8) -> Option<Self> {
        match c {
            1 => Some(Self::Jpeg),
            2 => Some(Self::Png),
            3 => Some(Self::Webp),
            _ => None,
        }
    }
}

/// What the header of a photo says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    /// Its format.
    pub format: Format,
    /// Width as shown, after the camera's orientation flag is applied.
    pub width: u32,
    /// Height as shown.
    pub height: u32,
    /// Whether it has an alpha channel (transparency).
    pub alpha: bool,
}

/// Why a file cannot be published as a photo. The messages continue "the image foto.jpg …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoError {
    /// The bytes are no image (`looks_like` says what they seem to be).
    NotAnImage {
        /// "text", "a web page (HTML)", "a PDF document", …
        looks_like: Option<&'static str>,
    },
    /// A HEIC/HEIF photo (iPhones save these), which browsers cannot show.
    Heic,
    /// An image format twinsite does not publish ("GIF", "TIFF", …).
    Unsupported(&'static str),
    /// More pixels than [`MAX_PIXELS`].
    TooManyPixels {
        /// Width.
        width: u32,
        /// Height.
        height: u32,
    },
    /// Cut off or damaged (the decoder's words, cleaned).
    Corrupt(String),
}

/// The most pixels a photo may have (a 12-megapixel phone photo has 12 million).
pub const MAX_PIXELS: u64 = 100_000_000;

impl PhotoError {
    /// What is wrong, as the end of a sentence about the file.
    pub fn message(&self) -> String {
        match self {
            Self::NotAnImage {
                looks_like: Some(what),
            } => {
                format!("is not an image: the file holds {what}")
            }
            Self::NotAnImage { looks_like: None } => {
                "is not a JPEG, PNG or WebP image (its contents are no image format twinsite knows)"
                    .to_owned()
            }
            Self::Heic => {
                "is a HEIC photo (the iPhone's own format), which web browsers cannot show"
                    .to_owned()
            }
            Self::Unsupported(kind) => {
                format!("is a {kind} image; twinsite publishes JPEG, PNG and WebP")
            }
            Self::TooManyPixels { width, height } => format!(
                "is {width} × {height} pixels ({} megapixels); twinsite takes at most {} megapixels",
                (u64::from(*width) * u64::from(*height)) / 1_000_000,
                MAX_PIXELS / 1_000_000
            ),
            Self::Corrupt(detail) => format!("is cut off or damaged ({detail})"),
        }
    }

    /// How to fix it.
    pub fn hint(&self) -> String {
        match self {
            Self::NotAnImage { .. } => "check that the file is the photo you meant (a file renamed to .jpg stays what it was); save the picture again as JPEG".to_owned(),
            Self::Heic => "on the iPhone choose Settings → Camera → Formats → Most Compatible for new photos; for this one, send it to yourself by e-mail or export it (Photos app: Share → Save to Files, or open it on a computer and save as JPEG), then use the JPEG".to_owned(),
            Self::Unsupported(_) => "open it in an image program and save it as JPEG (photos) or PNG (drawings, logos)".to_owned(),
            Self::TooManyPixels { .. } => "save a smaller copy (the web needs at most about 2000 pixels wide) and use that".to_owned(),
            Self::Corrupt(_) => "copy the photo from the camera or phone again; if it opens in an image program, save it there again as JPEG".to_owned(),
        }
    }
}

/// The widths of the WebP sizes (never wider than the photo).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// The width of the JPEG or PNG size every browser shows (and link previews use).
pub const FALLBACK_WIDTH: u32 = 1200;
/// WebP quality (0–100).
pub const WEBP_QUALITY: f32 = 78.0;
/// JPEG quality (0–100).
pub const JPEG_QUALITY: u8 = 82;
/// Bumped whenever the pixels made for the same input change.
const SETTINGS_VERSION: u32 = 1;

/// One size to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// Format.
    pub format: Format,
}

/// One size made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Its size and format.
    pub spec: Spec,
    /// The encoded file.
    pub bytes: Vec<u8>,
}

/// The sizes made of a photo, from its header alone: WebPs at each of [`WIDTHS`] below its
/// width plus its own width when that is below the largest, then one JPEG (PNG with
/// transparency) at most [`FALLBACK_WIDTH`] wide. Nothing is made larger than the photo.
pub fn plan(p: &Probe) -> Vec<Spec> {
    let max = WIDTHS[WIDTHS.len() - 1];
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < p.width).collect();
    if p.width <= max || widths.len() < WIDTHS.len() {
        widths.push(p.width.min(max));
    }
    widths.dedup();
    let mut specs: Vec<Spec> = widths
        .into_iter()
        .map(|w| spec(p, w, Format::Webp))
        .collect();
    let fallback = if p.alpha { Format::Png } else { Format::Jpeg };
    specs.push(spec(p, p.width.min(FALLBACK_WIDTH), fallback));
    specs
}

fn spec(p: &Probe, width: u32, format: Format) -> Spec {
    let height = (u64::from(p.height) * u64::from(width) + u64::from(p.width) / 2)
        / u64::from(p.width.max(1));
    Spec {
        width,
        height: u32::try_from(height).unwrap_or(u32::MAX).max(1),
        format,
    }
}

/// The cache key of a photo: its bytes and every setting that shapes the sizes.
pub fn content_key(bytes: &[u8]) -> u128 {
    let mut h = Xxh3::new();
    h.update(&SETTINGS_VERSION.to_le_bytes());
    for w in WIDTHS {
        h.update(&w.to_le_bytes());
    }
    h.update(&FALLBACK_WIDTH.to_le_bytes());
    h.update(&WEBP_QUALITY.to_le_bytes());
    h.update(&[JPEG_QUALITY]);
    h.update(bytes);
    h.digest128()
}

/// [`render`], taken from `cache` when it has it (and put there when not).
pub fn render_cached(cache: Option<&DiskCache>, bytes: &[u8]) -> Result<Vec<Variant>, PhotoError> {
    let key = content_key(bytes);
    if let Some(v) = cache.and_then(|c| c.get(key, Kind::Variants)) {
        return Ok(v);
    }
    let made = render(bytes)?;
    if let Some(c) = cache {
        let _ = c.put(key, Kind::Variants, &made);
    }
    Ok(made)
}

/// [`clean`], taken from `cache` when it has it (and put there when not).
pub fn clean_cached(cache: Option<&DiskCache>, bytes: &[u8]) -> Result<Variant, PhotoError> {
    let key = content_key(bytes);
    if let Some(v) = cache
        .and_then(|c| c.get(key, Kind::Clean))
        .and_then(|mut v| v.pop())
    {
        return Ok(v);
    }
    let made = clean(bytes)?;
    if let Some(c) = cache {
        let _ = c.put(key, Kind::Clean, std::slice::from_ref(&made));
    }
    Ok(made)
}

#[cfg(test)]
mod tests;
