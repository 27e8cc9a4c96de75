"""Fixtures for the GUI tests: isolated settings, the main window, the error boxes shown (the
demo workspace, ``demo_path``, comes from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory: pytest.TempPathFactory, qapp) -> Iterator[Path]:
    """QSettings go to a temporary folder; no test reads or writes the user's real settings."""
    folder = tmp_path_factory.mktemp("settings")
    QCoreApplication.setOrganizationName("ipaudit-tests")
    QCoreApplication.setApplicationName("ipaudit-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    QSettings().clear()


@pytest.fixture(autouse=True)
def language_reset() -> Iterator[None]:
    """Each test starts with the language as a fresh test process has it (no translators,
    ``language()`` "zh"), whichever test ran before it on the same worker; a test that needs a
    language sets it."""
    yield
    from ipaudit.ui import i18n

    i18n.reset()


@pytest.fixture
def session(demo_path: Path, qtbot) -> Iterator[object]:
    from ipaudit.services import Workspace
    from ipaudit.ui.session import WorkspaceSession

    s = WorkspaceSession(Workspace.open(demo_path))
    with qtbot.waitSignal(s.assessed, timeout=10_000):
        s.assess_now()
    yield s
    s.close()


@pytest.fixture
def window(qtbot) -> Iterator[object]:
    """The main window in Chinese with no workspace open (test files that need another language or
    an open workspace define their own ``window``, mostly with ``helpers.main_window``)."""
    from tests.ui.helpers import main_window

    with main_window(qtbot, "zh") as win:
        yield win


@pytest.fixture
def opened(qtbot, demo_path: Path) -> Iterator[object]:
    """The main window in Chinese with a copy of the demo open."""
    from tests.ui.helpers import main_window

    with main_window(qtbot, "zh") as win:
        with qtbot.waitSignal(win.workspaceOpened, timeout=10_000):
            assert win.open_path(demo_path)
        yield win


@pytest.fixture
def zh() -> Iterator[None]:
    """The user interface in Chinese for the test."""
    from ipaudit.ui import i18n

    i18n.set_language("zh")
    yield
    i18n.reset()


@pytest.fixture
def dialogs() -> Iterator[list[object]]:
    """The error and message boxes shown during the test; those still open are closed after it."""
    import shiboken6

    from ipaudit.ui import errors

    shown: list[object] = []
    errors.reporter().shown.connect(shown.append)
    yield shown
    errors.reporter().shown.disconnect(shown.append)
    for box in shown:
        if shiboken6.isValid(box):  # a box closed by its button deleted itself
            box.close()
