#!/usr/bin/env bash
# Sets up ipaudit and opens it on the built-in demo workspace (demo.ipaudit, built on first run;
# delete it to start the demo afresh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
if [[ ! -e demo.ipaudit ]]; then
  .venv/bin/python main.py demo demo.ipaudit >/dev/null
fi
exec .venv/bin/python main.py gui demo.ipaudit
