"""Undoing a ledger import through the one service function the GUI's Undo and ``undo-import``
call: the replaced import comes back within the session, the evidence the import attached goes
and its earlier version is current again; redo puts both back."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipaudit.demo.content import INFO
from ipaudit.demo.ledgers import _payments_xlsx
from ipaudit.ledger.model import LedgerKind
from ipaudit.services import Workspace
from ipaudit.services.ledgers import (
    current_import,
    evidence_item,
    import_ledger,
    import_records,
    load_book,
    redo_import,
    undo_import,
)
from ipaudit.store.errors import InvalidInput

P = LedgerKind.PAYMENTS


def test_undo_brings_back_the_replaced_import_and_the_earlier_evidence(tmp_path: Path) -> None:
    first = _payments_xlsx(tmp_path / "发放.xlsx")
    with Workspace.create(tmp_path / "w.ipaudit", INFO) as ws:
        item = evidence_item(ws.template, P)
        assert item is not None
        [old] = import_ledger(ws, [first]).stored
        assert old.evidence is not None
        second = tmp_path / "发放-更正.xlsx"
        second.write_bytes(first.read_bytes() + b"\0")  # another file: a new evidence version
        [new] = import_ledger(ws, [second], keep_replaced=True).stored
        assert new.replaced == old.import_id and new.evidence is not None
        assert [e.original_name for e in ws.evidence(item)] == [second.name]
        entries = len(load_book(ws).of(P))

        undone = undo_import(ws, P)  # as undo-import: found from what is stored
        assert undone.import_id == new.import_id and undone.replaced == old.import_id
        assert undone.evidence is not None and undone.evidence.id == new.evidence.id
        assert current_import(ws, P) == old.import_id
        assert [i.file_name for i in import_records(ws)] == [first.name]
        assert [e.original_name for e in ws.evidence(item)] == [first.name]
        assert len(load_book(ws).of(P)) == entries  # the book follows

        redo_import(ws, P, undone)
        assert current_import(ws, P) == new.import_id
        assert [e.original_name for e in ws.evidence(item)] == [second.name]

        undo_import(ws, P, undone)  # as the GUI's Undo: what storing returned
        undo_import(ws, P)  # and the first import too: no ledger, no evidence
        assert current_import(ws, P) is None and not load_book(ws).of(P)
        assert ws.evidence(item) == []
        with pytest.raises(InvalidInput):
            undo_import(ws, P)
