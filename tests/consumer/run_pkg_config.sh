#!/bin/sh
# run_pkg_config.sh PREFIX SOURCE_DIR BUILD_DIR CC CXX
# Builds the consumer programs with nothing but pkg-config and runs them.
set -eu
prefix=$1 src=$2 out=$3 cc=$4 cxx=$5
rm -rf "$out" && mkdir -p "$out"
pcdir=$(dirname "$(find "$prefix" -name levande.pc | head -n 1)")
export PKG_CONFIG_PATH="$pcdir"
cflags=$(pkg-config --cflags levande)
libs=$(pkg-config --libs levande)
libdir=$(pkg-config --variable=libdir levande)
"$cc" -std=c99 -Wall -Werror $cflags "$src/consumer.c" -o "$out/consumer_c" $libs
"$cxx" -std=c++20 -Wall -Werror $cflags "$src/consumer.cpp" -o "$out/consumer_cpp" $libs
LD_LIBRARY_PATH="$libdir" "$out/consumer_c"
LD_LIBRARY_PATH="$libdir" "$out/consumer_cpp"
