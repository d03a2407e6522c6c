//! YAML front matter and YAML files: the only module that touches `serde_yaml`.
//!
//! `serde_yaml` is archived upstream; keeping every use of it here means a maintained fork can
//! replace it by editing this one file. The module splits the `---` block off a Markdown file,
//! parses it, remembers the line and column of every top-level key (so later checks can point at
//! `content/events/brunch.md:4:7`), and hands out typed values key by key. Reading key by key
//! instead of deserializing one big struct lets a file with three mistakes report all three.

mod plain;
mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean, display_path};
use crate::source::SourceFile;

/// A value written either as one text or as a group of keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextOrGroup<T> {
    /// `key: text`.
    Text(String),
    /// `key: { … }`.
    Group(T),
}

/// Where a key and its value sit in the file (1-based, file lines, not YAML lines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    /// Line of the key.
    pub line: usize,
    /// Column of the value (or of the key when the value starts on a later line).
    pub col: usize,
}

/// The parsed front matter of one file plus its Markdown body.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    /// Path relative to the site root.
    pub rel_path: PathBuf,
    map: serde_yaml::Mapping,
    positions: BTreeMap<String, Pos>,
    /// The lines of the YAML block, for finding list items: (file line, text).
    lines: Vec<(usize, String)>,
    /// The Markdown after the closing `---`.
    pub body: String,
    /// File line on which the body starts.
    pub body_line: usize,
}

/// Splits and parses the front matter of `file`. Syntax errors and a missing or unclosed block
/// become diagnostics at the right file line.
pub fn parse(file: &SourceFile) -> Result<FrontMatter, Diagnostic> {
    let path = &file.rel_path;
    let text = file.text.as_str();
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Err(
            Diagnostic::error(path, 1, 1, msg!("content-no-front-matter"))
                .with_hint(msg!("content-no-front-matter-hint")),
        );
    }
    let mut yaml = String::new();
    let mut yaml_lines = Vec::new();
    let mut offset = first.len();
    let mut line_no = 1;
    let mut closed = None;
    for l in lines {
        line_no += 1;
        offset += l.len();
        let t = l.trim_end();
        if t == "---" || t == "..." {
            closed = Some(offset);
            break;
        }
        yaml.push_str(l);
        yaml_lines.push((line_no, l.trim_end_matches('\n').to_owned()));
    }
    let Some(body_offset) = closed else {
        return Err(
            Diagnostic::error(path, 1, 1, msg!("content-front-matter-unclosed"))
                .with_hint(msg!("content-front-matter-unclosed-hint")),
        );
    };
    let value = yaml::parse_value(&yaml, 1, &msg!("content-the-front-matter"))
        .map_err(|p| yaml_error(path, p))?;
    let map = match value {
        serde_yaml::Value::Mapping(m) => m,
        serde_yaml::Value::Null => serde_yaml::Mapping::new(),
        _ => {
            return Err(
                Diagnostic::error(path, 2, 1, msg!("content-front-matter-not-keys"))
                    .with_hint(msg!("content-front-matter-not-keys-hint")),
            );
        }
    };
    Ok(FrontMatter {
        rel_path: path.clone(),
        positions: key_positions(&yaml_lines),
        map,
        lines: yaml_lines,
        body: text[body_offset..].to_owned(),
        body_line: line_no + 1,
    })
}

/// Parses a whole YAML file (such as `site.yaml`) the same way.
pub fn parse_yaml_file(file: &SourceFile) -> Result<FrontMatter, Diagnostic> {
    let path = &file.rel_path;
    let value =
        yaml::parse_value(&file.text, 0, &display_path(path)).map_err(|p| yaml_error(path, p))?;
    let serde_yaml::Value::Mapping(map) = value else {
        return Err(Diagnostic::error(path, 1, 1, msg!("content-file-not-keys")));
    };
    let lines: Vec<(usize, String)> = file
        .text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.to_owned()))
        .collect();
    Ok(FrontMatter {
        rel_path: path.clone(),
        positions: key_positions(&lines),
        map,
        lines,
        body: String::new(),
        body_line: 0,
    })
}

/// Parses a flat `key: text` YAML file (theme i18n strings). Values must be strings.
pub fn parse_string_map(name: &str, text: &str) -> Result<BTreeMap<String, String>, String> {
    serde_yaml::from_str::<BTreeMap<String, String>>(text)
        .map_err(|e| plain::string_map_error(name, &e))
}

/// The message [`parse_string_map`] gives for a YAML error, for other readers of such files.
pub fn string_map_message(name: &str, e: &serde_yaml::Error) -> String {
    plain::string_map_error(name, e)
}

fn yaml_error(path: &Path, p: yaml::YamlProblem) -> Diagnostic {
    Diagnostic::error(path, p.line, p.col, p.message).with_hint(p.hint)
}

/// Finds `key:` lines at indentation 0 and the column where their value starts.
fn key_positions(lines: &[(usize, String)]) -> BTreeMap<String, Pos> {
    let mut out = BTreeMap::new();
    for (line, text) in lines {
        if text.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some(colon) = text.find(':') else {
            continue;
        };
        let key = text[..colon].trim().trim_matches(['"', '\'']).to_owned();
        if key.is_empty() {
            continue;
        }
        let after = &text[colon + 1..];
        let value_start = colon + 1 + (after.len() - after.trim_start().len());
        let col = if after.trim().is_empty() {
            1
        } else {
            text[..value_start].chars().count() + 1
        };
        out.entry(key).or_insert(Pos { line: *line, col });
    }
    out
}

impl FrontMatter {
    /// This front matter with the keys of `translation` laid over it (groups such as `location`
    /// merged key by key) and the translation's body when it has one. Path and key positions
    /// stay this file's; `draft` of the translation is not taken over.
    pub fn overlay(&self, translation: &FrontMatter) -> FrontMatter {
        let mut map = self.map.clone();
        for (k, v) in &translation.map {
            if scalar_text(k).as_deref() == Some("draft") {
                continue;
            }
            match (map.get_mut(k), v) {
                (Some(serde_yaml::Value::Mapping(base)), serde_yaml::Value::Mapping(over)) => {
                    for (k2, v2) in over {
                        base.insert(k2.clone(), v2.clone());
                    }
                }
                _ => {
                    map.insert(k.clone(), v.clone());
                }
            }
        }
        let own_body = !translation.body.trim().is_empty();
        FrontMatter {
            rel_path: self.rel_path.clone(),
            map,
            positions: self.positions.clone(),
            lines: self.lines.clone(),
            body: if own_body {
                translation.body.clone()
            } else {
                self.body.clone()
            },
            body_line: if own_body {
                translation.body_line
            } else {
                self.body_line
            },
        }
    }

    /// Where `key` sits, or the top of the front matter when it is missing.
    pub fn pos(&self, key: &str) -> Pos {
        self.positions
            .get(key)
            .copied()
            .unwrap_or(Pos { line: 1, col: 1 })
    }

    /// Where `item` appears inside the block of `key` (a list item or nested value), falling back
    /// to the key itself.
    pub fn item_pos(&self, key: &str, item: &str) -> Pos {
        let start = self.pos(key);
        let mut in_block = false;
        for (line, text) in &self.lines {
            if *line == start.line {
                in_block = true;
                if let Some(i) = text
                    .find(':')
                    .and_then(|c| text[c..].find(item).map(|j| c + j))
                {
                    return Pos {
                        line: *line,
                        col: text[..i].chars().count() + 1,
                    };
                }
                continue;
            }
            if in_block {
                if !text.starts_with([' ', '\t', '-']) && !text.trim().is_empty() {
                    break;
                }
                if let Some(i) = text.find(item) {
                    return Pos {
                        line: *line,
                        col: text[..i].chars().count() + 1,
                    };
                }
            }
        }
        start
    }

    /// Where the `index`-th entry (from 0) of the list `key` sits: on its own `- ` line when
    /// the list has one entry per line, else where `item` appears (see [`Self::item_pos`]).
    pub fn list_item_pos(&self, key: &str, index: usize, item: &str) -> Pos {
        let start = self.pos(key);
        let below = self
            .lines
            .iter()
            .skip_while(|(line, _)| *line <= start.line);
        let mut n = 0;
        for (line, text) in below {
            let rest = text.trim_start();
            if !text.starts_with([' ', '\t', '-']) && !rest.is_empty() {
                break;
            }
            let Some(value) = rest.strip_prefix('-') else {
                continue;
            };
            if !value.is_empty() && !value.starts_with([' ', '\t']) {
                continue;
            }
            if n == index {
                let indent = text.chars().count() - value.trim_start().chars().count();
                let col = text
                    .find(item)
                    .map_or(indent, |i| text[..i].chars().count());
                return Pos {
                    line: *line,
                    col: col + 1,
                };
            }
            n += 1;
        }
        self.item_pos(key, item)
    }

    /// Where `item` appears inside the `index`-th entry (from 0) of the list `key`, for lists
    /// of groups written one key per line (`- name: …` then `  url: …`); else as
    /// [`Self::list_item_pos`].
    pub fn entry_item_pos(&self, key: &str, index: usize, item: &str) -> Pos {
        let first = self.list_item_pos(key, index, "-");
        let next = self.list_item_pos(key, index + 1, "-");
        let end = if next.line > first.line {
            next.line
        } else {
            usize::MAX
        };
        let found = self
            .lines
            .iter()
            .skip_while(|(line, _)| *line < first.line)
            .take_while(|(line, text)| {
                *line < end
                    && (*line == first.line
                        || text.starts_with([' ', '\t'])
                        || text.trim().is_empty())
            })
            .find_map(|(line, text)| {
                text.find(item).map(|i| Pos {
                    line: *line,
                    col: text[..i].chars().count() + 1,
                })
            });
        found.unwrap_or_else(|| self.list_item_pos(key, index, item))
    }

    /// Whether `key` has the same value here and in `other` (both present).
    pub fn same_value(&self, key: &str, other: &FrontMatter) -> bool {
        match (self.map.get(key), other.map.get(key)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }

    /// Whether `key` is present.
    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// The top-level keys in file order.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<(Pos, String)> = self
            .map
            .keys()
            .map(|k| {
                let name = scalar_text(k).unwrap_or_default();
                (self.pos(&name), name)
            })
            .collect();
        keys.sort_by_key(|(p, _)| (p.line, p.col));
        keys.into_iter().map(|(_, k)| k).collect()
    }

    fn error(&self, key: &str, message: String, hint: String) -> Diagnostic {
        let p = self.pos(key);
        Diagnostic::error(&self.rel_path, p.line, p.col, message).with_hint(hint)
    }

    /// The value of `key` as `T`; `None` when it is missing, null, or of the wrong type (then an
    /// error naming `what` the value should be is pushed).
    pub fn get<T: DeserializeOwned>(
        &self,
        key: &str,
        what: &str,
        diags: &mut Diagnostics,
    ) -> Option<T> {
        let v = self.map.get(key)?;
        if v.is_null() {
            return None;
        }
        match serde_yaml::from_value::<T>(v.clone()) {
            Ok(t) => Some(t),
            Err(e) => {
                let detail = plain::friendly(&e.to_string(), v, expects::<T>());
                diags.push(self.error(
                    key,
                    msg!("content-must-be", key = key, what = what, detail = detail),
                    msg!("content-key-form-hint"),
                ));
                None
            }
        }
    }

    /// Like [`FrontMatter::get`], but a missing key is an error too.
    pub fn require<T: DeserializeOwned>(
        &self,
        key: &str,
        what: &str,
        diags: &mut Diagnostics,
    ) -> Option<T> {
        if !self.has(key) || self.map.get(key).is_some_and(serde_yaml::Value::is_null) {
            diags.push(
                Diagnostic::error(
                    &self.rel_path,
                    1,
                    1,
                    msg!("content-required-missing", key = key),
                )
                .with_hint(msg!(
                    "content-required-missing-hint",
                    key = key,
                    what = what
                )),
            );
            return None;
        }
        self.get(key, what, diags)
    }

    /// A scalar value (text, number or boolean) as text, e.g. `title: 1984` gives "1984".
    pub fn text(&self, key: &str, diags: &mut Diagnostics) -> Option<String> {
        let v = self.map.get(key)?;
        if v.is_null() {
            return None;
        }
        match scalar_text(v) {
            Some(t) => Some(t),
            None => {
                diags.push(self.error(
                    key,
                    msg!(
                        "content-must-be-text",
                        key = key,
                        kind = self.kind_of(key).words()
                    ),
                    msg!("content-text-hint"),
                ));
                None
            }
        }
    }

    /// What kind of value `key` has ([`Kind::Empty`] also when missing).
    pub fn kind_of(&self, key: &str) -> Kind {
        match self.map.get(key) {
            None | Some(serde_yaml::Value::Null) => Kind::Empty,
            Some(serde_yaml::Value::String(_)) => Kind::Text,
            Some(serde_yaml::Value::Number(_)) => Kind::Number,
            Some(serde_yaml::Value::Bool(_)) => Kind::Bool,
            Some(serde_yaml::Value::Sequence(_)) => Kind::List,
            Some(serde_yaml::Value::Mapping(_)) => Kind::Group,
            Some(serde_yaml::Value::Tagged(t)) => match t.value {
                serde_yaml::Value::Sequence(_) => Kind::List,
                serde_yaml::Value::Mapping(_) => Kind::Group,
                _ => Kind::Text,
            },
        }
    }

    /// Like [`FrontMatter::text`], but a missing or empty key is an error.
    pub fn require_text(
        &self,
        key: &str,
        example: &str,
        diags: &mut Diagnostics,
    ) -> Option<String> {
        let t = self.text(key, diags);
        if t.as_deref().is_none_or(|s| s.trim().is_empty())
            && !diags_has_key_error(diags, &self.rel_path, key)
        {
            diags.push(
                Diagnostic::error(
                    &self.rel_path,
                    self.pos(key).line,
                    1,
                    msg!("content-required-empty", key = key),
                )
                .with_hint(msg!(
                    "content-required-empty-hint",
                    key = key,
                    example = example
                )),
            );
            return None;
        }
        t
    }

    /// A list of scalars as text; a single scalar counts as a list of one.
    pub fn text_list(&self, key: &str, diags: &mut Diagnostics) -> Vec<String> {
        let Some(v) = self.map.get(key) else {
            return Vec::new();
        };
        match v {
            serde_yaml::Value::Null => Vec::new(),
            serde_yaml::Value::Sequence(items) => {
                let mut out = Vec::new();
                for item in items {
                    match scalar_text(item) {
                        Some(t) => out.push(t),
                        None => diags.push(self.error(
                            key,
                            msg!("content-list-entry-not-single", key = key),
                            msg!("content-list-form-hint"),
                        )),
                    }
                }
                out
            }
            other => match scalar_text(other) {
                Some(t) => vec![t],
                None => {
                    diags.push(self.error(
                        key,
                        msg!("content-must-be-list", key = key),
                        msg!("content-list-form-hint"),
                    ));
                    Vec::new()
                }
            },
        }
    }

    /// `key` as a text or as a group of keys (`T`), or for a list, each entry so; every entry
    /// comes with its position. A wrong entry is an error at its line and is left out.
    pub fn text_or_groups<T: DeserializeOwned>(
        &self,
        key: &str,
        what: &str,
        diags: &mut Diagnostics,
    ) -> Vec<(Pos, TextOrGroup<T>)> {
        let Some(v) = self.map.get(key) else {
            return Vec::new();
        };
        let (items, listed) = match v {
            serde_yaml::Value::Null => return Vec::new(),
            serde_yaml::Value::Sequence(items) => (items.iter().collect::<Vec<_>>(), true),
            one => (vec![one], false),
        };
        let mut out = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            let shown = match item {
                serde_yaml::Value::Mapping(m) => {
                    m.values().next().and_then(scalar_text).unwrap_or_default()
                }
                other => scalar_text(other).unwrap_or_default(),
            };
            let pos = if listed {
                self.list_item_pos(key, i, &shown)
            } else {
                self.pos(key)
            };
            let value = match item {
                serde_yaml::Value::Mapping(_) => serde_yaml::from_value::<T>(item.clone())
                    .map(TextOrGroup::Group)
                    .map_err(|e| plain::friendly(&e.to_string(), item, expects::<T>())),
                other => scalar_text(other)
                    .map(TextOrGroup::Text)
                    .ok_or_else(String::new),
            };
            match value {
                Ok(v) => out.push((pos, v)),
                Err(detail) => diags.push(
                    Diagnostic::error(
                        &self.rel_path,
                        pos.line,
                        pos.col,
                        msg!("content-must-be", key = key, what = what, detail = detail),
                    )
                    .with_hint(msg!("content-key-form-hint")),
                ),
            }
        }
        out
    }

    /// Warns about keys not in `known`, with a did-you-mean suggestion: a typo like `titel`
    /// would otherwise lose data silently.
    pub fn check_keys(&self, known: &[&str], what: &str, diags: &mut Diagnostics) {
        for key in self.keys() {
            if known.contains(&key.as_str()) {
                continue;
            }
            let p = self.pos(&key);
            let mut d = Diagnostic::warning(
                &self.rel_path,
                p.line,
                1,
                msg!("content-unknown-key", key = &key, what = what),
            );
            d = match did_you_mean(&key, known.iter().copied()) {
                Some(s) => d.with_hint(msg!("content-did-you-mean", suggestion = s)),
                None => d.with_hint(msg!(
                    "content-known-keys",
                    what = what,
                    keys = known.join(", ")
                )),
            };
            diags.push(d);
        }
    }
}

/// What kind of value a key has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Nothing, or no key.
    Empty,
    /// A text.
    Text,
    /// A number.
    Number,
    /// `true` or `false`.
    Bool,
    /// A list.
    List,
    /// A group of keys.
    Group,
}

impl Kind {
    /// The kind in plain words: "a text", "a number", "`true` or `false`", "a list", "a group
    /// of keys", "empty".
    pub fn words(self) -> String {
        match self {
            Kind::Empty => msg!("content-kind-empty"),
            Kind::Text => msg!("content-kind-text"),
            Kind::Number => msg!("content-kind-number"),
            Kind::Bool => msg!("content-kind-bool"),
            Kind::List => msg!("content-kind-list"),
            Kind::Group => msg!("content-kind-group"),
        }
    }
}

/// Whether `T` is read from a list and whether from a group of keys: a type that is neither
/// refuses an empty one as the wrong type.
fn expects<T: DeserializeOwned>() -> plain::Expects {
    let refuses = |v: serde_yaml::Value, found: &str| {
        serde_yaml::from_value::<T>(v)
            .err()
            .is_some_and(|e| e.to_string().starts_with(&format!("invalid type: {found}")))
    };
    plain::Expects {
        list: !refuses(serde_yaml::Value::Sequence(Vec::new()), "sequence"),
        group: !refuses(
            serde_yaml::Value::Mapping(serde_yaml::Mapping::new()),
            "map",
        ),
    }
}

fn diags_has_key_error(diags: &Diagnostics, path: &Path, key: &str) -> bool {
    let needle = format!("`{key}`");
    diags
        .iter()
        .any(|d| d.path == path && d.message.contains(&needle))
}

/// `value` as one YAML scalar for a `key: value` line of new front matter, quoted and escaped by
/// the serializer: one line, or a block scalar (`|-` and indented lines) when `value` has line
/// breaks. Parsing the result gives `value` back.
pub fn yaml_scalar(value: &str) -> String {
    let text = serde_yaml::to_string(value).unwrap_or_else(|_| "''\n".to_owned());
    text.strip_suffix('\n').unwrap_or(&text).to_owned()
}

fn scalar_text(v: &serde_yaml::Value) -> Option<String> {
    match v {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        serde_yaml::Value::Bool(b) => Some(b.to_string()),
        serde_yaml::Value::Tagged(t) => scalar_text(&t.value),
        _ => None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn fm(text: &str) -> Result<FrontMatter, Diagnostic> {
        parse(&SourceFile {
            rel_path: "content/x.md".into(),
            text: text.into(),
        })
    }

    #[test]
    fn splits_and_positions_keys() {
        let f = fm("---\ntitle: Brunch\ncities:\n  - lyon\n  - krakow\n---\nBody\n").unwrap();
        assert_eq!(f.pos("title"), Pos { line: 2, col: 8 });
        assert_eq!(f.item_pos("cities", "krakow"), Pos { line: 5, col: 5 });
        assert_eq!(f.body, "Body\n");
        assert_eq!(f.body_line, 7);
    }

    #[test]
    fn yaml_errors_point_at_the_file_line() {
        let e = fm("---\ntitle: ok\nlat: [1,\n---\n").unwrap_err();
        assert!(e.line >= 3, "{e}");
        assert!(e.message.contains("not valid YAML"));
    }

    #[test]
    fn unclosed_and_missing_front_matter() {
        assert!(
            fm("---\ntitle: x\n")
                .unwrap_err()
                .message
                .contains("never closed")
        );
        assert!(
            fm("title: x\n")
                .unwrap_err()
                .message
                .contains("no front matter")
        );
    }

    #[test]
    fn wrong_type_names_the_key() {
        let f = fm("---\nlat: abc\n---\n").unwrap();
        let mut d = Diagnostics::new();
        assert_eq!(f.get::<f64>("lat", "a number like 45.76", &mut d), None);
        let v = d.sorted();
        assert_eq!(v[0].line, 2);
        assert!(
            v[0].message
                .contains("`lat` must be a number like 45.76, not the text \"abc\""),
            "{}",
            v[0].message
        );
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let f = fm("---\ntitel: x\n---\n").unwrap();
        let mut d = Diagnostics::new();
        f.check_keys(&["title", "slug"], "a page", &mut d);
        let v = d.sorted();
        assert_eq!(v[0].hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn yaml_scalar_round_trips_awkward_text() {
        for title in [
            "Titel\n---\nslug: x",
            "\"Zitat\" und 'Apostroph'",
            "Ort: Lyon # Kommentar",
            "# Überschrift",
            "*Stern",
            "&Anker",
            "!Tag",
            "- Liste",
            "yes",
            "2026",
            " Leerzeichen ",
            "Tab\tTab",
            "Zeile\n\n",
            "[a, b]",
            "{a: b}",
            "|",
            "%TAG",
            "@x `y`",
            "a\u{2028}b\u{85}c\u{feff}",
            "...",
            "---",
        ] {
            let text = format!("---\ntitle: {}\nx: 1\n---\nBody\n", yaml_scalar(title));
            let f = fm(&text)
                .map_err(|d| format!("{title:?}: {d}\n{text}"))
                .unwrap();
            let mut d = Diagnostics::new();
            assert_eq!(f.text("title", &mut d).as_deref(), Some(title), "{text}");
            assert_eq!(f.body, "Body\n", "{text}");
        }
    }
}
