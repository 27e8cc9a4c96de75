"""A department that owns requirements that can never be waived (HR: labour contracts,
confidentiality agreements, training …) cannot be removed in the new-workspace wizard, as it
cannot be marked absent in the departments dialog: the wizard's Remove button is disabled with
the reason as its tooltip, and the service that creates the workspace refuses such a list
whoever passes it (the command line's ``new`` goes through it too). Real widgets, real files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from ipaudit.domain import department_rules
from ipaudit.domain.model import Edition
from ipaudit.domain.rules import mandatory_keys
from ipaudit.domain.template import load_builtin
from ipaudit.services import Workspace, default_departments
from ipaudit.store.errors import InvalidInput
from ipaudit.ui import i18n
from ipaudit.ui.new_workspace_wizard import NewWorkspaceWizard
from ipaudit.ui.wizard_departments import DepartmentListModel

TODAY = dt.date(2026, 3, 10)


@pytest.fixture(autouse=True)
def chinese(qapp) -> Iterator[None]:
    i18n.set_language("zh")
    yield
    i18n.reset()


@pytest.fixture
def wizard(qtbot) -> Iterator[NewWorkspaceWizard]:
    w = NewWorkspaceWizard(today=TODAY)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.workspace is not None:
        w.workspace.close()


def row_of(model: DepartmentListModel, key: str) -> int:
    return next(r for r in range(model.rowCount()) if model.department(r).key == key)


def next_page(qtbot, wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_departments(qtbot, wizard: NewWorkspaceWizard, edition: str = "2023") -> None:
    wizard.company_page.company.insert("己公司")
    combo = wizard.company_page.edition
    combo.setCurrentIndex(combo.findData(edition))
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.departments_page


def owners_of_mandatory(edition: str) -> set[str]:
    template = load_builtin(edition)
    mandatory = mandatory_keys(template)
    return {it.department for it in template.items if it.key in mandatory}


def info_of(wizard: NewWorkspaceWizard):  # type: ignore[no-untyped-def]
    return wizard.info()


@pytest.mark.parametrize("edition", ["2023", "2013"])
def test_a_department_owning_mandatory_items_cannot_be_removed_in_the_wizard(
    wizard: NewWorkspaceWizard, qtbot, tmp_path: Path, edition: str
) -> None:
    to_departments(qtbot, wizard, edition)
    page = wizard.departments_page
    model = page.model
    owners = owners_of_mandatory(edition)
    assert "hr_admin" in owners
    for key in [model.department(r).key for r in range(model.rowCount())]:
        page.select_row(row_of(model, key))
        if key in owners:
            assert not page.remove_button.isEnabled(), key
            tip = page.remove_button.toolTip()
            assert "不能免除" in tip and model.department(row_of(model, key)).name.zh in tip
        else:
            assert page.remove_button.isEnabled(), key
    # clicking it anyway (or calling it) leaves HR in place
    page.select_row(row_of(model, "hr_admin"))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    page.remove_selected()
    assert not model.department(row_of(model, "hr_admin")).absent
    # merged into another department, its items move there: that stays possible, and undoing
    # the merge gives HR back its own items
    page.merge_selected(into="management")
    assert model.department(row_of(model, "hr_admin")).merged_into == "management"
    page.select_row(row_of(model, "management"))
    assert not page.remove_button.isEnabled()
    # a department owning nothing mandatory is removed as before
    free = next(k for k in ("production", "marketing") if k not in owners)
    page.select_row(row_of(model, free))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert model.department(row_of(model, free)).absent
    next_page(qtbot, wizard)
    wizard.file_page.path.setText(str(tmp_path / "己"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted and wizard.workspace is not None
    stored = {d.key: d for d in wizard.workspace.departments()}
    assert stored[free].absent and stored["hr_admin"].merged_into == "management"
    mandatory = mandatory_keys(wizard.workspace.template)
    owned = {it.key for its in wizard.workspace.items_by_department().values() for it in its}
    assert mandatory <= owned  # every requirement that can never be waived has an owner


def test_the_tooltip_follows_the_ui_language(wizard: NewWorkspaceWizard, qtbot) -> None:
    to_departments(qtbot, wizard)
    page = wizard.departments_page
    page.select_row(row_of(page.model, "hr_admin"))
    i18n.set_language("en")
    qtbot.waitUntil(lambda: "can never be waived" in page.remove_button.toolTip())
    assert "HR" in page.remove_button.toolTip()


def test_the_service_refuses_a_list_with_a_mandatory_owner_absent(
    wizard: NewWorkspaceWizard, tmp_path: Path
) -> None:
    wizard.company_page.company.insert("庚公司")
    info = wizard.info()
    template = load_builtin(Edition.GB2023)
    deps = default_departments(template)
    for key in owners_of_mandatory("2023"):
        bad = [replace(d, absent=True) if d.key == key else d for d in deps]
        target = tmp_path / f"{key}.ipaudit"
        with pytest.raises(InvalidInput) as caught:
            Workspace.create(target, info, departments=bad)
        assert "不能免除" in caught.value.zh and "can never be waived" in caught.value.en
        assert not target.exists()
    # a department others are merged into cannot be absent either: their items would have no owner
    bad = [replace(d, absent=True) if d.key == "hr_admin" else d for d in deps]
    assert department_rules.list_problem(bad, ()) is not None  # procurement is merged into HR
    # what the wizard allows is created
    fine = [replace(d, absent=True) if d.key == "production" else d for d in deps]
    assert "production" not in owners_of_mandatory("2023")
    with Workspace.create(tmp_path / "ok.ipaudit", info, departments=fine) as ws:
        assert {d.key: d for d in ws.departments()}["production"].absent
