"""What each failure psycopg reports becomes for the user (no server needed: the errors are built
as psycopg builds them from the server's SQLSTATE and libpq's message)."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors as pg

from ipaudit.store.address import masked, server_url
from ipaudit.store.errors import (
    ConnectionLost,
    DiskFull,
    NotAuthorised,
    NotPermitted,
    NoWorkspaceOnServer,
    ReadOnlyWorkspace,
    ServerUnreachable,
    WorkspaceLocked,
)
from ipaudit.store.server import translate_pg

ADDRESS = masked("postgresql://li.ming:pa%40ss@db.example:5432/ipaudit_2026")


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (pg.lookup("42501")("permission denied for table facts"), NotPermitted),
        (
            pg.lookup("42501")('new row violates row-level security policy for table "evidence"'),
            NotPermitted,
        ),
        (pg.lookup("40P01")("deadlock detected"), WorkspaceLocked),
        (pg.lookup("40001")("could not serialize access"), WorkspaceLocked),
        (pg.lookup("53100")("could not extend file"), DiskFull),
        (pg.lookup("25006")("cannot execute UPDATE in a read-only transaction"), ReadOnlyWorkspace),
        (pg.lookup("57P01")("terminating connection due to administrator command"), ConnectionLost),
        (pg.lookup("3D000")('database "ipaudit_2026" does not exist'), NoWorkspaceOnServer),
        (
            psycopg.OperationalError(
                'connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL: '
                ' password authentication failed for user "li.ming"'
            ),
            NotAuthorised,
        ),
        (
            psycopg.OperationalError(
                'connection failed: connection to server at "10.0.0.5", port 5432 failed:'
                " Connection refused\n\tIs the server running on that host and accepting TCP/IP"
                " connections?"
            ),
            ServerUnreachable,
        ),
        (
            psycopg.OperationalError(
                'connection failed: could not translate host name "db.example" to address'
            ),
            ServerUnreachable,
        ),
        (
            psycopg.OperationalError(
                "consuming input failed: server closed the connection unexpectedly"
            ),
            ConnectionLost,
        ),
    ],
)
def test_server_failures_are_workspace_errors(error: psycopg.Error, expected: type) -> None:
    translated = translate_pg(error, ADDRESS)
    assert type(translated) is expected
    for lang in ("zh", "en"):
        message = translated.message(lang)
        assert ADDRESS in message or expected in (NotPermitted, WorkspaceLocked, ConnectionLost)
        assert "pa@ss" not in message and "pa%40ss" not in message


def test_the_reasons_are_named() -> None:
    refused = translate_pg(pg.lookup("42501")("permission denied for table facts"), ADDRESS)
    assert "公司事实" in refused.message("zh") and "company facts" in refused.message("en")
    login = translate_pg(psycopg.OperationalError("password authentication failed"), ADDRESS)
    assert "li.ming" in login.message("zh")
    down = translate_pg(
        psycopg.OperationalError("connection failed: ... port 1 failed: Connection refused"),
        ADDRESS,
    )
    assert "Connection refused" in down.message("en")
    assert translate_pg(ValueError("not a database error"), ADDRESS) is None


def test_an_address_is_told_from_a_path_and_shown_without_its_password() -> None:
    assert server_url("C:/Users/li/审核.ipaudit") is None
    assert server_url("postgres://h/db") == "postgres://h/db"
    assert server_url("postgresql:\\\\li@h\\db") == "postgresql://li@h/db"  # Path() on Windows
    assert masked("postgresql://li:se%2Fcret@[::1]:5433/db?sslmode=require") == (
        "postgresql://li@[::1]:5433/db?sslmode=require"
    )


def test_a_server_workspace_path_shows_the_address_and_never_the_password() -> None:
    from pathlib import Path

    from ipaudit.store.address import ServerPath

    path = ServerPath("postgresql://li:se%2Fcret@db.example:5433/ipaudit_2026")
    assert str(path) == f"{path}" == "postgresql://li@db.example:5433/ipaudit_2026"
    assert path.name == "ipaudit_2026"
    assert all("cret" not in part for part in (*path.parts, repr(path), str(path.parent)))
    assert server_url(Path(path)) == str(path)  # given back as a Path, it names the same place


def test_a_refusal_is_named_in_each_language_of_its_own() -> None:
    from ipaudit.store.errors import NotPermitted

    err = NotPermitted("postgresql://x@h/db", "the company facts", what_zh="公司事实")
    zh, en = err.message("zh"), err.message("en")
    assert "公司事实" in zh and "the company facts" not in zh
    assert "the company facts" in en and "公司事实" not in en


@pytest.mark.parametrize("port", ["abc", "99999", "0"])
def test_a_port_that_is_no_port_is_refused_before_connecting(port: str) -> None:
    from ipaudit.services.workspace import Workspace
    from ipaudit.store.errors import InvalidInput

    url = f"postgresql://li.ming:secret1234@127.0.0.1:{port}/ipaudit_2026"
    assert masked(url) == f"postgresql://li.ming@127.0.0.1:{port}/ipaudit_2026"
    with pytest.raises(InvalidInput) as caught:
        Workspace.open(url)
    assert "the port must be a number from 1 to 65535" in caught.value.message("en")
    assert "端口须是 1 至 65535 之间的数字" in caught.value.message("zh")
    assert "secret1234" not in caught.value.message("en") + caught.value.message("zh")


def test_the_team_rules_refusal_says_whose_row_it_was() -> None:
    other = translate_pg(
        pg.lookup("42501")("permission denied: wang may not change a row of department 'hr'"),
        ADDRESS,
    )
    assert isinstance(other, NotPermitted)
    assert "another department's items or records" in other.message("en")
    assert "only its own department's" in other.message("en")
    assert "其他部门的条目或记录" in other.message("zh") and "'hr'" not in other.message("en")
    company = translate_pg(
        pg.lookup("42501")("permission denied: wang may not change a row of department ''"),
        ADDRESS,
    )
    assert isinstance(company, NotPermitted)
    assert "the company-wide records" in company.message("en")
    assert "只有体系专员" in company.message("zh")
