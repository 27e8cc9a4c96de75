"""``ipaudit export`` and ``ipaudit verify``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ipaudit import cli


def test_export_then_verify(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.zip"
    assert cli.main(["export", str(demo), str(target), "--zip", "--lang", "en", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["path"] == str(target) and report["files"] > 100
    assert cli.main(["verify", str(target)]) == cli.EXIT_OK
    assert "通过" in capsys.readouterr().out
    assert cli.main(["export", str(demo), str(target), "--zip"]) == cli.EXIT_INPUT
    assert "已存在" in capsys.readouterr().err
    assert cli.main(["export", str(demo), str(target), "--zip", "--force"]) == 0


def test_verify_reports_differences(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "pack"
    assert cli.main(["export", str(demo), str(target), "--no-evidence"]) == 0
    capsys.readouterr()
    (target / "说明.txt").write_text("changed", encoding="utf-8")
    (target / "extra.bin").write_bytes(b"x")
    assert cli.main(["verify", str(target), "--json"]) == cli.EXIT_BLOCKING
    result = json.loads(capsys.readouterr().out)
    assert result["modified"] == ["说明.txt"] and result["extra"] == ["extra.bin"]
    assert cli.main(["verify", str(tmp_path / "nothing")]) == cli.EXIT_INPUT
