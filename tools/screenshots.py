#!/usr/bin/env python3
"""Render the main views of the desktop app to PNG, offscreen, on a real screen configuration.

    .venv/bin/python tools/screenshots.py                        # Chinese, 1366×768, docs/screenshots/
    .venv/bin/python tools/screenshots.py --lang both            # Chinese and English (-en files)
    .venv/bin/python tools/screenshots.py --screen 1920x1080 --scale 1.5 --out /tmp/shots
    .venv/bin/python tools/screenshots.py --check --lang both    # also print the fit report (JSON)

The screen is configured through the offscreen platform (its pixel size) and ``QT_SCALE_FACTOR``
(Windows' 125 % and 150 % display scaling), so the window sees what an office laptop shows. The
window takes the screen's height less a taskbar and a title bar (72 px), as a maximised window does.

It builds the demo workspace in a temporary folder and uses temporary settings, so nothing of the
user's is read or changed. Chinese needs a CJK font: the command checks with ``fc-list :lang=zh``
and otherwise says what to install (fonts-noto-cjk on Debian/Ubuntu).

Files: welcome, new-workspace (the departments step of the wizard), main-window (a department
selected, an item with a finding open), facts, findings, dashboard.

``--check`` prints one JSON object per language with what does not fit: the window's minimum height,
whether the status bar stays on screen, items whose panel scrolls sideways, elided dashboard texts,
the rows the findings dock and the objectives table show, whether the objectives list is in view on
the facts tab without scrolling and which of its department headers are cut off. The layout tests
read it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: a maximised window leaves room for the taskbar and its own title bar
TASKBAR_AND_TITLE = 72

CJK_HINT = (
    "No font with Chinese characters is installed, so the screenshots would show boxes.\n"
    "Install one, e.g. on Debian/Ubuntu:  sudo apt-get install fonts-noto-cjk"
)


def cjk_fonts() -> list[str] | None:
    """Installed font families covering Chinese, or None when fontconfig is not there to ask."""
    if shutil.which("fc-list") is None:
        return None
    done = subprocess.run(
        ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False
    )
    return sorted({line.split(",")[0].strip() for line in done.stdout.splitlines() if line.strip()})


def screen_config(folder: Path, width: int, height: int) -> Path:
    """An offscreen-platform configuration with one screen of ``width``×``height`` pixels."""
    path = folder / "screen.json"
    screen = {"name": "screen", "x": 0, "y": 0, "width": width, "height": height}
    path.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96}]}), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the app's main views to PNG.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=("zh", "en", "both"), default="zh")
    parser.add_argument("--screen", default="1366x768", help="screen size in pixels, WxH")
    parser.add_argument("--scale", type=float, default=1.0, help="display scaling, e.g. 1.25")
    parser.add_argument("--check", action="store_true", help="print the fit report as JSON")
    parser.add_argument("--no-images", action="store_true", help="with --check: write no PNG")
    args = parser.parse_args(argv)

    fonts = cjk_fonts()
    if fonts is not None and not fonts:
        print(CJK_HINT, file=sys.stderr)
        return 2
    width, height = (int(x) for x in args.screen.lower().split("x"))
    tmp = Path(tempfile.mkdtemp(prefix="ipaudit-shots-"))
    os.environ["IPAUDIT_DATA_DIR"] = str(tmp / "data")
    os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    os.environ.pop("QT_QPA_PLATFORM", None)
    platform = f"offscreen:configfile={screen_config(tmp, width, height)}"
    out = None if args.no_images else args.out
    try:
        return _render(out, args.lang, platform, tmp, fonts or [], args.check)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _render(
    out: Path | None, lang: str, platform: str, tmp: Path, fonts: list[str], check: bool
) -> int:
    from PySide6.QtCore import QByteArray, QCoreApplication, QEventLoop, QSettings, Qt, QTimer
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication, QWidget, QWizard

    QCoreApplication.setOrganizationName("ipaudit-screenshots")
    QCoreApplication.setApplicationName("ipaudit-screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    app = QApplication(["ipaudit", "-platform", platform])
    families = set(QFontDatabase.families())
    for family in ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", *fonts):
        if family in families:
            app.setFont(QFont(family, 10))
            break

    from ipaudit.demo.build import build_demo
    from ipaudit.ui import i18n, icons, workers
    from ipaudit.ui.main_window import MainWindow
    from ipaudit.ui.settings import Settings
    from ipaudit.ui.workspace_page import CHECKLIST_TAB, DASHBOARD_TAB, FACTS_TAB

    app.setWindowIcon(icons.app_icon())
    area = app.primaryScreen().availableGeometry().adjusted(0, 0, 0, -TASKBAR_AND_TITLE)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def save(widget: QWidget, name: str, suffix: str) -> None:
        settle()
        if out is None:
            return
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{name}{suffix}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(path, file=sys.stderr if check else sys.stdout)

    demo = build_demo(tmp / "星海智能.ipaudit")
    langs = ["zh", "en"] if lang == "both" else [lang]
    for code in langs:
        suffix = "" if code == "zh" else f"-{code}"
        i18n.set_language(code)
        Settings().clear_recent()
        Settings().window_state = QByteArray()  # each language starts from the default layout
        Settings().splitter_state = QByteArray()
        Settings().add_recent(demo)
        Settings().add_recent(tmp / "去年监督审核.ipaudit")  # shown greyed: the file is gone

        window = MainWindow(Settings())
        window.setGeometry(area)
        window.show()
        save(window, "welcome", suffix)

        from ipaudit.ui.new_workspace_wizard import NewWorkspaceWizard

        wizard = NewWorkspaceWizard(window)
        wizard.company_page.company.setText("示例科技有限公司" if code == "zh" else "Example Tech")
        wizard.show()
        wizard.next()
        wizard.next()
        save(wizard, "new-workspace", suffix)
        wizard.button(QWizard.WizardButton.CancelButton).click()

        window.open_path(demo)
        session = window.session
        page = window.page
        assert session is not None and page is not None
        while session.assessment is None:
            settle(100)
        assessment = session.assessment
        # the department with the lowest readiness, and its worst finding
        worst = min(
            (r for k, r in assessment.departments.items() if k),
            key=lambda r: r.percent,
        )
        findings = sorted(
            (f for f in assessment.findings if f.department == worst.department and f.item_key),
            key=lambda f: f.grade.rank,
        )
        page.show_department(worst.department)
        if findings:
            page.show_item(worst.department, findings[0].item_key)
        save(window, "main-window", suffix)
        page.set_view(FACTS_TAB)
        save(window, "facts", suffix)
        facts_fit = objectives_fit(page) if check else {}
        page.set_view(DASHBOARD_TAB)
        save(window, "dashboard", suffix)
        page.set_view(CHECKLIST_TAB)
        window.findings_dock.set_collapsed(False)
        window.resizeDocks([window.findings_dock], [area.height() // 2], Qt.Orientation.Vertical)
        save(window, "findings", suffix)
        if check:
            window.resizeDocks([window.findings_dock], [1], Qt.Orientation.Vertical)
            settle(100)
            report = fit_report(window, area, settle)
            report.update(facts_fit)
            report["lang"] = code
            print(json.dumps(report, ensure_ascii=False))

        window.close()
        workers.wait_all()
        window.deleteLater()
        settle(100)
    i18n.reset()
    return 0


def objectives_fit(page: Any) -> dict[str, Any]:
    """How the objectives list meets the eye on the facts tab, with the docks as they open: the
    pixels of its header and first three rows that lie below the visible part of the tab (0: in
    view without scrolling), and the department headers whose text is cut off."""
    table = page.facts.policy_page.objectives_view
    header = table.horizontalHeader()
    scroll = page.facts_tab
    top = table.mapTo(scroll.viewport(), table.rect().topLeft()).y()
    rows = sum(table.rowHeight(r) for r in range(min(3, table.model().rowCount())))
    needed = top + table.frameWidth() + header.height() + rows
    metrics = header.fontMetrics()
    margin = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin)
    model = table.model()
    clipped = []
    for col in range(model.columnCount()):
        text = str(model.headerData(col, header.orientation()) or "")
        lines = text.split("\n")
        too_wide = max(metrics.horizontalAdvance(x) for x in lines) + margin > header.sectionSize(
            col
        )
        too_low = len(lines) * metrics.height() > header.height()
        if too_wide or too_low:
            clipped.append(text)
    return {
        "objectives_below_fold": max(0, needed - scroll.viewport().height()),
        "objectives_scrolled": scroll.verticalScrollBar().value(),
        "objectives_headers_clipped": clipped,
    }


def fit_report(window: Any, area: Any, settle: Any) -> dict[str, Any]:
    """What does not fit on this screen, after every view has been shown once."""
    from PySide6.QtCharts import QChartView
    from PySide6.QtWidgets import (
        QApplication,
        QGraphicsTextItem,
        QLabel,
    )

    from ipaudit.ui.workspace_page import CHECKLIST_TAB, DASHBOARD_TAB, FACTS_TAB

    page, session = window.page, window.session
    ws = session.workspace
    report: dict[str, Any] = {"screen": [area.width(), area.height()]}

    def elided(text: str) -> bool:
        return text.endswith(("...", "…"))

    page.set_view(DASHBOARD_TAB)
    settle(200)
    chart_texts: list[str] = []
    for view in page.dashboard.findChildren(QChartView):
        for item in view.scene().items():  # axis labels come back as plain QGraphicsItem
            text = item.toGraphicsObject() if item.type() == 8 else None  # QGraphicsTextItem
            if isinstance(text, QGraphicsTextItem):
                chart_texts.append(text.toPlainText())
    clipped_labels = [
        label.text()
        for label in page.dashboard.findChildren(QLabel)
        if label.isVisible()
        and label.text()
        and not label.wordWrap()
        and label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width()
    ]
    report["dashboard_elided"] = [t for t in chart_texts if elided(t)] + clipped_labels

    page.set_view(FACTS_TAB)
    settle(200)
    table = page.facts.policy_page.objectives_view
    last = table.model().columnCount() - 1
    row_h = max(table.rowHeight(0), 1)
    report["objectives_rows"] = table.viewport().height() // row_h
    right = table.columnViewportPosition(last) + table.columnWidth(last)
    report["objectives_sum_visible"] = 0 <= right <= table.viewport().width() + 1

    page.set_view(CHECKLIST_TAB)
    settle(200)
    findings = page.findings.view
    report["findings_rows"] = findings.viewport().height() // max(findings.rowHeight(0), 1)
    panel = page.item_panel
    sideways: list[str] = []
    for dep in session.departments():
        page.show_department(dep.key)
        for item in ws.items_of(dep.key):
            page.show_item(dep.key, item.key)
            QApplication.processEvents()
            QApplication.processEvents()
            if panel.scroll_area.horizontalScrollBar().maximum() > 0:
                sideways.append(item.key)
    report["item_panel_sideways"] = sideways
    settle(200)
    bar = window.statusBar()
    report["min_height"] = max(window.minimumSizeHint().height(), window.minimumHeight())
    report["window_height"] = window.height()
    report["status_bar_bottom"] = bar.mapTo(window, bar.rect().bottomLeft()).y() + 1
    return report


if __name__ == "__main__":
    sys.exit(main())
