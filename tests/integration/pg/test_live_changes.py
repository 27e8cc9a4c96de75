"""Working together on a team workspace on the real test server: two clients (two Workspace
objects, as two desks have); one edits, the other's listener hears of it within 2 s; its own
edits are not echoed back; both see who is connected; two edits of the same field from the same
starting point: exactly one is saved, the other is refused with who and when."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from ipaudit.services import Workspace, live
from ipaudit.store import notify
from ipaudit.store.errors import EditConflict
from tests.factories import INFO
from tests.integration.pg.live_helpers import ITEM, Q, Running

pytestmark = pytest.mark.pg


@pytest.fixture
def clients(pg_url: str) -> Iterator[tuple[Workspace, Workspace]]:
    Workspace.create(pg_url, INFO).close()
    a, b = Workspace.open(pg_url), Workspace.open(pg_url)
    yield a, b
    a.close()
    b.close()


def test_an_edit_reaches_the_other_client_within_two_seconds(clients) -> None:
    a, b = clients
    watch_a, watch_b = Running(a, "王伟"), Running(b, "李娜")
    try:
        assert watch_a.watch.announced  # the superuser installed the triggers on opening
        latencies = []
        for n in range(5):
            before = len(watch_a.heard.changes)
            began = time.perf_counter()
            b.answer(ITEM, Q, f"第 {n} 次回答")
            assert watch_a.heard.wait_for(lambda n=before: len(watch_a.heard.changes) > n, 2.0)
            at, change = watch_a.heard.changes[before]
            assert change.key == ITEM
            latencies.append(at - began)
        assert max(latencies) < 2.0
        print(f"notification latency: max {max(latencies) * 1000:.0f} ms")
        # b's own edits are not echoed back to b
        time.sleep(0.3)
        assert all(c.key != ITEM for _t, c in watch_b.heard.changes)
        # a workspace-wide change (the facts) arrives as "" (read everything again)
        before = len(watch_b.heard.changes)
        a.rename_department("rnd", "研究开发部")
        assert watch_b.heard.wait_for(
            lambda: any(c.key == "" for _t, c in watch_b.heard.changes[before:]), 2.0
        )
    finally:
        watch_a.stop()
        watch_b.stop()
    assert watch_a.heard.states[-1] == live.STOPPED


def test_each_client_sees_who_is_connected(clients, pg_url: str) -> None:
    a, _b = clients
    c = Workspace.open(pg_url)
    watch_a, watch_c = Running(a, "王伟"), Running(c, "李娜")
    heard = watch_a.heard
    try:
        assert heard.wait_for(
            lambda: bool(heard.peers) and {p.name for p in heard.peers[-1]} >= {"王伟", "李娜"}
        ), heard.peers[-1:]
        peers = heard.peers[-1]
        assert [p.name for p in peers if p.me] == ["王伟"]
        assert len([p for p in peers if p.name == "李娜"]) == 1  # one entry per client
    finally:
        watch_c.stop()
        c.close()
    # gone once it closed the workspace (its listener and its pool)
    assert heard.wait_for(lambda: "李娜" not in {p.name for p in heard.peers[-1]}, 3.0)
    watch_a.stop()


def test_two_clients_edit_the_same_field_one_wins_the_other_hears_who_and_when(clients) -> None:
    a, b = clients
    base = a.state(ITEM)
    assert b.state(ITEM) == base
    from ipaudit.services.workspace import answered

    results: dict[str, object] = {}

    def save(name: str, ws: Workspace, text: str) -> None:
        try:
            results[name] = ws.save_state(answered(base, Q, text), base=base)
        except EditConflict as exc:
            results[name] = exc

    threads = [
        threading.Thread(target=save, args=("a", a, "甲的回答")),
        threading.Thread(target=save, args=("b", b, "乙的回答")),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    conflicts = [r for r in results.values() if isinstance(r, EditConflict)]
    assert len(conflicts) == 1, results
    conflict = conflicts[0]
    assert conflict.by and conflict.at is not None  # who and when
    winner = "甲的回答" if not isinstance(results["a"], EditConflict) else "乙的回答"
    assert a.state(ITEM).answers[Q] == winner == b.state(ITEM).answers[Q]


def test_the_triggers_watch_the_tables_people_edit(clients) -> None:
    a, _b = clients
    live.LiveWatch(a, "manager")  # installs them when missing (the owner may)
    with a.store._read() as conn:
        watched = notify.installed(conn)
    assert {"item_states", "evidence", "facts", "departments", "records"} <= watched
