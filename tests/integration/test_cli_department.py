"""``--department`` on the audit-day commands (plan, requests, mock-audit, actions) on the demo with
its audit day: only that department's rows, the same ones the department view shows (the same
service functions); an unknown department is refused naming the departments."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_INPUT
from ipaudit.services import Workspace, audit_plan, mock_audit, request_list
from ipaudit.services import corrective_actions as actions_service
from tests.integration.cli_run import ok_json, run

DEP = "rnd"


@pytest.fixture
def demo(audit_demo_master: Path, tmp_path: Path) -> Path:
    """A copy of the demo with its audit day (tests/conftest.py)."""
    return Path(shutil.copyfile(audit_demo_master, tmp_path / "demo.ipaudit"))


def test_mock_audit_shows_the_departments_samples(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    every = ok_json(capsys, "mock-audit", demo, "latest")
    own = ok_json(capsys, "mock-audit", demo, "latest", "--department", DEP)
    assert own["key"] == every["key"]
    assert [s["key"] for s in own["samples"]] == [
        s["key"] for s in every["samples"] if s["department"] == DEP
    ]
    assert 0 < len(own["samples"]) < len(every["samples"])
    listed = ok_json(capsys, "mock-audit", demo, "--department", DEP)
    assert [len(a["samples"]) for a in listed] == [len(own["samples"])]
    # the stored audit is whole: showing a department's part changes nothing
    with Workspace.open(demo) as ws:
        assert len(mock_audit.get(ws, "latest").samples) == len(every["samples"])


def test_requests_and_actions_of_a_department(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    every = ok_json(capsys, "requests", demo)
    own = ok_json(capsys, "requests", demo, "--department", DEP)
    with Workspace.open(demo) as ws:
        expected = [ln.number for ln in request_list.of_department(ws, request_list.lines(ws), DEP)]
        rnd_items = {it.key for it in ws.items_of(DEP)}
        actions_service.add(ws, finding="检索报告缺少审核签字", department=DEP)
        rnd_actions = [a.key for a in actions_service.actions(ws) if a.department == DEP]
    assert [r["number"] for r in own] == expected and 0 < len(own) < len(every)
    for r in own:
        asked = r["matched"] or [k for k, _score in r["candidates"][:1]]
        assert set(asked) & rnd_items
    actions = ok_json(capsys, "actions", demo, "--department", DEP)
    assert [a["key"] for a in actions] == rnd_actions


def test_plan_of_a_department(demo: Path, capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    whole = ok_json(capsys, "plan", demo)
    own = ok_json(capsys, "plan", demo, "--department", DEP)
    keys = [s["key"] for s in own["plan"]["sessions"]]
    assert "interview_rnd" in keys and "interview_finance" not in keys
    assert len(keys) < len(whole["plan"]["sessions"])
    people = {p["key"] for p in own["plan"]["setup"]["people"]}
    assert "head_rnd" in people and "head_finance" not in people
    with Workspace.open(demo) as ws:
        part, _found = audit_plan.department_plan(ws, DEP)
    assert part is not None and keys == [s.key for s in part.ordered()]
    # the text and the Word file of the department's part
    code, out, err = run(capsys, "plan", demo, "--department", DEP)
    assert code == 0, err
    assert "interview_rnd" in out and "interview_finance" not in out
    files = ok_json(
        capsys, "plan-export", demo, "--department", DEP, "--xlsx", tmp_path / "rnd.xlsx"
    )
    import openpyxl

    rows = list(openpyxl.load_workbook(files["xlsx"]).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == len(keys) + 1


@pytest.mark.parametrize("command", [["plan"], ["requests"], ["mock-audit", "latest"]])
def test_an_unknown_department_is_refused(
    demo: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    code, _out, err = run(capsys, command[0], demo, *command[1:], "--department", "nosuch")
    assert code == EXIT_INPUT and "nosuch" in err and DEP in err
