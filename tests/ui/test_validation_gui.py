"""The desktop app takes the same values as the command line (``domain/validation.py``) and opens
a workspace whose older version stored values that break the rules."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from ipaudit.domain.validation import WINDOW_DAYS, InvalidValue
from ipaudit.services.ledgers import window_days
from ipaudit.ui.facts import department_facts_model as dm
from ipaudit.ui.facts import objectives_model as om
from ipaudit.ui.facts.facts_editor import FactsEditor
from ipaudit.ui.ledger.reconciliation_view import ReconciliationView

HOSTILE = ["-5", "NaN", "Infinity", "1e999999", "1000001", "2.5", "1e999999999"]


@pytest.fixture
def editor(qtbot, session) -> FactsEditor:
    widget = FactsEditor(session)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_facts_cells_refuse_what_the_services_refuse(session, editor):
    facts = session.workspace.facts()
    depth = session.undo_stack.count()
    departments = editor.departments_page.model
    headcount = departments.index(departments.row_of("rnd"), dm.HEADCOUNT)
    objectives = editor.policy_page.objectives_model
    target = objectives.index(0, om.TARGET)
    for text in HOSTILE:
        assert not departments.setData(headcount, text), text
        if text not in ("1000001", "2.5"):  # a target may be large or have decimals
            assert not objectives.setData(target, text), text
    assert session.undo_stack.count() == depth
    assert session.workspace.facts() == facts
    # the service behind the editor refuses them too, with the sentence the CLI prints
    with pytest.raises(InvalidValue) as caught:
        session.workspace.set_facts(replace(facts, headcount={**facts.headcount, "rnd": -5}))
    assert "headcount.rnd" in caught.value.message("en")
    assert session.workspace.facts() == facts


def _store_old_values(path: Path) -> None:
    with closing(sqlite3.connect(path)) as raw:
        raw.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            ("ledger_window_days", "-99999999999999999999"),
        )
        raw.execute(
            "UPDATE facts SET value = ? WHERE key = 'headcount'",
            ('{"rnd": -99999999999999999999, "finance": 4}',),
        )
        raw.execute(
            "UPDATE facts SET value = ? WHERE key = 'portfolio'",
            ('{"invention": 1' + "0" * 30 + "}",),
        )
        raw.commit()


def test_values_stored_by_an_older_version_open_in_the_editors(qtbot, demo_path, tmp_path):
    from ipaudit.services import Workspace
    from ipaudit.ui.session import WorkspaceSession

    _store_old_values(demo_path)
    session = WorkspaceSession(Workspace.open(demo_path))
    try:
        with qtbot.waitSignal(session.assessed, timeout=20_000):
            session.assess_now()
        stored = {
            f.refs[0] for f in session.assessment.findings if f.code == "stored_value_invalid"
        }
        assert stored == {"headcount.rnd", "portfolio.invention", "window_days"}
        editor = FactsEditor(session)
        qtbot.addWidget(editor)
        editor.show()
        departments = editor.departments_page.model
        assert departments.index(departments.row_of("rnd"), dm.HEADCOUNT).data() in ("", None)
        assert departments.index(departments.row_of("finance"), dm.HEADCOUNT).data() == "4"
        view = ReconciliationView(session)
        qtbot.addWidget(view)
        with qtbot.waitSignal(view.loaded, timeout=20_000):
            view.show()
        assert view.rates.window_spin.value() == window_days(session.workspace) == 15
        assert view.rates.window_spin.maximum() == int(WINDOW_DAYS.high)
        view.rates.window_spin.setValue(10_000)  # the spin box cannot go past the rule
        assert view.rates.window_spin.value() == 3650
    finally:
        session.close()


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("法务部", ""),
        ("第二实验室", "2nd Lab"),
        ("x", "A very long English department name indeed"),
    ],
)
def test_the_new_workspace_wizard_makes_department_keys_the_services_take(zh, en, qapp):
    from ipaudit.domain.validation import check_department_key
    from ipaudit.ui.wizard_departments import DepartmentListModel

    model = DepartmentListModel()
    for _ in range(3):  # the second and third get a suffix
        row = model.add(zh, en)
        assert check_department_key(model.department(row).key)
