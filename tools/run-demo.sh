#!/usr/bin/env bash
# Sets up ipaudit and opens it on the built-in demo workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
.venv/bin/python main.py demo demo.ipaudit --force >/dev/null
exec .venv/bin/python main.py gui demo.ipaudit
