"""Carry a workspace's content into the next cycle's new file, table to table inside SQLite.

The new file is created first (information, checklist copy, departments, facts); then the previous
file is attached read-only and one transaction copies, by SQL alone, what carries over: item states
(some marked "needs refresh"), the current evidence links marked ``last_cycle`` with the bytes they
point to (blob rows and chunks copied as they are, never read into Python), the reward rates, the
remembered column mappings, the settings and the records the caller keeps. What belongs to the
previous period stays in the previous file: older evidence versions and removed links, ledger
imports, accepted explanations, the readiness history and the export history.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Table

from ipaudit.domain.model import Status
from ipaudit.store import schema as s
from ipaudit.store.engine import read_only_uri, translated

#: the meta key naming the file a workspace was rolled over from
PREVIOUS_CYCLE = "previous_cycle"
#: the tables copied whole from the previous file
WHOLE_TABLES: tuple[Table, ...] = (s.rates, s.column_mappings, s.settings)


def _columns(table: Table) -> str:
    return ", ".join(f'"{c.name}"' for c in table.columns)


def carry_over(
    target: Path,
    source: Path,
    *,
    refresh: Iterable[str],
    leave_records: Iterable[tuple[str, str]],
    source_label: str,
    mode: str = "ro",
) -> dict[str, int]:
    """Copy what carries over from ``source`` into the new workspace file ``target`` (created,
    not open elsewhere), in one transaction. ``refresh``: the item keys whose status becomes
    "needs refresh"; ``leave_records``: (kind, key) of records that stay behind;
    ``source_label``: what the new file records as its origin. Returns counts per table."""
    with translated(target):
        conn = sqlite3.connect(target, isolation_level=None, timeout=3)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            # the new file is not in use yet and is thrown away when anything fails: its bytes go
            # to it once, not through a write-ahead log, and reach the disk at the end
            conn.execute("PRAGMA journal_mode = MEMORY")
            conn.execute("PRAGMA synchronous = OFF")
            with translated(source):
                conn.execute("ATTACH DATABASE ? AS prev", (read_only_uri(source, mode),))
            try:
                counts = _copy(conn, set(refresh), set(leave_records), source_label)
            finally:
                conn.execute("DETACH DATABASE prev")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        with target.open("rb+") as fh:
            os.fsync(fh.fileno())
        return counts


def _copy(
    conn: sqlite3.Connection,
    refresh: set[str],
    leave: set[tuple[str, str]],
    source_label: str,
) -> dict[str, int]:
    counts: dict[str, int] = {}
    conn.execute("BEGIN IMMEDIATE")
    try:
        cols = _columns(s.item_states)
        conn.execute(f"INSERT INTO item_states ({cols}) SELECT {cols} FROM prev.item_states")
        conn.executemany(
            "UPDATE item_states SET status = ?, version = version + 1 WHERE item_key = ?",
            [(Status.NEEDS_REFRESH.value, key) for key in sorted(refresh)],
        )
        counts["item_states"] = _count(conn, "item_states")

        cols = ", ".join(f'"{c.name}"' for c in s.evidence.columns if c.name != "last_cycle")
        conn.execute(
            f"INSERT INTO evidence ({cols}, last_cycle) SELECT {cols}, 1 FROM prev.evidence"
            " WHERE current = 1 AND removed = 0"
        )
        conn.execute("UPDATE evidence SET supersedes = NULL")  # older versions stay behind
        counts["evidence"] = _count(conn, "evidence")

        conn.execute(
            "INSERT INTO blobs (id, sha256, size) SELECT b.id, b.sha256, b.size FROM prev.blobs b"
            " WHERE b.sha256 IN (SELECT sha256 FROM evidence)"
        )
        conn.execute(
            "INSERT INTO blob_chunks (blob_id, seq, data) SELECT c.blob_id, c.seq, c.data"
            " FROM prev.blob_chunks c WHERE c.blob_id IN (SELECT id FROM blobs)"
        )
        counts["blobs"] = _count(conn, "blobs")

        for table in WHOLE_TABLES:
            cols = _columns(table)
            conn.execute(f"DELETE FROM {table.name}")
            conn.execute(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM prev.{table.name}")
            counts[table.name] = _count(conn, table.name)

        cols = _columns(s.records)
        conn.execute(f"INSERT INTO records ({cols}) SELECT {cols} FROM prev.records")
        conn.executemany("DELETE FROM records WHERE kind = ? AND key = ?", sorted(leave))
        counts["records"] = _count(conn, "records")

        conn.execute("DELETE FROM meta WHERE key = ?", (PREVIOUS_CYCLE,))
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (PREVIOUS_CYCLE, source_label))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return counts


def _count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
