"""The head of R&D opens the whole team workspace (the real server): R&D's items can be edited,
every other department's item shows read-only, and what only the compliance manager does
(import a ledger or a corrected checklist, export the readiness pack, start the next cycle) is
disabled with a tool tip saying so; the manager's login in the same window has all of it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ipaudit.services import Workspace
from ipaudit.ui import workers
from ipaudit.ui.main_window import MainWindow
from tests.integration.pg.team_fixtures import manager_and_rnd
from tests.ui.helpers import main_window

pytestmark = pytest.mark.pg


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:
    with main_window(qtbot, "en", size=(1366, 768)) as win:
        yield win


def shown(window: MainWindow, qtbot, department: str, item: str):
    assert window.page is not None
    window.show_item(department, item)
    qtbot.waitUntil(lambda: getattr(window.page, "item_panel", None) is not None, timeout=5000)
    panel = window.page.item_panel
    qtbot.waitUntil(lambda: panel.item is not None and panel.item.key == item, timeout=5000)
    return panel


def manager_actions(window: MainWindow) -> dict[str, bool]:
    a = window.acts
    out = {
        "ledger": a.import_ledger.isEnabled(),
        "export": a.export_pack.isEnabled(),
        "checklist": a.import_checklist.isEnabled(),
    }
    if "next_cycle" in a.audit_views:
        out["next_cycle"] = a.audit_views["next_cycle"].isEnabled()
    return out


def test_a_department_head_in_the_whole_workspace_edits_only_their_items(
    window: MainWindow, pg_url: str, qtbot, tmp_path
) -> None:
    with manager_and_rnd(pg_url) as team:
        session = window.adopt(Workspace.open(team["rnd"]), None)
        window.retranslate_ui()
        assert session.department_only is None and not session.read_only
        assert session.login is not None and session.login.kind == "department"
        finance = session.workspace.items_of("finance")[0].key

        panel = shown(window, qtbot, "finance", finance)
        assert not panel.editable
        assert not panel.status_editor.isEnabled() and panel.notes.isReadOnly()
        assert all(f.edit.isReadOnly() for f in panel.answer_fields.values())
        window.grab().save(str(tmp_path / "finance_by_rnd.png"))

        panel = shown(window, qtbot, "rnd", "rnd.interview")
        assert panel.editable and panel.status_editor.isEnabled()
        assert not panel.notes.isReadOnly()
        assert not any(f.edit.isReadOnly() for f in panel.answer_fields.values())

        assert not any(manager_actions(window).values())
        assert "compliance manager" in window.acts.import_ledger.toolTip()

        window.adopt(Workspace.open(team["manager"]), None)
        window.retranslate_ui()
        assert all(manager_actions(window).values())
        panel = shown(window, qtbot, "finance", finance)
        assert panel.editable and panel.status_editor.isEnabled()
        # the checks still running read the server: let them end before the logins go
        workers.wait_all()
        qtbot.wait(100)
        window.close_workspace()
        workers.wait_all()
        qtbot.wait(100)
