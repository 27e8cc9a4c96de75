"""The workspace file on disk: round trip, evidence blobs, migrations, refusals and clear errors.

The tests taking ``store`` run twice: on a file, and on a database of the PostgreSQL test server
(marked pg; skipped without one)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event, text

from ipaudit.domain.model import Facts, ItemState, Objective, Status, Text
from ipaudit.store import schema
from ipaudit.store.errors import (
    DiskFull,
    EditConflict,
    NotAWorkspace,
    SourceFileMissing,
    WorkspaceCorrupt,
    WorkspaceLocked,
    WorkspaceNotFound,
    WorkspaceTooNew,
)
from ipaudit.store.migrations import upgrade
from ipaudit.store.workspace_store import WorkspaceStore
from tests.factories import DEPARTMENTS, INFO

FACTS = Facts(
    policy="尊重知识产权",
    headcount={"rnd": 23},
    objectives=(Objective("p", "专利申请", Decimal("10.5"), "件", {"rnd": Decimal("10.5")}),),
    certificates=("CMMI3",),
)


@pytest.fixture
def store(workspace_address: str):
    with WorkspaceStore.create(
        workspace_address, INFO, "edition: '2023'", DEPARTMENTS, FACTS
    ) as st:
        yield st


def scalar_row(store: WorkspaceStore, sql: str) -> tuple:
    """One row of ``sql`` read through the store's own engine (a file or the server)."""
    with store.engine.connect() as conn:
        return tuple(conn.execute(text(sql)).one())


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_round_trip_survives_reopening(
    store: WorkspaceStore, workspace_address: str, tmp_path: Path
) -> None:
    store.save_item_state(
        ItemState(
            "rnd.x", Status.READY, notes="备注", answers={"q": "23人"}, instance_names=("甲",)
        ),
        "rnd",
    )
    ev = store.attach(
        write(tmp_path / "合同.pdf", b"%PDF-1.4 contract"),
        item_key="rnd.x",
        department="rnd",
        doc_date=dt.date(2025, 3, 1),
        doc_number="HT-001",
    )
    store.accept("k1", "说明")
    store.close()
    with WorkspaceStore.open(workspace_address) as again:
        assert again.info() == INFO
        assert again.facts() == FACTS
        assert again.departments() == DEPARTMENTS
        state = again.item_state("rnd.x")
        assert (state.status, state.answers, state.instance_names, state.notes) == (
            Status.READY,
            {"q": "23人"},
            ("甲",),
            "备注",
        )
        [loaded] = again.evidence()
        assert loaded == ev
        assert loaded.sha256 == hashlib.sha256(b"%PDF-1.4 contract").hexdigest()
        assert loaded.original_name == "合同.pdf" and loaded.doc_number == "HT-001"
        assert again.acceptances() == {"k1": "说明"}
        assert again.integrity_check() == "ok"


def test_identical_files_are_stored_once(store: WorkspaceStore, tmp_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    a = store.attach(write(tmp_path / "a.bin", data), item_key="i1", department="rnd")
    b = store.attach(write(tmp_path / "b.bin", data), item_key="i2", department="rnd")
    assert a.sha256 == b.sha256 == hashlib.sha256(data).hexdigest()
    assert scalar_row(store, "SELECT COUNT(*), SUM(size) FROM blobs") == (1, len(data))
    assert scalar_row(store, "SELECT COUNT(*) FROM blob_chunks") == (4,)
    assert b"".join(store.iter_blob(a.sha256)) == data
    out = store.export_blob(a.sha256, tmp_path / "out.bin")
    assert out.read_bytes() == data


def test_new_version_keeps_the_old_and_removal_is_reversible(
    store: WorkspaceStore, tmp_path: Path
) -> None:
    v1 = store.attach(write(tmp_path / "plan.docx", b"v1"), item_key="i", department="rnd")
    v2 = store.attach(
        write(tmp_path / "plan2.docx", b"v2"), item_key="i", department="rnd", supersedes=v1.id
    )
    assert [e.id for e in store.evidence()] == [v2.id]
    assert [e.id for e in store.versions_of(v2.id)] == [v1.id]
    store.set_evidence_removed(v2.id, True)
    assert [e.id for e in store.evidence()] == [v1.id]  # the older version is current again
    store.set_evidence_removed(v2.id, False)
    assert [e.id for e in store.evidence()] == [v2.id]


def test_evidence_of_one_item(store: WorkspaceStore, tmp_path: Path) -> None:
    a = store.attach(write(tmp_path / "a.txt", b"a"), item_key="i1", department="rnd")
    b = store.attach(write(tmp_path / "b.txt", b"b"), item_key="i2", department="rnd")
    b2 = store.attach(
        write(tmp_path / "b2.txt", b"b2"), item_key="i2", department="rnd", supersedes=b.id
    )
    assert [e.id for e in store.evidence("i1")] == [a.id]
    assert [e.id for e in store.evidence("i2")] == [b2.id]
    assert [e.id for e in store.evidence("i2", include_old=True)] == [b.id, b2.id]
    assert [e.id for e in store.evidence()] == [a.id, b2.id]


def test_metadata_edit(store: WorkspaceStore, tmp_path: Path) -> None:
    ev = store.attach(write(tmp_path / "a.txt", b"x"), item_key="i", department="rnd")
    changed = store.update_evidence(
        ev.id, title="培训记录", version="V2", period_start=dt.date(2025, 1, 1)
    )
    assert (changed.title, changed.version, changed.period_start) == (
        "培训记录",
        "V2",
        dt.date(2025, 1, 1),
    )


def test_version_conflict_is_reported(store: WorkspaceStore) -> None:
    first = store.save_item_state(ItemState("i", Status.IN_PROGRESS), "rnd")
    store.save_item_state(first, "rnd")  # someone else saved meanwhile (version now 2)
    with pytest.raises(EditConflict):
        store.save_item_state(first, "rnd", check_version=True)


def test_cancelled_attach_stores_nothing(store: WorkspaceStore, tmp_path: Path) -> None:
    from ipaudit.progress import Cancelled

    src = write(tmp_path / "big.bin", os.urandom(4 * 1024 * 1024))
    calls = iter(range(100))
    with pytest.raises(Cancelled):
        store.attach(src, item_key="i", department="rnd", cancel=lambda: next(calls) >= 2)
    assert store.evidence() == []
    assert scalar_row(store, "SELECT COUNT(*) FROM blob_chunks") == (0,)


def test_missing_source_file(store: WorkspaceStore, tmp_path: Path) -> None:
    with pytest.raises(SourceFileMissing) as info:
        store.attach(tmp_path / "gone.pdf", item_key="i", department="rnd")
    assert "gone.pdf" in info.value.message("zh")


def test_save_copy_is_a_workspace(store: WorkspaceStore, tmp_path: Path) -> None:
    store.save_item_state(ItemState("i", Status.READY), "rnd")
    copy = store.save_copy(tmp_path / "copy.ipaudit")
    with WorkspaceStore.open(copy) as other:
        assert other.item_state("i").status is Status.READY


def test_migration_from_v1_writes_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "old.ipaudit"
    current = WorkspaceStore.create(path, INFO, "x", DEPARTMENTS, FACTS)
    current.close()
    with sqlite3.connect(path) as raw:  # turn it into a version-1 file
        for table in reversed(schema.TABLES_BY_VERSION[2]):
            raw.execute(f"DROP TABLE {table.name}")
        raw.execute("PRAGMA user_version = 1")
    with WorkspaceStore.open(path) as st:
        assert st.backup_written is not None and st.backup_written.exists()
        assert "backup-v1" in st.backup_written.name
        st.record_snapshot(dt.date(2026, 1, 1), 50.0, {"rnd": 50.0}, 3)  # a v2 table works
        assert st.snapshots()[0][1] == 50.0
    with sqlite3.connect(st.backup_written) as raw:
        assert raw.execute("PRAGMA user_version").fetchone() == (1,)
        assert raw.execute("SELECT value FROM meta WHERE key='company'").fetchone() == (
            INFO.company,
        )
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone() == (schema.SCHEMA_VERSION,)


def test_newer_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.ipaudit"
    WorkspaceStore.create(path, INFO, "x", DEPARTMENTS).close()
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(WorkspaceTooNew) as info:
        WorkspaceStore.open(path)
    assert info.value.found == schema.SCHEMA_VERSION + 1
    assert "newer" in info.value.message("en") and "升级" in info.value.message("zh")
    assert path.read_bytes() == before


def test_not_a_workspace(tmp_path: Path) -> None:
    with pytest.raises(NotAWorkspace):
        WorkspaceStore.open(write(tmp_path / "x.ipaudit", b"hello, this is text"))
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE t (x)")
    with pytest.raises(NotAWorkspace):
        WorkspaceStore.open(other)
    with pytest.raises(WorkspaceNotFound):
        WorkspaceStore.open(tmp_path / "missing.ipaudit")


def test_damaged_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "w.ipaudit"
    with WorkspaceStore.create(path, INFO, "x", DEPARTMENTS, FACTS) as st:
        for i in range(30):
            st.save_item_state(ItemState(f"item{i}", notes="x" * 5000), "rnd")
    data = bytearray(path.read_bytes())
    page = 65536
    data[page + 100 : page * 3] = os.urandom(page * 3 - page - 100)  # wreck the b-tree pages
    path.write_bytes(bytes(data))
    with pytest.raises((WorkspaceCorrupt, NotAWorkspace)):
        st = WorkspaceStore.open(path)
        st.item_states()
        st.facts()


def test_file_another_process_is_writing(tmp_path: Path) -> None:
    path = tmp_path / "w.ipaudit"
    WorkspaceStore.create(path, INFO, "x", DEPARTMENTS).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with WorkspaceStore.open(path, busy_timeout_ms=50) as st:
            assert st.info().company == INFO.company  # reading still works (WAL)
            with pytest.raises(WorkspaceLocked) as info:
                st.save_item_state(ItemState("i", Status.READY), "rnd")
            assert "Another program" in info.value.message("en")
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_full_disk_is_a_clear_error_and_loses_nothing(
    store: WorkspaceStore, tmp_path: Path
) -> None:
    if store.is_server:
        pytest.skip("a file's size limit (a server's SQLSTATE 53100: test_server_errors)")
    store.save_item_state(ItemState("kept", Status.READY), "rnd")
    pages = sqlite3.connect(store.path).execute("PRAGMA page_count").fetchone()[0]

    @event.listens_for(store.engine, "connect")
    def _limit(dbapi_conn, _rec) -> None:  # the file may not grow: SQLite reports SQLITE_FULL
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 2}")

    store.engine.dispose()
    with pytest.raises(DiskFull):
        store.attach(
            write(tmp_path / "big.bin", os.urandom(2 * 1024 * 1024)), item_key="i", department="rnd"
        )
    assert store.item_state("kept").status is Status.READY
    assert store.evidence() == []


def test_upgrade_from_nothing_creates_every_table(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, inspect

    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.begin() as conn:
        upgrade(conn, 0)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    assert {t.name for tables in schema.TABLES_BY_VERSION.values() for t in tables} <= names


def test_department_rename_and_merge(store: WorkspaceStore) -> None:
    from dataclasses import replace

    dep = store.departments()[1]
    store.save_department(replace(dep, name=Text("知识产权办公室", "IP Office"), merged_into="rnd"))
    again = store.departments()[1]
    assert again.name.zh == "知识产权办公室" and again.merged_into == "rnd"
