#!/usr/bin/env bash
# Installs what levande needs to build and test, and nothing that is already
# there: Debian/Ubuntu packages through apt, Python packages into .venv.
# Safe to run again and again.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

apt_packages=(
  g++ cmake ninja-build pkg-config  # toolchain
  libboost-date-time-dev            # Boost.Date_Time (header-only)
  libboost-locale-dev libicu-dev    # Boost.Locale with ICU: translations, CLDR numbers, collation
  gettext                           # msgfmt: the .po catalogues compiled at build time
  libgtest-dev                      # GoogleTest
  libsqlite3-dev                    # SQLite, the embedded workspace store
  nlohmann-json3-dev                # JSON documents (header-only)
  libcli11-dev                      # the levande command line (header-only)
  doxygen                           # API reference, warnings as errors
  abigail-tools                     # abidiff: the ABI against the release's baseline
  python3-dev python3-venv          # the Python extension and .venv
  chromium                          # renders the HTML report in a test (headless)
  clang                             # the sanitizer build and the fuzz targets (libFuzzer)
)
# libFuzzer and the sanitizer runtimes: Debian 12 packages them apart from
# clang (libclang-rt-dev); Ubuntu 22.04 ships them in clang's own packages.
if apt-cache show libclang-rt-dev >/dev/null 2>&1; then
  apt_packages+=(libclang-rt-dev)
fi

missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

venv="$root/.venv"
if [[ ! -x "$venv/bin/python" ]]; then
  echo "install-deps: creating $venv"
  "${PYTHON:-python3}" -m venv "$venv"
fi
# Reinstall only when the pinned list changed since the last successful run.
stamp="$venv/.levande-requirements"
if ! cmp -s "$root/scripts/requirements-dev.txt" "$stamp"; then
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet -r "$root/scripts/requirements-dev.txt"
  cp "$root/scripts/requirements-dev.txt" "$stamp"
fi
