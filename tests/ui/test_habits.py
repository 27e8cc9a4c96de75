"""Office habits: Ctrl+S, F1 for the guide, import and export on the tool bar, a first start that
offers a new workspace or the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QToolButton

from ipaudit.domain.model import Status
from ipaudit.ui import commands, i18n
from ipaudit.ui.help_dialog import HelpDialog, guide_text


def _wal_pages(path: Path) -> int:
    wal = path.with_name(path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_ctrl_s_says_everything_is_saved_and_folds_the_log(qtbot, window, demo_path) -> None:
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.open_path(demo_path)
    session = window.session
    item = session.workspace.items_of("rnd")[0].key
    commands.set_status(session, item, Status.IN_PROGRESS, "")
    assert _wal_pages(demo_path) > 0  # the edit is committed to the write-ahead log
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage().startswith("所有更改均已保存")
    assert _wal_pages(demo_path) == 0
    assert session.workspace.state(item).status is Status.IN_PROGRESS


def test_f1_opens_the_guide_in_the_ui_language(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(HelpDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "一次外审怎样准备" in text and "How an audit goes" not in text
    i18n.set_language("en")  # the guide follows a language switch
    browser = dialog.findChild(QTextBrowser)
    qtbot.waitUntil(lambda: "How an audit goes" in browser.toPlainText(), timeout=5_000)
    for lang in ("zh", "en"):  # every view of the window is explained
        assert len(guide_text(lang).split("\n- **")) >= 9


def test_import_and_export_are_on_the_tool_bar(qtbot, window, demo_path) -> None:
    bar = window.menus.toolbar
    assert window.acts.import_ledger in bar.actions() and window.acts.export_pack in bar.actions()
    buttons = {b.defaultAction(): b for b in bar.findChildren(QToolButton) if b.defaultAction()}
    assert buttons[window.acts.import_ledger].text() == "导入台账"
    assert not buttons[window.acts.export_pack].isEnabled()  # no workspace yet
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.open_path(demo_path)
    window.menus.file.aboutToShow.emit()
    assert buttons[window.acts.export_pack].isEnabled()


def test_the_first_start_offers_a_new_workspace_or_the_demo(qtbot, window) -> None:
    welcome = window.welcome
    assert window.session is None and window.stack.currentWidget() is welcome
    assert welcome.start_hint.isVisible() and "演示" in welcome.start_hint.text()
    assert welcome.demo_button.text() == "看看演示"
    with qtbot.waitSignal(welcome.newRequested):
        qtbot.mouseClick(welcome.new_button, Qt.MouseButton.LeftButton)


def test_opening_in_the_background_says_so_and_fills_the_window(qtbot, window, demo_path) -> None:
    welcome = window.welcome
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.open_later(demo_path)
        assert welcome.opening_label.isVisible()
        assert demo_path.name in welcome.opening_label.text()
        assert not welcome.new_button.isEnabled()  # nothing else starts meanwhile
    assert window.stack.currentWidget() is window.page
    assert not welcome.opening_label.isVisible() and welcome.new_button.isEnabled()


def test_a_workspace_that_cannot_be_opened_gives_the_welcome_page_back(
    qtbot, window, tmp_path
) -> None:
    from ipaudit.ui import errors

    bogus = tmp_path / "bogus.ipaudit"
    bogus.write_text("not a database", "utf-8")
    with qtbot.waitSignal(errors.reporter().shown, timeout=10_000) as shown:
        window.open_later(bogus)
    shown.args[0].close()
    assert window.session is None and window.welcome.new_button.isEnabled()
    assert "不是数据库文件" in shown.args[0].informativeText()  # the detail in Chinese
