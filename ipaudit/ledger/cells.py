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
    cls = value.__class__
    if cls is str:
        return value  # type: ignore[return-value]
    if cls is float:
        f: float = value  # type: ignore[assignment]
        if f.is_integer() and abs(f) < 1e15:
            return str(int(f))
        return repr(f)
    if cls is dt.datetime:
        d: dt.datetime = value  # type: ignore[assignment]
        return d.isoformat(sep=" ") if d.time() != dt.time() else d.date().isoformat()
    if cls is dt.date:
        return value.isoformat()  # type: ignore[union-attr]
    if cls is bool:
        return "TRUE" if value else "FALSE"
    return str(value)
