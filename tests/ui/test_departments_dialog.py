"""Departments → Edit departments…: add, rename, merge, absent/present through the dialog's
buttons, each one undo step, with the checklist items following."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog

from ipaudit.ui import i18n, workers
from ipaudit.ui.departments_dialog import DepartmentsDialog
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.settings import Settings


@pytest.fixture
def window(qtbot, demo_path: Path) -> Iterator[MainWindow]:
    i18n.set_language("en")
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.workspaceOpened, timeout=10_000):
        win.open_path(demo_path)
    yield win
    win.close()
    workers.wait_all()
    i18n.reset()


@pytest.fixture
def dialog(window: MainWindow) -> DepartmentsDialog:
    window.menus.departments.actions()[0].trigger()  # the menu's first entry
    found = window.findChild(DepartmentsDialog)
    assert found is not None and found.isVisible()
    return found


def ime_commit(widget, text: str) -> None:
    """What a Chinese input method sends when the user picks the characters."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def names(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menus.department_actions]


def test_add_and_rename_are_undoable(qtbot, window, dialog) -> None:
    ws = window.session.workspace
    count = window.session.undo_stack.count()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert form is not None and not form.ok.isEnabled()
    ime_commit(form.zh, "法务部")  # Chinese arrives from the input method
    qtbot.keyClicks(form.en, "Legal affairs")
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    added = ws.department("legal_affairs")
    assert added.name.zh == "法务部" and not added.absent
    assert "Legal affairs" in names(window)
    assert dialog.selected().key == "legal_affairs"
    assert window.acts.undo.text().replace("&", "") == "Undo Add the department “法务部”"

    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert form.zh.text() == "法务部"
    form.en.selectAll()
    qtbot.keyClicks(form.en, "Legal")
    qtbot.mouseClick(form.ok, Qt.MouseButton.LeftButton)
    assert ws.department("legal_affairs").name.en == "Legal"
    assert "Legal" in names(window)
    assert window.session.undo_stack.count() == count + 2

    window.acts.undo.trigger()
    assert ws.department("legal_affairs").name.en == "Legal affairs"
    window.acts.undo.trigger()  # the added department is marked absent again
    assert ws.department("legal_affairs").absent
    assert "Legal affairs" not in names(window)


def test_merge_moves_the_items_and_undo_brings_them_back(qtbot, window, dialog) -> None:
    ws = window.session.workspace
    marketing_items = {i.key for i in ws.items_of("marketing")}
    assert marketing_items
    dialog.select("marketing")

    def choose() -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog))
        combo = box.findChild(QComboBox)
        combo.setCurrentIndex(combo.findText("R&D"))
        box.accept()

    QTimer.singleShot(0, choose)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert ws.department("marketing").merged_into == "rnd"
    assert marketing_items <= {i.key for i in ws.items_of("rnd")}
    assert "Marketing and sales" not in names(window)
    state = dialog.table.item(
        next(
            r
            for r in range(dialog.table.rowCount())
            if dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "marketing"
        ),
        2,
    ).text()
    assert state == "merged into R&D"
    window.acts.undo.trigger()
    assert ws.department("marketing").merged_into is None
    assert {i.key for i in ws.items_of("marketing")} == marketing_items


def test_absent_and_present(qtbot, window, dialog) -> None:
    ws = window.session.workspace
    dialog.select("production")
    assert dialog.absent_button.text().replace("&", "") == "Mark absent"
    qtbot.mouseClick(dialog.absent_button, Qt.MouseButton.LeftButton)
    assert ws.department("production").absent
    assert "Production" not in names(window)
    assert dialog.absent_button.text().replace("&", "") == "Mark present"
    qtbot.mouseClick(dialog.absent_button, Qt.MouseButton.LeftButton)
    assert not ws.department("production").absent
    assert "Production" in names(window)


def test_a_bad_name_is_refused_with_a_message_and_no_undo_step(qtbot, window, dialog) -> None:
    from ipaudit.ui import department_commands as dc
    from ipaudit.ui import errors

    count = window.session.undo_stack.count()
    dialog.select("rnd")
    form = dialog.ask_rename()
    # the form checks as typed with the service's own rule: OK waits, the message says why
    form.zh.setText("x" * 80)  # longer than a name may be
    assert not form.ok.isEnabled()
    assert form.problem.isVisibleTo(form) and "64" in form.problem.text()
    form.zh.setText("研发部\x07")  # a control character
    assert not form.ok.isEnabled()
    form.zh.setText("  研发中心  ")
    assert form.ok.isEnabled() and not form.problem.isVisibleTo(form)
    form.reject()
    # and the service refuses it whoever asks: an error box, no undo step
    with qtbot.waitSignal(errors.reporter().shown, timeout=5_000) as blocker:
        dc.rename(window.session, "rnd", "x" * 80, "R&D")
    box = blocker.args[0]
    assert "64" in box.informativeText()
    box.close()
    assert window.session.workspace.department("rnd").name.en == "R&D"
    assert window.session.undo_stack.count() == count


def test_refused_changes_are_disabled_with_the_reason(qtbot, window, dialog) -> None:
    """The buttons ask the service's rules: HR owns requirements that can never be waived, so
    Mark absent waits and its tooltip says why and what to do; merging finance into production
    then keeps production from being marked absent and from being offered to a merge target that
    is merged (procurement) or absent."""
    ws = window.session.workspace
    dialog.select("hr_admin")
    assert not dialog.absent_button.isEnabled()
    tip = dialog.absent_button.toolTip()
    assert "'HR and administration' cannot be marked absent" in tip
    assert "Labour contracts" in tip and "Merge 'HR and administration' into another" in tip
    assert dialog.merge_button.isEnabled()
    assert "procurement" not in {d.key for d in dialog.merge_targets(ws.department("hr_admin"))}

    dialog.select("production")
    assert dialog.absent_button.isEnabled()
    assert dialog.absent_button.toolTip().startswith("A department the company does not have")
    dialog.merge("finance", "production")
    dialog.select("production")
    assert not dialog.absent_button.isEnabled()
    assert "'Finance' merged into it" in dialog.absent_button.toolTip()
    dialog.select("finance")  # merged: its items are production's, nothing to mark absent
    assert not dialog.absent_button.isEnabled()
    assert "merged into 'Production'" in dialog.absent_button.toolTip()
    assert "production" in {d.key for d in dialog.merge_targets(ws.department("rnd"))}
    assert "finance" not in {d.key for d in dialog.merge_targets(ws.department("rnd"))}

    window.acts.undo.trigger()  # finance is its own department again
    dialog.select("production")
    qtbot.mouseClick(dialog.absent_button, Qt.MouseButton.LeftButton)
    assert ws.department("production").absent
    dialog.select("finance")
    assert "production" not in {d.key for d in dialog.merge_targets(ws.department("finance"))}
    dialog.select("production")
    assert dialog.absent_button.isEnabled()  # Mark present is always offered
    assert dialog.absent_button.text().replace("&", "") == "Mark present"


def test_only_department_left_to_merge_into(qtbot, window, dialog) -> None:
    """With every other department merged or absent the merge button waits and says why."""
    ws = window.session.workspace
    for key in ("rnd", "marketing", "finance", "production"):
        ws.set_department_absent(key)
    ws.merge_department("hr_admin", "management")
    ws.merge_department("ip_office", "management")
    window.session.edited.emit("")
    dialog.select("management")
    assert not dialog.merge_button.isEnabled()
    assert "'Management" in dialog.merge_button.toolTip()
    assert "has no department to merge into" in dialog.merge_button.toolTip()


def test_the_name_form_says_a_name_is_taken(qtbot, window, dialog) -> None:
    ws = window.session.workspace
    count = window.session.undo_stack.count()
    dialog.select("rnd")
    form = dialog.ask_rename()
    form.zh.setText("财 务 部")  # finance's name, spaced
    assert not form.ok.isEnabled()
    assert form.problem.isVisibleTo(form)
    assert "'财 务 部' is already the name of the department 'Finance' (finance)" in (
        form.problem.text()
    )
    form.zh.setText("研发中心")
    form.en.setText("ＦＩＮＡＮＣＥ")  # full-width
    assert not form.ok.isEnabled() and "(finance)" in form.problem.text()
    form.en.setText("R&D")  # its own name stays its own
    assert form.ok.isEnabled() and not form.problem.isVisibleTo(form)
    form.reject()

    form = dialog.ask_add()
    ime_commit(form.zh, "法务部")
    qtbot.keyClicks(form.en, "marketing AND sales")
    assert not form.ok.isEnabled() and "(marketing)" in form.problem.text()
    form.en.setText("Legal")
    assert form.ok.isEnabled()
    form.reject()
    assert window.session.undo_stack.count() == count
    assert ws.department("rnd").name.zh == "研发部"


def test_chinese_reason_in_the_tooltip(qtbot, window, dialog) -> None:
    i18n.set_language("zh")
    dialog.select("hr_admin")
    tip = dialog.absent_button.toolTip()
    assert "不能将“行政人事部”标为不设立" in tip and "劳动合同（至少三套）" in tip
    assert dialog.absent_button.text().replace("&", "").startswith("标为不设立")
    dialog.resize(1000, 420)
    dialog.grab().save("/tmp/p1_dialog_zh.png")
