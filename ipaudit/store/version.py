"""What marks a file as an ipaudit workspace, and which schema it has: constants and a quick look
at a file that load no database layer (SQLAlchemy), so the app can look at a file before it is
loaded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_VERSION = 5
APPLICATION_ID = 0x49504155  # "IPAU": tells an ipaudit file from any other SQLite file


def needs_upgrade(path: Path) -> bool:
    """Whether ``path`` is an ipaudit workspace of an older format (a quick read-only look; any
    trouble is left to the real opening, which reports it properly)."""
    if not path.is_file():
        return False
    try:
        conn = peek(path, timeout=0.5)
        try:
            app_id, version = file_format(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return bool(app_id == APPLICATION_ID and 0 < version < SCHEMA_VERSION)


def peek(path: Path, timeout: float) -> sqlite3.Connection:
    """A read-only stdlib connection to ``path`` for a quick look before the real opening."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)


def file_format(conn: sqlite3.Connection) -> tuple[int, int]:
    """The file's (application id, schema version)."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return int(app_id), int(version)
