"""What a department head's login may not do is not offered to it (the real server, real widgets):
in the head's department view the corrective action's verification and the removal of a verified
action, and every button that changes the audit plan, are disabled with a tool tip saying why —
decided by the services' own rule (``manager_rights.manages`` through ``session.manager_work``),
which refuses the same head in the service; the manager's login has all of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from ipaudit.services import Workspace
from ipaudit.services import audit_plan as plan_service
from ipaudit.services import corrective_actions as actions_service
from ipaudit.store.errors import NotPermitted
from ipaudit.ui import i18n, workers
from ipaudit.ui.actions.actions_view import ActionsView
from ipaudit.ui.checklist.item_panel import ItemPanel
from ipaudit.ui.plan.plan_view import PlanView
from ipaudit.ui.session import WorkspaceSession
from tests.factories import INFO
from tests.integration.pg.team_fixtures import team_of
from tests.ui.helpers import show_view

pytestmark = pytest.mark.pg

FILLED = {"root_cause": "未核对签到", "action": "培训结束时核对签到", "owner": "冯婷"}


@pytest.fixture
def team(pg_url: str, tmp_path: Path) -> Iterator[dict[str, str]]:
    """A team workspace with a manager and the head of R&D; the manager made the audit plan and
    two R&D actions: "done" marked done, "verified" verified."""
    with team_of(pg_url, ("rnd",)) as urls:
        with Workspace.open(urls["manager"]) as ws:
            plan_service.generate(ws)
            today = dt.date.today()
            for name in ("done", "verified"):
                a = actions_service.add(
                    ws, finding=f"访谈记录缺失（{name}）", department="rnd", **FILLED
                )
                proof = tmp_path / f"纠正措施处理单-{name}.txt"
                proof.write_text(f"已补签合同并修订模板（{name}）。", encoding="utf-8")
                actions_service.close(ws, a.key, today, attach=[proof])
                urls[name] = a.key
            actions_service.verify(ws, urls["verified"], by="李审", result="有效", on=today)
        yield urls


@pytest.fixture
def sessions(team: dict[str, str]) -> Iterator[dict[str, WorkspaceSession]]:
    made = {
        "head": WorkspaceSession(Workspace.open(team["rnd"]), department="rnd"),
        "manager": WorkspaceSession(Workspace.open(team["manager"])),
    }
    yield made
    workers.wait_all()
    for s in made.values():
        s.close()


def test_a_head_is_not_offered_the_verification_nor_removing_a_verified_action(
    team: dict[str, str], sessions: dict[str, WorkspaceSession], qtbot
) -> None:
    head = sessions["head"]
    assert not head.manager_work and head.login is not None and head.login.kind == "department"
    view = show_view(ActionsView, head, qtbot)
    assert view.select(team["done"])
    editor = view.editor
    assert not editor.verification.isEnabled() and not editor.verify.isEnabled()
    why = editor.verify.toolTip()
    assert "Only the compliance manager's login records the verification" in why
    assert editor.verification.toolTip() == why
    assert editor.verify_note.isVisible() and editor.verify_note.text() == why
    assert view.delete_button.isEnabled()  # an action not verified is the head's to remove
    assert editor.save.isEnabled() and editor.root_cause.isEnabled()  # its other fields: its own
    # the service refuses the same head what the view does not offer
    with pytest.raises(NotPermitted):
        actions_service.verify(head.workspace, team["done"], by="研发部", result="有效")

    assert editor.status.isEnabled() and editor.status.toolTip() == ""

    assert view.select(team["verified"])
    assert not view.delete_button.isEnabled()
    assert not editor.status.isEnabled()  # reopening it would take the verification away
    assert "only the compliance manager's login may reopen it" in editor.status.toolTip()
    assert "compliance manager's to remove" in view.delete_button.toolTip()
    assert editor.verified_by.text() == "李审"  # shown, not editable
    with pytest.raises(NotPermitted):
        actions_service.delete(
            head.workspace, actions_service.get(head.workspace, team["verified"])
        )

    manager = show_view(ActionsView, sessions["manager"], qtbot)
    assert manager.select(team["done"])
    assert manager.editor.verify.isEnabled() and manager.editor.verify.toolTip() == ""
    assert not manager.editor.verify_note.isVisible()
    assert manager.select(team["verified"]) and manager.delete_button.isEnabled()
    assert manager.editor.status.isEnabled()


def test_a_head_is_not_offered_changing_the_audit_plan(
    sessions: dict[str, WorkspaceSession], qtbot
) -> None:
    head = show_view(PlanView, sessions["head"], qtbot)
    assert head.plan is not None and head.plan.sessions
    buttons = head.editing_widgets()
    assert not any(w.isEnabled() for w in buttons)
    assert all(
        w.toolTip() == "Only the compliance manager's login changes the audit plan."
        for w in buttons
    )
    assert head.sessions.read_only and head.people.read_only and head.rooms.read_only
    assert all(b.isEnabled() for b in head.export_buttons.values())  # reading it is the head's
    with pytest.raises(NotPermitted):
        plan_service.add_room(sessions["head"].workspace)

    manager = show_view(PlanView, sessions["manager"], qtbot)
    assert all(w.isEnabled() for w in manager.editing_widgets())
    assert not any(w.toolTip() for w in manager.editing_widgets())


def locked_look(panel: ItemPanel) -> dict[str, bool]:
    """Which of the item's editors are disabled (greyed)."""
    return {
        "status": not panel.status_editor.isEnabled(),
        "notes": not panel.notes.isEnabled() and panel.notes.isReadOnly(),
        "answers": all(not f.edit.isEnabled() for f in panel.answer_fields.values()),
        "add file": not panel.evidence_list.add_action.isEnabled(),
    }


def test_a_heads_items_of_another_department_are_greyed_and_say_whose(
    team: dict[str, str], qtbot
) -> None:
    session = WorkspaceSession(Workspace.open(team["rnd"]))  # the whole team workspace
    panel = ItemPanel(session)
    panel.resize(700, 700)
    panel.show()
    qtbot.waitExposed(panel)
    try:
        ws = session.workspace
        finance = ws.items_of("finance")[0].key
        panel.show_item(finance)
        assert not panel.editable and all(locked_look(panel).values())
        name = i18n.text(ws.department("finance").name)
        assert panel.lock_note.isVisible()
        assert panel.lock_note.text() == f"Owned by {name} — read only"
        i18n.set_language("zh")
        qtbot.waitUntil(lambda: panel.lock_note.text() == f"由 {name} 负责，只读", timeout=3000)

        panel.show_item("rnd.interview")  # its own: editable, no line
        assert panel.editable and not any(locked_look(panel).values())
        assert not panel.lock_note.isVisible()
    finally:
        panel.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        workers.wait_all()
        session.close()


def test_a_workspace_opened_read_only_greys_every_item_and_says_so(tmp_path: Path, qtbot) -> None:
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, INFO).close()
    session = WorkspaceSession(Workspace.open(path, read_only=True))
    panel = ItemPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_item("rnd.interview")
    assert all(locked_look(panel).values())
    assert panel.lock_note.isVisible()
    assert panel.lock_note.text() == "The workspace is open read-only."
    workers.wait_all()
    session.close()
