"""Connections to a workspace file, and the translation of database errors into workspace errors.

SQLite runs in WAL mode, so readers (the GUI) never wait for a writer (a worker attaching a large
file). Writes take the lock up front (``BEGIN IMMEDIATE``) and fail fast with WorkspaceLocked when
another process holds it, instead of half-way through an edit.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, CursorResult, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError

from ipaudit.store.errors import (
    DiskFull,
    NotAWorkspace,
    ReadOnlyWorkspace,
    WorkspaceCorrupt,
    WorkspaceError,
    WorkspaceLocked,
    WorkspaceNotFound,
)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 3000


# how a workspace that cannot be written is opened: ``mode=ro`` reads a file beside which SQLite
# may still keep its -wal/-shm files; ``immutable`` when not even they can be made (read-only folder)
READ_ONLY = "ro"
IMMUTABLE = "immutable"


def read_only_uri(path: Path, mode: str) -> str:
    """The SQLite URI that opens ``path`` read-only (``mode``: READ_ONLY or IMMUTABLE)."""
    query = "mode=ro&immutable=1" if mode == IMMUTABLE else "mode=ro"
    return f"{Path(path).absolute().as_uri()}?{query}"


def make_engine(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS, read_only: str = "") -> Engine:
    """An engine for the SQLite file at ``path`` with our pragmas and explicit transactions;
    ``read_only`` (READ_ONLY or IMMUTABLE) opens it for reading only."""
    timeout = busy_timeout_ms / 1000
    if read_only:
        uri = read_only_uri(path, read_only)
        engine = create_engine(  # the file URL picks the pool; the creator opens read-only
            f"sqlite:///{path}",
            creator=lambda: sqlite3.connect(
                uri, uri=True, check_same_thread=False, timeout=timeout
            ),
        )
    else:
        engine = create_engine(
            f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": timeout}
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def check_file(path: Path) -> None:
    """Refuse early what is plainly not a workspace: missing, not SQLite."""
    if not path.exists():
        raise WorkspaceNotFound(path)
    if path.is_dir():
        raise NotAWorkspace(path, "a folder")
    if not path.is_file():  # a device or pipe: reading its header could wait for ever
        raise NotAWorkspace(path, "not a file")
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except PermissionError as exc:
        raise NotAWorkspace(path, "cannot be read") from exc
    if head != SQLITE_HEADER:
        raise NotAWorkspace(path, "not a database")


def translate(exc: BaseException, path: Path | str) -> WorkspaceError | None:
    """The workspace error that a database exception means, or None for a bug."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, OSError) and getattr(orig, "errno", None) == 28:
        return DiskFull(path)
    if orig is not None and type(orig).__module__.startswith("psycopg"):  # a server's (loaded)
        from ipaudit.store.server import translate_pg

        return translate_pg(orig, path)
    if not isinstance(orig, sqlite3.Error):
        return None
    text = str(orig).lower()
    code = getattr(orig, "sqlite_errorname", "")
    if "locked" in text or code in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return WorkspaceLocked(path)
    if "disk is full" in text or code == "SQLITE_FULL":
        return DiskFull(path)
    if "readonly" in text or "read-only" in text or code.startswith("SQLITE_READONLY"):
        return ReadOnlyWorkspace(path)
    if "not a database" in text or code == "SQLITE_NOTADB":
        return NotAWorkspace(path, "not a database")
    if "malformed" in text or code == "SQLITE_CORRUPT":
        return WorkspaceCorrupt(path, str(orig))
    if "unable to open" in text or code == "SQLITE_CANTOPEN":
        return WorkspaceNotFound(path)
    return None


@contextlib.contextmanager
def translated(path: Path | str) -> Iterator[None]:
    """Re-raise database failures that have a meaning for the user as WorkspaceError."""
    try:
        yield
    except (DBAPIError, sqlite3.Error, OSError) as exc:
        err = translate(exc, path)
        if err is None:
            raise
        raise err from exc


def lock_key(conn: Connection, table: str, key: str) -> None:
    """Hold the row ``key`` of ``table`` until the transaction ends, before reading it to change
    it (whether or not it exists yet). A file's write transaction holds the whole file already
    (``BEGIN IMMEDIATE``); on a server this takes a transaction-level advisory lock, so two
    clients changing the same row run one after the other and the second reads what the first
    saved: its version check or three-way merge is against that, never a stale read."""
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
            {"key": f"{table}\x1f{key}"},
        )


def inserted_id(result: CursorResult[Any]) -> int:
    """The integer primary key of the row an INSERT just added."""
    key = result.inserted_primary_key
    if key is None:  # only for an INSERT of several rows at once
        raise ValueError("the statement inserted no single row")
    return int(key[0])
