"""Schema version 5 marks evidence carried over from the previous cycle: a version-4 file gets the
column, false for the evidence it holds, when it is opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ipaudit.store import schema
from ipaudit.store.workspace_store import WorkspaceStore
from tests.factories import DEPARTMENTS, INFO


def test_a_version_4_file_gains_last_cycle_false(tmp_path: Path) -> None:
    path = tmp_path / "v4.ipaudit"
    src = tmp_path / "合同.txt"
    src.write_text("劳动合同", encoding="utf-8")
    with WorkspaceStore.create(path, INFO, "x", DEPARTMENTS) as st:
        ev = st.attach(src, item_key="hr.labour_contracts", department="hr_admin")
    with sqlite3.connect(path) as raw:  # turn it into a version-4 file
        raw.execute("DROP TABLE records")
        raw.execute("ALTER TABLE evidence DROP COLUMN last_cycle")
        raw.execute("PRAGMA user_version = 4")
    with WorkspaceStore.open(path) as st:
        assert st.backup_written is not None
        (got,) = st.evidence()
        assert got.id == ev.id and got.last_cycle is False
    with sqlite3.connect(path) as raw:
        columns = {row[1] for row in raw.execute("PRAGMA table_info(evidence)")}
        assert "last_cycle" in columns
        assert raw.execute("PRAGMA user_version").fetchone() == (schema.SCHEMA_VERSION,)


def test_a_new_file_has_the_column_and_new_evidence_is_this_cycles(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("a", encoding="utf-8")
    with WorkspaceStore.create(tmp_path / "n.ipaudit", INFO, "x", DEPARTMENTS) as st:
        assert st.attach(src, item_key="k", department="rnd").last_cycle is False
