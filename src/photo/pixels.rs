//! Decoding a photo once, turning it upright, and encoding its sizes. Encoders are given
//! pixels only, so no metadata (EXIF with GPS and owner, XMP, ICC, text chunks) can survive.

use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::{DynamicImage, ExtendedColorType, ImageDecoder, ImageEncoder};

use super::detect::{corrupt, decoder, format_of, probe};
use super::{Format, JPEG_QUALITY, PhotoError, Spec, Variant, WEBP_QUALITY, plan};

/// Most memory one decode may take: a 100-megapixel photo with transparency.
const MAX_ALLOC: u64 = 600 * 1024 * 1024;

/// The photo `bytes` decoded and turned as the camera meant it, as 8-bit RGB or RGBA.
fn upright(bytes: &[u8]) -> Result<(DynamicImage, Format), PhotoError> {
    probe(bytes)?; // refuses bombs and foreign formats before anything is decoded
    let format = format_of(bytes)?;
    let mut decoder = decoder(bytes, format, Some(MAX_ALLOC))?;
    let orientation = decoder.orientation().map_err(corrupt)?;
    let mut img = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    img.apply_orientation(orientation);
    let img = if img.color().has_alpha() {
        DynamicImage::ImageRgba8(img.into_rgba8())
    } else {
        DynamicImage::ImageRgb8(img.into_rgb8())
    };
    Ok((img, format))
}

/// Every size of [`plan`] for the photo `bytes`, in that order.
pub fn render(bytes: &[u8]) -> Result<Vec<Variant>, PhotoError> {
    let specs = plan(&probe(bytes)?);
    let (img, _) = upright(bytes)?;
    // The largest size is made from the photo, the smaller ones from it (much less work, and
    // the photo can be dropped early).
    let largest = specs.iter().map(|s| s.width).max().unwrap_or(1);
    let base = resized(&img, largest, height_for(&img, largest))?;
    drop(img);
    specs
        .iter()
        .map(|spec| {
            let pixels = if spec.width == base.width() {
                base.clone()
            } else {
                resized(&base, spec.width, spec.height)?
            };
            Ok(Variant {
                spec: *spec,
                bytes: encode(&pixels, spec.format, false)?,
            })
        })
        .collect()
}

/// The photo `bytes` at full size and in its own format, upright, without metadata.
pub fn clean(bytes: &[u8]) -> Result<Variant, PhotoError> {
    let lossless_webp = bytes.get(12..16) == Some(&b"VP8L"[..]);
    let (img, format) = upright(bytes)?;
    let spec = Spec {
        width: img.width(),
        height: img.height(),
        format,
    };
    Ok(Variant {
        spec,
        bytes: encode(&img, format, lossless_webp)?,
    })
}

fn height_for(img: &DynamicImage, width: u32) -> u32 {
    let h = (u64::from(img.height()) * u64::from(width) + u64::from(img.width()) / 2)
        / u64::from(img.width().max(1));
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

fn resized(img: &DynamicImage, width: u32, height: u32) -> Result<DynamicImage, PhotoError> {
    if img.width() == width && img.height() == height {
        return Ok(img.clone());
    }
    let mut out = DynamicImage::new(width, height, img.color());
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(img, &mut out, &options)
        .map_err(|e| PhotoError::Corrupt(format!("resizing failed: {e}")))?;
    Ok(out)
}

fn encode(img: &DynamicImage, format: Format, lossless: bool) -> Result<Vec<u8>, PhotoError> {
    let (w, h) = (img.width(), img.height());
    let failed = |e: String| PhotoError::Corrupt(format!("encoding failed: {e}"));
    let mut out = Vec::new();
    match (format, img) {
        (Format::Webp, DynamicImage::ImageRgba8(buf)) => {
            let enc = webp::Encoder::from_rgba(buf.as_raw(), w, h);
            out.extend_from_slice(&webp_bytes(&enc, lossless)?);
        }
        (Format::Webp, _) => {
            let rgb = img.to_rgb8();
            let enc = webp::Encoder::from_rgb(rgb.as_raw(), w, h);
            out.extend_from_slice(&webp_bytes(&enc, lossless)?);
        }
        (Format::Jpeg, _) => {
            let rgb = img.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .write_image(rgb.as_raw(), w, h, ExtendedColorType::Rgb8)
                .map_err(|e| failed(e.to_string()))?;
        }
        (Format::Png, DynamicImage::ImageRgba8(buf)) => {
            image::codecs::png::PngEncoder::new(&mut out)
                .write_image(buf.as_raw(), w, h, ExtendedColorType::Rgba8)
                .map_err(|e| failed(e.to_string()))?;
        }
        (Format::Png, _) => {
            let rgb = img.to_rgb8();
            image::codecs::png::PngEncoder::new(&mut out)
                .write_image(rgb.as_raw(), w, h, ExtendedColorType::Rgb8)
                .map_err(|e| failed(e.to_string()))?;
        }
    }
    Ok(out)
}

fn webp_bytes(enc: &webp::Encoder<'_>, lossless: bool) -> Result<Vec<u8>, PhotoError> {
    // `encode_simple` reports a failure (`encode` would panic).
    enc.encode_simple(lossless, WEBP_QUALITY)
        .map(|mem| mem.to_vec())
        .map_err(|e| PhotoError::Corrupt(format!("WebP encoding failed: {e:?}")))
}
