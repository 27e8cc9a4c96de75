"""At start-up the window shows the readiness the workspace last recorded (read with the standard
sqlite3 module, no database layer) until the workspace's page replaces it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QProgressBar

from ipaudit.demo import content
from ipaudit.services import Workspace
from ipaudit.store.last_readiness import read_last_readiness
from ipaudit.ui import i18n, workers
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.settings import Settings
from ipaudit.ui.stored_readiness import StoredReadinessView

from .test_app import data_dir, run_app
from .test_startup_imports import database_layer_loaded


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    yield win
    win.close()
    workers.wait_all()


def test_the_newest_snapshot_is_read_with_its_departments(tmp_path: Path) -> None:
    path = tmp_path / "w.ipaudit"
    ws = Workspace.create(path, content.INFO)
    keys = [d.key for d in ws.departments(active_only=True)]
    ws.record_snapshot(dt.date(2026, 11, 1), 50.0, dict.fromkeys(keys, 50.0), 9)
    ws.record_snapshot(dt.date(2026, 12, 1), 72.5, {keys[0]: 80.0, keys[1]: 65.5}, 3)
    ws.close()

    stored = read_last_readiness(path)
    assert stored is not None
    assert stored.day == dt.date(2026, 12, 1)
    assert (stored.overall, stored.blocking) == (72.5, 3)
    assert stored.company == content.INFO.company
    assert [(d.key, d.percent) for d in stored.departments] == [(keys[0], 80.0), (keys[1], 65.5)]

    one = read_last_readiness(path, keys[1])
    assert one is not None
    assert one.overall == 65.5 and one.blocking is None  # the count is the whole workspace's
    assert [d.key for d in one.departments] == [keys[1]]
    assert read_last_readiness(path, "no_such_department") is None


def test_nothing_is_read_without_a_snapshot_or_from_another_file(tmp_path: Path) -> None:
    path = tmp_path / "new.ipaudit"
    Workspace.create(path, content.INFO).close()
    assert read_last_readiness(path) is None  # never checked yet
    other = tmp_path / "notes.ipaudit"
    other.write_text("not a workspace", "utf-8")
    assert read_last_readiness(other) is None
    assert read_last_readiness(tmp_path / "missing.ipaudit") is None


def test_reading_it_loads_no_database_layer(demo_path: Path) -> None:
    code = (
        "from ipaudit.store.last_readiness import read_last_readiness\n"
        f"assert read_last_readiness({str(demo_path)!r}) is not None\n"
    )
    assert database_layer_loaded(code) == (False, False)


def test_the_stored_readiness_shows_until_the_page_replaces_it(
    window: MainWindow, demo_path: Path, qtbot
) -> None:
    i18n.set_language("en")
    stored = read_last_readiness(demo_path)
    assert stored is not None
    window.show_stored_readiness(stored)
    window.show()
    qtbot.waitExposed(window)
    view = window.stored_view
    assert isinstance(view, StoredReadinessView)
    assert window.stack.currentWidget() is view and view.isVisible()
    assert stored.day.isoformat() in view.title_label.text()
    assert view.overall_value.text() == f"{stored.overall:g}%"
    bars = view.findChildren(QProgressBar)
    assert len(bars) == len(stored.departments) > 0
    assert view.department_labels[0].text() == stored.departments[0].name_en

    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000) as opened:
        window.open_later(demo_path)
    session = opened.args[0]
    # the page replaced the stored figures before the checks ran
    assert session.assessment is None
    assert window.stored_view is None
    assert window.stack.currentWidget() is window.page
    assert window.stack.indexOf(view) == -1
    with qtbot.waitSignal(session.assessed, timeout=20_000):
        pass
    assert window.stack.currentWidget() is window.page
    assert not any(
        isinstance(w, StoredReadinessView) and w.isVisible()
        for w in window.findChildren(StoredReadinessView)
    )


def test_a_failed_opening_takes_the_stored_readiness_away(
    window: MainWindow, demo_path: Path, tmp_path: Path, qtbot
) -> None:
    stored = read_last_readiness(demo_path)
    assert stored is not None
    window.show_stored_readiness(stored)
    window.show()
    qtbot.waitExposed(window)
    broken = tmp_path / "broken.ipaudit"
    broken.write_text("not a workspace", "utf-8")
    with qtbot.waitSignal(window.openFailed, timeout=10_000):
        window.open_later(broken)
    assert window.stored_view is None
    assert window.stack.currentWidget() is window.welcome


def test_the_app_paints_the_stored_readiness_first(tmp_path: Path, demo_path: Path) -> None:
    home = tmp_path / "home"
    done = run_app(home, "gui", "--smoke", str(demo_path))
    assert done.returncode == 0, done.stderr
    tags = [line.split()[0] for line in done.stdout.splitlines()]
    assert tags == ["IPAUDIT_FIRST_PAINT", "IPAUDIT_STORED_SHOWN", "IPAUDIT_WORKSPACE_SHOWN"]
    log = (data_dir(home) / "logs" / "ipaudit.log").read_text("utf-8")
    assert log.index("IPAUDIT_STORED_SHOWN") < log.index(f"opened {demo_path}")

    off = run_app(
        tmp_path / "home2",
        "gui",
        "--smoke",
        str(demo_path),
        extra_env={"IPAUDIT_STORED_READINESS": "0"},
    )
    assert off.returncode == 0, off.stderr
    assert "IPAUDIT_STORED_SHOWN" not in off.stdout
    assert "IPAUDIT_WORKSPACE_SHOWN" in off.stdout
