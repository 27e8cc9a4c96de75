"""The IP budget against spending: categories read from finance's wording, variance, findings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain.budget import (
    CATEGORIES,
    OVERSPENT,
    UNBUDGETED,
    UNSPENT,
    actual_by_category,
    budget_findings,
    category_key,
    classify,
    compare,
)
from ipaudit.domain.model import Grade


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("申请费", "application"),
        ("专利申请费", "application"),
        ("商标注册费", "application"),
        ("软件著作权登记费", "application"),
        ("专利年费", "annual_fees"),
        ("维持费", "annual_fees"),
        ("商标续展费", "annual_fees"),
        ("代理费", "agency"),
        ("专利申请代理费", "agency"),
        ("检索费", "search"),
        ("检索分析费", "search"),
        ("申请前检索费", "search"),
        ("培训费", "training"),
        ("知识产权培训", "training"),
        ("奖励费", "rewards"),
        ("专利奖金", "rewards"),
        ("职务发明报酬", "rewards"),
        ("软件购置费", "software"),
        ("专利数据库", "software"),
        ("诉讼费", "litigation"),
        ("诉讼代理费", "litigation"),
        ("维权律师费", "litigation"),
        ("办公用品", "other"),
        ("Annual fees", "annual_fees"),
        ("annual_fees", "annual_fees"),
        ("ＴＲＡＩＮＩＮＧ", "training"),
    ],
)
def test_finance_wording_lands_in_its_category(text: str, key: str) -> None:
    assert classify(text) == key


def test_a_user_names_a_category_by_key_or_word() -> None:
    assert category_key("年费") == "annual_fees"
    assert category_key("other") == "other"
    assert category_key("其他") == "other"
    assert category_key("办公用品") is None
    assert category_key("") is None


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["申请费", "年费", "奖励费", "杂费", "检索费"]),
            st.decimals(0, 10**7, places=2),
        )
    )
)
def test_sums_by_category_lose_nothing(pairs: list[tuple[str, Decimal]]) -> None:
    sums = actual_by_category(pairs)
    assert sum(sums.values(), Decimal(0)) == sum((a for _, a in pairs), Decimal(0))
    assert set(sums) <= {c.key for c in CATEGORIES}


def test_lines_show_budget_actual_and_variance_in_category_order() -> None:
    lines = compare(
        {"training": Decimal(20000), "application": Decimal(50000)},
        {"application": Decimal("61000.50"), "rewards": Decimal(8000)},
    )
    assert [line.category for line in lines] == ["rewards", "training", "application"]
    application = lines[2]
    assert application.variance == Decimal("-11000.50") and application.overspent
    assert lines[0].budget is None and lines[0].variance is None
    assert lines[1].actual == 0 and lines[1].variance == Decimal(20000)


def test_findings_overspent_unspent_and_unbudgeted() -> None:
    lines = compare(
        {
            "application": Decimal(50000),  # 20 % over: minor
            "agency": Decimal(30000),  # 10 % over: within the tolerance
            "training": Decimal(20000),  # nothing spent: observation
        },
        {"application": Decimal(60000), "agency": Decimal(33000), "rewards": Decimal(8000)},
    )
    found = {f.refs[0]: f for f in budget_findings(lines, "finance", "fin.budget")}
    assert set(found) == {"application", "training", "rewards"}
    assert (found["application"].code, found["application"].grade) == (OVERSPENT, Grade.MINOR)
    assert "20%" in found["application"].message.en
    assert (found["training"].code, found["training"].grade) == (UNSPENT, Grade.OBSERVATION)
    assert (found["rewards"].code, found["rewards"].grade) == (UNBUDGETED, Grade.OBSERVATION)
    assert all(f.department == "finance" and f.item_key == "fin.budget" for f in found.values())


def test_no_budget_declared_no_budget_findings() -> None:
    assert budget_findings(compare({}, {"rewards": Decimal(8000)}), "finance", "fin.budget") == []
