"""The corrective actions table at 150 % display scaling (1920×1080): sorting by any column,
the Nonconformity column (which shares the table's width) included, never makes it scroll
sideways — the table keeps the sort arrow's room in reserve (fit.share_columns).

Like tests/ui/test_layout_fits.py, the window runs in its own process, with the offscreen
platform's screen at the real pixel size and ``QT_SCALE_FACTOR`` at the scaling."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, os, shutil, sys, tempfile
from pathlib import Path

sys.path.insert(0, os.getcwd())
from tools.screenshots import screen_config

tmp = Path(tempfile.mkdtemp(prefix="ipaudit-sort-"))
os.environ["IPAUDIT_DATA_DIR"] = str(tmp / "data")
os.environ["QT_SCALE_FACTOR"] = "1.5"
from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

QCoreApplication.setOrganizationName("ipaudit-sort-check")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
platform = f"offscreen:configfile={screen_config(tmp, 1920, 1080)}"
app = QApplication(["ipaudit", "-platform", platform])


def settle(ms=50):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


from ipaudit.ui import i18n, workers
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.settings import Settings

# a copy of the demo with its audit day (the session's audit_demo_master)
demo = Path(shutil.copyfile(sys.argv[1], tmp / "demo.ipaudit"))
for lang in ("en", "zh"):
    i18n.set_language(lang)
    window = MainWindow(Settings())
    window.setGeometry(app.primaryScreen().availableGeometry().adjusted(0, 0, 0, -60))
    window.show()
    window.open_path(demo)
    while window.session is None or window.session.assessment is None:
        settle()
    table = window.show_audit_view("actions").table
    settle(300)
    header = table.horizontalHeader()
    report = {"lang": lang, "viewport": table.viewport().width(), "sorts": []}
    for col in range(header.count()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            table.sortByColumn(col, order)
            settle()
            widths = [header.sectionSize(c) for c in range(header.count())]
            report["sorts"].append(
                {
                    "col": col,
                    "title": str(table.model().headerData(col, Qt.Orientation.Horizontal)),
                    "scroll": table.horizontalScrollBar().maximum(),
                    "over": sum(widths) - table.viewport().width(),
                    "widths": widths,
                }
            )
    print(json.dumps(report, ensure_ascii=False))
    window.close()
    workers.wait_all()
    window.deleteLater()
    settle()
"""


def test_sorting_the_actions_never_scrolls_sideways_at_150_percent(audit_demo_master: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(audit_demo_master)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    reports = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert [r["lang"] for r in reports] == ["en", "zh"]
    for report in reports:
        sorts = report["sorts"]
        assert len(sorts) == 18  # nine columns, both ways
        assert any(s["title"] in ("Nonconformity", "不符合事实") for s in sorts)
        for s in sorts:
            where = f"{report['lang']}, sorted by {s['title']}: {s['widths']}"
            assert s["scroll"] == 0 and s["over"] <= 0, where
