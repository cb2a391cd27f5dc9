#!/usr/bin/env bash
# The README's first command: install what is missing, build the library, the
# CLI examples and the Python package, then run the main job on the bundled
# example. Safe to run again.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/install-deps.sh

cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j2
.venv/bin/python -m pip install --quiet --no-build-isolation .

echo
echo "== levande: follow-up dates for the bundled example training =="
build/release/examples/next_followups --title "Cloud security" --finished 2026-05-20
