#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 600) and prints, per target, the executions,
# the corpus size and whether it found a crash, hang (timeout) or memory blow-up.
#
# Usage: fuzz/run.sh [SECONDS_PER_TARGET]
#   FUZZ_SANITIZER=none   build without AddressSanitizer (much faster to build; CI smoke)
#   FUZZ_TARGETS="a b"    run only these targets
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`).
# Corpora grow in fuzz/corpus/<target>/ (seeded from fuzz/seeds/<target>/), findings land in
# fuzz/artifacts/<target>/; both are ignored by git. Exit status 1 when any target failed.
set -euo pipefail
cd "$(dirname "$0")"

secs="${1:-600}"
sanitizer="${FUZZ_SANITIZER:-address}"

command -v cargo >/dev/null || { echo "error: cargo is missing" >&2; exit 2; }
cargo +nightly --version >/dev/null 2>&1 || {
  echo "error: the nightly toolchain is missing: rustup toolchain install nightly" >&2
  exit 2
}
cargo +nightly fuzz --version >/dev/null 2>&1 || {
  echo "error: cargo-fuzz is missing: cargo install cargo-fuzz --locked" >&2
  exit 2
}

targets="${FUZZ_TARGETS:-$(cargo +nightly fuzz list)}"
echo "==> building fuzz targets (sanitizer: $sanitizer)"
cargo +nightly fuzz build -s "$sanitizer"

failed=0
report=()
for t in $targets; do
  mkdir -p "corpus/$t" "artifacts/$t"
  seeds=()
  [ -d "seeds/$t" ] && seeds=("seeds/$t")
  log="artifacts/$t/run.log"
  echo "==> $t for ${secs}s"
  status=0
  cargo +nightly fuzz run -s "$sanitizer" "$t" "corpus/$t" "${seeds[@]}" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  corpus=$(find "corpus/$t" -type f | wc -l | tr -d ' ')
  finding=$(grep -oE '(crash|timeout|oom|leak|slow-unit)-[0-9a-f]+' "$log" | head -1 || true)
  if [ "$status" = 0 ]; then
    result="ok"
  else
    failed=1
    result="FAILED (exit $status${finding:+, artifacts/$t/$finding}; see $log)"
    tail -n 40 "$log" >&2
  fi
  report+=("$(printf '%-16s %12s execs %8s inputs   %s' "$t" "${execs:-?}" "$corpus" "$result")")
done

echo
echo "==> fuzzing summary (${secs}s per target, sanitizer: $sanitizer)"
printf '%s\n' "${report[@]}"
exit "$failed"
