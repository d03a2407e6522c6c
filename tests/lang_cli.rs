//! The language of messages: `--lang` first, then `TWINSITE_LANG`, then the system locale
//! (`LC_ALL`, `LC_MESSAGES`, `LANG`), then English; the summary, the levels and what `build`,
//! `check` and `init` print follow it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::process::{Command, Output};

use common::*;

/// Runs the binary with only the given language variables set (none inherited).
fn run(args: &[&str], vars: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_twinsite"));
    cmd.args(args);
    for v in ["TWINSITE_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        cmd.env_remove(v);
    }
    cmd.envs(vars.iter().copied());
    cmd.output().unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// A copy of the mini site with an unknown city in one event.
fn broken() -> (tempfile::TempDir, String) {
    let (t, root) = temp_site("mini");
    let event = root.join("content/events/brunch.md");
    let old = std::fs::read_to_string(&event).unwrap();
    let new = old.replacen("---\n", "---\ncities: [atlantis]\n", 1);
    std::fs::write(&event, new).unwrap();
    (t, root.to_str().unwrap().to_owned())
}

/// Arguments, environment, and whether German is expected.
type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], bool);

#[test]
fn the_language_comes_from_the_flag_then_twinsite_lang_then_the_locale() {
    let (_t, root) = broken();
    let check = ["check", "--root", root.as_str(), "--now", NOW];
    let with_flag: Vec<&str> = check.iter().copied().chain(["--lang", "en"]).collect();
    let cases: [Case<'_>; 6] = [
        (&check, &[], false),
        (&check, &[("LANG", "de_DE.UTF-8")], true),
        (&check, &[("LC_ALL", "C"), ("LANG", "de_DE.UTF-8")], false),
        (
            &check,
            &[("TWINSITE_LANG", "de"), ("LANG", "en_US.UTF-8")],
            true,
        ),
        (
            &check,
            &[("TWINSITE_LANG", "xx"), ("LC_MESSAGES", "de_AT")],
            true,
        ),
        (&with_flag, &[("TWINSITE_LANG", "de")], false),
    ];
    for (args, vars, german) in cases {
        let o = run(args, vars);
        let out = text(&o);
        assert_eq!(o.status.code(), Some(1), "{vars:?}: {out}");
        let (summary, level) = if german {
            ("1 Fehler", ": Fehler: ")
        } else {
            ("1 error", ": error: ")
        };
        assert!(
            out.contains(summary) && out.contains(level),
            "{vars:?} {args:?} should be {}:\n{out}",
            if german { "German" } else { "English" }
        );
    }
}

#[test]
fn build_check_and_init_report_in_german() {
    let (_t, root) = temp_site("mini");
    let out_dir = root.join("out");
    let b = run(
        &[
            "--lang",
            "de",
            "build",
            "--root",
            root.to_str().unwrap(),
            "--now",
            NOW,
            "--output",
            out_dir.to_str().unwrap(),
        ],
        &[],
    );
    assert!(b.status.success(), "{}", text(&b));
    assert!(
        text(&b).contains("Dateien (") && text(&b).contains(" geschrieben, "),
        "{}",
        text(&b)
    );

    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("neu");
    let args = [
        "init",
        site.to_str().unwrap(),
        "--name",
        "Neustadt",
        "--lat",
        "49.35",
        "--lon",
        "8.14",
    ];
    let i = run(&args, &[("TWINSITE_LANG", "de")]);
    assert!(i.status.success(), "{}", text(&i));
    assert!(text(&i).contains("Neue Website in"), "{}", text(&i));
    let again = run(&args, &[("TWINSITE_LANG", "de")]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        text(&again).contains("der Ordner ist nicht leer") && text(&again).contains("Hinweis: "),
        "{}",
        text(&again)
    );
    let lat = run(&["init", "x", "--lat", "149"], &[("LANG", "de_DE.UTF-8")]);
    assert_eq!(lat.status.code(), Some(2));
    assert!(
        text(&lat).contains("149 ist kein Breitengrad"),
        "{}",
        text(&lat)
    );
    // `--lang` counts while the command line is read, too.
    let lat = run(
        &["--lang", "de", "init", "x", "--lat", "149"],
        &[("LANG", "en_US.UTF-8")],
    );
    assert!(
        text(&lat).contains("149 ist kein Breitengrad"),
        "{}",
        text(&lat)
    );
    let lat = run(&["init", "x", "--lat=149", "--lang=de"], &[]);
    assert!(
        text(&lat).contains("149 ist kein Breitengrad"),
        "{}",
        text(&lat)
    );
}
