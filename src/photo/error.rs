//! Why a photo cannot be used, in plain words for the volunteer who put it on the site.

use std::fmt;

/// Why a file cannot become web images.
///
/// [`PhotoError::message`] is phrased to follow "the image foto.jpg …", so it starts with a verb;
/// [`PhotoError::hint`] says what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoError {
    /// The bytes are no image at all; `looks_like` says what they seem to be instead, when that
    /// can be told.
    NotAnImage {
        /// What the file seems to hold, when that can be told.
        looks_like: Option<Contents>,
    },
    /// A HEIC/HEIF photo (the iPhone's format), which browsers cannot show.
    Heic,
    /// An image in a format twinsite does not process (GIF, TIFF, AVIF …).
    Unsupported(OtherFormat),
    /// More pixels than twinsite decodes (see [`super::MAX_PIXELS`]); told from the header alone.
    TooManyPixels {
        /// Width in pixels, as the header says.
        width: u32,
        /// Height in pixels, as the header says.
        height: u32,
    },
    /// The file is cut off or damaged; the text says where (no byte of the file in it).
    Corrupt(String),
}

/// What a file that is no image seems to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents {
    /// Nothing: the file is empty.
    Empty,
    /// A PDF document.
    Pdf,
    /// A ZIP archive (an Office document is one too).
    Zip,
    /// A gzip archive.
    Gzip,
    /// A video.
    Video,
    /// Sound.
    Sound,
    /// An SVG drawing.
    Svg,
    /// HTML, a web page.
    Html,
    /// Other text.
    Text,
}

impl Contents {
    /// The contents in words, following "the file holds …".
    fn words(self) -> String {
        let what = match self {
            Contents::Empty => "empty",
            Contents::Pdf => "pdf",
            Contents::Zip => "zip",
            Contents::Gzip => "gzip",
            Contents::Video => "video",
            Contents::Sound => "sound",
            Contents::Svg => "svg",
            Contents::Html => "html",
            Contents::Text => "text",
        };
        msg!("photos-contents", what = what)
    }
}

/// An image format twinsite recognises but does not process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherFormat {
    /// GIF.
    Gif,
    /// TIFF, which many cameras' raw files are too.
    Tiff,
    /// BMP.
    Bmp,
    /// JPEG XL.
    JpegXl,
    /// JPEG 2000.
    Jpeg2000,
    /// A Photoshop file.
    Photoshop,
    /// ICO, an icon.
    Ico,
    /// QOI.
    Qoi,
    /// AVIF.
    Avif,
    /// Canon camera raw (CR3).
    CameraRaw,
    /// An animated WebP.
    AnimatedWebp,
}

impl OtherFormat {
    /// The format in words with its article, following "is …": "an AVIF image".
    fn words(self) -> String {
        let format = match self {
            OtherFormat::Gif => "gif",
            OtherFormat::Tiff => "tiff",
            OtherFormat::Bmp => "bmp",
            OtherFormat::JpegXl => "jpeg-xl",
            OtherFormat::Jpeg2000 => "jpeg-2000",
            OtherFormat::Photoshop => "photoshop",
            OtherFormat::Ico => "ico",
            OtherFormat::Qoi => "qoi",
            OtherFormat::Avif => "avif",
            OtherFormat::CameraRaw => "camera-raw",
            OtherFormat::AnimatedWebp => "animated-webp",
        };
        msg!("photos-format", format = format)
    }
}

/// Longest decoder text carried in [`PhotoError::Corrupt`].
const MAX_DETAIL: usize = 120;

/// `text` reduced to printable ASCII (anything else becomes `?`, runs of spaces become one) and
/// cut to about [`MAX_DETAIL`] characters, so no byte of a file ever reaches a message.
pub(crate) fn sanitize(text: &str) -> String {
    let mut out = String::new();
    let mut last_space = true;
    for c in text.chars() {
        let c = match c {
            ' '..='~' => c,
            '\t' | '\n' | '\r' => ' ',
            _ => '?',
        };
        if c == ' ' {
            if last_space {
                continue;
            }
            last_space = true;
        } else {
            last_space = false;
        }
        if out.len() >= MAX_DETAIL {
            out.push_str("...");
            break;
        }
        out.push(c);
    }
    out.trim_end().to_string()
}

impl PhotoError {
    /// A [`PhotoError::Corrupt`] with a decoder's `detail`, sanitized.
    pub(crate) fn corrupt(detail: impl fmt::Display) -> PhotoError {
        PhotoError::Corrupt(sanitize(&detail.to_string()))
    }

    /// A [`PhotoError::Corrupt`] in twinsite's own words (already in the language of the
    /// messages).
    pub(crate) fn damaged(text: String) -> PhotoError {
        PhotoError::Corrupt(text)
    }

    /// What is wrong, following "the image foto.jpg …": "is not an image: the file holds text".
    pub fn message(&self) -> String {
        match self {
            PhotoError::NotAnImage { looks_like: None } => msg!("photos-not-an-image"),
            PhotoError::NotAnImage {
                looks_like: Some(what),
            } => msg!("photos-not-an-image-holds", contents = what.words()),
            PhotoError::Heic => msg!("photos-heic"),
            PhotoError::Unsupported(format) => {
                msg!("photos-unsupported", format = format.words())
            }
            PhotoError::TooManyPixels { width, height } => {
                let pixels = u64::from(*width) * u64::from(*height);
                msg!(
                    "photos-too-many-pixels",
                    width = width.to_string(),
                    height = height.to_string(),
                    size = megapixels(pixels),
                    max = super::MAX_PIXELS / 1_000_000
                )
            }
            PhotoError::Corrupt(detail) if detail.is_empty() => msg!("photos-damaged"),
            PhotoError::Corrupt(detail) => msg!("photos-damaged-detail", detail = detail),
        }
    }

    /// What the volunteer can do about it, in plain words.
    pub fn hint(&self) -> String {
        match self {
            PhotoError::NotAnImage { .. } => msg!("photos-not-an-image-hint"),
            PhotoError::Heic => msg!("photos-heic-hint"),
            PhotoError::Unsupported(_) => msg!("photos-unsupported-hint"),
            PhotoError::TooManyPixels { .. } => msg!("photos-too-many-pixels-hint"),
            PhotoError::Corrupt(_) => msg!("photos-damaged-hint"),
        }
    }
}

/// "400 megapixels", "0.3 megapixels".
fn megapixels(pixels: u64) -> String {
    if pixels >= 10_000_000 {
        msg!("photos-megapixels", n = (pixels + 500_000) / 1_000_000)
    } else {
        let tenths = (pixels + 50_000) / 100_000;
        msg!(
            "photos-megapixels-fraction",
            whole = (tenths / 10).to_string(),
            tenth = (tenths % 10).to_string()
        )
    }
}

impl fmt::Display for PhotoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for PhotoError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_keeps_printable_ascii_and_cuts() {
        assert_eq!(
            sanitize("bad\u{0}\u{7f}é marker\n\nhere"),
            "bad??? marker here"
        );
        let long = "x".repeat(500);
        assert!(sanitize(&long).len() <= MAX_DETAIL + 3);
    }

    #[test]
    fn messages_start_with_a_verb() {
        let all = [
            PhotoError::NotAnImage {
                looks_like: Some(Contents::Text),
            },
            PhotoError::NotAnImage { looks_like: None },
            PhotoError::Heic,
            PhotoError::Unsupported(OtherFormat::Gif),
            PhotoError::TooManyPixels {
                width: 20_000,
                height: 20_000,
            },
            PhotoError::Corrupt("x".into()),
        ];
        for e in &all {
            assert!(e.message().starts_with("is "), "{}", e.message());
            assert!(!e.hint().is_empty());
        }
        assert_eq!(
            all[4].message(),
            "is 20000 × 20000 pixels (400 megapixels); twinsite takes at most 100 megapixels"
        );
        assert_eq!(
            PhotoError::Unsupported(OtherFormat::Avif).message(),
            "is an AVIF image; twinsite takes photos as JPEG, PNG or WebP"
        );
    }
}
