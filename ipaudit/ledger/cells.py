"""What a cell read from a ledger file can be, and how it reads as text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True, slots=True)
class CellIssue:
    """A cell that has no usable value although it is not empty.

    ``formula`` — a formula whose result was never saved (the file was written by a program that
    does not calculate, or saved with calculation off); ``error`` — a formula whose saved result is
    an Excel error such as ``#DIV/0!`` or ``#REF!``. Readers put these where the value would be,
    so the importer reports them instead of taking the cell as empty or zero.
    """

    kind: str  # "formula" | "error"
    text: str  # the formula ("=SUM(F3:F15)") or the error ("#DIV/0!")

    def __str__(self) -> str:
        return self.text


Cell = Union[str, int, float, bool, dt.date, dt.datetime, dt.time, dt.timedelta, CellIssue, None]  # noqa: UP007


def cell_text(value: Cell) -> str:
    """The cell as the user sees it, for problem reports and previews."""
    if value is None:
        return ""
    # exact classes, not isinstance: a bool is no int here, a datetime no date
    if value.__class__ is str:
        return value
    if value.__class__ is float:
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if value.__class__ is dt.datetime:
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if value.__class__ is dt.date:
        return value.isoformat()
    if value.__class__ is bool:
        return "TRUE" if value else "FALSE"
    return str(value)
