"""Opening a workspace in a shown window: the views paint first, the checks start after."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject

from ipaudit.ui import workers
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.settings import Settings


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    yield win
    win.close()
    workers.wait_all()


def test_the_checks_start_once_the_opened_workspace_has_painted(
    window: MainWindow, demo_path: Path, qtbot
) -> None:
    window.show()
    qtbot.waitExposed(window)
    paints = PaintCounter()
    window.installEventFilter(paints)
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000) as opened:
        window.open_later(demo_path)
    session = opened.args[0]
    # no worker competes with building and painting the views
    assert session.assessment is None and session._task is None
    before = paints.count
    qtbot.waitUntil(
        lambda: session._task is not None or session.assessment is not None, timeout=10_000
    )
    assert paints.count > before  # the window painted the workspace before the checks began
    with qtbot.waitSignal(session.assessed, timeout=20_000):
        pass
    assert window.readiness_label.text() != ""


def test_a_hidden_window_checks_at_once(window: MainWindow, demo_path: Path, qtbot) -> None:
    assert window.open_path(demo_path)
    session = window.session
    assert session is not None and session._task is not None
    with qtbot.waitSignal(session.assessed, timeout=20_000):
        pass


def test_a_workspace_closed_before_the_paint_is_not_checked(
    window: MainWindow, demo_path: Path, qtbot
) -> None:
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000) as opened:
        window.open_later(demo_path)
    session = opened.args[0]
    window.close_workspace()
    qtbot.wait(200)  # the paint and the deferred start have come and gone
    assert session._task is None and session.assessment is None
