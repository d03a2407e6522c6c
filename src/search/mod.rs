//! Site search without a server: the pages' [`records`] go into a Pagefind index at build time,
//! one index per language, and Pagefind's files (its script, WebAssembly and index chunks) are
//! published under `pagefind/` for the theme's search page.

pub mod records;

pub use records::{Record, records};

/// The folder below the site root that holds the search files.
pub const DIR: &str = "pagefind";

/// Builds the search index of `records` (every language's together) and returns Pagefind's
/// files as `(path below the site root, bytes)`. The same records in any order give the same
/// files. Fails with Pagefind's reason, in English.
pub fn bundle(mut records: Vec<Record>) -> Result<Vec<(String, Vec<u8>)>, String> {
    records.sort_by(|a, b| (&a.language, &a.url).cmp(&(&b.language, &b.url)));
    records.dedup_by(|a, b| a.language == b.language && a.url == b.url);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    let files = runtime.block_on(index(records))?;
    Ok(files
        .into_iter()
        .map(|f| {
            let name = f.filename.to_string_lossy().replace('\\', "/");
            (format!("{DIR}/{name}"), f.contents)
        })
        .collect())
}

async fn index(records: Vec<Record>) -> Result<Vec<pagefind::api::SyntheticFile>, String> {
    let config = pagefind::options::PagefindServiceConfig::builder()
        .keep_index_url(true)
        .build();
    let mut index = pagefind::api::PagefindIndex::new(Some(config)).map_err(why)?;
    for r in records {
        index
            .add_html_file(None, Some(r.url), r.html)
            .await
            .map_err(why)?;
    }
    let mut files = index.get_files().await.map_err(why)?;
    files.retain(|f| !unused(&f.filename));
    files.sort_by(|a, b| a.filename.cmp(&b.filename));
    Ok(files)
}

/// Pagefind's error with its causes, on one line.
fn why(e: impl std::fmt::Display) -> String {
    format!("{e:#}")
}

/// Pagefind's ready-made interfaces and playground, which the theme does not use.
fn unused(name: &std::path::Path) -> bool {
    let name = name.to_string_lossy();
    name.starts_with("pagefind-ui")
        || name.starts_with("pagefind-modular-ui")
        || name.starts_with("pagefind-component-ui")
        || name.starts_with("pagefind-highlight")
        || name.starts_with("playground")
}
