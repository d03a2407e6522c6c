//! Finding the photos the pages name and making their sizes, in parallel (one photo decoded
//! at a time per core), with every problem reported at each line that names the photo.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::{Photo, Photos};
use crate::content::front_matter::Pos;
use crate::content::images::{self, ImageFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fs_safe;
use crate::photo::{self, DiskCache, Kind, PhotoError, Variant};
use crate::site::Site;

/// How much image work a build does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// Make every size now (`build`, `check`).
    Full,
    /// Take the sizes the cache has; for the others only read the photo's size, so the pages
    /// can be written at once, and list them in [`Photos::pending`] (`serve`).
    Measure,
}

/// Where a photo is named: file, position, and the name as written.
type Named = (PathBuf, Pos, String);

/// Reads, checks and processes every photo `site` names (in all its languages).
pub fn prepare(
    site: &Site,
    cache: Option<DiskCache>,
    work: Work,
    diags: &mut Diagnostics,
) -> Photos {
    let named = named_photos(site);
    let cache = cache.map(Arc::new);
    let results: Vec<(PathBuf, Result<Made, Vec<Diagnostic>>)> = named
        .into_par_iter()
        .map(|(rel, names)| {
            let made = make(&site.root, &rel, cache.as_deref(), work)
                .map(|m| Made {
                    named: names.clone(),
                    ..m
                })
                .map_err(|why| match why {
                    // Loading checked every picture file by the same rule and said what is
                    // wrong at the same lines.
                    Why::File(_) => Vec::new(),
                    pixels => pixels.at_all(&names),
                });
            (rel, made)
        })
        .collect();
    let mut photos = Photos {
        cache,
        ..Photos::default()
    };
    for (rel, made) in results {
        match made {
            Ok(m) => {
                for v in m.variants {
                    photos
                        .files
                        .push((m.photo.path_of(&v.spec), Arc::new(v.bytes)));
                }
                if m.pending {
                    photos.pending.push(Pending {
                        rel: rel.clone(),
                        named: m.named,
                    });
                }
                photos.by_file.insert(rel, Arc::new(m.photo));
            }
            Err(problems) => diags.extend(problems),
        }
    }
    photos.files.sort_by(|a, b| a.0.cmp(&b.0));
    photos.files.dedup_by(|a, b| a.0 == b.0);
    photos
}

/// The photo files named by the entries of every language, each with the places naming it.
/// Pictures that cannot be located were reported while loading.
fn named_photos(site: &Site) -> BTreeMap<PathBuf, Vec<Named>> {
    let mut named: BTreeMap<PathBuf, Vec<Named>> = BTreeMap::new();
    for s in std::iter::once(site).chain(&site.translations) {
        for e in &s.entries {
            for p in e.pictures().filter(|p| crate::markdown::is_photo(&p.src)) {
                let rel = match images::locate(&e.source, &e.url_path(), &p.src) {
                    Ok(ImageFile::Static(rel) | ImageFile::Beside { rel, .. }) => rel,
                    _ => continue,
                };
                let list = named.entry(rel).or_default();
                let here = (e.source.clone(), p.pos, p.src.clone());
                if !list.contains(&here) {
                    list.push(here);
                }
            }
        }
    }
    named
}

/// One photo made.
struct Made {
    photo: Photo,
    variants: Vec<Variant>,
    pending: bool,
    named: Vec<Named>,
}

/// A photo whose sizes [`Work::Measure`] left for later.
#[derive(Debug, Clone)]
pub struct Pending {
    /// The file, relative to the site root.
    pub rel: PathBuf,
    named: Vec<Named>,
}

/// Why a photo cannot be published.
enum Why {
    File(fs_safe::Refusal),
    Pixels(PhotoError),
}

impl Why {
    fn at_all(&self, named: &[Named]) -> Vec<Diagnostic> {
        named
            .iter()
            .map(|(source, pos, src)| self.at(source, *pos, src))
            .collect()
    }

    fn at(&self, source: &Path, pos: Pos, src: &str) -> Diagnostic {
        let (problem, hint) = match self {
            Self::File(r) => (r.problem(), r.hint()),
            Self::Pixels(e) => (e.message(), e.hint()),
        };
        Diagnostic::error(
            source,
            pos.line,
            pos.col,
            msg!("photos-image-problem", image = src, problem = problem),
        )
        .with_hint(hint)
    }
}

fn make(root: &Path, rel: &Path, cache: Option<&DiskCache>, work: Work) -> Result<Made, Why> {
    let bytes = fs_safe::read(root, rel, fs_safe::IMAGE).map_err(Why::File)?;
    let key = photo::content_key(&bytes);
    let name = name_of(rel);
    let cached = cache.and_then(|c| c.get(key, Kind::Variants));
    let (variants, pending) = match (cached, work) {
        (Some(v), _) => (v, false),
        (None, Work::Full) => (
            photo::render_cached(cache, &bytes).map_err(Why::Pixels)?,
            false,
        ),
        (None, Work::Measure) => {
            let probe = photo::probe(&bytes).map_err(Why::Pixels)?;
            let specs = photo::plan(&probe);
            let photo = Photo { key, specs, name };
            return Ok(Made {
                photo,
                variants: Vec::new(),
                pending: true,
                named: Vec::new(),
            });
        }
    };
    let specs = variants.iter().map(|v| v.spec).collect();
    Ok(Made {
        photo: Photo { key, specs, name },
        variants,
        pending,
        named: Vec::new(),
    })
}

/// The readable part of a photo's published names: its file name as a slug.
fn name_of(rel: &Path) -> String {
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut slug = crate::slug::slugify(&stem).unwrap_or_else(|| "bild".to_owned());
    slug.truncate(40);
    slug.trim_end_matches('-').to_owned()
}

/// Makes the sizes of a photo that [`Work::Measure`] left for later, into the cache;
/// returns the files to publish, or the errors at every line naming the photo.
pub fn finish_pending(
    root: &Path,
    pending: &Pending,
    cache: Option<&DiskCache>,
) -> Result<Vec<(String, Vec<u8>)>, Vec<Diagnostic>> {
    let done = make(root, &pending.rel, cache, Work::Full).map_err(|w| w.at_all(&pending.named))?;
    Ok(done
        .variants
        .into_iter()
        .map(|v| (done.photo.path_of(&v.spec), v.bytes))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_slugs_of_the_file_name() {
        assert_eq!(
            name_of(Path::new("content/events/b/Brunch 2024.JPG")),
            "brunch-2024"
        );
        assert_eq!(name_of(Path::new("static/images/Ärger.png")), "aerger");
        assert_eq!(name_of(Path::new("static/images/!!!.png")), "bild");
    }
}
