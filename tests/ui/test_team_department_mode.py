"""A department view on a local file through the real window: widening to the whole workspace or
to another department needs the manager's confirmation (the passphrase, when set); a workspace
held open by another program is announced with who, where and since when, and can be opened
read-only or anyway; this window's own presence is kept beside the file while it is open."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from ipaudit.services import Workspace, manager_passphrase
from ipaudit.store.file_lock import lock_path, read_holder
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.team.presence import OtherWriterBox
from ipaudit.ui.team.widen import ManagerPassphraseDialog, WidenDialog
from tests.factories import INFO
from tests.team_holder import hold, let_go
from tests.ui.helpers import main_window


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, INFO).close()
    return path


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:
    with main_window(qtbot, "en", size=(1366, 768)) as win:
        yield win


def ok_button(dialog: QDialog) -> object:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_without_a_passphrase_the_user_confirms_being_the_manager(
    window: MainWindow, path: Path, dialogs: list, qtbot
) -> None:
    assert window.open_path(path, "rnd")
    assert window.session is not None and window.session.department_only == "rnd"
    assert window.acts.open_whole.isVisible()
    window.acts.open_whole.trigger()
    dialog = dialogs[-1]
    assert isinstance(dialog, WidenDialog) and not dialog.protected
    assert "every right" in dialog.note.text() and "team server" in dialog.note.text()
    assert not ok_button(dialog).isEnabled()  # nothing widens with one click
    assert window.session.department_only == "rnd"
    dialog.confirm.setChecked(True)
    assert ok_button(dialog).isEnabled()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert window.session is not None and window.session.department_only is None


def test_cancelling_keeps_the_department_view(
    window: MainWindow, path: Path, dialogs: list
) -> None:
    window.open_path(path, "rnd")
    window.open_whole()
    dialogs[-1].reject()
    assert window.session is not None and window.session.department_only == "rnd"


def test_with_a_passphrase_only_the_right_one_widens(
    window: MainWindow, path: Path, dialogs: list, qtbot
) -> None:
    with Workspace.open(path) as ws:
        manager_passphrase.set_passphrase(ws, "chen-2025")
    window.open_path(path, "rnd")
    window.open_whole()
    dialog = dialogs[-1]
    assert isinstance(dialog, WidenDialog) and dialog.protected
    assert not dialog.confirm.isVisible()
    qtbot.keyClicks(dialog.passphrase, "guess-123")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.problem.isVisible()
    assert "not the manager passphrase" in dialog.problem.text()
    assert window.session.department_only == "rnd"
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, "chen-2025")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert window.session is not None and window.session.department_only is None


def test_another_department_needs_the_confirmation_too(
    window: MainWindow, path: Path, dialogs: list
) -> None:
    window.open_path(path, "rnd")
    assert window.open_for_department(None, "hr_admin")
    assert isinstance(dialogs[-1], WidenDialog)
    assert window.session.department_only == "rnd"
    dialogs[-1].confirm.setChecked(True)
    dialogs[-1].accept()
    assert window.session is not None and window.session.department_only == "hr_admin"


def test_the_manager_sets_the_passphrase_in_the_whole_workspace(
    window: MainWindow, path: Path, qtbot
) -> None:
    window.open_path(path)
    assert window.acts.manager_passphrase.isEnabled()
    dialog = window.set_manager_passphrase()
    assert isinstance(dialog, ManagerPassphraseDialog)
    qtbot.keyClicks(dialog.new, "chen-2025")
    qtbot.keyClicks(dialog.repeat, "chen-2026")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "differ" in dialog.problem.text()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "chen-2025")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert manager_passphrase.check(window.session.workspace, "chen-2025")
    # a department view cannot change it
    window.open_path(path, "rnd")
    assert not window.acts.manager_passphrase.isEnabled()
    assert window.set_manager_passphrase() is None


def test_this_window_keeps_its_presence_while_the_workspace_is_open(
    window: MainWindow, path: Path
) -> None:
    window.open_path(path)
    holder = read_holder(path)
    assert holder is not None and holder.pid == os.getpid()
    window.close_workspace()
    assert not lock_path(path).exists()
    # read-only opening claims nothing
    window.adopt(Workspace.open(path, read_only=True))
    assert not lock_path(path).exists()


def test_another_program_holding_the_file_is_named_and_read_only_is_offered(
    window: MainWindow, path: Path, dialogs: list, qtbot
) -> None:
    proc = hold(path, "王伟")
    try:
        assert window.open_path(path)
        box = dialogs[-1]
        assert isinstance(box, OtherWriterBox)
        assert window.session is None  # nothing is shown before the user chooses
        text = box.informativeText()
        assert "王伟" in text and str(proc.pid) in text and "since" in text
        window.grab().save(str(path.with_name("other-writer-window.png")))
        box.grab().save(str(path.with_name("other-writer.png")))
        qtbot.mouseClick(box.read_only_button, Qt.MouseButton.LeftButton)
        assert window.session is not None and window.session.read_only
        assert read_holder(path).pid == proc.pid  # type: ignore[union-attr]  # theirs, untouched

        window.close_workspace()
        window.open_path(path)
        box = dialogs[-1]
        assert isinstance(box, OtherWriterBox)
        qtbot.mouseClick(box.anyway_button, Qt.MouseButton.LeftButton)
        assert window.session is not None and not window.session.read_only
        assert read_holder(path).pid == os.getpid()  # type: ignore[union-attr]

        window.close_workspace()
    finally:
        let_go(proc)


def test_cancelling_the_warning_opens_nothing(
    window: MainWindow, path: Path, dialogs: list, qtbot
) -> None:
    proc = hold(path)
    try:
        with qtbot.waitSignal(window.openFailed):
            window.open_path(path)
            dialogs[-1].reject()
        assert window.session is None
    finally:
        let_go(proc)


def test_every_way_of_opening_the_same_file_whole_asks_the_manager(
    window: MainWindow, path: Path, dialogs: list, qtbot
) -> None:
    window.open_path(path, "rnd")
    assert window.open_path(path)  # File → Open… of the same file
    assert isinstance(dialogs[-1], WidenDialog)
    dialogs[-1].reject()
    assert window.session.department_only == "rnd"
    shown = len(dialogs)
    window.open_later(path)  # Open recent, a dropped file
    qtbot.waitUntil(lambda: len(dialogs) > shown)
    assert isinstance(dialogs[-1], WidenDialog)
    dialogs[-1].confirm.setChecked(True)
    with qtbot.waitSignal(window.workspaceOpened):
        dialogs[-1].accept()
    assert window.session is not None and window.session.department_only is None
    # the whole workspace may show one department without asking anyone
    before = len(dialogs)
    window.open_path(path, "rnd")
    assert window.session.department_only == "rnd"
    assert len(dialogs) == before


def test_widening_a_file_someone_else_holds_asks_each_question_once(
    window: MainWindow, path: Path, dialogs: list, qtbot
) -> None:
    window.open_path(path, "rnd")
    proc = hold(path, "王伟")  # another copy opened it anyway meanwhile
    try:
        window.open_whole()
        assert isinstance(dialogs[-1], WidenDialog)
        dialogs[-1].confirm.setChecked(True)
        dialogs[-1].accept()
        box = dialogs[-1]
        assert isinstance(box, OtherWriterBox)
        with qtbot.waitSignal(window.workspaceOpened):
            qtbot.mouseClick(box.anyway_button, Qt.MouseButton.LeftButton)
        assert window.session is not None and window.session.department_only is None
        assert len([d for d in dialogs if isinstance(d, WidenDialog)]) == 1
    finally:
        let_go(proc)
