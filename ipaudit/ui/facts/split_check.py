"""The live sum check of an objective's split by department, as shown in the facts editor.

It mirrors ``domain.checks.objective_findings``: a split adds up to the company target unless the
unit is a percentage (rates are not summed) or there is no split yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ipaudit.domain.model import Objective

PERCENT_UNITS = ("%", "％")


class SplitState(StrEnum):
    EMPTY = "empty"  # no department has a share yet
    NOT_SUMMED = "not_summed"  # a rate: every department carries the rate itself
    MATCHES = "matches"
    MISMATCH = "mismatch"


@dataclass(frozen=True, slots=True)
class SplitCheck:
    state: SplitState
    total: Decimal
    formula: str  # "8+2=10 ≠ 12", "10+5=15", "" for empty / not summed

    @property
    def ok(self) -> bool:
        return self.state is not SplitState.MISMATCH


def fmt_number(value: Decimal) -> str:
    """8 for 8.00, 2.5 for 2.50; never scientific notation."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def check_split(obj: Objective, order: list[str] | None = None) -> SplitCheck:
    """The check of ``obj``; ``order`` lists department keys in column order for the formula."""
    if obj.unit.strip() in PERCENT_UNITS:
        return SplitCheck(SplitState.NOT_SUMMED, Decimal(0), "")
    if not obj.split:
        return SplitCheck(SplitState.EMPTY, Decimal(0), "")
    keys = [k for k in (order or []) if k in obj.split]
    keys += sorted(k for k in obj.split if k not in keys)
    total = sum((obj.split[k] for k in keys), Decimal(0))
    formula = "+".join(fmt_number(obj.split[k]) for k in keys) + f"={fmt_number(total)}"
    if total != obj.target:
        return SplitCheck(SplitState.MISMATCH, total, f"{formula} ≠ {fmt_number(obj.target)}")
    return SplitCheck(SplitState.MATCHES, total, formula)
