//! The pixel work: decode once, turn upright, scale down, encode without metadata.

use fast_image_resize as fir;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::metadata::Orientation;
use image::{DynamicImage, ExtendedColorType, ImageEncoder, ImageError, RgbImage, RgbaImage};

use super::{
    CLEAN_QUALITY, Format, JPEG_QUALITY, PhotoError, Probed, Spec, Variant, WEBP_QUALITY, decoder,
    plan, probe_full, swaps_sides,
};

/// 8-bit pixels, RGB or RGBA, row after row.
struct Pixels {
    data: Vec<u8>,
    width: u32,
    height: u32,
    alpha: bool,
}

impl Pixels {
    fn from_image(img: DynamicImage, alpha: bool) -> Pixels {
        let (width, height) = (img.width(), img.height());
        let data = match alpha {
            true => img.into_rgba8().into_raw(),
            false => img.into_rgb8().into_raw(),
        };
        Pixels {
            data,
            width,
            height,
            alpha,
        }
    }

    fn into_image(self) -> Result<DynamicImage, PhotoError> {
        let bad = || PhotoError::damaged(msg!("photos-pixel-buffer"));
        Ok(match self.alpha {
            true => DynamicImage::ImageRgba8(
                RgbaImage::from_raw(self.width, self.height, self.data).ok_or_else(bad)?,
            ),
            false => DynamicImage::ImageRgb8(
                RgbImage::from_raw(self.width, self.height, self.data).ok_or_else(bad)?,
            ),
        })
    }

    /// Applies `o` (EXIF orientation).
    fn oriented(self, o: Orientation) -> Result<Pixels, PhotoError> {
        if o == Orientation::NoTransforms {
            return Ok(self);
        }
        let alpha = self.alpha;
        let mut img = self.into_image()?;
        img.apply_orientation(o);
        Ok(Pixels::from_image(img, alpha))
    }

    fn pixel_type(&self) -> fir::PixelType {
        match self.alpha {
            true => fir::PixelType::U8x4,
            false => fir::PixelType::U8x3,
        }
    }

    /// A copy scaled to exactly `width` × `height` (Lanczos3; alpha-aware).
    fn resized(
        &self,
        resizer: &mut fir::Resizer,
        width: u32,
        height: u32,
    ) -> Result<Pixels, PhotoError> {
        let src =
            fir::images::ImageRef::new(self.width, self.height, &self.data, self.pixel_type())
                .map_err(PhotoError::corrupt)?;
        let mut dst = fir::images::Image::new(width, height, self.pixel_type());
        let options = fir::ResizeOptions::new()
            .resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::Lanczos3));
        resizer
            .resize(&src, &mut dst, &options)
            .map_err(PhotoError::corrupt)?;
        Ok(Pixels {
            data: dst.into_vec(),
            width,
            height,
            alpha: self.alpha,
        })
    }

    /// Scaled to `width` × `height`, or itself when it already has that size.
    fn into_resized(
        self,
        resizer: &mut fir::Resizer,
        width: u32,
        height: u32,
    ) -> Result<Pixels, PhotoError> {
        if (self.width, self.height) == (width, height) {
            return Ok(self);
        }
        self.resized(resizer, width, height)
    }

    fn color_type(&self) -> ExtendedColorType {
        match self.alpha {
            true => ExtendedColorType::Rgba8,
            false => ExtendedColorType::Rgb8,
        }
    }
}

/// Maps a decoder error: a limit becomes [`PhotoError::TooManyPixels`], anything else
/// [`PhotoError::Corrupt`].
fn decode_error(e: ImageError, width: u32, height: u32) -> PhotoError {
    match e {
        ImageError::Limits(_) => PhotoError::TooManyPixels { width, height },
        ImageError::Unsupported(u) => PhotoError::damaged(msg!(
            "photos-variant-unreadable",
            detail = super::error::sanitize(&u.to_string())
        )),
        other => PhotoError::corrupt(other),
    }
}

/// Decodes `bytes` as stored (orientation not yet applied), with the limits.
fn decode(bytes: &[u8], p: &Probed) -> Result<DynamicImage, PhotoError> {
    let decoder = decoder(bytes, p.header.format)?;
    DynamicImage::from_decoder(decoder)
        .map_err(|e| decode_error(e, p.header.width, p.header.height))
}

fn webp(px: &Pixels, lossless: bool, quality: u8) -> Result<Vec<u8>, PhotoError> {
    let encoder = match px.alpha {
        true => webp::Encoder::from_rgba(&px.data, px.width, px.height),
        false => webp::Encoder::from_rgb(&px.data, px.width, px.height),
    };
    let mut config = webp::WebPConfig::new()
        .map_err(|()| PhotoError::damaged(msg!("photos-webp-encoder-setup")))?;
    config.lossless = i32::from(lossless);
    config.quality = f32::from(quality);
    config.alpha_compression = 1;
    config.method = 4;
    let out = encoder.encode_advanced(&config).map_err(|e| {
        PhotoError::damaged(msg!(
            "photos-webp-encoder-failed",
            detail = format!("{e:?}")
        ))
    })?;
    Ok(out.to_vec())
}

fn jpeg(px: &Pixels, quality: u8) -> Result<Vec<u8>, PhotoError> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, quality)
        .write_image(&px.data, px.width, px.height, px.color_type())
        .map_err(PhotoError::corrupt)?;
    Ok(out)
}

fn png_encoder(out: &mut Vec<u8>) -> PngEncoder<&mut Vec<u8>> {
    PngEncoder::new_with_quality(out, CompressionType::Default, FilterType::Adaptive)
}

fn encode(px: &Pixels, format: Format) -> Result<Vec<u8>, PhotoError> {
    match format {
        Format::Webp => webp(px, false, WEBP_QUALITY),
        Format::Jpeg => jpeg(px, JPEG_QUALITY),
        Format::Png => {
            let mut out = Vec::new();
            png_encoder(&mut out)
                .write_image(&px.data, px.width, px.height, px.color_type())
                .map_err(PhotoError::corrupt)?;
            Ok(out)
        }
    }
}

/// The web images of a photo: exactly [`plan`]`(&probe(bytes)?)`, in that order, upright and
/// without any metadata. Decodes once (at most [`super::MAX_PIXELS`] pixels and
/// [`super::MAX_ALLOC`] bytes), scales the widest image from the original and the smaller ones
/// from the widest (Lanczos3).
pub fn render(bytes: &[u8]) -> Result<Vec<Variant>, PhotoError> {
    let probed = probe_full(bytes)?;
    let specs = plan(&probed.probe);
    let Some(widest) = specs.iter().copied().max_by_key(|s| s.width) else {
        return Ok(Vec::new());
    };
    let mut resizer = fir::Resizer::new();
    let big = {
        let full = Pixels::from_image(decode(bytes, &probed)?, probed.probe.alpha);
        // scale before turning: the stored picture has the sides the other way round
        let (w, h) = match swaps_sides(probed.orientation) {
            true => (widest.height, widest.width),
            false => (widest.width, widest.height),
        };
        full.into_resized(&mut resizer, w, h)?
    };
    let big = big.oriented(probed.orientation)?;
    let mut out = Vec::with_capacity(specs.len());
    for spec in specs {
        let bytes = if (spec.width, spec.height) == (big.width, big.height) {
            encode(&big, spec.format)?
        } else {
            encode(
                &big.resized(&mut resizer, spec.width, spec.height)?,
                spec.format,
            )?
        };
        out.push(Variant { spec, bytes });
    }
    Ok(out)
}

/// The photo in its own format and full size, upright, with all metadata removed: re-encoded
/// from the pixels (PNG lossless, JPEG at quality 90, WebP lossy at 90 or lossless when the
/// original was lossless).
pub fn clean(bytes: &[u8]) -> Result<Variant, PhotoError> {
    let probed = probe_full(bytes)?;
    let p = probed.probe;
    let mut img = decode(bytes, &probed)?;
    img.apply_orientation(probed.orientation);
    let spec = Spec {
        width: img.width(),
        height: img.height(),
        format: p.format,
    };
    let bytes = match p.format {
        Format::Png => {
            // lossless in the original's own colour type (grey, 16-bit …)
            let mut out = Vec::new();
            let img = match img {
                DynamicImage::ImageRgb32F(_) => DynamicImage::ImageRgb16(img.into_rgb16()),
                DynamicImage::ImageRgba32F(_) => DynamicImage::ImageRgba16(img.into_rgba16()),
                other => other,
            };
            img.write_with_encoder(png_encoder(&mut out))
                .map_err(PhotoError::corrupt)?;
            out
        }
        Format::Jpeg => {
            let px = Pixels::from_image(img, false);
            jpeg(&px, CLEAN_QUALITY)?
        }
        Format::Webp => {
            let px = Pixels::from_image(img, p.alpha);
            webp(&px, probed.header.lossless, CLEAN_QUALITY)?
        }
    };
    Ok(Variant { spec, bytes })
}
