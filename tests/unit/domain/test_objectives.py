"""The objective split check: one rule, used by the checks (findings) and the facts editor."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.domain.checks import objective_findings
from ipaudit.domain.model import Facts, Objective
from ipaudit.domain.objectives import SplitState, check_split, fmt_number


def test_a_department_listed_twice_is_summed_once():
    # The editor's former copy of the rule summed a share once per listing of its department,
    # so a column order naming a department twice reported 12+12=24 ≠ 12 where the checks (which
    # sum the split itself) found nothing. The one rule sums each share once.
    obj = Objective("inv", "发明", Decimal(12), "件", {"rnd": Decimal(12)})
    check = check_split(obj, ["rnd", "rnd"])
    assert check.state is SplitState.MATCHES
    assert check.total == 12 and check.formula == "12=12"
    assert objective_findings(Facts(objectives=(obj,)), "ipo") == []


def test_formula_follows_the_column_order_then_sorted_keys():
    obj = Objective(
        "inv", "发明", Decimal(12), "件", {"b": Decimal(2), "a": Decimal(1), "c": Decimal(8)}
    )
    assert check_split(obj, ["c", "x"]).formula == "8+1+2=11 ≠ 12"
    assert check_split(obj).formula == "1+2+8=11 ≠ 12"


def test_rates_and_empty_splits_are_not_summed():
    rate = Objective(
        "tr", "培训覆盖率", Decimal(100), " ％ ", {"rnd": Decimal(100), "hr": Decimal(100)}
    )
    assert check_split(rate).state is SplitState.NOT_SUMMED and check_split(rate).ok
    assert check_split(Objective("e", "x", Decimal(5))).state is SplitState.EMPTY
    assert objective_findings(Facts(objectives=(rate,)), "ipo") == []


def test_fmt_number():
    assert fmt_number(Decimal("2.50")) == "2.5" and fmt_number(Decimal("8.00")) == "8"
    assert fmt_number(Decimal("1E+3")) == "1000" and fmt_number(Decimal("0.0001")) == "0.0001"


_shares = st.dictionaries(
    st.sampled_from(["rnd", "hr", "ipo", "sales"]),
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
    max_size=4,
)


@settings(max_examples=200, deadline=None)
@given(
    split=_shares,
    target=st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
    unit=st.sampled_from(["件", "%", "％", "", "万元"]),
    order=st.lists(st.sampled_from(["rnd", "hr", "ipo", "sales", "gone"]), max_size=6),
)
def test_the_editor_and_the_findings_agree(split, target, unit, order):
    obj = Objective("o", "目标", target, unit, split)
    check = check_split(obj, order)
    found = objective_findings(Facts(objectives=(obj,)), "ipo")
    assert (check.state is SplitState.MISMATCH) == bool(found)
    if split and unit.strip() not in ("%", "％"):
        assert check.total == sum(split.values(), Decimal(0))
        assert check.ok == (check.total == target)
