//! The CI workflows `twinsite init` writes for GitHub Pages and GitLab Pages, and the install
//! step they share: download the twinsite release that wrote them, verify its SHA-256 sum, and
//! build that same version from source only when the release has no download.

/// The version written into the workflows: the one that writes them.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Where release archives live: `<RELEASES>/v<version>/<archive>`.
pub const RELEASES: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/releases/download");

/// The install step, a POSIX shell script run with `TWINSITE_VERSION` set. It installs into
/// `$TWINSITE_BIN_DIR` (default `~/.local/bin`); `TWINSITE_DOWNLOAD` replaces the release
/// address (for a mirror).
///
/// A checksum that does not match stops the job; only a release that cannot be downloaded
/// at all (none for this version, or no network) falls back to `cargo install`.
pub fn install_script() -> String {
    format!(
        r#"set -eu
case "$(uname -m)" in aarch64 | arm64) arch=aarch64 ;; *) arch=x86_64 ;; esac
name="twinsite-$arch-unknown-linux-musl"
base="${{TWINSITE_DOWNLOAD:-{RELEASES}}}/v$TWINSITE_VERSION"
bin="${{TWINSITE_BIN_DIR:-$HOME/.local/bin}}"
mkdir -p "$bin"
tmp="$(mktemp -d)"
if curl -fsSL --retry 3 --proto-redir =https -o "$tmp/$name.tar.gz" "$base/$name.tar.gz" &&
  curl -fsSL --retry 3 --proto-redir =https -o "$tmp/$name.tar.gz.sha256" "$base/$name.tar.gz.sha256"; then
  (cd "$tmp" && sha256sum -c "$name.tar.gz.sha256")
  tar -xzf "$tmp/$name.tar.gz" -C "$tmp"
  mv "$tmp/$name/twinsite" "$bin/twinsite"
else
  echo "twinsite $TWINSITE_VERSION: kein Download, wird aus dem Quellcode gebaut (einige Minuten)"
  cargo install twinsite --locked --version "$TWINSITE_VERSION" --root "$(dirname "$bin")"
fi
rm -rf "$tmp"
"$bin/twinsite" --version
"#
    )
}

/// `script` with every line indented by `n` spaces (empty lines stay empty).
fn indent(script: &str, n: usize) -> String {
    let pad = " ".repeat(n);
    script
        .lines()
        .map(|l| {
            if l.is_empty() {
                String::from("\n")
            } else {
                format!("{pad}{l}\n")
            }
        })
        .collect()
}

/// `.github/workflows/pages.yml`: build with twinsite and publish on GitHub Pages.
pub fn github_pages() -> String {
    let install = indent(
        &format!("{}echo \"$bin\" >> \"$GITHUB_PATH\"\n", install_script()),
        10,
    );
    format!(
        r#"# Baut die Website bei jeder Änderung im Zweig main und veröffentlicht sie auf GitHub Pages.
# Einmalig einschalten: Repository → Settings → Pages → Source: „GitHub Actions“.
name: Website veröffentlichen

on:
  push:
    branches: [main]
  # Jeden Morgen neu bauen, damit „Nächste Termine“ vergangene Termine nicht weiter zeigt.
  schedule:
    - cron: "17 3 * * *"
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: pages
        uses: actions/configure-pages@v5
      - name: twinsite installieren
        # Lädt genau die Fassung von twinsite, die diese Datei geschrieben hat, und prüft ihre
        # SHA-256-Prüfsumme. Eine neuere Fassung: die Nummer bei TWINSITE_VERSION ändern.
        env:
          TWINSITE_VERSION: "{VERSION}"
        run: |
{install}      - name: Verkleinerte Fotos zwischenspeichern
        uses: actions/cache@v4
        with:
          path: .twinsite-cache
          key: fotos-${{{{ github.sha }}}}
          restore-keys: fotos-
      - name: Website bauen
        # base_url kommt von GitHub Pages (z. B. https://verein.github.io/partnerschaften/).
        run: twinsite build --base-url "${{{{ steps.pages.outputs.base_url }}}}/"
      - uses: actions/upload-pages-artifact@v3
        with:
          path: public

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#
    )
}

/// `.gitlab-ci.yml`: the `pages` job publishing `public/` on GitLab Pages.
pub fn gitlab_ci() -> String {
    // In a subshell, so that `set -eu` stays out of the job's own shell.
    let install = indent(&format!("(\n{})\n", indent(&install_script(), 2)), 6);
    format!(
        r#"# Baut die Website bei jeder Änderung im Standardzweig und veröffentlicht sie auf GitLab Pages.
# Damit „Nächste Termine“ aktuell bleibt, zusätzlich täglich bauen lassen: Build → Pipeline
# schedules → New schedule (z. B. „0 4 * * *“, Zweig main). Das lässt sich nicht in dieser
# Datei festlegen.
pages:
  image: rust:latest
  cache:
    key: twinsite
    paths:
      - .twinsite-cache/
  variables:
    # Die Fassung von twinsite, die diese Datei geschrieben hat; sie wird heruntergeladen und
    # ihre SHA-256-Prüfsumme geprüft. Eine neuere Fassung: hier die Nummer ändern.
    TWINSITE_VERSION: "{VERSION}"
  script:
    - |
{install}    - export PATH="${{TWINSITE_BIN_DIR:-$HOME/.local/bin}}:$PATH"
    # base_url kommt von GitLab Pages (z. B. https://verein.gitlab.io/partnerschaften/).
    - twinsite build --base-url "$CI_PAGES_URL/"
  artifacts:
    paths:
      - public
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflows_pin_this_version_and_verify_the_download() {
        for w in [github_pages(), gitlab_ci()] {
            assert!(
                w.contains(&format!("TWINSITE_VERSION: \"{VERSION}\"")),
                "{w}"
            );
            assert!(w.contains("sha256sum -c"), "{w}");
            assert!(
                w.contains("cargo install twinsite --locked --version \"$TWINSITE_VERSION\""),
                "{w}"
            );
            assert!(!w.contains('\t'), "YAML has no tabs");
        }
        assert!(RELEASES.starts_with("https://"), "{RELEASES}");
    }
}
