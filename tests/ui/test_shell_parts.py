"""The small parts of the shell: settings, icons, the task progress dialog, panel placeholders."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from ipaudit.domain.model import Grade, Status
from ipaudit.progress import Cancelled
from ipaudit.ui import icons, panels, workers
from ipaudit.ui.progress import TaskProgressDialog
from ipaudit.ui.settings import MAX_RECENT, Settings


def test_settings_have_declared_defaults(qapp) -> None:
    s = Settings()
    assert s.language == ""
    assert s.recent_files == []
    assert s.last_workspace == ""
    assert s.geometry.isEmpty() and s.window_state.isEmpty()
    with pytest.raises(KeyError):
        s.set_value("undeclared", 1)


def test_recent_files_newest_first_without_duplicates(qapp, tmp_path: Path) -> None:
    s = Settings()
    one = tmp_path / "one.ipaudit"
    s.add_recent(one)  # a list of one survives the settings file
    assert Settings().recent_files == [str(one.resolve())]
    for n in range(MAX_RECENT + 3):
        s.add_recent(tmp_path / f"w{n}.ipaudit")
    s.add_recent(tmp_path / "w5.ipaudit")
    files = Settings().recent_files
    assert len(files) == MAX_RECENT
    assert files[0] == str((tmp_path / "w5.ipaudit").resolve())
    assert len(set(files)) == len(files)
    s.remove_recent(tmp_path / "w5.ipaudit")
    assert str((tmp_path / "w5.ipaudit").resolve()) not in Settings().recent_files


def test_settings_round_trip(qapp) -> None:
    s = Settings()
    s.language = "en"
    s.geometry = QByteArray(b"\x01\x02geometry")
    s.language = "fr"  # not a UI language: back to following the system
    assert Settings().language == ""
    assert Settings().geometry == QByteArray(b"\x01\x02geometry")


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_status_and_grade_icons_render_sharp(qapp, ratio: float) -> None:
    for status in Status:
        pix = icons.status_icon(status).pixmap(QSize(16, 16), ratio)
        assert not pix.isNull()
        assert pix.width() == int(16 * ratio)  # drawn for the screen, not scaled up
    for grade in Grade:
        assert not icons.grade_icon(grade).pixmap(QSize(16, 16), ratio).isNull()
    assert icons.grade_icon(None).isNull()
    assert {"app", "new", "open", "demo"} <= set(icons.icon_names())
    with pytest.raises(KeyError):
        icons.icon("no-such-icon")


def test_progress_dialog_follows_and_cancels_a_task(qtbot) -> None:
    release = threading.Event()

    def work(ctx: workers.TaskContext) -> None:
        ctx.progress(300_000_000, 400_000_000)  # bytes of a large file: scaled down
        while not ctx.cancelled():
            release.wait(0.01)
        raise Cancelled()

    task = workers.Task(work, "test")
    dialog = TaskProgressDialog(task, "正在处理测试", minimum_ms=0)  # deletes itself when done
    workers.start(task)
    qtbot.waitUntil(lambda: dialog.maximum() > 0)
    assert dialog.value() * 4 == dialog.maximum() * 3
    assert dialog.labelText() == "正在处理测试"
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    with qtbot.waitSignal(dialog.destroyed, timeout=10_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert task.cancel_requested.is_set()


def test_progress_dialog_closes_when_done(qtbot) -> None:
    task = workers.Task(lambda ctx: 42, "quick")
    dialog = TaskProgressDialog(task, minimum_ms=0, cancellable=False)
    qtbot.waitUntil(dialog.isVisible)
    with qtbot.waitSignal(dialog.destroyed, timeout=10_000):
        with qtbot.waitSignal(task.finished, timeout=10_000) as blocker:
            workers.start(task)
        assert blocker.args == [42]


def test_every_panel_and_tool_is_part_of_the_build() -> None:
    for key, loader in {**panels.PANELS, **panels.TOOLS}.items():
        assert issubclass(panels.load(loader), QWidget), key


def test_a_missing_panel_fails_loudly(
    qapp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # a panel whose module is missing, or fails on import, is a bug: no placeholder hides it
    (tmp_path / "broken_panel_mod.py").write_text("import not_installed_dependency_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    def broken() -> type:
        import broken_panel_mod  # type: ignore[import-not-found]

        return broken_panel_mod.Panel  # type: ignore[no-any-return]

    monkeypatch.setitem(panels.PANELS, "dashboard", broken)
    with pytest.raises(ModuleNotFoundError, match="not_installed_dependency_xyz"):
        panels.create_panel("dashboard", session=None)
