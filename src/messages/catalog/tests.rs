//! The catalogs are complete: every file parses, every language has every message with the same
//! arguments, every `msg!` in the source names a message and passes all it uses, and no message
//! is left unused.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;

type Vars = BTreeSet<String>;

/// Every message of `lang` with the variables it uses, or the problems found reading it.
fn messages(lang: Lang) -> (BTreeMap<String, Vars>, Vec<String>) {
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    for (name, source) in FILE_NAMES.iter().zip(sources(lang)) {
        let file = format!("locales/{}/{name}.ftl", lang.tag());
        let resource = match fluent_syntax::parser::parse(source) {
            Ok(r) => r,
            Err((r, errors)) => {
                problems.push(format!("{file}: {errors:?}"));
                r
            }
        };
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = Vars::new();
                match &m.value {
                    Some(p) => pattern_vars(p, &mut vars),
                    None => problems.push(format!("{file}: {} has no text", m.id.name)),
                }
                if out.insert(m.id.name.to_owned(), vars).is_some() {
                    problems.push(format!("{file}: {} is defined twice", m.id.name));
                }
            }
        }
    }
    (out, problems)
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut Vars) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut Vars) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(e: &ast::InlineExpression<&str>, vars: &mut Vars) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        _ => {}
    }
}

#[test]
fn every_language_has_every_message_with_the_same_arguments() {
    let (english, mut problems) = messages(Lang::En);
    assert!(english.len() > 1, "the English catalog is empty");
    for lang in Lang::ALL.into_iter().skip(1) {
        let (other, more) = messages(lang);
        problems.extend(more);
        for (id, vars) in &english {
            match other.get(id) {
                None => problems.push(format!("{}: {id} is missing", lang.tag())),
                Some(v) if !v.is_subset(vars) => problems.push(format!(
                    "{}: {id} uses {:?}, which English does not pass",
                    lang.tag(),
                    v.difference(vars).collect::<Vec<_>>()
                )),
                Some(_) => {}
            }
        }
        for id in other.keys().filter(|id| !english.contains_key(*id)) {
            problems.push(format!(
                "{}: {id} is not in the English catalog",
                lang.tag()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_message_formats_without_errors() {
    let (english, _) = messages(Lang::En);
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        let bundle = bundle(lang);
        for (id, vars) in &english {
            for sample in [Arg::Number(1.0), Arg::Number(7.0), Arg::Text("x".into())] {
                let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                    continue;
                };
                let mut args = FluentArgs::new();
                for v in vars {
                    match &sample {
                        Arg::Number(n) => args.set(v.as_str(), FluentValue::from(*n)),
                        Arg::Text(t) => args.set(v.as_str(), FluentValue::from(t.as_str())),
                    }
                }
                let mut errors = Vec::new();
                let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
                if !errors.is_empty() {
                    problems.push(format!("{}: {id}: {errors:?}", lang.tag()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// One `msg!` call found in the source.
struct Call {
    at: String,
    id: String,
    args: Vars,
}

#[test]
fn every_message_the_source_uses_exists_and_gets_its_arguments() {
    let (english, _) = messages(Lang::En);
    let (german, _) = messages(Lang::De);
    let mut calls = Vec::new();
    collect_calls(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut calls,
    );
    assert!(calls.len() > 1, "no msg! calls found");
    let mut problems = Vec::new();
    for call in &calls {
        let Some(vars) = english.get(&call.id) else {
            problems.push(format!("{}: {} is not in the catalog", call.at, call.id));
            continue;
        };
        let needed: Vars = vars
            .union(german.get(&call.id).unwrap_or(vars))
            .cloned()
            .collect();
        for missing in needed.difference(&call.args) {
            problems.push(format!("{}: {} needs ${missing}", call.at, call.id));
        }
        for extra in call.args.difference(&needed) {
            problems.push(format!("{}: {} does not use ${extra}", call.at, call.id));
        }
    }
    let used: BTreeSet<&str> = calls.iter().map(|c| c.id.as_str()).collect();
    for id in english.keys().filter(|id| !used.contains(id.as_str())) {
        problems.push(format!("{id} is in the catalog but never used"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn collect_calls(dir: &Path, calls: &mut Vec<Call>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_calls(&path, calls);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let name = path.display().to_string();
            calls.extend(calls_in(&name, &text));
        }
    }
}

/// The `msg!("id", name = value, …)` calls in `text`, skipping comment lines.
fn calls_in(file: &str, text: &str) -> Vec<Call> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.trim_start().starts_with("//") {
            continue;
        }
        for (i, _) in line.match_indices("msg!(") {
            let at = format!("{file}:{}", text[..start].matches('\n').count() + 1);
            if let Some(call) = parse_call(&text[start + i + 5..], at) {
                out.push(call);
            }
        }
    }
    out
}

fn parse_call(rest: &str, at: String) -> Option<Call> {
    let rest = rest.trim_start().strip_prefix('"')?;
    let end = rest.find('"')?;
    let id = rest[..end].to_owned();
    let mut rest = &rest[end + 1..];
    let mut args = Vars::new();
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix(',') {
            rest = r.trim_start();
        }
        if rest.starts_with(')') || rest.is_empty() {
            break;
        }
        let name_end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
        args.insert(rest[..name_end].to_owned());
        rest = rest[name_end..].trim_start().strip_prefix('=')?;
        rest = &rest[expression_len(rest)..];
    }
    Some(Call { at, id, args })
}

/// The length of one macro argument expression: up to the first `,` or `)` outside brackets
/// and string literals.
fn expression_len(s: &str) -> usize {
    let mut depth = 0usize;
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return i,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => return i,
            '"' => {
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    s.len()
}

#[test]
fn the_scanner_reads_calls_with_nested_expressions() {
    let calls = calls_in(
        "x.rs",
        "let a = msg!(\"one\", path = f(a, b), n = v[1].len());\n// msg!(\"no\")\nmsg!(\"two\")",
    );
    let found: Vec<(String, Vec<String>)> = calls
        .iter()
        .map(|c| (c.id.clone(), c.args.iter().cloned().collect()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("one".to_owned(), vec!["n".to_owned(), "path".to_owned()]),
            ("two".to_owned(), vec![])
        ]
    );
}
