//! serde's and serde_yaml's wording turned into plain words for volunteers: "invalid type:
//! string \"x\", expected f64" becomes ", not the text \"x\"", and words such as `u8`, `struct`
//! or `sequence` never reach a message.

/// serde's wording for a value of the wrong type or form, in plain words, to follow "`key`
/// must be {what}": ", not the text \"x\"", "; one of its values is a list", ": the key `name`
/// is missing". `value` is the value that was read. Empty when serde says nothing a volunteer
/// could use.
pub(super) fn friendly(msg: &str, value: &serde_yaml::Value, what: &str) -> String {
    let msg = msg.split(" at line ").next().unwrap_or(msg);
    if let Some(rest) = msg
        .strip_prefix("invalid type: ")
        .or_else(|| msg.strip_prefix("invalid value: "))
    {
        let found = rest.split(", expected").next().unwrap_or(rest);
        let Some(words) = found_words(found) else {
            return String::new();
        };
        return if is_inner(found, value, what) {
            format!("; one of its values is {words}")
        } else {
            format!(", not {words}")
        };
    }
    if let Some(rest) = msg.strip_prefix("invalid length ") {
        let n = rest.split(',').next().unwrap_or(rest);
        return format!(", not a list of {n}");
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        let allowed = rest
            .split("expected ")
            .nth(1)
            .map(|e| format!(" (allowed: {})", e.trim_start_matches("one of ")))
            .unwrap_or_default();
        return format!(": unknown key {field}{allowed}");
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!(": the key {rest} is missing");
    }
    if let Some(rest) = msg.strip_prefix("duplicate field ") {
        return format!(": the key {rest} is given twice");
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        let (name, allowed) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let allowed = allowed.trim_start_matches("one of ");
        return format!(": {name} is not one of {allowed}");
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
/// where `what` asks for a list (a group).
fn is_inner(found: &str, value: &serde_yaml::Value, what: &str) -> bool {
    match value {
        serde_yaml::Value::Sequence(_) => found != "sequence" || what.starts_with("a list"),
        serde_yaml::Value::Mapping(_) => found != "map" || what.starts_with("a group"),
        _ => false,
    }
}

/// serde's description of a found value (`string "x"`, `integer `5``, `sequence`, …) in plain
/// words.
fn found_words(found: &str) -> Option<String> {
    let ticked = || found.split('`').nth(1).unwrap_or_default().to_owned();
    Some(if let Some(s) = found.strip_prefix("string ") {
        format!("the text {s}")
    } else if found.starts_with("integer ") || found.starts_with("floating point ") {
        format!("the number {}", ticked())
    } else if found.starts_with("boolean ") {
        format!("`{}`", ticked())
    } else if found == "sequence" {
        "a list".to_owned()
    } else if found == "map" {
        "a group of keys".to_owned()
    } else if found.starts_with("unit") {
        "empty".to_owned()
    } else if found.starts_with("char ") {
        format!("the text {}", found.trim_start_matches("char "))
    } else {
        return None;
    })
}

/// The plain message of an error in a flat `key: text` file (theme UI strings).
pub(super) fn string_map_error(name: &str, e: &serde_yaml::Error) -> String {
    let at = e
        .location()
        .map(|l| format!(":{}", l.line()))
        .unwrap_or_default();
    let msg = e.to_string();
    let detail = friendly(&msg, &serde_yaml::Value::Null, "");
    if detail.is_empty() {
        let msg = msg.split(" at line ").next().unwrap_or(&msg);
        if msg.contains("invalid") || msg.contains("expected") {
            format!("{name}{at}: every entry must be `key: text`")
        } else {
            format!("{name}{at}: not valid YAML: {msg}")
        }
    } else {
        format!("{name}{at}: every entry must be `key: text`{detail}")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn words(msg: &str, yaml: &str, what: &str) -> String {
        friendly(msg, &serde_yaml::from_str(yaml).unwrap(), what)
    }

    #[test]
    fn serde_wording_becomes_plain_words() {
        let cases = [
            (
                r#"invalid type: string "abc", expected u64"#,
                "abc",
                "a number",
                r#", not the text "abc""#,
            ),
            (
                "invalid type: floating point `1.5`, expected i64",
                "1.5",
                "a number",
                ", not the number 1.5",
            ),
            (
                "invalid type: sequence, expected a string",
                "[a]",
                "a text",
                ", not a list",
            ),
            (
                "invalid type: map, expected a boolean",
                "{a: 1}",
                "`true`",
                ", not a group of keys",
            ),
            (
                "invalid value: integer `300`, expected u8",
                "[1, 300]",
                "a list",
                "; one of its values is the number 300",
            ),
            (
                "invalid type: sequence, expected a string",
                "[{role: [a]}]",
                "a list of contacts",
                "; one of its values is a list",
            ),
            (
                "invalid type: map, expected a sequence",
                "{a: 1}",
                "a list",
                ", not a group of keys",
            ),
            (
                "unknown field `foo`, expected one of `name`, `lat`",
                "{foo: 1}",
                "a group",
                ": unknown key `foo` (allowed: `name`, `lat`)",
            ),
            (
                "missing field `name`",
                "{role: x}",
                "a group",
                ": the key `name` is missing",
            ),
            (
                "invalid length 3, expected a tuple of size 2",
                "[1, 2, 3]",
                "a pair",
                ", not a list of 3",
            ),
            ("something about struct Foo", "x", "a text", ""),
        ];
        for (msg, yaml, what, want) in cases {
            assert_eq!(words(msg, yaml, what), want, "{msg}");
        }
    }

    #[test]
    fn the_projects_own_messages_pass_through() {
        let msg = "`every: fortnight` is not known: write `every: week`";
        assert_eq!(
            words(msg, "{every: fortnight}", "a group"),
            format!(": {msg}")
        );
    }
}
