"""The records table: keyed JSON records with versions, who saved them, and conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipaudit.demo.content import INFO
from ipaudit.services import Workspace
from ipaudit.store.errors import EditConflict
from ipaudit.store.records_store import Record, RecordStore
from ipaudit.store.workspace_store import WorkspaceStore


def test_put_get_and_version(store):
    records = RecordStore(store)
    first = records.put("plan", "room-a", {"name": "会议室 A", "seats": 8}, department="")
    assert first.version == 1
    again = records.put("plan", "room-a", {"name": "会议室 A", "seats": 10}, base_version=1)
    assert again.version == 2
    stored = records.get("plan", "room-a")
    assert stored is not None and stored.value == {"name": "会议室 A", "seats": 10}
    assert stored.version == 2 and stored.updated_at is not None


def test_stale_edit_is_a_conflict_and_keeps_the_stored_value(store):
    records = RecordStore(store)
    records.put("action", "nc-1", {"cause": "培训不足"}, department="rnd")
    records.put("action", "nc-1", {"cause": "记录缺失"}, base_version=1)
    with pytest.raises(EditConflict) as caught:
        records.put("action", "nc-1", {"cause": "mine"}, base_version=1, what="纠正措施 1")
    assert caught.value.what == "纠正措施 1"
    assert records.get("action", "nc-1").value == {"cause": "记录缺失"}
    with pytest.raises(EditConflict):  # one that someone else created meanwhile
        records.put("action", "nc-1", {"cause": "new"}, base_version=0)


def test_kinds_departments_delete_and_replace(store):
    records = RecordStore(store)
    records.put("rehearsal", "b", {"n": 2}, department="rnd")
    records.put("rehearsal", "a", {"n": 1}, department="hr_admin")
    records.put("request", "a", {"n": 3})
    assert [r.key for r in records.all("rehearsal")] == ["a", "b"]
    assert [r.key for r in records.all("rehearsal", department="rnd")] == ["b"]
    records.delete("rehearsal", "b")
    records.delete("rehearsal", "missing")
    assert [r.key for r in records.all("rehearsal")] == ["a"]
    records.replace_kind(
        "request", [Record("request", "x", {"t": "合同"}), Record("request", "y", {})]
    )
    assert [r.key for r in records.all("request")] == ["x", "y"]
    assert [r.key for r in records.all("rehearsal")] == ["a"]  # other kinds untouched


def test_a_version_4_file_gains_the_records_table(tmp_path: Path) -> None:
    import sqlite3

    from ipaudit.store import schema

    path = tmp_path / "old.ipaudit"
    Workspace.create(path, INFO).close()
    raw = sqlite3.connect(path)
    raw.execute("DROP TABLE records")
    raw.execute("PRAGMA user_version = 4")
    raw.commit()
    raw.close()
    with WorkspaceStore.open(path) as st:
        assert st.backup_written is not None and "backup-v4" in st.backup_written.name
        RecordStore(st).put("plan", "day", {"date": "2027-03-01"})
        assert RecordStore(st).get("plan", "day") is not None
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone() == (schema.SCHEMA_VERSION,)
    raw.close()
