"""A forged change notification on a team workspace (the real test server): any login may call
``pg_notify('ipaudit', …)`` with any text, so the live view takes it only as a reason to read
again. Who changed an item is read from the row the change stamped (the server writes the
session's login into it), never from the notification: a department head who forges "the manager
changed this" makes the manager's desk read the item again, and names nobody falsely."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import psycopg
import pytest

from ipaudit.services import Workspace, live
from tests.integration.pg.live_helpers import ITEM, Q, Running
from tests.integration.pg.team_fixtures import team_of

pytestmark = pytest.mark.pg

FORGED = "总经理"


@pytest.fixture
def team(pg_url: str) -> Iterator[dict[str, str]]:
    with team_of(pg_url, ("rnd",)) as urls:
        yield urls


def forge(url: str, payload: str) -> None:
    """Send ``payload`` on the app's channel as the login of ``url``, with psql's means."""
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_notify('ipaudit', %s)", (payload,))


def notice(key: str, **extra: str) -> str:
    return json.dumps({"t": "item_states", "op": "UPDATE", "key": key, "by": FORGED, **extra})


def heard_since(watch: Running, before: int, key: str, timeout: float = 3.0) -> live.Change:
    heard = watch.heard
    assert heard.wait_for(lambda: any(c.key == key for _t, c in heard.changes[before:]), timeout), (
        heard.changes[before:]
    )
    return next(c for _t, c in heard.changes[before:] if c.key == key)


def test_a_forged_notice_names_nobody_falsely_and_only_makes_the_desk_read_again(
    team: dict[str, str],
) -> None:
    head_login = team["rnd_login"]
    with Workspace.open(team["manager"]) as manager, Workspace.open(team["rnd"]) as head:
        watch = Running(manager, "陈经理")
        try:
            # nobody has changed the item yet: the forged name is not taken, no name is
            before = len(watch.heard.changes)
            forge(team["rnd"], notice(ITEM, app="ipaudit:%E8%80%81%E6%9D%BF:1234abcd"))
            assert heard_since(watch, before, ITEM) == live.Change(ITEM, "")

            # a real change by the head: named by the login the server stamped
            before = len(watch.heard.changes)
            head.answer(ITEM, Q, "研发部负责人的回答")
            assert heard_since(watch, before, ITEM) == live.Change(ITEM, head_login)

            # forged again: the name is still the stamped one, never the forged
            before = len(watch.heard.changes)
            forge(team["rnd"], notice(ITEM))
            assert heard_since(watch, before, ITEM) == live.Change(ITEM, head_login)
            assert all(c.by != FORGED for _t, c in watch.heard.changes)

            # text that is no notice at all, or one claiming to be the desk's own: nothing
            # happens, and the watch stays connected
            before = len(watch.heard.changes)
            forge(team["rnd"], "not json")
            forge(team["rnd"], "[1, 2]")
            forge(team["rnd"], notice("rnd.projects", app=watch.watch.app))
            time.sleep(0.6)
            assert watch.heard.changes[before:] == []
            assert watch.heard.states[-1] == live.CONNECTED
            # the item as stored is untouched by any of it
            assert manager.state(ITEM).answers[Q] == "研发部负责人的回答"
        finally:
            watch.stop()
