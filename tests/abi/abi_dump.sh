#!/bin/sh
# The ABI of liblevande as libabigail records it, in two dumps:
#   c-api.abi    the C API: every levande_* function with the types it takes
#                and returns, read from the library's debug information
#                (struct layouts, enum values, signatures);
#   symbols.abi  every symbol the library exports, C and C++ (the C++ API is
#                checked by its mangled names: a changed signature is a
#                removed symbol).
# Paths and source locations are left out, so a dump does not depend on
# where the tree was checked out.
#
#   tests/abi/abi_dump.sh <liblevande.so> <output directory>
set -eu
library=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
include="$root/include"
mkdir -p "$out"

headers=""
for header in "$include/levande.h" "$include"/levande/c/*.h "$include/levande/arrow_abi.h"; do
  headers="$headers --header-file $header"
done
# shellcheck disable=SC2086  # one word per option
abidw $headers --drop-private-types --exported-interfaces-only \
  --suppressions "$here/c-api.suppr" --no-corpus-path --no-comp-dir-path --no-show-locs \
  --out-file "$out/c-api.abi" "$library"
# Translation units are named by their path: relative to the tree.
sed -i "s|$root/||g" "$out/c-api.abi"

# The symbols from a copy without debug information: libabigail then reads
# the ELF symbol table only.
stripped="$out/stripped.so"
objcopy --strip-debug "$library" "$stripped"
abidw --no-corpus-path --no-comp-dir-path --no-show-locs --out-file "$out/symbols.abi" "$stripped"
rm -f "$stripped"
