"""The ledger commands on the shared office-suite samples and on real generated files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_BLOCKING, EXIT_INPUT, EXIT_OK
from tests.integration.cli_run import run
from tests.shared_samples import EXPENSES, PAYMENTS, REWARDS, needs_shared
from tests.unit.ledger.sheetgen import write_sheet

RATES = ["--rate", "invention=5000", "--rate", "utility_model=1000", "--rate", "design=500"]
RATES += ["--rate", "software_copyright=500", "--rate", "trademark=300"]

pytestmark = needs_shared


def test_one_off_reconcile_reports_exactly_the_samples_table(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "reconcile", REWARDS, PAYMENTS, EXPENSES, *RATES, "--json")
    assert code == EXIT_OK, err
    data = json.loads(out)
    kinds = sorted(f["kind"] for f in data["findings"])
    assert kinds == sorted(
        [
            "unpaid_reward",
            "underpaid",
            "payment_without_decision",
            "batch_mismatch",
            "total_mismatch",
        ]
    )
    by_kind = {f["kind"]: f for f in data["findings"]}
    assert by_kind["unpaid_reward"]["persons"] == ["黄海"]
    assert by_kind["unpaid_reward"]["ip_items"] == ["ZL202410100004.0"]
    assert by_kind["underpaid"]["difference"] == "-200.00"
    assert by_kind["payment_without_decision"]["persons"] == ["马超"]
    assert by_kind["batch_mismatch"]["difference"] == "200.00"
    assert by_kind["total_mismatch"]["rows"] == [
        {"file": "奖金发放登记表.xlsx", "sheet": "奖金发放", "row": 16}
    ]
    summary = data["summary"]
    assert summary["rewards"]["total"] == "30800.00" and summary["penalties"]["total"] == "500.00"
    assert summary["payments"]["total"] == "26600.00"
    assert summary["expense_reward_lines"]["total"] == "26800.00"
    assert data["problems"] == []
    assert (
        run(capsys, "reconcile", REWARDS, PAYMENTS, EXPENSES, "--fail-on-discrepancy")[0]
        == EXIT_BLOCKING
    )


def test_ledgers_in_a_workspace_feed_findings_and_keep_explanations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "w.ipaudit"
    assert run(capsys, "new", ws, "--company", "示例智能科技有限公司")[0] == EXIT_OK
    for f in (REWARDS, PAYMENTS, EXPENSES):
        code, _out, err = run(capsys, "import-ledger", ws, f)
        assert code == EXIT_OK, err
    assert run(capsys, "rates", ws, *RATES)[0] == EXIT_OK
    ledger = json.loads(run(capsys, "ledger", ws, "--json")[1])
    assert len(ledger["findings"]) == 5
    findings = json.loads(run(capsys, "findings", ws, "--json")[1])
    ledger_findings = [f for f in findings if f["code"].startswith("ledger.")]
    assert len(ledger_findings) == 5
    assert {f["department"] for f in ledger_findings} == {"finance", "hr_admin"}

    unpaid = next(f for f in ledger_findings if f["code"] == "ledger.unpaid_reward")
    assert (
        run(capsys, "accept", ws, unpaid["key"], "已于12月补发，见凭证记-2025-1215")[0] == EXIT_OK
    )
    # re-importing the same ledger keeps the explanation that still applies
    assert run(capsys, "import-ledger", ws, REWARDS)[0] == EXIT_OK
    again = json.loads(run(capsys, "ledger", ws, "--json")[1])
    accepted = [d for d in again["findings"] if d["accepted"]]
    assert [d["kind"] for d in accepted] == ["unpaid_reward"]
    assert accepted[0]["accepted"].startswith("已于12月补发")
    findings = json.loads(run(capsys, "findings", ws, "--json")[1])
    unpaid = next(f for f in findings if f["code"] == "ledger.unpaid_reward")
    assert unpaid["blocking"] is False and unpaid["accepted"]


def test_mapping_given_once_is_remembered_for_that_layout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # headers no synonym knows: the values decide, and a mapping the user gives is remembered
    rows = [
        ["登记日", "员工", "科室", "成果编号", "数目", "单据"],
        ["2025-01-31", "王强", "研发部", "ZL202410100001.7", "5000", "记-1"],
        ["2025-02-28", "李娜", "研发部", "ZL202420200001.X", "1000", "记-2"],
    ]
    sheet = write_sheet(tmp_path / "发放.xlsx", rows, "xlsx", sheet_name="发放")
    ws = tmp_path / "w.ipaudit"
    run(capsys, "new", ws, "--company", "X")
    # the values tell what each column holds
    code, out, err = run(capsys, "import-ledger", ws, sheet, "--kind", "payments", "--json")
    assert code == EXIT_OK, err
    detected = json.loads(out)[0]["mapping"]
    assert detected == {
        "date": "A",
        "person": "B",
        "department": "C",
        "ip_number": "D",
        "amount": "E",
        "voucher": "F",
    }
    # a partial map changes one column (a number or a letter) and keeps the detected rest
    code, out, err = run(
        capsys, "import-ledger", ws, sheet, "--kind", "payments", "--map", "text=6", "--json"
    )
    assert code == EXIT_OK, err
    mapped = json.loads(out)[0]["mapping"]
    assert mapped == {**{k: v for k, v in detected.items() if k != "voucher"}, "text": "F"}
    # the same layout again, without --map: the remembered mapping is used
    code, out, err = run(capsys, "import-ledger", ws, sheet, "--kind", "payments", "--json")
    assert code == EXIT_OK, err
    assert json.loads(out)[0]["mapping"] == mapped
    assert json.loads(out)[0]["entries"] == 2


def test_bad_files_are_clear_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    garbage = tmp_path / "ledger.xlsx"
    garbage.write_bytes(b"\x00\x01garbage" * 100)
    code, _, err = run(capsys, "reconcile", garbage, PAYMENTS, EXPENSES)
    assert code == EXIT_INPUT and "ledger.xlsx" in err
    # a file holding one ledger: the other two are said once each, the one ledger is checked
    code, out, err = run(capsys, "reconcile", REWARDS, "--json")
    assert code == EXIT_OK, err
    data = json.loads(out)
    assert data["summary"]["missing"] == ["payments", "expenses"]
    assert [f["ledger"] for f in data["findings"] if f["kind"] == "ledger_not_imported"] == [
        "payments",
        "expenses",
    ]
    assert "unpaid_reward" not in {f["kind"] for f in data["findings"]}


def test_an_imported_ledger_is_the_evidence_of_its_item(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import hashlib

    ws = tmp_path / "w.ipaudit"
    assert run(capsys, "new", ws, "--company", "示例智能科技有限公司")[0] == EXIT_OK
    assert run(capsys, "import-ledger", ws, PAYMENTS)[0] == EXIT_OK
    listed = json.loads(run(capsys, "evidence", ws, "--item", "fin.bonus_register", "--json")[1])
    assert [e["original_name"] for e in listed] == [PAYMENTS.name]
    assert listed[0]["sha256"] == hashlib.sha256(PAYMENTS.read_bytes()).hexdigest()
    findings = json.loads(run(capsys, "findings", ws, "--json")[1])
    on_item = {f["code"] for f in findings if f["item"] == "fin.bonus_register"}
    assert "evidence_missing" not in on_item
    # the two ledgers not imported are said once each, not as findings per reward
    ledger = json.loads(run(capsys, "ledger", ws, "--json")[1])
    notices = [f for f in ledger["findings"] if f["kind"] == "ledger_not_imported"]
    assert sorted(f["ledger"] for f in notices) == ["expenses", "rewards"]
    assert all(f["grade"] == "observation" for f in notices)
    compared = {"unpaid_reward", "payment_without_decision", "batch_not_booked", "underpaid"}
    assert not compared & {f["kind"] for f in ledger["findings"]}
    assert ledger["summary"]["missing"] == ["rewards", "expenses"]
