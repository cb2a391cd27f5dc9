#!/usr/bin/env bash
# Regenerates docs/workspace.schema.json from the installed Python package
# (which carries the C++ library's generator). Run after changing a field in
# src/core/model/schema.hpp; the C++ and Python suites fail until the file matches.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/.venv/bin/python" -c "import sys, levande._core as c; sys.stdout.write(c.workspace_schema())" \
  > "$root/docs/workspace.schema.json"
