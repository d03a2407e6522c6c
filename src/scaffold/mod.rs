//! `twinsite init` and `twinsite new`: writing a new site that builds at once, and one new
//! content file with every key explained.
//!
//! Both refuse to overwrite anything: `init` only writes into a missing or empty folder, `new`
//! never replaces an existing file. Problems come back as [`Diagnostic`]s with a hint; the
//! library does not print and does not ask questions (the binary does that for `init`).

pub mod entries;
pub mod site_files;
pub mod workflows;

use std::io::Write;
use std::path::{Path, PathBuf};

use jiff::ToSpan;
use jiff::civil::Date;

use crate::content::model::Section;
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::scaffold::entries::Fill;
use crate::scaffold::site_files::SiteFill;
use crate::slug;

/// Writes a new site into `dir` (created if missing; it must be empty if it exists).
/// `today` dates the example event and news. Returns the files written, relative to `dir`.
pub fn init(dir: &Path, site: &SiteFill, today: Date) -> Result<Vec<PathBuf>, Diagnostic> {
    if dir.exists() {
        let mut items = std::fs::read_dir(dir).map_err(|e| io_error(dir, &e))?;
        if let Some(first) = items.next() {
            let name = first
                .map(|f| f.file_name().to_string_lossy().into_owned())
                .unwrap_or_default();
            return Err(
                Diagnostic::error(dir, 0, 0, msg!("init-folder-not-empty", name = name))
                    .with_hint(msg!("init-folder-not-empty-hint")),
            );
        }
    }
    // Names end up inside YAML lines, comments and Markdown: one line each.
    let site = &SiteFill {
        title: entries::one_line(&site.title),
        name: entries::one_line(&site.name),
        base_url: entries::one_line(&site.base_url),
        ..site.clone()
    };
    let files = example_files(site, today);
    for (rel, text) in &files {
        write_new(&dir.join(rel), text)?;
    }
    std::fs::create_dir_all(dir.join("static/images")).map_err(|e| io_error(dir, &e))?;
    Ok(files.into_iter().map(|(p, _)| PathBuf::from(p)).collect())
}

/// Every file of a new site: (path relative to the site folder, text).
pub fn example_files(site: &SiteFill, today: Date) -> Vec<(&'static str, String)> {
    let event_day = today.checked_add(30.days()).unwrap_or(today);
    let city = Fill {
        title: "Lyon".into(),
        country: Some("Frankreich".into()),
        country_code: Some("FR".into()),
        since: "1963".into(),
        lat: 45.764,
        lon: 4.8357,
        body: Some(format!(
            "Seit 1963 sind {} und Lyon Partnerstädte. Schulen tauschen Klassen aus, Vereine besuchen sich, \
             und viele Familien sind über die Jahre befreundet.\n\n## Was wir gemeinsam machen\n\n\
             - Schüleraustausch in den Herbstferien\n- ein Sprachcafé an jedem ersten Donnerstag\n\
             - der [Partnerschaftsbrunch](/events/partnerschaftsbrunch/) mit dem [Freundeskreis](/associations/freundeskreis-lyon/)",
            site.name
        )),
        ..Fill::default()
    };
    let association = Fill {
        title: "Freundeskreis Lyon e. V.".into(),
        cities: vec!["lyon".into()],
        extra: vec!["meets: \"jeden 2. Dienstag im Monat, 19 Uhr, im Bürgerhaus\"    # wann und wo man sich trifft".into()],
        body: Some(
            "Wir sind rund 60 Mitglieder zwischen 16 und 86 Jahren und halten die Partnerschaft mit [Lyon](/cities/lyon/) lebendig. \
             Französischkenntnisse sind keine Voraussetzung – Neugier genügt.\n\n## Mitmachen\n\n\
             Kommen Sie einfach zu einem unserer Treffen oder zum nächsten [Brunch](/events/partnerschaftsbrunch/)."
                .into(),
        ),
        ..Fill::default()
    };
    let event = Fill {
        title: "Partnerschaftsbrunch".into(),
        date: event_day.to_string(),
        cities: vec!["lyon".into()],
        organizers: vec!["freundeskreis-lyon".into()],
        extra: vec![
            "time: \"10:30\"    # Beginn".into(),
            "end: \"13:30\"    # Ende".into(),
            format!(
                "location:    # Ort\n  name: Bürgerhaus\n  address: {}",
                entries::quote(&format!("Hauptstraße 1, {}", site.name))
            ),
        ],
        body: Some(
            "Croissants, Quiche und Kaffee: Der Freundeskreis lädt alle ein, bei einem langen Frühstück die Menschen \
             hinter der Partnerschaft kennenzulernen. Bitte bringen Sie etwas fürs Büfett mit.\n\n## Anmeldung\n\n\
             Eine Anmeldung ist nicht nötig."
                .into(),
        ),
        ..Fill::default()
    };
    let news = Fill {
        title: "Unsere neue Website".into(),
        date: today.to_string(),
        body: Some(
            "Ab heute finden Sie alle Partnerstädte, Vereine und Termine an einem Ort. Die [Termine](/events/) \
             lassen sich auch als Kalender abonnieren."
                .into(),
        ),
        ..Fill::default()
    };
    let page = Fill {
        title: "Über uns".into(),
        extra: vec!["menu: true    # erscheint im Hauptmenü".into()],
        body: Some(format!(
            "Die Städtepartnerschaften von {} werden von Vereinen und vielen Ehrenamtlichen getragen. \
             Wer mitmachen möchte, findet auf den Seiten der [Vereine](/associations/) die Ansprechpersonen.",
            site.name
        )),
        ..Fill::default()
    };
    vec![
        ("site.yaml", site_files::site_yaml(site)),
        (
            "content/cities/lyon.md",
            entries::render(Section::City, &city),
        ),
        (
            "content/associations/freundeskreis-lyon.md",
            entries::render(Section::Association, &association),
        ),
        (
            "content/events/partnerschaftsbrunch.md",
            entries::render(Section::Event, &event),
        ),
        (
            "content/news/neue-website.md",
            entries::render(Section::News, &news),
        ),
        (
            "content/ueber-uns.md",
            entries::render(Section::Page, &page),
        ),
        ("content/impressum.md", site_files::imprint(site)),
        ("content/datenschutz.md", site_files::privacy()),
        (".gitignore", site_files::GITIGNORE.to_owned()),
        ("static/.liesmich.txt", site_files::STATIC_README.to_owned()),
        (".github/workflows/pages.yml", workflows::github_pages()),
        (".gitlab-ci.yml", workflows::gitlab_ci()),
    ]
}

/// What `twinsite new` should create.
#[derive(Debug, Clone)]
pub struct NewOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Content type.
    pub section: Section,
    /// Title as typed.
    pub title: String,
    /// Slug instead of one made from the title.
    pub slug: Option<String>,
    /// Date of an event or news item; today in the site's time zone when `None`.
    pub date: Option<Date>,
    /// A city's coordinates.
    pub lat: Option<f64>,
    /// See `lat`.
    pub lon: Option<f64>,
}

/// Creates one new content file and returns its path relative to the site root.
pub fn new_entry(opts: &NewOptions) -> Result<PathBuf, Diagnostic> {
    let mut diags = Diagnostics::new();
    let Some(config) = crate::config::load(&opts.root, &mut diags) else {
        return Err(diags
            .sorted()
            .into_iter()
            .next()
            .unwrap_or_else(|| Diagnostic::error("site.yaml", 0, 0, msg!("new-config-unusable"))));
    };
    let date = opts.date.unwrap_or_else(|| crate::today(&config.timezone));
    let title = clean_title(&opts.title);
    if title.trim().is_empty() {
        return Err(
            Diagnostic::error("twinsite new", 0, 0, msg!("new-title-empty"))
                .with_hint(msg!("new-title-empty-hint")),
        );
    }
    let slug = match &opts.slug {
        Some(s) if s.len() > crate::link::paths::MAX_SEGMENT => {
            return Err(Diagnostic::error(
                "twinsite new",
                0,
                0,
                msg!(
                    "new-slug-too-long",
                    slug = s,
                    length = s.len(),
                    max = crate::link::paths::MAX_SEGMENT
                ),
            )
            .with_hint(msg!("new-slug-too-long-hint")));
        }
        Some(s) if slug::is_valid(s) => s.clone(),
        Some(s) => {
            let hint = slug::slugify(s).map_or(msg!("new-slug-invalid-hint"), |g| {
                msg!("new-slug-try", slug = g)
            });
            return Err(Diagnostic::error(
                "twinsite new",
                0,
                0,
                msg!("new-slug-invalid", slug = s),
            )
            .with_hint(hint));
        }
        None => slug::slugify(&title).map(|s| shorten(&s)).ok_or_else(|| {
            Diagnostic::error(
                "twinsite new",
                0,
                0,
                msg!("new-no-slug", title = title.trim()),
            )
            .with_hint(msg!("new-no-slug-hint"))
        })?,
    };
    let section_dir = match opts.section {
        Section::Page => PathBuf::from("content"),
        s => Path::new("content").join(s.dir()),
    };
    if let Some(existing) = find_slug(
        &opts.root.join(&section_dir),
        &slug,
        opts.section != Section::Page,
    ) {
        let rel = existing
            .strip_prefix(&opts.root)
            .unwrap_or(&existing)
            .to_path_buf();
        return Err(
            Diagnostic::error(&rel, 0, 0, msg!("new-exists", path = display_path(&rel)))
                .with_hint(msg!("new-exists-hint")),
        );
    }
    let rel = match opts.section {
        Section::Event => section_dir
            .join(date.year().to_string())
            .join(format!("{slug}.md")),
        _ => section_dir.join(format!("{slug}.md")),
    };
    let fill = Fill {
        title,
        date: date.to_string(),
        lat: opts.lat.unwrap_or(0.0),
        lon: opts.lon.unwrap_or(0.0),
        since: date.year().to_string(),
        ..Fill::default()
    };
    write_new(&opts.root.join(&rel), &entries::render(opts.section, &fill))?;
    Ok(rel)
}

/// The title as typed, without control characters other than line breaks and tabs (a pasted
/// title may carry invisible ones that have no place on a page).
fn clean_title(title: &str) -> String {
    title
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

/// A slug made from a long title, cut at a dash to at most [`NEW_SLUG_LEN`] characters.
fn shorten(slug: &str) -> String {
    if slug.len() <= NEW_SLUG_LEN {
        return slug.to_owned();
    }
    let cut = &slug[..NEW_SLUG_LEN];
    cut.rsplit_once('-')
        .map_or(cut, |(head, _)| head)
        .to_owned()
}

/// The longest slug `new` makes from a title (a longer `--slug` is taken as given).
const NEW_SLUG_LEN: usize = 60;

/// An existing `<slug>.md` in `dir` (and its sub-folders when `deep`).
fn find_slug(dir: &Path, slug: &str, deep: bool) -> Option<PathBuf> {
    let name = format!("{slug}.md");
    let direct = dir.join(&name);
    if direct.exists() || !deep {
        return direct.exists().then_some(direct);
    }
    ignore::WalkBuilder::new(dir)
        .standard_filters(false)
        .build()
        .flatten()
        .map(|e| e.into_path())
        .find(|p| p.file_name().is_some_and(|f| f.to_string_lossy() == name))
}

/// Creates `path` (and its folders) with `text`; never replaces an existing file.
fn write_new(path: &Path, text: &str) -> Result<(), Diagnostic> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
    }
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| io_error(path, &e))?;
    f.write_all(text.as_bytes()).map_err(|e| io_error(path, &e))
}

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        path,
        0,
        0,
        msg!(
            "scaffold-cannot-write",
            problem = crate::messages::io_problem(e)
        ),
    )
}
