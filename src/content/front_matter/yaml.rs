//! Reading YAML text into a value: a guard against anchors and aliases that expand to too much
//! data, and serde_yaml's errors turned into plain words at the right line and column.
//!
//! serde_yaml gives no position for some errors (its alias repetition limit) and a poor one for
//! others (a duplicate key points at the start of its mapping, a tab at the line after it); the
//! positions are worked out here from the YAML text itself.

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

/// Where a problem in the YAML text sits (file lines) and what to say about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct YamlProblem {
    /// 1-based line in the file; 0 when unknown.
    pub(super) line: usize,
    /// 1-based column; 0 when unknown.
    pub(super) col: usize,
    /// What is wrong, in plain words.
    pub(super) message: String,
    /// How to fix it.
    pub(super) hint: String,
}

/// Nodes a document may expand to beyond the size of its text (anchors and aliases included).
const EXTRA_NODES: usize = 50_000;

/// Parses `yaml`, whose first line is line `shift + 1` of its file, into a value; `what` names
/// it in messages ("the front matter", "site.yaml"). A document
/// whose aliases expand to too much data is refused before any of it is built, so memory stays
/// proportional to the text.
pub(super) fn parse_value(
    yaml: &str,
    shift: usize,
    what: &str,
) -> Result<serde_yaml::Value, YamlProblem> {
    if yaml.trim().is_empty() {
        return Ok(serde_yaml::Value::Mapping(serde_yaml::Mapping::new()));
    }
    let shifted = |mut p: YamlProblem| {
        if p.line > 0 {
            p.line += shift;
        }
        p
    };
    if yaml.contains('*') {
        check_expansion(yaml).map_err(shifted)?;
    }
    serde_yaml::from_str(yaml).map_err(|e| shifted(problem(yaml, shift, what, &e)))
}

/// Walks the document without building it, counting the nodes its aliases expand to.
fn check_expansion(yaml: &str) -> Result<(), YamlProblem> {
    let left = Cell::new(EXTRA_NODES + yaml.len());
    let key = RefCell::new(None);
    let seed = Count {
        left: &left,
        key: &key,
        top: true,
        record: false,
    };
    let result = seed.deserialize(serde_yaml::Deserializer::from_str(yaml));
    let Err(e) = result else { return Ok(()) };
    let msg = e.to_string();
    if left.get() == 0 || msg.starts_with("repetition limit exceeded") {
        let (line, col) = key
            .borrow()
            .as_deref()
            .and_then(|k| top_key_position(yaml, k))
            .or_else(|| first_alias(yaml))
            .unwrap_or((0, 0));
        return Err(YamlProblem {
            line,
            col,
            message: msg!("content-yaml-too-much"),
            hint: msg!("content-yaml-too-much-hint"),
        });
    }
    // Any other problem is reported by the real parse, with its position.
    Ok(())
}

/// Counts every node it visits; fails once the budget in `left` is spent. At the top level
/// it notes which key it is in, for the position of the error.
#[derive(Clone, Copy)]
struct Count<'a> {
    left: &'a Cell<usize>,
    key: &'a RefCell<Option<String>>,
    top: bool,
    record: bool,
}

impl Count<'_> {
    fn take<E: de::Error>(&self) -> Result<(), E> {
        match self.left.get().checked_sub(1) {
            Some(n) if n > 0 => {
                self.left.set(n);
                Ok(())
            }
            _ => {
                self.left.set(0);
                Err(E::custom("too much data"))
            }
        }
    }

    fn inner(self) -> Self {
        Self {
            top: false,
            record: false,
            ..self
        }
    }

    fn scalar<E: de::Error>(self, text: impl FnOnce() -> String) -> Result<(), E> {
        if self.record {
            *self.key.borrow_mut() = Some(text());
        }
        self.take()
    }
}

impl<'de> DeserializeSeed<'de> for Count<'_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Count<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.scalar(|| v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.scalar(|| v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.scalar(|| v.to_string())
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<(), E> {
        self.scalar(|| v.to_string())
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<(), E> {
        self.scalar(|| v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.scalar(|| v.to_string())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.scalar(|| v.to_owned())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.take()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.take()
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        self.inner().deserialize(d)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.take()?;
        while seq.next_element_seed(self.inner())?.is_some() {}
        Ok(())
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.take()?;
        let key_seed = Count {
            record: self.top,
            ..self.inner()
        };
        while map.next_key_seed(key_seed)?.is_some() {
            map.next_value_seed(self.inner())?;
        }
        Ok(())
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        // A tagged value (`!tag value`).
        use serde::de::VariantAccess;
        let ((), variant) = data.variant_seed(self.inner())?;
        variant.newtype_variant_seed(self.inner())
    }
}

/// The line and value column of the top-level `key:` line.
fn top_key_position(yaml: &str, key: &str) -> Option<(usize, usize)> {
    yaml.lines().enumerate().find_map(|(i, l)| {
        let rest = strip_key(l, key)?;
        let value = rest.trim_start();
        let col = if value.is_empty() {
            1
        } else {
            l[..l.len() - value.len()].chars().count() + 1
        };
        Some((i + 1, col))
    })
}

/// The rest of `line` after `key:` when the line sets `key` (plain or quoted).
fn strip_key<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    [String::new(), "\"".to_owned(), "'".to_owned()]
        .iter()
        .find_map(|q| {
            line.strip_prefix(q.as_str())?
                .strip_prefix(key)?
                .strip_prefix(q.as_str())?
                .trim_start_matches([' ', '\t'])
                .strip_prefix(':')
        })
        .filter(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// The first `*name` outside quotes and comments.
fn first_alias(yaml: &str) -> Option<(usize, usize)> {
    yaml.lines().enumerate().find_map(|(i, l)| {
        let code = l.split(" #").next().unwrap_or(l);
        let at = code
            .char_indices()
            .find(|&(j, c)| {
                c == '*'
                    && code[..j]
                        .chars()
                        .last()
                        .is_none_or(|p| matches!(p, ' ' | '[' | ',' | '{' | ':' | '-'))
            })?
            .0;
        Some((i + 1, code[..at].chars().count() + 1))
    })
}

/// A serde_yaml error as a plain problem at the right place.
/// Lines are the YAML text's; messages name file lines (`shift` added).
fn problem(yaml: &str, shift: usize, what: &str, e: &serde_yaml::Error) -> YamlProblem {
    let (line, col) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
    let full = e.to_string();
    let msg = full.split(" at line ").next().unwrap_or(&full);
    if let Some(tab) = tab_indent(yaml, shift, line) {
        return tab;
    }
    let at = |message: String, hint: String| YamlProblem {
        line,
        col,
        message,
        hint,
    };
    if let Some(key) = duplicate_key(msg) {
        let (pos, first) = second_occurrence(yaml, e, &key).unwrap_or(((line, col), line));
        return YamlProblem {
            line: pos.0,
            col: pos.1,
            message: msg!(
                "content-yaml-duplicate",
                key = key,
                line = (first + shift).to_string()
            ),
            hint: msg!("content-yaml-duplicate-hint"),
        };
    }
    if let Some(number) = huge_number(msg) {
        return at(
            msg!("content-yaml-huge-number", number = number),
            msg!("content-yaml-huge-number-hint"),
        );
    }
    if msg.ends_with("recursion limit exceeded") {
        return at(
            msg!("content-yaml-too-deep"),
            msg!("content-yaml-too-deep-hint"),
        );
    }
    if msg.ends_with("unknown anchor") {
        let name: String = yaml
            .lines()
            .nth(line.saturating_sub(1))
            .and_then(|l| l.get(col.saturating_sub(1)..))
            .map(|s| {
                s.trim_start_matches('*')
                    .chars()
                    .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
                    .collect()
            })
            .unwrap_or_default();
        return at(
            msg!("content-yaml-unknown-anchor", name = name),
            msg!("content-yaml-unknown-anchor-hint"),
        );
    }
    let syntax = syntax(&full, yaml, (line, col));
    let (line, col) = syntax.at.unwrap_or((line, col));
    YamlProblem {
        line,
        col,
        message: msg!(
            "content-yaml-invalid",
            what = what,
            problem = syntax.problem
        ),
        hint: syntax.hint,
    }
}

/// A syntax error of libyaml in plain words: what is wrong, how to fix it, and a better place
/// for it than libyaml's own when there is one (YAML lines).
pub(super) struct Syntax {
    pub(super) problem: String,
    pub(super) hint: String,
    at: Option<(usize, usize)>,
}

/// libyaml's wording (`full`, with its "while scanning …" context) turned into [`Syntax`];
/// `pos` is where libyaml puts the error.
pub(super) fn syntax(full: &str, yaml: &str, pos: (usize, usize)) -> Syntax {
    let has = |s: &str| full.contains(s);
    let plain = |problem: String, hint: String| Syntax {
        problem,
        hint,
        at: None,
    };
    let quotes = |start: &str| {
        plain(
            msg!("content-yaml-needs-quotes", start = start),
            msg!("content-yaml-quote-hint"),
        )
    };
    let check_hint = || msg!("content-yaml-check-hint");
    if has("mapping values are not allowed") || has("found unexpected ':'") {
        plain(msg!("content-yaml-colon"), msg!("content-yaml-colon-hint"))
    } else if has("escape") || has("hexadecimal") {
        plain(
            msg!("content-yaml-escape"),
            msg!("content-yaml-escape-hint"),
        )
    } else if has("end of stream") && has("quoted scalar") {
        Syntax {
            at: context_mark(full, "while scanning a quoted scalar at "),
            ..plain(
                msg!("content-yaml-open-quote"),
                msg!("content-yaml-open-quote-hint"),
            )
        }
    } else if has("end of stream") {
        plain(msg!("content-yaml-ends-early"), check_hint())
    } else if has("expected ',' or ']'") {
        plain(
            msg!("content-yaml-open-list"),
            msg!("content-yaml-open-list-hint"),
        )
    } else if has("expected ',' or '}'") {
        plain(
            msg!("content-yaml-open-group"),
            msg!("content-yaml-open-group-hint"),
        )
    } else if has("cannot start any token") {
        match char_at(yaml, pos) {
            Some('`') => quotes("`` ` ``"),
            Some(c) => quotes(&format!("`{c}`")),
            None => plain(msg!("content-yaml-other"), msg!("content-yaml-other-hint")),
        }
    } else if has("while scanning an anchor") {
        quotes("`&`")
    } else if has("while scanning an alias") {
        quotes("`*`")
    } else if has("tag") {
        quotes("`!`")
    } else if has("directive") {
        quotes("`%`")
    } else if has("control characters") || has("Unicode") || has("UTF-") || has("input error") {
        Syntax {
            at: first_control(yaml),
            ..plain(
                msg!("content-yaml-control"),
                msg!("content-yaml-control-hint"),
            )
        }
    } else if has("more than one document") || has("document indicator") || has("<document start>")
    {
        Syntax {
            at: second_document(yaml),
            ..plain(
                msg!("content-yaml-documents"),
                msg!("content-yaml-documents-hint"),
            )
        }
    } else if has("expected '-' indicator") {
        plain(
            msg!("content-yaml-list-entry"),
            msg!("content-yaml-list-entry-hint"),
        )
    } else if has("block sequence entries are not allowed") {
        plain(
            msg!("content-yaml-list-here"),
            msg!("content-yaml-list-here-hint"),
        )
    } else if has("expected key") || has("tab character") {
        plain(msg!("content-yaml-after-value"), check_hint())
    } else if has("node content") {
        plain(msg!("content-yaml-missing-value"), check_hint())
    } else if has("could not find expected ':'") {
        plain(
            msg!("content-yaml-missing-colon"),
            msg!("content-yaml-missing-colon-hint"),
        )
    } else if has("block scalar") {
        plain(
            msg!("content-yaml-block-text"),
            msg!("content-yaml-block-text-hint"),
        )
    } else {
        plain(msg!("content-yaml-other"), msg!("content-yaml-other-hint"))
    }
}

/// The line and column libyaml names after `lead` ("… at line 3 column 8").
fn context_mark(full: &str, lead: &str) -> Option<(usize, usize)> {
    let rest = full.split(lead).nth(1)?.strip_prefix("line ")?;
    let (line, rest) = rest.split_once(" column ")?;
    let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.parse().ok()?, col.parse().ok()?))
}

/// The character at a 1-based line and column of `yaml`.
fn char_at(yaml: &str, (line, col): (usize, usize)) -> Option<char> {
    yaml.lines()
        .nth(line.checked_sub(1)?)?
        .chars()
        .nth(col.checked_sub(1)?)
}

/// Where the first control character (other than tab and line breaks) is.
fn first_control(yaml: &str) -> Option<(usize, usize)> {
    yaml.lines().enumerate().find_map(|(i, l)| {
        let col = l
            .chars()
            .position(|c| c.is_control() && !matches!(c, '\t' | '\r'))?;
        Some((i + 1, col + 1))
    })
}

/// The line `---` or `...` that ends the first document (a `---` before any value starts it).
fn second_document(yaml: &str) -> Option<(usize, usize)> {
    let mut seen_value = false;
    for (i, l) in yaml.lines().enumerate() {
        let t = l.trim_end();
        let marker = t == "---" || t == "..." || t.starts_with("--- ") || t.starts_with("... ");
        if marker && seen_value {
            return Some((i + 1, 1));
        }
        seen_value |= !marker && !t.is_empty() && !t.starts_with('#');
    }
    None
}

/// A tab in the indentation of a line up to the error's `line` (all lines when unknown): YAML
/// allows only spaces there, and libyaml's own words for it never say "tab".
fn tab_indent(yaml: &str, shift: usize, line: usize) -> Option<YamlProblem> {
    let last = if line == 0 { usize::MAX } else { line };
    yaml.lines()
        .enumerate()
        .take(last)
        .find_map(|(i, l)| {
            let indent = &l[..l.len() - l.trim_start_matches([' ', '\t']).len()];
            let tab = indent.find('\t')?;
            (!l.trim().is_empty()).then(|| (i + 1, tab + 1))
        })
        .map(|(l, c)| YamlProblem {
            line: l,
            col: c,
            message: msg!("content-yaml-tab", line = (l + shift).to_string()),
            hint: msg!("content-yaml-tab-hint"),
        })
}

/// The key of serde_yaml's "duplicate entry with key \"x\"".
fn duplicate_key(msg: &str) -> Option<String> {
    let rest = msg.split("duplicate entry with key ").nth(1)?;
    let key = match rest.strip_prefix('"') {
        Some(quoted) => quoted
            .strip_suffix('"')?
            .replace("\\\"", "\"")
            .replace("\\\\", "\\"),
        None => rest.trim_matches('`').to_owned(),
    };
    Some(key)
}

/// Where the second `key:` of the mapping that starts at the error's position is, and the line
/// of the first.
fn second_occurrence(
    yaml: &str,
    e: &serde_yaml::Error,
    key: &str,
) -> Option<((usize, usize), usize)> {
    let loc = e.location()?;
    let start = loc.index();
    if yaml[start..].starts_with('{') {
        return second_in_flow(yaml, start, key);
    }
    let indent = loc.column().checked_sub(1)?;
    let mut found = Vec::new();
    for (i, l) in yaml.lines().enumerate().skip(loc.line() - 1) {
        let (head, tail) = split_at_char(l, indent);
        let first = i + 1 == loc.line();
        if !first && !l.trim().is_empty() && !l.trim_start().starts_with('#') {
            if !head.chars().all(|c| c == ' ') {
                break;
            }
            if tail.starts_with(' ') && head.len() == indent {
                continue; // deeper: a value of an earlier key
            }
        }
        if strip_key(tail, key).is_some() {
            found.push((i + 1, indent + 1));
            if found.len() == 2 {
                return Some((found[1], found[0].0));
            }
        }
    }
    None
}

fn second_in_flow(yaml: &str, start: usize, key: &str) -> Option<((usize, usize), usize)> {
    if key.is_empty() {
        return None; // an empty key (`"": x`) cannot be searched for; serde_yaml's place stands
    }
    let mut hits = Vec::new();
    let mut from = start;
    while let Some(j) = yaml[from..].find(key) {
        let at = from + j;
        let before = yaml[..at].trim_end_matches([' ', '"', '\'']).chars().last();
        let after = yaml[at + key.len()..].trim_start_matches(['"', '\'', ' ']);
        if matches!(before, Some('{' | ',')) && after.starts_with(':') {
            hits.push(at);
        }
        if hits.len() == 2 {
            break;
        }
        from = at + key.len();
    }
    let pos = |at: usize| {
        let line = yaml[..at].matches('\n').count() + 1;
        let line_start = yaml[..at].rfind('\n').map_or(0, |n| n + 1);
        (line, yaml[line_start..at].chars().count() + 1)
    };
    match hits.as_slice() {
        [a, b] => Some((pos(*b), pos(*a).0)),
        _ => None,
    }
}

/// `line` split after `n` characters (the whole line and "" when shorter).
fn split_at_char(line: &str, n: usize) -> (&str, &str) {
    match line.char_indices().nth(n) {
        Some((i, _)) => line.split_at(i),
        None => (line, ""),
    }
}

/// The digits of serde_yaml's "integer `123…` as u128" (a number too large to keep).
fn huge_number(msg: &str) -> Option<&str> {
    if !msg.contains(" as u128") && !msg.contains(" as i128") {
        return None;
    }
    msg.split('`').nth(1)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn problem_of(yaml: &str) -> YamlProblem {
        parse_value(yaml, 1, "the front matter").unwrap_err()
    }

    /// Found by fuzzing (`content_file`): a duplicate empty key in a flow mapping made the
    /// search for its second occurrence loop for ever.
    #[test]
    fn a_duplicate_empty_key_is_reported_without_looping() {
        for yaml in [
            "{\"\",\"\"\\\\\\\\\\z *\"\"\"",
            "{\"\": 1, \"\": 2}",
            "\"\": 1\n\"\": 2\n",
        ] {
            let p = problem_of(yaml);
            assert!(!p.message.is_empty(), "{yaml:?}: {p:?}");
        }
    }

    #[test]
    fn duplicate_keys_point_at_the_second_one() {
        let p = problem_of("title: a\ncontacts:\n  - name: A\n    role: x\n    name: B\n");
        assert_eq!((p.line, p.col), (6, 5), "{p:?}");
        assert_eq!(
            p.message,
            "the key `name` is given twice (the first time on line 4)"
        );
        let p = problem_of("title: a\nlocation:\n  name: x\n  sub:\n    name: deeper\n  name: y\n");
        assert_eq!((p.line, p.col), (7, 3), "{p:?}");
        let p = problem_of("\"title\": a\ntitle: b\n");
        assert_eq!((p.line, p.col), (3, 1), "{p:?}");
    }

    #[test]
    fn tabs_are_named() {
        let p = problem_of("title: a\nloc:\n  name: x\n\tfoo: y\n");
        assert_eq!((p.line, p.col), (5, 1));
        assert_eq!(
            p.message,
            "a tab character at line 5: YAML needs spaces for indentation"
        );
    }

    #[test]
    fn aliases_that_expand_too_far_are_refused_at_their_key() {
        let mut yaml = "title: x\na: &a [x,x,x,x,x,x,x,x,x,x]\n".to_owned();
        for (k, prev) in ["b", "c", "d", "e", "f", "g"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f"])
        {
            yaml.push_str(&format!(
                "{k}: &{k} [{}]\n",
                vec![format!("*{prev}"); 10].join(",")
            ));
        }
        let p = problem_of(&yaml);
        assert_eq!((p.line, p.col), (7, 4), "{p:?}");
        assert!(p.message.contains("expand to too much data"));
        // A few aliases are fine.
        let ok = parse_value("a: &a [1, 2]\nb: *a\n", 0, "x").unwrap();
        assert_eq!(ok["b"], ok["a"]);
    }

    #[test]
    fn unknown_anchors_are_explained() {
        let p = problem_of("title: *neu\n");
        assert_eq!((p.line, p.col), (2, 8), "{p:?}");
        assert_eq!(
            p.message,
            "*neu refers to an anchor &neu that is not defined before it"
        );
    }

    /// libyaml's own words ("mapping values", "scalar", "token", …) never reach a message;
    /// each common mistake gets its own plain explanation, at the place to fix.
    #[test]
    fn syntax_errors_are_explained_in_plain_words() {
        let cases: &[(&str, &str, (usize, usize))] = &[
            (
                "title: Treffen: Planung\n",
                "a second `: ` on one line",
                (2, 15),
            ),
            ("title: a\n  date: x\n", "a line indented too far", (3, 7)),
            ("title: \"a\" b\n", "text after a closing quote", (2, 12)),
            ("x: 1\ntitle: \"abc\n", "a quote is opened here", (3, 8)),
            ("lat: [1, 2\nlon: 3\n", "not closed with `]`", (3, 4)),
            (
                "location: { name: Saal\ndate: x\n",
                "not closed with `}`",
                (3, 5),
            ),
            (
                "title: @home\n",
                "may begin with `@` only in quotes",
                (2, 8),
            ),
            (
                "title: `x`\n",
                "may begin with `` ` `` only in quotes",
                (2, 8),
            ),
            ("title: ]\n", "a value is missing here", (2, 8)),
            (
                "cities:\n  - a\n  b: c\n",
                "does not start with `- `",
                (4, 3),
            ),
            ("title: \"a\\q\"\n", "a backslash", (2, 10)),
            ("title: !!\n", "may begin with `!` only in quotes", (2, 10)),
            ("title: & x\n", "may begin with `&` only in quotes", (2, 9)),
            (
                "title: ok\nplace: a\u{1}b\n",
                "invisible control character",
                (3, 9),
            ),
            (
                "title: a\n---\nb: c\n",
                "divides it into several parts",
                (3, 1),
            ),
            ("title: | x\n  a\n", "after `|` or `>`", (2, 10)),
            ("title: >\nx\n", "missing the `:`", (4, 1)),
        ];
        let libyaml = [
            "mapping",
            "scalar",
            "token",
            "node",
            "stream",
            "indicator",
            "context",
        ];
        for (yaml, words, at) in cases {
            let p = problem_of(yaml);
            assert!(p.message.contains(words), "{yaml:?}: {p:?}");
            assert_eq!((p.line, p.col), *at, "{yaml:?}: {p:?}");
            for w in libyaml {
                assert!(!p.message.contains(w), "{w} in {p:?}");
                assert!(!p.hint.contains(w), "{w} in {p:?}");
            }
        }
    }
}
