"""Exports of accounting software (科目明细账): the debit side, the credit side and the balance.

Such a ledger lists every booking of an account with 借方 (debit), 贷方 (credit), 方向 (the side of
the balance) and 余额 (the running balance), between rows that carry a balance forward (期初余额,
承前页) and total rows (本月合计, 本年累计). The importer reads its expenses from the debit side;
``RunningBalance`` follows the balance row by row: a balance carried forward starts it, a line
with only a credit (a transfer out, e.g. 结转本年利润) is no expense but moves it, and a stated
balance that does not follow from the one before is a ``StatedTotal`` whose difference the
reconciliation reports with its row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from ipaudit.ledger import normalize as nz
from ipaudit.ledger.cells import Cell, cell_text
from ipaudit.ledger.model import SourceRef, StatedTotal, column_letter
from ipaudit.ledger.synonyms import Synonyms, header_key

_ZERO = Decimal("0.00")
_NONE = 1 << 30  # an absent column: beyond every row


class RunningBalance:
    """The balance of an accounting export, followed row by row."""

    def __init__(
        self,
        syn: Synonyms,
        unit: Decimal,
        *,
        debit: int | None,
        credit: int | None,
        balance: int | None,
        direction: int | None,
        is_cell_blank: Callable[[Cell], bool] = lambda v: v in ("", None),
    ) -> None:
        self.syn = syn
        self.unit = unit
        self.debit = _NONE if debit is None else debit
        self.credit = _NONE if credit is None else credit
        self.balance_col = _NONE if balance is None else balance
        self.direction = _NONE if direction is None else direction
        self.is_blank = is_cell_blank
        self.balance: Decimal | None = None  # once a row states one
        self.breaks: list[StatedTotal] = []  # stated balances that do not follow

    @property
    def active(self) -> bool:
        return self.credit != _NONE or self.balance_col != _NONE

    def amount_at(self, row: Sequence[Cell], col: int) -> Decimal | None:
        value = row[col] if col < len(row) else ""
        if self.is_blank(value):
            return None
        try:
            return nz.parse_amount(value, self.unit)
        except nz.NormalizeError:
            return None

    def stated(self, row: Sequence[Cell]) -> Decimal | None:
        """The balance a row states, signed by its side (贷 negative, 平 zero)."""
        balance = self.amount_at(row, self.balance_col)
        if balance is None:
            return None
        side = row[self.direction] if self.direction < len(row) else ""
        side_text = cell_text(side).strip() if side not in ("", None) else ""
        if side_text.startswith("贷") or side_text.lower().startswith("cr"):
            return -balance
        if side_text == "平":
            return _ZERO
        return balance

    def not_an_expense(
        self, row: Sequence[Cell], source: SourceRef, is_label: Callable[[], bool]
    ) -> bool:
        """True for a row that is no expense: a balance carried forward (it starts the running
        balance) or a line with only a credit (it moves it). Totals are left to the caller's
        label check (``is_label``)."""
        for value in row:
            if value.__class__ is str and value.strip():
                key = header_key(value)
                if any(key.startswith(w) for w in self.syn.balance_rows):
                    stated = self.stated(row)
                    if stated is not None:
                        self.balance = stated
                    return True
        debit = self.amount_at(row, self.debit)
        credit = self.amount_at(row, self.credit)
        if debit is None and credit is not None and not is_label():
            self.follow(row, source, -credit)
            return True
        return False

    def follow(self, row: Sequence[Cell], source: SourceRef, change: Decimal) -> None:
        """Move the balance by ``change``; a stated balance that differs is recorded."""
        stated = self.stated(row)
        if self.balance is None:
            self.balance = stated
            return
        expected = self.balance + change
        if stated is None:
            self.balance = expected
            return
        if stated != expected:
            self.breaks.append(
                StatedTotal(
                    source=source,
                    label=f"余额/balance {column_letter(self.balance_col)}{source.row}",
                    stated=stated,
                    computed=expected,
                    first_row=source.row,
                    last_row=source.row,
                )
            )
        self.balance = stated
