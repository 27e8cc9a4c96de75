"""Switching the UI language in Preferences: applied at once, remembered, and reversible."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ipaudit.ui import i18n, workers
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.preferences import PreferencesDialog
from ipaudit.ui.settings import Settings


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:
    i18n.set_language("zh")
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    workers.wait_all()
    i18n.reset()


def choose(dialog: PreferencesDialog, code: str) -> None:
    dialog.language.setCurrentIndex(dialog.language.findData(code))


def test_the_qm_file_is_built() -> None:
    assert i18n.qm_path("zh").is_file(), "run: .venv/bin/python tools/i18n.py"


def test_switching_to_english_and_back_changes_the_menus(
    window: MainWindow, demo_path, qtbot
) -> None:
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.open_path(demo_path)
    qtbot.waitUntil(lambda: window.readiness_label.text().startswith("就绪度"), timeout=10_000)
    assert window.menus.file.title() == "文件(&F)"
    assert window.acts.save_copy.text() == "另存副本(&C)…"
    assert window.page is not None and window.page.tabs.tabText(0) == "清单"

    dialog = window.show_preferences()
    assert isinstance(dialog, PreferencesDialog)
    assert dialog.windowTitle() == "首选项"
    choose(dialog, "en")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: window.menus.file.title() == "&File")
    assert i18n.language() == "en"
    assert Settings().language == "en"
    assert window.menus.edit.title() == "&Edit"
    assert window.acts.save_copy.text() == "Save a &copy as…"
    assert window.findings_dock.windowTitle() == "Findings"
    assert window.page.tabs.tabText(0) == "Checklist"
    assert window.readiness_label.text().startswith("Readiness")
    # department names come from the data in the chosen language
    names = [a.text() for a in window.menus.department_actions]
    assert "R&D" in names

    dialog = window.show_preferences()
    assert dialog.windowTitle() == "Preferences"
    choose(dialog, "zh")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Apply), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: window.menus.file.title() == "文件(&F)")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "首选项")  # an open dialog follows too
    assert "研发部" in [a.text() for a in window.menus.department_actions]
    assert Settings().language == "zh"
    dialog.reject()


def test_the_welcome_page_follows_the_language(window: MainWindow, qtbot) -> None:
    assert window.welcome.demo_button.text() == "看看演示"
    i18n.set_language("en")
    qtbot.waitUntil(lambda: window.welcome.demo_button.text() == "Look at the demo")
    assert window.windowTitle() == "ipaudit"


def test_following_the_system_clears_the_preference(
    window: MainWindow, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    Settings().language = "en"
    monkeypatch.setenv("IPAUDIT_LANG", "zh")
    dialog = PreferencesDialog(Settings(), window)
    qtbot.addWidget(dialog)
    assert dialog.chosen_language() == "en"
    assert "简体中文" in dialog.language.itemText(0)  # "as the system (简体中文)"
    choose(dialog, "")
    dialog.accept()
    assert Settings().language == ""
    assert i18n.language() == "zh"
