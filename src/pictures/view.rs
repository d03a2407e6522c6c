//! A picture as templates see it ([`PictureView`]), and the HTML of a picture in the body.

use serde::Serialize;

use crate::content::images::{self, ImageFile};
use crate::content::model::{Entry, Picture};
use crate::escape::xml_escape as esc;
use crate::markdown::Placement;
use crate::photo::Format;
use crate::site::Site;

/// Widths a picture in the text column is drawn at (see the theme's `--measure`).
pub const TEXT_SIZES: &str = "(min-width: 48rem) 44rem, calc(100vw - 2rem)";

/// One picture, every URL made.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PictureView {
    /// The URL every browser can show (JPEG or PNG; the SVG itself for an SVG).
    pub src: String,
    /// The WebP sizes as a `srcset` ("… 480w, … 960w"); empty for an SVG.
    pub srcset: String,
    /// The largest size (what a gallery picture links to).
    pub large: String,
    /// Width and height in pixels (of the largest size; their ratio is the picture's).
    pub width: Option<u32>,
    /// Height, see `width`.
    pub height: Option<u32>,
    /// Alt text ("" when none is written: a warning told the author).
    pub alt: String,
    /// Caption.
    pub caption: Option<String>,
    /// Who took it.
    pub credit: Option<String>,
    /// The full URL of the fallback size, for link previews (`og:image`).
    pub absolute: String,
}

/// The view of the picture `p` of `e`; `None` when it cannot be shown (an error was
/// reported, or the photo is not processed).
pub fn view_of(site: &Site, e: &Entry, p: &Picture) -> Option<PictureView> {
    let file = images::locate(&e.source, &e.url_path(), &p.src).ok()?;
    let rel = match &file {
        ImageFile::External => return None,
        ImageFile::Static(rel) | ImageFile::Beside { rel, .. } => rel,
    };
    let base =
        |src: String, srcset: String, large: String, w: Option<u32>, h: Option<u32>| PictureView {
            absolute: absolute(site, &src),
            src,
            srcset,
            large,
            width: w,
            height: h,
            alt: p.alt.clone().unwrap_or_default(),
            caption: p.caption.clone(),
            credit: p.credit.clone(),
        };
    if !crate::markdown::is_photo(&p.src) {
        // An SVG, published as it is.
        let url = match &file {
            ImageFile::Beside { output, .. } => site.asset_url(output),
            _ => site.asset_url(p.src.trim_start_matches('/')),
        };
        return Some(base(url.clone(), String::new(), url, None, None));
    }
    let photo = site.photos.get(rel)?;
    let fallback = photo.fallback()?;
    let largest = photo.largest()?;
    let srcset = photo
        .webps()
        .map(|s| format!("{} {}w", site.asset_url(&photo.path_of(s)), s.width))
        .collect::<Vec<_>>()
        .join(", ");
    Some(base(
        site.asset_url(&photo.path_of(fallback)),
        srcset,
        site.asset_url(&photo.path_of(largest)),
        Some(largest.width),
        Some(largest.height),
    ))
}

/// The full URL of the site-absolute URL path `src` (`/partner/_img/a.jpg`).
fn absolute(site: &Site, src: &str) -> String {
    let base = &site.config.base_url;
    let rest = src.strip_prefix(base.path.as_str()).unwrap_or(src);
    format!(
        "{}/{}",
        base.full.trim_end_matches('/'),
        rest.trim_start_matches('/')
    )
}

/// The `<picture>` of `v` (eager for the first picture of a page, whose paint counts most).
pub fn picture_html(v: &PictureView, sizes: &str, lazy: bool) -> String {
    let mut s = String::from("<picture>");
    if !v.srcset.is_empty() {
        s += &format!(
            "<source type=\"{}\" srcset=\"{}\" sizes=\"{}\">",
            Format::Webp.mime(),
            esc(&v.srcset),
            esc(sizes)
        );
    }
    s += &format!("<img src=\"{}\" alt=\"{}\"", esc(&v.src), esc(&v.alt));
    if let (Some(w), Some(h)) = (v.width, v.height) {
        s += &format!(" width=\"{w}\" height=\"{h}\"");
    }
    if lazy {
        s += " loading=\"lazy\"";
    }
    s += " decoding=\"async\"></picture>";
    s
}

/// The HTML of the `index`-th picture of the body of `e`: a `<figure>` with its caption when
/// it stands alone, else the `<picture>` inside the text. `first` says whether it is the
/// first picture of the page.
pub fn draw_body_picture(
    site: &Site,
    e: &Entry,
    index: usize,
    placement: Placement,
    first: bool,
) -> Option<String> {
    let p = e.body_pictures.get(index)?;
    let v = view_of(site, e, p)?;
    let picture = picture_html(&v, TEXT_SIZES, !first);
    Some(match placement {
        Placement::Inline => picture,
        Placement::Figure => match &v.caption {
            Some(c) => format!(
                "<figure class=\"figure\">{picture}<figcaption>{}</figcaption></figure>",
                esc(c)
            ),
            None => format!("<figure class=\"figure\">{picture}</figure>"),
        },
    })
}

/// The pictures of an entry's own page.
#[derive(Debug, Clone, Serialize)]
pub struct PagePictures {
    /// The body's HTML with its pictures drawn.
    pub content: String,
    /// `image:`, shown at the head of the page.
    pub lead: Option<PictureView>,
    /// `gallery:`.
    pub gallery: Vec<GalleryItem>,
}

/// A picture of a gallery, with whether it may load late.
#[derive(Debug, Clone, Serialize)]
pub struct GalleryItem {
    /// The picture.
    #[serde(flatten)]
    pub view: PictureView,
    /// Whether it loads only when scrolled near (all but a page's first picture).
    pub lazy: bool,
}

/// The pictures of `e`'s page: the lead picture is the page's first; without one, the first
/// picture of the body is, else the first of the gallery.
pub fn page_pictures(site: &Site, e: &Entry) -> PagePictures {
    let lead = e.common.image.as_ref().and_then(|p| view_of(site, e, p));
    let body_first = lead.is_none();
    let content = crate::markdown::expand_pictures(&e.html, &|i, placement| {
        draw_body_picture(site, e, i, placement, body_first && i == 0)
    });
    let eager_gallery = lead.is_none() && e.body_pictures.is_empty();
    let gallery = e
        .common
        .gallery
        .iter()
        .filter_map(|p| view_of(site, e, p))
        .enumerate()
        .map(|(i, view)| GalleryItem {
            view,
            lazy: !(eager_gallery && i == 0),
        })
        .collect();
    PagePictures {
        content,
        lead,
        gallery,
    }
}
