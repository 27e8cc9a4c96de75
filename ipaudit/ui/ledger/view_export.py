"""Writing the reconciliation view to an xlsx workbook: one sheet per table, money in ¥ format,
the header row frozen and filterable. The file is written beside its target and renamed into place,
so a failed export never leaves half a workbook (no Qt here: it runs in a worker)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ipaudit.progress import Cancelled

MONEY_FORMAT = '"¥"#,##0.00;[Red]"¥"-#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
_HEADER_FILL = PatternFill("solid", fgColor="DBE9F7")
_MAX_WIDTH = 60
_STEP = 2000  # rows between progress reports
_WIDTH_ROWS = 2000

Value = str | int | Decimal | dt.date | None


@dataclass(slots=True)
class ExportSheet:
    title: str
    headers: list[str]
    rows: list[list[Value]]
    money_columns: frozenset[int] = frozenset()  # 0-based
    #: rows written below the table after a blank row (outside the filter), e.g. the summary text
    notes: list[list[Value]] = field(default_factory=list)


def _sheet_title(title: str, taken: set[str]) -> str:
    clean = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip() or "Sheet"
    clean = clean[:31]
    name, n = clean, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name = clean[: 31 - len(suffix)] + suffix
        n += 1
    taken.add(name.lower())
    return name


def _width(value: Value) -> int:
    if value is None:
        return 0
    if not isinstance(value, str):
        return 12 if isinstance(value, dt.date) else len(str(value)) + 2
    # CJK characters take two columns
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in value)


def _cell(ws: Any, value: Value, money: bool, header: bool = False) -> Any:
    if header:
        cell = WriteOnlyCell(ws, value=value)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        return cell
    if money and isinstance(value, Decimal | int):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = MONEY_FORMAT
        return cell
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


def build_workbook(
    sheets: Sequence[ExportSheet],
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> tuple[Workbook, bool]:
    """A write-only workbook (rows streamed, so 100,000-row sheets stay quick and small), and
    whether it is complete.

    ``progress(rows done, rows in all)`` is called every few thousand rows; when ``cancel()``
    returns True the rows stop there and the workbook comes back incomplete (it must still be
    saved somewhere, which closes its streams, and then thrown away).
    """
    wb = Workbook(write_only=True)
    total = sum(len(spec.rows) for spec in sheets)
    done = 0
    taken: set[str] = set()
    for spec in sheets:
        ws = wb.create_sheet(_sheet_title(spec.title, taken))
        widths = [_width(h) for h in spec.headers]
        for values in spec.rows[:_WIDTH_ROWS]:  # a sample is enough for the column widths
            for col, value in enumerate(values[: len(widths)]):
                w = _width(value)
                if w > widths[col]:
                    widths[col] = w
        for col in range(len(spec.headers)):
            extra = 4 if col in spec.money_columns else 2
            ws.column_dimensions[get_column_letter(col + 1)].width = min(
                _MAX_WIDTH, max(8, widths[col] + extra)
            )
        ws.freeze_panes = "A2"
        last_row = len(spec.rows) + 1
        if spec.headers:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.headers))}{last_row}"
        ws.append([_cell(ws, h, False, header=True) for h in spec.headers])
        money = spec.money_columns
        for n, values in enumerate(spec.rows, 1):
            ws.append([_cell(ws, v, col in money) for col, v in enumerate(values)])
            if not n % _STEP:
                if cancel is not None and cancel():
                    return wb, False
                if progress is not None:
                    progress(done + n, total)
        done += len(spec.rows)
        if spec.notes:
            ws.append([])
            for values in spec.notes:
                ws.append(list(values))
    if not sheets:
        wb.create_sheet("Sheet")
    return wb, True


def write_xlsx(
    path: str | Path,
    sheets: Sequence[ExportSheet],
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """Write ``sheets`` to ``path`` atomically (a temporary file renamed into place).

    A cancelled or failed export leaves no file behind and an existing ``path`` untouched.
    """
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        wb, complete = build_workbook(sheets, progress, cancel)
        wb.save(tmp)
        if not complete:
            raise Cancelled()
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target
