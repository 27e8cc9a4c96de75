#!/usr/bin/env bash
# Sets up ipaudit with its test tools and runs lint, the layer contracts, the type check and the
# whole test suite (tests/packaging builds the wheel and runs it installed in a fresh venv).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh dev
export QT_QPA_PLATFORM=offscreen
# Python writes its compiled modules, and pytest its rewritten test modules, to __pycache__ (ignored
# by git) even where the environment asks for no bytecode: otherwise both xdist workers and every
# child process the tests start compile them all again (pytest's collection alone takes 17 s of
# CPU instead of 6 s per worker)
unset PYTHONDONTWRITEBYTECODE
# a local PostgreSQL server for the tests marked "pg" (they skip, saying why, when there is none)
if [[ -z "${IPAUDIT_TEST_PG:-}" ]] && IPAUDIT_TEST_PG=$(bash tools/pg-test-server.sh | tail -n 1); then
  export IPAUDIT_TEST_PG
fi
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports  # the layer contracts of pyproject.toml
.venv/bin/python -m mypy  # [tool.mypy] of pyproject.toml; its cache in .mypy_cache/ keeps reruns fast
# two workers (pytest-xdist): the suite takes about half the time on two cores
.venv/bin/python -m pytest -q -p no:cacheprovider -n 2 "$@"
