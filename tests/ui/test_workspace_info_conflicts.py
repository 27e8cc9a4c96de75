"""The workspace information dialog next to another manager editing the same workspace: a field
the other changed meanwhile is kept (their audit dates survive a company-name fix); the same field
changed by both opens the conflict box, naming the field, who and when, with what was typed kept;
the acceptance of a finding two managers explain at once does the same."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from ipaudit.services import Workspace
from ipaudit.store.edits import os_user
from ipaudit.ui import commands, workers
from ipaudit.ui.conflict_box import ConflictBox
from ipaudit.ui.session import WorkspaceSession
from ipaudit.ui.workspace_info_dialog import WorkspaceInfoDialog
from tests.factories import INFO

FINDING = "rnd.interview:missing"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, INFO).close()
    return path


@pytest.fixture
def session(path: Path, qtbot) -> Iterator[WorkspaceSession]:
    s = WorkspaceSession(Workspace.open(path))
    with qtbot.waitSignal(s.assessed, timeout=10_000):
        s.assess_now()
    yield s
    s.close()
    workers.wait_all()


@pytest.fixture
def other(path: Path) -> Iterator[Workspace]:
    """The other manager's desk: its own connection to the same file."""
    with Workspace.open(path) as ws:
        yield ws


def open_dialog(session: WorkspaceSession, qtbot) -> WorkspaceInfoDialog:
    dialog = WorkspaceInfoDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_company_fix_keeps_the_audit_dates_moved_meanwhile(
    qtbot, session: WorkspaceSession, other: Workspace, dialogs: list
) -> None:
    dialog = open_dialog(session, qtbot)  # A opens Workspace information
    moved = replace(
        other.info(), audit_start=dt.date(2026, 12, 16), audit_end=dt.date(2026, 12, 18)
    )
    other.set_info(moved, base=other.info())  # B moves the audit
    dialog.company.setText("测试科技股份有限公司")  # A fixes the company's name and saves
    dialog.accept()
    stored = other.info()
    assert stored.company == "测试科技股份有限公司"
    assert (stored.audit_start, stored.audit_end) == (dt.date(2026, 12, 16), dt.date(2026, 12, 18))
    assert dialogs == []
    session.undo_stack.undo()  # undo takes back the company only
    assert other.info().company == INFO.company
    assert other.info().audit_start == dt.date(2026, 12, 16)


def test_the_same_field_opens_the_conflict_box_and_keeps_what_was_typed(
    qtbot, zh, session: WorkspaceSession, other: Workspace, dialogs: list
) -> None:
    dialog = open_dialog(session, qtbot)
    other.set_info(replace(other.info(), company="他们的公司"), base=other.info())
    dialog.company.setText("我的公司")
    dialog.accept()
    [box] = dialogs
    assert isinstance(box, ConflictBox)
    label = commands.info_label("company")
    assert label == "企业名称"  # the dialog's label, in Chinese, without colon and mnemonic
    assert f"“{label}”" in box.informativeText()
    assert os_user() in box.informativeText()
    assert box.detailedText() == "企业名称：我的公司"  # what the user typed, under its label
    assert other.info().company == "他们的公司"  # nothing overwritten
    assert session.undo_stack.count() == 0

    box.keep_mine_button.click()  # saved over theirs, as one undo step
    assert other.info().company == "我的公司"
    assert session.undo_stack.count() == 1


def test_keeping_theirs_leaves_their_change(
    qtbot, session: WorkspaceSession, other: Workspace, dialogs: list
) -> None:
    dialog = open_dialog(session, qtbot)
    other.set_info(replace(other.info(), company="他们的公司"), base=other.info())
    dialog.company.setText("我的公司")
    dialog.accept()
    [box] = dialogs
    box.keep_theirs_button.click()
    assert other.info().company == "他们的公司"


def test_two_explanations_for_one_finding_open_the_conflict_box(
    session: WorkspaceSession, other: Workspace, dialogs: list
) -> None:
    # both saw the finding not accepted; the other manager's explanation is stored first
    other.accept(FINDING, "他们的说明", base="")
    session.undo_stack.push(commands.AcceptFinding(session, FINDING, "我的说明"))
    [box] = dialogs
    assert isinstance(box, ConflictBox)
    assert box.detailedText() == "我的说明"
    assert "他们的说明" not in box.detailedText()
    assert other.acceptances() == {FINDING: "他们的说明"}
    assert session.undo_stack.count() == 0
    box.keep_mine_button.click()
    assert other.acceptances() == {FINDING: "我的说明"}


def test_a_reward_rate_changed_meanwhile_opens_the_conflict_box(
    zh, session: WorkspaceSession, other: Workspace, dialogs: list
) -> None:
    from decimal import Decimal

    from ipaudit.ledger.rates import RateTable
    from ipaudit.services.ledgers import get_rates, set_rates
    from ipaudit.ui.ledger.ledger_commands import SetRates

    def rates(**amounts: str) -> RateTable:
        return RateTable.from_dict({k: Decimal(v) for k, v in amounts.items()}, source="test")

    set_rates(other, rates(invention="5000", trademark="300"))
    shown = get_rates(session.workspace)  # what the rates tab shows
    set_rates(other, rates(invention="6000", trademark="300"), base=shown)
    session.undo_stack.push(SetRates(session, shown, rates(invention="5000", trademark="500")))
    assert dialogs == []  # another type: merged
    assert get_rates(other).to_dict() == {"invention": Decimal("6000"), "trademark": Decimal("500")}

    shown = get_rates(session.workspace)
    set_rates(other, rates(invention="7000", trademark="500"), base=shown)
    session.undo_stack.push(SetRates(session, shown, rates(invention="8000", trademark="500")))
    [box] = dialogs
    assert isinstance(box, ConflictBox)
    assert "“发明专利”的奖励标准" in box.informativeText()
    assert "invention" not in box.detailedText()  # no internal key
    assert get_rates(other).to_dict()["invention"] == Decimal("7000")
    box.keep_mine_button.click()
    assert get_rates(other).to_dict()["invention"] == Decimal("8000")
