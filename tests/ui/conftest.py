"""Fixtures for the GUI tests: isolated settings, a fresh copy of the demo workspace per test."""

from __future__ import annotations

import shutil
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


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ipaudit.demo.build import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "demo.ipaudit")


@pytest.fixture
def demo_path(demo_master: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.ipaudit"
    shutil.copyfile(demo_master, target)
    return target


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
    an open workspace define their own ``window``)."""
    from ipaudit.ui import i18n, workers
    from ipaudit.ui.main_window import MainWindow
    from ipaudit.ui.settings import Settings

    i18n.set_language("zh")
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    workers.wait_all()
    i18n.reset()
