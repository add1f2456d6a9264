# scripts/lib.sh -- shared by demo.sh and test.sh: install what is missing, build.
# Sourced, not run. Works on a fresh Debian machine as root (or with sudo).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The Debian packages parindex needs to build and run.
PARINDEX_PACKAGES=(cmake make gcc pkg-config liblua5.4-dev libsqlite3-dev libcjson-dev sqlite3 libssl-dev
                   libxlsxwriter-dev libzip-dev libexpat1-dev)
# What the tests read XLSX files back with (scripts/xlsx-test.sh).
PARINDEX_TEST_PACKAGES=(python3-openpyxl)
# What renders the HTML report to PNG (the report test, screenshot-report.sh).
PARINDEX_RENDER_PACKAGES=(chromium fonts-liberation fonts-dejavu-core)
# What `report --format docx` runs to write a Word file (README, "Word documents").
PARINDEX_DOCX_PACKAGES=(pandoc)
# What the Word test opens the document with: LibreOffice headless (to PDF), poppler (to pixels and text).
PARINDEX_DOCX_TEST_PACKAGES=(libreoffice-writer-nogui poppler-utils fonts-liberation)
# Optional: luacheck, run by `parindex rules check` when installed.
PARINDEX_OPTIONAL_PACKAGES=(lua-check)

# ensure_packages PKG... : apt-get install only the packages that are missing.
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  echo "installing: ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq >&2
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# build DIR [CMAKE_OPTION...] : configure (once) and build parindex in DIR.
build() {
  local dir=$1; shift
  cmake -S "$ROOT" -B "$ROOT/$dir" -DPARINDEX_WERROR=ON "$@" >/dev/null
  cmake --build "$ROOT/$dir" -j "$(nproc)"
}
