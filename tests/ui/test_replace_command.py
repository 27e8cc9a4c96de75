"""The one undo command of the audit-day records (corrective actions, mock audits, the plan):
undo and redo go through the services both ways; an undo the workspace refuses is shown in the
user's language and the command leaves the stack."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from ipaudit.services import Workspace
from ipaudit.services import corrective_actions as service
from ipaudit.ui import errors, i18n
from ipaudit.ui.actions.commands import ReplaceAction
from ipaudit.ui.actions.commands import push as push_action
from ipaudit.ui.session import WorkspaceSession
from tests.factories import INFO


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, INFO).close()
    return path


def test_undo_and_redo_store_both_ways(path: Path, qtbot) -> None:
    session = WorkspaceSession(Workspace.open(path))
    try:
        ws = session.workspace
        made = service.add(ws, finding="Contracts lack IP clauses")
        with qtbot.waitSignal(session.edited):
            push_action(session, "New action", None, made)
        assert [a.key for a in service.actions(ws)] == [made.key]  # first redo stored nothing
        session.undo_stack.undo()
        assert service.actions(ws) == []
        session.undo_stack.redo()
        assert [a.finding for a in service.actions(ws)] == ["Contracts lack IP clauses"]
    finally:
        session.close()


def test_a_refused_undo_is_shown_in_chinese_and_leaves_the_stack(
    path: Path, qtbot, dialogs: list[QDialog]
) -> None:
    with Workspace.open(path) as ws:
        made = service.add(ws, finding="Contracts lack IP clauses")
    i18n.set_language("zh")
    session = WorkspaceSession(Workspace.open(path, read_only=True))
    try:
        session.undo_stack.push(ReplaceAction(session, "New action", None, made))
        with qtbot.waitSignal(session.edited):
            session.undo_stack.undo()
        assert len(dialogs) == 1
        box = dialogs[0]
        assert isinstance(box, errors.ExpectedErrorBox)
        assert "该更改无法撤销。" in box.text() + box.informativeText()
        assert session.undo_stack.count() == 0  # obsolete: dropped from the stack
        assert [a.key for a in service.actions(session.workspace)] == [made.key]
    finally:
        session.close()
        i18n.reset()
