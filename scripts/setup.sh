#!/usr/bin/env bash
# The README's first command: install what is missing, build the library, the
# command line and the Python package, then run the main job: the demo
# organisation with its report. Safe to run again.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scripts/install-deps.sh

cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j2
.venv/bin/python -m pip install --quiet --no-build-isolation .

echo
echo "== levande demo: a Swedish IT department, a year of follow-up =="
build/release/apps/levande demo --out demo
echo "Open demo/report.html in a browser; demo/followup.ics in a calendar."

