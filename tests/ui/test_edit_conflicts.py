"""The desktop app next to another writer of the same workspace: an edit of another field is kept
on both sides; the same field changed by both shows who changed it and keeps what the user typed;
a read-only workspace says so and refuses edits with a sentence; attaching warns in a box."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ipaudit.services import Workspace
from ipaudit.store.edits import os_user
from ipaudit.store.workspace_store import READ_ONLY_ENV
from ipaudit.ui import commands, i18n, workers
from ipaudit.ui.checklist.item_panel import ItemPanel
from ipaudit.ui.conflict_box import ConflictBox
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.session import WorkspaceSession
from ipaudit.ui.settings import Settings
from tests.factories import INFO

ITEM = "rnd.interview"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, INFO).close()
    return path


def open_session(path: Path, qtbot, **open_args: object) -> WorkspaceSession:
    s = WorkspaceSession(Workspace.open(path, **open_args))  # type: ignore[arg-type]
    with qtbot.waitSignal(s.assessed, timeout=10_000):
        s.assess_now()
    return s


@pytest.fixture
def session(path: Path, qtbot) -> Iterator[WorkspaceSession]:
    s = open_session(path, qtbot)
    yield s
    s.close()


@pytest.fixture
def other(path: Path) -> Iterator[Workspace]:
    """Someone else with the same workspace open (its own connection, as another window has)."""
    with Workspace.open(path) as ws:
        yield ws


@pytest.fixture
def panel(qtbot, session: WorkspaceSession) -> ItemPanel:
    p = ItemPanel(session)
    qtbot.addWidget(p)
    p.show()
    p.show_item(ITEM)
    return p


def type_notes(panel: ItemPanel, text: str) -> None:
    panel.notes.setFocus()
    panel.notes.setPlainText(text)
    panel.notes.editingFinished.emit()


def test_an_edit_of_another_field_meanwhile_is_kept(
    panel: ItemPanel, session: WorkspaceSession, other: Workspace, dialogs: list
) -> None:
    question = other.item(ITEM).questions[0].key
    other.answer(ITEM, question, "3 个项目")  # the panel still shows the state without it
    type_notes(panel, "访谈前核对人数")
    state = session.workspace.state(ITEM)
    assert state.notes == "访谈前核对人数" and state.answers == {question: "3 个项目"}
    assert dialogs == []
    session.undo_stack.undo()  # undo takes back the notes only
    state = session.workspace.state(ITEM)
    assert state.notes == "" and state.answers == {question: "3 个项目"}


def test_the_same_field_shows_who_changed_it_and_keeps_what_was_typed(
    qtbot, panel: ItemPanel, session: WorkspaceSession, other: Workspace, dialogs: list
) -> None:
    other.set_notes(ITEM, "他们的备注")
    type_notes(panel, "我的备注")
    [box] = dialogs
    assert isinstance(box, ConflictBox)
    assert box.detailedText() == "我的备注"  # what the user typed is kept
    assert os_user() in box.informativeText()
    assert session.workspace.state(ITEM).notes == "他们的备注"  # nothing overwritten
    assert session.undo_stack.count() == 0
    qtbot.waitUntil(lambda: panel.notes.text() == "他们的备注")  # the panel shows what is stored

    box.keep_mine_button.click()  # saved over theirs, as one undo step
    assert session.workspace.state(ITEM).notes == "我的备注"
    assert session.undo_stack.count() == 1


def test_keeping_theirs_leaves_their_change(
    panel: ItemPanel, session: WorkspaceSession, other: Workspace, dialogs: list
) -> None:
    other.set_notes(ITEM, "他们的备注")
    type_notes(panel, "我的备注")
    [box] = dialogs
    box.keep_theirs_button.click()
    assert session.workspace.state(ITEM).notes == "他们的备注"


def test_facts_edited_from_an_older_view_merge_or_conflict(
    session: WorkspaceSession, other: Workspace, dialogs: list
) -> None:
    shown = session.workspace.facts()
    other.update_facts(lambda f: replace(f, headcount={**f.headcount, "ip_office": 3}))
    assert commands.set_facts(
        session, replace(shown, headcount={**shown.headcount, "rnd": 30}), base=shown
    )
    assert session.workspace.facts().headcount == {**shown.headcount, "ip_office": 3, "rnd": 30}

    shown = session.workspace.facts()
    other.update_facts(lambda f: replace(f, policy="他们的方针"))
    assert not commands.set_facts(session, replace(shown, policy="我的方针"), base=shown)
    [box] = dialogs
    assert "我的方针" in box.detailedText()
    assert session.workspace.facts().policy == "他们的方针"


def test_a_read_only_workspace_says_so_and_refuses_edits(qtbot, path: Path, dialogs: list) -> None:
    ro = open_session(path, qtbot, read_only=True)
    try:
        assert ro.read_only and ro.read_only_facts  # the facts editor and acceptances are locked
        assert not commands.set_notes(ro, ITEM, "备注")
        [box] = dialogs
        assert isinstance(box, QMessageBox)
        assert "只读" in box.informativeText() and "复制" in box.informativeText()
        assert ro.undo_stack.count() == 0
        assert ro.workspace.state(ITEM).notes == ""
        panel = ItemPanel(ro)  # shows everything, offers no edit
        qtbot.addWidget(panel)
        panel.show_item(ITEM)
        assert panel.notes.isReadOnly() and not panel.status_editor.isEnabled()
        assert all(f.edit.isReadOnly() for f in panel.answer_fields.values())
        assert not panel.evidence_list.add_action.isEnabled()
    finally:
        ro.close()


def test_read_only_shows_in_the_window_title(
    qtbot, path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(READ_ONLY_ENV, "1")
    i18n.set_language("en")
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.workspaceOpened, timeout=30_000):
            window.open_path(path)
        assert window.windowTitle().startswith("read-only — ")
        assert "copy the workspace somewhere writable" in window.mode_label.text()
    finally:
        window.close()
        workers.wait_all()
        i18n.reset()


def test_attaching_an_empty_file_warns(
    qtbot, panel: ItemPanel, tmp_path: Path, dialogs: list
) -> None:
    empty = tmp_path / "空白.pdf"
    empty.write_bytes(b"")
    with qtbot.waitSignal(panel.transfer.warned, timeout=10_000) as warned:
        panel.transfer.attach(ITEM, [empty])
    assert "0" in warned.args[0][0].zh
    qtbot.waitUntil(lambda: panel.message_box is not None and panel.message_box.isVisible())
    assert "空白.pdf" in panel.message_box.text()


def test_the_app_opens_a_workspace_read_only_when_asked(tmp_path: Path, path: Path) -> None:
    from tests.ui.test_app import data_dir, run_app

    before = path.read_bytes()
    home = tmp_path / "home"
    done = run_app(home, "gui", "--smoke", "--read-only", str(path))
    assert done.returncode == 0, done.stderr
    log = (data_dir(home) / "logs" / "ipaudit.log").read_text("utf-8")
    assert f"opened {path} read-only (requested)" in log
    assert path.read_bytes() == before
