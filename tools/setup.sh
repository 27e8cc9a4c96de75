#!/usr/bin/env bash
# Installs what ipaudit needs on a fresh Debian/Ubuntu machine: system libraries for Qt (offscreen
# and on screen), a CJK font, then a virtual environment with the pinned Python packages.
# Usage: bash tools/setup.sh [dev]   — "dev" adds the test and lint tools.
set -euo pipefail
cd "$(dirname "$0")/.."

# libxcb-cursor0, -icccm4 and -keysyms1: the on-screen (xcb) platform of Qt 6 does not load without them
SYSTEM_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libfontconfig1 libdbus-1-3 fonts-noto-cjk)
if [[ "${1:-}" == "dev" ]]; then
  # PDF export of the report and its test, the workbook printed through LibreOffice, rendering pages
  SYSTEM_PACKAGES+=(libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils)
  # the server the team-workspace tests run against (tools/pg-test-server.sh starts it)
  SYSTEM_PACKAGES+=(postgresql)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Please install: sudo apt-get install ${missing[*]}" >&2
  fi
fi

PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
if [[ "${1:-}" == "dev" ]]; then
  .venv/bin/python -m pip install -q -r requirements-dev.txt
else
  .venv/bin/python -m pip install -q -r requirements.txt
fi
