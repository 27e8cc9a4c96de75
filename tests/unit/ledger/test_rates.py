"""The reward procedure's rate table: loading and saving it, and rewards that deviate from it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.ledger.ipnumber import IpType
from ipaudit.ledger.model import DiscrepancyKind as K
from ipaudit.ledger.rates import RateTable, RateTableError, check_rates
from tests.unit.ledger.reconcile_support import SAMPLE_RATES, money, patent, reward


def test_the_shipped_table_holds_the_sample_rates():
    table = RateTable.default()
    assert table == SAMPLE_RATES
    assert table.types[IpType.INVENTION] == money(5000)
    assert table.types[IpType.TRADEMARK] == money(300)


def test_keys_may_be_chinese_type_names_or_categories():
    table = RateTable.from_dict({"发明专利": "5,000元", "实用新型": 1000, "发明专利申请": 800.5})
    assert table.types == {IpType.INVENTION: money(5000), IpType.UTILITY_MODEL: money(1000)}
    assert table.categories == {"发明专利申请": Decimal("800.50")}


@pytest.mark.parametrize("raw", ["很多", -5, True, None, [1], "NaN"])
def test_a_bad_amount_is_a_typed_error_in_both_languages(raw):
    with pytest.raises(RateTableError) as err:
        RateTable.from_dict({"invention": raw}, source="rates.yaml")
    assert err.value.key == "invention" and err.value.source == "rates.yaml"
    assert "invention" in err.value.message_zh and "rates.yaml" in err.value.message_en


def test_yaml_round_trip(tmp_path):
    table = RateTable.from_dict({"invention": 5000, "design": "500.50", "发明专利申请": 1000})
    path = tmp_path / "rates.yaml"
    table.save(path)
    text = path.read_text(encoding="utf-8")
    assert "发明专利申请" in text and "invention: 5000" in text
    assert RateTable.load(path) == table


def test_yaml_without_the_rates_key_and_broken_yaml(tmp_path):
    plain = tmp_path / "plain.yaml"
    plain.write_text("商标: 300\n软件著作权: 600\n", encoding="utf-8")
    assert RateTable.load(plain).types == {
        IpType.TRADEMARK: money(300),
        IpType.SOFTWARE: money(600),
    }
    broken = tmp_path / "broken.yaml"
    broken.write_text("rates: [unclosed\n", encoding="utf-8")
    with pytest.raises(RateTableError):
        RateTable.load(broken)
    listed = tmp_path / "list.yaml"
    listed.write_text("- 1\n- 2\n", encoding="utf-8")
    with pytest.raises(RateTableError, match="not a mapping"):
        RateTable.load(listed)


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["invention", "design", "商标", "发明专利申请", "软件著作权登记奖"]),
        st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False),
        min_size=1,
    )
)
def test_any_table_survives_save_and_load(tmp_path_factory, rates):
    table = RateTable.from_dict(rates)
    path = tmp_path_factory.mktemp("rates") / "r.yaml"
    table.save(path)
    assert RateTable.load(path) == table


def test_rate_of_a_reward():
    table = RateTable.from_dict({"invention": 5000, "utility_model": 1000, "发明专利申请": 1000})
    # a category in the reason wins, then a type named in the reason, then the number
    assert table.rate_for(reward(4, "甲", patent(1), 1000, "2025-01-01", text="发明专利申请")) == (
        "发明专利申请",
        money(1000),
    )
    assert table.rate_for(
        reward(4, "甲", patent(1, kind=2), 1, "2025-01-01", text="发明专利授权")
    ) == (
        "invention",
        money(5000),
    )
    assert table.rate_for(reward(4, "甲", patent(1, kind=2), 1, "2025-01-01", text="授权奖励")) == (
        "utility_model",
        money(1000),
    )
    assert (
        table.rate_for(reward(4, "甲", "71234567", 300, "2025-01-01")) is None
    )  # no trademark rate


def test_rewards_off_the_rate():
    rewards = [
        reward(4, "王强", patent(1), 5000, "2025-01-20", text="发明专利授权"),
        reward(5, "李娜", patent(2, kind=2), 1200, "2025-01-20", text="实用新型授权"),
        reward(6, "周杰", "71234567", 300, "2025-03-15", text="商标注册"),
        reward(7, "赵敏", "", 400, "2025-03-15", text="软件著作权登记"),
        reward(8, "何静", "", 500, "2025-09-05", penalty=True, text="违反保密规定"),
    ]
    found = check_rates(rewards, SAMPLE_RATES)
    assert sorted((d.kind, d.persons, d.expected, d.actual, d.difference) for d in found) == [
        (K.RATE_DEVIATION, ("李娜",), money(1000), money(1200), money(200)),
        (K.RATE_DEVIATION, ("赵敏",), money(500), money(400), money(-100)),
    ]
    li = next(d for d in found if d.persons == ("李娜",))
    assert "实用新型 1,000.00" in li.message_zh and "utility model (1,000.00)" in li.message_en
    assert check_rates(rewards[:1] + rewards[2:3], SAMPLE_RATES) == []


def test_inventors_sharing_one_reward():
    shared = [
        reward(4, "王强", patent(1), 3000, "2025-01-20", text="发明专利授权"),
        reward(5, "李娜", patent(1), 2000, "2025-01-20", text="发明专利授权"),
    ]
    assert check_rates(shared, SAMPLE_RATES) == []
    each_in_full = [
        reward(4, "王强", patent(1), 5000, "2025-01-20"),
        reward(5, "李娜", patent(1), 5000, "2025-01-20"),
    ]
    assert check_rates(each_in_full, SAMPLE_RATES) == []
    short = [shared[0], reward(5, "李娜", patent(1), 1000, "2025-01-20")]
    (d,) = check_rates(short, SAMPLE_RATES)
    assert (d.persons, d.expected, d.actual) == (("王强", "李娜"), money(5000), money(4000))
    assert len(d.rows) == 2
