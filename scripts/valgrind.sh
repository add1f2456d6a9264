#!/usr/bin/env bash
# scripts/valgrind.sh -- run the CLI end to end under valgrind (memcheck):
# import (JSON, CSV, XLSX), score, explain, tasks, plan, facts and error paths (a malformed fact file, a
# hostile rule stopped by the budget, a rule stopped by the memory cap, a
# store that is not SQLite). Every run must report zero errors and zero
# definitely lost bytes, and exit as expected. Uses build/parindex (or
# $PARINDEX_BIN); needs valgrind.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${PARINDEX_BIN:-$ROOT/build/parindex}
[ -x "$BIN" ] || { echo "valgrind.sh: no $BIN (build first)" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind is not installed" >&2; exit 1; }
cd "$ROOT"

W=$(mktemp -d /tmp/parindex-valgrind-XXXXXX)
trap 'rm -rf "$W"' EXIT
DB=$W/store.db
RULES=rules/lai-chau/district
runs=0

# vg WANT_EXIT ARGS... : one run under memcheck
vg() {
  local want=$1; shift
  local status=0
  valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \
    --errors-for-leak-kinds=definite --log-file="$W/vg.log" \
    "$BIN" --db "$DB" "$@" >"$W/out" 2>"$W/err" || status=$?
  runs=$((runs + 1))
  if [ -s "$W/vg.log" ] || [ "$status" = 99 ]; then
    echo "valgrind.sh: parindex $*: valgrind reports:" >&2; cat "$W/vg.log" >&2; exit 1
  fi
  if [ "$status" != "$want" ]; then
    echo "valgrind.sh: parindex $*: exit $status, want $want" >&2; cat "$W/err" >&2; exit 1
  fi
  echo "  ok (exit $status): parindex $*"
}

echo "valgrind.sh: memcheck, every run must be clean"
vg 0 import data/lai-chau
vg 0 score --rules "$RULES" --year 2022
vg 0 score --rules "$RULES" --year 2022 --format json --lang en
vg 0 explain --rules "$RULES" --year 2022 --unit muong-te
vg 0 explain --rules "$RULES" --year 2022 --unit muong-te --format json
vg 0 tasks --rules "$RULES" --year 2022 --unit muong-te
vg 0 tasks --rules "$RULES" --year 2022 --unit muong-te --format json
vg 0 plan --rules "$RULES" --year 2022 --unit muong-te --target-rank 6
vg 0 plan --rules "$RULES" --year 2022 --unit muong-te --set ho_so_tra_qua_han=3 --target-index 75 --format json
vg 0 plan --rules "$RULES" --year 2022 --office noi-vu --format csv
vg 0 facts check --rules "$RULES" --year 2022
vg 0 facts show --unit muong-te --year 2022
vg 0 facts template --rules "$RULES" --year 2022 --unit muong-te --format xlsx --out "$W/form.xlsx"
vg 0 facts template --rules "$RULES" --year 2022 --unit muong-te --format csv --out "$W/form.csv"
DB=$W/xlsx.db vg 0 import data/lai-chau/units.json "$W/form.xlsx"
vg 0 published data/lai-chau/published/2021.json data/lai-chau/published/2022.json
printf 'unit;name;total;rank\nthanh-pho-lai-chau;Thành phố Lai Châu;82,10;1\nmuong-te;;65,84;7\n' >"$W/decision.csv"
vg 0 published "$W/decision.csv" --year 2022 --kind district --decision 701/QĐ-UBND --units 8
vg 0 published --list --format json
vg 0 report --rules "$RULES" --year 2022 --unit muong-te
vg 0 report --rules "$RULES" --year 2021 --unit muong-te --format html --lang en
vg 0 report --rules "$RULES" --year 2022 --unit muong-te --office noi-vu

# error paths
vg 1 import tests/malformed/json-missing-comma.json
vg 1 import tests/malformed/csv-very-long-line.csv
printf '{"year": 2022, "results": [{"unit": "muong-te", "rank": 1, "total": 60}, {"unit": "sin-ho", "rank": 2, "total": 61}]}' >"$W/badrank.json"
vg 1 published "$W/badrank.json"
vg 1 score --rules "$RULES" --year 2022 --unit nowhere
cp data/lai-chau/units.json "$W/notzip.xlsx"
vg 1 import "$W/notzip.xlsx"
mkdir "$W/evil"
cp "$RULES"/2022/*.lua "$W/evil/"
printf 'local t = {} while true do t[#t + 1] = t end\n' >"$W/evil/99_loop.lua"
vg 1 score --rules "$W/evil" --year 2022 --max-instructions 100000
printf 'local s = "x" for i = 1, 40 do s = s .. s end\n' >"$W/evil/99_loop.lua"
vg 1 score --rules "$W/evil" --year 2022 --max-memory 16
echo "not a database, just text; not a database, just text" >"$W/text.db"
DB=$W/text.db vg 1 score --rules "$RULES" --year 2022
vg 2 score --no-such-option
echo "valgrind.sh: $runs runs, 0 errors, 0 bytes definitely lost"
