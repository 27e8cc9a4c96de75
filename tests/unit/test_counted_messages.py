"""Messages of the domain and the ledger read right for a count of one and of several: "1 day
overdue", "the 1 line after it", never "1 days" (see tests/unit/test_counted_strings.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from ipaudit.domain.corrective_actions import CorrectiveAction, NcSource, overdue_text
from ipaudit.ledger.errors import HeaderNotFound, SheetTooLarge, UnclosedQuote


@pytest.mark.parametrize(("late", "said"), [(1, "is 1 day overdue."), (12, "is 12 days overdue.")])
def test_an_overdue_action_says_its_days(late: int, said: str) -> None:
    due = dt.date(2026, 11, 2)
    action = CorrectiveAction("CA-001", NcSource.MOCK_AUDIT, "没有培训记录", due=due)
    text = overdue_text(action, due + dt.timedelta(days=late))
    assert f"was due on {due} and {said} Complete it" in text.en
    assert f"已逾期 {late} 天" in text.zh


@pytest.mark.parametrize(
    ("swallowed", "said"),
    [(1, "the 1 line after it would become"), (40, "the 40 lines after it would become")],
)
def test_an_unclosed_quote_counts_the_lines_it_swallows(swallowed: int, said: str) -> None:
    error = UnclosedQuote("台账.csv", row=3, line=4, column=2, swallowed=swallowed)
    assert said in error.en and f"其后 {swallowed} 行" in error.zh


def test_ledger_errors_count_rows_and_columns() -> None:
    assert "in the first 1 row" in HeaderNotFound("台账.xlsx", "Sheet1", 1).en
    assert "in the first 30 rows" in HeaderNotFound("台账.xlsx", "Sheet1", 30).en
    wide = SheetTooLarge("台账.xlsx", rows=1, columns=16384)
    assert "(1 row × 16384 columns)" in wide.en and "（1 行 × 16384 列）" in wide.zh
