//! serde's and serde_yaml's wording turned into plain words for volunteers: "invalid type:
//! string \"x\", expected f64" becomes ", not the text \"x\"", and words such as `u8`, `struct`
//! or `sequence` never reach a message.

/// What the type a value is read as accepts, for telling a wrong value from a wrong value
/// inside it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Expects {
    /// It is read from a list.
    pub(super) list: bool,
    /// It is read from a group of keys.
    pub(super) group: bool,
}

/// serde's wording for a value of the wrong type or form, in plain words, to follow "`key`
/// must be {what}": ", not the text \"x\"", "; one of its values is a list", ": the key `name`
/// is missing". `value` is the value that was read, `expects` what its type accepts. Empty
/// when serde says nothing a volunteer could use.
pub(super) fn friendly(msg: &str, value: &serde_yaml::Value, expects: Expects) -> String {
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    if let Some(rest) = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
    {
        let found = rest.split(", expected").next().unwrap_or(rest);
        let Some(words) = found_words(found) else {
            return String::new();
        };
        return if is_inner(found, value, expects) {
            msg!("content-detail-inner", found = words)
        } else {
            msg!("content-detail-not", found = words)
        };
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        let n = rest.split(',').next().unwrap_or(rest);
        return match n.parse::<u64>() {
            Ok(count) => msg!("content-detail-list-length", count = count),
            Err(_) => msg!("content-detail-list-length", count = n),
        };
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        return match rest.split("expected ").nth(1) {
            Some(e) => msg!(
                "content-detail-unknown-key-allowed",
                key = field,
                allowed = e.trim_start_matches("one of ")
            ),
            None => msg!("content-detail-unknown-key", key = field),
        };
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return msg!("content-detail-missing-key", key = rest);
    }
    if let Some(rest) = msg.strip_prefix("duplicate field ") {
        return msg!("content-detail-duplicate-key", key = rest);
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (name, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let allowed = allowed.trim_start_matches("one of ");
        return msg!("content-detail-not-one-of", value = name, allowed = allowed);
    }
    // The project's own messages (e.g. from `repeat:`) are plain words already.
    if PROGRAMMER_WORDS.iter().any(|w| msg.contains(w)) {
        String::new()
    } else {
        format!(": {msg}")
    }
}

/// Words from serde and Rust that must never reach a volunteer.
const PROGRAMMER_WORDS: &[&str] = &[
    "invalid", "expected", "struct", "variant", "serde", "sequence", "map", "u8", "u16", "u32",
    "u64", "u128", "i8", "i16", "i32", "i64", "i128", "f32", "f64", "usize", "isize", "tuple",
    "enum", "newtype", "option",
];

/// Whether serde's complaint about `found` concerns a value inside `value` rather than
/// `value` itself: a scalar found in a list or group, or a list in a list (a group in a group)
/// where a list (a group) is expected.
fn is_inner(found: &str, value: &serde_yaml::Value, expects: Expects) -> bool {
    match value {
        serde_yaml::Value::Sequence(_) => found != "sequence" || expects.list,
        serde_yaml::Value::Mapping(_) => found != "map" || expects.group,
        _ => false,
    }
}

/// serde's description of a found value (`string "x"`, `integer `5``, `sequence`, …) in plain
/// words.
fn found_words(found: &str) -> Option<String> {
    let ticked = || found.split('`').nth(1).unwrap_or_default().to_owned();
    Some(if let Some(s) = found.strip_prefix("string ") {
        msg!("content-found-text", text = unquote(s))
    } else if found.starts_with("integer ") || found.starts_with("floating point ") {
        msg!("content-found-number", number = ticked())
    } else if found.starts_with("boolean ") {
        format!("`{}`", ticked())
    } else if found == "sequence" {
        msg!("content-kind-list")
    } else if found == "map" {
        msg!("content-kind-group")
    } else if found.starts_with("unit") {
        msg!("content-kind-empty")
    } else if found.starts_with("character ") {
        msg!("content-found-text", text = ticked())
    } else {
        return None;
    })
}

/// The text inside serde's quotes: `"a \"b\""` gives `a "b"`.
fn unquote(s: &str) -> String {
    let inner = s
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(s);
    inner.replace("\\\"", "\"").replace("\\\\", "\\")
}

/// The plain message of an error in a flat `key: text` file (theme UI strings).
pub(super) fn string_map_error(name: &str, e: &serde_yaml::Error) -> String {
    let at = e
        .location()
        .map(|l| format!(":{}", l.line()))
        .unwrap_or_default();
    let place = format!("{name}{at}");
    let msg = e.to_string();
    let detail = friendly(&msg, &serde_yaml::Value::Null, Expects::default());
    if !detail.is_empty() {
        return msg!(
            "content-strings-entry-detail",
            place = place,
            detail = detail
        );
    }
    let short = msg.split(" at line ").next().unwrap_or(&msg);
    if short.contains("invalid") || short.contains("expected") {
        msg!("content-strings-entry", place = place)
    } else {
        let (line, col) = e.location().map_or((0, 0), |l| (l.line(), l.column()));
        let problem = super::yaml::syntax(&msg, "", (line, col)).problem;
        msg!("content-strings-invalid", place = place, problem = problem)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// `shape` is what the type accepts: "list", "group" or "".
    fn words(msg: &str, yaml: &str, shape: &str) -> String {
        let expects = Expects {
            list: shape == "list",
            group: shape == "group",
        };
        friendly(msg, &serde_yaml::from_str(yaml).unwrap(), expects)
    }

    #[test]
    fn serde_wording_becomes_plain_words() {
        let cases = [
            (
                r#"invalid type: string "abc", expected u64"#,
                "abc",
                "",
                r#", not the text "abc""#,
            ),
            (
                "invalid type: floating point `1.5`, expected i64",
                "1.5",
                "",
                ", not the number 1.5",
            ),
            (
                "invalid type: sequence, expected a string",
                "[a]",
                "",
                ", not a list",
            ),
            (
                "invalid type: map, expected a boolean",
                "{a: 1}",
                "",
                ", not a group of keys",
            ),
            (
                "invalid value: integer `300`, expected u8",
                "[1, 300]",
                "list",
                "; one of its values is the number 300",
            ),
            (
                "invalid type: sequence, expected a string",
                "[{role: [a]}]",
                "list",
                "; one of its values is a list",
            ),
            (
                "invalid type: map, expected a sequence",
                "{a: 1}",
                "list",
                ", not a group of keys",
            ),
            (
                "unknown field `foo`, expected one of `name`, `lat`",
                "{foo: 1}",
                "group",
                ": unknown key `foo` (allowed: `name`, `lat`)",
            ),
            (
                "missing field `name`",
                "{role: x}",
                "group",
                ": the key `name` is missing",
            ),
            (
                "invalid length 3, expected a tuple of size 2",
                "[1, 2, 3]",
                "list",
                ", not a list of 3",
            ),
            ("something about struct Foo", "x", "", ""),
            (
                r#"invalid type: string "say \"hi\"", expected f64"#,
                "x",
                "",
                r#", not the text "say "hi"""#,
            ),
        ];
        for (msg, yaml, what, want) in cases {
            assert_eq!(words(msg, yaml, what), want, "{msg}");
        }
    }

    #[test]
    fn the_projects_own_messages_pass_through() {
        let msg = "`every: fortnight` is not known: write `every: week`";
        assert_eq!(
            words(msg, "{every: fortnight}", "group"),
            format!(": {msg}")
        );
    }
}
