"""A person's department is checked like every other value: a name or key, never a path — through
the documented command line, the HR sheet import and the service the Facts tab calls."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.cli import EXIT_INPUT, EXIT_OK
from ipaudit.domain.model import Person, PersonKind
from ipaudit.domain.validation import InvalidValue
from ipaudit.services import Workspace
from ipaudit.services import people as people_service
from tests.integration.cli_run import run


def people(capsys: pytest.CaptureFixture[str], ws: Path) -> list[dict[str, object]]:
    code, out, err = run(capsys, "people", ws, "--json")
    assert code == EXIT_OK, err
    return json.loads(out)


@pytest.fixture
def ws(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "p.ipaudit"
    code, _, err = run(capsys, "new", path, "--company", "示例", "--audit-start", "2026-03-10")
    assert code == EXIT_OK, err
    return path


@pytest.mark.parametrize("department", ["../x", "..", "/etc", "a\\b", "x" * 65, "rnd\x07", "_x"])
def test_a_path_or_malformed_department_is_refused(
    ws: Path, capsys: pytest.CaptureFixture[str], department: str
) -> None:
    code, _, err = run(
        capsys, "people", ws, "add", "张三", "--kind", "hire", "--department", department
    )
    assert code == EXIT_INPUT
    assert "Traceback" not in err and ("部门" in err or "department" in err)
    assert people(capsys, ws) == []


@pytest.mark.parametrize("department", ["rnd", "研发部", "研发/测试部", "R&D", " 财务部 "])
def test_names_and_keys_are_taken(
    ws: Path, capsys: pytest.CaptureFixture[str], department: str
) -> None:
    code, _, err = run(
        capsys, "people", ws, "add", "张三", "--kind", "hire", "--department", department
    )
    assert code == EXIT_OK, err
    assert [p["department"] for p in people(capsys, ws)] == [department.strip()]


def test_a_sheet_row_with_a_path_department_names_its_row(
    ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "hr.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "部门", "入职日期"])
    wb.active.append(["张三", "研发部", "2025-10-08"])
    wb.active.append(["李四", "../../etc", "2025-11-08"])
    wb.save(sheet)
    code, _, err = run(capsys, "people", ws, "import", sheet)
    assert code == EXIT_INPUT
    assert "hr.xlsx" in err and "3" in err and "../../etc" in err
    assert people(capsys, ws) == []  # nothing imported


def test_the_editor_list_is_checked_as_the_command_line_is(ws: Path) -> None:
    with Workspace.open(ws) as w:
        with pytest.raises(InvalidValue):
            people_service.set_people(w, (Person("王五", PersonKind.HIRE, "../x"),))
        assert w.facts().people == ()
        good = Person("王五", PersonKind.HIRE, "研发部")
        people_service.set_people(w, (good,))
        assert w.facts().people == (good,)


def test_the_facts_tab_refuses_a_path_as_department(qtbot) -> None:
    from ipaudit.ui.facts.people_model import DEPARTMENT, PeopleModel

    model = PeopleModel()
    model.set_people((Person("王五", PersonKind.HIRE, "研发部"),))
    cell = model.index(0, DEPARTMENT)
    assert not model.setData(cell, "../x")
    assert model.people()[0].department == "研发部"
    assert model.setData(cell, " 财务部 ")
    assert model.people()[0].department == "财务部"


@given(st.text(max_size=80))
def test_a_department_taken_is_never_a_path_and_keeps_the_name_rule(text: str) -> None:
    try:
        value = people_service.check_department(text)
    except InvalidValue:
        return
    assert value == text.strip()
    assert ".." not in value and "\\" not in value and not value.startswith("/")
    assert len(value) <= 64
    assert not any(unicodedata.category(ch) == "Cc" for ch in value)


@given(st.text(max_size=20), st.sampled_from(["../", "..\\", "/", "a\\b", ".."]))
def test_path_pieces_are_always_refused(text: str, piece: str) -> None:
    candidate = piece + text if piece == "/" else text + piece + text
    with pytest.raises(InvalidValue):
        people_service.check_department((candidate.strip() and candidate) or piece)
