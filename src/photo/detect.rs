//! What a file is, from its first bytes (never from its name), and a photo's size from its
//! header, before any pixel is decoded: a decompression bomb is refused here.

use std::io::Cursor;

use image::{ImageDecoder, ImageFormat, ImageReader};

use super::{Format, MAX_PIXELS, PhotoError, Probe};

/// The format of `bytes`, or why they are not a photo twinsite publishes.
pub(super) fn format_of(bytes: &[u8]) -> Result<Format, PhotoError> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Ok(Format::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Ok(Format::Png);
    }
    if starts(b"RIFF") && bytes.get(8..12) == Some(&b"WEBP"[..]) {
        return Ok(Format::Webp);
    }
    if bytes.get(4..8) == Some(&b"ftyp"[..]) {
        let brand = bytes.get(8..12).unwrap_or_default();
        return Err(match brand {
            b"heic" | b"heix" | b"hevc" | b"hevx" | b"mif1" | b"msf1" | b"heim" | b"heis" => {
                PhotoError::Heic
            }
            b"avif" | b"avis" => PhotoError::Unsupported("AVIF"),
            _ => PhotoError::NotAnImage {
                looks_like: Some("a video or another media file"),
            },
        });
    }
    let unsupported = [
        (&b"GIF8"[..], "GIF"),
        (b"II*\0", "TIFF"),
        (b"MM\0*", "TIFF"),
        (b"BM", "BMP"),
        (b"\0\0\x01\0", "ICO"),
        (b"8BPS", "Photoshop (PSD)"),
    ];
    if let Some((_, kind)) = unsupported.iter().find(|(m, _)| starts(m)) {
        return Err(PhotoError::Unsupported(kind));
    }
    Err(PhotoError::NotAnImage {
        looks_like: looks_like(bytes),
    })
}

/// What bytes that are no image seem to be.
fn looks_like(bytes: &[u8]) -> Option<&'static str> {
    if bytes.is_empty() {
        return Some("nothing (it is empty)");
    }
    if bytes.starts_with(b"%PDF") {
        return Some("a PDF document");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Some("a ZIP archive or an office document");
    }
    let head = &bytes[..bytes.len().min(1024)];
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // A multi-byte character cut at the end of the sample is still text.
        Err(e) if e.valid_up_to() + 4 >= head.len() && e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return None,
    };
    if text.contains('\0') {
        return None;
    }
    let start = text.trim_start().to_ascii_lowercase();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        Some("a web page (HTML)")
    } else if start.starts_with("<svg") || start.starts_with("<?xml") {
        Some("XML or SVG text (an SVG must end in .svg)")
    } else {
        Some("text")
    }
}

/// The format, size as shown and transparency of the photo `bytes`, from its header.
pub fn probe(bytes: &[u8]) -> Result<Probe, PhotoError> {
    let format = format_of(bytes)?;
    if format == Format::Jpeg && !jpeg_complete(bytes) {
        return Err(PhotoError::Corrupt(
            "the end of the file is missing".to_owned(),
        ));
    }
    let mut decoder = decoder(bytes, format, None)?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(PhotoError::TooManyPixels {
            width: w,
            height: h,
        });
    }
    if w == 0 || h == 0 {
        return Err(PhotoError::Corrupt("it has no pixels".to_owned()));
    }
    let alpha = decoder.color_type().has_alpha();
    let turned = matches!(
        decoder.orientation().map_err(corrupt)?,
        image::metadata::Orientation::Rotate90
            | image::metadata::Orientation::Rotate270
            | image::metadata::Orientation::Rotate90FlipH
            | image::metadata::Orientation::Rotate270FlipH
    );
    let (width, height) = if turned { (h, w) } else { (w, h) };
    Ok(Probe {
        format,
        width,
        height,
        alpha,
    })
}

/// A decoder of `bytes` in `format`, having read the header; `max_alloc` bounds the memory
/// decoding may take (none when only the header is wanted).
pub(super) fn decoder(
    bytes: &[u8],
    format: Format,
    max_alloc: Option<u64>,
) -> Result<impl ImageDecoder + '_, PhotoError> {
    let mut reader = ImageReader::new(Cursor::new(bytes));
    reader.set_format(match format {
        Format::Jpeg => ImageFormat::Jpeg,
        Format::Png => ImageFormat::Png,
        Format::Webp => ImageFormat::WebP,
    });
    let mut limits = image::Limits::default();
    limits.max_alloc = max_alloc;
    reader.limits(limits);
    reader.into_decoder().map_err(corrupt)
}

/// A decoder's error in words that are safe to show: printable ASCII, short.
pub(super) fn corrupt(e: image::ImageError) -> PhotoError {
    if let image::ImageError::Limits(_) = e {
        return PhotoError::Corrupt("it needs more memory to open than a photo may".to_owned());
    }
    let text: String = e
        .to_string()
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '?'
            }
        })
        .take(120)
        .collect();
    PhotoError::Corrupt(text)
}

/// Whether a JPEG has its end marker after its last scan (the decoder would fill a cut-off
/// photo with grey instead of saying so). Inside scan data a 0xFF byte is always followed by
/// 0x00 or a restart marker, so the end marker cannot appear there by chance.
fn jpeg_complete(bytes: &[u8]) -> bool {
    let find_last = |marker: u8| bytes.windows(2).rposition(|w| w == [0xFF, marker]);
    match (find_last(0xDA), find_last(0xD9)) {
        (Some(scan), Some(end)) => end > scan,
        _ => false,
    }
}
