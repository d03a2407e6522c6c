//! Content messages in the volunteer's language: the same broken site checked with `--lang de`
//! and `--lang en` names the same mistakes in German and in English.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;

/// A copy of the mini site with one mistake of each common kind in its content files.
fn broken_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let (t, root) = temp_site("mini");
    let write = |rel: &str, text: &str| std::fs::write(root.join(rel), text).unwrap();
    // A colon in an unquoted title: YAML cannot read the front matter.
    write(
        "content/events/brunch.md",
        "---\ntitle: Brunch: Planung\ndate: 2026-12-05\n---\n",
    );
    // A mistyped key and a text where a number belongs; an impossible date.
    write(
        "content/cities/lyon.md",
        "---\ntitel: Lyon\ntitle: Lyon\ncountry: Frankreich\nsince: 1963\nlat: nördlich\nlon: 4.8\n---\n",
    );
    write(
        "content/news/bericht.md",
        "---\ntitle: Bericht\ndate: 2026-02-30\n---\nText\n",
    );
    (t, root)
}

#[test]
fn content_mistakes_are_named_in_german_and_in_english() {
    let (_t, root) = broken_site();
    let de = check_failing_in(&root, "de");
    for expected in [
        "content/events/brunch.md:2:14",
        "der Kopfteil ist kein gültiges YAML: ein `: ` an einer Stelle, an der es nicht stehen darf",
        "ein Wert, der `: ` enthält, muss in Anführungszeichen stehen",
        "unbekannte Angabe `titel` für eine Partnerstadt; sie wird ignoriert",
        "vielleicht `title` gemeint?",
        "`lat` muss eine Zahl in Dezimalgrad wie 45.764 sein, nicht der Text „nördlich“",
        "`date`: 2026-02-30 ist kein gültiges Datum",
    ] {
        assert!(de.contains(expected), "{expected:?} not in:\n{de}");
    }
    let en = check_failing_in(&root, "en");
    for expected in [
        "content/events/brunch.md:2:14",
        "the front matter is not valid YAML: a `: ` where it is not allowed",
        "a value that contains `: ` must be put in quotes",
        "unknown key `titel` for a city; it is ignored",
        "did you mean `title`?",
        "`lat` must be a number in decimal degrees like 45.764, not the text \"nördlich\"",
        "`date`: 2026-02-30 is not a real date",
    ] {
        assert!(en.contains(expected), "{expected:?} not in:\n{en}");
    }
    assert!(!en.contains("Kopfteil"), "{en}");
    assert!(!de.contains("front matter"), "{de}");
}
