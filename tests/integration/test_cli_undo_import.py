"""``undo-import`` undoes a ledger import from the command line as Undo does in the GUI (the same
service function), and ``ledger --json`` shows how each stored import's columns were read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_INPUT, EXIT_OK
from ipaudit.demo.ledgers import _payments_xlsx, _rewards_xlsx
from ipaudit.ledger.model import LedgerKind
from ipaudit.services import Workspace
from ipaudit.services.ledgers import evidence_item
from tests.integration.cli_run import run


def _evidence_names(path: Path, kind: LedgerKind) -> list[str]:
    with Workspace.open(path) as ws:
        item = evidence_item(ws.template, kind)
        assert item is not None
        return [e.original_name for e in ws.evidence(item)]


def test_ledger_json_shows_how_the_stored_imports_columns_were_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "w.ipaudit"
    assert run(capsys, "new", ws, "--company", "示例智能科技有限公司")[0] == EXIT_OK
    source = _payments_xlsx(tmp_path / "知识产权奖金发放登记表.xlsx")
    code, out, err = run(capsys, "import-ledger", ws, source, "--json")
    assert code == EXIT_OK, err
    [read] = json.loads(out)
    assert read["unused_columns"]  # 领取人签字 is no ledger field
    code, out, err = run(capsys, "ledger", ws, "--json")
    assert code == EXIT_OK, err
    [stored] = json.loads(out)["imports"]
    assert stored["kind"] == "payments"
    assert stored["confidence"] == read["confidence"]
    assert stored["unused_columns"] == read["unused_columns"]


def test_undo_import_removes_the_import_and_the_evidence_it_attached(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "w.ipaudit"
    assert run(capsys, "new", ws, "--company", "示例智能科技有限公司")[0] == EXIT_OK
    rewards = _rewards_xlsx(tmp_path / "知识产权奖惩记录表.xlsx")
    payments = _payments_xlsx(tmp_path / "知识产权奖金发放登记表.xlsx")
    for source in (rewards, payments):
        code, _out, err = run(capsys, "import-ledger", ws, source)
        assert code == EXIT_OK, err
    assert _evidence_names(ws, LedgerKind.PAYMENTS) == [payments.name]

    code, out, err = run(capsys, "undo-import", ws, "payments", "--json")
    assert code == EXIT_OK, err
    done = json.loads(out)
    assert done["undone"] == {"file": payments.name, "sheet": "奖金发放"}
    assert done["evidence_removed"] is not None and done["now"] is None
    kinds = [i["kind"] for i in json.loads(run(capsys, "ledger", ws, "--json")[1])["imports"]]
    assert kinds == ["rewards"]  # the rewards import stays
    assert _evidence_names(ws, LedgerKind.PAYMENTS) == []
    assert _evidence_names(ws, LedgerKind.REWARDS) == [rewards.name]

    # nothing left to undo: said, exit 4
    code, _out, err = run(capsys, "undo-import", ws, "payments")
    assert code == EXIT_INPUT and "payments" in err, err
    # imported again, the same file is attached again
    assert run(capsys, "import-ledger", ws, payments)[0] == EXIT_OK
    assert _evidence_names(ws, LedgerKind.PAYMENTS) == [payments.name]
    code, out, err = run(capsys, "undo-import", ws, "payments")
    assert code == EXIT_OK and payments.name in out, err
