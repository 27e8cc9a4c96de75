"""The export history (schema version 3): recorded, listed newest first, found by manifest
digest; a version-2 file is upgraded after a backup and keeps everything it held."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from ipaudit.store import schema
from ipaudit.store.exports_store import export_history, record_export
from ipaudit.store.workspace_store import WorkspaceStore
from tests.factories import DEPARTMENTS, INFO

DIGEST = "ab" * 32


def test_record_and_list_the_history(tmp_path: Path) -> None:
    path = tmp_path / "w.ipaudit"
    with WorkspaceStore.create(path, INFO, "x", DEPARTMENTS) as st:
        first = record_export(
            st,
            target="/packs/a",
            options={"lang": "zh", "redact": True},
            manifest_sha256=DIGEST.upper(),
            files=12,
            size=3456,
            when=dt.datetime(2026, 3, 1, 9, 30),
        )
        record_export(
            st,
            target="/packs/b.zip",
            options={"lang": "en"},
            manifest_sha256="cd" * 32,
            files=3,
            size=10,
            when=dt.datetime(2026, 3, 2, 9, 30),
        )
    with WorkspaceStore.open(path) as st:  # survives closing
        history = export_history(st)
        assert [r.target for r in history] == ["/packs/b.zip", "/packs/a"]
        assert export_history(st, DIGEST) == [first]
        assert export_history(st, DIGEST.upper())[0].options == {"lang": "zh", "redact": True}
        assert export_history(st, "00" * 32) == []
    assert first.as_dict()["manifest_sha256"] == DIGEST
    assert first.as_dict()["exported_at"] == "2026-03-01T09:30:00"


def test_a_version_2_file_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "old.ipaudit"
    WorkspaceStore.create(path, INFO, "x", DEPARTMENTS).close()
    with sqlite3.connect(path) as raw:  # turn it into a version-2 file
        for table in schema.TABLES_BY_VERSION[3]:
            raw.execute(f"DROP TABLE {table.name}")
        raw.execute("PRAGMA user_version = 2")
    with WorkspaceStore.open(path) as st:
        assert st.backup_written is not None and "backup-v2" in st.backup_written.name
        assert st.info().company == INFO.company
        assert export_history(st) == []
        record_export(st, target="p", options={}, manifest_sha256=DIGEST, files=1, size=1)
        assert len(export_history(st)) == 1
    with sqlite3.connect(st.backup_written) as raw:
        assert raw.execute("PRAGMA user_version").fetchone() == (2,)
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "exports" not in tables
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone() == (schema.SCHEMA_VERSION,) == (5,)
