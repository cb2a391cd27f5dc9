#!/usr/bin/env bash
# For translators (docs/i18n.md): extracts the messages of the source into
# build/i18n/levande.pot (the template of a new language) and merges them
# into every catalogue
# (src/core/i18n/po/<language>.po): new messages arrive untranslated, the
# ones the source dropped stay as obsolete entries. Then reports what is
# still missing; the test suite fails until nothing is.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cmake -DSOURCE="$root" -DWORK="$root/build/i18n" -DUPDATE=ON \
  -P "$root/tests/i18n/check_catalogues.cmake"
