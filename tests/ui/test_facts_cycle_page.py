"""The facts editor's people-and-budget page on the real demo workspace: edits re-run the checks,
undo and redo, a sheet imported in the background, spending read from the expense record."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from ipaudit.domain.model import PersonKind
from ipaudit.ui.facts import budget_model as bm
from ipaudit.ui.facts import people_model as ppl
from ipaudit.ui.facts.cycle_page import CyclePage
from ipaudit.ui.facts.facts_editor import FactsEditor


def codes(session) -> set[str]:
    return {f.code for f in session.assessment.findings}


def person_refs(session) -> set[tuple[str, str]]:
    return {
        (f.refs[0], f.item_key)
        for f in session.assessment.findings
        if f.code == "person_record_missing"
    }


@pytest.fixture
def page(qtbot, session) -> CyclePage:
    editor = FactsEditor(session)
    qtbot.addWidget(editor)
    editor.resize(1200, 700)
    editor.show()
    qtbot.waitExposed(editor)
    editor.tabs.setCurrentWidget(editor.cycle_page)
    page = editor.cycle_page
    page.keep_editor = editor  # type: ignore[attr-defined]  # (the editor owns the page)
    qtbot.waitUntil(lambda: page.budget.data(page.budget.index(1, bm.ACTUAL)) != "0.00")
    return page


def budget_row(page: CyclePage, key: str) -> int:
    return next(r for r in range(page.budget.rowCount()) if page.budget._rows[r].category == key)


def test_models_pass_the_model_tester(qtmodeltester, page: CyclePage) -> None:
    qtmodeltester.check(page.people)
    qtmodeltester.check(page.budget)


def test_shows_the_declared_people_and_the_budget_against_spending(page: CyclePage) -> None:
    people = page.people
    names = [people.data(people.index(r, ppl.NAME)) for r in range(people.rowCount())]
    assert names == ["郭子豪", "林嘉欣", "钱立新", "谢振华"]
    row = budget_row(page, "search")
    assert page.budget.data(page.budget.index(row, bm.BUDGET)) == "6,000.00"
    assert page.budget.data(page.budget.index(row, bm.ACTUAL)) == "7,800.00"
    assert page.budget.data(page.budget.index(row, bm.VARIANCE)) == "-1,800.00"
    brush = page.budget.data(page.budget.index(row, bm.VARIANCE), Qt.ItemDataRole.ForegroundRole)
    assert brush.color() == bm.OVERSPENT
    assert page.nc_declared.isChecked() and page.nc_open.value() == 0


def test_a_budget_edit_reruns_the_checks_and_undoes(qtbot, session, page: CyclePage) -> None:
    assert "budget_overspent" in codes(session)
    index = page.budget.index(budget_row(page, "search"), bm.BUDGET)
    assert not page.budget.setData(index, "a lot")  # refused, nothing changes
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        assert page.budget.setData(index, "8000")
    assert session.workspace.facts().budget["search"] == Decimal("8000.00")
    assert "budget_overspent" not in codes(session)
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.undo()
    assert session.workspace.facts().budget["search"] == Decimal(6000)
    assert page.budget.data(index) == "6,000.00"
    assert "budget_overspent" in codes(session)


def test_a_person_added_needs_records_named_after_them(qtbot, session, page: CyclePage) -> None:
    qtbot.mouseClick(page.people_buttons.add_button, Qt.MouseButton.LeftButton)
    row = page.people.rowCount() - 1
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        assert page.people.setData(page.people.index(row, ppl.NAME), "周 小 川")
    assert not page.people.setData(page.people.index(row, ppl.DATE), "2026-13-40")
    assert not page.people.setData(page.people.index(row, ppl.KIND), "实习")
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        assert page.people.setData(page.people.index(row, ppl.KIND), "离职")
    person = next(p for p in session.workspace.facts().people if p.name == "周 小 川")
    assert person.kind is PersonKind.LEAVER
    missing = {item for name, item in person_refs(session) if name == "周 小 川"}
    assert missing == {"hr.exit_interviews", "hr.exit_handover", "hr.exit_agreements"}


def test_a_sheet_is_imported_in_the_background(
    qtbot, session, page: CyclePage, tmp_path: Path
) -> None:
    sheet = tmp_path / "入职名单.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "部门", "入职日期"])
    wb.active.append(["陈  静", "财务部", "2026-06-01"])
    wb.save(sheet)
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        page.import_people(str(sheet))
    imported = next(p for p in session.workspace.facts().people if p.name == "陈静")
    assert imported.kind is PersonKind.HIRE and imported.department == "财务部"
    assert (
        session.undo_stack.undoText() == "Import hires and leavers" or session.undo_stack.canUndo()
    )

    bad = tmp_path / "bad.csv"
    bad.write_text("部门\n研发部\n", "utf-8")
    from ipaudit.ui import errors

    shown: list[object] = []
    errors.reporter().shown.connect(shown.append)
    try:
        with qtbot.waitSignal(page.settled, timeout=10_000):
            page.import_people(str(bad))
        qtbot.waitUntil(lambda: bool(shown), timeout=5_000)
    finally:
        errors.reporter().shown.disconnect(shown.append)
    assert isinstance(shown[0], errors.ExpectedErrorBox)
    assert "bad.csv" in shown[0].informativeText() + shown[0].text()
    shown[0].close()


def test_undeclared_nonconformities_are_a_missing_prerequisite(
    qtbot, session, page: CyclePage
) -> None:
    assert "prerequisite_missing" not in codes(session)
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        page.nc_open.setValue(2)
    assert session.workspace.facts().open_nonconformities == 2
    assert "prerequisite_missing" in codes(session)
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        page.nc_open.setValue(0)
    assert "prerequisite_missing" not in codes(session)
