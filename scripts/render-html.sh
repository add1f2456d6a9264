#!/usr/bin/env bash
# scripts/render-html.sh IN.html OUT.png [WIDTHxHEIGHT]
# Render an HTML file in headless Chromium to a PNG. Exits 1 when Chromium
# fails, writes no PNG, or logs any console message of the page (a script
# error, a failed resource load, console.error...). Used by the tests and by
# scripts/screenshot-report.sh.
set -euo pipefail
in=$1 out=$2 size=${3:-1240,1754}
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "render-html: chromium is not installed (scripts/lib.sh installs it)" >&2; exit 1; }
profile=$(mktemp -d /tmp/parindex-chromium.XXXXXX)
log=$profile/log
trap 'rm -rf "$profile"' EXIT
rm -f "$out"
rc=0
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
  --user-data-dir="$profile/user" --enable-logging=stderr --v=0 \
  --window-size="$size" --screenshot="$out" "file://$(realpath "$in")" >"$log" 2>&1 || rc=$?
if grep -E 'CONSOLE|Uncaught|Failed to load' "$log" >&2; then
  echo "render-html: console messages while rendering $in" >&2
  exit 1
fi
if [ "$rc" -ne 0 ] || [ ! -s "$out" ]; then
  cat "$log" >&2
  echo "render-html: chromium failed (exit $rc) or wrote no $out" >&2
  exit 1
fi
echo "render-html: $out"
