//! One test per kind of bad input: each plants a single mistake in a copy of the mini fixture
//! and asserts that the build fails with a message naming the file, line and problem, and that
//! several mistakes are all reported together.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use twinsite::diagnostics::{Diagnostic, Severity};

/// Writes `text` at `rel` in a copy of the mini site and returns every diagnostic of a build.
fn diagnostics_with(rel: &str, text: &[u8]) -> Vec<Diagnostic> {
    let (_t, root) = temp_site("mini");
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    match twinsite::build_in_memory(&opts(&root)) {
        Ok(b) => b.warnings,
        Err(d) => d,
    }
}

fn assert_problem(rel: &str, text: &str, severity: Severity, location: &str, message: &str) {
    let diags = diagnostics_with(rel, text.as_bytes());
    let found = diags
        .iter()
        .find(|d| d.severity == severity && d.message.contains(message));
    let Some(d) = found else {
        panic!(
            "no {severity:?} containing {message:?}; got:\n{}",
            diags
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    };
    assert!(
        d.to_string().starts_with(location),
        "expected {location}, got {d}"
    );
    assert!(d.hint.is_some(), "{d} has no hint");
}

const EV: &str = "content/events/brunch.md";

#[test]
fn yaml_syntax_error_points_at_its_line() {
    assert_problem(
        EV,
        "---\ntitle: Brunch\ndate: 2026-12-05\nlocation: { name: Saal\n---\n",
        Severity::Error,
        "content/events/brunch.md:5",
        "not valid YAML",
    );
}

#[test]
fn unclosed_front_matter() {
    assert_problem(
        EV,
        "---\ntitle: Brunch\ndate: 2026-12-05\n\nText\n",
        Severity::Error,
        "content/events/brunch.md:1:1",
        "never closed",
    );
}

#[test]
fn missing_required_key() {
    assert_problem(
        EV,
        "---\ntitle: Brunch\n---\n",
        Severity::Error,
        "content/events/brunch.md:1",
        "required key `date` is missing",
    );
}

#[test]
fn unknown_key_is_a_warning_with_suggestion() {
    let diags = diagnostics_with(
        EV,
        b"---\ntitel: Brunch\ntitle: Brunch\ndate: 2026-12-05\n---\n",
    );
    let d = diags
        .iter()
        .find(|d| d.message.contains("unknown key `titel`"))
        .expect("warning");
    assert_eq!(d.severity, Severity::Warning);
    assert!(
        d.to_string().starts_with("content/events/brunch.md:2:1"),
        "{d}"
    );
    assert_eq!(d.hint.as_deref(), Some("did you mean `title`?"));
}

#[test]
fn wrong_type() {
    assert_problem(
        "content/cities/lyon.md",
        "---\ntitle: Lyon\ncountry: Frankreich\nsince: 1963\nlat: nördlich\nlon: 4.8\n---\n",
        Severity::Error,
        "content/cities/lyon.md:5:6",
        "`lat` must be a number",
    );
}

#[test]
fn impossible_date() {
    assert_problem(
        EV,
        "---\ntitle: Brunch\ndate: 2026-02-30\n---\n",
        Severity::Error,
        "content/events/brunch.md:3:7",
        "2026-02-30 is not a real date",
    );
}

#[test]
fn impossible_time() {
    assert_problem(
        EV,
        "---\ntitle: Brunch\ndate: 2026-12-05\ntime: \"25:00\"\n---\n",
        Severity::Error,
        "content/events/brunch.md:4:7",
        "not a real time",
    );
}

#[test]
fn latitude_out_of_range() {
    assert_problem(
        "content/cities/lyon.md",
        "---\ntitle: Lyon\ncountry: Frankreich\nsince: 1963\nlat: 145.7\nlon: 4.8\n---\n",
        Severity::Error,
        "content/cities/lyon.md:5:6",
        "`lat` is 145.7",
    );
}

#[test]
fn city_at_zero_zero_is_warned() {
    let diags = diagnostics_with(
        "content/cities/lyon.md",
        b"---\ntitle: Lyon\ncountry: Frankreich\nsince: 1963\nlat: 0\nlon: 0\n---\n",
    );
    assert!(
        diags
            .iter()
            .any(|d| d.severity == Severity::Warning && d.message.contains("both 0")),
        "{diags:?}"
    );
}

#[test]
fn unknown_enum_values() {
    assert_problem(
        "content/cities/krakow.md",
        "---\ntitle: Krakau\ncountry: Polen\nsince: 1991\nlat: 50\nlon: 19\nkind: partnershp\n---\n",
        Severity::Error,
        "content/cities/krakow.md:7:7",
        "`kind` cannot be \"partnershp\"",
    );
    assert_problem(
        "content/cities/krakow.md",
        "---\ntitle: Krakau\ncountry: Polen\nsince: 1991\nlat: 50\nlon: 19\nstatus: sleeping\n---\n",
        Severity::Error,
        "content/cities/krakow.md:7:9",
        "`status` cannot be",
    );
    assert_problem(
        "content/cities/krakow.md",
        "---\ntitle: Krakau\ncountry: Polen\nsince: 1991\nlat: 50\nlon: 19\nactivity: AAAA\n---\n",
        Severity::Error,
        "content/cities/krakow.md:7:11",
        "`activity` cannot be",
    );
}

#[test]
fn unknown_city_reference_suggests_the_close_one() {
    let text = "---\ntitle: Brunch\ndate: 2026-12-05\ncities:\n  - lyonn\n---\n";
    let diags = diagnostics_with(EV, text.as_bytes());
    let d = diags
        .iter()
        .find(|d| d.message.contains("unknown city \"lyonn\""))
        .expect("error");
    assert!(
        d.to_string().starts_with("content/events/brunch.md:5:5"),
        "{d}"
    );
    assert_eq!(d.hint.as_deref(), Some("did you mean \"lyon\"?"));
}

#[test]
fn unknown_organizer() {
    assert_problem(
        EV,
        "---\ntitle: Brunch\ndate: 2026-12-05\norganizers: [freundeskreiss]\n---\n",
        Severity::Error,
        "content/events/brunch.md:4:14",
        "unknown association \"freundeskreiss\"",
    );
}

#[test]
fn duplicate_slugs() {
    let diags = diagnostics_with(
        "content/events/2024/brunch.md",
        b"---\ntitle: Alter Brunch\ndate: 2024-12-05\n---\n",
    );
    assert!(
        diags
            .iter()
            .any(|d| d.is_error() && d.message.contains("slug \"brunch\" is already used")),
        "{diags:?}"
    );
}

#[test]
fn bad_slug() {
    assert_problem(
        EV,
        "---\ntitle: Brunch\nslug: Brunch_2026\ndate: 2026-12-05\n---\n",
        Severity::Error,
        "content/events/brunch.md:3:7",
        "may only contain a-z, 0-9 and -",
    );
    let diags = diagnostics_with(
        "content/events/Brunch im Mai.md",
        b"---\ntitle: Brunch\ndate: 2026-05-05\n---\n",
    );
    let d = diags
        .iter()
        .find(|d| d.message.contains("cannot be used in a web address"))
        .expect("error");
    assert!(
        d.hint.as_deref().unwrap().contains("brunch-im-mai.md"),
        "{d}"
    );
}

#[test]
fn end_date_before_date() {
    assert_problem(
        EV,
        "---\ntitle: Brunch\ndate: 2026-12-05\nend_date: 2026-12-01\n---\n",
        Severity::Error,
        "content/events/brunch.md:4:11",
        "before `date`",
    );
}

#[test]
fn not_utf8() {
    let diags = diagnostics_with(EV, b"---\ntitle: Br\xfcnch\ndate: 2026-12-05\n---\n");
    let d = diags
        .iter()
        .find(|d| d.message.contains("not UTF-8"))
        .expect("error");
    assert!(
        d.to_string().starts_with("content/events/brunch.md:2:10"),
        "{d}"
    );
}

#[test]
fn bom_and_crlf_are_fine() {
    let diags = diagnostics_with(
        EV,
        b"\xEF\xBB\xBF---\r\ntitle: Brunch\r\ndate: 2026-12-05\r\n---\r\nText\r\n",
    );
    assert!(!diags.iter().any(Diagnostic::is_error), "{diags:?}");
}

#[test]
fn all_errors_are_reported_together() {
    let (_t, root) = temp_site("mini");
    std::fs::write(
        root.join("content/events/brunch.md"),
        "---\ntitle: Brunch\ndate: 2026-13-01\n---\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/cities/lyon.md"),
        "---\ntitle: Lyon\ncountry: F\nsince: 1963\nlat: 99\nlon: 200\n---\n",
    )
    .unwrap();
    let diags = twinsite::build_in_memory(&opts(&root))
        .err()
        .expect("fails");
    let errors: Vec<String> = diags
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/events/brunch.md:3")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/cities/lyon.md:5")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("content/cities/lyon.md:6")),
        "{errors:?}"
    );
}

#[test]
fn missing_imprint_page_is_named_in_site_yaml() {
    let (_t, root) = temp_site("mini");
    std::fs::remove_file(root.join("content/impressum.md")).unwrap();
    let diags = twinsite::build_in_memory(&opts(&root))
        .err()
        .expect("fails");
    let d = diags
        .iter()
        .find(|d| d.message.contains("`imprint`"))
        .expect("error");
    assert!(d.to_string().starts_with("site.yaml:7"), "{d}");
}
