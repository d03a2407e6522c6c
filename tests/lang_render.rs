//! The messages of the calendar, photos and output folder in the language asked for: German
//! with `--lang de`, English with `--lang en`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::Command;

use common::{NOW, temp_site};

/// `twinsite build` of `root` into `out` in `lang`: stdout and stderr together.
fn build(lang: &str, root: &Path, out: &Path) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .args(["--lang", lang, "build", "--now", NOW, "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "the build must fail");
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

/// The mini site with a monthly event whose first date does not fit and a cut-off photo.
fn broken_site() -> (tempfile::TempDir, std::path::PathBuf) {
    let (t, root) = temp_site("mini");
    std::fs::write(
        root.join("content/events/treffen.md"),
        "---\ntitle: Treffen\ndate: 2026-03-02\nlocation: { name: Rathaus }\n\
         repeat: { every: month, weekday: tue, nth: 2 }\n---\nText.\n",
    )
    .unwrap();
    let bundle = root.join("content/events/fotoabend");
    std::fs::create_dir_all(&bundle).unwrap();
    std::fs::write(
        bundle.join("index.md"),
        "---\ntitle: Fotoabend\ndate: 2026-12-01\nlocation: { name: Rathaus }\n\
         image: { src: kaputt.png, alt: Bild }\n---\nText.\n",
    )
    .unwrap();
    std::fs::write(bundle.join("kaputt.png"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    (t, root)
}

#[test]
fn calendar_and_photo_messages_in_german_and_english() {
    let (t, root) = broken_site();
    let out = t.path().join("public");
    let de = build("de", &root, &out);
    assert!(
        de.contains("ist ein Montag, aber laut `repeat` gilt: jeden 2. Dienstag im Monat")
            && de.contains("das erste passende Datum ist der 2026-03-10"),
        "{de}"
    );
    assert!(
        de.contains(
            "das Bild kaputt.png ist abgeschnitten oder beschädigt: der PNG-Dateikopf endet zu früh"
        ),
        "{de}"
    );
    let en = build("en", &root, &out);
    assert!(
        en.contains("is a Monday, but `repeat` says the 2nd Tuesday of every month")
            && en.contains("the first date that fits is 2026-03-10"),
        "{en}"
    );
    assert!(
        en.contains("the image kaputt.png is cut off or damaged: the PNG header ends early"),
        "{en}"
    );
}

#[test]
fn output_folder_refusal_in_german_and_english() {
    let (t, root) = temp_site("mini");
    let out = t.path().join("belegt");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("brief.txt"), "nicht löschen\n").unwrap();
    let de = build("de", &root, &out);
    assert!(
        de.contains("wird nicht geschrieben: der Ordner ist nicht leer")
            && de.contains("Hinweis: mit --output einen leeren Ordner wählen"),
        "{de}"
    );
    let en = build("en", &root, &out);
    assert!(
        en.contains("the folder is not empty and was not made by twinsite")
            && en.contains("hint: choose an empty folder with --output"),
        "{en}"
    );
    assert!(out.join("brief.txt").exists());
}
