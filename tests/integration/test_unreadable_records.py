"""Records that their readers cannot convert (written through another program: psql, an older or
newer app) never stop the workspace: they are left out of what the services read and reported as
findings that name the record, who wrote it and when."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_INPUT
from ipaudit.services import Workspace, audit_plan, rehearsal, request_list
from ipaudit.services import corrective_actions as actions
from ipaudit.services import mock_audit as mock
from ipaudit.services.record_checks import CODE
from tests.integration.cli_run import ok, ok_json, run

# (kind, key, department, stored value): each malformed for its kind's readers
MALFORMED = (
    ("mock_audit", "evil", "rnd", "{}"),
    ("plan", "session:x", "rnd", '{"day": "x"}'),
    ("plan", "setup", "", '{"people": 5}'),
    ("rehearsal", "rnd/x", "rnd", "[1]"),
    ("action", "bad", "rnd", '{"title": 1}'),
    ("request", "9", "rnd", "not json"),
)


@pytest.fixture
def ws(demo_path: Path) -> Iterator[Workspace]:
    with sqlite3.connect(demo_path) as conn:
        conn.executemany(
            "INSERT INTO records VALUES (?, ?, ?, ?, 1, '2026-12-01 10:00:00', 'gap15mgr')",
            MALFORMED,
        )
    conn.close()
    with Workspace.open(demo_path) as w:
        yield w


def test_every_reader_skips_them(ws: Workspace) -> None:
    assert all(a.key != "evil" for a in mock.audits(ws))
    assert all(a.key != "bad" for a in actions.actions(ws))
    assert audit_plan.load(ws) is None  # the setup row cannot be read: as if no plan was made
    assert rehearsal.results(ws) is not None
    assert all(line.request.number != "9" for line in request_list.lines(ws))
    assert ws.records.get("mock_audit", "evil") is None


def test_the_readiness_reports_each_of_them(ws: Workspace) -> None:
    assessment = ws.assess()
    found = {f.key: f for f in assessment.findings if f.code == CODE}
    assert set(found) == {f"{CODE}:{kind}/{key}" for kind, key, _d, _v in MALFORMED}
    evil = found[f"{CODE}:mock_audit/evil"]
    assert evil.department == "rnd"
    assert "mock_audit/evil" in evil.message.zh and "gap15mgr" in evil.message.zh
    assert "2026-12-01 10:00" in evil.message.en and "fix or remove" in evil.message.en
    assert "无法读取" in evil.message.zh


def test_a_readable_record_is_read_as_before(ws: Workspace) -> None:
    rec = ws.records.put("action", "ok", {"x": 1}, department="rnd")
    assert ws.records.get("packet", "none") is None
    assert ws.records.put("packet", "p", {"a": 1}).value == {"a": 1}
    assert ws.records.get("packet", "p") is not None
    assert rec.version == 1
    # an unreadable record is replaced by a write without its version (a fix by the manager)
    assert ws.records.put("mock_audit", "evil", {"y": 1}).version == 2


def test_an_item_state_that_cannot_be_read_counts_as_not_started(demo_path: Path) -> None:
    with sqlite3.connect(demo_path) as conn:
        # a file made before the status had its constraint (or another program's write)
        conn.execute("PRAGMA ignore_check_constraints = ON")
        rows = conn.execute("SELECT item_key FROM item_states ORDER BY item_key LIMIT 2").fetchall()
        (bogus,), (listed,) = rows
        conn.execute("UPDATE item_states SET status = 'bogus' WHERE item_key = ?", (bogus,))
        conn.execute("UPDATE item_states SET answers = '[1]' WHERE item_key = ?", (listed,))
    conn.close()
    with Workspace.open(demo_path) as ws:
        state = ws.state(bogus)
        assert state.status.value == "not_started" and state.version >= 1
        assert ws.states()[listed].answers == {}
        found = {f.key: f for f in ws.assess().findings if f.code == CODE}
        assert set(found) == {f"{CODE}:item_states/{bogus}", f"{CODE}:item_states/{listed}"}
        assert found[f"{CODE}:item_states/{bogus}"].item_key == bogus
        assert "bogus" in found[f"{CODE}:item_states/{bogus}"].refs[1]
        ws.set_notes(bogus, "重新填写")  # saving replaces the row: the finding goes
        assert {f.key for f in ws.assess().findings if f.code == CODE} == {
            f"{CODE}:item_states/{listed}"
        }


def test_the_manager_lists_and_removes_them_on_the_command_line(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPAUDIT_LANG", "en")
    with sqlite3.connect(demo_path) as conn:
        conn.executemany(
            "INSERT INTO records VALUES (?, ?, ?, ?, 1, '2026-12-01 10:00:00', 'gap15mgr')",
            MALFORMED,
        )
    conn.close()
    listed = ok_json(capsys, "unreadable", demo_path)
    assert [(r["kind"], r["key"]) for r in listed] == sorted((k, key) for k, key, *_r in MALFORMED)
    assert {r["updated_by"] for r in listed} == {"gap15mgr"}
    assert "Removed mock_audit/evil" in ok(
        capsys, "unreadable", demo_path, "--remove", "mock_audit/evil"
    )
    code, _out, err = run(capsys, "unreadable", demo_path, "--remove", "mock_audit/evil")
    assert code == EXIT_INPUT and "no unreadable record" in err
    with Workspace.open(demo_path) as ws:
        assert ws.records.unreadable()[0].key != "evil"
        assert len(ws.records.unreadable()) == len(MALFORMED) - 1
