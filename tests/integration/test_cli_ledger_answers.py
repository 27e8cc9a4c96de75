"""The finance questions on the three ledgers are answered from the reconciliation: through the
documented command line on the demo workspace (real ledgers), the contradiction is printed and
becomes a finding; the pack's interview sheet gives the totals as the official answer; the item
panel shows them as the manual's value."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from ipaudit.cli import EXIT_OK, main
from ipaudit.domain.facts import LEDGER_TOTALS
from ipaudit.services import Workspace

ITEM = "fin.ledger_consistency"


def run(capsys: pytest.CaptureFixture[str], *args: object) -> str:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    assert code == EXIT_OK, captured.err
    return captured.out


def contradictions(capsys: pytest.CaptureFixture[str], ws: Path) -> dict[str, str]:
    found = json.loads(run(capsys, "findings", ws, "--json"))
    return {
        ref: f["message_zh"]
        for f in found
        if f["item"] == ITEM and f["code"] == "answer_contradicts_fact"
        for ref in f["refs"]
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.ipaudit"
    assert main(["demo", str(path)]) == EXIT_OK
    return path


def test_answers_are_checked_against_the_reconciliation(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "w.ipaudit"
    ws.write_bytes(demo.read_bytes())
    with Workspace.open(ws) as w:
        totals = w.derived_facts()[LEDGER_TOTALS]
    rewards, payments, expenses = totals.numbers[:3]
    assert totals.agreed is False and "未处理" in totals.display  # the demo has an open one
    assert contradictions(capsys, ws) == {}  # the demo's own answers are true

    out = run(capsys, "answer", ws, ITEM, "totals", "三张表核对一致")
    assert "×" in out or "○" in out
    assert "三张表核对一致" in contradictions(capsys, ws)["totals"]

    wrong = (
        f"奖励合计{rewards + 1000:f}元，发放合计{payments:f}元，经费奖励费{expenses:f}元，有差异"
    )
    assert "OK" not in run(capsys, "answer", ws, ITEM, "totals", wrong)
    right = f"奖励合计{rewards:f}元，发放合计{payments:f}元，经费奖励费{expenses:f}元，有差异"
    assert run(capsys, "answer", ws, ITEM, "totals", right).strip() == "OK"

    run(capsys, "answer", ws, ITEM, "differences", "无差异")
    assert "differences" in contradictions(capsys, ws)

    # every open discrepancy accepted with an explanation: "no open difference" is true
    for d in json.loads(run(capsys, "ledger", ws, "--json"))["findings"]:
        if not d["accepted"]:
            run(capsys, "accept", ws, d["key"], "已查明原因，见更正凭证")
    assert "differences" not in contradictions(capsys, ws)


def test_the_interview_sheet_gives_the_totals(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "pack"
    run(capsys, "export", demo, pack)
    with Workspace.open(demo) as w:
        display = w.derived_facts()[LEDGER_TOTALS].display
        finance = w.department("finance").name.zh
    sheet = docx.Document(str(pack / "访谈准备单" / f"访谈准备单-{finance}.docx"))
    cells = [c.text for table in sheet.tables for row in table.rows for c in row.cells]
    assert any(text.startswith(display) for text in cells)


def test_the_item_panel_shows_the_totals_as_the_manuals_value(qtbot, demo: Path) -> None:
    from ipaudit.ui import i18n, workers
    from ipaudit.ui.main_window import MainWindow
    from ipaudit.ui.settings import Settings

    i18n.set_language("zh")
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    try:
        with qtbot.waitSignal(win.workspaceOpened, timeout=20_000):
            win.open_path(demo)
        ws = win.session.workspace
        panel = win.page.item_panel
        panel.show_item(ITEM)
        field = panel.answer_fields["totals"]
        assert field.declared == ws.derived_facts()[LEDGER_TOTALS]
        field.set_editing("三表一致")
        assert field.contradicts()
        field.set_editing(ws.derived_facts()[LEDGER_TOTALS].display)
        assert not field.contradicts()
    finally:
        win.close()
        workers.wait_all()
        i18n.reset()


def test_the_budget_answer_is_checked_against_budget_and_spending(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ipaudit.domain.facts import BUDGET

    ws = tmp_path / "w.ipaudit"
    ws.write_bytes(demo.read_bytes())
    with Workspace.open(ws) as w:
        fact = w.derived_facts()[BUDGET]
        total = sum(w.facts().budget.values())
    assert "已支出" in fact.display
    ok = f"今年预算{total:f}元，总经理批准，每季度报告执行情况"
    assert run(capsys, "answer", ws, "mgmt.resources", "budget", ok).strip() == "OK"
    wrong = f"今年预算{total + 10000:f}元，总经理批准"
    assert fact.display in run(capsys, "answer", ws, "mgmt.resources", "budget", wrong)


def test_before_the_ledgers_are_imported_the_answer_waits_for_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "new.ipaudit"
    run(capsys, "new", ws, "--company", "示例")
    assert run(capsys, "answer", ws, ITEM, "totals", "三表一致").strip() == "OK"
    found = json.loads(run(capsys, "findings", ws, "--json"))
    waiting = [f for f in found if f["item"] == ITEM and f["code"] == "fact_not_declared"]
    assert len(waiting) == 1 and waiting[0]["grade"] == "observation"
    assert "经费使用记录" in waiting[0]["message_zh"] and "import" in waiting[0]["message_en"]
