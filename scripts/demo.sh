#!/usr/bin/env bash
# scripts/demo.sh -- install what is missing, build, import the bundled
# Lai Châu data into a fresh parindex.db and show Mường Tè's 2022 index.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_packages "${PARINDEX_PACKAGES[@]}" "${PARINDEX_DOCX_PACKAGES[@]}"
build build -DPARINDEX_TESTS=OFF >/dev/null
cd "$ROOT"
P=build/parindex
rm -f parindex.db parindex.db-wal parindex.db-shm

echo "== parindex import data/lai-chau"
$P --db parindex.db import data/lai-chau
echo
echo "== parindex published data/lai-chau/published/*.json (the decisions that published 2021 and 2022)"
$P --db parindex.db published data/lai-chau/published/2021.json data/lai-chau/published/2022.json
echo
echo "== parindex score --year 2022 --unit muong-te"
$P --db parindex.db score --year 2022 --unit muong-te
echo
echo "== parindex score --year 2021 --unit muong-te"
$P --db parindex.db score --year 2021 --unit muong-te
echo
echo "== parindex explain --year 2022 --unit muong-te"
$P --db parindex.db explain --year 2022 --unit muong-te
echo
echo "== parindex tasks --year 2022 --unit muong-te"
$P --db parindex.db tasks --year 2022 --unit muong-te
echo
echo "== parindex rank --year 2022"
$P --db parindex.db rank --year 2022
echo
echo "== the communes of Mường Tè (illustrative), scored by the district with its own rulebook"
$P --db parindex.db rank --year 2022 --parent muong-te
echo
echo "== parindex self-assess (illustrative) and reconcile --year 2022 --unit muong-te"
$P --db parindex.db self-assess data/lai-chau/tu-danh-gia/muong-te-2022.json
mkdir -p out
$P --db parindex.db reconcile --year 2022 --unit muong-te >out/muong-te-2022-reconcile.txt
head -20 out/muong-te-2022-reconcile.txt
echo "(the whole reconciliation: out/muong-te-2022-reconcile.txt)"
echo
echo "== parindex compare --unit muong-te --from 2021 --to 2022"
$P --db parindex.db compare --unit muong-te --from 2021 --to 2022
echo
echo "The store is $ROOT/parindex.db; try: $P --db parindex.db explain --year 2022 --unit muong-te --criterion 7.3"
echo
echo "== parindex report --unit muong-te --year 2022 (Markdown, HTML and Word)"
mkdir -p out
$P --db parindex.db report --unit muong-te --year 2022 --format md --out out/muong-te-2022.md
$P --db parindex.db report --unit muong-te --year 2022 --format html --out out/muong-te-2022.html
$P --db parindex.db report --unit muong-te --year 2022 --format docx --out out/muong-te-2022.docx
echo "The report is in $ROOT/out/muong-te-2022.md, .html and .docx (the Word file opens in LibreOffice or Word)"
