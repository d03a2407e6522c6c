//! Reading a text file of the site (through [`fs_safe`]): UTF-8 check, BOM and CRLF handling, offsets to line:col.
//!
//! Volunteers edit on Windows, on GitHub's web editor and in word processors, so a UTF-8 BOM and
//! CRLF line endings are accepted silently, and a file in another encoding (Latin-1, UTF-16)
//! is reported at the line and column of its first invalid byte with a hint how to re-save it.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::fs_safe::{self, Limit};

/// A text file of the site, decoded and normalised to `\n` line endings.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, used in every message about this file.
    pub rel_path: PathBuf,
    /// The text without BOM, with `\r\n` turned into `\n`.
    pub text: String,
}

impl SourceFile {
    /// Reads the content file `root/rel_path` (see [`fs_safe`] for what may be read). An
    /// unusable, unreadable or non-UTF-8 file becomes a diagnostic.
    pub fn read(root: &Path, rel_path: &Path) -> Result<Self, Diagnostic> {
        Self::read_limited(root, rel_path, fs_safe::CONTENT)
    }

    /// [`read`](Self::read) for a file of another kind, with its own size limit.
    pub fn read_limited(root: &Path, rel_path: &Path, limit: Limit) -> Result<Self, Diagnostic> {
        let bytes = fs_safe::read_file(root, rel_path, limit)?;
        Self::from_bytes(rel_path.to_path_buf(), &bytes)
    }

    /// The undecoded bytes of the content file `root/rel_path`; an unusable or unreadable file
    /// becomes a diagnostic.
    pub fn read_bytes(root: &Path, rel_path: &Path) -> Result<Vec<u8>, Diagnostic> {
        fs_safe::read_file(root, rel_path, fs_safe::CONTENT)
    }

    /// Decodes `bytes` as the content of `rel_path`.
    pub fn from_bytes(rel_path: PathBuf, bytes: &[u8]) -> Result<Self, Diagnostic> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => {
                let text = if text.contains('\r') {
                    text.replace("\r\n", "\n")
                } else {
                    text.to_owned()
                };
                Ok(Self { rel_path, text })
            }
            Err(e) => {
                let valid = &bytes[..e.valid_up_to()];
                let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
                let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
                let col = String::from_utf8_lossy(&valid[line_start..])
                    .chars()
                    .count()
                    + 1;
                let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
                let message = if utf16 {
                    msg!("content-file-utf16")
                } else {
                    msg!("content-file-not-utf8")
                };
                Err(Diagnostic::error(rel_path, line, col, message)
                    .with_hint(msg!("content-file-not-utf8-hint")))
            }
        }
    }
}

/// The line starts of a text, so that many byte offsets become line:col without scanning the
/// text again for each one (a body with hundreds of links stays linear).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the lines of `text`.
    pub fn new(text: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts }
    }

    /// What [`line_col`] gives for `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        match self.text.get(start..offset) {
            Some(before) => (line, before.chars().count() + 1),
            None => line_col(self.text, offset),
        }
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        let f = SourceFile::from_bytes("a.md".into(), b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n")
            .unwrap();
        assert_eq!(f.text, "---\ntitle: x\n---\n");
    }

    #[test]
    fn latin1_is_reported_at_its_line_and_column() {
        let e =
            SourceFile::from_bytes("a.md".into(), b"---\ntitle: M\xFCnchen\n---\n").unwrap_err();
        assert_eq!((e.line, e.col), (2, 9));
        assert!(e.message.contains("not UTF-8"), "{}", e.message);
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\nüx", 5), (2, 2));
        assert_eq!(line_col("abc", 0), (1, 1));
    }

    #[test]
    fn line_index_agrees_with_line_col() {
        let text = "ab\nüx [a](/b)\n\n\tß [c](/d)\nend";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                index.line_col(offset),
                line_col(text, offset),
                "offset {offset}"
            );
        }
    }
}
