#!/usr/bin/env bash
# Runs every benchmark in bench/ (bench_*.py) one after another and prints their figures.
# Usage: bash bench/run.sh [pattern]   e.g.  bash bench/run.sh gui   (only bench_*gui*.py)
# Benchmarks print figures against their budgets; they are not tests and do not fail the build.
# bench_reconcile.py needs the bench-only packages: .venv/bin/pip install -r bench/requirements.txt
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
status=0
for bench in bench/bench_*${1:-}*.py; do
  [[ -e "$bench" ]] || continue
  echo "=== $bench"
  start=$(date +%s)
  if ! "$PYTHON" "$bench"; then
    echo "!!! $bench failed" >&2
    status=1
  fi
  echo "--- $bench took $(( $(date +%s) - start )) s"
  echo
done
exit $status
