"""A team workspace on the test server with one login per team role, for the role and moving
tests: logins named after the test's own database (so concurrent tests never share a role), all
dropped afterwards with the workspace's group roles."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from tests.pg import admin_connect, database_name, role_url


@dataclass
class Team:
    """The superuser's address of the workspace and, per login, its address with password."""

    admin_url: str
    logins: dict[str, str] = field(default_factory=dict)  # name -> URL with password

    def url(self, login: str) -> str:
        return self.logins[login]


def login_name(url: str, who: str) -> str:
    return f"{database_name(url)}_{who}"


def new_password() -> str:
    return secrets.token_urlsafe(12)


def drop_team(admin_url: str, logins: list[str]) -> None:
    """Drop the workspace's team roles (run while its database still exists) and ``logins``."""
    from sqlalchemy import create_engine

    from ipaudit.store import team_roles

    engine = create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.begin() as conn:
            team_roles.uninstall(conn)
    finally:
        engine.dispose()
    drop_logins(admin_url, logins)


def drop_logins(admin_url: str, logins: list[str]) -> None:
    """Drop ``logins`` (those still there), ending their sessions first."""
    with admin_connect(admin_url) as admin:
        for login in logins:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
                (login,),
            )
            admin.execute(f'DROP ROLE IF EXISTS "{login}"')


def team_logins(admin_url: str, names: list[str]) -> Iterator[dict[str, str]]:
    """Passwords for ``names`` (logins made by the caller), yielded as name -> URL."""
    yield {n: role_url(admin_url, n, new_password()) for n in names}


@contextmanager
def team_of(admin_url: str, heads: tuple[str, ...] = ("rnd",)) -> Iterator[dict[str, str]]:
    """A team workspace at ``admin_url`` (``tests.factories.INFO``) with a manager and the heads
    of ``heads``: each one's address with password under its name ("manager", "rnd", …), its
    login under "<name>_login", the superuser's address under "admin"; all dropped afterwards."""
    from ipaudit.services import Workspace, team
    from tests.factories import INFO

    names = {who: login_name(admin_url, who) for who in ("manager", *heads)}
    passwords = {who: new_password() for who in names}
    try:
        team.setup_team(
            admin_url,
            manager_login=names["manager"],
            manager_password=passwords["manager"],
            info=INFO,
        )
        with Workspace.open(admin_url) as ws:
            for dep in heads:
                team.add_user(ws, names[dep], "department", passwords[dep], department=dep)
        urls = {who: role_url(admin_url, names[who], passwords[who]) for who in names}
        yield urls | {f"{who}_login": names[who] for who in names} | {"admin": admin_url}
    finally:
        drop_team(admin_url, list(names.values()))


manager_and_rnd = team_of  # the manager and the head of R&D (its default heads)


def refused(url: str, *statements: str) -> str | None:
    """Run ``statements`` in one transaction as the login of ``url`` (rolled back after): None
    when the database allowed them, else the SQLSTATE it refused them with."""
    import psycopg

    with psycopg.connect(url) as conn:
        try:
            for sql in statements:
                conn.execute(sql)
        except psycopg.Error as exc:
            return exc.sqlstate or "?"
        finally:
            conn.rollback()
    return None
