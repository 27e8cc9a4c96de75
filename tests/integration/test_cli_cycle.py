"""The audit cycle through the documented command line: one scenario per audit type, the people
of the period and the IP budget, on real workspace files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from ipaudit.cli import EXIT_INPUT, EXIT_OK
from tests.integration.cli_run import ok, ok_json, run

ROOT = Path(__file__).resolve().parents[2]


def prerequisites(capsys: pytest.CaptureFixture[str], ws: Path) -> dict[str, list[str]]:
    """item -> the refs of its prerequisite findings (all major)."""
    out: dict[str, list[str]] = {}
    for f in ok_json(capsys, "findings", ws):
        if f["code"] == "prerequisite_missing":
            assert f["grade"] == "major" and f["blocking"]
            out.setdefault(f["item"], []).extend(f["refs"])
    return out


def record(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_text(f"{name}\n", "utf-8")
    return path


def test_initial_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "initial.ipaudit"
    ok(capsys, "new", ws, "--company", "示例科技有限公司", "--audit-start", "2026-03-10",
       "--system-start", "2025-12-20")  # fmt: skip
    info = ok_json(capsys, "info", ws)
    assert info["audit_type"] == "initial"
    assert (info["period_start"], info["period_end"]) == ("2025-12-20", "2026-03-09")
    assert prerequisites(capsys, ws) == {"ipo.manual": ["system_start"]}  # 80 days only

    info = ok_json(capsys, "info", ws, "--set", "system_start=2025-06-01")
    assert info["period_start"] == "2025-06-01"  # the period follows the system start
    assert prerequisites(capsys, ws) == {}

    # the internal audit held on the audit's first day does not precede it
    ok(capsys, "attach", ws, "ipo.internal_audit", record(tmp_path, "内审报告.docx"),
       "--slot", "1/report", "--date", "2026-03-10")  # fmt: skip
    ok(capsys, "attach", ws, "mgmt.management_review", record(tmp_path, "管理评审报告.docx"),
       "--slot", "1/report", "--date", "2026-01-20")  # fmt: skip
    assert prerequisites(capsys, ws) == {"ipo.internal_audit": ["ipo.internal_audit"]}

    # moving the audit re-runs every check: now the review is late too
    info = ok_json(capsys, "info", ws, "--set", "audit_start=2026-05-11", "--set",
                   "audit-end=2026-05-13")  # fmt: skip
    assert info["period_end"] == "2026-05-10"
    assert prerequisites(capsys, ws) == {}
    ok(capsys, "info", ws, "--set", "audit_start=2026-01-12", "--set", "audit_end=2026-01-14")
    assert set(prerequisites(capsys, ws)) == {"ipo.internal_audit", "mgmt.management_review"}


def test_surveillance_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "surveillance.ipaudit"
    ok(capsys, "new", ws, "--company", "示例科技有限公司", "--audit-type", "surveillance",
       "--audit-start", "2026-03-10")  # fmt: skip
    assert prerequisites(capsys, ws) == {
        "ipo.corrective_actions": ["last_audit", "open_nonconformities"]
    }
    info = ok_json(capsys, "info", ws, "--set", "last_audit=2025-03-12")
    assert (info["period_start"], info["period_end"]) == ("2025-03-13", "2026-03-09")

    ok(capsys, "set-fact", ws, "nonconformities.open", "2")
    found = [f for f in ok_json(capsys, "findings", ws) if f["code"] == "prerequisite_missing"]
    assert len(found) == 1 and "2 are still open" in found[0]["message_en"]
    ok(capsys, "set-fact", ws, "nonconformities.open", "0")
    assert prerequisites(capsys, ws) == {}
    assert json.loads(ok(capsys, "facts", ws))["open_nonconformities"] == 0

    # a record of the last cycle falls outside the new period
    ok(capsys, "attach", ws, "ipo.corrective_actions", record(tmp_path, "纠正措施单.docx"),
       "--date", "2025-02-01")  # fmt: skip
    outside = [
        f
        for f in ok_json(capsys, "findings", ws)
        if f["item"] == "ipo.corrective_actions" and "2025-02-01" in f["message_en"]
    ]
    assert outside


def test_recertification_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "recert.ipaudit"
    ok(capsys, "new", ws, "--company", "示例科技有限公司", "--audit-type", "recertification",
       "--audit-start", "2026-03-10", "--certificate-start", "2023-04-01",
       "--certificate-end", "2026-03-31")  # fmt: skip
    info = ok_json(capsys, "info", ws)
    assert (info["period_start"], info["period_end"]) == ("2023-04-01", "2026-03-09")
    assert prerequisites(capsys, ws) == {}

    # a record from the first year of the cycle is inside the period
    ok(capsys, "attach", ws, "ipo.internal_audit", record(tmp_path, "2023年内审报告.docx"),
       "--slot", "1/report", "--date", "2023-11-15")  # fmt: skip
    findings = ok_json(capsys, "findings", ws)
    assert not [f for f in findings if "2023-11-15" in f["message_en"]]

    ok(capsys, "info", ws, "--set", "certificate_end=2026-02-28")
    assert prerequisites(capsys, ws) == {"ipo.scope": ["certificate_end"]}


def test_bad_information_is_refused_and_nothing_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "w.ipaudit"
    ok(capsys, "new", ws, "--company", "示例", "--audit-start", "2026-03-10")
    before = ok_json(capsys, "info", ws)
    for pairs, words in (
        (["period_end=2026-03-20"], "must end on or before the audit's first day"),
        (["audit_end=2026-03-01"], "audit ends"),
        (["audit_type=annual"], "Unknown audit type"),
        (["colour=red"], "key=value"),
        (["last_audit=yesterday"], "not a date"),
    ):
        args = [a for p in pairs for a in ("--set", p)]
        result = subprocess.run(
            [sys.executable, "main.py", "info", str(ws), *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={"IPAUDIT_LANG": "en", "PATH": "/usr/bin:/bin"},
        )
        assert result.returncode == EXIT_INPUT, result.stderr
        assert words in result.stderr and "Traceback" not in result.stderr
    assert ok_json(capsys, "info", ws) == before
    code, _, err = run(capsys, "new", tmp_path / "x.ipaudit", "--company", "示例",
                       "--audit-start", "2026-03-10", "--period-end", "2026-04-01")  # fmt: skip
    assert code == EXIT_INPUT and ("audit's first day" in err or "审核首日" in err)
    assert not (tmp_path / "x.ipaudit").exists()


def test_people_of_the_period(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "people.ipaudit"
    ok(capsys, "new", ws, "--company", "示例", "--audit-start", "2026-03-10",
       "--system-start", "2025-06-01")  # fmt: skip
    sheet = tmp_path / "人员变动.xlsx"
    wb = openpyxl.Workbook()
    ws_sheet = wb.active
    ws_sheet.append(["2025年人员变动表"])
    ws_sheet.append(["姓名", "部门", "日期", "类型"])
    ws_sheet.append(["张  三", "研发部", "2025-09-01", "入职"])
    ws_sheet.append(["欧阳娜娜", "研发部", "2025年11月30日", "离职"])
    wb.save(sheet)
    assert "2" in ok(capsys, "people", ws, "import", sheet)
    ok(capsys, "people", ws, "add", "Li Ming", "--kind", "hire", "--date", "2025-10-08")
    people = ok_json(capsys, "people", ws)
    assert [(p["name"], p["kind"]) for p in people] == [
        ("张三", "hire"),
        ("Li Ming", "hire"),
        ("欧阳娜娜", "leaver"),
    ]

    def missing(name: str) -> set[str]:
        return {
            f["item"]
            for f in ok_json(capsys, "findings", ws)
            if f["code"] == "person_record_missing" and name in f["refs"]
        }

    assert missing("张三") == {
        "hr.labour_contracts",
        "hr.confidentiality_agreements",
        "hr.background_checks",
    }
    assert missing("欧阳娜娜") == {"hr.exit_interviews", "hr.exit_handover", "hr.exit_agreements"}
    ok(capsys, "attach", ws, "hr.labour_contracts", record(tmp_path, "劳动合同_张三.pdf"),
       "--date", "2025-09-01")  # fmt: skip
    ok(capsys, "attach", ws, "hr.exit_interviews", record(tmp_path, "scan01.pdf"),
       "--title", "离职面谈记录（欧阳 娜娜）", "--date", "2025-11-28")  # fmt: skip
    assert "hr.labour_contracts" not in missing("张三")
    assert "hr.exit_interviews" not in missing("欧阳娜娜")

    ok(capsys, "people", ws, "remove", "Li Ming")
    assert not missing("Li Ming")

    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,日期,类型\n王五,2025-13-45,入职\n", "utf-8")
    code, _, err = run(capsys, "people", ws, "import", bad)
    assert code == EXIT_INPUT and "bad.csv" in err and "3" in err
    assert len(ok_json(capsys, "people", ws)) == 2  # nothing imported


def test_budget_against_the_expense_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "budget.ipaudit"
    ok(capsys, "new", ws, "--company", "示例", "--audit-start", "2026-03-10",
       "--system-start", "2025-03-01")  # fmt: skip
    expenses = tmp_path / "经费使用记录.csv"
    expenses.write_text(
        "日期,凭证号,费用类别,摘要,金额\n"
        "2025-04-10,记-001,专利申请费,发明专利申请,30000\n"
        "2025-06-18,记-017,申请费,实用新型,30000.00\n"
        "2025-07-01,记-020,代理费,代理机构,10000\n"
        "2025-09-30,记-031,奖励费,第三季度奖励,5000\n"
        "2024-12-30,记-099,培训费,上一年度,9000\n",  # before the period: not counted
        "utf-8",
    )
    code, _, err = run(capsys, "import-ledger", ws, expenses, "--kind", "expenses")
    assert code == EXIT_OK, err
    lines = ok_json(capsys, "budget", ws, "--set", "application=50000", "--set", "培训费=2万元",
                    "--set", "agency=10000")  # fmt: skip
    by = {line["category"]: line for line in lines}
    assert by["application"]["actual"] == "60000.00" and by["application"]["overspent"]
    assert by["application"]["variance"] == "-10000.00"
    assert by["training"]["budget"] == "20000.00" and by["training"]["actual"] == "0.00"
    assert by["agency"]["variance"] == "0.00" and not by["agency"]["overspent"]
    assert by["rewards"]["budget"] is None

    found = {f["code"]: f for f in ok_json(capsys, "findings", ws) if f["item"] == "fin.budget"}
    assert found["budget_overspent"]["grade"] == "minor"
    assert found["budget_unspent"]["grade"] == "observation"
    assert found["spending_without_budget"]["grade"] == "observation"

    ok(capsys, "set-fact", ws, "budget.application", "70000")
    assert json.loads(ok(capsys, "facts", ws))["budget"]["application"] == "70000.00"
    assert "budget_overspent" not in {f["code"] for f in ok_json(capsys, "findings", ws)}
    code, _, err = run(capsys, "budget", ws, "--set", "coffee=100")
    assert code == EXIT_INPUT and "coffee" in err
