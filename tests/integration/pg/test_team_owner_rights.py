"""On a team workspace a department head's rights follow each item's owner in the checklist, at
once and without running the setup again, whatever department a stored row names; and a row a
head could write outside what the app writes is refused by the database, or (where the head may
write its kind) read back by the manager's app as a finding instead of a crash. Every login
connects to the real server; the malformed rows are written with psycopg, as psql would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from ipaudit.cli import EXIT_OK
from ipaudit.services import Workspace, team_items, templates
from ipaudit.services import mock_audit as mock
from ipaudit.services import team as team_service
from ipaudit.services.record_checks import CODE
from ipaudit.store.errors import NotPermitted
from tests.integration.cli_run import run
from tests.integration.pg.team_fixtures import refused, team_of

pytestmark = pytest.mark.pg

HEADS = ("rnd", "finance", "hr_admin")


@pytest.fixture
def team(pg_url: str) -> Iterator[dict[str, str]]:
    """A team workspace (built-in checklist, procurement merged into hr_admin) with a manager and
    the heads of rnd, finance and hr_admin, by role."""
    with team_of(pg_url, HEADS) as urls:
        yield urls


def _moved(ws: Workspace, tmp_path: Path, item: str, old: str, new: str) -> Path:
    """The workspace's checklist with ``item`` moved from department ``old`` to ``new``."""
    text = ws.store.template_yaml()
    start = text.index(f"  - key: {item}\n")
    at = text.index(f"department: {old}\n", start)
    assert "  - key: " not in text[start + 10 : at]  # the item's own line
    path = tmp_path / "checklist.yaml"
    path.write_text(text[:at] + f"department: {new}\n" + text[at + len(f"department: {old}\n") :])
    return path


def test_rights_follow_a_template_import_and_a_merge_without_the_setup(
    team: dict[str, str], tmp_path: Path
) -> None:
    with Workspace.open(team["rnd"]) as ws:
        item = next(it.key for it in ws.template.items if it.department == "rnd")
        ws.set_notes(item, "研发部写的")  # its row names rnd from now on
    with Workspace.open(team["manager"]) as ws:
        bought = next(it.key for it in ws.template.items if it.department == "procurement")
        ws.set_notes(bought, "采购")  # row of hr_admin (procurement is merged into it)
        templates.import_template(ws, _moved(ws, tmp_path, item, "rnd", "finance"))
        assert ws.store.template_yaml().count(f"  - key: {item}\n") == 1
        ws.merge_department("procurement", "finance")
        assert team_items.follow_departments(ws)
    with Workspace.open(team["finance"]) as ws:
        ws.set_notes(item, "财务部接手")
        ws.set_notes(bought, "财务部接手采购")
    with Workspace.open(team["rnd"]) as ws, pytest.raises(NotPermitted):
        ws.set_notes(item, "研发部不再负责")
    with Workspace.open(team["hr_admin"]) as ws, pytest.raises(NotPermitted):
        ws.set_notes(bought, "行政部不再负责")
    with Workspace.open(team["manager"]) as ws:
        assert ws.state(item).notes == "财务部接手"
        assert ws.state(bought).notes == "财务部接手采购"
        with ws.store._read() as conn:
            rows = dict(
                conn.exec_driver_sql(
                    "SELECT item_key, department FROM item_states WHERE item_key IN"
                    f" ('{item}', '{bought}')"
                ).all()
            )
        assert rows == {item: "finance", bought: "finance"}


_try = refused  # run as a login, rolled back: the SQLSTATE refusing it, or None


def _commit(url: str, sql: str) -> None:
    with psycopg.connect(url) as conn:
        conn.execute(sql)


def _record(kind: str, key: str, dep: str, value: str, by: str = "x") -> str:
    return f"INSERT INTO records VALUES ('{kind}', '{key}', '{dep}', '{value}', 1, now(), '{by}')"


REFUSED_BY_POLICY = "42501"
REFUSED_BY_CHECK = "23514"
NOT_JSON = "22P02"


def test_a_head_cannot_write_rows_that_break_the_workspace(team: dict[str, str]) -> None:
    with Workspace.open(team["rnd"]) as ws:
        item = next(it.key for it in ws.items_of("rnd"))
        ws.set_notes(item, "x")
    rnd = team["rnd"]
    outcomes = {
        "a mock audit": _try(rnd, _record("mock_audit", "evil", "rnd", "{}")),
        "a plan row": _try(rnd, _record("plan", "session:x", "rnd", '{"day": "x"}')),
        "the rollover": _try(rnd, _record("rollover", "x", "rnd", "{}")),
        "a rehearsal row not an object": _try(rnd, _record("rehearsal", "rnd/x", "rnd", "[1]")),
        "a record not JSON": _try(rnd, _record("action", "a", "rnd", "not json")),
        "a status the app does not know": _try(
            rnd, f"UPDATE item_states SET status = 'bogus' WHERE item_key = '{item}'"
        ),
        "answers not an object": _try(
            rnd, f"UPDATE item_states SET answers = '[]' WHERE item_key = '{item}'"
        ),
        "instance names not JSON": _try(
            rnd, f"UPDATE item_states SET instance_names = '{{' WHERE item_key = '{item}'"
        ),
        "an item the checklist does not have": _try(
            rnd,
            "INSERT INTO item_states (item_key, department, status, na_reason, notes, answers,"
            " instance_names, version, updated_at)"
            " VALUES ('rnd.new', 'rnd', 'ready', '', '', '{}', '[]', 1, now())",
        ),
    }
    assert outcomes == {
        "a mock audit": REFUSED_BY_POLICY,
        "a plan row": REFUSED_BY_POLICY,
        "the rollover": REFUSED_BY_POLICY,
        "a rehearsal row not an object": REFUSED_BY_CHECK,
        "a record not JSON": NOT_JSON,
        "a status the app does not know": REFUSED_BY_CHECK,
        "answers not an object": REFUSED_BY_CHECK,
        "instance names not JSON": NOT_JSON,
        "an item the checklist does not have": REFUSED_BY_POLICY,
    }
    # the kinds a department writes stay its own
    assert _try(rnd, _record("rehearsal", "rnd/张三", "rnd", '{"attempts": []}')) is None
    assert _try(rnd, _record("request", "7", "rnd", "{}")) is None


def test_what_a_head_may_write_but_cannot_be_read_is_a_finding(team: dict[str, str]) -> None:
    # objects of the kinds a department writes, that their readers cannot convert
    _commit(team["rnd"], _record("rehearsal", "rnd/李四", "rnd", '{"attempts": [1]}'))
    _commit(team["rnd"], _record("action", "evil", "rnd", '{"title": 1}', by="王工"))
    # and what only the manager could write
    _commit(team["manager"], _record("mock_audit", "evil", "", '{"x": 1}'))
    with Workspace.open(team["manager"]) as ws:
        assert [a.key for a in mock.audits(ws)] == []
        found = {f.key: f for f in ws.assess().findings if f.code == CODE}
    assert set(found) == {
        f"{CODE}:rehearsal/rnd/李四",
        f"{CODE}:action/evil",
        f"{CODE}:mock_audit/evil",
    }
    assert found[f"{CODE}:action/evil"].department == "rnd"
    # the editor it claimed (王工) is replaced by the login that wrote it
    head = team["rnd_login"]
    assert f"由 {head} 于" in found[f"{CODE}:action/evil"].message.zh


def test_a_new_department_without_a_role_is_named_for_the_manager(
    team: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPAUDIT_LANG", "en")
    with Workspace.open(team["manager"]) as ws:
        assert team_items.roles_missing(ws) == []
    code, _out, err = run(
        capsys, "departments", team["manager"], "add", "quality", "--zh", "质量部", "--en", "Q"
    )
    assert code == EXIT_OK
    assert "quality" in err and "Team logins… → Update department roles" in err
    with Workspace.open(team["manager"]) as ws:
        assert team_items.roles_missing(ws) == ["quality"]
        shown = [f for f in ws.assess().findings if f.code == team_items.ROLE_MISSING]
        assert [(f.department, f.key) for f in shown] == [
            ("quality", f"{team_items.ROLE_MISSING}:quality")
        ]
        assert "更新部门角色" in shown[0].message.zh
        note = team_items.roles_missing_note(team_items.roles_missing(ws))
        assert note is not None and "Update department roles" in note.en
        assert "更新部门角色" in note.zh
    with Workspace.open(team["admin"]) as ws:
        team_service.sync_roles(ws)
        assert team_items.roles_missing(ws) == []
        assert team_items.findings(ws) == []
