//! Problems found in a site, each tied to a file, line and column, with a hint how to fix it.
//!
//! Every stage (config, load, validate, link) pushes [`Diagnostic`]s into one [`Diagnostics`]
//! list instead of stopping at the first problem; the build fails before rendering when any of
//! them is an error, so a volunteer sees every mistake of a run at once.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build stops before rendering.
    Error,
    /// Reported, but the site is built.
    Warning,
}

/// One problem at one place in a file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Path relative to the site root, e.g. `content/events/brunch.md`.
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column; 0 when unknown.
    pub col: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at `path:line:col`.
    pub fn error(
        path: impl Into<PathBuf>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Self {
            path: path.into(),
            line,
            col,
            severity: Severity::Error,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning at `path:line:col`.
    pub fn warning(
        path: impl Into<PathBuf>,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, line, col, message)
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The location as `path:line:col` (shorter when line or column are unknown).
    pub fn location(&self) -> String {
        let path = display_path(&self.path);
        match (self.line, self.col) {
            (0, _) => path,
            (l, 0) => format!("{path}:{l}"),
            (l, c) => format!("{path}:{l}:{c}"),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => msg!("level-error"),
            Severity::Warning => msg!("level-warning"),
        };
        let location = self.location();
        write!(
            f,
            "{}: {level}: {}",
            terminal_safe(&location),
            lines_safe(&self.message)
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  {}: {}", msg!("level-hint"), lines_safe(hint))?;
        }
        Ok(())
    }
}

/// `text` made safe to print on a terminal: control characters (C0 and C1, DEL) and the
/// characters that reorder text (bidi embeddings, overrides and isolates) are written as
/// escapes like `\u{1b}`, `\n` or `\t`, so a file name or a value from a file cannot clear the
/// screen, retitle the window, hide text or forge a line of output. Everything the binary
/// prints goes through this function.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether [`terminal_safe`] escapes `c`.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A message that may have several lines (a template error with its excerpt): each line made
/// [`terminal_safe`], continuation lines indented so they cannot pass for a new problem.
fn lines_safe(text: &str) -> Cow<'_, str> {
    if !text.contains('\n') {
        return terminal_safe(text);
    }
    let lines: Vec<Cow<'_, str>> = text
        .trim_end_matches('\n')
        .split('\n')
        .map(terminal_safe)
        .collect();
    Cow::Owned(lines.join("\n    "))
}

/// Shows a relative path with `/` on every platform.
pub fn display_path(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// All problems of one run, in the order they were found until [`Diagnostics::sorted`].
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Adds every problem of `other`.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    /// Whether there are no problems at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The problems sorted by file, line, column (deterministic output for the CLI and tests).
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.path, a.line, a.col, a.severity, &a.message)
                .cmp(&(&b.path, b.line, b.col, b.severity, &b.message))
        });
        self.items.dedup();
        self.items
    }

    /// The problems in the order they were found.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// The closest candidate to `word` by edit distance, if it is close enough to be a likely typo.
///
/// The distance counts insertions, deletions, substitutions and swaps of two neighbouring
/// characters, by character and ignoring case (optimal string alignment: `titel` is one edit
/// away from `title`). A candidate is close enough within a third of the longer word's length,
/// at least one edit; ties go to the alphabetically first candidate.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let word_l = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = strsim::osa_distance(&word_l, &c.to_lowercase());
        let limit = (word.chars().count().max(c.chars().count()) / 3).max(1);
        if d <= limit && best.is_none_or(|(bd, bc)| d < bd || (d == bd && c < bc)) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_location_message_and_hint() {
        let d = Diagnostic::error(
            "content/events/brunch.md",
            4,
            7,
            "unknown city \"lyonn\" in cities",
        )
        .with_hint("did you mean \"lyon\"?");
        assert_eq!(
            d.to_string(),
            "content/events/brunch.md:4:7: error: unknown city \"lyonn\" in cities\n  hint: did you mean \"lyon\"?"
        );
    }

    #[test]
    fn escapes_controls_and_bidi_overrides_for_the_terminal() {
        assert_eq!(terminal_safe("Lyon – Kraków"), "Lyon – Kraków");
        assert_eq!(
            terminal_safe("a\u{1b}[2Jb\u{7}\u{7f}\u{85}\u{9b}"),
            "a\\u{1b}[2Jb\\u{7}\\u{7f}\\u{85}\\u{9b}"
        );
        assert_eq!(
            terminal_safe("x\u{202e}y\u{2066}z\u{2069}\u{202a}"),
            "x\\u{202e}y\\u{2066}z\\u{2069}\\u{202a}"
        );
        assert_eq!(terminal_safe("a\nb\tc\r"), "a\\nb\\tc\\r");
        // Hebrew and Arabic text needs no escaping.
        assert_eq!(terminal_safe("שלום سلام"), "שלום سلام");
    }

    #[test]
    fn display_escapes_path_message_and_hint() {
        let d = Diagnostic::error(
            "content/cities/\u{1b}]0;pwned\u{7}.md",
            2,
            8,
            "the slug \"\u{1b}[2J\" is bad",
        )
        .with_hint("write `slug: x`\u{202e}");
        let s = d.to_string();
        assert!(
            !s.contains('\u{1b}') && !s.contains('\u{7}') && !s.contains('\u{202e}'),
            "{s}"
        );
        assert_eq!(
            s,
            "content/cities/\\u{1b}]0;pwned\\u{7}.md:2:8: error: the slug \"\\u{1b}[2J\" is bad\n  hint: write `slug: x`\\u{202e}"
        );
        let multi = Diagnostic::error(
            "templates/page.html",
            0,
            0,
            "cannot read:\n 1 | {{ x\n\u{1b}",
        );
        assert_eq!(
            multi.to_string(),
            "templates/page.html: error: cannot read:\n     1 | {{ x\n    \\u{1b}"
        );
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("lyonn", ["lyon", "krakow"]), Some("lyon"));
        assert_eq!(did_you_mean("titel", ["title", "slug"]), Some("title"));
        assert_eq!(did_you_mean("zzzzzz", ["lyon", "krakow"]), None);
        assert_eq!(did_you_mean("", ["a", "abc"]), Some("a"));
        assert_eq!(did_you_mean("lyon", []), None);
    }

    #[test]
    fn a_swap_of_neighbours_is_one_edit() {
        // Five letters allow one edit: without swaps `titel` would be two away from `title`.
        assert_eq!(did_you_mean("titel", ["title"]), Some("title"));
        assert_eq!(did_you_mean("lnag", ["lang"]), Some("lang"));
        assert_eq!(did_you_mean("tilte", ["title"]), Some("title"));
        assert_eq!(did_you_mean("itlte", ["title"]), None);
        // Each part is edited once: `cadefg` is three edits from `abcdefg` (two if a swapped
        // pair could be edited again), more than the two that seven letters allow.
        assert_eq!(did_you_mean("cadefg", ["abcdefg"]), None);
        assert_eq!(did_you_mean("acbdefg", ["abcdefg"]), Some("abcdefg"));
    }

    #[test]
    fn ignores_case_and_counts_characters_not_bytes() {
        assert_eq!(did_you_mean("TITEL", ["title"]), Some("title"));
        assert_eq!(did_you_mean("Title", ["title"]), Some("title"));
        // `ü` is one character (two bytes): one edit, within the two that 7 letters allow.
        assert_eq!(did_you_mean("munchen", ["münchen"]), Some("münchen"));
        assert_eq!(did_you_mean("mnüchen", ["münchen"]), Some("münchen"));
        assert_eq!(did_you_mean("łódź", ["lodz"]), None);
        assert_eq!(did_you_mean("łodz", ["lodz"]), Some("lodz"));
    }

    #[test]
    fn the_limit_grows_with_the_length_and_ties_go_to_the_first_name() {
        // Up to five letters: one edit; six to eight: two; nine to eleven: three.
        assert_eq!(did_you_mean("cty", ["city"]), Some("city"));
        assert_eq!(did_you_mean("ct", ["city"]), None);
        assert_eq!(did_you_mean("evnts", ["events"]), Some("events"));
        assert_eq!(did_you_mean("evts", ["events"]), Some("events"));
        assert_eq!(did_you_mean("ets", ["events"]), None);
        assert_eq!(
            did_you_mean("descrptn", ["description"]),
            Some("description")
        );
        assert_eq!(did_you_mean("lyn", ["lyon", "lynn"]), Some("lynn"));
        assert_eq!(did_you_mean("lyn", ["lynn", "lyon"]), Some("lynn"));
        assert_eq!(did_you_mean("lyonn", ["lyon", "lyonnn"]), Some("lyon"));
    }

    #[test]
    fn sorted_orders_by_file_then_line() {
        let mut ds = Diagnostics::new();
        ds.push(Diagnostic::error("b.md", 1, 1, "x"));
        ds.push(Diagnostic::warning("a.md", 9, 1, "y"));
        ds.push(Diagnostic::error("a.md", 2, 1, "z"));
        let v = ds.sorted();
        assert_eq!(v[0].line, 2);
        assert_eq!(v[1].line, 9);
        assert_eq!(v[2].path, PathBuf::from("b.md"));
    }
}
