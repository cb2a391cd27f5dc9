#!/usr/bin/env bash
# Records the ABI of the library as built now as the baseline that the test
# suite compares with (tests/abi/*.abi). Run it when a release changes the
# ABI on purpose (a new major version, or a field added at the end of a
# versioned struct), and say why in CHANGELOG.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DLEVANDE_WERROR=ON >/dev/null
cmake --build build/release -j2 --target levande
library=$(find build/release/src -maxdepth 1 -name 'liblevande.so.*.*.*' | head -n 1)
tests/abi/abi_dump.sh "$library" tests/abi
echo "baseline written: tests/abi/c-api.abi, tests/abi/symbols.abi (from $library)"
