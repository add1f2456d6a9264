#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] -- build the libFuzzer harnesses with clang
# (AddressSanitizer + UBSan) into build-fuzz/ and run each for SECONDS
# (default 60): tests/fuzz/fuzz_import.c (fact files, JSON, CSV and XLSX) and
# tests/fuzz/fuzz_rules.c (rule files). Seeds: tests/fuzz/import,
# tests/malformed and data/lai-chau; tests/fuzz/rules and the 2022 district
# rulebook. New coverage goes to build-fuzz/corpus-*. An input
# that crashes, leaks or hangs a harness is copied into tests/fuzz/NAME/ as a
# regression case (replayed by tests/test_fuzz.c) and the script exits 1.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
SECONDS_EACH=${1:-60}
ensure_packages "${PARINDEX_PACKAGES[@]}" clang libclang-rt-dev
cd "$ROOT"

B=build-fuzz
mkdir -p "$B/obj"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CFLAGS="-g -O1 -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -DPARINDEX_VERSION=\"fuzz\"
  -DPARINDEX_SOURCE_DIR=\"$ROOT\" $(for d in src/*/; do printf -- '-I%s ' "$d"; done) -Itests/fuzz $(pkg-config --cflags lua5.4 sqlite3 libcjson libcrypto xlsxwriter libzip expat)"
LIBS="$(pkg-config --libs lua5.4 sqlite3 libcjson libcrypto xlsxwriter libzip expat) -lm"

echo "== building the harnesses (clang, libFuzzer, ASan + UBSan)"
objs=()
for c in src/*/*.c tests/fuzz/fuzz_targets.c; do
  o=$B/obj/$(basename "$(dirname "$c")")_$(basename "${c%.c}").o
  # shellcheck disable=SC2086
  clang $CFLAGS $SAN -fsanitize=fuzzer-no-link -c "$c" -o "$o"
  objs+=("$o")
done
for h in import rules; do
  # shellcheck disable=SC2086
  clang $CFLAGS $SAN -fsanitize=fuzzer "tests/fuzz/fuzz_$h.c" "${objs[@]}" $LIBS -o "$B/fuzz_$h"
done

status=0
declare -A SEEDS=([import]="tests/fuzz/import tests/malformed data/lai-chau"
                  [rules]="tests/fuzz/rules rules/lai-chau/district/2022")
for h in import rules; do
  echo "== fuzz_$h for $SECONDS_EACH s"
  mkdir -p "$B/corpus-$h" "$B/artifacts-$h"
  rm -f "$B/artifacts-$h"/*
  rc=0
  ASAN_OPTIONS=detect_leaks=1 "$B/fuzz_$h" -max_total_time="$SECONDS_EACH" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$B/artifacts-$h/" "$B/corpus-$h" ${SEEDS[$h]} >"$B/fuzz_$h.log" 2>&1 || rc=$?
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ +DONE" "$B/fuzz_$h.log" || true
  found=$(find "$B/artifacts-$h" -type f | wc -l)
  if [ "$rc" != 0 ] || [ "$found" != 0 ]; then
    status=1
    echo "fuzz_$h: exit $rc, $found new inputs that fail; see $B/fuzz_$h.log" >&2
    grep -E "ERROR|SUMMARY" "$B/fuzz_$h.log" | head -5 >&2 || true
    for a in "$B/artifacts-$h"/*; do
      [ -f "$a" ] && cp "$a" "tests/fuzz/$h/" && echo "  kept as tests/fuzz/$h/$(basename "$a")" >&2
    done
  fi
done
((status == 0)) && echo "== fuzzing found nothing new"
exit $status
