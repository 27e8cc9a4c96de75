"""The audit-day plan on the command line: generate, show, edit with conflicts reported, people
and rooms, export docx/xlsx/ics and the workspace calendar."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import openpyxl
import pytest
from docx import Document

from ipaudit.cli import EXIT_INPUT, EXIT_OK
from ipaudit.services import Workspace
from tests.integration.cli_run import new_workspace, run
from tests.plan_people import declare_people


@pytest.fixture
def ws(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = new_workspace(capsys, tmp_path / "acme.ipaudit")
    with Workspace.open(path) as workspace:
        declare_people(workspace)  # the generated plan names everybody: no conflict to start with
    return path


def test_plan_walk_through(ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "plan", ws)
    assert code == EXIT_INPUT and "plan-generate" in err

    code, out, err = run(capsys, "plan-generate", ws, "--json")
    assert code == EXIT_OK, err
    data = json.loads(out)
    sessions = {s["key"]: s for s in data["plan"]["sessions"]}
    assert data["conflicts"] == [] and "interview_rnd" in sessions
    ip = sessions["interview_ip_office"]

    code, out, err = run(
        capsys,
        "plan-session-edit",
        ws,
        "interview_rnd",
        "--day",
        ip["day"],
        "--start",
        ip["start"],
        "--end",
        ip["end"],
        "--room",
        ip["room"],
    )
    assert code == EXIT_OK, err
    assert "同时安排了" in out  # the conflict the edit made is printed

    code, out, _ = run(capsys, "findings", ws, "--json")
    assert any(f["code"] == "plan_conflict" for f in json.loads(out))

    code, out, err = run(capsys, "plan-person", ws, "rename", "auditor_1", "--name", "王审核")
    assert code == EXIT_OK, err
    code, out, _ = run(capsys, "plan-room", ws, "add", "--name", "小会议室")
    assert code == EXIT_OK and out.strip() == "room_3"
    code, out, err = run(capsys, "plan-session-edit", ws, "interview_rnd", "--room", "room_3")
    assert code == EXIT_OK and "!" not in out, err
    code, out, err = run(
        capsys,
        "plan-session-add",
        ws,
        "--kind",
        "其他",
        "--day",
        ip["day"],
        "--start",
        "17:00",
        "--end",
        "17:30",
        "--room",
        "room_1",
        "--title",
        "总结",
    )
    assert code == EXIT_OK and out.split()[0] == "other_1", err
    code, out, _ = run(capsys, "plan", ws, "--lang", "en")
    assert "王审核" in out and "小会议室" in out and "no conflicts" in out
    code, out, err = run(capsys, "plan-session-remove", ws, "other_1")
    assert code == EXIT_OK, err

    docx, xlsx, ics = tmp_path / "p.docx", tmp_path / "p.xlsx", tmp_path / "p.ics"
    code, out, err = run(capsys, "plan-export", ws, "--docx", docx, "--xlsx", xlsx, "--ics", ics)
    assert code == EXIT_OK, err
    cells = [c.text for t in Document(str(docx)).tables for row in t.rows for c in row.cells]
    assert any("王审核" in c for c in cells)
    rows = list(openpyxl.load_workbook(xlsx).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == len(sessions) + 1
    assert len(list(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))) == len(sessions)

    code, out, err = run(capsys, "calendar", ws, "-o", tmp_path / "all.ics", "--json")
    assert code == EXIT_OK, err
    assert json.loads(out)["events"] >= len(sessions)


def test_bad_input_is_refused(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "plan-generate", ws)
    code, _out, err = run(capsys, "plan-session-edit", ws, "tour", "--start", "25:00")
    assert code == EXIT_INPUT and "09:30" in err
    code, _out, err = run(capsys, "plan-session-edit", ws, "nosuch", "--start", "10:00")
    assert code == EXIT_INPUT and "nosuch" in err
    code, _out, err = run(capsys, "plan-generate", ws)
    assert code == EXIT_INPUT
    code, _out, err = run(capsys, "plan-export", ws)
    assert code == EXIT_INPUT


def test_generate_again_keeps_the_named_people_and_rooms_over_every_day(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ipaudit.demo.audit_day import add_plan

    with Workspace.open(demo_path) as w:
        add_plan(w)  # the demo's plan: named auditors, escorts and rooms
    code, before, err = run(capsys, "plan", demo_path)
    assert code == EXIT_OK, err
    assert "赵立平" in before and "韩立" in before and "三楼大会议室" in before
    code, _, err = run(capsys, "plan-generate", demo_path, "--replace")
    assert code == EXIT_OK, err
    code, after, err = run(capsys, "plan", demo_path, "--json")
    data = json.loads(after)
    code, text, _ = run(capsys, "plan", demo_path)
    assert "赵立平" in text and "韩立" in text and "三楼大会议室" in text
    assert "审核员 1" not in text and "会议室1" not in text
    with Workspace.open(demo_path) as w:
        info = w.info()
    days = {s["day"] for s in data["plan"]["sessions"] if s["kind"] in ("interview", "documents")}
    span = (info.audit_end - info.audit_start).days + 1
    assert len(days) == span >= 3  # no day of the audit left empty


def test_people_and_rooms_are_added_under_the_key_given(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "plan-generate", ws)[0] == EXIT_OK
    code, out, err = run(capsys, "plan-person", ws, "add", "aud3", "--role", "auditor")
    assert code == EXIT_OK and out.strip() == "aud3", err
    code, out, err = run(capsys, "plan-person", ws, "add", "esc3", "--role", "escort")
    assert code == EXIT_OK and out.strip() == "esc3", err
    code, _, err = run(capsys, "plan-person", ws, "escort", "aud3", "--escort", "esc3")
    assert code == EXIT_OK, err
    code, out, err = run(capsys, "plan-room", ws, "add", "big3", "--name", "五楼会议室")
    assert code == EXIT_OK and out.strip() == "big3", err
    with Workspace.open(ws) as w:
        from ipaudit.services import audit_plan

        setup = audit_plan.need_plan(w).plan.setup
    assert setup.escorts["aud3"] == "esc3" and setup.room("big3").name == "五楼会议室"
    # a taken or malformed key is refused, nothing added
    code, _, err = run(capsys, "plan-person", ws, "add", "aud3", "--role", "auditor")
    assert code == EXIT_INPUT and "aud3" in err and "换一个键" in err
    code, _, err = run(capsys, "plan-room", ws, "add", "3 楼")
    assert code == EXIT_INPUT and "无效" in err
    # no key: one is made as before
    code, out, _ = run(capsys, "plan-room", ws, "add")
    assert code == EXIT_OK and out.strip().startswith("room_")
