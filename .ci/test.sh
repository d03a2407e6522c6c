#!/usr/bin/env bash
# The whole test suite, on a fresh machine too: installs what the tests need, then runs them.
# Usage: bash .ci/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nerror: %s\n' "$*" >&2; exit 1; }

# apt-get as root, or through sudo when that works without a password.
apt_install() {
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    sudo -n true 2>/dev/null || return 1
    sudo=(sudo -n)
  fi
  "${sudo[@]}" apt-get update && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"
}

# Python packages for the independent checkers (tests/tools: icalendar and
# recurring-ical-events read the .ics files, Pillow the published photos, PyYAML the CI
# workflows that init writes, jsonschema data/events.json) go into a virtual
# environment in target/test-python; the tests use its python3 (tests/common: python()).
# Debian 12 and newer refuse `pip install` outside one.
no_python() {
  die "Python 3 with its venv module is needed for the independent checkers. $1
  Debian/Ubuntu: apt-get install -y python3 python3-venv
  Fedora:        dnf install -y python3
  macOS:         brew install python
  Windows:       winget install Python.Python.3.12"
}
command -v python3 >/dev/null 2>&1 || { apt_install python3 python3-venv || true; }
command -v python3 >/dev/null 2>&1 || no_python "python3 was not found."
VENV="${TWINSITE_TEST_VENV:-target/test-python}"
if [ ! -x "$VENV/bin/python3" ]; then
  say "creating the Python environment $VENV"
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    apt_install python3-venv || true
    python3 -m venv "$VENV" || no_python "python3 -m venv failed."
  fi
fi
if ! "$VENV/bin/python3" -c 'import icalendar, recurring_ical_events, PIL, yaml, jsonschema' 2>/dev/null; then
  say "installing Python packages icalendar, recurring-ical-events, Pillow, PyYAML and jsonschema into $VENV"
  "$VENV/bin/python3" -m pip install --quiet --disable-pip-version-check \
    'icalendar>=6,<8' 'recurring-ical-events>=3,<4' 'pillow>=10,<14' 'pyyaml>=6,<7' 'jsonschema>=4,<5' \
    || die "pip could not install the Python packages (is PyPI reachable?)"
fi
"$VENV/bin/python3" -c 'import icalendar, recurring_ical_events, PIL, yaml, jsonschema' \
  || die "the Python packages icalendar, recurring-ical-events, Pillow, PyYAML and jsonschema are missing from $VENV"
TWINSITE_TEST_PYTHON="$(cd "$VENV" && pwd)/bin/python3"
export TWINSITE_TEST_PYTHON

# The browser suite (tests/browser) needs Chromium, Java (for the Nu Html Checker) and Node.
if [ ! -x /usr/bin/chromium ]; then
  say "installing Chromium (apt-get install chromium)"
  apt_install chromium || true
fi
[ -x /usr/bin/chromium ] || die "Chromium is missing and could not be installed. Run as root: apt-get update && apt-get install -y chromium"
if ! command -v java >/dev/null 2>&1; then
  say "installing Java (apt-get install default-jre-headless) for the Nu Html Checker"
  apt_install default-jre-headless || true
fi
command -v java >/dev/null 2>&1 || die "Java is missing and could not be installed; the Nu Html Checker needs it. Run as root: apt-get install -y default-jre-headless"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || die "Node.js and npm are missing; the browser suite needs Node 20 or newer (apt-get install -y nodejs npm)"
if [ ! -f tests/browser/node_modules/.package-lock.json ] \
  || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  say "installing the browser suite's npm packages (npm ci --prefix tests/browser)"
  npm ci --prefix tests/browser --no-audit --no-fund
fi

status=0

say "cargo test"
cargo test --all-targets --locked || status=1

# Fuzz smoke: every target in fuzz/ for a few seconds (fuzz/run.sh). cargo-fuzz needs the
# nightly toolchain; the smoke builds without AddressSanitizer, which builds several times
# faster. Its build folder lives outside the clone (FUZZ_TARGET_DIR), so a machine that ran it
# once does not compile every dependency with nightly again.
say "fuzz smoke: fuzz/run.sh ${FUZZ_SMOKE_SECONDS:-10} (nightly, cargo-fuzz, no sanitizer)"
cargo +nightly --version >/dev/null 2>&1 \
  || die "the nightly toolchain is missing; the fuzz smoke test needs it: rustup toolchain install nightly --profile minimal"
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (cargo install cargo-fuzz --locked)"
  cargo install cargo-fuzz --locked || die "cargo-fuzz is missing and could not be installed: cargo install cargo-fuzz --locked"
fi
CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$HOME/.cache/twinsite/fuzz-target}" \
  FUZZ_SANITIZER=none bash fuzz/run.sh "${FUZZ_SMOKE_SECONDS:-10}" || status=1

# The browser suite drives the binary `cargo test` already built (dependencies are optimised
# in the dev profile, so a separate release build would only cost CI time). `cargo build`
# would compile many dependencies again: without the dev-dependencies their features differ.
# `cargo test --no-run` only makes sure the binary is there and current.
say "the binary the browser suite drives (cargo test --no-run)"
cargo test --all-targets --locked --no-run || die "cargo test --no-run failed"
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$PWD/$target_dir" ;; esac

say "browser suite (tests/browser/e2e.mjs)"
TWINSITE_BIN="$target_dir/debug/twinsite" node tests/browser/e2e.mjs || status=1

if [ "$status" != 0 ]; then
  printf '\nerror: some tests failed (see above)\n' >&2
fi
exit "$status"
