"""Whether a file that says it is an ipaudit workspace holds what its schema version promises.

A file can carry ipaudit's application id and still be empty or cut short (a copy interrupted
at its first page, a tool that rewrote the header). Opening it must not "upgrade" it into a blank
workspace or fail half-way: before anything is written, a missing table or checklist is
``WorkspaceCorrupt`` and the file is left exactly as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ipaudit.store.errors import WorkspaceCorrupt
from ipaudit.store.schema import TABLES_BY_VERSION


def check_structure(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Raise WorkspaceCorrupt unless the tables of ``version`` and the checklist row exist.

    ``conn`` is a plain connection to the file; only reads are made."""
    if version < 1:
        # ipaudit writes its application id together with the first tables and version 1
        raise WorkspaceCorrupt(path, "no schema version, no tables")
    present = {
        row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    expected = [
        t.name for v in sorted(TABLES_BY_VERSION) if v <= version for t in TABLES_BY_VERSION[v]
    ]
    missing = [name for name in expected if name not in present]
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        raise WorkspaceCorrupt(path, f"tables missing: {shown}")
    if conn.execute("SELECT count(*) FROM template WHERE id = 1").fetchone()[0] != 1:
        raise WorkspaceCorrupt(path, "the checklist is missing")
