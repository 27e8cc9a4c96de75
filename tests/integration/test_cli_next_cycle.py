"""``next-cycle`` and ``compare-cycles`` on real workspace files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_INPUT, EXIT_OK
from ipaudit.domain.model import AuditType, Edition, WorkspaceInfo
from ipaudit.services import Workspace
from tests.integration.cli_run import ok_json, run

INFO = WorkspaceInfo(
    company="测试公司",
    edition=Edition.GB2023,
    audit_type=AuditType.INITIAL,
    audit_start=dt.date(2025, 11, 10),
    audit_end=dt.date(2025, 11, 12),
    period_start=dt.date(2025, 3, 1),
    period_end=dt.date(2025, 11, 9),
    system_start=dt.date(2025, 3, 1),
)


@pytest.fixture
def initial(tmp_path: Path) -> Path:
    path = tmp_path / "公司-2025.ipaudit"
    with Workspace.create(path, INFO) as ws:
        audit = tmp_path / "内审报告.txt"
        audit.write_text("内审报告", encoding="utf-8")
        ws.attach("ipo.internal_audit", audit, slot="1/report", doc_date=dt.date(2025, 9, 1))
        manual = tmp_path / "手册.txt"
        manual.write_text("知识产权管理手册 A/0", encoding="utf-8")
        ws.attach("ipo.manual", manual, doc_date=dt.date(2025, 3, 1))
        ws.set_fact("headcount.rnd", "20")
    return path


def test_next_cycle_then_compare(
    capsys: pytest.CaptureFixture[str], initial: Path, tmp_path: Path
) -> None:
    from dataclasses import replace

    from ipaudit.services import Workspace

    with Workspace.open(initial) as ws:  # the last audit's nonconformities: all closed
        ws.set_facts(replace(ws.facts(), open_nonconformities=0))
    data = ok_json(capsys, "next-cycle", initial, tmp_path / "公司-2026")
    assert data["path"] == str(tmp_path / "公司-2026.ipaudit")
    assert data["audit_type"] == "surveillance"  # after the initial audit
    assert (data["audit_start"], data["last_audit"]) == ("2026-11-10", "2025-11-10")
    assert data["period_start"] == "2025-11-11"
    assert list(data["needs_refresh"]) == ["ipo.internal_audit"]  # the manual stays in force
    assert data["carried"]["evidence"] == 2

    new = Path(data["path"])
    listed = ok_json(capsys, "evidence", new)
    assert len(listed) == 2 and all(e["last_cycle"] for e in listed)
    assert not any(e["last_cycle"] for e in ok_json(capsys, "evidence", initial))
    code, _out, err = run(capsys, "set-fact", new, "headcount.rnd", "23")
    assert code == EXIT_OK, err
    diff = ok_json(capsys, "compare-cycles", initial, new)
    facts = {c["key"]: (c["old"], c["new"]) for c in diff["facts"]}
    assert facts["headcount.rnd"] == ("20", "23")
    assert "open_nonconformities" not in facts  # carried as declared (0), no change reported
    info = {c["key"]: (c["old"], c["new"]) for c in diff["info"]}
    assert info["audit_start"] == ("2025-11-10", "2026-11-10")
    statuses = {s["item"]: (s["old"], s["new"]) for s in diff["statuses"]}
    assert statuses == {"ipo.internal_audit": ("in_progress", "needs_refresh")}
    assert diff["evidence"] == []

    text = run(capsys, "compare-cycles", initial, new)[1]
    assert "20 → 23" in text and "需更新" in text


def test_next_cycle_refuses_a_bad_type_and_an_existing_target(
    capsys: pytest.CaptureFixture[str], initial: Path, tmp_path: Path
) -> None:
    code, _out, err = run(capsys, "next-cycle", initial, tmp_path / "x", "--type", "initial")
    assert code == EXIT_INPUT and "surveillance" in err
    code, _out, err = run(capsys, "next-cycle", initial, initial)
    assert code == EXIT_INPUT
    code, out, err = run(
        capsys,
        "next-cycle",
        initial,
        tmp_path / "r",
        "--type",
        "再认证",
        "--audit-start",
        "2026-06-01",
    )
    assert code == EXIT_OK, err
    assert "再认证审核 2026-06-01" in out
