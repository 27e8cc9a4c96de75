"""The one place user values are checked: ranges, decimals, keys, dates, and stored facts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain import validation as v
from ipaudit.domain.model import Facts, Objective

HOSTILE_NUMBERS = [
    "NaN",
    "nan",
    "-NaN",
    "sNaN",
    "Infinity",
    "-Infinity",
    "inf",
    "1e999999999",
    "-1e999999999",
    "1E+999999",
    "-99999999999999999999",
    "9" * 5000,
    "",
    "   ",
    "abc",
    "1/2",
    "0x10",
    "\x00",
    "５" * 100,
]


@pytest.mark.parametrize("text", HOSTILE_NUMBERS)
@pytest.mark.parametrize("rule", [v.WINDOW_DAYS, v.HEADCOUNT, v.COUNT, v.TARGET, v.RATE])
def test_hostile_numbers_are_refused_with_a_sentence(text: str, rule: v.NumberRule) -> None:
    with pytest.raises(v.InvalidValue) as caught:
        rule.parse(text, "x")
    zh, en = caught.value.message("zh"), caught.value.message("en")
    assert "x" in zh and "x" in en
    assert len(en) < 300  # a 5,000-digit number is not echoed whole


def test_ranges_and_decimals() -> None:
    assert v.WINDOW_DAYS.parse_int("0", "w") == 0
    assert v.WINDOW_DAYS.parse_int("3650", "w") == 3650
    assert v.WINDOW_DAYS.parse_int(" ３６５ ", "w") == 365  # full-width digits, spaces
    with pytest.raises(v.InvalidValue, match="out of range"):
        v.WINDOW_DAYS.parse("3651", "w")
    with pytest.raises(v.InvalidValue, match="whole number"):
        v.HEADCOUNT.parse("2.5", "h")
    assert v.HEADCOUNT.parse_int("1,000", "h") == 1000
    assert v.RATE.parse("999999999.99", "r") == Decimal("999999999.99")
    with pytest.raises(v.InvalidValue, match="out of range"):
        v.RATE.parse("1000000000", "r")
    with pytest.raises(v.InvalidValue, match="decimals"):
        v.RATE.parse("5.001", "r")
    assert v.RATE.parse("5.000", "r") == Decimal(5)  # trailing zeros are not decimals
    with pytest.raises(v.InvalidValue, match="out of range"):
        v.TARGET.parse("-1", "t")
    assert v.check_window_days(Decimal(15)) == 15


def test_typed_numbers_are_read_by_the_one_number_reader() -> None:
    # domain.numbers reads what is typed: Chinese numerals and multipliers too
    assert v.HEADCOUNT.parse_int("二十三", "h") == 23
    assert v.TARGET.parse("1.2万", "t") == Decimal(12000)
    assert v.TARGET.parse(".5", "t") == Decimal("0.5") and v.TARGET.parse("5.", "t") == 5
    assert v.TARGET.parse("+12", "t") == 12 and v.TARGET.parse("1 200", "t") == 1200
    # separators in the wrong place, exponents and underscores were read by Decimal() once;
    # they are typos, not numbers
    for typo in ("1,2,3", "12,00", "1e5", "1_000", "--1", "一百一", ".", "-", "1..", "..5"):
        with pytest.raises(v.InvalidValue, match="is not a number"):
            v.TARGET.parse(typo, "t")


@given(st.text(max_size=80))
def test_parse_refuses_or_returns_a_value_in_range(text: str) -> None:
    for rule in (v.WINDOW_DAYS, v.HEADCOUNT, v.TARGET, v.RATE):
        try:
            value = rule.parse(text, "k")
        except v.InvalidValue:
            continue
        assert value.is_finite() and rule.low <= value <= rule.high
        assert rule.problem(value) is None


@given(st.decimals(allow_nan=True, allow_infinity=True) | st.integers() | st.floats())
def test_problem_is_none_exactly_for_values_in_range(value: Decimal | int | float) -> None:
    number = Decimal(value)
    ok = number.is_finite() and 0 <= number <= 1_000_000 and number == number.to_integral_value()
    assert (v.HEADCOUNT.problem(value) is None) == ok


@pytest.mark.parametrize("key", ["legal", "rnd_2", "a", "x" * 32, "ip_office"])
def test_department_keys_of_the_safe_alphabet(key: str) -> None:
    assert v.check_department_key(key) == key


@pytest.mark.parametrize(
    "key", ["", "../../evil", "Legal", "2nd", "_x", "a" * 33, "研发", "a b", "a/b", "a\x00", "a-b"]
)
def test_other_department_keys_are_refused(key: str) -> None:
    with pytest.raises(v.InvalidValue, match="department key"):
        v.check_department_key(key)


@given(st.text(max_size=40))
def test_an_accepted_department_key_is_safe_in_a_path(key: str) -> None:
    try:
        v.check_department_key(key)
    except v.InvalidValue:
        return
    assert "/" not in key and "\\" not in key and ".." not in key and key == key.lower()


def test_fact_keys() -> None:
    assert v.check_fact_key("invention_filings", "objective") == "invention_filings"
    assert v.check_fact_key("发明申请", "objective") == "发明申请"
    for bad in ("../x", "a/b", "", "x" * 65, "a\nb"):
        with pytest.raises(v.InvalidValue):
            v.check_fact_key(bad, "objective")


def test_dates_in_a_sane_range() -> None:
    assert v.check_date(dt.date(2025, 3, 5), "d") == dt.date(2025, 3, 5)
    for bad in (dt.date(1, 1, 1), dt.date(1949, 12, 31), dt.date(2101, 1, 1), dt.date.max):
        with pytest.raises(v.InvalidValue, match="plausible"):
            v.check_date(bad, "d")


def _bad_facts() -> Facts:
    return Facts(
        headcount={"rnd": -5, "finance": 10**40, "hr_admin": 6},
        portfolio={"invention": 14, "design": -1},
        objectives=(
            Objective("a", "filings", Decimal("1E+999999999"), "件", {"rnd": Decimal(8)}),
            Objective("b", "software", Decimal(6), "件", {"rnd": Decimal("NaN")}, year=99999),
            Objective("c", "training", Decimal(100), "%", {"rnd": Decimal(100)}, year=2026),
        ),
    )


def test_stored_problems_are_found_and_left_out() -> None:
    facts = _bad_facts()
    found = {p.where: p for p in v.facts_problems(facts)}
    assert set(found) == {
        "headcount.rnd",
        "headcount.finance",
        "portfolio.design",
        "objective.a",
        "objective.b.rnd",
        "objective.b.year",
    }
    assert found["headcount.rnd"].department == "rnd"
    assert "Enter it again" in found["objective.a"].message().en
    clean = v.without_invalid(facts)
    assert v.facts_problems(clean) == []
    assert clean.headcount == {"hr_admin": 6}
    assert clean.portfolio == {"invention": 14}
    assert [o.key for o in clean.objectives] == ["b", "c"]
    assert clean.objectives[0].split == {} and clean.objectives[0].year is None
    assert clean.objectives[1] == facts.objectives[2]
    good = Facts(headcount={"rnd": 3})
    assert v.without_invalid(good) is good


def test_check_facts_refuses_new_problems_only() -> None:
    stored = _bad_facts()
    edited = Facts(
        policy="new",
        headcount=stored.headcount,
        portfolio=stored.portfolio,
        objectives=stored.objectives,
    )
    assert v.check_facts(edited, stored) is edited  # what was stored already is not refused
    with pytest.raises(v.InvalidValue, match=r"headcount\.hr_admin"):
        v.check_facts(Facts(headcount={**stored.headcount, "hr_admin": -1}), stored)
    with pytest.raises(v.InvalidValue, match=r"headcount\.rnd"):
        v.check_facts(stored)


def test_names() -> None:
    assert v.check_name("  法务部 ", "legal") == "法务部"
    for bad in ("", "   ", "x" * 65, "a\nb", "a\x00b"):
        with pytest.raises(v.InvalidValue, match="name"):
            v.check_name(bad, "legal")


def test_evidence_dates() -> None:
    v.check_evidence_dates({"doc_date": dt.date(2025, 3, 5), "title": "x"})
    v.check_evidence_dates({"period_start": dt.date(2025, 1, 1), "period_end": dt.date(2025, 1, 1)})
    with pytest.raises(v.InvalidValue, match="before it starts"):
        v.check_evidence_dates(
            {"period_start": dt.date(2025, 5, 1), "period_end": dt.date(2025, 1, 1)}
        )
    with pytest.raises(v.InvalidValue, match="plausible"):
        v.check_evidence_dates({"doc_date": dt.date(1900, 1, 1)})
