#!/usr/bin/env bash
# scripts/test.sh -- install what is missing, build, run every test: the
# layer check (scripts/check-layers.py), the Criterion suite in the normal
# build and again under AddressSanitizer+UBSan, the conformance suites
# (scripts/conformance.sh), the Excel files read back (scripts/xlsx-test.sh), the crash test (scripts/crash-test.sh), the
# valgrind run (scripts/valgrind.sh)
# and a short fuzzing run (scripts/fuzz.sh).
# Exits non-zero on any failure.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_packages "${PARINDEX_PACKAGES[@]}" "${PARINDEX_OPTIONAL_PACKAGES[@]}" "${PARINDEX_TEST_PACKAGES[@]}" libcriterion-dev valgrind python3 "${PARINDEX_RENDER_PACKAGES[@]}" \
  "${PARINDEX_DOCX_PACKAGES[@]}" "${PARINDEX_DOCX_TEST_PACKAGES[@]}"
cd "$ROOT"

echo "== build (warnings are errors)"
build build -DPARINDEX_TESTS=ON   # demo.sh and screenshot-report.sh configure it OFF
echo "== layers (src/LAYERS): no upward include or call, no cycle, no oversized file"
python3 scripts/check-layers.py build
echo "== tests"
build/parindex_tests --jobs 2

echo "== the bundled rulebooks: rules check and rules test"
offices=$(mktemp -d)
build/parindex --db "$offices/parindex.db" import data/lai-chau >/dev/null   # owners are checked against its offices
for r in district/2021 district/2022 commune/2021 commune/2022; do
  build/parindex --db "$offices/parindex.db" rules check "rules/lai-chau/$r"
  build/parindex rules test "rules/lai-chau/$r"
done
rm -rf "$offices"

echo "== Excel: the XLSX files written and read back with openpyxl"
scripts/xlsx-test.sh build/parindex

echo "== conformance: the JSON Parsing Test Suite and csv-spectrum through import"
scripts/conformance.sh

echo "== crash test: SIGKILL during import and score, four scorers at once"
scripts/crash-test.sh "${CRASH_KILLS:-50}"

echo "== valgrind: the CLI end to end"
scripts/valgrind.sh

echo "== build with AddressSanitizer + UBSan"
build build-asan -DPARINDEX_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
echo "== tests under AddressSanitizer + UBSan"
LSAN_OPTIONS=suppressions=$ROOT/tests/lsan.supp ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  build-asan/parindex_tests --jobs 2
LSAN_OPTIONS=suppressions=$ROOT/tests/lsan.supp ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  scripts/xlsx-test.sh build-asan/parindex

echo "== rules/bench against the peer-benchmark reference (N=1000, checksum only)"
scripts/bench.sh --check 1000

echo "== fuzzing, briefly (scripts/fuzz.sh SECONDS for longer runs)"
scripts/fuzz.sh "${FUZZ_SECONDS:-10}"

echo "== all tests passed"
