"""The window's edit of a workspace whose file was deleted while open: a box says the change was
not saved and what to do, in the user's language; nothing is put on the undo stack, and closing
the session afterwards raises nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from ipaudit.services import Workspace
from ipaudit.ui import commands, i18n
from ipaudit.ui.session import WorkspaceSession
from tests.factories import INFO

ITEM = "rnd.interview"


@pytest.mark.parametrize(("lang", "said"), [("en", "was NOT saved"), ("zh", "没有保存")])
def test_an_edit_after_the_file_was_deleted_is_reported_not_saved(
    qtbot, tmp_path: Path, dialogs: list, lang: str, said: str
) -> None:
    i18n.set_language(lang)
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, INFO).close()
    session = WorkspaceSession(Workspace.open(path))
    try:
        with qtbot.waitSignal(session.assessed, timeout=10_000):
            session.assess_now()
        assert commands.set_notes(session, ITEM, "before")
        path.unlink()
        assert not commands.set_notes(session, ITEM, "typed after the file was deleted")
        [box] = dialogs
        assert isinstance(box, QMessageBox)
        text = box.text() + box.informativeText()
        assert said in text and str(path) in text and "Traceback" not in text
        assert session.undo_stack.count() == 1  # the first edit only
    finally:
        session.close()
