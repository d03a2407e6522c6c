//! Messages about site.yaml, links between files and whether a site is ready, in the
//! volunteer's language: the same broken sites checked with `--lang de` and `--lang en` name
//! the same mistakes in German and in English.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::process::Command;

use common::*;

fn assert_all(text: &str, expected: &[&str]) {
    for e in expected {
        assert!(text.contains(e), "{e:?} not in:\n{text}");
    }
}

#[test]
fn site_yaml_mistakes_in_german_and_in_english() {
    let (_t, root) = temp_site("mini");
    std::fs::write(
        root.join("site.yaml"),
        "title: T\nbase_url: example.org\nlanguages: [de, de]\ntimezone: Mars/Olympus\nhome: { name: M, lat: 95, lon: 9 }\n",
    )
    .unwrap();
    assert_all(
        &check_failing_in(&root, "de"),
        &[
            "site.yaml:2:11: Fehler: `base_url`: „example.org“ muss mit https:// oder http:// beginnen",
            "`languages` nennt „de“ zweimal",
            "`timezone` „Mars/Olympus“ ist keine bekannte Zeitzone",
            "`home` hat lat 95 / lon 9, das liegt nicht auf der Erdkugel",
        ],
    );
    assert_all(
        &check_failing_in(&root, "en"),
        &[
            "site.yaml:2:11: error: `base_url` \"example.org\" must start with https:// or http://",
            "`languages` lists \"de\" twice",
            "`timezone` \"Mars/Olympus\" is not a known time zone",
            "`home` has lat 95 / lon 9, outside the globe",
        ],
    );
}

#[test]
fn link_and_readiness_mistakes_in_german_and_in_english() {
    let (_t, root) = temp_site("mini");
    let write = |rel: &str, text: &str| std::fs::write(root.join(rel), text).unwrap();
    write(
        "content/associations/freundeskreis.md",
        "---\ntitle: Freundeskreis Lyon\ncities: [lyn]\n---\nSiehe [Programm](/programm/).\n",
    );
    write("content/impressum.md", "---\ntitle: Impressum\n---\n");
    assert_all(
        &check_failing_in(&root, "de"),
        &[
            "unbekannte Partnerstadt „lyn“ in cities",
            "Hinweis: vielleicht „lyon“ gemeint?",
            "defekter Link /programm/: keine Seite und keine Datei der Website hat diese Adresse",
            "die Seite Impressum hat keinen Text",
        ],
    );
    assert_all(
        &check_failing_in(&root, "en"),
        &[
            "unknown city \"lyn\" in cities",
            "hint: did you mean \"lyon\"?",
            "broken link /programm/: no page or file of the site has this address",
            "the page Impressum has no text",
        ],
    );
}

/// The address is checked while the command line is read, in the language of the environment.
#[test]
fn init_explains_a_wrong_address_in_german() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let out = Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .env("TWINSITE_LANG", "de")
        .args(["init", site.to_str().unwrap()])
        .args(["--name", "Musterstadt", "--lat", "50.9", "--lon", "9.7"])
        .args(["--base-url", "partner.example.org"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("„partner.example.org“ muss mit https:// oder http:// beginnen"),
        "{err}"
    );
}
