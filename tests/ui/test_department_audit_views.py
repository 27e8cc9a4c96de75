"""The Audit views opened as a department view (``--department rnd``) on a copy of the demo: each
shows only R&D's rows and says "研发部 only" on top; the manager's whole-workspace view shows every
department's rows and no such line. Results recorded in the department view leave the other
departments' samples as they were."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipaudit.domain.mock_audit import Result
from ipaudit.services import Workspace, audit_plan, request_list
from ipaudit.services import corrective_actions as actions_service
from ipaudit.services import mock_audit as mock_service
from ipaudit.ui import i18n, workers
from ipaudit.ui.actions.actions_view import ActionsView
from ipaudit.ui.mock_audit import samples_model as sm
from ipaudit.ui.mock_audit.mock_audit_view import MockAuditView
from ipaudit.ui.plan import plan_models as pm
from ipaudit.ui.plan.plan_view import PlanView
from ipaudit.ui.requests.requests_view import COL_NUMBER, RequestsView
from ipaudit.ui.session import WorkspaceSession
from tests.ui.helpers import show_view

DEP = "rnd"


def open_session(path: Path, qtbot, department: str | None) -> WorkspaceSession:  # type: ignore[no-untyped-def]
    s = WorkspaceSession(Workspace.open(path), department=department)
    with qtbot.waitSignal(s.assessed, timeout=20_000):
        s.assess_now()
    return s


@pytest.fixture
def demo(audit_demo_master: Path, tmp_path: Path) -> Path:
    """A copy of the demo with its audit day (tests/conftest.py), with one more corrective action
    for R&D."""
    i18n.set_language("zh")
    path = Path(shutil.copyfile(audit_demo_master, tmp_path / "demo.ipaudit"))
    with Workspace.open(path) as ws:
        actions_service.add(ws, finding="检索报告缺少审核签字", department=DEP)
    return path


@pytest.fixture
def rnd(demo: Path, qtbot) -> Iterator[WorkspaceSession]:  # type: ignore[no-untyped-def]
    s = open_session(demo, qtbot, DEP)
    yield s
    workers.wait_all()
    s.close()


@pytest.fixture
def whole(demo: Path, qtbot) -> Iterator[WorkspaceSession]:  # type: ignore[no-untyped-def]
    s = open_session(demo, qtbot, None)
    yield s
    workers.wait_all()
    s.close()


def scope_shown(view) -> str:  # type: ignore[no-untyped-def]
    return view.scope.text() if view.scope.isVisible() else ""


def test_the_mock_audit_shows_the_departments_own_samples(rnd, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws = rnd.workspace
    audit = mock_service.get(ws, "latest")
    own = [s for s in audit.samples if s.department == DEP]
    assert own and len(own) < len(audit.samples)  # the demo draws from every department
    view = show_view(MockAuditView, rnd, qtbot)
    view.open_folder_when_written = False
    assert scope_shown(view) == "仅限研发部"
    shown = [view.model.sample(r) for r in range(view.model.rowCount())]
    assert [s.key for s in shown] == [s.key for s in own]
    names = {view.model.index(r, sm.DEPARTMENT).data() for r in range(view.model.rowCount())}
    assert names == {"研发部"}
    # the walk counts the department's samples; drawing and the whole audit's report are not its
    assert f"/{len(own)}" in view.audit_choice.currentText()
    assert not view.new_button.isEnabled() and not view.redraw_button.isEnabled()
    assert not view.report_button.isEnabled()
    # a result recorded here is stored on the whole audit; the others' samples stay as they were
    target = next(s for s in own if not s.walked) if any(not s.walked for s in own) else own[0]
    view.select(target.key)
    view.panel.result_buttons[Result.OBSERVATION].click()
    view.panel.note.setPlainText("检索报告未注明检索日期")
    view.save_sample()
    after = mock_service.get(ws, audit.key)
    assert after.sample(target.key).result is Result.OBSERVATION  # type: ignore[union-attr]
    assert [s for s in after.samples if s.key != target.key] == [
        s for s in audit.samples if s.key != target.key
    ]
    assert view.model.rowCount() == len(own)


def test_the_manager_sees_every_department_and_no_scope_line(whole, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws = whole.workspace
    audit = mock_service.get(ws, "latest")
    view = show_view(MockAuditView, whole, qtbot)
    view.open_folder_when_written = False
    assert view.model.rowCount() == len(audit.samples) and scope_shown(view) == ""
    assert view.new_button.isEnabled() and view.report_button.isEnabled()
    requests = show_view(RequestsView, whole, qtbot)
    assert requests.table.rowCount() == len(request_list.lines(ws)) and scope_shown(requests) == ""
    actions = show_view(ActionsView, whole, qtbot)
    assert actions.model.rowCount() == len(actions_service.actions(ws)) > 1
    assert scope_shown(actions) == ""
    plan = show_view(PlanView, whole, qtbot)
    assert plan.sessions.rowCount() == len(audit_plan.need_plan(ws).plan.sessions)


def test_requests_actions_and_plan_show_the_departments_own_rows(rnd, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws = rnd.workspace
    rnd_items = {it.key for it in ws.items_of(DEP)}

    requests = show_view(RequestsView, rnd, qtbot)
    numbers = [requests.table.item(r, COL_NUMBER).text() for r in range(requests.table.rowCount())]
    expected = [ln.number for ln in request_list.of_department(ws, request_list.lines(ws), DEP)]
    assert numbers == expected and 0 < len(numbers) < len(request_list.lines(ws))
    for rc in request_list.coverage(ws, department=DEP):
        asked = rc.line.matched or tuple(c.item_key for c in rc.line.candidates[:1])
        assert set(asked) & rnd_items
    assert "研发部" in scope_shown(requests) and not requests.import_button.isEnabled()

    actions = show_view(ActionsView, rnd, qtbot)
    shown = [actions.model.action(r) for r in range(actions.model.rowCount())]
    every = actions_service.actions(ws)
    assert [a.key for a in shown] == [a.key for a in every if a.department == DEP]
    assert "检索报告缺少审核签字" in [a.finding for a in shown]
    assert len(shown) < len(every)  # the others' are there, not shown
    assert "研发部" in scope_shown(actions)

    plan = show_view(PlanView, rnd, qtbot)
    keys = {
        plan.sessions.data(plan.sessions.index(r, 0), pm.ObjectRole).key
        for r in range(plan.sessions.rowCount())
    }
    whole_plan = audit_plan.need_plan(ws).plan
    assert "interview_rnd" in keys and "interview_finance" not in keys
    assert {"opening", "closing"} <= keys  # the head attends them
    assert len(keys) < len(whole_plan.sessions)
    people = {
        plan.people.data(plan.people.index(r, 0), pm.ObjectRole).key
        for r in range(plan.people.rowCount())
    }
    assert "head_rnd" in people and "head_finance" not in people
    assert "研发部" in scope_shown(plan)


def test_the_scope_line_follows_the_language(rnd, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    view = show_view(ActionsView, rnd, qtbot)
    zh = scope_shown(view)
    try:
        i18n.set_language("en")
        QApplication.sendEvent(view, QEvent(QEvent.Type.LanguageChange))
        assert scope_shown(view) == "R&D only"
    finally:
        i18n.set_language("zh")
    assert zh != "R&D only" and "研发部" in zh


def test_the_scope_line_reads_the_department_once(rnd, qtbot) -> None:  # type: ignore[no-untyped-def]
    """On a team workspace every reading is a round trip on the GUI thread: the "only" line of
    each view and of each language asks the session for the name it read once."""
    from sqlalchemy import event

    from ipaudit.ui.department_scope import scope_text

    statements: list[str] = []
    engine = rnd.workspace.store.engine
    listen = lambda _c, _cur, sql, *_a: statements.append(sql)  # noqa: E731
    event.listen(engine, "before_cursor_execute", listen)
    try:
        assert scope_text(rnd) == "仅限研发部" and statements
        statements.clear()
        i18n.set_language("en")
        assert [scope_text(rnd) for _ in range(3)] == ["R&D only"] * 3
        assert statements == []
    finally:
        event.remove(engine, "before_cursor_execute", listen)
        i18n.set_language("zh")
