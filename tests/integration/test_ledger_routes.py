"""Every route gives the same findings on the same workbook.

A workbook from "another company": unfamiliar headers (two names joined, notes in brackets, a
two-level header), the files in any order, a notes sheet, and a payment register whose paid amount
is the second of two amount columns (应发/实发, read by their values or given by a map). The one-off ``reconcile`` (one
workbook, three files in another order, a map by sheet, by file or by ledger), ``import-ledger``
sheet by sheet, with ``--all-sheets``, and a workbook imported without ``--sheet`` (with the given
map and, later, the remembered one) must all report the same three differences.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_OK
from ipaudit.ledger.ipnumber import check_digit
from tests.integration.cli_run import run
from tests.unit.ledger.sheetgen import write_sheet, write_workbook


def patent(serial: int, kind: int = 1) -> str:
    digits = f"2024{kind}{serial:07d}"
    return f"ZL{digits}.{check_digit(digits)}"


WANG, LI = patent(1), patent(2, 2)
D = dt.date
REWARDS = [
    ["2025年知识产权奖惩记录"],
    ["日期", "受奖人/工号", "部门", "类型", "专利号或登记号", "奖励事由（摘要）", "金额（元）"],
    [D(2025, 1, 10), "王强", "研发部", "奖励", WANG, "发明专利授权", 5000],
    [D(2025, 1, 10), "李  娜", "研发部", "奖励", LI, "实用新型授权", 1000],
    [D(2025, 1, 15), "张伟", "测试中心", "奖励", "2025SR1000001", "软著登记", 500],
    [D(2025, 2, 1), "赵敏", "市场部", "处罚", "", "泄露技术资料", 200],
]
PAYMENTS = [
    ["发放日期", "领款人", "部门", "对应知识产权", "奖金（元）", "", "凭证字号"],
    ["", "", "", "", "应发", "实发", ""],
    [D(2025, 1, 20), "王强", "研发部", WANG, 5000, 5000, "记-1"],
    [D(2025, 1, 20), "李娜", "研发部", LI, 1000, 800, "记-1"],
    [D(2025, 2, 20), "陈杰", "研发部", patent(3), 300, 300, "记-2"],
]
PAYMENTS_MERGED = ["E1:F1", "A1:A2", "B1:B2", "C1:C2", "D1:D2", "G1:G2"]
EXPENSES = [
    ["日期", "凭证号", "费用类别", "摘要", "借方金额", "经手人"],
    [D(2025, 1, 20), "记-1", "奖励费", "1月专利奖励", 5800, "孙丽"],
    [D(2025, 2, 20), "记-2", "奖励费", "2月专利奖励", 300, "孙丽"],
    [D(2025, 3, 5), "记-3", "代理费", f"{WANG} 代理费", 3000, "孙丽"],
]
NOTES = [["说明"], ["本工作簿由财务部整理，金额单位为元。"]]
EXPECTED = [
    ("payment_without_decision", ("陈杰",), "300.00"),
    ("underpaid", ("李娜",), "-200.00"),
    ("unpaid_reward", ("张伟",), "-500.00"),
]


def findings(document: dict) -> list[tuple[str, tuple[str, ...], str]]:
    return sorted((f["kind"], tuple(f["persons"]), f["difference"]) for f in document["findings"])


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return write_workbook(
        tmp_path / "财务台账.xlsx",
        {"说明": NOTES, "经费": EXPENSES, "发放": PAYMENTS, "奖惩": REWARDS},
        merged={"发放": PAYMENTS_MERGED},
    )


def _difference(document: dict, kind: str) -> str:
    return next(f["difference"] for f in document["findings"] if f["kind"] == kind)


def test_reconcile_routes_agree(tmp_path: Path, book: Path, capsys) -> None:
    results = []
    for target in ("发放:amount=F", "payments:amount=6", f"{book.name}:发放:amount=F"):
        code, out, err = run(capsys, "reconcile", book, "--map", target, "--json")
        assert code == EXIT_OK, err
        document = json.loads(out)
        results.append(findings(document))
        assert [s["sheet"] for s in document["skipped_sheets"]] == ["说明"]
    assert results == [EXPECTED] * 3
    # three files, in another order; the map names the file
    files = [
        write_sheet(tmp_path / "经费.csv", EXPENSES),
        write_sheet(tmp_path / "发放.xlsx", PAYMENTS, merged=PAYMENTS_MERGED),
        write_sheet(tmp_path / "奖惩.xls", REWARDS),
    ]
    code, out, err = run(capsys, "reconcile", *files, "--map", "发放.xlsx:amount=F", "--json")
    assert code == EXIT_OK, err
    assert findings(json.loads(out)) == EXPECTED
    # without the map the values decide: 应发 and 实发 agree on two rows of three, so 实发 is the
    # payment; the import names 应发 as unused and says why
    code, out, err = run(capsys, "reconcile", book, "--json")
    document = json.loads(out)
    payments = next(i for i in document["imports"] if i["kind"] == "payments")
    assert payments["mapping"]["amount"] == "F"
    assert payments["unused_columns"] == [{"column": "E", "header": "应发", "looks_like": "amount"}]
    assert any(w["column"] == "E" and "实发" in w["message_zh"] for w in payments["warnings"])
    assert findings(document) == EXPECTED


def test_workspace_routes_agree_with_reconcile(tmp_path: Path, book: Path, capsys) -> None:
    def workspace(name: str) -> Path:
        ws = tmp_path / name
        assert run(capsys, "new", ws, "--company", "某某科技有限公司")[0] == EXIT_OK
        return ws

    def ledger(ws: Path) -> list[tuple[str, tuple[str, ...], str]]:
        code, out, err = run(capsys, "ledger", ws, "--json")
        assert code == EXIT_OK, err
        return findings(json.loads(out))

    # --all-sheets with a map by sheet
    ws = workspace("all.ipaudit")
    code, out, err = run(
        capsys, "import-ledger", ws, book, "--all-sheets", "--map", "发放:amount=F"
    )
    assert code == EXIT_OK, err
    assert "说明" in out  # the skipped sheet is named
    assert ledger(ws) == EXPECTED
    # a workbook without --sheet: every ledger sheet, the map by ledger
    ws = workspace("book.ipaudit")
    code, out, err = run(capsys, "import-ledger", ws, book, "--map", "payments:amount=F")
    assert code == EXIT_OK, err
    assert "说明" in out and "未导入" in out
    assert ledger(ws) == EXPECTED
    # sheet by sheet; the map given once is remembered for the payment sheet's layout
    ws = workspace("sheets.ipaudit")
    for sheet, extra in (("奖惩", []), ("发放", ["--map", "amount=F"]), ("经费", [])):
        code, _, err = run(capsys, "import-ledger", ws, book, "--sheet", sheet, *extra)
        assert code == EXIT_OK, err
    assert ledger(ws) == EXPECTED
    code, _, err = run(capsys, "import-ledger", ws, book, "--all-sheets")
    assert code == EXIT_OK, err
    assert ledger(ws) == EXPECTED


def test_bad_maps_are_clear_errors(book: Path, capsys, monkeypatch) -> None:
    for bad, words in (
        ("发放:amount=?", "Bad column"),
        ("发放:salary=B", "Unknown field"),
        ("没有这张表:amount=F", "does not exist"),
        ("amount", "field=column"),
    ):
        code, _, err = run(capsys, "reconcile", book, "--map", bad)
        assert code == 4, bad
        assert err.strip() and "Traceback" not in err, bad
        monkeypatch.setenv("IPAUDIT_LANG", "en")
        code, _, err = run(capsys, "reconcile", book, "--map", bad)
        monkeypatch.delenv("IPAUDIT_LANG")
        assert words in err, (bad, err)


def test_a_kind_the_content_cannot_settle_is_said(tmp_path: Path, capsys) -> None:
    rows = [
        [D(2025, 1, 20), "王强", "研发部", WANG, 5000],
        [D(2025, 2, 20), "李娜", "研发部", LI, 800],
    ]
    sheet = write_sheet(tmp_path / "台账.csv", rows)
    ws = tmp_path / "w.ipaudit"
    assert run(capsys, "new", ws, "--company", "X")[0] == EXIT_OK
    code, out, err = run(capsys, "import-ledger", ws, sheet, "--json")
    assert code == EXIT_OK, err
    (imported,) = json.loads(out)
    assert imported["header_row"] == 0 and imported["confidence"] < 0.75
    assert {imported["kind"], *imported["alternatives"]} >= {"rewards", "payments"}
    code, out, err = run(capsys, "import-ledger", ws, sheet)
    assert "--kind" in out
    code, out, err = run(capsys, "import-ledger", ws, sheet, "--kind", "payments", "--json")
    assert json.loads(out)[0]["alternatives"] == []


def test_a_map_for_the_one_sheet_of_a_file_applies(tmp_path: Path, capsys) -> None:
    ws = tmp_path / "w.ipaudit"
    assert run(capsys, "new", ws, "--company", "X")[0] == EXIT_OK
    single = write_sheet(
        tmp_path / "发放.xlsx", PAYMENTS, sheet_name="发放", merged=PAYMENTS_MERGED
    )
    code, out, err = run(capsys, "import-ledger", ws, single, "--map", "发放:amount=F", "--json")
    assert code == EXIT_OK, err
    assert json.loads(out)[0]["mapping"]["amount"] == "F"
    code, _, err = run(capsys, "import-ledger", ws, single, "--map", "其他:amount=F")
    assert code == 4 and "其他" in err


def test_kind_picks_the_sheets_of_a_workbook(tmp_path: Path, book: Path, capsys) -> None:
    ws = tmp_path / "w.ipaudit"
    assert run(capsys, "new", ws, "--company", "X")[0] == EXIT_OK
    code, out, err = run(capsys, "import-ledger", ws, book, "--kind", "expenses", "--json")
    assert code == EXIT_OK, err
    assert [(i["sheet"], i["kind"]) for i in json.loads(out)] == [("经费", "expenses")]
    assert "奖惩" in err and "发放" in err  # the other ledgers are named, not imported
    code, _, err = run(capsys, "import-ledger", ws, book, "--kind", "portfolio")
    assert code == 4 and "--sheet" in err
