"""Bad input on the audit-day commands is refused with what to do: a plan session naming a
department the workspace does not have, and a copy or next cycle written into a folder that does
not exist (the message names the folder, not a temporary file)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipaudit.cli import EXIT_INPUT, EXIT_OK
from tests.integration.cli_run import new_workspace, run


@pytest.fixture
def ws(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("IPAUDIT_LANG", "en")
    path = new_workspace(capsys, tmp_path / "acme.ipaudit")
    code, _out, err = run(capsys, "plan-generate", path)
    assert code == EXIT_OK, err
    return path


def test_plan_session_of_an_unknown_department_is_refused(
    ws: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _code, before, _ = run(capsys, "plan", ws, "--json")
    args = ("--kind", "interview", "--day", "2026-01-05", "--start", "11:00", "--end", "12:00")
    code, _out, err = run(capsys, "plan-session-add", ws, *args, "--department", "nosuch")
    assert code == EXIT_INPUT
    assert "There is no department 'nosuch'" in err and "rnd" in err and "Traceback" not in err
    code, _out, err = run(
        capsys, "plan-session-edit", ws, "interview_rnd", "--department", "nosuch"
    )
    assert code == EXIT_INPUT and "There is no department 'nosuch'" in err
    monkeypatch.setenv("IPAUDIT_LANG", "zh")
    code, _out, err = run(capsys, "plan-session-add", ws, *args, "--department", "nosuch")
    assert code == EXIT_INPUT and "没有部门“nosuch”" in err
    _, after, _ = run(capsys, "plan", ws, "--json")
    assert after == before  # nothing stored
    code, _out, err = run(capsys, "plan-session-add", ws, *args, "--department", "rnd")
    assert code == EXIT_OK, err


@pytest.mark.parametrize("command", ["save-as", "next-cycle"])
def test_copy_into_a_missing_folder_names_the_folder(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    target = tmp_path / "missing" / "copy.ipaudit"
    code, _out, err = run(capsys, command, ws, target)
    assert code == EXIT_INPUT
    assert f"The folder '{target.parent}' does not exist" in err
    assert ".part" not in err and "Traceback" not in err
    assert not target.parent.exists()


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


def test_a_sheet_with_no_nonconformities_imports_no_action(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    wrong = _sheet(tmp_path / "wrong.xlsx", [["Foo", "Bar"], [1, "abc"], [2, "def"]])
    code, _out, err = run(capsys, "actions-import", ws, wrong)
    assert code == EXIT_INPUT
    assert "No nonconformity" in err and "wrong.xlsx" in err and "header" in err
    monkeypatch.setenv("IPAUDIT_LANG", "zh")
    code, _out, err = run(capsys, "actions-import", ws, wrong)
    assert code == EXIT_INPUT and "找不到不符合项描述" in err and "未作任何更改" in err
    code, out, err = run(capsys, "actions", ws, "--json")
    assert code == EXIT_OK and "abc" not in out and "Bar" not in out
    # without a header, a column of sentences is still taken as the nonconformities
    plain = _sheet(
        tmp_path / "plain.xlsx",
        [
            ["NC-01", "知识产权目标未分解到市场部，无考核记录", "6.2"],
            ["NC-02", "未保留管理评审输入中的经费实施绩效", "9.4"],
        ],
    )
    code, out, err = run(capsys, "actions-import", ws, plain, "--json")
    assert code == EXIT_OK, err
    assert "知识产权目标未分解到市场部" in out and "经费实施绩效" in out


def test_an_unknown_department_lists_the_ones_there_are(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "items", ws, "nosuch")
    assert code == EXIT_INPUT
    assert "There is no department 'nosuch'. Choose one of: " in err and "rnd" in err
