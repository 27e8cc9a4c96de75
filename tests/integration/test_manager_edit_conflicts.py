"""Two managers edit the workspace information, an acceptance or the reward rates at once (two
Workspace objects on one file, or two connections to one server database): what one changed is
merged into what the other saved; the same field changed differently by both is an EditConflict
naming who and when — never a silent overwrite."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from urllib.parse import urlsplit

import pytest

from ipaudit.ledger.rates import RateTable
from ipaudit.services import Workspace
from ipaudit.services.ledgers import get_rates, set_rates
from ipaudit.store import edits
from ipaudit.store.errors import EditConflict, InvalidInput
from tests.factories import INFO

FINDING = "rnd.interview:missing"


@pytest.fixture
def pair(workspace_address: str):
    """Manager A and manager B, each with the workspace open on its own connection."""
    Workspace.create(workspace_address, INFO).close()
    with Workspace.open(workspace_address) as a, Workspace.open(workspace_address) as b:
        yield a, b


def who(address: str) -> str:
    return urlsplit(address).username or "" if "://" in address else edits.os_user()


def test_a_company_fix_keeps_the_other_managers_new_audit_dates(pair) -> None:
    a, b = pair
    shown = a.info()  # A opens Workspace information
    moved = replace(b.info(), audit_start=dt.date(2026, 12, 16), audit_end=dt.date(2026, 12, 18))
    b.set_info(moved, base=b.info())  # B moves the audit
    a.set_info(replace(shown, company="测试科技股份有限公司"), base=shown)  # A saves its fix
    stored = b.info()
    assert stored.company == "测试科技股份有限公司"
    assert (stored.audit_start, stored.audit_end) == (dt.date(2026, 12, 16), dt.date(2026, 12, 18))


def test_the_same_field_changed_by_both_is_a_conflict_with_who_and_when(
    pair, workspace_address: str
) -> None:
    a, b = pair
    shown = a.info()
    b.set_info(replace(shown, company="他们的公司"), base=shown)
    with pytest.raises(EditConflict) as caught:
        a.set_info(replace(shown, company="我的公司"), base=shown)
    assert caught.value.edited == edits.Edited(part=edits.INFO, key="company")
    assert caught.value.by == who(workspace_address)
    assert caught.value.at is not None
    assert b.info().company == "他们的公司"  # nothing overwritten


def test_moving_one_end_of_the_audit_each_is_a_conflict_not_a_broken_pair(pair) -> None:
    a, b = pair
    shown = a.info()
    b.set_info(replace(shown, audit_start=dt.date(2026, 3, 5), audit_end=dt.date(2026, 3, 6)))
    with pytest.raises(EditConflict) as caught:  # A's end alone would fall before B's start
        a.set_info(replace(shown, audit_end=dt.date(2026, 3, 3)), base=shown)
    assert caught.value.edited == edits.Edited(part=edits.INFO, key="audit")
    assert (b.info().audit_start, b.info().audit_end) == (dt.date(2026, 3, 5), dt.date(2026, 3, 6))


def test_a_merge_that_makes_the_information_invalid_is_refused(pair) -> None:
    a, b = pair
    shown = a.info()
    # B ends the period later (still before the audit); A moves the audit before B's new end
    b.set_info(replace(shown, period_end=dt.date(2026, 2, 28)), base=shown)
    with pytest.raises(InvalidInput):
        a.set_info(
            replace(shown, audit_start=dt.date(2026, 2, 20), audit_end=dt.date(2026, 2, 21)),
            base=shown,
        )
    assert b.info().period_end == dt.date(2026, 2, 28)
    assert b.info().audit_start == INFO.audit_start


def test_without_a_base_the_information_is_replaced_as_before(pair) -> None:
    a, b = pair
    b.set_info(replace(b.info(), company="他们的公司"))
    a.set_info(replace(INFO, company="我的公司"))
    assert b.info().company == "我的公司"


def test_two_explanations_for_one_finding_is_a_conflict(pair, workspace_address: str) -> None:
    a, b = pair
    b.accept(FINDING, "他们的说明", base="")  # both saw the finding not accepted
    with pytest.raises(EditConflict) as caught:
        a.accept(FINDING, "我的说明", base="")
    assert caught.value.edited == edits.Edited(part=edits.ACCEPTANCE, key=FINDING)
    assert caught.value.by == who(workspace_address)
    assert a.acceptances() == {FINDING: "他们的说明"}
    a.accept(FINDING, "他们的说明", base="")  # the same explanation: nothing to choose
    a.accept(FINDING, "我的说明", base="他们的说明")  # seen, then replaced on purpose
    assert b.acceptances() == {FINDING: "我的说明"}


def test_withdrawing_an_acceptance_someone_changed_meanwhile_is_a_conflict(pair) -> None:
    a, b = pair
    a.accept(FINDING, "第一版说明", base="")
    b.accept(FINDING, "第二版说明", base="第一版说明")
    with pytest.raises(EditConflict):
        a.unaccept(FINDING, base="第一版说明")
    assert b.acceptances() == {FINDING: "第二版说明"}
    a.unaccept(FINDING, base="第二版说明")
    assert b.acceptances() == {}


def rates(**amounts: str) -> RateTable:
    return RateTable.from_dict({k: Decimal(v) for k, v in amounts.items()}, source="test")


def test_rates_of_different_types_merge_and_the_same_type_conflicts(pair) -> None:
    a, b = pair
    set_rates(a, rates(invention="5000", trademark="300"))
    shown = get_rates(a)
    set_rates(b, rates(invention="6000", trademark="300"), base=shown)
    set_rates(a, rates(invention="5000", trademark="500"), base=shown)  # another type: merged
    assert get_rates(b).to_dict() == {"invention": Decimal("6000"), "trademark": Decimal("500")}

    shown = get_rates(a)
    set_rates(b, rates(invention="7000", trademark="500"), base=shown)
    with pytest.raises(EditConflict) as caught:
        set_rates(a, rates(invention="8000", trademark="500"), base=shown)
    assert caught.value.edited == edits.Edited(part=edits.RATES, key="invention")
    assert get_rates(b).to_dict()["invention"] == Decimal("7000")

    shown = get_rates(a)
    set_rates(b, rates(invention="7000", trademark="500", design="800"), base=shown)
    set_rates(a, None, base=shown)  # clearing what A saw leaves the rate B added meanwhile
    assert get_rates(b).to_dict() == {"design": Decimal("800")}
