#!/usr/bin/env bash
# Installs what Raccordo needs to build, run and test, on Debian 12 / Ubuntu 22.04+.
#   scripts/deps.sh run    system libraries + the UI's npm packages
#   scripts/deps.sh test   the above + Xvfb, WebKitWebDriver, tauri-driver, the e2e npm packages
# Idempotent and quiet when everything is present. Needs root or sudo for apt-get.
# Prerequisites it checks but does not install: Rust (rustup, stable >= 1.80) and Node.js >= 20.19
# with npm (Debian 12's own nodejs is 18, too old for Vite).
set -euo pipefail
mode="${1:-test}"
root="$(cd "$(dirname "$0")/.." && pwd)"
TAURI_DRIVER_VERSION="2.1.0"
# cargo-audit reads the RustSec snapshot in tools/advisory-db (make test: the audit stage).
CARGO_AUDIT_VERSION="0.22.2"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'errore: %s\n' "$*" >&2; exit 1; }

command -v cargo >/dev/null || die "Rust non trovato: installa rustup (https://rustup.rs) e riprova."
command -v node >/dev/null || die "Node.js non trovato: installa Node.js >= 20.19 con npm e riprova."
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || die "Node.js $(node --version) è troppo vecchio: serve >= 20.19."

apt_pkgs=(build-essential pkg-config libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev
  libjavascriptcoregtk-4.1-dev librsvg2-dev file)
if [ "$mode" = test ]; then
  # libreoffice-calc-nogui: the tests open our CSV/XLSX exports in LibreOffice (headless) and
  # check that no cell became a formula.
  # python3-xlib: the e2e suite closes the window as a window manager does (close-window.py).
  # python3-icalendar: the calendar tests read our ICS exports with an independent RFC 5545
  # parser (tests/it/common/calendar.rs).
  # libreoffice-writer-nogui, poppler-utils, qpdf, python3-docx, python3-odf: the minutes tests
  # open our PDF/DOCX/ODT verbali in LibreOffice Writer (headless) and in a second reader
  # (pdftotext/pdffonts, qpdf --check, python-docx, odfpy) (tests/it/common/minutes.rs).
  apt_pkgs+=(xvfb xauth webkit2gtk-driver dbus-x11 fonts-dejavu-core libreoffice-calc-nogui
    python3-xlib python3-icalendar libreoffice-writer-nogui poppler-utils qpdf python3-docx
    python3-odf)
fi
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "apt-get install ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm ci only when the lock file changed since the last install (node_modules/.package-lock.json).
npm_ci() {
  local dir="$1"; shift
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "npm ci in ${dir#"$root"/}"
    (cd "$dir" && npm ci --no-audit --no-fund "$@")
  fi
}
npm_ci "$root/ui"

if [ "$mode" = test ]; then
  # --ignore-scripts: webdriverio's optional browser-driver packages must never download at install.
  npm_ci "$root/tests/e2e" --ignore-scripts
  if ! tauri-driver --help 2>/dev/null | head -1 | grep -q . || \
     [ "$(cargo install --list | grep -c "^tauri-driver v$TAURI_DRIVER_VERSION:")" -eq 0 ]; then
    say "cargo install tauri-driver $TAURI_DRIVER_VERSION"
    cargo install tauri-driver --version "$TAURI_DRIVER_VERSION" --locked --quiet
  fi
  if [ "$(cargo install --list | grep -c "^cargo-audit v$CARGO_AUDIT_VERSION:")" -eq 0 ]; then
    say "cargo install cargo-audit $CARGO_AUDIT_VERSION"
    cargo install cargo-audit --version "$CARGO_AUDIT_VERSION" --locked --quiet
  fi
fi
