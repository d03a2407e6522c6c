//! Hostile files: every file a build reads must be a regular file inside the site root, read
//! with a size limit. Each test plants one trap in a copy of the mini fixture (a symbolic link
//! to `/etc/passwd` or out of the site, a named pipe, `/dev/zero`, `..` paths, a theme outside
//! the site, an oversized front matter, misnamed Markdown) and checks that `build` and `check`
//! both report it at the content file and line, end quickly, and publish nothing of the
//! outside file, and that the in-memory build `serve` uses does not hold it either.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use twinsite::cache::BuildCache;
use twinsite::diagnostics::Diagnostic;

/// The longest a run may take: a build of the mini site takes well under a second.
const DEADLINE: Duration = Duration::from_secs(60);

/// Where the `image:` value sits in [`city`]'s text.
const IMAGE_AT: &str = "content/cities/lyon.md:7:8: error: ";

/// The city Lyon with `image: {img}` on line 7.
fn city(img: &str) -> String {
    format!(
        "---\ntitle: Lyon\ncountry: Frankreich\nsince: 1963\nlat: 45.764\nlon: 4.836\nimage: {img}\n---\nLyon ist unsere älteste Partnerstadt.\n"
    )
}

/// A copy of the mini site whose Lyon page has `image: {img}`.
fn site_with_image(img: &str) -> (tempfile::TempDir, PathBuf) {
    let (t, root) = temp_site("mini");
    std::fs::write(root.join("content/cities/lyon.md"), city(img)).unwrap();
    (t, root)
}

/// What a run of the binary printed, and its exit code.
struct Run {
    code: i32,
    text: String,
}

/// Runs `twinsite <args> --root <root>`, failing the test if it does not end within
/// [`DEADLINE`] (a read that blocks must not hang the build).
fn run(root: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_twinsite"));
    cmd.args(args)
        .args(["--root", root.to_str().unwrap(), "--now", NOW])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > DEADLINE {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("twinsite {args:?} did not end within {DEADLINE:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        text: format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

/// Builds `root` into a fresh folder with the binary: the run and the output folder.
fn build(root: &Path) -> (Run, tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let r = run(root, &["build", "--output", out.to_str().unwrap()]);
    (r, dir, out)
}

/// Asserts that `build` and `check` both fail with a message starting at `location` and
/// containing `message`, that nothing containing `secret` was written, and that the in-memory
/// build of `serve` fails as well.
fn assert_refused(root: &Path, location: &str, message: &str, secret: &[u8]) {
    let (b, _dir, out) = build(root);
    assert_eq!(b.code, 1, "build:\n{}", b.text);
    assert_reported(&b.text, location, message);
    assert_not_published(&out, secret);
    let c = run(root, &["check"]);
    assert_eq!(c.code, 1, "check:\n{}", c.text);
    assert_reported(&c.text, location, message);
    let cache = BuildCache::new();
    match twinsite::build_in_memory_with(&opts(root), Some(&cache)) {
        Ok(built) => {
            for (path, bytes) in built.output.iter() {
                assert!(!contains(bytes, secret), "serve would publish {path}");
            }
            panic!("the in-memory build of serve succeeded");
        }
        Err(d) => assert_diag(&d, location, message),
    }
}

fn assert_reported(text: &str, location: &str, message: &str) {
    assert!(
        text.lines()
            .any(|l| l.starts_with(location) && l.contains(message)),
        "no line starting with {location:?} containing {message:?} in:\n{text}"
    );
}

fn assert_diag(diags: &[Diagnostic], location: &str, message: &str) {
    let text: Vec<String> = diags.iter().map(ToString::to_string).collect();
    assert_reported(&text.join("\n"), location, message);
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// No file below `out` contains `secret`.
fn assert_not_published(out: &Path, secret: &[u8]) {
    if !out.exists() {
        return;
    }
    for rel in files(out) {
        let bytes = std::fs::read(out.join(&rel)).unwrap();
        assert!(!contains(&bytes, secret), "{rel} holds the outside file");
    }
}

/// The first line of `/etc/passwd`, which no output may contain.
#[cfg(unix)]
fn passwd_line() -> Vec<u8> {
    let text = std::fs::read("/etc/passwd").unwrap();
    text.split(|&b| b == b'\n').next().unwrap().to_vec()
}

/// A folder outside the site with a file holding a marker.
fn outside_file(t: &tempfile::TempDir) -> (PathBuf, Vec<u8>) {
    let dir = t.path().join("outside");
    std::fs::create_dir_all(dir.join("static")).unwrap();
    let secret = b"SECRET-outside-the-site-4711".to_vec();
    std::fs::write(dir.join("secret.jpg"), &secret).unwrap();
    std::fs::write(dir.join("static/secret.txt"), &secret).unwrap();
    (dir, secret)
}

#[cfg(unix)]
#[test]
fn an_image_linked_to_etc_passwd_is_refused() {
    let (_t, root) = site_with_image("foto.jpg");
    std::os::unix::fs::symlink("/etc/passwd", root.join("content/cities/foto.jpg")).unwrap();
    assert_refused(
        &root,
        IMAGE_AT,
        "the image foto.jpg leads through a symbolic link to a place outside the site folder",
        &passwd_line(),
    );
}

#[cfg(unix)]
#[test]
fn an_image_linked_out_of_the_site_is_refused() {
    let (t, root) = site_with_image("fotos/foto.jpg");
    let (outside, secret) = outside_file(&t);
    std::fs::create_dir_all(root.join("content/cities/fotos")).unwrap();
    std::os::unix::fs::symlink(
        outside.join("secret.jpg"),
        root.join("content/cities/fotos/foto.jpg"),
    )
    .unwrap();
    assert_refused(&root, IMAGE_AT, "outside the site folder", &secret);
    // A link to /proc/self/environ (size 0 on disk, but full of data) is refused the same way.
    let env = root.join("content/cities/fotos/foto.jpg");
    std::fs::remove_file(&env).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", &env).unwrap();
    assert_refused(&root, IMAGE_AT, "outside the site folder", b"PATH=");
}

#[cfg(unix)]
#[test]
fn an_image_linked_inside_the_site_is_published() {
    let (_t, root) = site_with_image("foto.jpg");
    std::fs::create_dir_all(root.join("bilder")).unwrap();
    std::fs::write(root.join("bilder/lyon.jpg"), tiny_jpeg()).unwrap();
    std::os::unix::fs::symlink(
        "../../bilder/lyon.jpg",
        root.join("content/cities/foto.jpg"),
    )
    .unwrap();
    let (b, _dir, out) = build(&root);
    assert_eq!(b.code, 0, "{}", b.text);
    // Published in its processed sizes, never as the file itself.
    assert!(!out.join("cities/lyon/foto.jpg").exists());
    let sizes: Vec<_> = std::fs::read_dir(out.join("_img")).unwrap().collect();
    assert_eq!(sizes.len(), 2, "one WebP and one JPEG of a 64 px photo");
}

/// A small real JPEG.
fn tiny_jpeg() -> Vec<u8> {
    let img = image::RgbImage::from_pixel(64, 48, image::Rgb([200, 30, 30]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Jpeg).unwrap();
    out.into_inner()
}

#[cfg(unix)]
#[test]
fn a_named_pipe_as_image_does_not_block() {
    let (_t, root) = site_with_image("foto.jpg");
    let fifo = root.join("content/cities/foto.jpg");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    assert_refused(
        &root,
        IMAGE_AT,
        "the image foto.jpg is a named pipe (FIFO), not a regular file",
        b"",
    );
    // serve keeps one cache for all its builds: once the pipe is replaced by an image, the next
    // build publishes it.
    let cache = Arc::new(BuildCache::new());
    let o = opts(&root);
    let (tx, rx) = std::sync::mpsc::channel();
    let (first, first_cache) = (o.clone(), Arc::clone(&cache));
    std::thread::spawn(move || {
        let failed = twinsite::build_in_memory_with(&first, Some(&first_cache)).is_err();
        tx.send(failed).unwrap();
    });
    assert_eq!(
        rx.recv_timeout(DEADLINE),
        Ok(true),
        "the first build must fail, and quickly"
    );
    std::fs::remove_file(&fifo).unwrap();
    std::fs::write(&fifo, tiny_jpeg()).unwrap();
    let built =
        twinsite::build_in_memory_with(&o, Some(&cache)).unwrap_or_else(|d| panic!("{d:?}"));
    let sizes = built
        .output
        .iter()
        .filter(|(k, _)| k.starts_with("_img/foto-"))
        .count();
    assert_eq!(sizes, 2, "the photo's sizes are published once it is one");
}

#[cfg(unix)]
#[test]
fn dev_zero_as_image_is_refused_at_once() {
    let (_t, root) = site_with_image("../../../../../../../../dev/zero");
    assert_refused(
        &root,
        IMAGE_AT,
        "points outside its folder",
        b"\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
    );
    // A link to it is refused as a device outside the site.
    let (_t, root) = site_with_image("zero.jpg");
    std::os::unix::fs::symlink("/dev/zero", root.join("content/cities/zero.jpg")).unwrap();
    assert_refused(&root, IMAGE_AT, "outside the site folder", b"");
}

#[cfg(unix)]
#[test]
fn dot_dot_paths_to_etc_passwd_are_refused_by_check_too() {
    for img in [
        "../../../etc/passwd",
        "../../../../../../../../etc/passwd",
        "/../../etc/passwd",
        "fotos/../../../site.yaml",
    ] {
        let (_t, root) = site_with_image(img);
        assert_refused(
            &root,
            IMAGE_AT,
            &format!("the image {img} points outside its folder"),
            &passwd_line(),
        );
    }
}

#[test]
fn an_absolute_image_path_means_static() {
    let (_t, root) = site_with_image("/etc/passwd");
    assert_refused(
        &root,
        IMAGE_AT,
        "the image /etc/passwd does not exist in static/",
        b"root:",
    );
}

#[test]
fn an_image_on_another_website_is_refused() {
    let (_t, root) = site_with_image("https://tracker.example/pixel.jpg");
    assert_refused(
        &root,
        IMAGE_AT,
        "the image https://tracker.example/pixel.jpg is on another website",
        b"tracker.example",
    );
}

#[test]
fn a_missing_or_folder_image_is_reported_by_check() {
    let (_t, root) = site_with_image("nichts.jpg");
    assert_refused(
        &root,
        IMAGE_AT,
        "the image nichts.jpg does not exist next to this file",
        b"",
    );
    let (_t, root) = site_with_image("fotos");
    std::fs::create_dir_all(root.join("content/cities/fotos")).unwrap();
    assert_refused(&root, IMAGE_AT, "is a folder, not a regular file", b"");
}

#[test]
fn an_oversized_image_is_refused_without_reading_it() {
    let (_t, root) = site_with_image("riesig.jpg");
    let f = std::fs::File::create(root.join("content/cities/riesig.jpg")).unwrap();
    f.set_len(60 * 1024 * 1024).unwrap();
    assert_refused(
        &root,
        IMAGE_AT,
        "the image riesig.jpg is 60 MB; twinsite reads images of at most 50 MB",
        b"",
    );
}

#[test]
fn a_theme_is_a_name_inside_the_site() {
    let t = tempfile::tempdir().unwrap();
    let (outside, secret) = outside_file(&t);
    for theme in [
        outside.to_str().unwrap().to_owned(),
        "../outside".to_owned(),
        "../../outside".to_owned(),
    ] {
        let (_s, root) = temp_site("mini");
        let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
        let line = yaml.lines().count() + 1;
        std::fs::write(
            root.join("site.yaml"),
            format!("{yaml}theme: \"{theme}\"\n"),
        )
        .unwrap();
        std::fs::create_dir_all(root.join("../outside/static")).unwrap();
        std::fs::write(root.join("../outside/static/secret.txt"), &secret).unwrap();
        assert_refused(
            &root,
            &format!("site.yaml:{line}:8: error: "),
            "is not a theme name",
            &secret,
        );
    }
}

#[cfg(unix)]
#[test]
fn a_theme_folder_linked_out_of_the_site_is_refused() {
    let (t, root) = temp_site("mini");
    let (outside, secret) = outside_file(&t);
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    std::fs::write(root.join("site.yaml"), format!("{yaml}theme: fremd\n")).unwrap();
    std::fs::create_dir_all(root.join("themes")).unwrap();
    std::os::unix::fs::symlink(&outside, root.join("themes/fremd")).unwrap();
    assert_refused(
        &root,
        "themes/fremd: error: ",
        "this folder leads through a symbolic link to a place outside the site folder",
        &secret,
    );
}

#[cfg(unix)]
#[test]
fn static_and_template_files_linked_out_of_the_site_are_refused() {
    let (t, root) = temp_site("mini");
    let (outside, secret) = outside_file(&t);
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", root.join("static/passwd.txt")).unwrap();
    assert_refused(
        &root,
        "static/passwd.txt: error: ",
        "symbolic link to a place outside the site folder",
        &passwd_line(),
    );
    std::fs::remove_file(root.join("static/passwd.txt")).unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.jpg"), root.join("templates/page.html"))
        .unwrap();
    assert_refused(
        &root,
        "templates/page.html: error: ",
        "outside the site folder",
        &secret,
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_static_does_not_block() {
    let (_t, root) = temp_site("mini");
    std::fs::create_dir_all(root.join("static")).unwrap();
    let made = Command::new("mkfifo")
        .arg(root.join("static/rohr"))
        .status()
        .unwrap();
    assert!(made.success());
    assert_refused(
        &root,
        "static/rohr: error: ",
        "is a named pipe (FIFO), not a regular file",
        b"",
    );
}

#[cfg(unix)]
#[test]
fn site_yaml_and_content_linked_out_of_the_site_are_refused() {
    let (t, root) = temp_site("mini");
    let (outside, secret) = outside_file(&t);
    std::fs::write(
        outside.join("evil.md"),
        format!("---\ntitle: x\n---\n{}", String::from_utf8_lossy(&secret)),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.join("evil.md"), root.join("content/evil.md")).unwrap();
    assert_refused(
        &root,
        "content/evil.md: error: ",
        "outside the site folder",
        &secret,
    );
    let (t, root) = temp_site("mini");
    let real = t.path().join("site.yaml");
    std::fs::rename(root.join("site.yaml"), &real).unwrap();
    std::os::unix::fs::symlink(&real, root.join("site.yaml")).unwrap();
    let c = run(&root, &["check"]);
    assert_eq!(c.code, 1, "{}", c.text);
    assert_reported(&c.text, "site.yaml: error: ", "outside the site folder");
}

#[cfg(unix)]
#[test]
fn a_body_image_linked_out_of_the_site_is_refused() {
    // Photos in the text are read like `image:`: through the one checked reader.
    let (_t, root) = temp_site("mini");
    let lyon = root.join("content/cities/lyon.md");
    let text = std::fs::read_to_string(&lyon).unwrap();
    let line = text.lines().count() + 2;
    std::fs::write(&lyon, format!("{text}\n![Passwort](geheim.jpg)\n")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", root.join("content/cities/geheim.jpg")).unwrap();
    let (b, _dir, out) = build(&root);
    assert_eq!(b.code, 1, "{}", b.text);
    assert_reported(
        &b.text,
        &format!("content/cities/lyon.md:{line}:1: error: "),
        "the image geheim.jpg leads through a symbolic link to a place outside the site folder",
    );
    assert_not_published(&out, &passwd_line());
}

#[test]
fn an_oversized_summary_is_refused_with_the_file_named() {
    let big = |n: usize| {
        format!(
            "---\ntitle: Bericht\ndate: 2026-01-10\nsummary: \"{}\"\n---\nText.\n",
            "x".repeat(n)
        )
    };
    let (_t, root) = temp_site("mini");
    std::fs::write(root.join("content/news/bericht.md"), big(100 * 1024)).unwrap();
    assert_refused(
        &root,
        "content/news/bericht.md:1:1: error: ",
        "the front matter is 100 KB; twinsite reads front matter (the part between the --- lines) of at most 64 KB",
        b"",
    );
    std::fs::write(root.join("content/news/bericht.md"), big(50 * 1024 * 1024)).unwrap();
    assert_refused(
        &root,
        "content/news/bericht.md: error: ",
        "this file is 50 MB; twinsite reads content files of at most 1 MB",
        b"",
    );
}

#[test]
fn an_oversized_site_yaml_is_refused() {
    let (_t, root) = temp_site("mini");
    let yaml = std::fs::read_to_string(root.join("site.yaml")).unwrap();
    let padding = format!("# {}\n", "x".repeat(1000)).repeat(300);
    std::fs::write(root.join("site.yaml"), format!("{yaml}{padding}")).unwrap();
    let c = run(&root, &["check"]);
    assert_eq!(c.code, 1, "{}", c.text);
    assert_reported(
        &c.text,
        "site.yaml: error: ",
        "twinsite reads site.yaml of at most 256 KB",
    );
}

#[test]
fn misnamed_markdown_files_are_reported() {
    let (_t, root) = temp_site("mini");
    let lyon = std::fs::read_to_string(root.join("content/cities/lyon.md")).unwrap();
    std::fs::write(root.join("content/cities/Wien.MD"), &lyon).unwrap();
    std::fs::write(root.join("content/cities/rom.markdown"), &lyon).unwrap();
    let (b, _dir, _out) = build(&root);
    assert_eq!(b.code, 0, "{}", b.text);
    assert_reported(
        &b.text,
        "content/cities/Wien.MD: warning: ",
        "twinsite reads only content files whose names end in .md (lower case)",
    );
    assert_reported(&b.text, "content/cities/rom.markdown: warning: ", ".md");
    let c = run(&root, &["check"]);
    assert_reported(
        &c.text,
        "content/cities/Wien.MD: warning: ",
        ".md (lower case)",
    );
}

#[test]
fn a_doubled_language_code_is_reported() {
    for site in ["mini", "multilingual"] {
        let (_t, root) = temp_site(site);
        let lyon = std::fs::read_to_string(root.join("content/cities/lyon.md")).unwrap();
        std::fs::write(root.join("content/cities/lyon.fr.fr.md"), &lyon).unwrap();
        let (b, _dir, _out) = build(&root);
        assert_eq!(b.code, 1, "{site}: {}", b.text);
        assert_reported(
            &b.text,
            "content/cities/lyon.fr.fr.md: error: ",
            "two language codes",
        );
        let c = run(&root, &["check"]);
        assert_reported(
            &c.text,
            "content/cities/lyon.fr.fr.md: error: ",
            "lyon.fr.md",
        );
    }
}

#[cfg(unix)]
#[test]
fn a_gitignore_that_is_a_pipe_or_endless_is_not_read() {
    let (_t, root) = temp_site("mini");
    let made = Command::new("mkfifo")
        .arg(root.join("content/.gitignore"))
        .status()
        .unwrap();
    assert!(made.success());
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("static/flyer.pdf"), b"PDF").unwrap();
    std::os::unix::fs::symlink("/dev/zero", root.join("static/.gitignore")).unwrap();
    assert_refused(
        &root,
        "content/.gitignore: error: ",
        "this .gitignore is not used: it is a named pipe (FIFO)",
        b"",
    );
    std::fs::remove_file(root.join("content/.gitignore")).unwrap();
    assert_refused(
        &root,
        "static/.gitignore: error: ",
        "this .gitignore is not used: it leads through a symbolic link to a place outside the site folder",
        b"",
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_a_folder_in_static_is_reported() {
    let (_t, root) = temp_site("mini");
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::create_dir_all(root.join("bilder")).unwrap();
    std::fs::write(root.join("bilder/a.jpg"), b"JPEG").unwrap();
    std::os::unix::fs::symlink("../bilder", root.join("static/bilder")).unwrap();
    assert_refused(
        &root,
        "static/bilder: error: ",
        "this is a link to a folder; twinsite does not follow links to folders",
        b"",
    );
}

#[test]
fn static_file_names_that_cannot_be_published_are_reported_by_check_too() {
    let (_t, root) = temp_site("mini");
    std::fs::create_dir_all(root.join("static")).unwrap();
    std::fs::write(root.join("static/a\u{1b}[2Jb.txt"), b"x").unwrap();
    std::fs::write(root.join("static/x\\y.txt"), b"x").unwrap();
    for args in [&["check"][..], &["build"][..]] {
        let r = run(&root, args);
        assert_eq!(r.code, 1, "{args:?}: {}", r.text);
        for name in [
            "static/a\\u{1b}[2Jb.txt: error: ",
            "static/x\\y.txt: error: ",
        ] {
            assert_reported(&r.text, name, "cannot be published");
        }
        assert!(!r.text.contains('\u{1b}'), "raw escape on the terminal");
    }
}
