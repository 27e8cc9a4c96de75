"""The facts models pass Qt's model tester, and the cell parsers read what people type."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.demo import content
from ipaudit.domain.model import Objective, Procedure, Text
from ipaudit.domain.objectives import SplitState, check_split, fmt_number
from ipaudit.ui.facts.cell_values import BadValue, parse_count, parse_decimal, parse_year
from ipaudit.ui.facts.department_facts_model import DepartmentFactsModel
from ipaudit.ui.facts.objectives_model import ObjectivesModel
from ipaudit.ui.facts.procedures_model import ProceduresModel
from ipaudit.ui.facts.text_list_model import TextListModel

DEPARTMENTS = [(k, Text(k, k)) for k in content.HEADCOUNT]


def test_objectives_model(qtmodeltester):
    model = ObjectivesModel()
    qtmodeltester.check(model)
    model.set_rows(content.OBJECTIVES, DEPARTMENTS)
    qtmodeltester.check(model)
    assert model.columnCount() == 4 + len(DEPARTMENTS) + 1
    model.add_objective()
    model.remove_objective(0)
    qtmodeltester.check(model)


def test_objectives_model_shows_a_split_key_without_a_department():
    model = ObjectivesModel()
    odd = Objective("x", "某目标", Decimal(3), "件", {"legal": Decimal(3)})
    model.set_rows([odd], DEPARTMENTS)
    assert model.split_column("legal") == 4 + len(DEPARTMENTS)
    assert model.index(0, model.check_column).data() == "3=3 ✓"


def test_department_facts_model(qtmodeltester):
    model = DepartmentFactsModel()
    qtmodeltester.check(model)
    model.set_rows(DEPARTMENTS, content.HEADCOUNT, content.DUTIES)
    qtmodeltester.check(model)
    assert model.total_headcount() == sum(content.HEADCOUNT.values())


def test_procedures_model(qtmodeltester):
    model = ProceduresModel()
    qtmodeltester.check(model)
    model.set_rows(content.PROCEDURES, DEPARTMENTS)
    model.add_procedure()
    qtmodeltester.check(model)
    assert model.procedures()[-1] == Procedure("", "")


def test_text_list_model(qtmodeltester):
    model = TextListModel()
    qtmodeltester.check(model)
    model.set_rows(content.MANUAL_OBJECTIVES, {4: "missing"})
    qtmodeltester.check(model)
    model.remove_text(0)
    assert model.problem(3) == "missing"
    qtmodeltester.check(model)


def test_split_check_cases():
    invention = Objective(
        "inv", "发明", Decimal(12), "件", {"rnd": Decimal(8), "production": Decimal(2)}
    )
    utility = Objective("uti", "实用新型", Decimal(15), "件", {"rnd": Decimal(15)})
    training = Objective("tr", "培训覆盖率", Decimal(100), "％", {"rnd": Decimal(100)})
    assert check_split(invention, ["rnd", "production"]).formula == "8+2=10 ≠ 12"
    assert check_split(invention).state is SplitState.MISMATCH
    assert check_split(utility).state is SplitState.MATCHES
    assert check_split(training).state is SplitState.NOT_SUMMED
    empty = Objective("e", "x", Decimal(5))
    assert check_split(empty).state is SplitState.EMPTY and check_split(empty).ok
    assert fmt_number(Decimal("2.50")) == "2.5" and fmt_number(Decimal("8.00")) == "8"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", Decimal(12)),
        ("１２", Decimal(12)),
        (" 2.5 ", Decimal("2.5")),
        ("1,200", Decimal(1200)),
    ],
)
def test_parse_decimal(text, value):
    assert parse_decimal(text) == value


def test_parse_units_and_refusals():
    assert parse_decimal("12件", units=("件",)) == 12
    assert parse_count("23人") == 23
    assert parse_year("2026年") == 2026
    assert parse_decimal("") is None and parse_count(" ") is None
    for bad in ("abc", "-1", "NaN", "Infinity", "1,2,3", "1e5"):
        with pytest.raises(BadValue):
            parse_decimal(bad)
    # read as the command line reads it (validation.TARGET.parse → domain.numbers)
    assert parse_decimal("二十件", units=("件",)) == 20 and parse_decimal("1.2万") == 12000
    with pytest.raises(BadValue):
        parse_count("2.5")
    with pytest.raises(BadValue):
        parse_year("26")


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**9), st.booleans())
def test_counts_round_trip_in_both_widths(n, full_width):
    text = str(n)
    if full_width:
        text = text.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    if n > 1_000_000:  # beyond validation.HEADCOUNT: refused, as the services would
        with pytest.raises(BadValue):
            parse_count(text)
    else:
        assert parse_count(text) == n


@settings(max_examples=60, deadline=None)
@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_decimal_display_parses_back(value):
    assert parse_decimal(fmt_number(value)) == value
