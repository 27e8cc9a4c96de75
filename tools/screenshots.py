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
selected, an item with a finding open), facts, findings, dashboard; the Audit menu's tabs
(audit-plan, audit-rehearsal, audit-requests, audit-mock_audit, audit-actions, audit-apply,
audit-next_cycle) and the mock audit's report details (mock-audit-report); the department packet
dialogs (packet-export, packet-import with a returned packet previewed); the team dialogs
(team-open, team-widen, team-passphrase, team-other-writer, team-not-saved). The demo is built
with the audit day and the cycle, as the app builds it.

``--check`` prints one JSON object per language with what does not fit: the window's minimum height,
whether the status bar stays on screen, items whose panel scrolls sideways, elided dashboard texts,
the rows the findings dock and the objectives table show, the findings filters whose text is cut
off as each department is shown, whether the objectives list is in view on
the facts tab without scrolling and which of its department headers are cut off; and under
"views", for each audit tab and dialog, what ``fit_problems`` finds (areas scrolling sideways,
cut-off labels, buttons, combo boxes and column titles, tables showing under three rows, a window
larger than the screen). The layout tests read it.
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

    def save(widget: QWidget, name: str, suffix: str, *, settled: bool = False) -> None:
        if not settled:
            settle()
        if out is None:
            return
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{name}{suffix}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(path, file=sys.stderr if check else sys.stdout)

    demo = build_demo(tmp / "星海智能.ipaudit", audit_day=True)  # as the app builds it
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
        # the findings dock back to its smallest height, as the window opens with it
        window.resizeDocks([window.findings_dock], [1], Qt.Orientation.Vertical)
        settle(100)
        audit_fit = audit_shots(window, demo, tmp, area, save, settle, suffix)
        if check:
            report = fit_report(window, area, settle)
            report.update(facts_fit)
            report["views"] = audit_fit
            report["lang"] = code
            print(json.dumps(report, ensure_ascii=False))

        window.close()
        workers.wait_all()
        window.deleteLater()
        settle(100)
    i18n.reset()
    return 0


#: the Audit menu's tabs in the order of the menu (ipaudit.ui.panels.AUDIT_VIEWS)
AUDIT_TABS = ("plan", "rehearsal", "requests", "mock_audit", "actions", "apply", "next_cycle")


def audit_shots(
    window: Any, demo: Path, tmp: Path, area: Any, save: Any, settle: Any, suffix: str
) -> dict[str, dict[str, Any]]:
    """The Audit menu's tabs, the department packet dialogs and the team dialogs: each rendered
    (``audit-<key>``, ``packet-export`` …) and what does not fit in it (``fit_problems``)."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    from ipaudit.ui import i18n, panels

    page, session = window.page, window.session
    fits: dict[str, dict[str, Any]] = {}

    def look(widget: Any, name: str, part: Any = None) -> None:
        settle()
        save(widget, name, suffix, settled=True)  # (waited for once, not twice)
        fits[name] = fit_problems(part or widget, area)

    for key in AUDIT_TABS:
        if key not in panels.AUDIT_VIEWS:
            continue
        view = window.show_audit_view(key)
        look(window, f"audit-{key}", view)
        fits[f"audit-{key}"]["window"] = [window.width(), window.height()]
        if key == "mock_audit" and view is not None:
            details = view.edit_report_details()
            if details is not None:
                look(details, "mock-audit-report")
                details.reject()
    page.set_view(0)

    export = window.run_tool("export_packet")
    if isinstance(export, QDialog):
        look(export, "packet-export")
        export.reject()
    packet = filled_packet(session.workspace, tmp, i18n.language())
    dialog = window.run_tool("import_packet")
    if isinstance(dialog, QDialog):
        dialog.source.setText(str(packet))
        dialog.start_read()
        for _ in range(300):
            if dialog.preview is not None:
                break
            settle(100)
        look(dialog, "packet-import")
        dialog.reject()

    import datetime as dt

    from ipaudit.store.errors import ConnectionLost
    from ipaudit.store.file_lock import Holder
    from ipaudit.ui.team.not_saved import NotSavedBox
    from ipaudit.ui.team.open_dialog import OpenTeamDialog
    from ipaudit.ui.team.presence import OtherWriterBox
    from ipaudit.ui.team.widen import ManagerPassphraseDialog, WidenDialog

    since = dt.datetime(2026, 3, 2, 1, 30, tzinfo=dt.UTC)
    holder = Holder("wangwei", "FIN-PC-07", 4120, since, since, "王伟")
    server = "postgresql://ipaudit.example.cn:5432/ipaudit"
    team: list[tuple[str, QDialog]] = [
        ("team-open", OpenTeamDialog(window, "postgresql://chen@ipaudit.example.cn:5432/ipaudit")),
        ("team-widen", WidenDialog(session.workspace, window)),
        ("team-passphrase", ManagerPassphraseDialog(session.workspace, window)),
        ("team-other-writer", OtherWriterBox(demo.name, holder, window)),
        (
            "team-not-saved",
            NotSavedBox(ConnectionLost(server), "研发部季度报告已提交", lambda: None, window),
        ),
    ]
    for name, box in team:
        box.show()
        look(box, name)
        if isinstance(box, QMessageBox):
            box.close()
        else:
            box.reject()
    return fits


def filled_packet(ws: Any, tmp: Path, lang: str) -> Path:
    """R&D's packet as a department head sends it back: a status, a note and an answer changed
    and a file dropped into an item's folder (the import dialog previews it)."""
    import zipfile

    from openpyxl import load_workbook

    from ipaudit.export import packet_xlsx as px
    from ipaudit.services import packets

    out = tmp / f"packet-{lang}"
    out.mkdir(parents=True, exist_ok=True)
    written = packets.export_packet(ws, "rnd", out / "rnd.zip", lang=lang, overwrite=True)
    with zipfile.ZipFile(written.path) as zf:
        zf.extractall(out / "unpacked")
    (root,) = [p for p in (out / "unpacked").iterdir() if p.is_dir()]
    book = next(root.glob("*.xlsx"))
    wb = load_workbook(book)
    sheet = wb.worksheets[0]

    def col(name: str) -> int:
        return px.FIELDS.index(name) + 1

    rows = {
        (sheet.cell(r, 1).value, sheet.cell(r, 2).value or ""): r
        for r in range(px.FIRST_ROW, sheet.max_row + 1)
        if sheet.cell(r, 1).value
    }
    first = next(r for (key, q), r in rows.items() if not q)
    answer = next((r for (key, q), r in rows.items() if q), None)
    sheet.cell(first, col("notes")).value = "已请法务复核" if lang == "zh" else "Legal reviews it"
    if answer is not None:
        sheet.cell(answer, col("answer")).value = (
            "专利检索平台" if lang == "zh" else "Patent search"
        )
    wb.save(book)
    folder = root / str(sheet.cell(first, col("folder")).value).replace("\\", "/")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "交底书_2025-05-06.pdf").write_bytes(b"%PDF-1.4 packet")
    back = out / "back.zip"
    with zipfile.ZipFile(back, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                zf.write(path, f"{root.name}/{path.relative_to(root).as_posix()}")
    return back


def fit_problems(root: Any, area: Any) -> dict[str, Any]:
    """What does not fit in ``root`` (a view or a dialog) as it is shown: areas that scroll
    sideways, labels and buttons whose text is cut off, header sections too narrow for their
    title, tables with rows to show that show fewer than three, and (a window) larger than the
    screen."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractScrollArea,
        QComboBox,
        QHeaderView,
        QLabel,
        QTableView,
        QTreeView,
    )

    def name(w: Any) -> str:
        return w.objectName() or type(w).__name__

    sideways = [
        name(a)
        for a in root.findChildren(QAbstractScrollArea)
        if a.isVisible()
        and not isinstance(a, QHeaderView)
        and a.horizontalScrollBar().maximum() > 0
        and a.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    ]

    def shown(text: str) -> str:  # a label's text as drawn: without its mnemonic's "&"
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&")

    labels = [
        w.text()
        for w in root.findChildren(QLabel)
        if w.isVisible()
        and w.text()
        and not w.wordWrap()
        and w.textFormat() != Qt.TextFormat.RichText
        and "<" not in w.text()
        and w.fontMetrics().horizontalAdvance(shown(w.text())) > w.contentsRect().width() + 1
    ]
    buttons = [
        w.text()
        for w in root.findChildren(QAbstractButton)
        if w.isVisible() and w.text() and w.width() < w.sizeHint().width() - 1
    ]

    def in_a_cell(w: Any) -> bool:  # a table's cell widget elides like the cells around it
        parent = w.parentWidget()
        while parent is not None and parent is not root:
            if isinstance(parent, QAbstractScrollArea) and not hasattr(parent, "widget"):
                return True
            parent = parent.parentWidget()
        return False

    combos = [
        w.currentText()
        for w in root.findChildren(QComboBox)
        if w.isVisible() and w.currentText() and combo_clipped(w) and not in_a_cell(w)
    ]
    headers: list[str] = []
    short: list[str] = []
    views = [*root.findChildren(QTableView), *root.findChildren(QTreeView)]
    for view in views:
        model = view.model()
        if not view.isVisible() or model is None:
            continue
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        if header.isVisible():
            style = header.style()
            margin = 2 * style.pixelMetric(style.PixelMetric.PM_HeaderMargin)
            metrics = header.fontMetrics()
            for c in range(model.columnCount()):
                if header.isSectionHidden(c):
                    continue
                text = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                need = max((metrics.horizontalAdvance(t) for t in text.split("\n")), default=0)
                if text and need + margin > header.sectionSize(c):
                    headers.append(text)
        rows = model.rowCount()
        if rows >= 3 and isinstance(view, QTableView):
            shown = view.viewport().height() // max(view.rowHeight(0), 1)
            if shown < 3:
                short.append(name(view))
    window = root.window()
    return {
        "sideways": sideways,
        "labels_clipped": labels,
        "buttons_clipped": buttons,
        "combos_clipped": combos,
        "headers_clipped": headers,
        "tables_short": short,
        "too_big": window.width() > area.width() or window.height() > area.height(),
    }


def combo_clipped(combo: Any) -> bool:
    """Whether a combo box's current text is cut off as drawn: wider than the room the box
    gives it beside its icon and arrow (not its size hint: a box squeezed below its hint still
    cuts its text). Shortened with "…" and said whole in its tool tip is not cut off."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    text = combo.currentText()
    if combo.isEditable():  # typed text scrolls in its field, as in a line edit
        return False
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    room = field.width() - 2  # the label is drawn one pixel in from each side
    if not opt.currentIcon.isNull():
        room -= opt.iconSize.width() + 4
    metrics = combo.fontMetrics()
    if metrics.horizontalAdvance(text) <= room:
        return False
    # too long for its room: fine only when shortened with "…" and said whole in its tool tip
    # (a box that elides says so by its ``elidesText`` property: ipaudit.ui.elided_combo)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
    return not (combo.property("elidesText") and shown.endswith("…") and combo.toolTip() == text)


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
    # the findings dock's filters, as each department is shown (it follows the selection)
    combos: list[str] = []
    for dep in session.departments():
        page.show_department(dep.key)
        QApplication.processEvents()
        combos += fit_problems(page.findings, area)["combos_clipped"]
    report["findings_combos_clipped"] = sorted(set(combos))
    settle(200)
    bar = window.statusBar()
    report["min_height"] = max(window.minimumSizeHint().height(), window.minimumHeight())
    report["window_height"] = window.height()
    report["status_bar_bottom"] = bar.mapTo(window, bar.rect().bottomLeft()).y() + 1
    return report


if __name__ == "__main__":
    sys.exit(main())
