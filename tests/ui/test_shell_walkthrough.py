"""The issue's "done when" walk through the main window: open the demo, find the department with
the lowest readiness, see why, fix one finding by attaching a file and one by correcting an answer,
undo one of them from the Edit menu, switch to English and back."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ipaudit.ui import commands
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.preferences import PreferencesDialog


def keys_of(window: MainWindow) -> set[str]:
    """The keys of the findings the window shows now."""
    session = window.session
    assert session is not None and session.assessment is not None
    return {f.key for f in session.assessment.findings}


def test_done_when_walk(window: MainWindow, demo_path: Path, tmp_path: Path, qtbot) -> None:
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        assert window.open_path(demo_path)
    session, page = window.session, window.page
    assert session is not None and page is not None
    qtbot.waitUntil(lambda: session.assessment is not None, timeout=15_000)
    assessment = session.assessment

    # the department with the lowest readiness, reached with its Ctrl+<n> shortcut
    lowest = min(assessment.departments.values(), key=lambda r: r.percent)
    keys = [a.data() for a in window.menus.department_actions]
    n = keys.index(lowest.department) + 1
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
    assert page.department == lowest.department
    why = [f for f in assessment.findings if f.department == lowest.department and f.blocking]
    assert why, "the lowest department has blocking findings that say why"

    # fix a missing-evidence finding by dropping a file on its item
    missing = next(f for f in assessment.findings if f.code == "evidence_missing")
    page.findings.itemActivated.emit(missing.department, missing.item_key)
    assert page.item == missing.item_key
    report = tmp_path / "风险评估报告.txt"
    report.write_text("知识产权风险评估报告 2026", "utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    panel = page.item_panel
    rest = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    at = panel.rect().center()
    # the drop asks for the files' dates in one dialog; the proposal is taken as it is
    panel.transfer.reviewed.connect(
        lambda _r: QTimer.singleShot(0, lambda: panel.attach_dialog.ok.click())
    )
    with qtbot.waitSignal(panel.transfer.attached, timeout=15_000):
        # what a file manager sends: enter, move, drop (Qt drops only where the enter was taken)
        QApplication.sendEvent(panel, QDragEnterEvent(at, *rest))
        QApplication.sendEvent(panel, QDragMoveEvent(at, *rest))
        QApplication.sendEvent(panel, QDropEvent(QPointF(at), *rest))
    qtbot.waitUntil(lambda: missing.key not in keys_of(window), timeout=15_000)
    assert any(e.original_name == report.name for e in session.workspace.evidence(missing.item_key))

    # fix an answer that contradicts the manual's facts
    wrong = next(f for f in session.assessment.findings if f.code == "answer_contradicts_fact")
    item = session.workspace.item(wrong.item_key)
    question = next(q for q in item.questions if q.fact == "headcount")
    right = f"{session.workspace.facts().headcount[wrong.department]}人"
    commands.set_answer(session, item.key, question.key, right)
    qtbot.waitUntil(lambda: wrong.key not in keys_of(window), timeout=15_000)
    fixed = keys_of(window)

    # undo the answer from the Edit menu: the contradiction is back
    undo = window.acts.undo
    # undo names the question as the user reads it, never its key
    assert undo in window.menus.edit.actions() and question.text.zh in undo.text()
    assert question.key not in undo.text()
    undo.trigger()
    qtbot.waitUntil(lambda: wrong.key in keys_of(window), timeout=15_000)
    assert keys_of(window) == fixed | {wrong.key}  # the attached file's fix stays

    # switch to English and back in Preferences
    for code, title in (("en", "&File"), ("zh", "文件(&F)")):
        dialog = window.show_preferences()
        assert isinstance(dialog, PreferencesDialog)
        dialog.language.setCurrentIndex(dialog.language.findData(code))
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        qtbot.waitUntil(lambda t=title: window.menus.file.title() == t)
    assert window.session is session  # the workspace stayed open through both switches
    assert window.readiness_label.text().startswith("就绪度")


def test_the_audit_menu_walk_on_a_laptop_screen(
    window: MainWindow, tmp_path: Path, qtbot, audit_demo_master: Path
) -> None:
    """The compliance manager goes through the Audit menu on the demo with its audit day, in the
    menu's order: each entry opens its tab, named as the menu names it, in the window's size."""
    demo = Path(shutil.copyfile(audit_demo_master, tmp_path / "demo.ipaudit"))
    window.resize(1366, 696)
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        assert window.open_path(demo)
    page = window.page
    assert page is not None
    size = window.size()
    entries = [a for a in window.menus.audit.actions() if not a.isSeparator()]
    assert len(entries) == 7 and all(a.isVisible() and a.isEnabled() for a in entries)
    for action in entries:
        action.trigger()
        QApplication.processEvents()
        tab = page.tabs.currentWidget()
        title = page.tabs.tabText(page.tabs.currentIndex())
        assert tab.isVisible() and title and title in action.text().replace("&", "")
        assert window.size() == size, title  # no tab makes the window larger than the screen
    assert page.tabs.count() == 3 + len(entries)
