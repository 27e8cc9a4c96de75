#!/usr/bin/env bash
# Builds the desktop app as one folder with PyInstaller (packaging/ipaudit.spec): dist/ipaudit/
# holds the programs ipaudit (command line; the app when started without arguments) and
# ipaudit-gui (the app, no console window on Windows), and dist/ipaudit-<version>-<os>.zip is that
# folder to hand out. Build on the system the bundle is for (a Windows bundle on Windows, in Git
# Bash with Python 3.11; PYTHON names the interpreter when it is not python3). The system libraries
# Qt needs come from tools/setup.sh.
#
#   bash tools/bundle.sh           build, zip, then the smoke check
#   bash tools/bundle.sh --check   only the smoke check of an existing dist/ipaudit
#
# The smoke check runs the bundled program headless (QT_QPA_PLATFORM=offscreen) from an empty
# folder with a throw-away home: ipaudit demo, readiness, export, verify, and the app opening the
# demo workspace and quitting after it is shown (gui --smoke).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# its own virtual environment with only the app's pins, so nothing of the dev tools is bundled
VENV=build/bundle-venv
case "$(uname -s)" in MINGW* | MSYS* | CYGWIN*) PY=$VENV/Scripts/python.exe EXE=.exe ;; *) PY=$VENV/bin/python EXE= ;; esac

check() {
  local app="$ROOT/dist/ipaudit" tmp
  [[ -x "$app/ipaudit$EXE" ]] || { echo "no bundle in dist/ipaudit: run bash tools/bundle.sh" >&2; exit 1; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  mkdir -p "$tmp/home"
  (
    cd "$tmp"
    export QT_QPA_PLATFORM=offscreen HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
      XDG_DATA_HOME="$tmp/home/.local/share" XDG_CACHE_HOME="$tmp/home/.cache" \
      XDG_STATE_HOME="$tmp/home/.local/state" APPDATA="$tmp/home" LOCALAPPDATA="$tmp/home"
    unset PYTHONPATH PYTHONHOME
    set -x
    "$app/ipaudit$EXE" --help >/dev/null
    "$app/ipaudit$EXE" demo demo.ipaudit
    "$app/ipaudit$EXE" readiness demo.ipaudit
    "$app/ipaudit$EXE" export demo.ipaudit pack
    "$app/ipaudit$EXE" verify pack
    "$app/ipaudit$EXE" gui --smoke demo.ipaudit | grep -q IPAUDIT_WORKSPACE_SHOWN
  )
  echo "bundle check passed: $(du -sh "$app" | cut -f1) in dist/ipaudit"
}

if [[ "${1:-}" == "--check" ]]; then
  check
  exit 0
fi

start=$SECONDS
[[ -x "$PY" ]] || "${PYTHON:-python3}" -m venv "$VENV"
"$PY" -m pip install -q -r requirements-bundle.txt
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/ipaudit.spec
version=$("$PY" -c "import ipaudit; print(ipaudit.__version__)")
platform=$("$PY" -c "import sys, platform; print(f'{sys.platform}-{platform.machine().lower()}')")
zip="dist/ipaudit-$version-$platform.zip"
rm -f "$zip"
(cd dist && "$ROOT/$PY" -m zipfile -c "ipaudit-$version-$platform.zip" ipaudit/)
echo "built dist/ipaudit ($(du -sh dist/ipaudit | cut -f1)) and $zip ($(du -sh "$zip" | cut -f1)) in $((SECONDS - start)) s"
check
