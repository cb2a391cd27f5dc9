#!/usr/bin/env bash
# The long fault-injection campaign (tests/fault, docs/reliability.md):
#   scripts/fault.sh [POWER_CUT_ROUNDS]
# Strikes at every call and every allocation of the workload (the test
# suite samples the allocations) and cuts the power at each write, sync and
# truncation POWER_CUT_ROUNDS times (default 20) with different choices of
# which unsynced writes reach the disk. Prints the counts the reliability
# page reports; exits non-zero on the first failure.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
rounds=${1:-20}

scripts/install-deps.sh >/dev/null
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j2 --target levande_fault_tests
LEVANDE_FAULT_FULL=1 LEVANDE_FAULT_ROUNDS="$rounds" build/release/tests/levande_fault_tests |
  grep -E '^\[ fault|^\[  (PASSED|FAILED)|: Failure$|^(fault at|allocation) '
