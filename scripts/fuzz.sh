#!/usr/bin/env bash
# Runs every fuzz target (fuzz/) for longer than the test suite does:
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# New coverage is kept in build/fuzz-corpus/<target> (not the committed
# seed corpus); a crash is written to build/fuzz-crashes/<target>/ and
# stops the run. Turn a crash into a regression input by copying it into
# fuzz/corpus/<target>/ once it is fixed. Prints a summary line per target:
# runs, coverage and crashes, the figures docs/reliability.md reports.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
seconds=${1:-600}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(date rrule json batch csv ics load_file load_sql)

scripts/install-deps.sh >/dev/null
CC=clang CXX=clang++ cmake -S . -B build/sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DLEVANDE_SANITIZE=ON -DLEVANDE_FUZZ=ON -DLEVANDE_WERROR=ON -DLEVANDE_BUILD_BENCH=OFF \
  -DLEVANDE_BUILD_DOCS=OFF >/dev/null
cmake --build build/sanitize -j2 --target $(printf 'fuzz_%s ' "${targets[@]}")

for t in "${targets[@]}"; do
  corpus=build/fuzz-corpus/$t crashes=build/fuzz-crashes/$t
  mkdir -p "$corpus" "$crashes"
  log=build/fuzz-crashes/$t.log
  ASAN_OPTIONS=detect_leaks=1 build/sanitize/fuzz/fuzz_"$t" -max_total_time="$seconds" \
    -timeout=20 -rss_limit_mb=3072 -print_final_stats=1 -artifact_prefix="$crashes/" \
    "$corpus" "fuzz/corpus/$t" >"$log" 2>&1 || {
    echo "fuzz $t: FAILED, see $log and $crashes/"
    exit 1
  }
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*' || echo '?')
  echo "fuzz $t: $runs inputs in ${seconds}s, coverage $cov edges, crashes 0"
done
