//! What a file is, told from its bytes alone (magic numbers and headers, never the file name):
//! the format and stored size of JPEG, PNG and WebP files, and a plain-words name for anything else.

use super::error::{Contents, OtherFormat};
use super::{Format, PhotoError};

/// The header facts of a JPEG, PNG or WebP file, before any orientation is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub(crate) format: Format,
    /// Stored width in pixels.
    pub(crate) width: u32,
    /// Stored height in pixels.
    pub(crate) height: u32,
    /// A WebP made only of lossless (VP8L) data.
    pub(crate) lossless: bool,
}

/// ISO-BMFF brands of HEIC/HEIF files.
const HEIC_BRANDS: [&[u8; 4]; 8] = [
    b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis",
];

/// The format and stored size of `bytes`, or why they are no usable image.
pub(crate) fn sniff(bytes: &[u8]) -> Result<Header, PhotoError> {
    if bytes.is_empty() {
        return Err(PhotoError::NotAnImage {
            looks_like: Some(Contents::Empty),
        });
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return jpeg(bytes);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return png(bytes);
    }
    if bytes.starts_with(b"RIFF") && has(bytes, 8, b"WEBP") {
        return webp(bytes);
    }
    Err(other(bytes))
}

/// The error for bytes that are neither JPEG, PNG nor WebP.
fn other(bytes: &[u8]) -> PhotoError {
    let unsupported = PhotoError::Unsupported;
    let not = |what| PhotoError::NotAnImage {
        looks_like: Some(what),
    };
    if has(bytes, 4, b"ftyp") {
        return iso_bmff(bytes);
    }
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"GIF87a") || starts(b"GIF89a") {
        unsupported(OtherFormat::Gif)
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        unsupported(OtherFormat::Tiff)
    } else if starts(b"BM") && bytes.len() >= 26 {
        unsupported(OtherFormat::Bmp)
    } else if starts(&[0xFF, 0x0A]) || starts(b"\0\0\0\x0cJXL \r\n\x87\n") {
        unsupported(OtherFormat::JpegXl)
    } else if starts(b"\0\0\0\x0cjP  \r\n\x87\n") || starts(&[0xFF, 0x4F, 0xFF, 0x51]) {
        unsupported(OtherFormat::Jpeg2000)
    } else if starts(b"8BPS") {
        unsupported(OtherFormat::Photoshop)
    } else if starts(b"\0\0\x01\0") && bytes.len() >= 22 {
        unsupported(OtherFormat::Ico)
    } else if starts(b"qoif") {
        unsupported(OtherFormat::Qoi)
    } else if starts(b"%PDF") {
        not(Contents::Pdf)
    } else if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        not(Contents::Zip)
    } else if starts(&[0x1F, 0x8B]) {
        not(Contents::Gzip)
    } else if starts(b"\x1aE\xdf\xa3") || (starts(b"RIFF") && has(bytes, 8, b"AVI")) {
        not(Contents::Video)
    } else if starts(b"ID3") || starts(b"OggS") || starts(b"fLaC") {
        not(Contents::Sound)
    } else {
        text_kind(bytes).map_or(PhotoError::NotAnImage { looks_like: None }, not)
    }
}

/// Text, HTML or an SVG drawing, when the start of `bytes` reads as text.
fn text_kind(bytes: &[u8]) -> Option<Contents> {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or(bytes);
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // a multi-byte character cut off by the 1 KiB window is still text
        Err(e) if e.error_len().is_none() && e.valid_up_to() + 4 > head.len() => {
            std::str::from_utf8(head.get(..e.valid_up_to())?).ok()?
        }
        Err(_) => return None,
    };
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return None;
    }
    let lower = text.trim_start().to_ascii_lowercase();
    if lower.contains("<svg") {
        Some(Contents::Svg)
    } else if lower.starts_with("<!doctype html") || lower.contains("<html") {
        Some(Contents::Html)
    } else {
        Some(Contents::Text)
    }
}

/// HEIC/HEIF, AVIF or a video, from an ISO-BMFF `ftyp` box.
fn iso_bmff(bytes: &[u8]) -> PhotoError {
    let size = be32(bytes, 0).unwrap_or(0) as usize;
    let end = size.clamp(16, 256).min(bytes.len());
    let mut brands: Vec<&[u8]> = Vec::new();
    if let Some(major) = bytes.get(8..12) {
        brands.push(major);
    }
    let mut at = 16;
    while let Some(brand) = bytes.get(at..at + 4).filter(|_| at + 4 <= end) {
        brands.push(brand);
        at += 4;
    }
    // the major brand decides; compatible brands only when the major one is unknown
    for brand in &brands {
        if HEIC_BRANDS.iter().any(|b| b.as_slice() == *brand) {
            return PhotoError::Heic;
        }
        if *brand == b"avif" || *brand == b"avis" {
            return PhotoError::Unsupported(OtherFormat::Avif);
        }
        if *brand == b"crx " {
            return PhotoError::Unsupported(OtherFormat::CameraRaw);
        }
        let video: [&[u8]; 8] = [
            b"isom", b"iso2", b"mp41", b"mp42", b"qt  ", b"M4V ", b"3gp4", b"avc1",
        ];
        if video.contains(brand) {
            return PhotoError::NotAnImage {
                looks_like: Some(Contents::Video),
            };
        }
    }
    PhotoError::NotAnImage { looks_like: None }
}

/// Whether `bytes` hold `magic` at `at`.
fn has(bytes: &[u8], at: usize, magic: &[u8]) -> bool {
    bytes.get(at..).is_some_and(|rest| rest.starts_with(magic))
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([*s.first()?, *s.get(1)?]))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    let s: [u8; 4] = b.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_be_bytes(s))
}

fn le32(b: &[u8], at: usize) -> Option<u32> {
    let s: [u8; 4] = b.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_le_bytes(s))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(3)?)?;
    Some(u32::from_le_bytes([*s.first()?, *s.get(1)?, *s.get(2)?, 0]))
}

/// A part of an image file that can end early.
#[derive(Debug, Clone, Copy)]
enum Part {
    JpegHeader,
    JpegData,
    PngHeader,
    WebpHeader,
}

fn cut(part: Part) -> PhotoError {
    let part = match part {
        Part::JpegHeader => "jpeg-header",
        Part::JpegData => "jpeg-data",
        Part::PngHeader => "png-header",
        Part::WebpHeader => "webp-header",
    };
    PhotoError::damaged(msg!("photos-ends-early", part = part))
}

/// Walks the JPEG markers up to the first scan: the frame header gives the size. Also checks that
/// an end-of-image marker follows the scan, so a file cut off in the middle is told apart.
fn jpeg(bytes: &[u8]) -> Result<Header, PhotoError> {
    let mut at = 2usize;
    let mut size = None;
    loop {
        // a marker: one or more 0xFF, then the code
        if bytes.get(at) != Some(&0xFF) {
            return Err(match bytes.get(at) {
                None => cut(Part::JpegHeader),
                Some(_) => PhotoError::damaged(msg!("photos-jpeg-no-marker")),
            });
        }
        while bytes.get(at) == Some(&0xFF) {
            at += 1;
        }
        let code = *bytes.get(at).ok_or_else(|| cut(Part::JpegHeader))?;
        at += 1;
        if code == 0x01 || (0xD0..=0xD8).contains(&code) {
            continue; // markers without a length
        }
        if code == 0xD9 {
            return Err(PhotoError::damaged(msg!("photos-jpeg-no-picture")));
        }
        let len = usize::from(be16(bytes, at).ok_or_else(|| cut(Part::JpegHeader))?);
        if len < 2 {
            return Err(PhotoError::damaged(msg!("photos-jpeg-bad-length")));
        }
        let is_frame = matches!(code, 0xC0..=0xCF) && !matches!(code, 0xC4 | 0xC8 | 0xCC);
        if is_frame && size.is_none() {
            let height = be16(bytes, at + 3).ok_or_else(|| cut(Part::JpegHeader))?;
            let width = be16(bytes, at + 5).ok_or_else(|| cut(Part::JpegHeader))?;
            if width == 0 || height == 0 {
                return Err(PhotoError::damaged(msg!("photos-jpeg-no-size")));
            }
            size = Some((u32::from(width), u32::from(height)));
        }
        if code == 0xDA {
            let (width, height) =
                size.ok_or_else(|| PhotoError::damaged(msg!("photos-jpeg-no-frame")))?;
            let scan = bytes.get(at + len..).ok_or_else(|| cut(Part::JpegData))?;
            // the last end-of-image marker must come after the first scan
            if !scan.windows(2).rev().any(|w| w == [0xFF, 0xD9]) {
                return Err(cut(Part::JpegData));
            }
            return Ok(Header {
                format: Format::Jpeg,
                width,
                height,
                lossless: false,
            });
        }
        at += len;
        if at > bytes.len() {
            return Err(cut(Part::JpegHeader));
        }
    }
}

/// The PNG `IHDR` chunk gives the size.
fn png(bytes: &[u8]) -> Result<Header, PhotoError> {
    if !has(bytes, 12, b"IHDR") {
        return Err(match bytes.len() < 16 {
            true => cut(Part::PngHeader),
            false => PhotoError::damaged(msg!("photos-png-no-header-chunk")),
        });
    }
    let width = be32(bytes, 16).ok_or_else(|| cut(Part::PngHeader))?;
    let height = be32(bytes, 20).ok_or_else(|| cut(Part::PngHeader))?;
    if bytes.len() < 33 {
        return Err(cut(Part::PngHeader));
    }
    if width == 0 || height == 0 || width > i32::MAX as u32 || height > i32::MAX as u32 {
        return Err(PhotoError::damaged(msg!("photos-png-impossible-size")));
    }
    Ok(Header {
        format: Format::Png,
        width,
        height,
        lossless: true,
    })
}

/// The first chunk of a WebP (`VP8 `, `VP8L` or `VP8X`) gives the size.
fn webp(bytes: &[u8]) -> Result<Header, PhotoError> {
    let chunk = bytes.get(12..16).ok_or_else(|| cut(Part::WebpHeader))?;
    let header = |width: u32, height: u32, lossless: bool| {
        if width == 0 || height == 0 {
            return Err(PhotoError::damaged(msg!("photos-webp-no-size")));
        }
        Ok(Header {
            format: Format::Webp,
            width,
            height,
            lossless,
        })
    };
    match chunk {
        b"VP8 " => {
            if !has(bytes, 23, &[0x9D, 0x01, 0x2A]) {
                return Err(match bytes.len() < 26 {
                    true => cut(Part::WebpHeader),
                    false => PhotoError::damaged(msg!("photos-webp-no-start-code")),
                });
            }
            let w = le32(bytes, 26).ok_or_else(|| cut(Part::WebpHeader))?;
            header(w & 0x3FFF, (w >> 16) & 0x3FFF, false)
        }
        b"VP8L" => {
            if bytes.get(20) != Some(&0x2F) {
                return Err(cut(Part::WebpHeader));
            }
            let v = le32(bytes, 21).ok_or_else(|| cut(Part::WebpHeader))?;
            header((v & 0x3FFF) + 1, ((v >> 14) & 0x3FFF) + 1, true)
        }
        b"VP8X" => {
            let flags = *bytes.get(20).ok_or_else(|| cut(Part::WebpHeader))?;
            if flags & 0x02 != 0 {
                return Err(PhotoError::Unsupported(OtherFormat::AnimatedWebp));
            }
            let w = le24(bytes, 24).ok_or_else(|| cut(Part::WebpHeader))? + 1;
            let h = le24(bytes, 27).ok_or_else(|| cut(Part::WebpHeader))? + 1;
            header(w, h, webp_is_lossless(bytes))
        }
        _ => Err(PhotoError::damaged(msg!("photos-webp-unknown-chunk"))),
    }
}

/// Whether an extended WebP holds its picture as lossless `VP8L` data.
fn webp_is_lossless(bytes: &[u8]) -> bool {
    let mut at = 12usize;
    while let (Some(fourcc), Some(len)) = (bytes.get(at..at + 4), le32(bytes, at + 4)) {
        match fourcc {
            b"VP8L" => return true,
            b"VP8 " => return false,
            _ => {}
        }
        let len = len as usize;
        at = match at.checked_add(8 + len + (len & 1)) {
            Some(next) => next,
            None => return false,
        };
    }
    false
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn tells_formats_from_magic_numbers() {
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
        assert_eq!(sniff(heic), Err(PhotoError::Heic));
        let heif = b"\0\0\0\x18ftypmif1\0\0\0\0mif1miaf";
        assert_eq!(sniff(heif), Err(PhotoError::Heic));
        let avif = b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf";
        assert_eq!(sniff(avif), Err(PhotoError::Unsupported(OtherFormat::Avif)));
        assert_eq!(
            sniff(b"GIF89a\x01\0\x01\0"),
            Err(PhotoError::Unsupported(OtherFormat::Gif))
        );
        assert_eq!(
            sniff(b"hello, world\n"),
            Err(PhotoError::NotAnImage {
                looks_like: Some(Contents::Text)
            })
        );
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><body>x</body></html>"),
            Err(PhotoError::NotAnImage {
                looks_like: Some(Contents::Html)
            })
        );
        assert_eq!(
            sniff(b"%PDF-1.7\n"),
            Err(PhotoError::NotAnImage {
                looks_like: Some(Contents::Pdf)
            })
        );
        assert_eq!(
            sniff(&[0u8, 1, 2, 3, 200, 201, 5, 6]),
            Err(PhotoError::NotAnImage { looks_like: None })
        );
    }

    #[test]
    fn cut_headers_are_corrupt_never_a_panic() {
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F'];
        for n in 0..jpeg.len() {
            let _ = sniff(&jpeg[..n]);
        }
        assert!(matches!(sniff(&jpeg), Err(PhotoError::Corrupt(_))));
        assert!(matches!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(PhotoError::Corrupt(_))
        ));
        assert!(matches!(
            sniff(b"RIFF\0\0\0\0WEBPVP8 "),
            Err(PhotoError::Corrupt(_))
        ));
    }
}
