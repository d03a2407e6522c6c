//! Events from other sites as plain values: [`RemoteEvent`], one occurrence each, in the
//! site's time zone, with every text made safe to carry ([`clean_line`], [`clean_text`]) and
//! every link checked ([`clean_url`]). Reading a feed ends here; pages escape as for any text.

/// The most events (occurrences) taken from one source.
pub const MAX_EVENTS: usize = 2000;
/// The most occurrences one recurring event of a source gives.
pub const MAX_OCCURRENCES: u16 = 120;
/// The longest title kept, in characters.
pub const MAX_TITLE: usize = 200;
/// The longest description kept, in characters.
pub const MAX_DESCRIPTION: usize = 2000;
/// The longest place kept, in characters.
pub const MAX_LOCATION: usize = 300;
/// The longest link kept, in bytes.
pub const MAX_URL: usize = 2000;
/// The longest UID kept, in bytes.
pub const MAX_UID: usize = 255;

/// When an occurrence takes place, in the site's time zone: the type calendar files are written
/// from.
pub use crate::calendar::ics::When;

/// An event's state at its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemoteStatus {
    /// Takes place.
    Scheduled,
    /// Not yet sure.
    Tentative,
    /// Called off.
    Cancelled,
}

/// One occurrence of an event of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteEvent {
    /// The event's UID at its source (the same for every occurrence).
    pub uid: String,
    /// When.
    pub when: When,
    /// Title, one line.
    pub title: String,
    /// Description, plain text (line breaks kept).
    pub description: Option<String>,
    /// Place, one line.
    pub location: Option<String>,
    /// The event at its source, `http` or `https` only.
    pub url: Option<String>,
    /// State.
    pub status: RemoteStatus,
}

/// Where an event of the site came from: a `network:` source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Index of the source in `network:`.
    pub source: usize,
    /// The source's name ("Quelle: …").
    pub name: String,
    /// The event's UID at its source.
    pub uid: String,
    /// The UID of this occurrence in the site's calendar feeds: the source's UID, followed by
    /// the start when the event recurs (each occurrence is an event of its own there).
    pub feed_uid: String,
    /// The event at its source, if the source gave a link.
    pub url: Option<String>,
}

/// `s` as one line of plain text: control characters and line breaks become spaces, runs
/// of white space one space, at most `max` characters; `None` when nothing is left.
pub fn clean_line(s: &str, max: usize) -> Option<String> {
    let spaced: String = s
        .chars()
        .map(|c| {
            if is_unwanted(c) || c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let joined = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    cut(joined, max)
}

/// `s` as plain text of several lines: control characters other than line breaks removed,
/// at most two line breaks in a row, at most `max` characters.
pub fn clean_text(s: &str, max: usize) -> Option<String> {
    let lines: Vec<String> = s
        .replace("\r\n", "\n")
        .split(['\n', '\r'])
        .map(|l| clean_line(l, max).unwrap_or_default())
        .collect();
    let mut out = String::new();
    let mut blank = 0;
    for l in lines {
        if l.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(&l);
        if out.chars().count() > max {
            break;
        }
    }
    cut(out, max)
}

/// Control and format characters that have no place in text from elsewhere (bidi overrides,
/// zero-width characters, the BOM).
fn is_unwanted(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

fn cut(s: String, max: usize) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    match s.char_indices().nth(max) {
        Some((i, _)) => Some(format!("{}…", s[..i].trim_end())),
        None => Some(s.to_owned()),
    }
}

/// `s` when it is an `http` or `https` link without white space, control characters or a
/// user name, at most [`MAX_URL`] bytes; else `None`.
pub fn clean_url(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() > MAX_URL || s.chars().any(|c| c.is_whitespace() || is_unwanted(c)) {
        return None;
    }
    super::config::check_url(s).ok()?;
    let parsed = url::Url::parse(s).ok()?;
    Some(parsed.to_string())
}

/// `s` as a UID: printable ASCII without spaces, at most [`MAX_UID`] bytes.
pub fn clean_uid(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s.len() <= MAX_UID && s.chars().all(|c| c.is_ascii_graphic()))
        .then(|| s.to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn text_from_elsewhere_loses_what_could_hide_or_break() {
        assert_eq!(
            clean_line(" Brunch\r\nSET-COOKIE: x\u{1b}[2J \u{202e}abc\u{0} ", 100).unwrap(),
            "Brunch SET-COOKIE: x [2J abc"
        );
        assert_eq!(clean_line("\u{200b}\n\t", 10), None);
        assert_eq!(clean_line("abcdefgh", 3).unwrap(), "abc…");
        assert_eq!(
            clean_text("a\r\n\r\n\r\n\r\nb\u{7}\nc", 100).unwrap(),
            "a\n\nb\nc"
        );
    }

    #[test]
    fn only_web_links_are_kept() {
        assert_eq!(
            clean_url("https://a.example/x?y=1").as_deref(),
            Some("https://a.example/x?y=1")
        );
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>",
            "https://a.example/\r\nX: y",
            "https://u:p@a.example/",
            "//a.example/",
            "vbscript:x",
        ] {
            assert_eq!(clean_url(bad), None, "{bad}");
        }
        assert_eq!(clean_uid("a b"), None);
        assert_eq!(
            clean_uid("abc@example.org").as_deref(),
            Some("abc@example.org")
        );
    }
}
