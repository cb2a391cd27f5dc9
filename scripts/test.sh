#!/usr/bin/env bash
# The README's second command: build and run the whole test suite — C++ and C
# (normal and ASan+UBSan builds, the thread tests under TSan), the Doxygen
# check, and Python. Safe to run again; builds are incremental.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
jobs=2

scripts/install-deps.sh

echo "== C++ and C: release build =="
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DLEVANDE_WERROR=ON >/dev/null
cmake --build build/release -j"$jobs"
ctest --test-dir build/release -j"$jobs" --output-on-failure
echo "   ($((SECONDS / 60)) min $((SECONDS % 60)) s so far)"

echo "== C++ and C: AddressSanitizer + UndefinedBehaviorSanitizer (Clang), and the fuzz targets =="
# One instrumented build serves both: the test suite runs under the
# sanitizers, and each fuzz target replays its corpus and fuzzes briefly
# (scripts/fuzz.sh runs them longer).
CC=clang CXX=clang++ cmake -S . -B build/sanitize -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DLEVANDE_SANITIZE=ON -DLEVANDE_FUZZ=ON -DLEVANDE_WERROR=ON -DLEVANDE_BUILD_BENCH=OFF \
  -DLEVANDE_BUILD_DOCS=OFF >/dev/null
cmake --build build/sanitize -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build/sanitize -j"$jobs" --output-on-failure
echo "   ($((SECONDS / 60)) min $((SECONDS % 60)) s so far)"

echo "== Threads: ThreadSanitizer (Clang) on the concurrency tests =="
# Only the library and tests/threads: the rest of the suite is single-threaded.
CC=clang CXX=clang++ cmake -S . -B build/tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DLEVANDE_TSAN=ON \
  -DLEVANDE_WERROR=ON -DLEVANDE_BUILD_BENCH=OFF -DLEVANDE_BUILD_DOCS=OFF \
  -DLEVANDE_BUILD_APPS=OFF -DLEVANDE_BUILD_EXAMPLES=OFF >/dev/null
cmake --build build/tsan -j"$jobs" --target levande_thread_tests
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 build/tsan/tests/levande_thread_tests
echo "   ($((SECONDS / 60)) min $((SECONDS % 60)) s so far)"

echo "== API reference: Doxygen, warnings are errors =="
cmake --build build/release --target docs

echo "== Python =="
.venv/bin/python -m pip install --quiet --no-build-isolation .
.venv/bin/python -m pytest -q tests/python
echo "== All passed in $((SECONDS / 60)) min $((SECONDS % 60)) s =="
