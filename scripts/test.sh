#!/usr/bin/env bash
# scripts/test.sh -- install what is missing, build, run every test: the
# Criterion suite in the normal build and again under AddressSanitizer+UBSan.
# Exits non-zero on any failure.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_packages "${PARINDEX_PACKAGES[@]}" libcriterion-dev
cd "$ROOT"

echo "== build (warnings are errors)"
build build
echo "== tests"
build/parindex_tests --jobs 2

echo "== build with AddressSanitizer + UBSan"
build build-asan -DPARINDEX_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
echo "== tests under AddressSanitizer + UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build-asan/parindex_tests --jobs 2

echo "== rules/bench against the peer-benchmark reference (N=1000, checksum only)"
scripts/bench.sh --check 1000

echo "== all tests passed"
