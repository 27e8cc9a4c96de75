"""PostgreSQL for the tests: the server tools/test.sh starts (tools/pg-test-server.sh) and a fresh
database per test.

IPAUDIT_TEST_PG holds the libpq URL of a superuser that may create databases and roles. Without it
every test using these fixtures skips with one reason. Tests against the server carry the "pg" marker
(`pytestmark = pytest.mark.pg`), so `-m pg` runs them alone and `-m "not pg"` leaves them out.

- `pg_server`: the superuser's URL (session scope; skips when there is no server).
- `pg_url`: a new, empty database with a unique name (safe with pytest-xdist workers), yielded as the
  superuser's URL of that database, dropped afterwards with every connection to it closed.
- `role_url(url, user, password)`: the same server and database as another role.
- `admin_connect(url)`: a psycopg connection in autocommit, for setting up roles and reading back.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import pytest

ENV = "IPAUDIT_TEST_PG"
SKIP_REASON = f"no PostgreSQL test server ({ENV} unset; tools/test.sh starts one)"


def with_database(url: str, dbname: str) -> str:
    """`url` with its database replaced by `dbname`."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + dbname, parts.query, parts.fragment))


def role_url(url: str, user: str, password: str | None = None) -> str:
    """`url` (same host, port and database) signed in as `user` with `password`."""
    parts = urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    netloc = quote(user, safe="")
    if password is not None:
        netloc += ":" + quote(password, safe="")
    netloc += "@" + host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def admin_connect(url: str) -> Any:
    """A psycopg connection to `url` in autocommit (psycopg is imported here, not at collection)."""
    import psycopg

    return psycopg.connect(url, autocommit=True)


@pytest.fixture(scope="session")
def pg_server() -> str:
    url = os.environ.get(ENV, "").strip()
    if not url:
        pytest.skip(SKIP_REASON)
    return url


def _drop(admin: Any, name: str) -> None:
    admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        " WHERE datname = %s AND pid <> pg_backend_pid()",
        (name,),
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    name = f"ipaudit_t_{worker}_{uuid.uuid4().hex[:12]}"
    with admin_connect(pg_server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield with_database(pg_server, name)
    finally:
        with admin_connect(pg_server) as admin:
            _drop(admin, name)


#: the two backends a store test runs on: a workspace file, and a database on the test server
BACKENDS = ["file", pytest.param("server", marks=pytest.mark.pg)]


@pytest.fixture(params=BACKENDS)
def workspace_address(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    """Where a test creates its workspace: a file in ``tmp_path``, or (the "server" case, marked
    pg) a fresh empty database on the test server, by its URL with the password."""
    if request.param == "file":
        return str(tmp_path / "w.ipaudit")
    url: str = request.getfixturevalue("pg_url")
    return url
