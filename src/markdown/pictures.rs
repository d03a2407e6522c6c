//! The photos of a Markdown body: each local raster image (`![alt](foto.jpg "Titel")`) is
//! taken out of the event stream and replaced by a marker, which rendering swaps for a
//! `<picture>` of the processed image (see [`crate::pictures`]); an image that stands alone in
//! its paragraph becomes a `<figure>` with its title as the caption.
//!
//! The markers are text made of private-use characters, so they survive the sanitiser; the
//! same characters written by an author are removed from the text first.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Opens a marker.
const OPEN: char = '\u{E000}';
/// Closes a marker.
const CLOSE: char = '\u{E001}';

/// A photo of the body as written: src, alt text, title, byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyPicture {
    /// The file as written.
    pub src: String,
    /// The alt text (empty when none is written).
    pub alt: String,
    /// The title, shown as the caption of a picture standing alone.
    pub title: Option<String>,
    /// Byte offset in the body.
    pub offset: usize,
}

/// How a marker is to be drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Inside running text.
    Inline,
    /// Alone in its paragraph: a figure.
    Figure,
}

/// The marker for the `index`-th picture.
pub fn marker(index: usize, placement: Placement) -> String {
    let kind = match placement {
        Placement::Inline => 'i',
        Placement::Figure => 'f',
    };
    format!("{OPEN}{kind}{index}{CLOSE}")
}

/// Replaces every marker in `html` by `draw(index, placement)` (a marker whose index `draw`
/// does not know is dropped).
pub fn expand(html: &str, draw: &dyn Fn(usize, Placement) -> Option<String>) -> String {
    if !html.contains(OPEN) {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else {
            rest = after;
            continue;
        };
        let body = &after[..end];
        let placement = if body.starts_with('f') {
            Placement::Figure
        } else {
            Placement::Inline
        };
        let drawn = body
            .get(1..)
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|i| draw(i, placement));
        out.push_str(drawn.as_deref().unwrap_or(""));
        rest = &after[end + CLOSE.len_utf8()..];
    }
    out.push_str(rest);
    out
}

/// Removes markers from text shown elsewhere (teasers, feeds).
pub(super) fn strip(text: &str) -> String {
    expand(text, &|_, _| None)
}

/// Whether `src` names a photo of the site: a local file that is not an SVG (SVGs are
/// published as they are).
pub fn is_photo(src: &str) -> bool {
    let path = src.split(['?', '#']).next().unwrap_or("");
    let local = !path.is_empty() && !path.starts_with("//") && !has_scheme(path);
    local && !path.to_ascii_lowercase().ends_with(".svg")
}

fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && !scheme.contains('/')
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// Takes the author's marker characters out of the text.
pub(super) fn clean_text(events: &mut [(Event<'_>, usize)]) {
    for (e, _) in events.iter_mut() {
        if let Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) = e
            && t.contains([OPEN, CLOSE])
        {
            *t = CowStr::from(t.replace([OPEN, CLOSE], ""));
        }
    }
}

/// Replaces each photo of `events` by a marker, returning the photos in order.
pub(super) fn take(events: Vec<(Event<'_>, usize)>) -> (Vec<(Event<'_>, usize)>, Vec<BodyPicture>) {
    let mut out: Vec<(Event<'_>, usize)> = Vec::with_capacity(events.len());
    let mut pictures = Vec::new();
    let mut iter = events.into_iter().peekable();
    while let Some((event, offset)) = iter.next() {
        let Event::Start(Tag::Image {
            dest_url, title, ..
        }) = &event
        else {
            out.push((event, offset));
            continue;
        };
        if !is_photo(dest_url) {
            out.push((event, offset));
            continue;
        }
        let src = dest_url.to_string();
        let title = Some(title.trim().to_owned()).filter(|t| !t.is_empty());
        let mut alt = String::new();
        for (inner, _) in iter.by_ref() {
            match inner {
                Event::End(TagEnd::Image) => break,
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
        }
        // Alone in its paragraph: the paragraph becomes the figure.
        let alone = matches!(out.last(), Some((Event::Start(Tag::Paragraph), _)))
            && matches!(iter.peek(), Some((Event::End(TagEnd::Paragraph), _)));
        let placement = if alone {
            out.pop();
            iter.next();
            Placement::Figure
        } else {
            Placement::Inline
        };
        let index = pictures.len();
        pictures.push(BodyPicture {
            src,
            alt: alt.trim().to_owned(),
            title,
            offset,
        });
        let html = CowStr::from(marker(index, placement));
        let event = match placement {
            Placement::Figure => Event::Html(html),
            Placement::Inline => Event::InlineHtml(html),
        };
        out.push((event, offset));
    }
    (out, pictures)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn photos_are_local_files_that_are_not_svg() {
        assert!(is_photo("foto.jpg"));
        assert!(is_photo("/images/a.JPG"));
        assert!(is_photo("bilder/a.heic"));
        assert!(!is_photo("/images/logo.svg"));
        assert!(!is_photo("https://example.org/a.jpg"));
        assert!(!is_photo("//example.org/a.jpg"));
        assert!(!is_photo("data:image/png;base64,AAAA"));
    }

    #[test]
    fn markers_expand_and_unknown_ones_vanish() {
        let html = format!(
            "<p>a {} b</p>{}",
            marker(0, Placement::Inline),
            marker(7, Placement::Figure)
        );
        let out = expand(&html, &|i, p| (i == 0).then(|| format!("[{i}:{p:?}]")));
        assert_eq!(out, "<p>a [0:Inline] b</p>");
        assert_eq!(strip(&html), "<p>a  b</p>");
    }
}
