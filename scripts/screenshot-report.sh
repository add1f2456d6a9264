#!/usr/bin/env bash
# scripts/screenshot-report.sh [OUT.png] -- build, import the bundled data
# into a scratch store, write Mường Tè's 2022 report as HTML and render it in
# headless Chromium to a PNG (default docs/report-screenshot.png, shown in
# README.md). Fails on any console message of the page.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_packages "${PARINDEX_PACKAGES[@]}" "${PARINDEX_RENDER_PACKAGES[@]}"
build build -DPARINDEX_TESTS=OFF >/dev/null
cd "$ROOT"
png=${1:-docs/report-screenshot.png}
work=$(mktemp -d /tmp/parindex-shot.XXXXXX)
trap 'rm -rf "$work"' EXIT
build/parindex --db "$work/p.db" import data/lai-chau >/dev/null
mkdir -p out "$(dirname "$png")"
build/parindex --db "$work/p.db" report --unit muong-te --year 2022 --format html --out out/muong-te-2022.html
scripts/render-html.sh out/muong-te-2022.html "$png" 1240,2300
echo "screenshot: $ROOT/$png (of out/muong-te-2022.html)"
