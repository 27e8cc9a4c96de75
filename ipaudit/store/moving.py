"""Moving a workspace between a file and a server: every row of every table copied as it is
(ids, versions, who edited what and when, evidence bytes chunk by chunk), into a new workspace,
in one transaction of the target.

Only what names the storage itself is not copied: the schema version and application id, which a
file keeps in its header and a server in ``meta`` (the target writes its own), and nothing of the
server's team roles (they are the server's, not the workspace's).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select

from ipaudit.progress import CancelCheck, Cancelled, Progress
from ipaudit.store import schema as s
from ipaudit.store.engine import translated
from ipaudit.store.errors import InvalidInput, NoWorkspaceOnServer
from ipaudit.store.migrations import META_APPLICATION_ID, META_SCHEMA_VERSION, upgrade
from ipaudit.store.workspace_store import WorkspaceStore

#: ``meta`` keys that describe the storage, not the workspace
STORAGE_KEYS = (META_APPLICATION_ID, META_SCHEMA_VERSION)
#: rows sent to the target in one statement (evidence chunks: one at a time, 1 MiB each)
BATCH = 500


@dataclass(slots=True)
class CopyReport:
    """Rows copied per table, and the evidence bytes among them."""

    rows: dict[str, int] = field(default_factory=dict)
    evidence_bytes: int = 0

    @property
    def total_rows(self) -> int:
        return sum(self.rows.values())


def tables() -> list[Table]:
    """Every table of the workspace schema, parents before the rows that refer to them."""
    return list(s.metadata.sorted_tables)


def _amount(conn: Connection) -> int:
    """What the progress counts: rows, and the bytes of evidence chunks instead of their rows."""
    total = int(
        conn.execute(
            select(func.coalesce(func.sum(func.length(s.blob_chunks.c.data)), 0))
        ).scalar_one()
    )
    for table in tables():
        if table is not s.blob_chunks:
            total += int(conn.execute(select(func.count()).select_from(table)).scalar_one())
    return total


def _rows(conn: Connection, table: Table) -> Generator[dict[str, Any], None, None]:
    query = select(table).order_by(*table.primary_key.columns)
    if table is s.meta:
        query = query.where(s.meta.c.key.not_in(STORAGE_KEYS))
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(query)
    try:
        for row in result:
            yield dict(row._mapping)
    finally:  # (a server-side cursor left open would outlive a cancelled move)
        result.close()


def copy_rows(
    source: Connection,
    target: Connection,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> CopyReport:
    """Copy every row of ``source`` into the (empty) tables of ``target``; Cancelled when
    ``cancel()`` says so (the caller's transaction is rolled back then)."""
    report = CopyReport()
    total = _amount(source)
    done = 0
    if progress is not None:
        progress(0, total)
    for table in tables():
        count = 0
        batch: list[dict[str, Any]] = []
        with contextlib.closing(_rows(source, table)) as rows:
            for row in rows:
                if cancel is not None and cancel():
                    raise Cancelled
                batch.append(row)
                count += 1
                if table is s.blob_chunks:
                    size = len(row["data"])
                    report.evidence_bytes += size
                    done += size
                else:
                    done += 1
                if table is s.blob_chunks or len(batch) >= BATCH:
                    target.execute(insert(table), batch)
                    batch = []
                    if progress is not None:
                        progress(done, total)
        if batch:
            target.execute(insert(table), batch)
            if progress is not None:
                progress(done, total)
        report.rows[table.name] = count
    if target.dialect.name == "postgresql":
        _advance_sequences(target)
    return report


def _advance_sequences(conn: Connection) -> None:
    """After rows were inserted with their ids, the server's id sequences continue after them."""
    for table in tables():
        column = table.autoincrement_column
        if column is None:
            continue
        sequence = conn.exec_driver_sql(
            f"SELECT pg_get_serial_sequence('{table.name}', '{column.name}')"
        ).scalar()
        if sequence is None:
            continue
        conn.exec_driver_sql(
            f"SELECT setval('{sequence}', coalesce(max({column.name}), 1),"
            f" max({column.name}) IS NOT NULL) FROM {table.name}"
        )


def create_schema(conn: Connection) -> None:
    """The tables of a new workspace (today's schema), without any row but the storage's own."""
    upgrade(conn, 0)


def table_names(conn: Connection) -> set[str]:
    """The tables the target's database holds already (a server database must be empty)."""
    if conn.dialect.name == "postgresql":
        rows = conn.exec_driver_sql(
            "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
        )
    else:
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {str(r[0]) for r in rows}


def _storage_tables(conn: Connection) -> set[str]:
    return table_names(conn) & {t.name for t in tables()}


@contextlib.contextmanager
def _snapshot(store: WorkspaceStore) -> Iterator[Connection]:
    """One consistent read of ``store`` (REPEATABLE READ on a server: one snapshot for every
    table, while others keep editing)."""
    with translated(store.path), store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def push(
    source: WorkspaceStore,
    url: str,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> CopyReport:
    """Copy the workspace ``source`` into the empty database ``url`` names, in one transaction
    of the server (nothing is left there when it fails or is cancelled). A database not made
    yet is made first when the login may create databases."""
    from ipaudit.store.server import create_database

    try:
        return _push(source, url, progress, cancel)
    except NoWorkspaceOnServer as exc:
        if not exc.missing or not create_database(url):
            raise
    return _push(source, url, progress, cancel)


def _push(
    source: WorkspaceStore,
    url: str,
    progress: Progress | None,
    cancel: CancelCheck | None,
) -> CopyReport:
    from ipaudit.store.server import ServerWorkspaceStore

    target = ServerWorkspaceStore(url)
    try:
        with _snapshot(source) as src, target._write() as dst:
            if _storage_tables(dst):
                raise InvalidInput(
                    f"{target.address} 中已有工作区数据表；请换一个空数据库。",
                    f"{target.address} already holds workspace tables; use an empty database.",
                    target.address,
                )
            create_schema(dst)
            return copy_rows(src, dst, progress, cancel)
    finally:
        target.close()


def pull(
    source: WorkspaceStore,
    path: Path,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> CopyReport:
    """Copy the workspace ``source`` into a new workspace file at ``path``; written beside it
    under another name first, so a failed or cancelled pull leaves no file at ``path``."""
    if path.exists():
        raise InvalidInput(
            f"{path} 已存在；请换一个文件名。", f"{path} already exists; choose another name.", path
        )
    part = path.with_name(path.name + ".part")
    _remove(part)
    try:
        with translated(part):
            raw = sqlite3.connect(part)
            try:
                raw.execute("PRAGMA page_size = 65536")  # as a new workspace file
                raw.execute("PRAGMA journal_mode = WAL")
            finally:
                raw.close()
        target = WorkspaceStore(part)
        try:
            with _snapshot(source) as src, target._write() as dst:
                create_schema(dst)
                report = copy_rows(src, dst, progress, cancel)
            target.checkpoint()
        finally:
            target.close()
        with translated(path):
            part.replace(path)
    except BaseException:
        _remove(part)
        raise
    return report


def _remove(path: Path) -> None:
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        name.unlink(missing_ok=True)
