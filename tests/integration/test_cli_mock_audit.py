"""The mock audit and corrective actions through the documented command line, on a real demo
workspace file: draw, record, report, actions from add to verified, the report import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from ipaudit.cli import EXIT_INPUT, EXIT_OK
from tests.integration.cli_run import ok_json, run


@pytest.fixture
def ws(demo_path: Path) -> Path:
    return demo_path


def test_draw_record_and_report(capsys, ws: Path, tmp_path: Path) -> None:
    drawn = ok_json(
        capsys, "mock-audit-draw", ws, "--seed", 42, "--auditor", "张审", "--date", "2026-12-01"
    )
    assert drawn["seed"] == 42 and drawn["key"] == "MA-20261201-1"
    assert {"stratum": "labour_contracts", "count": 3, "have": 2} in drawn["shortfalls"]
    same = ok_json(capsys, "mock-audit-draw", ws, "--seed", 42, "--date", "2026-12-01")
    assert same["key"] == "MA-20261201-2"
    assert [s["ref"] for s in same["samples"]] == [s["ref"] for s in drawn["samples"]]
    key = drawn["key"]
    record = next(s for s in drawn["samples"] if s["stratum"] == "trainings")
    person = next(s for s in drawn["samples"] if s["awareness"])
    code, out, _ = run(
        capsys,
        "mock-audit-record",
        ws,
        key,
        record["key"],
        "--grade",
        "一般不符合",
        "--note",
        "签到表无日期",
        "--evidence",
        "签到表原件",
    )
    assert code == EXIT_OK and "一般不符合" in out
    code, out, _ = run(
        capsys,
        "mock-audit-record",
        ws,
        key,
        person["key"],
        "--policy",
        "不能",
        "--role",
        "能",
        "--person",
        "王五",
    )
    assert code == EXIT_OK
    shown = ok_json(capsys, "mock-audit", ws, key)
    assert shown["walked"] == 2 and shown["nonconformities"] == [record["key"], person["key"]]
    made = ok_json(capsys, "mock-audit-actions", ws, key)
    assert [a["origin"] for a in made] == [f"{key}/{record['key']}", f"{key}/{person['key']}"]
    assert made[0]["source"] == "mock_audit" and made[0]["department"] == "hr_admin"
    files = ok_json(capsys, "mock-audit-report", ws, key, "-o", tmp_path / "reports")
    assert len(files) == 3
    doc = Document(files[0])
    text = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "签到表无日期" in text and "王五" in text and "张审" in text
    # bad input: unknown grade, unknown sample, awareness without both answers
    assert (
        run(capsys, "mock-audit-record", ws, key, record["key"], "--grade", "so-so")[0]
        == EXIT_INPUT
    )
    assert run(capsys, "mock-audit-record", ws, key, "S99", "--grade", "minor")[0] == EXIT_INPUT
    assert (
        run(capsys, "mock-audit-record", ws, key, person["key"], "--policy", "yes")[0] == EXIT_INPUT
    )
    assert run(capsys, "mock-audit", ws, "MA-19990101-1")[0] == EXIT_INPUT


def test_an_action_from_added_to_verified(capsys, ws: Path, tmp_path: Path) -> None:
    today = dt.date.today()
    late = (today - dt.timedelta(days=40)).isoformat()
    added = ok_json(
        capsys,
        "action-add",
        ws,
        "--finding",
        "知识产权目标未分解",
        "--department",
        "市场部",
        "--raised",
        (today - dt.timedelta(days=60)).isoformat(),
        "--due",
        late,
        "--grade",
        "一般",
        "--clause",
        "6.2",
    )
    key = added["key"]
    assert key == "CA-001" and added["department"] == "marketing" and added["days_overdue"] == 40
    overdue = ok_json(capsys, "actions", ws, "--overdue")
    assert [a["key"] for a in overdue] == [key]
    findings = ok_json(capsys, "findings", ws)
    mine = [f for f in findings if f["code"] == "corrective_action_overdue"]
    assert len(mine) == 1 and mine[0]["grade"] == "minor" and key in mine[0]["refs"]
    edited = ok_json(
        capsys,
        "action-edit",
        ws,
        key,
        "--root-cause",
        "分解表未更新",
        "--action",
        "重新分解目标并发布",
        "--owner",
        "市场部 刘洋",
        "--status",
        "进行中",
    )
    assert edited["status"] == "in_progress" and edited["owner"] == "市场部 刘洋"
    proof = tmp_path / "目标分解表.xlsx"
    openpyxl.Workbook().save(proof)
    done = ok_json(capsys, "action-close", ws, key, "--attach", proof)
    assert done["status"] == "done" and len(done["evidence_ids"]) == 1
    assert ok_json(capsys, "actions", ws, "--overdue") == []
    assert run(capsys, "action-edit", ws, key, "--status", "verified")[0] == EXIT_INPUT
    verified = ok_json(capsys, "action-verify", ws, key, "--by", "李审", "--result", "已抽查分解表")
    assert verified["status"] == "verified" and verified["verification"]["by"] == "李审"
    assert ok_json(capsys, "actions", ws, "--open") == []
    code, out, _ = run(capsys, "actions", ws)
    assert code == EXIT_OK and "市场部" in out and "已验证" in out


def test_the_certification_report_import(capsys, ws: Path, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.append(["不符合项清单"])
    sh.append(["No.", "部门", "不符合项描述", "条款", "类型"])
    sh.append(["1", "财务部", "经费使用记录与奖金发放登记表金额不一致", "7.1.4", "一般"])
    path = tmp_path / "外审报告.xlsx"
    wb.save(path)
    made = ok_json(capsys, "actions-import", ws, path)
    assert [(a["department"], a["clause"], a["source"]) for a in made] == [
        ("finance", "7.1.4", "certification")
    ]
    prereq = [
        f
        for f in ok_json(capsys, "findings", ws)
        if f["code"] == "prerequisite_missing" and "open_nonconformities" in f["refs"]
    ]
    assert len(prereq) == 1 and "1 项未关闭" in prereq[0]["message_zh"]
    assert run(capsys, "actions-import", ws, tmp_path / "missing.xlsx")[0] == EXIT_INPUT


def test_a_plan_of_ones_own_and_the_reports_details(capsys, ws: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "strata:\n"
        "  - {key: projects, zh: 研发项目, en: R&D projects, source: instances,"
        " item: rnd.projects, count: 2}\n"
        "  - {key: people, zh: 员工, en: staff, source: employees, count: 3}\n"
        "awareness_failure_grade: observation\n",
        encoding="utf-8",
    )
    drawn = ok_json(capsys, "mock-audit-draw", ws, "--seed", 1, "--plan", plan)
    assert [s["stratum"] for s in drawn["samples"]] == ["projects"] * 2 + ["people"] * 3
    person = drawn["samples"][2]["key"]
    ok_json(capsys, "mock-audit-record", ws, "latest", person, "--policy", "no", "--role", "no")
    shown = ok_json(
        capsys,
        "mock-audit",
        ws,
        "latest",
        "--conclusion",
        "体系有效运行。",
        "--scope",
        "研发部、行政人事部",
        "--auditor",
        "甲",
        "--auditor",
        "乙",
    )
    assert shown["nonconformities"] == []  # the plan grades it an observation
    assert shown["conclusion"] == "体系有效运行。" and shown["auditors"] == ["甲", "乙"]
    files = ok_json(capsys, "mock-audit-report", ws, "latest", "-o", tmp_path / "r", "--lang", "en")
    doc = Document(files[0])
    text = "\n".join(
        [p.text for p in doc.paragraphs]
        + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    )
    assert "体系有效运行。" in text and "研发部、行政人事部" in text and "甲, 乙" in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "strata:\n  - {key: x, source: ledger, count: 2, ledgers: [nope]}\n", encoding="utf-8"
    )
    code, _out, err = run(capsys, "mock-audit-draw", ws, "--plan", bad)
    assert code == EXIT_INPUT and "bad.yaml" in err


def test_awareness_graded_conform_needs_both_answers(capsys, ws: Path) -> None:
    drawn = ok_json(capsys, "mock-audit-draw", ws, "--seed", 42, "--date", "2026-12-01")
    key, person = drawn["key"], next(s for s in drawn["samples"] if s["awareness"])
    code, _, err = run(capsys, "mock-audit-record", ws, key, person["key"], "--grade", "符合")
    assert code == EXIT_INPUT and "--policy yes --role yes" in err
    shown = ok_json(capsys, "mock-audit", ws, key)
    assert next(s for s in shown["samples"] if s["key"] == person["key"])["result"] is None
    # an answer "no" with the grade conform: recorded minor, and the user is told
    code, out, _ = run(
        capsys,
        "mock-audit-record",
        ws,
        key,
        person["key"],
        "--grade",
        "符合",
        "--policy",
        "yes",
        "--role",
        "no",
    )
    assert code == EXIT_OK and "一般不符合" in out and "而不是" in out and "本岗位" in out
    data = ok_json(
        capsys,
        "mock-audit-record",
        ws,
        key,
        person["key"],
        "--grade",
        "conform",
        "--policy",
        "no",
        "--role",
        "yes",
    )
    assert "IP policy" in data["grade_changed"]["en"]
    assert next(s for s in data["samples"] if s["key"] == person["key"])["result"] == "minor"
    data = ok_json(
        capsys, "mock-audit-record", ws, key, person["key"], "--policy", "yes", "--role", "yes"
    )
    assert "grade_changed" not in data
    assert next(s for s in data["samples"] if s["key"] == person["key"])["result"] == "conform"


def test_a_name_typed_with_a_full_width_space_is_stored_normalised(capsys, ws: Path) -> None:
    drawn = ok_json(capsys, "mock-audit-draw", ws, "--seed", 7, "--auditor", "赵　立平")
    person = next(s for s in drawn["samples"] if s["awareness"])
    data = ok_json(
        capsys,
        "mock-audit-record",
        ws,
        drawn["key"],
        person["key"],
        "--policy",
        "yes",
        "--role",
        "yes",
        "--person",
        "张　伟",
    )
    assert data["auditors"] == ["赵立平"]
    assert next(s for s in data["samples"] if s["key"] == person["key"])["person"] == "张伟"
