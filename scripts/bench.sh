#!/usr/bin/env bash
# scripts/bench.sh -- parindex next to the peer rules engines on the harness's
# "PAR-like scoring" workload (../shared/bench-peers, see its README.md).
#
# usage: scripts/bench.sh [--json FILE] [--write] [N...]     (default N: 1000 10000)
#        scripts/bench.sh --check [N]                        (default N: 1000)
#
# For each N: the harness generates the units and runs the floors and peers
# (lua, sqlite_c, plain, jre, zen); the units are converted to CSV
# (scripts/bench-tool.js) and imported with `parindex import` (timed); every
# unit is scored with `parindex score --rules rules/bench` (timed, run stored);
# the stored run must give the harness's CHECKSUM line and per-unit dump.
# On the 10,000-unit store, `explain --unit`, `score --unit` and `plan --unit
# --target-rank 1` are timed (median of EXPLAIN_RUNS), and `plan --office`
# over every unit (median of RUNS); the facts form of every unit (`facts
# template --all-units`) is written as XLSX and as CSV and each imported back.
# One table per N; targets at the end.
#   --json FILE  also write the figures as JSON
#   --write      also regenerate the results section of BENCHMARKS.md
#   --check      checksum and per-unit dump only (no peers, no timings): the
#                regression test of rules/bench, run by scripts/test.sh. Skips
#                (exit 0) when the harness folder is absent.
# Env: BENCH_PEERS (harness folder; default ../shared/bench-peers next to the
# repository), BENCH_WORK (scratch, default /tmp/parindex-bench), REPS (3,
# the harness's warm passes), RUNS (3 runs of parindex import and of score,
# the median is reported), EXPLAIN_RUNS (9), SKIP_INSTALL=1 (passed to the
# harness), PARINDEX_BIN (default build/parindex), BENCH_ENGINES (the harness
# engines to run; default all).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

json_out="" write=0 check=0 ns=()
while (($#)); do
  case "$1" in
    --json) json_out=${2:?--json needs a file}; shift ;;
    --json=*) json_out=${1#--json=} ;;
    --write) write=1 ;;
    --check) check=1 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "bench.sh: unknown option '$1'" >&2; exit 2 ;;
    *) [[ $1 =~ ^[0-9]+$ ]] || { echo "bench.sh: '$1' is not a number of units" >&2; exit 2; }; ns+=("$1") ;;
  esac
  shift
done
((${#ns[@]})) || { ((check)) && ns=(1000) || ns=(1000 10000); }
[[ -n $json_out && $json_out != /* ]] && json_out="$PWD/$json_out"

peers=${BENCH_PEERS:-$ROOT/../shared/bench-peers}
if [ ! -f "$peers/run.sh" ]; then
  if ((check)); then echo "bench: SKIPPED: no peer harness at $peers (../shared/bench-peers is absent)"; exit 0; fi
  echo "bench.sh: no peer harness at $peers (set BENCH_PEERS)" >&2; exit 1
fi
peers=$(cd "$peers" && pwd)
WORK=${BENCH_WORK:-/tmp/parindex-bench}
if ((check)) && [ -z "${BENCH_WORK:-}" ]; then   # a check of its own: test runs may overlap
  WORK=$(mktemp -d /tmp/parindex-bench-check.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT
fi
REPS=${REPS:-3}
EXPLAIN_RUNS=${EXPLAIN_RUNS:-9}
RUNS=${RUNS:-3}
((check)) && REPS=1 RUNS=1

# The harness installs what is missing itself (apt: lua5.4 gcc time; npm: the
# peers). --check needs no peer: install its few packages here, skip npm.
ensure_packages "${PARINDEX_PACKAGES[@]}" time
if ((check)); then ensure_packages lua5.4 gcc; export SKIP_INSTALL=1; fi
((check)) || build build >/dev/null
PARINDEX=${PARINDEX_BIN:-$ROOT/build/parindex}
[ -x "$PARINDEX" ] || build build >/dev/null

# The harness runs from a scratch copy (as its run.sh does by itself when its
# folder is read-only): it writes node_modules and rulebook.json beside itself.
H=$WORK/harness
mkdir -p "$H"
cp -r "$peers"/. "$H"/ && chmod -R u+w "$H"

# timed FILE cmd... : wall seconds (date +%s%N) to FILE.wall, /usr/bin/time -v to FILE
timed() {
  local tf=$1 t0 t1 rc=0; shift
  t0=$(date +%s%N); /usr/bin/time -v -o "$tf" "$@" || rc=$?; t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", (b-a)/1e9}' >"$tf.wall"
  return $rc
}
rss() { awk -F': ' '/Maximum resident set size/{printf "%.1f", $2/1024}' "$1"; }
median_ms() { sort -n | awk '{v[NR]=$1} END{printf "%.1f", (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

runs=() checks=() explain_ms="" score_unit_ms="" plan_ms="" plan_office_s="" all_match=1 tables="" targets="" form_targets=""
label() {
  case $1 in
    parindex-import) echo "parindex import (CSV → store, 1 transaction)" ;;
    parindex-score) echo "parindex score (store → rules → ledger stored)" ;;
    parindex-verify) echo "parindex verify (stored run: digests, chain, re-score, compare)" ;;
    parindex) echo "parindex import + score" ;;
    lua) echo "floor: plain Lua 5.4 eval (rules.lua, in memory)" ;;
    sqlite_c) echo "floor: SQLite read of all facts (C loop)" ;;
    plain) echo "hand-written JavaScript (node)" ;;
    jre) echo "json-rules-engine 7.3.1" ;;
    zen) echo "@gorules/zen-engine 0.54.0" ;;
  esac
}

for N in "${ns[@]}"; do
  engines=${BENCH_ENGINES:-lua sqlite_c plain jre zen}; ((check)) && engines="lua"
  echo "# N=$N: harness ($engines)" >&2
  WORK=$WORK/peers REPS=$REPS ENGINES=$engines PEERS_RELOCATED=1 \
    bash "$H/run.sh" "$N" >"$WORK/peers-$N.md" 2>"$WORK/peers-$N.err" \
    || { cat "$WORK/peers-$N.err" >&2; echo "bench.sh: the harness failed for N=$N (see $WORK/peers-$N.md)" >&2; exit 1; }
  D=$WORK/peers/data-$N
  P=$WORK/parindex-$N
  rm -rf "$P"; mkdir -p "$P"
  year=$(sqlite3 "$D/units-$N.db" "SELECT min(year) FROM facts")
  node "$ROOT/scripts/bench-tool.js" convert "$D/units-$N.jsonl" "$year" "$P" >"$P/convert.out"
  nfacts=$(awk '/^FACTS/{print $2}' "$P/convert.out")

  if ((check)); then echo "# N=$N: parindex import, score" >&2
  else echo "# N=$N: parindex import, score ($RUNS runs each, the median is reported)" >&2; fi
  # each run on a fresh store (import) or a fresh copy of the imported store
  # (score), after a sync so that no earlier writes are being flushed
  db=$P/store.db
  for k in $(seq "$RUNS"); do
    rm -f "$P/imported.db"*; sync
    timed "$P/import.$k.time" "$PARINDEX" --db "$P/imported.db" import "$ROOT/data/bench/offices.csv" \
      "$P/units.csv" "$P/facts.csv" >"$P/import.out"
  done
  for k in $(seq "$RUNS"); do
    rm -f "$db"*; cp "$P/imported.db" "$db"; sync
    timed "$P/score.$k.time" "$PARINDEX" --db "$db" score --rules "$ROOT/rules/bench" --year "$year" \
      >"$P/score.out" 2>"$P/score.err"
  done
  run=$(sed -n 's/^parindex: stored as run \([0-9]*\)$/\1/p' "$P/score.err")
  if ((!check)); then                           # verify the last run, on the store it is in
    for k in $(seq "$RUNS"); do
      sync
      timed "$P/verify.$k.time" "$PARINDEX" --db "$db" verify "$run" >"$P/verify.out" 2>"$P/verify.err" ||
        { cat "$P/verify.out" "$P/verify.err" >&2; echo "bench.sh: verify $run failed for N=$N" >&2; exit 1; }
    done
  fi
  for what in import score $( ((check)) || echo verify); do   # the median run's figures
    k=$(for k in $(seq "$RUNS"); do echo "$(cat "$P/$what.$k.time.wall") $k"; done | sort -n |
        awk -v n="$RUNS" 'NR == int((n + 1) / 2) {print $2}')
    cp "$P/$what.$k.time" "$P/$what.time"; cp "$P/$what.$k.time.wall" "$P/$what.time.wall"
  done
  sqlite3 -separator $'\t' "$db" \
    "SELECT 'U', unit, total FROM run_units WHERE run=$run;
     SELECT 'C', unit, component, points FROM run_components WHERE run=$run;
     SELECT 'D', unit, criterion, points, reason FROM run_deductions WHERE run=$run;" |
    node "$ROOT/scripts/bench-tool.js" checksum "$H/rulebook.json" "$P/dump.tsv" >"$P/checksum.out"
  ours=$(sed -n 's/^CHECKSUM //p' "$P/checksum.out")
  ref=$(sed -n 's/^CHECKSUM //p' "$D/lua.A.out")
  if [ -n "$ref" ] && [ "$ours" = "$ref" ] && cmp -s "$P/dump.tsv" "$D/lua.tsv"; then
    verdict="match"
  else
    verdict="MISMATCH"; all_match=0
    echo "bench: N=$N: parindex:  $ours" >&2
    echo "bench: N=$N: reference: $ref" >&2
    cmp "$P/dump.tsv" "$D/lua.tsv" >&2 || true
  fi
  checks+=("N=$N: $verdict (checksum and per-unit dump vs the plain-Lua reference): $ours")
  if ((check)); then echo "bench: N=$N: rules/bench $verdict: CHECKSUM $ours"; continue; fi

  if ((N == 10000)); then
    unit=$(printf 'U%06d' $((N / 2)))
    for k in $(seq "$EXPLAIN_RUNS"); do
      timed "$P/explain.time" "$PARINDEX" --db "$db" explain --rules "$ROOT/rules/bench" --year "$year" --unit "$unit" >/dev/null
      awk '{print $1*1000}' "$P/explain.time.wall" >>"$P/explain.ms"
      timed "$P/score1.time" "$PARINDEX" --db "$db" score --rules "$ROOT/rules/bench" --year "$year" --unit "$unit" \
        >/dev/null 2>&1
      awk '{print $1*1000}' "$P/score1.time.wall" >>"$P/score1.ms"
    done
    explain_ms=$(median_ms <"$P/explain.ms")
    score_unit_ms=$(median_ms <"$P/score1.ms")
    # plan: one unit's exact target search (rank 1, every task in play) against the other
    # units' totals of the stored run; one office's lead tasks in every unit (scored now)
    for k in $(seq "$EXPLAIN_RUNS"); do
      timed "$P/plan.time" "$PARINDEX" --db "$db" plan --rules "$ROOT/rules/bench" --year "$year" --unit "$unit" \
        --target-rank 1 --format json >"$P/plan.json"
      awk '{print $1*1000}' "$P/plan.time.wall" >>"$P/plan.ms"
    done
    for k in $(seq "$RUNS"); do
      timed "$P/plan-office.time" "$PARINDEX" --db "$db" plan --rules "$ROOT/rules/bench" --year "$year" \
        --office case-handling --format json >/dev/null
      cat "$P/plan-office.time.wall" >>"$P/plan-office.s"
    done
    plan_ms=$(median_ms <"$P/plan.ms")
    plan_office_s=$(sort -n "$P/plan-office.s" | awk '{v[NR]=$1} END{printf "%.3f", v[int((NR+1)/2)]}')
    grep -q '"scores_from_stored_run":.*true' "$P/plan.json" || echo "bench: plan did not use the stored run's totals" >&2
    # the facts form of every unit (facts template --all-units) as XLSX and as CSV,
    # and each imported into a fresh store (with the offices and units)
    timed "$P/form-xlsx.time" "$PARINDEX" --db "$db" facts template --all-units --rules "$ROOT/rules/bench" \
      --year "$year" --format xlsx --out "$P/form.xlsx" 2>/dev/null
    timed "$P/form-csv.time" "$PARINDEX" --db "$db" facts template --all-units --rules "$ROOT/rules/bench" \
      --year "$year" --format csv --out "$P/form.csv" 2>/dev/null
    for f in xlsx csv; do
      rm -f "$P/form-$f.db"*; sync
      timed "$P/form-$f-import.time" "$PARINDEX" --db "$P/form-$f.db" import "$ROOT/data/bench/offices.csv" \
        "$P/units.csv" "$P/form.$f" >/dev/null
    done
    ffacts=$(sqlite3 "$P/form-csv.db" "SELECT count(*) FROM facts")
    [ "$(sqlite3 "$P/form-xlsx.db" "SELECT count(*) FROM facts")" = "$ffacts" ] ||
      { echo "bench.sh: the XLSX form did not import the facts of the CSV form" >&2; exit 1; }
    fw=$(cat "$P/form-xlsx.time.wall") fi=$(cat "$P/form-xlsx-import.time.wall") fc=$(cat "$P/form-csv-import.time.wall")
    form_targets=$(awk -v fw="$fw" -v fi="$fi" -v fc="$fc" -v cw="$(cat "$P/form-csv.time.wall")" -v f="$ffacts" \
      -v rw="$(rss "$P/form-xlsx.time")" -v ri="$(rss "$P/form-xlsx-import.time")" 'BEGIN{
      v(fw <= 2*fc, sprintf("facts template --all-units --format xlsx (%d facts) ≤ 2 × the CSV import of the same facts: %.3f s vs %.3f s (%.2f×; the CSV form: %.3f s; %s MB)", f, fw, fc, fw/fc, cw, rw))
      v(fi <= 2*fc, sprintf("import of that workbook ≤ 2 × the CSV import of the same facts: %.3f s vs %.3f s (%.2f×; %s MB)", fi, fc, fi/fc, ri))
    }
    function v(ok, t) { printf "- %s %s\n", ok ? "MET:" : "MISSED:", t }')
  fi

  # rows: engine wall rss eval_us (µs/unit in the engine's own loop, harness engines)
  iw=$(cat "$P/import.time.wall") sw=$(cat "$P/score.time.wall") vw=$(cat "$P/verify.time.wall")
  rows=("parindex-import $iw $(rss "$P/import.time") -"
        "parindex-score $sw $(rss "$P/score.time") -"
        "parindex-verify $vw $(rss "$P/verify.time") -"
        "parindex $(awk -v a="$iw" -v b="$sw" 'BEGIN{printf "%.3f", a+b}') \
$(awk -v a="$(rss "$P/import.time")" -v b="$(rss "$P/score.time")" 'BEGIN{print (a>b?a:b)}') -")
  for e in $engines; do
    if [ "$e" = sqlite_c ]; then w=$(cat "$D/sqlite_c.time.wall"); r=$(rss "$D/sqlite_c.time"); ev=$(awk '/^EVAL_US/{print $2}' "$D/sqlite_c.out")
    else w=$(cat "$D/$e.A.time.wall"); r=$(rss "$D/$e.A.time"); ev=$(awk '/^EVAL_US/{print $2}' "$D/$e.B.out"); fi
    rows+=("$e $w $r $(awk -v e="$ev" -v n="$N" 'BEGIN{printf "%.2f", e/n}')")
  done
  tables+=$'\n'"### N = $N units ($nfacts facts)"$'\n\n'
  tables+="| engine | units/s | µs/unit | process wall s | peak RSS MB | eval µs/unit (in-process loop) | wall × parindex score |"$'\n'
  tables+="|---|---:|---:|---:|---:|---:|---:|"$'\n'
  for row in "${rows[@]}"; do
    read -r e w r ev <<<"$row"
    tables+=$(awk -v L="$(label "$e")" -v n="$N" -v w="$w" -v r="$r" -v ev="$ev" -v s="$sw" 'BEGIN{
      printf "| %s | %.0f | %.1f | %.3f | %s | %s | %.2f |\n", L, n/w, w*1e6/n, w, r, ev, w/s }')$'\n'
    runs+=("{\"n\": $N, \"engine\": \"$e\", \"wall_s\": $w, \"rss_mb\": $r, \"us_per_unit\": $(awk -v w="$w" -v n="$N" 'BEGIN{printf "%.2f", w*1e6/n}')$([ "$ev" = - ] || echo ", \"eval_us_per_unit\": $ev")}")
    eval "w_${e//-/_}=$w r_${e//-/_}=$r ev_${e//-/_}=$ev"
  done
  tables+=$'\n'"parindex import: $(awk -v f="$nfacts" -v w="$iw" 'BEGIN{printf "%.0f", f/w}') facts/s. Checksum: $verdict."$'\n'
  # targets (ratios measured in this run)
  if ((N == 10000)); then
    targets+=$(awk -v s="$w_parindex_score" -v db="${ev_sqlite_c:-0}" -v lua="${ev_lua:-0}" -v n="$N" -v jre="${w_jre:-0}" -v zen="${w_zen:-0}" \
      -v iw="$iw" -v f="$nfacts" -v rss="$r_parindex_score" -v rssi="$r_parindex_import" -v ex="$explain_ms" -v su="$score_unit_ms" -v pl="$plan_ms" -v po="$plan_office_s" \
      -v vw="$w_parindex_verify" 'BEGIN{
      lim = 1.5 * (db + lua) * n / 1e6
      v(s <= lim, sprintf("score of %d units ≤ 1.5 × (SQLite read floor + plain-Lua eval) = 1.5 × (%.2f + %.2f) µs × %d = %.3f s: %.3f s (%.2f× the limit)", n, db, lua, n, lim, s, s/lim))
      v(jre >= 10*s, sprintf("≥ 10× faster than json-rules-engine (process wall): %.1f×", jre/s))
      v(zen >= 10*s, sprintf("≥ 10× faster than zen-engine (process wall): %.1f×", zen/s))
      v(f/iw >= 500000, sprintf("import ≥ 500,000 facts/s in one transaction: %.0f facts/s (%d facts in %.3f s)", f/iw, f, iw))
      v(rss < 100 && rssi < 100, sprintf("peak RSS < 100 MB at %d units: score %.1f MB, import %.1f MB", n, rss, rssi))
      v(ex < 20 && su < 20, sprintf("single unit on the %d-unit store < 20 ms: explain %.1f ms, score --unit %.1f ms (median)", n, ex, su))
      v(pl < 50, sprintf("plan --unit --target-rank 1 on the %d-unit store < 50 ms: %.1f ms (median)", n, pl))
      v(po <= 3*s, sprintf("plan --office over %d units ≤ 3 × score: %.3f s (%.2f× score)", n, po, po/s))
      v(vw <= 2*s, sprintf("verify of the %d-unit run ≤ 2 × score: %.3f s against %.3f s (%.2f×)", n, vw, s, vw/s))
    }
    function v(ok, t) { printf "- %s %s\n", ok ? "MET:" : "MISSED:", t }')$'\n'"$form_targets"$'\n'
  fi
  eval "us_$N=$(awk -v w="$w_parindex_score" -v n="$N" 'BEGIN{printf "%.2f", w*1e6/n}')"
done

if ((check)); then ((all_match)) && exit 0; echo "bench: rules/bench differs from the reference" >&2; exit 1; fi

if ((${#ns[@]} > 1)); then
  lo=${ns[0]} hi=${ns[-1]}
  for n in "${ns[@]}"; do ((n < lo)) && lo=$n; ((n > hi)) && hi=$n; done
  eval "ul=\$us_$lo uh=\$us_$hi"
  targets+=$(awk -v lo="$lo" -v hi="$hi" -v a="$ul" -v b="$uh" 'BEGIN{
    printf "- %s linear cost: score µs/unit at %d units within 1.2× of %d units: %.2f vs %.2f µs (%.2f×)\n",
      (b <= 1.2*a ? "MET:" : "MISSED:"), hi, lo, b, a, b/a }')$'\n'
fi

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')
machine="$(nproc) CPUs ($cpu), $(uname -sr), SQLite $(sqlite3 --version | cut -d' ' -f1), node $(node -v), $(lua5.4 -v 2>&1 | cut -d' ' -f1-2), parindex $("$PARINDEX" --version | cut -d' ' -f2) ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))"
date=$(date -u +%Y-%m-%dT%H:%MZ)
command="scripts/bench.sh ${ns[*]}\` (REPS=$REPS, RUNS=$RUNS, EXPLAIN_RUNS=$EXPLAIN_RUNS)"
report="Machine: $machine."$'\n'"Date: $date. Command: \`$command."$'\n'"$tables"
[ -n "$explain_ms" ] && report+=$'\n'"Single unit on the 10,000-unit store (process wall, median of $EXPLAIN_RUNS): explain $explain_ms ms, score --unit $score_unit_ms ms, plan --unit --target-rank 1 $plan_ms ms. plan --office over every unit (median of $RUNS): $plan_office_s s."$'\n'
report+=$'\n'"Checks:"$'\n'"$(printf -- '- %s\n' "${checks[@]}")"$'\n'
[ -n "$targets" ] && report+=$'\n'"Targets:"$'\n'"$targets"
printf '%s\n' "$report"

if [ -n "$json_out" ]; then
  { printf '{"runs": [\n  %s\n ],\n' "$(IFS=$'\n'; printf '%s\n' "${runs[@]}" | paste -sd, - | sed 's/},{/},\n  {/g')"
    printf ' "checksum_match": %s,\n "explain_ms": %s,\n "score_unit_ms": %s,\n "plan_ms": %s,\n "plan_office_s": %s,\n "machine": "%s",\n "date": "%s"}\n' \
      "$( ((all_match)) && echo true || echo false)" "${explain_ms:-null}" "${score_unit_ms:-null}" "${plan_ms:-null}" \
      "${plan_office_s:-null}" "${machine//\"/\'}" "$date"
  } >"$json_out"
fi

if ((write)); then
  md=$ROOT/BENCHMARKS.md
  [ -f "$md" ] || printf '# Benchmarks\n\n<!-- bench:begin -->\n<!-- bench:end -->\n' >"$md"
  awk -v r="$report" '/<!-- bench:begin -->/{print; print r; skip=1; next} /<!-- bench:end -->/{skip=0} !skip' "$md" >"$md.tmp"
  mv "$md.tmp" "$md"
  echo "bench: wrote the results into $md" >&2
fi
((all_match))
