"""The main window on the screens of real office laptops, in both languages.

Each configuration runs ``tools/screenshots.py --check`` in its own process, with the offscreen
platform's screen set to the real pixel size and ``QT_SCALE_FACTOR`` to the display scaling, so the
window meets the screen as it would on the desk (a widget resize would not scale fonts and icons).
The configurations run side by side: each process spends most of its time letting the window settle
after showing a view, so the three together take little longer than one.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest
from PySide6.QtCore import Qt

from ipaudit.ui import i18n, panels, workers
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]

SCREENS = [("1366x768", 1.0), ("1920x1080", 1.25), ("1920x1080", 1.5)]


def _check_command(screen: str, scale: float) -> list[str]:
    return [
        sys.executable,
        str(ROOT / "tools" / "screenshots.py"),
        *("--screen", screen, "--scale", str(scale), "--lang", "both"),
        "--check",
        "--no-images",
    ]


@pytest.fixture(scope="module")
def fit_reports(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Callable[[str, float], list[dict]]]:
    """The fit reports of a configuration, one run per configuration serving every test of it;
    the first test that needs one starts every configuration the selected tests ask for."""
    here = request.module.__name__
    configs = sorted(
        {
            (item.callspec.params["screen"], item.callspec.params["scale"])
            for item in request.session.items
            if item.module is not None
            and item.module.__name__ == here
            and hasattr(item, "callspec")
            and "screen" in item.callspec.params
        }
    )
    folder = tmp_path_factory.mktemp("fits")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    started: dict[tuple[str, float], tuple[subprocess.Popen, IO[str], IO[str]]] = {}
    finished: dict[tuple[str, float], tuple[int, str, str]] = {}
    with contextlib.ExitStack() as files:

        def reports(screen: str, scale: float) -> list[dict]:
            if not started:
                for n, config in enumerate(configs):
                    out = files.enter_context((folder / f"{n}.out").open("w+", encoding="utf-8"))
                    err = files.enter_context((folder / f"{n}.err").open("w+", encoding="utf-8"))
                    process = subprocess.Popen(
                        _check_command(*config), stdout=out, stderr=err, cwd=ROOT, env=env
                    )
                    started[config] = (process, out, err)
            if (screen, scale) not in finished:
                process, out, err = started[(screen, scale)]
                returncode = process.wait(timeout=900)
                out.seek(0)
                err.seek(0)
                finished[(screen, scale)] = (returncode, out.read(), err.read())
            returncode, stdout, stderr = finished[(screen, scale)]
            if returncode == 2 and "font" in stderr:
                pytest.skip("no CJK font installed (fonts-noto-cjk)")
            assert returncode == 0, stderr[-3000:]
            return [json.loads(line) for line in stdout.splitlines() if line.startswith("{")]

        yield reports
        for process, _, _ in started.values():  # none left running, whatever the tests did
            if process.poll() is None:
                process.kill()
            process.wait()


@pytest.mark.parametrize(("screen", "scale"), SCREENS, ids=[f"{s}@{f:g}" for s, f in SCREENS])
def test_every_main_view_fits_the_screen(screen: str, scale: float, fit_reports) -> None:
    reports = fit_reports(screen, scale)
    assert [r["lang"] for r in reports] == ["zh", "en"]
    for r in reports:
        where = f"{r['lang']} on {screen} at {scale:g}"
        height = r["screen"][1]
        assert r["min_height"] <= 640, where
        assert r["window_height"] <= height, where  # no view made the window taller
        assert r["status_bar_bottom"] <= r["window_height"], where
        assert r["item_panel_sideways"] == [], where
        assert r["dashboard_elided"] == [], where
        assert r["findings_rows"] >= 4, where
        # the findings filters as each department is shown: a name whole, or shortened with "…"
        # and whole in the tool tip, never cut off ("Marketing an" in English at 150 %)
        assert r["findings_combos_clipped"] == [], where
        assert r["objectives_rows"] >= 3, where
        assert r["objectives_sum_visible"], where
        # the facts tab opens on the objectives list: its header and three rows need no scrolling
        assert r["objectives_below_fold"] == 0, where
        assert r["objectives_scrolled"] == 0, where
        assert r["objectives_headers_clipped"] == [], where


#: the Audit menu's tabs, the department packet dialogs and the team dialogs (tools/screenshots.py)
NEW_VIEWS = {
    *(f"audit-{k}" for k in ("plan", "rehearsal", "requests", "mock_audit", "actions")),
    *("audit-apply", "audit-next_cycle", "mock-audit-report"),
    *("packet-export", "packet-import"),
    *("team-open", "team-widen", "team-passphrase", "team-other-writer", "team-not-saved"),
}


@pytest.mark.parametrize(("screen", "scale"), SCREENS, ids=[f"{s}@{f:g}" for s, f in SCREENS])
def test_the_audit_views_packet_and_team_dialogs_fit(
    screen: str, scale: float, fit_reports
) -> None:
    for r in fit_reports(screen, scale):
        views = r["views"]
        assert set(views) == NEW_VIEWS
        assert {f"audit-{key}" for key in panels.AUDIT_VIEWS} <= set(views)  # every Audit tab
        width, height = r["screen"]
        for name, fit in views.items():
            where = f"{name}, {r['lang']} on {screen} at {scale:g}"
            assert not fit["too_big"], where  # the window (or dialog) stays on the screen
            if "window" in fit:  # a tab of the main window: it did not grow
                assert fit["window"][0] <= width and fit["window"][1] <= height, where
            assert fit["labels_clipped"] == [], where
            assert fit["buttons_clipped"] == [], where
            assert fit["combos_clipped"] == [], where
            assert fit["tables_short"] == [], where
            assert fit["sideways"] == [], where  # tables elide (tool tips), forms wrap
            # no column title elided, at 150 % too: the plan's people ("Department") and the
            # corrective actions ("Nonconformity") share their width by fit.share_columns
            assert fit["headers_clipped"] == [], where


@pytest.fixture
def window(qtbot, demo_path: Path):
    i18n.set_language("en")
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.workspaceOpened, timeout=10_000):
        win.open_path(demo_path)
    yield win
    win.close()
    workers.wait_all()
    i18n.reset()


def test_the_findings_dock_folds_to_its_title_and_remembers_it(qtbot, window, demo_path) -> None:
    dock = window.findings_dock
    panel = window.page.findings
    assert panel.isVisible()
    qtbot.mouseClick(dock.title_bar.fold, Qt.MouseButton.LeftButton)
    assert dock.collapsed and not panel.isVisible()
    assert dock.height() <= dock.title_bar.sizeHint().height() + 2
    assert Settings().findings_collapsed
    window.close_workspace()
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.open_path(demo_path)
    assert window.findings_dock.collapsed and not window.page.findings.isVisible()
    qtbot.mouseDClick(dock.title_bar, Qt.MouseButton.LeftButton)
    assert not dock.collapsed and window.page.findings.isVisible()
    assert not Settings().findings_collapsed


def test_the_findings_dock_title_counts_what_it_lists(qtbot, window) -> None:
    window.show_department("finance")
    text = window.findings_dock.title_bar.label.text()
    shown = window.page.findings.proxy.rowCount()
    assert "Finance" in text and text.endswith(f"· {shown} findings")
