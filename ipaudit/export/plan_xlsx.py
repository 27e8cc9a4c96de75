"""The audit-day plan as a workbook: one row per session (date, times, room, session, kind,
department, auditors, escorts, who must attend, conflict) with a filter and a frozen header,
then the people and the conflicts. Column widths fit Chinese text (a CJK character counts two)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ipaudit.domain.model import Grade
from ipaudit.domain.normalize import display_width
from ipaudit.export.colors import GRADE_COLOR
from ipaudit.export.docx_xml import HEADER_FILL
from ipaudit.export.plan_rows import PlanInput, label, people_rows, plan_rows
from ipaudit.export.zipstable import save_xlsx

MIN_WIDTH, MAX_WIDTH = 8, 60
HEADER = PatternFill("solid", fgColor=HEADER_FILL)
CONFLICT = PatternFill("solid", fgColor=GRADE_COLOR[Grade.MINOR])
FONT = "宋体"


def _sheet(ws: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(name=FONT, bold=True)
        cell.fill = HEADER
    for values in rows:
        ws.append(list(values))
    widths = [display_width(h) for h in headers]
    for row in rows:
        for n, value in enumerate(row):
            text = "" if value is None else str(value)
            longest = max((display_width(line) for line in text.split("\n")), default=0)
            widths[n] = max(widths[n], longest)
    for n, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(n)].width = max(MIN_WIDTH, min(w + 2, MAX_WIDTH))
    for row_cells in ws.iter_rows(min_row=2):
        for cell in row_cells:
            cell.font = Font(name=FONT)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(headers))
    ws.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 1)}"


def build_plan_xlsx(inp: PlanInput, lang: str, clean: Callable[[str], str] = lambda s: s) -> bytes:
    """The plan workbook in ``lang`` ("zh" or "en")."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = label("sessions_sheet", lang)
    keys = (
        "day",
        "start",
        "end",
        "room",
        "session",
        "kind",
        "department",
        "auditors",
        "escorts",
        "attendees",
        "conflict",
    )
    rows = plan_rows(inp, lang, clean)
    values = [
        [
            r.session.day,
            r.session.start.strftime("%H:%M"),
            r.session.end.strftime("%H:%M"),
            r.room,
            r.title,
            r.kind,
            r.department,
            r.auditors,
            r.escorts,
            r.attendees,
            label("yes", lang) if r.conflict else "",
        ]
        for r in rows
    ]
    _sheet(ws, [label(k, lang) for k in keys], values)
    for n, r in enumerate(rows, 2):
        ws.cell(n, 1).number_format = "yyyy-mm-dd"
        if r.conflict:
            for cell in ws[n]:
                cell.fill = CONFLICT
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width, 12)

    people = wb.create_sheet(label("people_sheet", lang))
    _sheet(
        people,
        [label(k, lang) for k in ("name", "role", "dep", "escort_of")],
        people_rows(inp, lang, clean),
    )
    conflicts = wb.create_sheet(label("conflicts_sheet", lang))
    _sheet(
        conflicts,
        [label("conflict", lang)],
        [[clean(c.message.get(lang))] for c in inp.conflicts],
    )
    wb.properties.creator = inp.company
    return save_xlsx(wb, inp.as_of)
