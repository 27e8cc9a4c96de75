"""Who changed a row of a team workspace is the database login, not the operating system's user:
several people may share one Windows account, and the server knows each by their login. Checked on
the test server with two logins (the manager and the head of R&D), each connecting as itself; the
rows read back directly with psycopg."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

import pytest

from ipaudit.services import Workspace
from ipaudit.store.edits import os_user
from ipaudit.store.errors import EditConflict
from tests.integration.pg.team_fixtures import manager_and_rnd
from tests.pg import admin_connect

pytestmark = pytest.mark.pg


@pytest.fixture
def team(pg_url: str) -> Iterator[dict[str, str]]:
    with manager_and_rnd(pg_url) as logins:
        yield logins


def login(url: str) -> str:
    from urllib.parse import unquote, urlsplit

    return unquote(urlsplit(url).username or "")


def stored_editor(admin_url: str, table: str, key: str) -> str:
    with admin_connect(admin_url) as conn:
        row = conn.execute(
            "SELECT value FROM meta WHERE key = %s", (f"edited:{table}:{key}",)
        ).fetchone()
    assert row is not None, (table, key)
    return str(json.loads(row[0])["by"])


def test_the_editor_of_a_row_is_the_login_that_changed_it(pg_url: str, team) -> None:
    head, manager = login(team["rnd"]), login(team["manager"])
    assert head != os_user() and manager != os_user()  # else the test would prove nothing
    with Workspace.open(team["rnd"]) as rnd:
        item = rnd.items_of("rnd")[0].key
        base = rnd.set_notes(item, "研发部起草")
    assert stored_editor(pg_url, "item_states", item) == head
    with Workspace.open(team["manager"]) as ws:
        assert ws.store.editor("item_states", item).by == head
        ws.set_notes(item, "合规负责人改过")
        assert ws.store.editor("item_states", item).by == manager
    assert stored_editor(pg_url, "item_states", item) == manager

    # the head, still showing the old text, is told the manager's login changed it meanwhile
    with Workspace.open(team["rnd"]) as rnd, pytest.raises(EditConflict) as caught:
        rnd.save_state(replace(base, notes="研发部的改动"), base=base)
    assert caught.value.by == manager and caught.value.at is not None
    assert manager in caught.value.message("zh")


def test_a_record_names_the_login_that_saved_it(pg_url: str, team) -> None:
    head = login(team["rnd"])
    with Workspace.open(team["rnd"]) as rnd:
        saved = rnd.records.put("packet", "rnd-1", {"text": "研发部"}, department="rnd")
        assert saved.updated_by == head
    with admin_connect(pg_url) as conn:
        row = conn.execute(
            "SELECT updated_by FROM records WHERE kind = 'packet' AND key = 'rnd-1'"
        ).fetchone()
    assert row == (head,)
    with Workspace.open(team["manager"]) as ws:
        ws.records.replace_kind("packet", ws.records.all("packet"))
        assert [r.updated_by for r in ws.records.all("packet")] == [login(team["manager"])]


def test_a_workspace_file_keeps_the_operating_system_user(tmp_path) -> None:
    from tests.factories import INFO

    with Workspace.create(tmp_path / "w.ipaudit", INFO) as ws:
        item = ws.items_of("rnd")[0].key
        ws.set_notes(item, "本机")
        assert ws.store.editor("item_states", item).by == os_user()
        assert ws.records.put("note", "k", {"a": 1}).updated_by == os_user()
