#!/usr/bin/env bash
# scripts/test.sh -- install what is missing, build, run every test: the
# Criterion suite in the normal build and again under AddressSanitizer+UBSan,
# the crash test (scripts/crash-test.sh), the valgrind run (scripts/valgrind.sh)
# and a short fuzzing run (scripts/fuzz.sh).
# Exits non-zero on any failure.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_packages "${PARINDEX_PACKAGES[@]}" libcriterion-dev valgrind
cd "$ROOT"

echo "== build (warnings are errors)"
build build
echo "== tests"
build/parindex_tests --jobs 2

echo "== crash test: SIGKILL during import and score, four scorers at once"
scripts/crash-test.sh "${CRASH_KILLS:-50}"

echo "== valgrind: the CLI end to end"
scripts/valgrind.sh

echo "== build with AddressSanitizer + UBSan"
build build-asan -DPARINDEX_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
echo "== tests under AddressSanitizer + UBSan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build-asan/parindex_tests --jobs 2

echo "== fuzzing, briefly (scripts/fuzz.sh SECONDS for longer runs)"
scripts/fuzz.sh "${FUZZ_SECONDS:-10}"

echo "== all tests passed"
