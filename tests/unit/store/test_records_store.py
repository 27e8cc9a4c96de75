"""The records table: keyed JSON records with versions, who saved them, and conflicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipaudit.demo.content import INFO
from ipaudit.services import Workspace
from ipaudit.store.errors import EditConflict
from ipaudit.store.records_store import Record, RecordStore, register_check
from ipaudit.store.workspace_store import WorkspaceStore


def test_put_get_and_version(store):
    records = RecordStore(store)
    first = records.put("room", "room-a", {"name": "会议室 A", "seats": 8}, department="")
    assert first.version == 1
    again = records.put("room", "room-a", {"name": "会议室 A", "seats": 10}, base_version=1)
    assert again.version == 2
    stored = records.get("room", "room-a")
    assert stored is not None and stored.value == {"name": "会议室 A", "seats": 10}
    assert stored.version == 2 and stored.updated_at is not None


def test_stale_edit_is_a_conflict_and_keeps_the_stored_value(store):
    records = RecordStore(store)
    records.put("note", "nc-1", {"cause": "培训不足"}, department="rnd")
    records.put("note", "nc-1", {"cause": "记录缺失"}, base_version=1)
    with pytest.raises(EditConflict) as caught:
        records.put("note", "nc-1", {"cause": "mine"}, base_version=1, what="纠正措施 1")
    assert caught.value.what == "纠正措施 1"
    assert records.get("note", "nc-1").value == {"cause": "记录缺失"}
    with pytest.raises(EditConflict):  # one that someone else created meanwhile
        records.put("note", "nc-1", {"cause": "new"}, base_version=0)


def test_kinds_departments_delete_and_replace(store):
    records = RecordStore(store)
    records.put("tally", "b", {"n": 2}, department="rnd")
    records.put("tally", "a", {"n": 1}, department="hr_admin")
    records.put("list", "a", {"n": 3})
    assert [r.key for r in records.all("tally")] == ["a", "b"]
    assert [r.key for r in records.all("tally", department="rnd")] == ["b"]
    records.delete("tally", "b")
    records.delete("tally", "missing")
    assert [r.key for r in records.all("tally")] == ["a"]
    records.replace_kind("list", [Record("list", "x", {"t": "合同"}), Record("list", "y", {})])
    assert [r.key for r in records.all("list")] == ["x", "y"]
    assert [r.key for r in records.all("tally")] == ["a"]  # other kinds untouched


def test_a_record_its_kind_cannot_read_is_left_out_and_listed(store):
    def check(rec: Record) -> object:
        return int(rec.value["n"])

    register_check("counted", check)
    records = RecordStore(store)
    records.put("counted", "good", {"n": 1}, department="rnd")
    records.put("counted", "bad", {"n": "many"}, department="rnd")
    records.put("counted", "none", {}, department="rnd")
    with store._write() as conn:  # written by another program: not JSON, not an object
        conn.exec_driver_sql(
            "INSERT INTO records VALUES ('other', 'text', '', 'not json', 1,"
            " '2026-01-02 03:04:05', 'psql')"
        )
        conn.exec_driver_sql(
            "INSERT INTO records VALUES ('other', 'list', 'hr', '[1]', 1, '2026-01-02 03:04:05',"
            " 'psql')"
        )
    assert [r.key for r in records.all("counted")] == ["good"]
    assert records.get("counted", "bad") is None and records.get("other", "text") is None
    found = records.unreadable()
    assert [(u.kind, u.key) for u in found] == [
        ("counted", "bad"),
        ("counted", "none"),
        ("other", "list"),
        ("other", "text"),
    ]
    assert found[0].reason.startswith("ValueError") and found[1].reason.startswith("KeyError")
    assert found[2].department == "hr" and found[2].updated_by == "psql"
    # the stored version still counts for a conflict, and a write replaces the row
    with pytest.raises(EditConflict):
        records.put("counted", "bad", {"n": 2}, base_version=0)
    assert records.put("counted", "bad", {"n": 2}, base_version=1).version == 2
    assert records.get("counted", "bad") is not None


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
