"""Ordinary situations an auditor meets, tried on the demo workspace through the command line:
a record dated after the audit, the quarter still running when the period ends, next year's plan
approved in the period, a framework agreement dated by its validity only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ipaudit.services.workspace import Workspace
from tests.integration.cli_run import ok, run


def findings(capsys: pytest.CaptureFixture[str], ws: Path, item: str) -> list[dict[str, Any]]:
    return [f for f in json.loads(ok(capsys, "findings", ws, "--json")) if f["item"] == item]


def attach(capsys, ws: Path, tmp: Path, item: str, name: str, *opts: object) -> str:
    f = tmp / name
    f.write_bytes(name.encode() * 3)
    code, _out, err = run(capsys, "attach", ws, item, f, *opts)
    assert code == 0, err
    return err


def remove(ws: Path, title: str) -> None:
    w = Workspace.open(ws)
    try:
        (ev,) = [e for e in w.evidence() if e.title == title]
        w.remove_evidence(ev.id)
    finally:
        w.close()


def test_a_closing_report_dated_after_the_audit_does_not_close_the_project(
    demo_path: Path, tmp_path: Path, capsys
) -> None:
    """The demo's third project lacks its closing report; one dated after the audit (2026-12-15 –
    17) cannot be shown at it: a finding, and the project stays incomplete — although the
    project's other records lie in the period."""
    attach(
        capsys, demo_path, tmp_path, "rnd.projects", "closing.pdf",
        "--slot", "3/closing", "--title", "设备远程运维平台-结题验收报告", "--date", "2027-02-20",
    )  # fmt: skip
    found = findings(capsys, demo_path, "rnd.projects")
    codes = sorted(f["code"] for f in found)
    assert codes == ["evidence_dated_after_audit", "record_set_incomplete"]
    late = next(f for f in found if f["code"] == "evidence_dated_after_audit")
    assert late["grade"] == "minor" and "2027-02-20" in late["message_en"]
    incomplete = next(f for f in found if f["code"] == "record_set_incomplete")
    assert incomplete["refs"][:2] == ["3", "closing"]
    # the same report dated in the period closes the project
    attach(
        capsys, demo_path, tmp_path, "rnd.projects", "closing2.pdf",
        "--slot", "3/closing", "--title", "结题验收报告", "--date", "2026-08-20",
    )  # fmt: skip
    assert [f["code"] for f in findings(capsys, demo_path, "rnd.projects")] == [
        "evidence_dated_after_audit"
    ]


def test_records_dated_after_the_audit_are_named_under_every_rule(
    demo_path: Path, tmp_path: Path, capsys
) -> None:
    attach(
        capsys, demo_path, tmp_path, "ipo.internal_communication", "m.pdf", "--date", "2027-01-10"
    )
    attach(capsys, demo_path, tmp_path, "ipo.procedures", "p.pdf", "--date", "2027-01-05")
    for item in ("ipo.internal_communication", "ipo.procedures"):
        assert [f["code"] for f in findings(capsys, demo_path, item)] == [
            "evidence_dated_after_audit"
        ]
    # the audit's own days are not "after the audit"
    attach(capsys, demo_path, tmp_path, "ipo.procedures", "q.pdf", "--date", "2026-12-17")
    codes = sorted(f["code"] for f in findings(capsys, demo_path, "ipo.procedures"))
    assert codes == ["document_not_in_force", "evidence_dated_after_audit"]


def test_the_quarter_still_running_at_the_period_end_is_not_asked_for(
    demo_path: Path, capsys
) -> None:
    """The period ends 2026-12-14: the fourth quarter's monitoring is made after 31 December and
    is not due; the third quarter's is."""
    remove(demo_path, "监视、测量记录（目标与过程绩效统计）-2026Q4")
    assert findings(capsys, demo_path, "ipo.monitoring") == []
    remove(demo_path, "监视、测量记录（目标与过程绩效统计）-2026Q3")
    (f,) = findings(capsys, demo_path, "ipo.monitoring")
    assert f["code"] == "period_not_covered" and f["refs"] == ["2026Q3"]


def test_next_years_plan_approved_in_the_period_is_no_finding(
    demo_path: Path, tmp_path: Path, capsys
) -> None:
    """A 2027 training plan approved on 2026-12-05 is early, not wrong; it does not stand in for
    the missing 2025 plan. A 2024 plan is outside the period."""
    before = findings(capsys, demo_path, "hr.training_plans")
    assert [f["code"] for f in before] == ["year_not_covered"]
    attach(
        capsys, demo_path, tmp_path, "hr.training_plans", "p2027.pdf",
        "--slot", "year:2027", "--title", "2027年年度知识产权培训计划", "--date", "2026-12-05",
    )  # fmt: skip
    assert findings(capsys, demo_path, "hr.training_plans") == before
    attach(
        capsys, demo_path, tmp_path, "hr.training_plans", "p2024.pdf",
        "--slot", "year:2024", "--title", "2024年年度知识产权培训计划", "--date", "2023-12-05",
    )  # fmt: skip
    codes = sorted(f["code"] for f in findings(capsys, demo_path, "hr.training_plans"))
    assert codes == ["evidence_outside_period", "year_not_covered"]


def test_an_agreement_dated_by_its_validity_is_not_called_undated(
    demo_path: Path, tmp_path: Path, capsys
) -> None:
    err = attach(
        capsys, demo_path, tmp_path, "rnd.cooperation_contracts", "fw.pdf",
        "--period-start", "2024-01-01", "--period-end", "2027-12-31",
    )  # fmt: skip
    assert "undated" not in err and "无日期" not in err
    assert findings(capsys, demo_path, "rnd.cooperation_contracts") == []
    # a file given neither a date nor a period is still warned about, and is a finding
    err = attach(capsys, demo_path, tmp_path, "rnd.cooperation_contracts", "none.pdf")
    assert "undated" in err or "无日期" in err
    assert [f["code"] for f in findings(capsys, demo_path, "rnd.cooperation_contracts")] == [
        "record_undated"
    ]


def test_a_labour_contract_renewed_without_a_gap_is_no_finding(
    demo_path: Path, tmp_path: Path, capsys
) -> None:
    """王芳's fixed-term contract ran out on 2026-06-30 and was renewed from 2026-07-01: the old
    copy is not a lapse, and the two count as one contract (the demo's two others make three).
    A renewal a month late leaves the month without a contract: the old copy is a finding."""
    attach(
        capsys, demo_path, tmp_path, "hr.labour_contracts", "c1.pdf", "--title", "劳动合同-王芳",
        "--date", "2023-07-01", "--period-start", "2023-07-01", "--period-end", "2026-06-30",
    )  # fmt: skip
    assert sorted(f["code"] for f in findings(capsys, demo_path, "hr.labour_contracts")) == [
        "document_not_in_force",
        "too_few_records",
    ]
    attach(
        capsys, demo_path, tmp_path, "hr.labour_contracts", "c2.pdf",
        "--title", "劳动合同-王芳（续签）", "--date", "2026-06-20",
        "--period-start", "2026-07-01", "--period-end", "2029-06-30",
    )  # fmt: skip
    assert findings(capsys, demo_path, "hr.labour_contracts") == []
    attach(
        capsys, demo_path, tmp_path, "hr.labour_contracts", "d1.pdf", "--title", "劳动合同-赵磊",
        "--date", "2023-05-01", "--period-start", "2023-05-01", "--period-end", "2026-04-30",
    )  # fmt: skip
    attach(
        capsys, demo_path, tmp_path, "hr.labour_contracts", "d2.pdf", "--title", "劳动合同-赵磊",
        "--date", "2026-06-01", "--period-start", "2026-06-01", "--period-end", "2029-05-31",
    )  # fmt: skip
    (lapse,) = findings(capsys, demo_path, "hr.labour_contracts")
    assert lapse["code"] == "document_not_in_force" and "2026-04-30" in lapse["message_en"]


def test_a_training_held_before_the_period_is_one_finding(demo_path: Path, capsys) -> None:
    """The demo's first training moved to October 2025, before the period (from 2025-11-27): one
    piece of work outside the period is one lapse naming its three records, not three."""
    w = Workspace.open(demo_path)
    try:
        moved = [e for e in w.evidence("hr.trainings") if e.slot.startswith("1/")]
        for ev in moved:
            assert ev.doc_date is not None
            w.update_evidence(ev.id, doc_date=ev.doc_date.replace(year=2025, month=10))
    finally:
        w.close()
    (f,) = findings(capsys, demo_path, "hr.trainings")
    assert f["code"] == "evidence_outside_period" and f["grade"] == "minor"
    assert sorted(f["refs"]) == sorted(f"evidence:{ev.id}" for ev in moved)
    assert "2025-10-12" in f["message_en"] and "2025-10-29" in f["message_en"]
