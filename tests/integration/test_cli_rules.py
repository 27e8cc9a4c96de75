"""Time rules, mandatory items, chronology, answers and "ready" through the documented command
line, on real workspace files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ipaudit.cli import EXIT_INPUT, EXIT_OK
from tests.integration.cli_run import new_workspace, ok, run

ROOT = Path(__file__).resolve().parents[2]


def findings(capsys: pytest.CaptureFixture[str], ws: Path, item: str) -> list[dict[str, Any]]:
    return [f for f in json.loads(ok(capsys, "findings", ws, "--json")) if f["item"] == item]


def codes(capsys: pytest.CaptureFixture[str], ws: Path, item: str) -> list[str]:
    return sorted(f["code"] for f in findings(capsys, ws, item))


@pytest.fixture
def ws(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return new_workspace(
        capsys,
        tmp_path / "acme.ipaudit",
        "--audit-type",
        "surveillance",
        "--audit-start",
        "2026-03-02",
        "--audit-end",
        "2026-03-04",
    )


def attach(capsys, ws: Path, tmp: Path, item: str, name: str, *opts: object) -> None:
    f = tmp / name
    f.write_bytes(name.encode() * 3)
    ok(capsys, "attach", ws, item, f, *opts)


def test_contracts_are_in_force_documents(ws: Path, tmp_path: Path, capsys) -> None:
    """A 2019 labour contract of a current employee is fine; an undated one is a finding and does
    not count toward the three; one that expired during the period is not in force."""
    attach(capsys, ws, tmp_path, "hr.labour_contracts", "a.pdf", "--date", "2019-03-01")
    attach(capsys, ws, tmp_path, "hr.labour_contracts", "b.pdf", "--date", "2024-07-01")
    attach(capsys, ws, tmp_path, "hr.labour_contracts", "c.pdf")
    assert codes(capsys, ws, "hr.labour_contracts") == ["record_undated", "too_few_records"]
    attach(
        capsys,
        ws,
        tmp_path,
        "hr.labour_contracts",
        "d.pdf",
        "--date",
        "2022-01-05",
        "--period-start",
        "2022-01-05",
        "--period-end",
        "2025-06-30",
    )
    assert "document_not_in_force" in codes(capsys, ws, "hr.labour_contracts")


def test_yearly_plan_approved_in_december_belongs_to_next_year(ws, tmp_path, capsys) -> None:
    attach(capsys, ws, tmp_path, "hr.training_plans", "plan2025.docx", "--date", "2024-12-18")
    assert codes(capsys, ws, "hr.training_plans") == []


def test_mandatory_items_cannot_be_not_applicable(ws: Path, capsys) -> None:
    code, _out, err = run(
        capsys, "status", ws, "ipo.internal_audit", "not_applicable", "--reason", "今年没做"
    )
    assert code == EXIT_INPUT
    assert "内部审核" in err or "Internal audit" in err
    code, _out, _err = run(
        capsys, "status", ws, "ipo.alliances", "not_applicable", "--reason", "未参加任何联盟"
    )
    assert code == EXIT_OK
    items = json.loads(ok(capsys, "items", ws, "ip_office", "--json"))
    alliances = next(i for i in items if i["key"] == "ipo.alliances")
    assert alliances["status"] == "not_applicable" and alliances["na_reason"] == "未参加任何联盟"
    assert next(i for i in items if i["key"] == "ipo.internal_audit")["mandatory"] is True


def test_records_out_of_order(ws: Path, tmp_path: Path, capsys) -> None:
    attach(
        capsys,
        ws,
        tmp_path,
        "rnd.projects",
        "init.docx",
        "--slot",
        "1/initiation",
        "--date",
        "2025-06-01",
    )
    attach(
        capsys,
        ws,
        tmp_path,
        "rnd.projects",
        "close.docx",
        "--slot",
        "1/closing",
        "--date",
        "2025-03-01",
    )
    order = [f for f in findings(capsys, ws, "rnd.projects") if f["code"] == "records_out_of_order"]
    assert len(order) == 1 and order[0]["grade"] == "minor"
    attach(
        capsys,
        ws,
        tmp_path,
        "ipo.internal_audit",
        "ia.docx",
        "--slot",
        "1/report",
        "--date",
        "2025-11-20",
    )
    attach(
        capsys,
        ws,
        tmp_path,
        "mgmt.management_review",
        "mr.docx",
        "--slot",
        "1/report",
        "--date",
        "2025-10-10",
    )
    assert "records_out_of_order" in codes(capsys, ws, "mgmt.management_review")


def test_answers_by_meaning(ws: Path, capsys) -> None:
    ok(capsys, "set-fact", ws, "headcount.rnd", "60")
    ok(capsys, "set-fact", ws, "duties.rnd", "负责研发项目的知识产权检索、技术交底和专利申请")
    out = ok(capsys, "answer", ws, "rnd.interview", "headcount", "截至2026年11月共60人")
    assert "answer_contradicts_fact" not in {
        f["code"] for f in findings(capsys, ws, "rnd.interview") if "headcount" in f["refs"]
    }, out
    ok(capsys, "answer", ws, "rnd.interview", "duties", "负责")
    contradicted = [
        f for f in findings(capsys, ws, "rnd.interview") if f["code"] == "answer_contradicts_fact"
    ]
    assert [f["refs"] for f in contradicted] == [["duties"]]


def test_ready_needs_force_while_a_blocking_finding_is_open(ws: Path, capsys) -> None:
    code, _out, err = run(capsys, "status", ws, "ipo.manual", "ready")
    assert code == EXIT_INPUT and "--force" in err
    ok(capsys, "status", ws, "ipo.manual", "ready", "--force")
    items = json.loads(ok(capsys, "items", ws, "ip_office", "--json"))
    manual = next(i for i in items if i["key"] == "ipo.manual")
    assert manual["marked"] == "ready" and manual["status"] == "in_progress"
    assert manual["worst_finding"] == "major"  # the finding stays visible
    readiness = json.loads(ok(capsys, "readiness", ws, "--json"))
    assert readiness["overall"]["ready_items"] == 0


def test_exit_codes_through_main_py(ws: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "status",
            str(ws),
            "ipo.manual",
            "not_applicable",
            "--reason",
            "x",
        ],
        capture_output=True,
        text=True,
        env={"IPAUDIT_LANG": "en", "PATH": "/usr/bin:/bin", "IPAUDIT_DATA_DIR": str(ws.parent)},
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == EXIT_INPUT
    assert "mandatory" in result.stderr and "Traceback" not in result.stderr
