//! Shared helpers for the integration tests: fixture paths, copying a fixture into a temp dir,
//! building with a pinned date, and reading output files.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use twinsite::BuildOptions;

/// The date every test builds at.
pub(crate) const NOW: &str = "2026-11-21";

pub(crate) fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The Python that runs the independent checkers in tests/tools: `TWINSITE_TEST_PYTHON`, else
/// the environment `.ci/test.sh` makes (target/test-python), else `python3` on the PATH.
pub(crate) fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("TWINSITE_TEST_PYTHON").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let venv = repo_root().join("target/test-python/bin/python3");
    if venv.exists() {
        venv
    } else {
        PathBuf::from("python3")
    }
}

pub(crate) fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(name)
}

/// Copies a folder tree (files only, no symlinks).
pub(crate) fn copy_dir(src: &Path, dst: &Path) {
    std::fs::create_dir_all(dst).unwrap();
    for entry in std::fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        let to = dst.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to);
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
}

/// A temp copy of a fixture site.
pub(crate) fn temp_site(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&fixture(name), &root);
    (dir, root)
}

pub(crate) fn opts(root: &Path) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        now: Some(NOW.parse().unwrap()),
        ..Default::default()
    }
}

/// Builds `root` into a fresh temp folder and returns it.
pub(crate) fn build_into_temp(root: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    match twinsite::build(&opts(root), &out) {
        Ok(_) => {}
        Err(twinsite::BuildError::Content(d)) => {
            panic!(
                "build failed:\n{}",
                d.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        }
        Err(e) => panic!("build failed: {e:?}"),
    }
    (dir, out)
}

pub(crate) fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Every file below `dir`, relative, with `/`.
pub(crate) fn files(dir: &Path) -> Vec<String> {
    let mut v = Vec::new();
    fn walk(base: &Path, d: &Path, v: &mut Vec<String>) {
        for e in std::fs::read_dir(d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                walk(base, &e.path(), v);
            } else {
                v.push(
                    e.path()
                        .strip_prefix(base)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    walk(dir, dir, &mut v);
    v.sort();
    v
}

/// All values of `attr="…"` in `html` (HTML-unescaped for `&amp;`).
pub(crate) fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    for quote in ['"', '\''] {
        let needle = format!(" {attr}={quote}");
        let mut rest = html;
        while let Some(i) = rest.find(&needle) {
            rest = &rest[i + needle.len()..];
            if let Some(end) = rest.find(quote) {
                out.push(rest[..end].replace("&amp;", "&"));
                rest = &rest[end..];
            }
        }
    }
    // minified HTML may drop quotes: attr=value
    let needle = format!(" {attr}=");
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        if !rest.starts_with(['"', '\'']) {
            let end = rest.find([' ', '>']).unwrap_or(rest.len());
            out.push(rest[..end].replace("&amp;", "&"));
        }
    }
    out
}

/// Resolves a site-absolute link against the output folder; `None` when nothing is there.
pub(crate) fn resolve(out: &Path, base_path: &str, link: &str) -> Option<PathBuf> {
    let link = link.split('#').next().unwrap_or(link);
    let link = link.split('?').next().unwrap_or(link);
    let rel = link.strip_prefix(base_path)?;
    let p = out.join(rel);
    if link.ends_with('/') || rel.is_empty() {
        let index = p.join("index.html");
        return index.is_file().then_some(index);
    }
    p.is_file().then_some(p)
}

/// The HTML with every quoted attribute value and the text of `<title>` (which the browser
/// reads as plain text up to `</title`) blanked out: what is left is markup and text, so a
/// `<script` found in it is a real element, not harmless text inside `content="…"`.
pub(crate) fn markup_without_attribute_values(html: &str) -> String {
    let mut html = html.to_owned();
    while let Some(start) = html.find("<title>") {
        let Some(end) = html[start..].find("</title").map(|e| start + e) else {
            break;
        };
        html.replace_range(start..end + "</title".len(), "");
    }
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut quote: Option<char> = None;
    for c in html.chars() {
        match (in_tag, quote, c) {
            (true, Some(q), c) if c == q => {
                quote = None;
                out.push(c);
            }
            (true, Some(_), _) => {}
            (true, None, '"' | '\'') => {
                quote = Some(c);
                out.push(c);
            }
            (true, None, '>') => {
                in_tag = false;
                out.push(c);
            }
            (false, _, '<') => {
                in_tag = true;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// `twinsite check` on `root` with messages in `lang`, expected to find errors: its stderr.
pub(crate) fn check_failing_in(root: &Path, lang: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_twinsite"))
        .args(["check", "--root", root.to_str().unwrap(), "--now", NOW])
        .args(["--lang", lang])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The page records Pagefind wrote (its gzipped fragments), read by Python as an independent
/// reader: `(url, title, content)`, sorted.
pub(crate) fn search_fragments(out: &Path) -> Vec<(String, String, String)> {
    const READ: &str = r#"
import glob, gzip, json, sys
rows = []
for f in glob.glob(sys.argv[1] + "/pagefind/fragment/*.pf_fragment"):
    raw = gzip.decompress(open(f, "rb").read()).decode("utf-8")
    data = json.loads(raw[raw.index("{"):])
    rows.append([data["url"], data["meta"].get("title", ""), data["content"]])
print(json.dumps(sorted(rows)))
"#;
    let o = std::process::Command::new(python())
        .args(["-c", READ, out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows: Vec<(String, String, String)> = serde_json::from_slice(&o.stdout).unwrap();
    rows
}
