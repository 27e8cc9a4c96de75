"""An imported ledger is the evidence of its checklist item, with its SHA-256; a new file of the
same ledger becomes a new version of that evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

import pytest

from ipaudit.demo.content import INFO
from ipaudit.demo.ledgers import _expenses_csv, _payments_xlsx, _rewards_xlsx
from ipaudit.domain.model import Edition
from ipaudit.ledger.importer import import_ledger
from ipaudit.ledger.model import LedgerKind
from ipaudit.services import Workspace
from ipaudit.services.ledgers import evidence_item, import_file, load_book
from tests.unit.ledger.sheetgen import write_sheet

R, P, E = LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES


@pytest.fixture
def ws(tmp_path: Path):
    workspace = Workspace.create(tmp_path / "w.ipaudit", INFO)
    yield workspace
    workspace.close()


def _codes(ws: Workspace, item: str) -> set[str]:
    return {f.code for f in ws.assess().findings if f.item_key == item}


def test_each_ledger_has_its_finance_item_in_both_editions(tmp_path: Path) -> None:
    for edition in Edition:
        info = dataclasses.replace(INFO, edition=edition)
        ws = Workspace.create(tmp_path / f"{edition.value}.ipaudit", info)
        try:
            items = {kind: evidence_item(ws.template, kind) for kind in (R, P, E)}
            assert items == {
                R: "fin.reward_record",
                P: "fin.bonus_register",
                E: "fin.expense_record",
            }
            titles = {kind: ws.item(key).title.zh for kind, key in items.items()}
            assert titles[P] == "《知识产权奖金发放登记表》"
        finally:
            ws.close()


def test_import_attaches_the_file_with_its_hash_and_period(ws: Workspace, tmp_path: Path) -> None:
    path = _payments_xlsx(tmp_path / "知识产权奖金发放登记表.xlsx")
    assert "evidence_missing" in _codes(ws, "fin.bonus_register")
    stored = import_file(ws, import_ledger(path, P), path)
    ev = stored.evidence
    assert ev is not None and ev.item_key == "fin.bonus_register"
    assert ev.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert ev.original_name == path.name and ev.department == "finance"
    dates = [e.date for e in load_book(ws).of(P) if e.date]
    assert (ev.period_start, ev.period_end) == (min(dates), max(dates))
    # the file is in the workspace: the evidence bytes are the file's
    assert ws.evidence("fin.bonus_register") == [ev]
    codes = _codes(ws, "fin.bonus_register")
    assert "evidence_missing" not in codes and "year_not_covered" not in codes
    assert "ledger.ledger_not_imported" not in codes
    # importing the same file again attaches nothing more
    assert import_file(ws, import_ledger(path, P), path).evidence is None
    assert len(ws.evidence("fin.bonus_register", include_old=True)) == 1


def test_a_new_file_of_the_ledger_is_a_new_version(ws: Workspace, tmp_path: Path) -> None:
    first = _expenses_csv(tmp_path / "经费2025.csv")
    old = import_file(ws, import_ledger(first, E), first).evidence
    assert old is not None
    corrected = tmp_path / "经费2025-更正.csv"
    corrected.write_bytes(
        first.read_bytes() + "2026/12/01,记-X,培训费,,补录,100.00,蒋丽华\r\n".encode("gb18030")
    )
    new = import_file(ws, import_ledger(corrected, E), corrected).evidence
    assert new is not None and new.supersedes == old.id
    current = ws.evidence("fin.expense_record")
    assert [e.id for e in current] == [new.id]
    every = ws.evidence("fin.expense_record", include_old=True)
    assert {e.id for e in every} == {old.id, new.id}


def test_a_file_attached_by_hand_is_kept_beside_the_import(ws: Workspace, tmp_path: Path) -> None:
    scan = tmp_path / "奖惩记录扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 signed copy")
    by_hand = ws.attach("fin.reward_record", scan)
    path = _rewards_xlsx(tmp_path / "知识产权奖惩记录表.xlsx")
    imported = import_file(ws, import_ledger(path, R), path).evidence
    assert imported is not None and imported.supersedes is None
    assert {e.id for e in ws.evidence("fin.reward_record")} == {by_hand.id, imported.id}


def test_a_ledger_of_one_year_fills_that_years_slot(ws: Workspace, tmp_path: Path) -> None:
    rows = [
        ["发放日期", "姓名", "部门", "项目", "金额", "凭证号"],
        ["2025-03-31", "王强", "研发部", "ZL202410100001.7", "5000", "记-0331"],
        ["2025-06-30", "李娜", "研发部", "ZL202420200001.X", "1000", "记-0630"],
    ]
    path = write_sheet(tmp_path / "发放2025.xlsx", rows, "xlsx", sheet_name="发放")
    ev = import_file(ws, import_ledger(path, P), path).evidence
    assert ev is not None and ev.slot == "year:2025"
    assert (ev.period_start, ev.period_end) == (dt.date(2025, 3, 31), dt.date(2025, 6, 30))
