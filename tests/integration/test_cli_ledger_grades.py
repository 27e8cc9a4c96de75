"""The reconciliation's findings are graded by the workspace's grade table, as every other finding:
one unpaid reward is a minor lapse by default, and a checklist copy that grades it otherwise is
followed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from ipaudit.cli import EXIT_OK, main


def run(capsys: pytest.CaptureFixture[str], *args: object) -> str:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    assert code == EXIT_OK, captured.err
    return captured.out


def ledger_grades(capsys: pytest.CaptureFixture[str], ws: Path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in json.loads(run(capsys, "findings", ws, "--json")):
        if f["code"].startswith("ledger."):
            out.setdefault(f["code"], set()).add(f["grade"])
    return out


def test_ledger_findings_follow_the_workspace_grade_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "demo.ipaudit"
    run(capsys, "demo", ws)
    before = ledger_grades(capsys, ws)
    assert before["ledger.unpaid_reward"] == {"minor"}  # an isolated lapse, not a missing process
    assert all(grades <= {"minor", "observation"} for grades in before.values())

    exported = tmp_path / "checklist.yaml"
    run(capsys, "template", ws, "--export", exported)
    data = yaml.safe_load(exported.read_text("utf-8"))
    assert data["grades"]["ledger.unpaid_reward"] == "minor"
    data["grades"]["ledger.unpaid_reward"] = "major"
    data["grades"]["ledger.batch_mismatch"] = "observation"
    exported.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    run(capsys, "template", ws, "--import", exported)

    after = ledger_grades(capsys, ws)
    assert after["ledger.unpaid_reward"] == {"major"}
    assert after["ledger.batch_mismatch"] <= {"observation"}
    assert run(capsys, "findings", ws, "--grade", "major", "--json").count("ledger.unpaid_reward")
    # the reconciliation itself says the same
    ledger = json.loads(run(capsys, "ledger", ws, "--json"))["findings"]
    assert {d["grade"] for d in ledger if d["kind"] == "unpaid_reward"} == {"major"}
    assert "×" in run(capsys, "ledger", ws)
