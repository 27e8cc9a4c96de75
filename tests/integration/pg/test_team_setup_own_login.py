"""``team-setup ADDRESS --manager <the administrator's own login>``: the administrator is the
manager as it is — no password is asked, no login is changed (a superuser or a login with
CREATEROLE may not be changed by the setup); the roles are made."""

from __future__ import annotations

import io
import json
from urllib.parse import urlsplit

import pytest

from ipaudit.cli import EXIT_OK, main
from ipaudit.services import Workspace, team
from tests.integration.pg.team_fixtures import drop_team

pytestmark = pytest.mark.pg


def test_the_administrators_own_login_is_the_manager(pg_url: str, monkeypatch, capsys) -> None:
    own = urlsplit(pg_url).username or ""
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # nothing to read: none is asked
    try:
        code = main(["team-setup", pg_url, "--manager", own, "--company", "甲公司", "--json"])
        out = capsys.readouterr().out
        assert code == EXIT_OK
        done = json.loads(out)
        assert done["created"] and not done["manager_created"] and done["department_roles"]
        with Workspace.open(pg_url) as ws:
            assert team.team_identity(ws).kind == "owner"  # the superuser: every right
            assert team.users(ws) == []  # no login was given a role
    finally:
        drop_team(pg_url, [])
