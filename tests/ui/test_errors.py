"""Expected failures get a translated message box; everything else reaches the crash dialog."""

from __future__ import annotations

import logging
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from ipaudit.ledger.errors import HeaderNotFound
from ipaudit.services import Workspace
from ipaudit.store.errors import (
    InvalidInput,
    NotAWorkspace,
    WorkspaceLocked,
    WorkspaceNotFound,
    WorkspaceTooNew,
)
from ipaudit.ui import errors, i18n, workers
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.settings import Settings


@pytest.fixture
def shown(qapp) -> Iterator[list[QDialog]]:
    """Every error dialog opened during the test (closed afterwards: nothing blocks)."""
    i18n.set_language("zh")
    dialogs: list[QDialog] = []
    errors.reporter().shown.connect(dialogs.append)
    yield dialogs
    errors.reporter().shown.disconnect(dialogs.append)
    for d in dialogs:
        d.close()
    i18n.reset()


@pytest.fixture
def window(qtbot, shown) -> Iterator[MainWindow]:
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    workers.wait_all()


def the_box(shown: list[QDialog]) -> errors.ExpectedErrorBox:
    assert len(shown) == 1
    box = shown[0]
    assert isinstance(box, errors.ExpectedErrorBox)
    assert box.isVisible()
    return box


def test_not_a_workspace(window: MainWindow, shown, tmp_path: Path) -> None:
    path = tmp_path / "notes.ipaudit"
    path.write_text("这只是一个文本文件", "utf-8")
    assert not window.open_path(path)
    box = the_box(shown)
    assert box.text() == "无法打开工作区。"
    assert box.informativeText() == NotAWorkspace(path, "not a database").message("zh")
    assert "请选择 .ipaudit 文件" in box.informativeText()  # what to do
    assert window.session is None


def test_newer_version(window: MainWindow, shown, tmp_path: Path) -> None:
    from ipaudit.demo.content import INFO

    path = tmp_path / "future.ipaudit"
    Workspace.create(path, INFO).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    before = path.read_bytes()
    assert not window.open_path(path)
    box = the_box(shown)
    assert isinstance(box.exc, WorkspaceTooNew)
    assert "较新版本" in box.informativeText() and "请升级" in box.informativeText()
    assert path.read_bytes() == before  # untouched


def test_locked_by_another_program(window: MainWindow, shown, tmp_path: Path) -> None:
    from ipaudit.demo.content import INFO

    path = tmp_path / "busy.ipaudit"
    Workspace.create(path, INFO).close()
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("SELECT count(*) FROM meta").fetchone()
        assert not window.open_path(path)  # waits for the lock (a few seconds), then says so
    finally:
        other.close()
    box = the_box(shown)
    assert isinstance(box.exc, WorkspaceLocked)
    assert box.informativeText() == WorkspaceLocked(path).message("zh")
    assert "请关闭另一处打开的 ipaudit" in box.informativeText()


def test_a_missing_recent_file_is_explained_and_forgotten(
    window: MainWindow, shown, tmp_path: Path
) -> None:
    gone = tmp_path / "gone.ipaudit"
    Settings().add_recent(gone)
    assert not window.open_path(gone)
    box = the_box(shown)
    assert isinstance(box.exc, WorkspaceNotFound)
    assert Settings().recent_files == []


def test_the_message_follows_the_language(window: MainWindow, shown, tmp_path: Path, qtbot) -> None:
    path = tmp_path / "notes.ipaudit"
    path.write_text("plain text", "utf-8")
    i18n.set_language("en")
    window.open_path(path)
    box = the_box(shown)
    assert box.text() == "The workspace could not be opened."
    assert box.informativeText() == NotAWorkspace(path, "not a database").message("en")
    i18n.set_language("zh")  # while it is open
    zh = NotAWorkspace(path, "not a database").message("zh")
    qtbot.waitUntil(lambda: box.informativeText() == zh)
    assert box.text() == "无法打开工作区。"


def test_an_unexpected_error_reaches_the_crash_dialog(
    shown, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    log_file = tmp_path / "ipaudit.log"
    errors.set_log_file(log_file)

    def broken() -> None:
        raise ZeroDivisionError("division by zero in a slot")

    try:
        broken()
    except ZeroDivisionError:
        exc_type, exc, tb = sys.exc_info()
    with caplog.at_level(logging.ERROR, logger="ipaudit"):
        errors.excepthook(exc_type, exc, tb)  # what sys.excepthook runs
    assert len(shown) == 1
    dialog = shown[0]
    assert isinstance(dialog, errors.CrashDialog) and dialog.isVisible()
    details = dialog.details.toPlainText()
    assert "ZeroDivisionError: division by zero in a slot" in details
    assert "in broken" in details  # the traceback
    assert str(log_file) in dialog.log_label.text()
    assert "日志文件" in dialog.log_label.text()
    assert any("uncaught exception" in r.message for r in caplog.records)
    errors.set_log_file(None)


def test_an_expected_error_reaching_the_hook_is_not_a_crash(shown) -> None:
    exc = InvalidInput("没有部门“x”。", "There is no department 'x'.")
    errors.excepthook(InvalidInput, exc, None)
    box = the_box(shown)
    assert box.informativeText() == "没有部门“x”。"


def test_task_failures_are_sorted(qtbot, shown) -> None:
    def expected(_ctx: workers.TaskContext) -> None:
        raise HeaderNotFound("ledger.xlsx", "Sheet1", 20)

    def bug(_ctx: workers.TaskContext) -> None:
        raise KeyError("nobody expected this")

    for fn in (expected, bug, bug):
        task = errors.watch(workers.Task(fn, fn.__name__))
        with qtbot.waitSignal(task.failed, timeout=10_000):
            workers.start(task)
    assert isinstance(shown[0], errors.ExpectedErrorBox)
    assert shown[0].informativeText() == HeaderNotFound("ledger.xlsx", "Sheet1", 20).message("zh")
    crash = shown[1]
    assert isinstance(crash, errors.CrashDialog)
    assert len(shown) == 2  # the second crash joined the open crash dialog
    assert crash.details.toPlainText().count("KeyError: 'nobody expected this'") == 2


def test_os_errors_with_a_file_are_expected(shown, tmp_path: Path) -> None:
    exc = PermissionError(13, "Permission denied", str(tmp_path / "copy.ipaudit"))
    assert errors.is_expected(exc)
    assert isinstance(exc, errors.expected_types())
    errors.show_error(exc, None, "")
    box = the_box(shown)
    assert "copy.ipaudit" in box.informativeText() and "权限" in box.informativeText()
    assert not errors.is_expected(OSError("no file involved"))


def test_template_errors_are_expected(qapp) -> None:
    from ipaudit.domain.template import TemplateError, TemplateProblem

    exc = TemplateError("t.yaml", [TemplateProblem("items[3].kind", "unknown kind", "未知类型")])
    assert "未知类型" in (errors.expected_message(exc, "zh") or "")
    assert "unknown kind" in (errors.expected_message(exc, "en") or "")
