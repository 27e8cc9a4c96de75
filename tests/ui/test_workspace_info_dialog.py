"""The workspace information dialog with real widgets on a real workspace: the period follows the
audit type, bad dates keep OK disabled, OK re-runs the checks, undo and redo, the department view."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from ipaudit.domain.model import AuditType, Edition, WorkspaceInfo
from ipaudit.services import Workspace
from ipaudit.ui import i18n, workers
from ipaudit.ui.session import WorkspaceSession
from ipaudit.ui.workspace_info_dialog import WorkspaceInfoDialog

INFO = WorkspaceInfo(
    company="示例科技有限公司",
    edition=Edition.GB2023,
    audit_type=AuditType.INITIAL,
    audit_start=dt.date(2026, 3, 10),
    audit_end=dt.date(2026, 3, 12),
    period_start=dt.date(2025, 6, 1),
    period_end=dt.date(2026, 3, 9),
    system_start=dt.date(2025, 6, 1),
)


@pytest.fixture
def english(qapp) -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.reset()


def open_session(path: Path, qtbot, department: str | None = None) -> WorkspaceSession:
    session = WorkspaceSession(Workspace.open(path), department=department)
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.assess_now()
    return session


@pytest.fixture
def session(tmp_path: Path, qtbot, english) -> Iterator[WorkspaceSession]:
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, INFO).close()
    s = open_session(path, qtbot)
    yield s
    s.close()
    workers.wait_all()


def dialog_for(session: WorkspaceSession, qtbot) -> WorkspaceInfoDialog:
    dialog = WorkspaceInfoDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def ok_button(dialog: WorkspaceInfoDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def prerequisites(session: WorkspaceSession) -> list[str]:
    assert session.assessment is not None
    return [
        ref
        for f in session.assessment.findings
        if f.code == "prerequisite_missing"
        for ref in f.refs
    ]


def test_shows_the_stored_information(session: WorkspaceSession, qtbot) -> None:
    dialog = dialog_for(session, qtbot)
    assert dialog.windowTitle() == "Workspace information"
    assert dialog.company.text() == "示例科技有限公司"
    assert dialog.edition.text() == "GB/T 29490-2023"
    assert dialog.audit_type.currentData() == "initial"
    assert dialog.system_start.value() == dt.date(2025, 6, 1)
    assert dialog.last_audit.value() is None and not dialog.last_audit.edit.isEnabled()
    assert dialog.info() == INFO
    assert "three months" in dialog.hint.text()
    assert ok_button(dialog).isEnabled()


def test_surveillance_moves_the_period_and_ok_reruns_the_checks(
    session: WorkspaceSession, qtbot
) -> None:
    dialog = dialog_for(session, qtbot)
    dialog.audit_type.setCurrentIndex(1)  # surveillance
    assert "last audit" in dialog.hint.text()
    dialog.last_audit.declared.setChecked(True)
    dialog.last_audit.edit.setDate(QDate(2025, 3, 12))
    assert dialog.period_start.date() == QDate(2025, 3, 13)
    assert dialog.period_end.date() == QDate(2026, 3, 9)
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        qtbot.mouseClick(ok_button(dialog), qtbot_left())
    stored = session.workspace.info()
    assert stored.audit_type is AuditType.SURVEILLANCE
    assert (stored.last_audit, stored.period_start) == (dt.date(2025, 3, 12), dt.date(2025, 3, 13))
    assert prerequisites(session) == ["open_nonconformities"]  # the new type's prerequisite
    assert session.undo_stack.undoText() == "Edit workspace information"

    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.undo()
    assert session.workspace.info() == INFO
    assert prerequisites(session) == []
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.redo()
    assert session.workspace.info().audit_type is AuditType.SURVEILLANCE


def test_a_period_edited_by_hand_stays_and_bad_dates_keep_ok_disabled(
    session: WorkspaceSession, qtbot
) -> None:
    dialog = dialog_for(session, qtbot)
    dialog.period_start.setDate(QDate(2025, 1, 1))
    dialog.audit_start.setDate(QDate(2026, 4, 20))
    dialog.audit_end.setDate(QDate(2026, 4, 22))
    assert dialog.period_start.date() == QDate(2025, 1, 1)  # the user's own period is kept
    assert ok_button(dialog).isEnabled()

    dialog.period_end.setDate(QDate(2026, 4, 25))
    assert not ok_button(dialog).isEnabled()
    assert "must end on or before the audit's first day" in dialog.problem.text()
    qtbot.mouseClick(dialog.default_button, qtbot_left())
    assert dialog.period_end.date() == QDate(2026, 4, 19)
    assert dialog.period_start.date() == QDate(2025, 6, 1)  # from the system start
    assert ok_button(dialog).isEnabled() and not dialog.problem.text()

    dialog.company.clear()
    assert not ok_button(dialog).isEnabled() and "company" in dialog.problem.text()
    dialog.reject()
    assert session.workspace.info() == INFO  # cancel changes nothing


def test_the_department_view_shows_it_read_only(tmp_path: Path, qtbot, english) -> None:
    path = tmp_path / "d.ipaudit"
    Workspace.create(path, INFO).close()
    session = open_session(path, qtbot, department="rnd")
    try:
        dialog = dialog_for(session, qtbot)
        assert not dialog.company.isEnabled() and not dialog.audit_type.isEnabled()
        assert not ok_button(dialog).isEnabled()
        assert "read-only" in dialog.hint.text()
    finally:
        session.close()
        workers.wait_all()


def test_chinese_texts(session: WorkspaceSession, qtbot) -> None:
    dialog = dialog_for(session, qtbot)
    i18n.set_language("zh")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "工作区信息")
    assert dialog.audit_type.itemText(1) == "监督审核"


def test_reached_from_the_file_menu_and_shown_in_the_title(tmp_path: Path, qtbot, english) -> None:
    from ipaudit.ui.main_window import MainWindow
    from ipaudit.ui.settings import Settings

    path = tmp_path / "m.ipaudit"
    Workspace.create(path, INFO).close()
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
            assert window.open_path(path)
        assert "initial certification audit 2026-03-10" in window.windowTitle()
        assert window.acts.workspace_info in window.menus.file.actions()
        window.acts.workspace_info.trigger()
        dialog = window.findChild(WorkspaceInfoDialog)
        assert dialog is not None and dialog.isVisible()
        dialog.audit_start.setDate(QDate(2026, 5, 11))
        dialog.audit_end.setDate(QDate(2026, 5, 13))
        dialog.accept()
        qtbot.waitUntil(lambda: "2026-05-11" in window.windowTitle(), timeout=5_000)
        assert "period 2025-06-01 – 2026-05-10" in window.cycle_label.text()
        # the status bar's audit line opens the dialog too
        window.cycle_label.linkActivated.emit("info")
        dialogs = [d for d in window.findChildren(WorkspaceInfoDialog) if d.isVisible()]
        assert dialogs and dialogs[-1].audit_start.date() == QDate(2026, 5, 11)
    finally:
        window.close()
        workers.wait_all()


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
