"""What only the compliance manager does on a team workspace: verifying a corrective action, the
audit plan, the readiness history; and who changed a row is the server's to say. A department
head is refused by the service before anything is tried, and by the server when it writes with
psql (psycopg as that login); the editor it claims is replaced by its own login."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import psycopg
import pytest

from ipaudit.cli import EXIT_WORKSPACE
from ipaudit.services import Workspace
from ipaudit.services import audit_plan as plan_service
from ipaudit.services import corrective_actions as actions
from ipaudit.store.errors import NotPermitted
from tests.integration.cli_run import run
from tests.integration.pg.team_fixtures import team_of

pytestmark = pytest.mark.pg

ITEM = "rnd.interview"  # an item of rnd in the built-in checklist
VERIFICATION = '{"date": "2026-01-05", "by": "x", "result": "ok", "effective": true}'


@pytest.fixture
def team(pg_url: str) -> Iterator[dict[str, str]]:
    """A team workspace with a manager and the head of rnd: their URLs and login names."""
    with team_of(pg_url, ("rnd",)) as urls:
        yield urls


def _state(url: str, sql: str) -> str | None:
    """None when the login of ``url`` may run ``sql`` (committed), else the SQLSTATE."""
    with psycopg.connect(url) as conn:
        try:
            conn.execute(sql)
        except psycopg.Error as exc:
            conn.rollback()
            return exc.sqlstate or "?"
    return None


def _rnd_action(team: dict[str, str]) -> str:
    with Workspace.open(team["manager"]) as ws:
        return actions.add(ws, department="rnd", finding="访谈记录缺失", root_cause="").key


def test_a_head_may_not_verify_its_own_corrective_action(team: dict[str, str]) -> None:
    key = _rnd_action(team)
    with Workspace.open(team["rnd"]) as ws:
        with pytest.raises(NotPermitted) as caught:
            actions.verify(ws, key, by="研发部", result="有效")
        assert "体系专员" in caught.value.message("zh")
        assert "compliance manager" in caught.value.message("en")
        actions.edit(ws, key, root_cause="访谈前未核对名单")  # its other fields are its own
    # through psql: the verification, or the verified status, is refused; other fields are not
    set_verification = (
        f"UPDATE records SET value = jsonb_set(value::jsonb, '{{verification}}',"
        f" '{VERIFICATION}')::text WHERE kind = 'action' AND key = '{key}'"
    )
    set_verified = (
        "UPDATE records SET value = jsonb_set(value::jsonb, '{status}', '\"verified\"')::text"
        f" WHERE kind = 'action' AND key = '{key}'"
    )
    assert _state(team["rnd"], set_verification) == "42501"
    assert _state(team["rnd"], set_verified) == "42501"
    insert_verified = (
        "INSERT INTO records VALUES ('action', 'CA-900', 'rnd',"
        f' \'{{"key": "CA-900", "verification": {VERIFICATION}}}\', 1, now(), \'\')'
    )
    assert _state(team["rnd"], insert_verified) == "42501"
    with Workspace.open(team["manager"]) as ws:
        assert actions.get(ws, key).verification is None
        assert actions.get(ws, key).root_cause == "访谈前未核对名单"
    assert _state(team["manager"], set_verification) is None  # the manager's own right


def test_a_head_may_not_remove_a_verified_action_nor_file_one_elsewhere(
    team: dict[str, str],
) -> None:
    """A head's removal of a verified action could not be undone by that head (the verification
    is the manager's): refused by the service and by the server. An action's row and the
    department it names are one: a head may not file it under another department with psql."""
    key = _rnd_action(team)
    verify = (
        f"UPDATE records SET value = jsonb_set(value::jsonb, '{{verification}}', '{VERIFICATION}')"
        f"::text WHERE kind = 'action' AND key = '{key}'"
    )
    assert _state(team["manager"], verify) is None
    with Workspace.open(team["rnd"]) as ws:
        verified = actions.get(ws, key)
        assert verified.verification is not None
        with pytest.raises(NotPermitted) as caught:
            actions.delete(ws, verified)
        assert "已验证的纠正措施" in caught.value.message("zh")
    assert _state(team["rnd"], f"DELETE FROM records WHERE kind = 'action' AND key = '{key}'") == (
        "42501"
    )
    other = _rnd_action(team)
    move = (
        "UPDATE records SET value = jsonb_set(value::jsonb, '{department}', '\"finance\"')::text"
        f" WHERE kind = 'action' AND key = '{other}'"
    )
    assert _state(team["rnd"], move) == "42501"
    assert _state(
        team["rnd"], f"DELETE FROM records WHERE kind = 'action' AND key = '{other}'"
    ) is (None)  # an open action of its own department stays the head's to remove
    with Workspace.open(team["manager"]) as ws:
        assert actions.get(ws, key).verification is not None


def test_a_head_may_not_change_the_audit_plan(team: dict[str, str]) -> None:
    with Workspace.open(team["manager"]) as ws:
        plan_service.generate(ws)
        session = next(s for s in plan_service.need_plan(ws).plan.sessions if s.department == "rnd")
    with Workspace.open(team["rnd"]) as ws:
        with pytest.raises(NotPermitted) as caught:
            plan_service.edit_session(ws, session.key, lambda s: s)
        assert "审核计划" in caught.value.message("zh")
        with pytest.raises(NotPermitted):
            plan_service.clear(ws)
    with Workspace.open(team["manager"]) as ws:
        assert plan_service.need_plan(ws).plan.sessions  # nothing changed


def test_who_changed_a_row_is_the_login_whatever_it_claims(team: dict[str, str]) -> None:
    key = _rnd_action(team)
    manager, head = team["manager_login"], team["rnd_login"]
    forged_record = (
        f"UPDATE records SET updated_by = '{manager}', value = jsonb_set(value::jsonb,"
        f" '{{root_cause}}', '\"x\"')::text WHERE kind = 'action' AND key = '{key}'"
    )
    assert _state(team["rnd"], forged_record) is None
    with Workspace.open(team["rnd"]) as ws:
        ws.set_notes(ITEM, "访谈名单已核对")
    forged_meta = (
        f'UPDATE meta SET value = \'{{"by": "{manager}", "at": "2026-01-01T00:00:00"}}\''
        f" WHERE key = 'edited:item_states:{ITEM}'"
    )
    assert _state(team["rnd"], forged_meta) is None
    with psycopg.connect(team["manager"]) as conn:
        by = conn.execute(
            f"SELECT updated_by FROM records WHERE kind = 'action' AND key = '{key}'"
        ).fetchone()
        meta = conn.execute(f"SELECT value FROM meta WHERE key = 'edited:item_states:{ITEM}'")
        edited = json.loads(meta.fetchone()[0])
    assert by == (head,)
    assert edited["by"] == head and edited["at"] == "2026-01-01T00:00:00"
    with Workspace.open(team["manager"]) as ws:
        assert ws.store.editor("item_states", ITEM).by == head


def test_the_readiness_history_is_the_managers(team: dict[str, str]) -> None:
    today = dt.date.today().isoformat()
    with Workspace.open(team["rnd"]) as ws:
        ws.set_notes(ITEM, "访谈名单已核对")  # an edit: the next check would record the day
        ws.assess()  # a head's app checks without recording the day's readiness
        assert ws.store.snapshots() == []
    with Workspace.open(team["manager"]) as ws:
        ws.set_notes(ITEM, "访谈名单已核对，已通知")
        ws.assess()
        [(day, overall, _per, _blocking)] = ws.store.snapshots()
    assert day.isoformat() == today and overall < 100
    assert _state(team["rnd"], f"DELETE FROM snapshots WHERE day = '{today}'") == "42501"
    forged = f"INSERT INTO snapshots VALUES ('{dt.date.today() + dt.timedelta(days=1)}', '100', '{{}}', 0)"
    assert _state(team["rnd"], forged) == "42501"
    with Workspace.open(team["manager"]) as ws:
        assert [s[0] for s in ws.store.snapshots()] == [dt.date.fromisoformat(today)]


def test_the_command_line_says_why_a_head_may_not_verify(
    team: dict[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    key = _rnd_action(team)
    monkeypatch.setenv("IPAUDIT_LANG", "en")
    code, _out, err = run(capsys, "action-verify", team["rnd"], key, "--by", "x", "--result", "y")
    assert code == EXIT_WORKSPACE
    assert "only the compliance manager may do this" in err
    with Workspace.open(team["manager"]) as ws:
        assert actions.get(ws, key).verification is None
