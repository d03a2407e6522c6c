//! `data/events.json` is an interface between sites: what the build writes (demo, multilingual,
//! hostile) is valid against the published JSON Schema in `docs/events.schema.json`, checked
//! with Python's `jsonschema` as an independent validator, and the schema itself is checked
//! against its meta-schema.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;

const VALIDATE: &str = r#"
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
bad = 0
for path in sys.argv[2:]:
    data = json.load(open(path))
    for e in sorted(validator.iter_errors(data), key=lambda e: list(e.path)):
        bad += 1
        print(f"{path}: {list(e.path)}: {e.message}")
    if not data.get("events"):
        bad += 1
        print(f"{path}: no events")
sys.exit(1 if bad else 0)
"#;

fn validate(files: &[&Path]) -> (bool, String) {
    let schema = common::repo_root().join("docs/events.schema.json");
    let o = Command::new(common::python())
        .args(["-c", VALIDATE, schema.to_str().unwrap()])
        .args(files)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        !text.contains("ModuleNotFoundError"),
        "jsonschema is missing (bash .ci/test.sh installs it): {text}"
    );
    (o.status.success(), text)
}

#[test]
fn the_events_json_every_site_writes_is_valid_against_the_schema() {
    let (_a, demo) = common::build_into_temp(&common::repo_root());
    let (_b, multi) = common::build_into_temp(&common::fixture("multilingual"));
    let (_c, hostile) = common::build_into_temp(&common::fixture("hostile"));
    let files = [
        demo.join("data/events.json"),
        multi.join("data/events.json"),
        multi.join("fr/data/events.json"),
        hostile.join("data/events.json"),
    ];
    let (ok, text) = validate(&files.iter().map(|p| p.as_path()).collect::<Vec<_>>());
    assert!(ok, "{text}");
}

#[test]
fn the_schema_refuses_what_a_reader_could_not_use() {
    let dir = tempfile::tempdir().unwrap();
    let (_a, demo) = common::build_into_temp(&common::fixture("mini"));
    let mut data: serde_json::Value =
        serde_json::from_str(&common::read(&demo, "data/events.json")).unwrap();
    data["events"][0]["date"] = serde_json::json!("5. Dezember");
    let broken = dir.path().join("events.json");
    std::fs::write(&broken, data.to_string()).unwrap();
    let (ok, text) = validate(&[&broken]);
    assert!(!ok && text.contains("5. Dezember"), "{text}");
}
