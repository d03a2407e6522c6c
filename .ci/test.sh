#!/usr/bin/env bash
# The whole test suite, on a fresh machine too: installs what the tests need, then runs them.
# Usage: bash .ci/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n==> %s\n' "$*"; }

# Python packages for the independent iCalendar checker (tests/tools/check_ics.py).
if ! python3 -c 'import icalendar, recurring_ical_events' 2>/dev/null; then
  say "installing Python packages icalendar and recurring-ical-events"
  python3 -m pip install --quiet --disable-pip-version-check 'icalendar>=6,<8' 'recurring-ical-events>=3,<4'
fi
python3 -c 'import icalendar, recurring_ical_events' || {
  echo "error: the Python packages icalendar and recurring-ical-events are missing and could not be installed" >&2
  exit 1
}

say "cargo test"
cargo test --all-targets --locked
