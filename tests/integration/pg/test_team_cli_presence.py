"""The team commands that open a workspace file themselves (``push FILE``, ``team-setup --from
FILE``) warn on standard error when another program holds that file open for writing, as every
other command does; without a holder they say nothing there."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_OK, main
from ipaudit.services import Workspace
from tests.factories import INFO
from tests.integration.pg.team_fixtures import drop_team, login_name, new_password
from tests.pg import admin_connect, with_database
from tests.team_holder import hold, let_go

pytestmark = pytest.mark.pg

WARNING = "open for writing by 王伟"


def _run(monkeypatch, capsys, *argv: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_push_and_team_setup_from_a_held_file_warn(
    pg_url: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("IPAUDIT_LANG", "en")
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, INFO).close()
    second, third = (f"{pg_url.rsplit('/', 1)[1]}_{n}" for n in "bc")
    manager = login_name(pg_url, "manager")
    with admin_connect(pg_url) as admin:
        for name in (second, third):
            admin.execute(f'CREATE DATABASE "{name}"')
    proc = hold(path, "王伟")
    try:
        code, _out, err = _run(monkeypatch, capsys, "push", str(path), pg_url)
        assert code == EXIT_OK and WARNING in err and str(proc.pid) in err
        code, _out, err = _run(
            monkeypatch,
            capsys,
            "team-setup",
            with_database(pg_url, second),
            "--manager",
            manager,
            "--from",
            str(path),
            stdin=new_password() + "\n",
        )
        assert code == EXIT_OK, err
        assert WARNING in err
        let_go(proc)
        # nobody holds it any more: nothing on standard error
        code, _out, err = _run(monkeypatch, capsys, "push", str(path), with_database(pg_url, third))
        assert code == EXIT_OK and err == ""
    finally:
        if proc.poll() is None:
            let_go(proc)
        drop_team(with_database(pg_url, second), [manager])
        with admin_connect(pg_url) as admin:
            for name in (second, third):
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
