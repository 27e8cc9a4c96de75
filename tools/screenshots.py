#!/usr/bin/env python3
"""Render the main views of the desktop app to PNG, offscreen, for the README and reviews.

    .venv/bin/python tools/screenshots.py                 # Chinese, into docs/screenshots/
    .venv/bin/python tools/screenshots.py --lang en       # English (files end in -en)
    .venv/bin/python tools/screenshots.py --lang both --out /tmp/shots

It builds the demo workspace in a temporary folder and uses temporary settings, so nothing of the
user's is read or changed. Chinese needs a CJK font: the command checks with ``fc-list :lang=zh``
and otherwise says what to install (fonts-noto-cjk on Debian/Ubuntu).

Files: welcome, new-workspace (the departments step of the wizard), main-window (a department
selected, an item with a finding open), facts, findings, dashboard.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Render the app's main views to PNG.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", choices=("zh", "en", "both"), default="zh")
    parser.add_argument("--size", default="1440x900", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)

    fonts = cjk_fonts()
    if fonts is not None and not fonts:
        print(CJK_HINT, file=sys.stderr)
        return 2
    width, height = (int(x) for x in args.size.lower().split("x"))
    tmp = Path(tempfile.mkdtemp(prefix="ipaudit-shots-"))
    os.environ["IPAUDIT_DATA_DIR"] = str(tmp / "data")
    try:
        return _render(args.out, args.lang, width, height, tmp, fonts or [])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _render(out: Path, lang: str, width: int, height: int, tmp: Path, fonts: list[str]) -> int:
    from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QSize, Qt, QTimer
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication, QWidget, QWizard

    QCoreApplication.setOrganizationName("ipaudit-screenshots")
    QCoreApplication.setApplicationName("ipaudit-screenshots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    # the offscreen screen is 800×600 unless told otherwise; windows larger than it get clamped
    app = QApplication(["ipaudit", "-platform", f"offscreen:size={width + 100}x{height + 100}"])
    families = set(QFontDatabase.families())
    for family in ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", *fonts):
        if family in families:
            app.setFont(QFont(family, 10))
            break

    from ipaudit.demo.build import build_demo
    from ipaudit.ui import i18n, icons, workers
    from ipaudit.ui.main_window import MainWindow
    from ipaudit.ui.settings import Settings
    from ipaudit.ui.workspace_page import DASHBOARD_TAB, FACTS_TAB

    app.setWindowIcon(icons.app_icon())

    def settle(ms: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def save(widget: QWidget, name: str, suffix: str) -> Path:
        settle()
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{name}{suffix}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(path)
        return path

    demo = build_demo(tmp / "星海智能.ipaudit")
    langs = ["zh", "en"] if lang == "both" else [lang]
    for code in langs:
        suffix = "" if code == "zh" else f"-{code}"
        i18n.set_language(code)
        Settings().clear_recent()
        Settings().add_recent(demo)
        Settings().add_recent(tmp / "去年监督审核.ipaudit")  # shown greyed: the file is gone

        window = MainWindow(Settings())
        window.resize(QSize(width, height))
        window.show()
        save(window, "welcome", suffix)

        from ipaudit.ui.new_workspace_wizard import NewWorkspaceWizard

        wizard = NewWorkspaceWizard(window)
        wizard.resize(760, 560)
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
        window.resizeDocks([window.findings_dock], [int(height * 0.3)], Qt.Orientation.Vertical)
        save(window, "main-window", suffix)

        page.set_view(FACTS_TAB)
        save(window, "facts", suffix)

        page.set_view(0)
        window.resizeDocks([window.findings_dock], [int(height * 0.5)], Qt.Orientation.Vertical)
        save(window, "findings", suffix)
        window.resizeDocks([window.findings_dock], [int(height * 0.3)], Qt.Orientation.Vertical)

        page.set_view(DASHBOARD_TAB)
        save(window, "dashboard", suffix)

        window.close()
        workers.wait_all()
        window.deleteLater()
        settle(100)
    i18n.reset()
    return 0


if __name__ == "__main__":
    sys.exit(main())
