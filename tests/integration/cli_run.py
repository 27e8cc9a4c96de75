"""Running the command line in a test: ``ipaudit.cli.main`` with the arguments as text, its exit
code and what it wrote (pytest's ``capsys``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ipaudit.cli import EXIT_OK, main


def run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    """The exit code, stdout and stderr of ``ipaudit ARGS``."""
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def ok(capsys: pytest.CaptureFixture[str], *args: object) -> str:
    """The stdout of ``ipaudit ARGS``, which must succeed."""
    code, out, err = run(capsys, *args)
    assert code == EXIT_OK, err
    return out


def ok_json(capsys: pytest.CaptureFixture[str], *args: object) -> Any:
    """The JSON of ``ipaudit ARGS --json``, which must succeed."""
    code, out, err = run(capsys, *args, "--json")
    assert code == EXIT_OK, err
    return json.loads(out)


def new_workspace(capsys: pytest.CaptureFixture[str], path: Path, *options: object) -> Path:
    """``ipaudit new PATH``: 示例科技有限公司, an initial audit, the period the year 2025 (later
    ``options`` add to or override these); returns the path."""
    ok(
        capsys,
        "new",
        path,
        "--company",
        "示例科技有限公司",
        "--audit-type",
        "initial",
        "--period-start",
        "2025-01-01",
        "--period-end",
        "2025-12-31",
        *options,
    )
    assert path.exists()
    return path
