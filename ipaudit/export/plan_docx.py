"""The audit-day plan as a Word document: per day a schedule grid (time × room, the tour and other
roomless sessions in their own column), the people and their roles, and the plan's conflicts.
Landscape A4 in the pack's style (explicit East Asian fonts, the pack's table style)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from docx.enum.section import WD_ORIENT
from docx.shared import Mm

from ipaudit.domain.audit_plan import ROOMLESS, SessionKind
from ipaudit.domain.model import Grade
from ipaudit.export import docx_xml as X
from ipaudit.export.colors import GRADE_COLOR
from ipaudit.export.docx_base import PackDocument
from ipaudit.export.i18n import t
from ipaudit.export.plan_rows import (
    Names,
    PlanInput,
    PlanRow,
    day_label,
    label,
    people_rows,
    plan_rows,
    time_span,
)

CONFLICT_FILL = GRADE_COLOR[Grade.MINOR]
# sessions of the whole audit team, shown across the room columns
PLENARY = frozenset({SessionKind.OPENING, SessionKind.CLOSING})


def _landscape(doc: PackDocument) -> None:
    section = doc.doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(18)
    section.left_margin = section.right_margin = Mm(20)


def _cell_text(row: PlanRow, lang: str) -> str:
    lines = [row.title]
    if row.auditors:
        lines.append(f"{label('auditors', lang)}{'：' if lang != 'en' else ': '}{row.auditors}")
    if row.escorts:
        lines.append(f"{label('escorts', lang)}{'：' if lang != 'en' else ': '}{row.escorts}")
    if row.attendees:
        lines.append(f"{label('attendees', lang)}{'：' if lang != 'en' else ': '}{row.attendees}")
    return "\n".join(lines)


def build_plan_docx(inp: PlanInput, lang: str, clean: Callable[[str], str] = lambda s: s) -> bytes:
    """The plan document in ``lang`` ("zh" or "en")."""
    en = lang.startswith("en")
    doc = PackDocument(
        lang, clean=clean, footer=t("footer.page", lang, page="{page}", pages="{pages}")
    )
    _landscape(doc)
    width = X.A4_LANDSCAPE_TEXT_WIDTH
    title = label("title", lang)
    doc.raw(
        X.paragraph(
            X.run(clean(f"{title} — {inp.company}"), bold=True, size=36, heading_font=True),
            style="Title",
        )
    )
    doc.label_value(label("company", lang), inp.company)
    doc.label_value(label("dates", lang), f"{inp.audit_start} ~ {inp.audit_end}")
    names = Names(inp, lang, clean)
    rows = plan_rows(inp, lang, clean)
    rooms = list(inp.plan.setup.rooms)
    for day, day_rows_iter in groupby(rows, key=lambda r: r.session.day):
        day_rows = list(day_rows_iter)
        doc.heading(day_label(day, lang), 1)

        def column_of(r: PlanRow) -> str:
            s = r.session
            known = inp.plan.setup.room(s.room) is not None
            return s.room if known and s.kind not in ROOMLESS else ""

        roomless = any(column_of(r) == "" for r in day_rows)
        spec: list[tuple[str, float]] = [(label("time", lang), 1.0)]
        spec += [(names.room(r.key), 3.0) for r in rooms]
        if roomless:
            spec.append((label("everywhere", lang), 3.0))
        widths = X.widths(width, [w for _t, w in spec])
        columns = [X.Column(text, w) for (text, _w), w in zip(spec, widths, strict=True)]
        slots: dict[tuple[object, object], list[PlanRow]] = {}
        for r in day_rows:
            slots.setdefault((r.session.start, r.session.end), []).append(r)
        table: list[list[str | X.Cell]] = []
        for (_start, _end), in_slot in slots.items():
            cells: list[str | X.Cell] = [time_span(in_slot[0].session)]
            plenary = [r for r in in_slot if r.session.kind in PLENARY and column_of(r)]
            if len(in_slot) == 1 and plenary and rooms:  # the whole audit team in one room
                r = plenary[0]
                fill = CONFLICT_FILL if r.conflict else None
                cells.append(X.Cell(_cell_text(r, lang), fill=fill, span=len(rooms)))
                cells += [""] if roomless else []
                table.append(cells)
                continue
            columns_keys = [r.key for r in rooms] + ([""] if roomless else [])
            for key in columns_keys:
                here = [r for r in in_slot if column_of(r) == key]
                text = "\n\n".join(_cell_text(r, lang) for r in here)
                fill = CONFLICT_FILL if any(r.conflict for r in here) else None
                cells.append(X.Cell(text, fill=fill) if fill else text)
            table.append(cells)
        doc.table(columns, table, size=18, keep_together=0)
    if not rows:
        doc.para(label("none", lang))

    doc.heading(label("people", lang), 1)
    doc.table(
        [
            X.Column(text, w)
            for text, w in zip(
                [label(k, lang) for k in ("name", "role", "dep", "escort_of")],
                X.widths(width, [2, 2, 3, 2]),
                strict=True,
            )
        ],
        people_rows(inp, lang, clean),
    )

    doc.heading(label("conflicts", lang), 1)
    if inp.conflicts:
        for c in inp.conflicts:
            doc.para(("• " if en else "● ") + c.message.get(lang), color="9C0006")
    else:
        doc.para(label("no_conflicts", lang))
    return doc.save(
        title=f"{title} — {inp.company}",
        subject="GB/T 29490",
        author=inp.company,
        as_of=inp.as_of,
    )
