//! Why a photo cannot be used, in plain words for the volunteer who put it on the site.

use std::fmt;

/// Why a file cannot become web images.
///
/// [`PhotoError::message`] is phrased to follow "the image foto.jpg …", so it starts with a verb;
/// [`PhotoError::hint`] says what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhotoError {
    /// The bytes are no image at all; `looks_like` names what they seem to be instead ("text",
    /// "HTML (a web page)", "a PDF", "a ZIP archive", "a video", "nothing (the file is empty)").
    NotAnImage {
        /// What the file seems to hold, when that can be told.
        looks_like: Option<&'static str>,
    },
    /// A HEIC/HEIF photo (the iPhone's format), which browsers cannot show.
    Heic,
    /// An image in a format twinsite does not process, by name ("GIF", "TIFF", "AVIF" …).
    Unsupported(&'static str),
    /// More pixels than twinsite decodes (see [`super::MAX_PIXELS`]); told from the header alone.
    TooManyPixels {
        /// Width in pixels, as the header says.
        width: u32,
        /// Height in pixels, as the header says.
        height: u32,
    },
    /// The file is cut off or damaged; the text says where (printable ASCII only).
    Corrupt(String),
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
    /// A [`PhotoError::Corrupt`] with `detail` sanitized.
    pub(crate) fn corrupt(detail: impl fmt::Display) -> PhotoError {
        PhotoError::Corrupt(sanitize(&detail.to_string()))
    }

    /// What is wrong, following "the image foto.jpg …": "is not an image: the file holds text".
    pub fn message(&self) -> String {
        match self {
            PhotoError::NotAnImage { looks_like: None } => {
                "is not an image twinsite recognises (not a JPEG, PNG or WebP file)".to_string()
            }
            PhotoError::NotAnImage {
                looks_like: Some(what),
            } => format!("is not an image: the file holds {what}"),
            PhotoError::Heic => {
                "is a HEIC photo (the iPhone's format), which browsers cannot show".to_string()
            }
            PhotoError::Unsupported(name) => format!(
                "is {} {name} image; twinsite takes photos as JPEG, PNG or WebP",
                article(name)
            ),
            PhotoError::TooManyPixels { width, height } => {
                let pixels = u64::from(*width) * u64::from(*height);
                format!(
                    "is {width} × {height} pixels ({}); twinsite takes at most {} megapixels",
                    megapixels(pixels),
                    super::MAX_PIXELS / 1_000_000
                )
            }
            PhotoError::Corrupt(detail) => {
                let detail = sanitize(detail);
                if detail.is_empty() {
                    "is cut off or damaged".to_string()
                } else {
                    format!("is cut off or damaged: {detail}")
                }
            }
        }
    }

    /// What the volunteer can do about it, in plain words.
    pub fn hint(&self) -> String {
        match self {
            PhotoError::NotAnImage { .. } => {
                "use a photo saved as JPEG (.jpg), PNG (.png) or WebP (.webp); check that the \
                 file name points to the picture and not to another file"
                    .to_string()
            }
            PhotoError::Heic => {
                "on the iPhone, set Settings → Camera → Formats → Most Compatible, or export it \
                 as JPEG (Photos app: Share → Options → Most Compatible, or save it to Files); \
                 on a computer, open it and save it as JPEG"
                    .to_string()
            }
            PhotoError::Unsupported(_) => {
                "open it in an image program and save it as JPEG (for photos) or PNG (for logos \
                 and drawings)"
                    .to_string()
            }
            PhotoError::TooManyPixels { .. } => {
                "make it smaller in an image program (for example to 4000 pixels on the long \
                 side) and save it again; that is plenty for the web"
                    .to_string()
            }
            PhotoError::Corrupt(_) => {
                "the file may not have been copied completely: copy it again from the camera, \
                 phone or e-mail, or open it in an image program and save it again"
                    .to_string()
            }
        }
    }
}

/// "a" or "an" before a format name as it is spoken ("a GIF", "an AVIF", "an animated WebP").
fn article(name: &str) -> &'static str {
    match name.chars().next() {
        Some('A' | 'E' | 'I' | 'O' | 'U' | 'a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// "400 megapixels", "0.3 megapixels".
fn megapixels(pixels: u64) -> String {
    if pixels >= 10_000_000 {
        format!("{} megapixels", (pixels + 500_000) / 1_000_000)
    } else {
        let tenths = (pixels + 50_000) / 100_000;
        format!("{}.{} megapixels", tenths / 10, tenths % 10)
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
                looks_like: Some("text"),
            },
            PhotoError::NotAnImage { looks_like: None },
            PhotoError::Heic,
            PhotoError::Unsupported("GIF"),
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
            PhotoError::Unsupported("AVIF").message(),
            "is an AVIF image; twinsite takes photos as JPEG, PNG or WebP"
        );
    }
}
