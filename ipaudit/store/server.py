"""A team workspace on a PostgreSQL server: the same schema and the same store as a workspace file,
reached by a ``postgresql://`` address (see ipaudit/store/address.py for its format).

Only imported for such an address: opening a file never loads psycopg.

How it differs from a file:

- The application id and schema version live in the ``meta`` table (``application_id``,
  ``schema_version``), not in a file header. Opening an older workspace upgrades it in one
  transaction; PostgreSQL's DDL is transactional, so a failed upgrade leaves it as it was and no
  backup copy is made (``backup_written`` stays None).
- Transactions run at READ COMMITTED. Each read-modify-write of the store (an item's state, a
  fact section, a department, a record, a setting) first takes a transaction-level advisory lock
  on that row's key and reads the row ``FOR UPDATE``, so two clients cannot both pass the version
  check: the second waits for the first, then merges into (or conflicts with) what it saved. An
  edit the server rolls back for a deadlock or a serialization failure runs once more, then is
  WorkspaceLocked.
- ``checkpoint()`` has nothing to do (True); ``integrity_check()`` checks the schema and that every
  stored file's chunks add up to its size; ``save_copy()`` is the pull of the workspace into a
  file (store/moving.py, as ``ipaudit pull``).
- Evidence bytes are ``bytea`` chunks of 1 MiB (store/blobs.py), written one chunk per statement
  and read back through a server-side cursor: neither way holds the whole file in memory.
- psycopg's errors become workspace errors (``translate_pg``): ServerUnreachable, NotAuthorised,
  NotPermitted (SQLSTATE 42501, also a row-level security refusal), WorkspaceLocked (deadlock or
  serialization failure), ConnectionLost (the edit was not saved). Messages carry the address
  without its password.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlsplit, urlunsplit

from sqlalchemy import Connection, Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url

from ipaudit.domain.model import Department, Facts, WorkspaceInfo
from ipaudit.store import schema as s
from ipaudit.store.address import ServerPath, masked
from ipaudit.store.engine import translated
from ipaudit.store.errors import (
    ConnectionLost,
    DiskFull,
    InvalidInput,
    NotAuthorised,
    NotPermitted,
    NoWorkspaceOnServer,
    ReadOnlyWorkspace,
    ServerUnreachable,
    WorkspaceCorrupt,
    WorkspaceError,
    WorkspaceLocked,
    WorkspaceTooNew,
)
from ipaudit.store.migrations import META_APPLICATION_ID, META_SCHEMA_VERSION, upgrade
from ipaudit.store.workspace_store import READ_ONLY_ENV, WorkspaceStore

T = TypeVar("T")

#: seconds to wait for the server to answer a new connection before ServerUnreachable
CONNECT_TIMEOUT_S = 5
#: what pg_stat_activity shows for the app's connections
APPLICATION_NAME = "ipaudit"


def make_server_engine(url: str) -> Engine:
    """An engine for the server workspace at ``url`` (psycopg 3), READ COMMITTED. A pooled
    connection is checked before use, so one broken by a server restart is replaced silently
    instead of failing the next edit."""
    sa_url = make_url(url).set(drivername="postgresql+psycopg")
    return create_engine(
        sa_url,
        isolation_level="READ COMMITTED",
        pool_pre_ping=True,
        pool_size=4,
        max_overflow=8,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": APPLICATION_NAME},
    )


def login_of(url: str) -> str:
    return unquote(urlsplit(url).username or "") or os.environ.get("PGUSER", "")


class ServerWorkspaceStore(WorkspaceStore):
    """A workspace in a PostgreSQL database. ``path`` is a ServerPath (the address without its
    password); ``address`` the same as text."""

    is_server = True

    def __init__(self, url: str, read_only: str = "") -> None:
        self.url = url  # with its password, if it has one: never shown, never logged
        self.address = masked(url)
        self.path = ServerPath(url)
        self.read_only = read_only
        try:
            port = urlsplit(url).port
            if port == 0:
                raise ValueError(port)
            self.engine = make_server_engine(url)
        except ValueError:
            raise InvalidInput(
                f"服务器地址 {self.address} 无效：端口须是 1 至 65535 之间的数字（PostgreSQL 通常用"
                " 5432），地址的写法如 postgresql://登录名@服务器:5432/数据库。",
                f"The server address {self.address} is not valid: the port must be a number from 1"
                " to 65535 (PostgreSQL usually listens on 5432); write the address like"
                " postgresql://LOGIN@SERVER:5432/DATABASE.",
                self.address,
            ) from None
        self.backup_written: Path | None = None
        self._login: str | None = None  # the session's login, once asked (``editor_name``)

    def editor_name(self, conn: Connection) -> str:
        """The database login: it is who edits (several people may share one Windows account),
        and what the rights, the live view and the server's own log know them by."""
        if self._login is None:
            self._login = str(conn.execute(text("SELECT session_user")).scalar_one())
        return self._login

    @classmethod
    def create_server(
        cls,
        url: str,
        info: WorkspaceInfo,
        template_yaml: str,
        departments: list[Department],
        facts: Facts | None = None,
    ) -> ServerWorkspaceStore:
        """A new workspace in the empty database ``url`` names, in one transaction. A database
        that does not exist yet is created first when the login may create databases."""
        store = cls(url)
        try:
            try:
                with translated(store.path), store.engine.connect():
                    pass
            except NoWorkspaceOnServer as exc:
                if not exc.missing or not create_database(url):
                    raise
            with store._write() as conn:
                if _tables(conn):
                    raise InvalidInput(
                        f"{store.address} 中已有数据表；请换一个空数据库，或直接打开它。",
                        f"{store.address} already holds tables; use an empty database, or open it.",
                        store.address,
                    )
                upgrade(conn, 0)
                store._fill(conn, info, template_yaml, departments, facts)
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open_server(cls, url: str, *, read_only: bool | None = None) -> ServerWorkspaceStore:
        """Open the workspace in the database ``url`` names; upgraded in one transaction when it
        has an older schema (nothing to back up first: a failed upgrade leaves it as it was)."""
        if read_only is None:
            read_only = os.environ.get(READ_ONLY_ENV, "") not in ("", "0")
        store = cls(url, "requested" if read_only else "")
        try:
            with store._read() as conn:
                version = store._check(conn)
            if version < s.SCHEMA_VERSION:
                if store.read_only:
                    raise ReadOnlyWorkspace(store.address, store.read_only)
                with store._write() as conn:
                    upgrade(conn, version)
        except BaseException:
            store.close()
            raise
        return store

    def _check(self, conn: Connection) -> int:
        """The workspace's schema version, after checking it is one this version reads."""
        present = _tables(conn)
        if "meta" not in present:
            raise NoWorkspaceOnServer(self.address)
        rows = dict(
            conn.execute(
                select(s.meta.c.key, s.meta.c.value).where(
                    s.meta.c.key.in_((META_APPLICATION_ID, META_SCHEMA_VERSION))
                )
            ).all()
        )
        try:
            app_id = int(rows.get(META_APPLICATION_ID, "0"))
            version = int(rows.get(META_SCHEMA_VERSION, "0"))
        except ValueError:
            raise WorkspaceCorrupt(self.address, "schema version unreadable") from None
        if app_id != s.APPLICATION_ID:
            raise NoWorkspaceOnServer(self.address)
        if version > s.SCHEMA_VERSION:
            raise WorkspaceTooNew(self.address, version, s.SCHEMA_VERSION)
        expected = [
            t.name
            for v in sorted(s.TABLES_BY_VERSION)
            if v <= version
            for t in s.TABLES_BY_VERSION[v]
        ]
        missing = [name for name in expected if name not in present]
        if missing or version < 1:
            shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
            raise WorkspaceCorrupt(self.address, f"tables missing: {shown}")
        if conn.execute(select(func.count()).select_from(s.template)).scalar_one() != 1:
            raise WorkspaceCorrupt(self.address, "the checklist is missing")
        return version

    def checkpoint(self) -> bool:
        """Nothing to copy: the server's own log holds every committed edit."""
        return True

    def integrity_check(self) -> str:
        """ "ok", or what is wrong: the schema (as opening checks it), and stored files whose
        chunks do not add up to their size."""
        with self._read() as conn:
            try:
                self._check(conn)
            except WorkspaceError as exc:
                return exc.en
            bad = conn.execute(
                text(
                    "SELECT b.sha256 FROM blobs b LEFT JOIN (SELECT blob_id, sum(octet_length(data))"
                    " AS n FROM blob_chunks GROUP BY blob_id) c ON c.blob_id = b.id"
                    " WHERE b.sha256 IS NOT NULL AND coalesce(c.n, 0) <> b.size LIMIT 5"
                )
            ).all()
        if bad:
            return "stored files incomplete: " + ", ".join(row[0][:12] for row in bad)
        return "ok"

    def save_copy(self, target: Path | str) -> Path:
        """A workspace file at ``target`` holding everything this one holds (the pull of
        store/moving.py), replacing ``target`` only once the copy is complete."""
        from ipaudit.store import moving

        target = Path(target)
        whole = target.with_name(target.name + ".copy")
        whole.unlink(missing_ok=True)
        try:
            moving.pull(self, whole)
            with translated(target):
                whole.replace(target)
        finally:
            whole.unlink(missing_ok=True)
        return target


#: the store's edits that are one transaction each and may simply run again
RETRIED = (
    "set_info",
    "set_template_yaml",
    "update_department",
    "set_facts",
    "update_facts",
    "update_item_state",
    "update_evidence",
    "set_evidence_removed",
    "accept",
    "unaccept",
    "record_snapshot",
    "set_setting",
    "bump_setting",
)
#: serialization failure, deadlock detected: the server rolled the transaction back
RETRY_STATES = ("40001", "40P01")


def _retried_once(method: Callable[..., T]) -> Callable[..., T]:
    """``method`` run a second time when the server rolled it back for a deadlock or a
    serialization failure (nothing of the first try was saved); a second failure is
    WorkspaceLocked."""

    @functools.wraps(method)
    def run(self: WorkspaceStore, *args: Any, **kwargs: Any) -> T:
        try:
            return method(self, *args, **kwargs)
        except WorkspaceLocked as exc:
            cause = getattr(exc.__cause__, "orig", None)
            if getattr(cause, "sqlstate", None) not in RETRY_STATES:
                raise
        return method(self, *args, **kwargs)

    return run


for _name in RETRIED:
    setattr(ServerWorkspaceStore, _name, _retried_once(getattr(WorkspaceStore, _name)))


def create_database(url: str) -> bool:
    """Create the database ``url`` names, connected to the server's ``postgres`` database as the
    same login; False when that is not possible (no right to create databases, no such
    database to connect to) — the caller then reports the database as missing."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/"))
    if not name:
        return False
    maintenance = urlunsplit((parts.scheme, parts.netloc, "/postgres", parts.query, ""))
    try:
        with psycopg.connect(
            maintenance, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S
        ) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.errors.DuplicateDatabase:
        return True  # someone else made it meanwhile
    except psycopg.Error:
        return False
    return True


def _tables(conn: Connection) -> set[str]:
    """The tables of the connection's schema (``public`` unless the login says otherwise)."""
    rows = conn.execute(
        text("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()")
    )
    return {row[0] for row in rows}


# --- errors -------------------------------------------------------------------------------

_TABLE_IN_MESSAGE = re.compile(r'(?:table|relation) "?([A-Za-z_][A-Za-z0-9_]*)"?')
#: the team rules' refusal: "… may not change a row of department 'rnd'"
_ROW_OF_DEPARTMENT = re.compile(r"may not change a row of department '([^']*)'")

#: what a refused table holds, for NotPermitted's message: table -> (zh, en)
TABLE_WORDS: dict[str, tuple[str, str]] = {
    "item_states": ("检查项的状态和答案", "items' statuses and answers"),
    "evidence": ("证据", "evidence"),
    "blobs": ("证据文件", "evidence files"),
    "blob_chunks": ("证据文件", "evidence files"),
    "facts": ("公司事实", "the company facts"),
    "departments": ("部门", "the departments"),
    "template": ("检查清单", "the checklist"),
    "meta": ("工作区信息", "the workspace's details"),
    "records": ("审核记录", "the audit records"),
    "acceptances": ("已接受的差异", "the accepted differences"),
    "settings": ("设置", "the settings"),
    "rates": ("奖酬标准", "the reward rates"),
    "snapshots": ("就绪度历史", "the readiness history"),
    "exports": ("导出记录", "the export history"),
    "column_mappings": ("台账列映射", "the ledger column mappings"),
    "ledger_imports": ("台账", "the ledgers"),
    "ledger_entries": ("台账", "the ledgers"),
    "ledger_problems": ("台账", "the ledgers"),
    "ledger_totals": ("台账", "the ledgers"),
}


def _short(message: str) -> str:
    """The reason at the end of a libpq connection message ("Connection refused")."""
    first = message.strip().splitlines()[0] if message.strip() else ""
    return first.rsplit("failed: ", 1)[-1].strip()[:200]


def translate_pg(orig: BaseException, path: Path | str) -> WorkspaceError | None:
    """The workspace error a psycopg exception means, or None for a bug."""
    import psycopg

    if not isinstance(orig, psycopg.Error):
        return None
    state = orig.sqlstate or ""
    message = str(orig)
    low = message.lower()
    if state == "42501":  # insufficient_privilege, also a row-level security refusal
        match = _TABLE_IN_MESSAGE.search(message)
        table = (orig.diag.table_name or (match.group(1) if match else "")) or ""
        zh, en = TABLE_WORDS.get(table, (table, table))
        row_of = _ROW_OF_DEPARTMENT.search(message)
        if not table and row_of is not None:  # the team rules' refusal (team_roles)
            if not row_of.group(1):  # a row of no department: the company's own
                return NotPermitted(
                    path,
                    "the company-wide records",
                    what_zh="全公司范围的记录",
                    reason_zh="数据库拒绝了这项修改，只有体系专员能修改它们",
                    reason_en="the database refused it: only the compliance manager may change them",
                )
            return NotPermitted(
                path,
                "another department's items or records",
                what_zh="其他部门的条目或记录",
                reason_zh="数据库拒绝了这项修改，您的登录只能修改本部门的内容",
                reason_en="the database refused it: your login may change only its own department's",
            )
        return NotPermitted(
            path,
            en or "",
            what_zh=zh or "",
            reason_zh="数据库拒绝了这项修改，您的登录角色不能修改它",
            reason_en="the database refused it: your login's role may not change it",
        )
    if state in ("40001", "40P01", "55P03"):  # serialization failure, deadlock, lock not available
        return WorkspaceLocked(path)
    if state in ("28P01", "28000") or any(
        words in low for words in ("authentication failed", "no password supplied")
    ):
        return NotAuthorised(path, login_of(str(path)))  # (the address shown keeps the login)
    if state == "3D000" or ('database "' in low and "does not exist" in low):
        return NoWorkspaceOnServer(path, missing=True)
    if state in ("53100", "53200"):  # disk full, out of memory
        return DiskFull(path)
    if state == "25006":  # read_only_sql_transaction: a standby, or a read-only login
        return ReadOnlyWorkspace(path, "refused")
    if state == "57P03":  # cannot_connect_now: starting up or shutting down
        return ServerUnreachable(path, _short(message))
    if state in ("57P01", "57P02", "08006", "08003", "08000"):  # shut down under us / lost
        return ConnectionLost(path)
    if isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError):
        if low.startswith("connection failed") or any(
            words in low
            for words in (
                "could not connect",
                "connection refused",
                "could not translate host name",
                "name or service not known",
                "timeout expired",
                "no route to host",
                "network is unreachable",
            )
        ):
            return ServerUnreachable(path, _short(message))
        return ConnectionLost(path)  # the server closed it, the network dropped it
    return None
