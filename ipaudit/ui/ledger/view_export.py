"""Writing the reconciliation view to an xlsx workbook: one sheet per table, money in ¥ format,
the header row frozen and filterable. The file is written beside its target and renamed into place,
so a failed export never leaves half a workbook (no Qt here: it runs in a worker)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

MONEY_FORMAT = '"¥"#,##0.00;[Red]"¥"-#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
_HEADER_FILL = PatternFill("solid", fgColor="DBE9F7")
_MAX_WIDTH = 60

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
    text = value if isinstance(value, str) else str(value if value is not None else "")
    # CJK characters take two columns
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def build_workbook(sheets: Sequence[ExportSheet]) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for spec in sheets:
        ws = wb.create_sheet(_sheet_title(spec.title, taken))
        ws.append(list(spec.headers))
        for cell in ws[1]:
            cell.font = Font(bold=True)
            cell.fill = _HEADER_FILL
            cell.alignment = Alignment(vertical="center")
        widths = [_width(h) for h in spec.headers]
        for values in spec.rows:
            ws.append(list(values))
            for col, value in enumerate(values[: len(widths)]):
                widths[col] = max(widths[col], _width(value))
        last_row = len(spec.rows) + 1
        for col in range(len(spec.headers)):
            letter = get_column_letter(col + 1)
            money = col in spec.money_columns
            for (cell,) in ws.iter_rows(
                min_row=2, max_row=last_row, min_col=col + 1, max_col=col + 1
            ):
                if money and isinstance(cell.value, Decimal | int):
                    cell.number_format = MONEY_FORMAT
                elif isinstance(cell.value, dt.date):
                    cell.number_format = DATE_FORMAT
            extra = 4 if money else 2
            ws.column_dimensions[letter].width = min(_MAX_WIDTH, max(8, widths[col] + extra))
        ws.freeze_panes = "A2"
        if spec.headers:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.headers))}{last_row}"
        if spec.notes:
            ws.append([])
            for values in spec.notes:
                ws.append(list(values))
    if not wb.worksheets:
        wb.create_sheet("Sheet")
    return wb


def write_xlsx(path: str | Path, sheets: Sequence[ExportSheet]) -> Path:
    """Write ``sheets`` to ``path`` atomically (a temporary file renamed into place)."""
    target = Path(path)
    wb = build_workbook(sheets)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target
