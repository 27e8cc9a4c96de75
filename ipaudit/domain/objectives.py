"""The sum check of an objective's split by department: the one rule the checks and the editor use.

A split adds up to the company target unless the unit is a percentage (a rate: every department
carries the rate itself, so the shares are not summed) or there is no split yet. Each department's
share counts once, whatever order the editor shows the departments in.
"""

from __future__ import annotations

from collections.abc import Iterable
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


def is_rate(obj: Objective) -> bool:
    """Whether the objective is a percentage, whose department shares are not added up."""
    return obj.unit.strip() in PERCENT_UNITS


def fmt_number(value: Decimal) -> str:
    """8 for 8.00, 2.5 for 2.50; never scientific notation."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def check_split(obj: Objective, order: Iterable[str] | None = None) -> SplitCheck:
    """The check of ``obj``; ``order`` lists department keys in column order for the formula (keys
    not in it follow in sorted order; a key listed twice is still summed once)."""
    if is_rate(obj):
        return SplitCheck(SplitState.NOT_SUMMED, Decimal(0), "")
    if not obj.split:
        return SplitCheck(SplitState.EMPTY, Decimal(0), "")
    keys = list(dict.fromkeys(k for k in (order or ()) if k in obj.split))
    keys += sorted(k for k in obj.split if k not in keys)
    total = sum((obj.split[k] for k in keys), Decimal(0))
    formula = "+".join(fmt_number(obj.split[k]) for k in keys) + f"={fmt_number(total)}"
    if total != obj.target:
        return SplitCheck(SplitState.MISMATCH, total, f"{formula} ≠ {fmt_number(obj.target)}")
    return SplitCheck(SplitState.MATCHES, total, formula)
