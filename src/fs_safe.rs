//! The one rule for every file the build reads: a regular file inside the site root, of bounded
//! size, checked before it is opened.
//!
//! A site may come from anyone (a pull request, a shared folder), so a path from a content file
//! or a link in a site folder must not make the build publish `/etc/passwd`, read `/dev/zero`
//! until memory runs out, or wait forever on a named pipe. Every reader of the build goes
//! through [`read`] (or [`check`] when it only needs to know the file is usable):
//!
//! - the path relative to the site root has no `..` and is not absolute;
//! - it resolves, through any symbolic links, to a place inside the site root;
//! - it is a regular file (not a folder, device, named pipe or socket);
//! - it is not larger than the [`Limit`] of its kind. On Unix the file is opened with
//!   `O_NONBLOCK | O_NOFOLLOW`, so even a file swapped for a pipe after the check cannot block,
//!   and the opened handle is checked again; at most `limit + 1` bytes are ever read.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// The largest file of one kind twinsite reads, and what to do about a larger one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// Most bytes allowed.
    pub bytes: u64,
    /// The kind of file, for the words of a message about it.
    pub kind: FileKind,
}

/// The kinds of files that have a [`Limit`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A Markdown file in `content/`.
    Content,
    /// The front matter of a content file.
    FrontMatter,
    /// `site.yaml`.
    Config,
    /// A template.
    Template,
    /// A file of UI strings.
    I18n,
    /// An image.
    Image,
    /// A file in a `static/` folder.
    Static,
    /// A `.gitignore` of the site.
    IgnoreFile,
}

impl FileKind {
    /// The kind of file in plain words, plural: "content files".
    pub fn what(self) -> String {
        match self {
            Self::Content => msg!("content-limit-content"),
            Self::FrontMatter => msg!("content-limit-front-matter"),
            Self::Config => msg!("content-limit-config"),
            Self::Template => msg!("content-limit-template"),
            Self::I18n => msg!("content-limit-i18n"),
            Self::Image => msg!("content-limit-image"),
            Self::Static => msg!("content-limit-static"),
            Self::IgnoreFile => msg!("content-limit-ignore-file"),
        }
    }

    /// How to make such a file smaller.
    pub fn hint(self) -> String {
        match self {
            Self::Content => msg!("content-limit-content-hint"),
            Self::FrontMatter => msg!("content-limit-front-matter-hint"),
            Self::Config => msg!("content-limit-config-hint"),
            Self::Template => msg!("content-limit-template-hint"),
            Self::I18n => msg!("content-limit-i18n-hint"),
            Self::Image => msg!("content-limit-image-hint"),
            Self::Static => msg!("content-limit-static-hint"),
            Self::IgnoreFile => msg!("content-limit-ignore-file-hint"),
        }
    }
}

const KIB: u64 = 1024;
const MIB: u64 = 1024 * KIB;

/// A Markdown file in `content/` (a 10,000-page site has files of about 5 KB).
pub const CONTENT: Limit = Limit {
    bytes: MIB,
    kind: FileKind::Content,
};
/// The front matter of a content file (the block between the `---` lines).
pub const FRONT_MATTER: Limit = Limit {
    bytes: 64 * KIB,
    kind: FileKind::FrontMatter,
};
/// `site.yaml`.
pub const CONFIG: Limit = Limit {
    bytes: 256 * KIB,
    kind: FileKind::Config,
};
/// A template of a theme or of the site's `templates/` folder.
pub const TEMPLATE: Limit = Limit {
    bytes: MIB,
    kind: FileKind::Template,
};
/// A file of UI strings (`themes/<name>/i18n/<lang>.yaml`).
pub const I18N: Limit = Limit {
    bytes: 256 * KIB,
    kind: FileKind::I18n,
};
/// An image named in front matter (`image:`).
pub const IMAGE: Limit = Limit {
    bytes: 50 * MIB,
    kind: FileKind::Image,
};
/// A file in `static/` or a theme's `static/` folder.
pub const STATIC: Limit = Limit {
    bytes: 100 * MIB,
    kind: FileKind::Static,
};

/// What a thing on disk is when it is not what was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    /// A named pipe (FIFO).
    Pipe,
    /// A character or block device.
    Device,
    /// A socket.
    Socket,
    /// A folder.
    Folder,
    /// A regular file.
    File,
    /// Anything else.
    Other,
}

impl FileType {
    /// The words for it, with an article: "a named pipe (FIFO)".
    pub fn words(self) -> String {
        match self {
            Self::Pipe => msg!("content-type-pipe"),
            Self::Device => msg!("content-type-device"),
            Self::Socket => msg!("content-type-socket"),
            Self::Folder => msg!("content-type-folder"),
            Self::File => msg!("content-type-file"),
            Self::Other => msg!("content-type-other"),
        }
    }
}

/// Why a file is not read.
#[derive(Debug)]
pub enum Refusal {
    /// The path is absolute or climbs out of its folder with `..`.
    Escapes,
    /// Nothing is there (or a symbolic link points at nothing).
    Missing,
    /// It resolves, through a symbolic link, to a place outside the site folder.
    OutsideRoot,
    /// It is a folder, device, named pipe or socket.
    NotAFile(FileType),
    /// A folder was expected, but it is a file, device, named pipe or socket.
    NotAFolder(FileType),
    /// It is larger than the limit (the size, when known).
    TooLarge(Option<u64>, Limit),
    /// The file system refused.
    Unreadable(io::Error),
}

impl Refusal {
    /// What is wrong, as the end of a sentence about the file: "is a named pipe (FIFO), …".
    pub fn problem(&self) -> String {
        match self {
            Self::Escapes => msg!("content-refusal-escapes"),
            Self::Missing => msg!("content-refusal-missing"),
            Self::OutsideRoot => msg!("content-refusal-outside-root"),
            Self::NotAFile(kind) => msg!("content-refusal-not-a-file", kind = kind.words()),
            Self::NotAFolder(kind) => msg!("content-refusal-not-a-folder", kind = kind.words()),
            Self::TooLarge(Some(size), limit) => msg!(
                "content-refusal-too-large",
                size = size_text(*size),
                what = limit.kind.what(),
                limit = size_text(limit.bytes)
            ),
            Self::TooLarge(None, limit) => msg!(
                "content-refusal-too-large-unknown",
                what = limit.kind.what(),
                limit = size_text(limit.bytes)
            ),
            Self::Unreadable(e) => {
                msg!(
                    "content-refusal-unreadable",
                    problem = crate::messages::io_problem(e)
                )
            }
        }
    }

    /// How to fix it.
    pub fn hint(&self) -> String {
        match self {
            Self::Escapes | Self::OutsideRoot => msg!("content-refusal-outside-hint"),
            Self::Missing => msg!("content-refusal-missing-hint"),
            Self::NotAFile(FileType::Folder) => msg!("content-refusal-folder-hint"),
            Self::NotAFile(_) => msg!("content-refusal-not-a-file-hint"),
            Self::NotAFolder(_) => msg!("content-refusal-not-a-folder-hint"),
            Self::TooLarge(_, limit) => limit.kind.hint(),
            Self::Unreadable(_) => msg!("content-refusal-unreadable-hint"),
        }
    }

    /// An error about the folder `rel` itself: "`rel`: error: this folder leads …".
    pub fn at_folder(&self, rel: &Path) -> Diagnostic {
        let message = match self {
            Self::NotAFolder(kind) => msg!("content-folder-expected", kind = kind.words()),
            r => msg!("content-this-folder", problem = r.problem()),
        };
        Diagnostic::error(rel, 0, 0, message).with_hint(self.hint())
    }

    /// An error about the file `rel` itself: "`rel`: error: this file is a named pipe …".
    pub fn at_file(&self, rel: &Path) -> Diagnostic {
        Diagnostic::error(
            rel,
            0,
            0,
            msg!("content-this-file", problem = self.problem()),
        )
        .with_hint(self.hint())
    }
}

/// A file size in the units file managers show (1 KB = 1024 bytes).
fn size_text(b: u64) -> String {
    if b >= MIB {
        let tenths = b * 10 / MIB;
        match tenths % 10 {
            0 => msg!("content-size-mb", mb = tenths / 10),
            t => msg!("content-size-mb-tenths", mb = tenths / 10, tenths = t),
        }
    } else if b >= KIB {
        msg!("content-size-kb", kb = b / KIB)
    } else {
        msg!("content-size-bytes", bytes = b)
    }
}

/// Whether `rel` stays below its starting folder: only plain names (and `.`), no `..`, no
/// root, no drive.
pub fn is_plain_relative(rel: &Path) -> bool {
    rel.components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
        && rel.components().next().is_some()
}

/// Where `root/rel` really is, if that is inside the site root.
fn resolve(root: &Path, rel: &Path) -> Result<PathBuf, Refusal> {
    if !is_plain_relative(rel) {
        return Err(Refusal::Escapes);
    }
    let missing = |e: io::Error| match e.kind() {
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => Refusal::Missing,
        _ => Refusal::Unreadable(e),
    };
    let real_root = root.canonicalize().map_err(missing)?;
    let real = root.join(rel).canonicalize().map_err(missing)?;
    if !real.starts_with(&real_root) {
        return Err(Refusal::OutsideRoot);
    }
    Ok(real)
}

/// What a file type that is not a regular file is.
fn kind(t: &std::fs::FileType) -> FileType {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return FileType::Pipe;
        }
        if t.is_char_device() || t.is_block_device() {
            return FileType::Device;
        }
        if t.is_socket() {
            return FileType::Socket;
        }
    }
    if t.is_dir() {
        FileType::Folder
    } else if t.is_file() {
        FileType::File
    } else {
        FileType::Other
    }
}

/// Refuses anything but a regular file of at most `limit`.
fn usable(meta: &std::fs::Metadata, limit: Limit) -> Result<(), Refusal> {
    if !meta.is_file() {
        return Err(Refusal::NotAFile(kind(&meta.file_type())));
    }
    if meta.len() > limit.bytes {
        return Err(Refusal::TooLarge(Some(meta.len()), limit));
    }
    Ok(())
}

/// Checks, without opening it, that `root/rel` is a regular file inside the site root of at
/// most `limit`; gives its real path.
pub fn check(root: &Path, rel: &Path, limit: Limit) -> Result<PathBuf, Refusal> {
    let real = resolve(root, rel)?;
    let meta = std::fs::metadata(&real).map_err(Refusal::Unreadable)?;
    usable(&meta, limit)?;
    Ok(real)
}

/// Whether `root/rel` is a folder inside the site root: `Ok(false)` when there is nothing.
pub fn dir_inside(root: &Path, rel: &Path) -> Result<bool, Refusal> {
    let real = match resolve(root, rel) {
        Ok(real) => real,
        Err(Refusal::Missing) => return Ok(false),
        Err(r) => return Err(r),
    };
    match std::fs::metadata(&real) {
        Ok(meta) if meta.is_dir() => Ok(true),
        Ok(meta) => Err(Refusal::NotAFolder(kind(&meta.file_type()))),
        Err(e) => Err(Refusal::Unreadable(e)),
    }
}

/// Reads `root/rel` after [`check`]ing it, never more than `limit`.
pub fn read(root: &Path, rel: &Path, limit: Limit) -> Result<Vec<u8>, Refusal> {
    let real = check(root, rel, limit)?;
    let file = open(&real).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => Refusal::Missing,
        _ => Refusal::Unreadable(e),
    })?;
    // The path may have been replaced since the check: what counts is the opened file.
    let meta = file.metadata().map_err(Refusal::Unreadable)?;
    usable(&meta, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(Refusal::Unreadable)?;
    if bytes.len() as u64 > limit.bytes {
        return Err(Refusal::TooLarge(None, limit));
    }
    Ok(bytes)
}

/// [`read`], with a refusal as an error about the file itself.
pub fn read_file(root: &Path, rel: &Path, limit: Limit) -> Result<Vec<u8>, Diagnostic> {
    read(root, rel, limit).map_err(|r| r.at_file(rel))
}

/// Opens a checked path for reading without waiting on it and without following a link that
/// was put in its place.
#[cfg(unix)]
fn open(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> io::Result<File> {
    File::open(path)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_file_managers_show_them() {
        assert_eq!(size_text(MIB), "1 MB");
        assert_eq!(size_text(50 * MIB + MIB / 2), "50.5 MB");
        assert_eq!(size_text(64 * KIB), "64 KB");
        assert_eq!(size_text(12), "12 bytes");
        assert_eq!(size_text(1), "1 byte");
    }

    #[test]
    fn only_plain_relative_paths_pass() {
        assert!(is_plain_relative(Path::new("static/a.jpg")));
        assert!(is_plain_relative(Path::new("./a.jpg")));
        assert!(!is_plain_relative(Path::new("../a.jpg")));
        assert!(!is_plain_relative(Path::new("a/../../b")));
        assert!(!is_plain_relative(Path::new("/etc/passwd")));
        assert!(!is_plain_relative(Path::new("")));
    }

    #[test]
    fn reads_within_the_limit_and_refuses_beyond_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "hello").unwrap();
        let small = Limit {
            bytes: 4,
            ..CONTENT
        };
        assert_eq!(
            read(dir.path(), Path::new("a.txt"), CONTENT).unwrap(),
            b"hello"
        );
        let r = read(dir.path(), Path::new("a.txt"), small).unwrap_err();
        assert!(matches!(r, Refusal::TooLarge(Some(5), _)), "{r:?}");
        assert!(matches!(
            read(dir.path(), Path::new("b.txt"), CONTENT),
            Err(Refusal::Missing)
        ));
        assert!(matches!(
            read(dir.path(), Path::new("."), CONTENT),
            Err(Refusal::NotAFile(FileType::Folder))
        ));
    }
}
