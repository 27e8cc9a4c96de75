"""Every view in both languages: no internal key reaches the user, and no text of the other
language outside user data (a file name, a company's own wording).

The walk shows each view of the main window on the demo workspace — welcome page, checklist and
item panel for every department, each facts page, the dashboard, the findings, the menus, the undo
text of an edit, the departments dialog and the guide — and reads what a user can read there.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from ipaudit.ui import commands, i18n, workers
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.settings import Settings
from ipaudit.ui.workspace_page import CHECKLIST_TAB, DASHBOARD_TAB, FACTS_TAB

KEY_LIKE = re.compile(r"(?<![\w.])[a-z_]+\.[a-z_]+(?![\w.])")
SNAKE_CASE = re.compile(r"(?<![\w.])[a-z]+_[a-z_]+(?![\w.])")  # a question's or fact's key
FILE_SUFFIXES = {"docx", "doc", "xlsx", "xls", "xlsm", "pdf", "txt", "csv", "ods", "ipaudit", "zip"}
TWO_ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{2,}[ -][a-z]{2,}\b")
CJK = re.compile(r"[\u3400-\u9fff]")
FILE_NAME = re.compile(r"\.[A-Za-z]{2,7}$")
TAG = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    return TAG.sub(" ", text).replace("&nbsp;", " ").replace("&", "")


def _columns(model, parent: QModelIndex | None = None) -> int:
    try:
        return model.columnCount(parent or QModelIndex())
    except TypeError:  # a list model whose columnCount is not public
        return 1


def _model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    out = []
    for col in range(_columns(model)):
        out.append(str(model.headerData(col, Qt.Orientation.Horizontal) or ""))

    def walk(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), 400)):
            for col in range(_columns(model, parent)):
                index = model.index(row, col, parent)
                value = index.data()
                if isinstance(value, str):
                    out.append(value)
            if depth < 3:
                walk(model.index(row, 0, parent), depth + 1)

    walk(QModelIndex(), 0)
    return out


def chrome_texts(root: QWidget) -> list[str]:
    """Words the application itself puts on screen: buttons, tabs, titles, headers, menus."""
    out: list[str] = []
    for w in root.findChildren(QAbstractButton):
        if w.isVisible():
            out.append(w.text())
    for w in root.findChildren(QGroupBox):
        if w.isVisible():
            out.append(w.title())
    for w in root.findChildren(QTabBar):
        if w.isVisible():
            out.extend(w.tabText(i) for i in range(w.count()))
    for w in root.findChildren(QLineEdit):
        if w.isVisible():
            out.append(w.placeholderText())
    for w in root.findChildren(QAbstractItemView):
        model = w.model()
        if w.isVisible() and model is not None:
            out.extend(
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(_columns(model))
            )
    for menu in root.findChildren(QMenu):
        out.append(menu.title())
        out.extend(a.text() for a in menu.actions())
    return [_plain(t) for t in out if t]


def all_texts(root: QWidget) -> list[str]:
    """Everything readable: the chrome, labels, combo entries and every cell of every view."""
    out = chrome_texts(root)
    for w in root.findChildren(QLabel):
        if w.isVisible():
            out.append(_plain(w.text()))
    for w in root.findChildren(QComboBox):
        if w.isVisible():
            out.extend(w.itemText(i) for i in range(w.count()))
    for w in root.findChildren(QAbstractItemView):
        if w.isVisible():
            out.extend(_model_texts(w))
    return [t for t in out if t]


def key_like(texts: list[str]) -> set[str]:
    found = set()
    for text in texts:
        for m in KEY_LIKE.finditer(text):
            if m.group().rsplit(".", 1)[1] not in FILE_SUFFIXES:
                found.add(f"{m.group()}  in  {text[:80]}")
    return found


class Walk:
    def __init__(self, window: MainWindow, qtbot) -> None:
        self.window = window
        self.qtbot = qtbot
        self.everything: list[str] = []
        self.chrome: list[str] = []

    def read(self, root: QWidget | None = None) -> None:
        QApplication.processEvents()
        root = root or self.window
        self.everything += all_texts(root)
        self.chrome += chrome_texts(root)
        self.chrome.append(root.windowTitle())


def walk_everything(window: MainWindow, qtbot, demo_path: Path) -> Walk:
    w = Walk(window, qtbot)
    w.read()  # the welcome page
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.open_path(demo_path)
    session = window.session
    qtbot.waitUntil(lambda: session.assessment is not None, timeout=10_000)
    page = window.page
    for dep in session.departments():
        page.show_department(dep.key)
        for item in session.workspace.items_of(dep.key)[:6]:
            page.show_item(dep.key, item.key)
            w.read()
    # an answer edited: the undo text names the question, not its key
    item = next(
        i for i in session.workspace.template.items if i.questions and session.workspace.owner(i)
    )
    commands.set_answer(session, item.key, item.questions[0].key, "60人")
    w.everything += [window.acts.undo.text(), window.acts.undo.toolTip()]
    # a conflict: R&D's headcount changed meanwhile in another window on the same file
    from dataclasses import replace

    from ipaudit.services import Workspace
    from ipaudit.ui.conflict_box import ConflictBox

    shown = session.workspace.facts()
    with Workspace.open(demo_path) as other:
        other.update_facts(lambda f: replace(f, headcount={**f.headcount, "rnd": 40}))
    assert not commands.set_facts(
        session, replace(shown, headcount={**shown.headcount, "rnd": 41}), base=shown
    )
    [box] = [b for b in QApplication.topLevelWidgets() if isinstance(b, ConflictBox)]
    w.read(box)
    w.everything += [box.text(), box.informativeText(), box.detailedText()]
    w.chrome += [box.text(), box.informativeText()]
    box.close()
    page.set_view(FACTS_TAB)
    tabs = page.facts.tabs
    for n in range(tabs.count()):
        tabs.setCurrentIndex(n)
        w.read()
    page.set_view(DASHBOARD_TAB)
    w.read()
    page.set_view(CHECKLIST_TAB)
    # the dates dialog of a drop: one file dated by its name, one empty
    from ipaudit.services.evidence_review import review_files

    folder = demo_path.parent
    (folder / "培训签到 2025-03-05.pdf").write_bytes(b"%PDF-1.4 x")
    (folder / "empty.docx").write_bytes(b"")
    reviews = review_files([folder / "培训签到 2025-03-05.pdf", folder / "empty.docx"], [])
    dialog = page.item_panel._ask_dates(reviews)
    w.read(dialog)
    dialog.reject()
    departments = window.show_departments()
    w.read(departments)
    departments.close()
    guide = window.show_guide()
    w.chrome.append(guide.windowTitle())
    guide.close()
    return w


@pytest.fixture(params=["zh", "en"])
def window(request, qtbot) -> Iterator[MainWindow]:
    i18n.set_language(request.param)
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1366, 700)
    win.show()
    yield win
    win.close()
    workers.wait_all()
    i18n.reset()


def test_no_internal_key_and_no_other_language(qtbot, window, demo_path) -> None:
    walk = walk_everything(window, qtbot, demo_path)
    assert len(walk.everything) > 500  # the walk really read the views
    assert key_like(walk.everything) == set()
    assert {m.group() for t in walk.everything for m in SNAKE_CASE.finditer(t)} == set()
    if i18n.language() == "zh":
        english = {
            t for t in walk.chrome if TWO_ENGLISH_WORDS.search(t) and "ipaudit" not in t.lower()
        }
        assert english == set()
    else:
        # a file's name is the user's own (the dates dialog lists the dropped files)
        chinese = {t for t in walk.chrome if CJK.search(t) and not FILE_NAME.search(t)}
        # the window title carries the company's own name: user data
        company = window.session.workspace.info().company
        assert {t for t in chinese if company not in t} == set()


# --- the audit day, the cycle, the department packets and the team dialogs --------------------


@pytest.fixture
def audit_demo(audit_demo_master: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.ipaudit"
    shutil.copyfile(audit_demo_master, target)
    return target


def filled_packet(ws, tmp_path: Path, lang: str) -> Path:
    """R&D's packet in ``lang`` as its head sends it back: a status, a note and an answer
    changed and a file dropped into an item's folder."""
    from openpyxl import load_workbook

    from ipaudit.services import packets
    from tests.integration.test_packets import col, repack, rows_by_key, unpack

    written = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip", lang=lang)
    root = unpack(written.path, tmp_path / "out")
    book = next(root.glob("*.xlsx"))
    wb = load_workbook(book)
    sheet = wb.worksheets[0]
    rows = rows_by_key(sheet)
    sheet.cell(rows[("rnd.ip_plan", "")], col("status")).value = (
        "进行中" if lang == "zh" else "In progress"
    )
    sheet.cell(rows[("rnd.ip_plan", "")], col("notes")).value = "填报包的备注"
    sheet.cell(rows[("rnd.search_timing", "search_tools")], col("answer")).value = "专利检索平台"
    wb.save(book)
    folder = root / sheet.cell(rows[("rnd.disclosures", "")], col("folder")).value.replace(
        "\\", "/"
    )
    (folder / "交底书_2025-05-06.pdf").write_bytes(b"%PDF-1.4 packet dialog test")
    return repack(root, tmp_path / "back.zip")


def walk_new_views(
    window: MainWindow, qtbot, demo_path: Path, tmp_path: Path, previous: Path | None = None
) -> Walk:
    """The Audit menu's tabs (each with a row chosen), the mock audit's report details, both
    packet dialogs (the import with a packet's preview on every tab) and the team dialogs."""
    import datetime as dt

    from PySide6.QtWidgets import QMessageBox, QTabWidget

    from ipaudit.store.errors import ConnectionLost
    from ipaudit.store.file_lock import Holder
    from ipaudit.ui import panels
    from ipaudit.ui.team.not_saved import NotSavedBox
    from ipaudit.ui.team.open_dialog import OpenTeamDialog
    from ipaudit.ui.team.presence import OtherWriterBox
    from ipaudit.ui.team.widen import ManagerPassphraseDialog, WidenDialog

    w = Walk(window, qtbot)
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.open_path(demo_path)
    session = window.session
    qtbot.waitUntil(lambda: session.assessment is not None, timeout=10_000)
    assert set(panels.AUDIT_VIEWS) == {
        "plan",
        "rehearsal",
        "requests",
        "mock_audit",
        "actions",
        "apply",
        "next_cycle",
    }
    for key in panels.AUDIT_VIEWS:
        view = window.show_audit_view(key)
        assert view is not None and view.isVisible(), key
        w.read()
        for table in view.findChildren(QAbstractItemView):  # a row chosen fills its panel
            if table.isVisible() and table.model() is not None and table.model().rowCount():
                table.setCurrentIndex(table.model().index(0, 0))
        for tabs in view.findChildren(QTabWidget):
            for n in range(tabs.count()):
                tabs.setCurrentIndex(n)
                w.read(view)
        w.read()
        if key == "mock_audit":
            details = view.edit_report_details()
            w.read(details)
            details.reject()
            # an employee drawn for staff awareness shows its own form
            staff = next(s for s in view.audit.samples if s.awareness)
            assert view.select(staff.key) and view.panel.pages.currentIndex() == 1
            w.read(view)
        if key == "next_cycle" and previous is not None:  # compared with a last cycle's file
            task = view.compare_with(previous)
            qtbot.waitUntil(lambda v=view: v.comparison is not None, timeout=30_000)
            assert task is not None
            view.tree.expandAll()
            assert view.tree.model().rowCount() > 0  # what changed is listed
            w.read(view)
        if key == "rehearsal":  # a question asked, answered and checked
            view.person.setEditText("王强")
            view.start()
            w.read(view)
            view.answer.setPlainText("知识产权方针是激励创造、规范管理")
            view.submit()
            assert view.last is not None  # the answer was checked and its result shown
            w.read(view)

    export = window.run_tool("export_packet")
    w.read(export)
    export.reject()
    packet = filled_packet(session.workspace, tmp_path, i18n.language())
    dialog = window.run_tool("import_packet")
    dialog.source.setText(str(packet))
    with qtbot.waitSignal(dialog.previewed, timeout=60_000):
        dialog.start_read()
    for n in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(n)
        w.read(dialog)
    dialog.reject()

    since = dt.datetime(2026, 3, 2, 1, 30, tzinfo=dt.UTC)
    holder = Holder("wangwei", "FIN-PC-07", 4120, since, since, "王伟")
    boxes = [
        OpenTeamDialog(window, "postgresql://chen@ipaudit.example.cn:5432/ipaudit"),
        WidenDialog(session.workspace, window),
        ManagerPassphraseDialog(session.workspace, window),
        OtherWriterBox(demo_path.name, holder, window),
        NotSavedBox(ConnectionLost("postgresql://server/ipaudit"), "研发部", lambda: None, window),
    ]
    # the team status in the status bar, in each state the connection can be in (on a file
    # the listener cannot start: it says so and ends, and the states are then handed to it)
    from ipaudit.services.live import Peer
    from ipaudit.ui.team.live import LiveBridge, TeamStatus

    bridge = LiveBridge(session, "陈静")
    bridge.listening.join(10)
    QApplication.processEvents()
    status = TeamStatus(bridge, window)
    others = [Peer("王伟", "wangwei", since), Peer("陈静", "chen", since, me=True)]
    for state, peers in (
        ("connecting", []),
        ("connected", others[1:]),
        ("connected", others),
        ("reconnecting", others),
        ("stopped", []),
    ):
        bridge.peersChanged.emit(peers)
        bridge.stateChanged.emit(state)
        QApplication.processEvents()
        w.chrome.append(_plain(status.text()))
        w.everything += [_plain(status.text()), status.toolTip()]

    for box in boxes:
        box.show()
        w.read(box)
        if isinstance(box, QMessageBox):
            w.everything += [box.text(), box.informativeText()]
            w.chrome += [box.text()]
            box.close()
        else:
            box.reject()

    # a department head's view of the same tabs (read-only parts, what the manager does)
    window.close_workspace()
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.open_path(demo_path, "rnd")
    assert window.session is not None and window.session.department_only == "rnd"
    for key in panels.AUDIT_VIEWS:
        assert window.show_audit_view(key) is not None, key
        w.read()
    return w


def test_the_audit_views_packets_and_team_dialogs_speak_one_language(
    qtbot, window, audit_demo, demo_master: Path, tmp_path: Path
) -> None:
    previous = shutil.copyfile(demo_master, tmp_path / "last-cycle.ipaudit")
    walk = walk_new_views(window, qtbot, audit_demo, tmp_path, previous)
    assert len(walk.everything) > 500  # the walk really read the views
    assert len({t for t in walk.chrome if "●" in t}) == 5  # the team status in its five states
    assert key_like(walk.everything) == set()
    assert {m.group() for t in walk.everything for m in SNAKE_CASE.finditer(t)} == set()
    company = window.session.workspace.info().company
    if i18n.language() == "zh":
        english = {
            t for t in walk.chrome if TWO_ENGLISH_WORDS.search(t) and "ipaudit" not in t.lower()
        }
        assert english == set()
    else:
        # a file's name, a department's or company's own name are the user's own
        names = [d.name.get("zh") for d in window.session.departments()] + [company]
        chinese = {
            t
            for t in walk.chrome
            if CJK.search(t) and not FILE_NAME.search(t) and not any(n and n in t for n in names)
        }
        assert chinese == set()
