#!/usr/bin/env bash
# Installs Debian's chromium (for the dashboard browser tests and bench) when /usr/bin/chromium is
# missing, plus fonts with Arabic glyphs. Needs root (or sudo). Waits for a dpkg lock held by
# another apt run instead of failing. Prints the browser version on stdout.
#
#   bash scripts/ci/install-chromium.sh && npm run test:browser
set -euo pipefail

log() { echo "install-chromium: $*" >&2; }
die() { log "error: $*"; exit 1; }

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  "$CHROMIUM" --version 2>/dev/null || true
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "not root and no sudo: install the 'chromium' package by hand"
  SUDO="sudo"
fi
command -v apt-get >/dev/null 2>&1 || die "apt-get not found: this script installs Debian's chromium package"

export DEBIAN_FRONTEND=noninteractive
# Another apt run (e.g. a provisioning step) may hold the dpkg lock: wait for it up to 15 minutes.
APT="$SUDO apt-get -o DPkg::Lock::Timeout=900"
log "apt-get update"
$APT update -q >&2
log "apt-get install chromium fonts-noto-core fonts-dejavu-core"
# fonts-noto-core carries Noto Naskh/Sans Arabic; the dashboard falls back to DejaVu Sans without it.
$APT install -y -q --no-install-recommends chromium fonts-dejavu-core >&2
$APT install -y -q --no-install-recommends fonts-noto-core >&2 || log "fonts-noto-core not installed (optional)"

[ -x "$CHROMIUM" ] || die "$CHROMIUM still missing after apt-get install"
"$CHROMIUM" --version 2>/dev/null || true
