"""The ledger repository on a real workspace file: imports stored with how their columns were
read, set aside and brought back, mappings remembered, rates and the window, and a version-3
file upgraded with its imports kept."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from ipaudit.demo.content import INFO
from ipaudit.demo.ledgers import _expenses_csv, _payments_xlsx
from ipaudit.ledger.importer import import_ledger
from ipaudit.ledger.model import LedgerKind
from ipaudit.services import Workspace
from ipaudit.services import ledgers as ledger_service
from ipaudit.store import schema
from ipaudit.store.ledger_store import LedgerStore
from ipaudit.store.workspace_store import WorkspaceStore

P, E = LedgerKind.PAYMENTS, LedgerKind.EXPENSES


def test_an_import_is_stored_with_its_reading_and_read_back(
    store: WorkspaceStore, tmp_path: Path
) -> None:
    repo = LedgerStore(store)
    result = import_ledger(_payments_xlsx(tmp_path / "发放.xlsx"))
    assert result.unused_columns  # 序号 and 领取人签字 are not ledger fields
    import_id = repo.save_import(result, sha256="ab" * 32, signature="sig-1")
    [record] = repo.imports()
    assert (record.id, record.kind, record.file_name, record.sheet) == (
        import_id,
        P,
        "发放.xlsx",
        "奖金发放",
    )
    assert record.mapping == result.mapping and record.sha256 == "ab" * 32
    assert record.confidence == Decimal(f"{result.confidence:.2f}")
    assert [(c.letter, c.header) for c in record.unused_columns or ()] == [
        (n.letter, n.header) for n in result.unused_columns
    ]
    assert record.evidence_id is None
    repo.set_import_evidence(import_id, 7)
    assert repo.import_record(import_id).evidence_id == 7  # type: ignore[union-attr]
    contents = repo.contents()
    assert contents.entries[P] == result.entries
    assert contents.totals == result.totals and contents.problems == result.problems
    assert repo.remembered_mapping("sig-1") == (P, result.mapping)
    assert repo.remembered_mapping("other") is None
    assert repo.imported_hashes(P) == {"ab" * 32} and repo.imported_hashes(E) == set()


def test_a_replaced_import_is_set_aside_brought_back_and_purged(
    store: WorkspaceStore, tmp_path: Path
) -> None:
    repo = LedgerStore(store)
    path = _expenses_csv(tmp_path / "经费.csv")
    first = repo.save_import(import_ledger(path), sha256="01" * 32)
    second = repo.save_import(import_ledger(path), sha256="02" * 32, keep_replaced=True)
    assert repo.current_import(E) == second
    assert repo.import_record(second).replaced_id == first  # type: ignore[union-attr]
    assert not repo.import_record(first).in_use  # type: ignore[union-attr]
    assert repo.imported_hashes(E) == {"01" * 32, "02" * 32}
    assert [r.id for r in repo.imports()] == [second]  # a set-aside import is not in use
    repo.activate_import(E, first)
    assert repo.current_import(E) == first
    assert repo.import_record(first).replaced_id is None  # type: ignore[union-attr]
    with pytest.raises(LookupError):
        repo.activate_import(E, 999)
    assert repo.current_import(E) == first  # one transaction: nothing was switched
    repo.activate_import(E, None)
    assert repo.current_import(E) is None and repo.contents().entries == {}
    repo.purge_set_aside()
    assert repo.import_record(first) is None and repo.imported_hashes(E) == set()
    third = repo.save_import(import_ledger(path))
    repo.remove_import(E)
    assert repo.current_import(E) is None and repo.import_record(third) is None


def test_rates_window_and_generations(store: WorkspaceStore) -> None:
    repo = LedgerStore(store)
    assert repo.rates() == [] and repo.window_days() == ""
    repo.set_rates({"invention": Decimal("5000.00"), "design": Decimal(500)})
    assert sorted(repo.rates()) == [("design", Decimal(500)), ("invention", Decimal("5000.00"))]
    repo.set_rates(None)
    assert repo.rates() == []
    repo.set_window_days(30)
    assert repo.window_days() == "30"
    before, imports = repo.generation(), repo.imports_generation()
    repo.mark_changed(imports=False)
    assert repo.generation() != before and repo.imports_generation() == imports
    repo.mark_changed(imports=True)
    assert repo.imports_generation() != imports


def test_a_version_3_file_keeps_its_imports_and_gains_the_reading_columns(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.ipaudit"
    Workspace.create(path, INFO).close()
    source = _payments_xlsx(tmp_path / "发放.xlsx")
    with WorkspaceStore.open(path) as st:
        LedgerStore(st).save_import(import_ledger(source), sha256="cd" * 32)
    with sqlite3.connect(path) as raw:  # as version 3 wrote it: without the three columns
        for name, _type in schema.LEDGER_IMPORT_COLUMNS_4:
            raw.execute(f"ALTER TABLE ledger_imports DROP COLUMN {name}")
        raw.execute("PRAGMA user_version = 3")
    with WorkspaceStore.open(path) as st:
        assert st.backup_written is not None and "backup-v3" in st.backup_written.name
        repo = LedgerStore(st)
        [old] = repo.imports()
        assert old.sha256 == "cd" * 32 and old.confidence is None and old.unused_columns is None
        assert repo.contents().entries[P]
        repo.save_import(import_ledger(source), sha256="cd" * 32)
        [new] = repo.imports()
        assert new.confidence is not None and new.unused_columns
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone() == (schema.SCHEMA_VERSION,)


def test_the_loaded_ledgers_belong_to_the_open_workspace(tmp_path: Path) -> None:
    """Two workspaces hold their own books; closing one drops what it kept loaded."""
    first = Workspace.create(tmp_path / "a.ipaudit", INFO)
    second = Workspace.create(tmp_path / "b.ipaudit", INFO)
    try:
        source = _payments_xlsx(tmp_path / "发放.xlsx")
        ledger_service.import_ledger(first, [source])
        book = ledger_service.load_book(first)
        assert book.of(P) and ledger_service.load_book(first) is book  # kept
        assert not ledger_service.load_book(second).of(P)
        generation = first.ledger_store.generation()
        assert first.ledger_cache.book(generation) is book
    finally:
        second.close()
        first.close()
    assert first.ledger_cache.book(generation) is None
