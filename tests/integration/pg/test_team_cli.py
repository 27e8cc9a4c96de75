"""The team commands end to end against the test server: team-setup, team-user (passwords from
standard input, never on the command line or in the output), team-identity, pull and push; a
department head's refused change is exit 3 with the database's refusal explained."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_OK, EXIT_WORKSPACE, main
from tests.integration.pg.team_fixtures import drop_team, login_name, new_password
from tests.pg import admin_connect, role_url, with_database

pytestmark = pytest.mark.pg


def _run(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *argv: str,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_team_is_set_up_and_used_from_the_command_line(
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    manager, head = login_name(pg_url, "manager"), login_name(pg_url, "rnd")
    manager_pw, head_pw = new_password(), new_password()
    second = f"{pg_url.rsplit('/', 1)[1]}_b"
    try:
        code, out, _ = _run(
            monkeypatch,
            capsys,
            "team-setup",
            pg_url,
            "--manager",
            manager,
            "--company",
            "团队科技有限公司",
            "--json",
            stdin=manager_pw + "\n",
        )
        assert code == EXIT_OK
        done = json.loads(out)
        assert done["created"] and done["manager_created"] and "rnd" in done["department_roles"]
        assert manager_pw not in out

        code, out, _ = _run(
            monkeypatch,
            capsys,
            "team-user",
            "add",
            pg_url,
            head,
            "--role",
            "department:rnd",
            stdin=head_pw + "\n",
        )
        assert code == EXIT_OK and head in out and head_pw not in out
        code, out, _ = _run(monkeypatch, capsys, "team-user", "list", pg_url, "--json")
        assert {"login": head, "role": "department", "department": "rnd"} in json.loads(out)

        head_url = role_url(pg_url, head, head_pw)
        code, out, _ = _run(monkeypatch, capsys, "team-identity", head_url, "--json")
        assert json.loads(out) == {"login": head, "role": "department", "departments": ["rnd"]}
        code, _, err = _run(monkeypatch, capsys, "set-fact", head_url, "policy", "新方针")
        assert code == EXIT_WORKSPACE and "没有保存" in err

        pulled = tmp_path / "pulled.ipaudit"
        code, out, _ = _run(monkeypatch, capsys, "pull", head_url, str(pulled), "--json")
        assert code == EXIT_OK and pulled.is_file() and json.loads(out)["total_rows"] > 0
        with admin_connect(pg_url) as admin:
            admin.execute(f'CREATE DATABASE "{second}"')
        code, out, _ = _run(
            monkeypatch, capsys, "push", str(pulled), with_database(pg_url, second), "--json"
        )
        assert code == EXIT_OK
        assert json.loads(out)["total_rows"] == json.loads(out)["rows"]["departments"] + sum(
            n for k, n in json.loads(out)["rows"].items() if k != "departments"
        )
        code, _, err = _run(monkeypatch, capsys, "push", str(pulled), with_database(pg_url, second))
        assert code != EXIT_OK and err

        code, out, _ = _run(monkeypatch, capsys, "team-user", "remove", pg_url, head)
        assert code == EXIT_OK
        code, out, _ = _run(monkeypatch, capsys, "team-identity", head_url, "--json")
        assert code == EXIT_WORKSPACE  # no team role: the database refuses the connection
    finally:
        drop_team(pg_url, [manager, head])
        with admin_connect(pg_url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{second}" WITH (FORCE)')
