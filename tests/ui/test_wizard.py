"""Creating a workspace through the new-workspace wizard, with real widgets and a real file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QWizard

from ipaudit.domain import department_rules
from ipaudit.domain.model import AuditType, Edition, Text
from ipaudit.domain.rules import mandatory_keys
from ipaudit.domain.template import load_builtin
from ipaudit.services import Workspace, default_departments
from ipaudit.store.errors import InvalidInput
from ipaudit.ui import errors, i18n, workers
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.new_workspace_wizard import NewWorkspaceWizard, default_audit
from ipaudit.ui.settings import Settings
from ipaudit.ui.wizard_departments import NAME_EN, NAME_ZH, DepartmentListModel

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


def test_the_audit_is_proposed_two_months_ahead() -> None:
    assert default_audit(TODAY) == (dt.date(2026, 5, 9), dt.date(2026, 5, 11))


def test_the_period_follows_the_audit_type_and_its_dates(
    wizard: NewWorkspaceWizard, tmp_path: Path, qtbot
) -> None:
    company = wizard.company_page
    company.company.insert("丁公司")
    next_page(qtbot, wizard)
    page = wizard.dates_page
    visible = {k for k, w in page.rows.items() if page.form.isRowVisible(w)}
    assert "system_start" in visible and "last_audit" not in visible
    assert "certificate_start" not in visible
    # initial: a year back, then from the system's start once it is given
    assert (page.period_start.date(), page.period_end.date()) == (
        QDate(2025, 5, 9),
        QDate(2026, 5, 8),
    )
    page.system_start.declared.setChecked(True)
    page.system_start.edit.setDate(QDate(2025, 12, 1))
    assert page.period_start.date() == QDate(2025, 12, 1)

    wizard.back()
    company.audit_type.setCurrentIndex(company.audit_type.findData("surveillance"))
    next_page(qtbot, wizard)
    assert page.form.isRowVisible(page.rows["last_audit"])
    page.last_audit.declared.setChecked(True)
    page.last_audit.edit.setDate(QDate(2025, 5, 20))
    assert page.period_start.date() == QDate(2025, 5, 21)  # the day after the last audit
    # a last audit after the audit's first day is refused by the same check as info --set
    page.last_audit.edit.setDate(QDate(2026, 6, 1))
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "上次审核日期" in page.problem.text()
    page.last_audit.edit.setDate(QDate(2025, 5, 20))

    wizard.back()
    company.audit_type.setCurrentIndex(company.audit_type.findData("recertification"))
    next_page(qtbot, wizard)
    assert not page.form.isRowVisible(page.rows["last_audit"])
    page.certificate_start.declared.setChecked(True)
    page.certificate_start.edit.setDate(QDate(2023, 6, 1))
    page.certificate_end.declared.setChecked(True)
    page.certificate_end.edit.setDate(QDate(2023, 5, 1))
    assert "证书到期日" in page.problem.text()
    page.certificate_end.edit.setDate(QDate(2026, 5, 31))
    assert page.period_start.date() == QDate(2023, 6, 1)  # the certificate's whole cycle
    # a period edited by hand stays, until Default period is pressed
    page.period_start.setDate(QDate(2024, 1, 1))
    page.audit_end.setDate(QDate(2026, 5, 22))
    page.audit_start.setDate(QDate(2026, 5, 20))
    assert page.period_start.date() == QDate(2024, 1, 1)
    qtbot.mouseClick(page.default_button, Qt.MouseButton.LeftButton)
    assert page.period_end.date() == QDate(2026, 5, 19)
    info = wizard.info()
    assert info.certificate_start == dt.date(2023, 6, 1) and info.last_audit is None
    assert page.problem.text() == "", page.problem.text()
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    wizard.file_page.path.setText(str(tmp_path / "丁"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.workspace is not None
    stored = wizard.workspace.info()
    assert stored.audit_type is AuditType.RECERTIFICATION
    assert (stored.certificate_start, stored.certificate_end) == (
        dt.date(2023, 6, 1),
        dt.date(2026, 5, 31),
    )
    assert stored.system_start == dt.date(2025, 12, 1) and stored.last_audit is None
    assert (stored.period_start, stored.period_end) == (dt.date(2023, 6, 1), dt.date(2026, 5, 19))


def test_create_a_workspace_through_the_wizard(
    wizard: NewWorkspaceWizard, tmp_path: Path, qtbot
) -> None:
    page1 = wizard.company_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # company is required
    page1.company.insert("示例科技有限公司")  # as typed (QTest cannot type Chinese)
    assert page1.edition.currentData() == "2023"  # the current edition is the default
    page1.audit_type.setCurrentIndex(page1.audit_type.findData("surveillance"))
    next_page(qtbot, wizard)

    dates = wizard.dates_page
    dates.audit_start.setDate(QDate(2026, 6, 2))
    dates.audit_end.setDate(QDate(2026, 6, 4))
    dates.period_start.setDate(QDate(2025, 6, 1))
    dates.period_end.setDate(QDate(2026, 5, 31))
    next_page(qtbot, wizard)

    deps = wizard.departments_page
    model = deps.model
    keys = [model.department(r).key for r in range(model.rowCount())]
    assert keys[:3] == ["management", "ip_office", "rnd"] and "procurement" in keys
    assert model.department(row_of(model, "procurement")).merged_into == "hr_admin"

    # rename marketing by typing into the table's editor
    cell = model.index(row_of(model, "marketing"), NAME_ZH)
    deps.view.setCurrentIndex(cell)
    deps.view.edit(cell)
    editor = deps.view.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    editor.insert("营销中心")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: model.department(row_of(model, "marketing")).name.zh == "营销中心")

    # add a department and name it
    qtbot.mouseClick(deps.add_button, Qt.MouseButton.LeftButton)
    added = model.rowCount() - 1
    assert model.setData(model.index(added, NAME_ZH), "法务部")
    assert model.setData(model.index(added, NAME_EN), "Legal")
    # remove production, merge finance into management, give procurement its own place
    deps.select_row(row_of(model, "production"))
    qtbot.mouseClick(deps.remove_button, Qt.MouseButton.LeftButton)
    deps.select_row(row_of(model, "finance"))
    deps.merge_selected(into="management")
    deps.select_row(row_of(model, "procurement"))
    qtbot.mouseClick(deps.restore_button, Qt.MouseButton.LeftButton)
    assert model.data(model.index(row_of(model, "finance"), 2)).startswith("已合并到")
    next_page(qtbot, wizard)

    target = tmp_path / "示例.ipaudit"
    wizard.file_page.path.setText(str(tmp_path / "示例"))  # the suffix is added
    assert "示例科技有限公司" in wizard.file_page.summary.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.workspace is not None
    wizard.workspace.close()
    wizard.workspace = None

    assert target.exists()
    with Workspace.open(target) as ws:
        info = ws.info()
        assert info.company == "示例科技有限公司"
        assert info.edition is Edition.GB2023
        assert info.audit_type is AuditType.SURVEILLANCE
        assert (info.audit_start, info.audit_end) == (dt.date(2026, 6, 2), dt.date(2026, 6, 4))
        assert (info.period_start, info.period_end) == (dt.date(2025, 6, 1), dt.date(2026, 5, 31))
        stored = {d.key: d for d in ws.departments()}
        assert stored["marketing"].name.zh == "营销中心"
        assert stored["production"].absent
        assert stored["finance"].merged_into == "management"
        assert stored["procurement"].merged_into is None and not stored["procurement"].absent
        legal = next(d for d in stored.values() if d.name.zh == "法务部")
        assert legal.name.en == "Legal" and legal.key.startswith("dept")
        assert ws.items_of("finance") == []  # merged: its items belong to management now
        assert any(it.department == "finance" for it in ws.items_of("management"))


def test_the_2013_edition_loads_its_own_departments(wizard: NewWorkspaceWizard, qtbot) -> None:
    wizard.company_page.company.insert("旧版公司")
    wizard.company_page.edition.setCurrentIndex(1)
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.edition() is Edition.GB2013
    model = wizard.departments_page.model
    assert model.rowCount() > 0
    assert wizard._departments_edition == "2013"


def test_dates_in_the_wrong_order_keep_next_disabled(wizard: NewWorkspaceWizard, qtbot) -> None:
    wizard.company_page.company.insert("甲公司")
    next_page(qtbot, wizard)
    page = wizard.dates_page
    page.audit_end.setDate(page.audit_start.date().addDays(-1))
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "审核结束日" in page.problem.text() and "早于开始日" in page.problem.text()
    page.audit_end.setDate(page.audit_start.date().addDays(2))
    page.period_start.setDate(page.audit_start.date().addDays(10))
    page.period_end.setDate(page.audit_start.date().addDays(20))
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "或之前结束" in page.problem.text()


def test_an_existing_file_is_refused_and_nothing_typed_is_lost(
    wizard: NewWorkspaceWizard, tmp_path: Path, qtbot
) -> None:
    target = tmp_path / "taken.ipaudit"
    target.write_bytes(b"already here")
    wizard.company_page.company.insert("乙公司")
    for _ in range(3):
        next_page(qtbot, wizard)
    wizard.file_page.path.setText(str(target))
    shown: list[object] = []
    errors.reporter().shown.connect(shown.append)
    try:
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    finally:
        errors.reporter().shown.disconnect(shown.append)
    assert len(shown) == 1
    box = shown[0]
    assert isinstance(box, errors.ExpectedErrorBox)
    assert "已存在" in box.informativeText()
    box.close()
    assert wizard.isVisible() and wizard.workspace is None
    assert wizard.company_page.company.text() == "乙公司"
    assert target.read_bytes() == b"already here"
    # choosing another name finishes
    wizard.file_page.path.setText(str(tmp_path / "free.ipaudit"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.workspace is not None and (tmp_path / "free.ipaudit").exists()


def test_the_main_window_opens_what_the_wizard_created(tmp_path: Path, qtbot) -> None:
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    window.acts.new.trigger()
    wizard = window.findChild(NewWorkspaceWizard)
    assert wizard is not None and wizard.isVisible()
    wizard.company_page.company.insert("丙公司")
    for _ in range(3):
        next_page(qtbot, wizard)
    wizard.file_page.path.setText(str(tmp_path / "丙.ipaudit"))
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    assert window.session is not None
    assert "丙公司" in window.windowTitle()
    window.close()
    workers.wait_all()


def test_department_model_passes_the_model_tester(qtmodeltester) -> None:
    from ipaudit.domain.template import load_builtin
    from ipaudit.services import default_departments

    model = DepartmentListModel(default_departments(load_builtin(Edition.GB2023)))
    qtmodeltester.check(model, force_py=True)
    model.add("法务部", "Legal")
    model.remove(model.rowCount() - 1)  # an added one goes away
    model.remove(0)  # a template one stays, marked absent
    assert model.department(0).absent
    model.merge(1, "rnd")
    qtmodeltester.check(model, force_py=True)
    assert not model.setData(model.index(0, NAME_ZH), "   ")  # a name cannot be blank


def test_merging_moves_what_was_merged_into_it(qapp) -> None:
    from ipaudit.domain.template import load_builtin
    from ipaudit.services import default_departments

    model = DepartmentListModel(default_departments(load_builtin(Edition.GB2023)))
    hr = row_of(model, "hr_admin")
    model.merge(hr, "management")
    assert model.department(row_of(model, "procurement")).merged_into == "management"
    model.remove(row_of(model, "management"))
    assert model.department(row_of(model, "procurement")).merged_into is None


def test_department_names_follow_the_services_rule(tmp_path: Path) -> None:
    from ipaudit.domain.validation import InvalidValue

    model = DepartmentListModel()
    row = model.add("法务部", "Legal")
    cell = model.index(row, NAME_ZH)
    assert not model.setData(cell, "x" * 65)  # longer than a name may be
    assert not model.setData(cell, "   ")
    assert not model.setData(cell, "法务\x07部")
    assert model.department(row).name.zh == "法务部"
    assert model.setData(cell, "  法律事务部 ")
    assert model.department(row).name.zh == "法律事务部"
    # the service refuses such a name whoever passes it, before a file is written
    wizard_info = NewWorkspaceWizard(today=TODAY)
    try:
        wizard_info.company_page.company.insert("戊公司")
        info = wizard_info.info()
    finally:
        wizard_info.deleteLater()
    bad = model.departments()
    bad[row] = replace(bad[row], name=Text("x" * 65, "Legal"))
    with pytest.raises(InvalidValue):
        Workspace.create(tmp_path / "w.ipaudit", info, departments=bad)
    assert not (tmp_path / "w.ipaudit").exists()


# --- departments owning requirements that can never be waived -----------------------------------
# A department that owns requirements that can never be waived (HR: labour contracts,
# confidentiality agreements, training …) cannot be removed in the new-workspace wizard, as it
# cannot be marked absent in the departments dialog: the wizard's Remove button is disabled with
# the reason as its tooltip, and the service that creates the workspace refuses such a list
# whoever passes it (the command line's ``new`` goes through it too). Real widgets, real files.


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
