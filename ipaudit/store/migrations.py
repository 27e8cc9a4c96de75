"""Schema versions: create a new file, migrate an older one (after a backup), refuse a newer one.

A file keeps its application id and schema version in SQLite's header (``PRAGMA application_id``,
``user_version``); a team workspace on PostgreSQL keeps them in the ``meta`` table (keys
``application_id`` and ``schema_version``). The steps run on both: PostgreSQL's DDL is
transactional, so a server workspace is upgraded in one transaction and needs no backup copy (a
failed upgrade leaves it as it was).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, delete, insert, inspect

from ipaudit.store.errors import NotAWorkspace, WorkspaceTooNew
from ipaudit.store.schema import (
    APPLICATION_ID,
    EVIDENCE_COLUMNS_5,
    LEDGER_IMPORT_COLUMNS_4,
    SCHEMA_VERSION,
    TABLES_BY_VERSION,
    meta,
    metadata,
)

#: the meta keys of a server workspace's application id and schema version (a file's header
#: holds them there)
META_APPLICATION_ID = "application_id"
META_SCHEMA_VERSION = "schema_version"


def _create_tables(version: int) -> Callable[[Connection], None]:
    def step(conn: Connection) -> None:
        metadata.create_all(conn, tables=list(TABLES_BY_VERSION[version]))

    return step


def _ledger_import_reading(conn: Connection) -> None:
    """Version 4: ledger imports keep the mapping's confidence, the columns not imported, the
    evidence they attached and the import they set aside. A file created now has them already (ledger_imports is created from
    today's table at version 2); an older file gets them, empty, for the imports it holds."""
    if conn.dialect.name == "sqlite":
        present = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(ledger_imports)")}
    else:
        present = {col["name"] for col in inspect(conn).get_columns("ledger_imports")}
    for name, sql_type in LEDGER_IMPORT_COLUMNS_4:
        if name not in present:
            conn.exec_driver_sql(f"ALTER TABLE ledger_imports ADD COLUMN {name} {sql_type}")


def _records_and_last_cycle(conn: Connection) -> None:
    """Version 5: the records table, and evidence marked as carried over from the previous cycle
    (a file created now has the column already; an older file gets it, false for every row)."""
    _create_tables(5)(conn)
    if conn.dialect.name == "sqlite":
        present = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(evidence)")}
    else:
        present = {col["name"] for col in inspect(conn).get_columns("evidence")}
    for name, sql_type in EVIDENCE_COLUMNS_5:
        if name not in present:
            conn.exec_driver_sql(f"ALTER TABLE evidence ADD COLUMN {name} {sql_type}")


# version reached -> the step that reaches it from the one before
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _create_tables(1),
    2: _create_tables(2),
    3: _create_tables(3),
    4: _ledger_import_reading,
    5: _records_and_last_cycle,
}


def read_version(conn: sqlite3.Connection) -> tuple[int, int]:
    """(application_id, user_version) of an open SQLite connection."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return app_id, version


def check_version(path: Path, app_id: int, version: int) -> None:
    if app_id != APPLICATION_ID:
        raise NotAWorkspace(path, "another program's database")
    if version > SCHEMA_VERSION:
        raise WorkspaceTooNew(path, version, SCHEMA_VERSION)


def backup_path(path: Path, version: int, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}-backup-v{version}-{stamp}{path.suffix}")


def backup(path: Path, target: Path) -> Path:
    """A consistent copy of the live file through SQLite's backup API."""
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade(conn: Connection, start: int, target: int = SCHEMA_VERSION) -> None:
    """Run the steps from ``start`` to ``target`` inside the caller's transaction."""
    for version in range(start + 1, target + 1):
        MIGRATIONS[version](conn)
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.exec_driver_sql(f"PRAGMA user_version = {target}")
        return
    for key, value in ((META_APPLICATION_ID, APPLICATION_ID), (META_SCHEMA_VERSION, target)):
        conn.execute(delete(meta).where(meta.c.key == key))
        conn.execute(insert(meta).values(key=key, value=str(value)))
