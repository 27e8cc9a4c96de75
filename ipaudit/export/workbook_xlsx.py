"""The readiness workbook (xlsx): overview with a native bar chart, checklist, evidence index with
links into the pack, findings, ledger reconciliation and details, import problems.

Every sheet has one header row, frozen, filtered and repeated on every printed page; every sheet
prints A4 landscape, as wide as the page, with the sheet's name and "page x of y" in its footer.
Number formats follow what a number means: counts are whole numbers (``0``), money is ``#,##0.00``
(written from Decimal, exact to the cent; the unit is in the header, never a currency symbol),
readiness is a fraction formatted ``0.0%``, dates ``yyyy-mm-dd``. Grades are coloured; column widths
count a Chinese character as two.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from copy import copy
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ipaudit.domain.checks import worst_grade
from ipaudit.domain.model import Finding, Grade, ItemKind, Readiness, Status
from ipaudit.domain.normalize import display_width
from ipaudit.export.colors import GRADE_COLOR, READY_COLOR, level_color
from ipaudit.export.data import PackData, describe_slot
from ipaudit.export.i18n import (
    KIND_TEXT,
    grade_text,
    paren,
    t,
    todo_text,
)
from ipaudit.export.redaction import Verbatim
from ipaudit.export.report_docx import VERDICT_FILL, verdict_sentence
from ipaudit.export.verdict import assess, worst_open
from ipaudit.export.zipstable import save_xlsx

MONEY = "#,##0.00"
COUNT = "0"
BYTES = "#,##0"
PERCENT = "0.0%"
DATE = "yyyy-mm-dd"
GRADE_FILL = {g: PatternFill("solid", fgColor=color) for g, color in GRADE_COLOR.items()}
READY_FILL = PatternFill("solid", fgColor=READY_COLOR)
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
HEADER_FONT = Font(bold=True)
TITLE_FONT = Font(bold=True, size=13)
LINK_FONT = Font(color="0563C1", underline="single")
THIN = Side(style="thin", color="A6A6A6")
HEADER_BORDER = Border(bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
MIDDLE = Alignment(vertical="center")
TOP = Alignment(vertical="top")
MAX_WIDTH = 60
MIN_WIDTH = 6


class SheetWriter:
    """Appends rows to one sheet, tracking column widths; header row frozen with an autofilter.
    A ``title`` (one line across the table, filled with ``title_fill``) goes above the header."""

    def __init__(
        self,
        ws: Worksheet,
        data: PackData,
        header: Sequence[str],
        *,
        title: str | None = None,
        title_fill: str | None = None,
    ) -> None:
        self.ws = ws
        self.data = data
        self.widths = [display_width(h) + 2 for h in header]
        self.wrap: set[int] = set()
        self.row = 0
        self._styled: dict[tuple[tuple[int, ...], tuple[tuple[str, object], ...]], Any] = {}
        if title is not None:
            self.row = 1
            cell = ws.cell(row=1, column=1, value=self._value(title))
            cell.font = TITLE_FONT
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if title_fill:
                cell.fill = PatternFill("solid", fgColor=title_fill)
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
            ws.row_dimensions[1].height = 36
        self.header_row = self.row + 1
        self._append(list(header), header=True)
        ws.freeze_panes = f"A{self.header_row + 1}"

    def style(self, cell: Any, **attributes: Any) -> None:
        """Set style attributes (font, fill, alignment, number_format …) of ``cell``. openpyxl
        hashes a style object every time one is set — a large share of building a workbook — so
        a cell that had the same style before gets the style computed the first time, copied.
        Style objects are told apart by identity (the cache keeps them alive, so an identity is
        never reused for another one)."""
        key = (
            tuple(cell._style or ()),  # None: the default style
            tuple((k, v if isinstance(v, str) else id(v)) for k, v in attributes.items()),
        )
        done = self._styled.get(key)
        if done is None:
            for name, value in attributes.items():
                setattr(cell, name, value)
            self._styled[key] = (copy(cell._style), tuple(attributes.values()))
        else:
            cell._style = copy(done[0])

    def _value(self, value: Any) -> Any:
        if isinstance(value, str):
            return ILLEGAL_CHARACTERS_RE.sub("", self.data.clean(value))
        return value

    def _append(self, values: Sequence[Any], header: bool = False) -> list[Any]:
        self.row += 1
        cells = []
        for col, raw in enumerate(values, 1):
            value = self._value(raw)
            cell = self.ws.cell(row=self.row, column=col, value=value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            if header:
                self.style(
                    cell, font=HEADER_FONT, fill=HEADER_FILL, border=HEADER_BORDER, alignment=MIDDLE
                )
            if isinstance(value, str) and value:
                longest = max(display_width(line) for line in value.split("\n"))
                if longest > MAX_WIDTH or "\n" in value:
                    self.wrap.add(col)
                if col <= len(self.widths):
                    self.widths[col - 1] = max(self.widths[col - 1], min(longest + 2, MAX_WIDTH))
            elif isinstance(value, (int, float, Decimal)) and col <= len(self.widths):
                self.widths[col - 1] = max(self.widths[col - 1], len(f"{value:,}") + 4)
            cells.append(cell)
        return cells

    def add(
        self, values: Sequence[Any], *, fills: dict[int, PatternFill] | None = None
    ) -> list[Any]:
        cells = self._append(values)
        for col, fill in (fills or {}).items():
            self.style(cells[col], fill=fill)
        return cells

    def finish(
        self,
        *,
        money: Iterable[int] = (),
        counts: Iterable[int] = (),
        number_formats: dict[int, str] | None = None,
    ) -> None:
        """Column widths, filter, wrapping, the number format of each numeric column (1-based:
        ``money``, ``counts``, others by ``number_formats``) and the print setup."""
        ws = self.ws
        last_col = get_column_letter(len(self.widths))
        ws.auto_filter.ref = f"A{self.header_row}:{last_col}{max(self.row, self.header_row)}"
        for n, width in enumerate(self.widths, 1):
            ws.column_dimensions[get_column_letter(n)].width = max(MIN_WIDTH, min(width, MAX_WIDTH))
        formats = {c: COUNT for c in counts} | {c: MONEY for c in money} | (number_formats or {})
        for col, fmt in formats.items():
            for (cell,) in ws.iter_rows(
                min_row=self.header_row + 1, max_row=self.row, min_col=col, max_col=col
            ):
                if cell.value is not None and not isinstance(cell.value, str):
                    self.style(cell, number_format=fmt)
            if fmt != COUNT:
                letter = get_column_letter(col)
                ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width, 14)
        for col in self.wrap:
            for (cell,) in ws.iter_rows(
                min_row=self.header_row + 1, max_row=self.row, min_col=col, max_col=col
            ):
                self.style(cell, alignment=WRAP)
        print_setup(ws, self.data.lang, self.header_row)


def print_setup(ws: Worksheet, lang: str, header_row: int = 1) -> None:
    """A4 landscape, as wide as the page (as many pages down as it takes), the header row
    repeated on every printed page, and a footer with the sheet's name and "page x of y"
    (Excel's codes ``&A``, ``&P`` and ``&N``, which WPS and LibreOffice read too)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    page_setup, footer = ws.sheet_properties.pageSetUpPr, ws.oddFooter
    assert page_setup is not None and footer is not None  # a new sheet has both
    assert footer.left is not None and footer.right is not None
    page_setup.fitToPage = True
    ws.print_title_rows = f"1:{header_row}"
    ws.print_options.gridLines = True
    footer.left.text = "&A"
    footer.right.text = t("footer.page", lang, page="&P", pages="&N")
    ws.page_margins.footer = 0.3


def build_workbook(data: PackData) -> bytes:
    lang = data.lang
    wb = Workbook()
    overview = wb.active
    assert isinstance(overview, Worksheet)  # a new workbook's one sheet
    overview.title = t("sheet.overview", lang)
    _overview(overview, data)
    _checklist(wb.create_sheet(t("sheet.checklist", lang)), data)
    _evidence(wb.create_sheet(t("sheet.evidence", lang)), data)
    _findings(wb.create_sheet(t("sheet.findings", lang)), data)
    _ledgers(wb, data)
    _budget(wb, data)
    _problems(wb.create_sheet(t("sheet.problems", lang)), data)
    props = wb.properties
    props.created = data.as_of
    props.modified = data.as_of
    props.creator = data.info.company
    props.lastModifiedBy = data.info.company
    props.title = f"{data.info.company} {t('file.workbook', lang)}"
    props.subject = data.template.title.get(lang)
    props.language = "en-GB" if lang == "en" else "zh-CN"
    return save_xlsx(wb, data.as_of)


def _overview(ws: Worksheet, data: PackData) -> None:
    lang = data.lang
    header = [
        t("col.department", lang),
        t("col.readiness", lang),
        t("col.items", lang),
        t("col.ready", lang),
        t("col.blocking", lang),
        *[t(f"grade.{g.value}", lang) for g in Grade],
    ]
    verdict = assess(data)
    sheet = SheetWriter(
        ws,
        data,
        header,
        title=verdict_sentence(data, verdict),
        title_fill=VERDICT_FILL[verdict.verdict],
    )

    def add(name: str, r: Readiness, worst: Grade | None) -> list[Any]:
        values = [name, round(r.percent / 100, 6), r.items, r.ready_items, r.blocking]
        return sheet.add(
            [*values, *[r.by_grade[g] for g in Grade]],
            fills={1: PatternFill("solid", fgColor=level_color(r.percent, worst))},
        )

    for d in data.departments:
        add(data.dep_name(d.key), data.readiness[d.key], worst_open(data.findings_of(d.key)))
    n = len(data.departments)
    top = sheet.header_row  # the verdict is above the header
    for cell in add(t("wb.overall", lang), data.overall, worst_open(data.findings)):
        cell.font = HEADER_FONT
    sheet.finish(counts=range(3, len(header) + 1), number_formats={2: PERCENT})
    last = get_column_letter(len(header))
    ws.auto_filter.ref = f"A{top}:{last}{top + n}"  # the overall row stays put

    facts = [
        *data.cover_facts(),
        (t("cover.prepared", lang), data.as_of.strftime("%Y-%m-%d %H:%M")),
    ]
    start = top + n + 3
    for k, (label, value) in enumerate(facts):
        a = ws.cell(row=start + k, column=1, value=data.clean(label))
        a.font = HEADER_FONT
        ws.cell(row=start + k, column=2, value=data.clean(value))

    if n:
        chart = BarChart()
        chart.type = "bar"
        chart.style = 10
        chart.title = t("summary.chart", lang)
        chart.y_axis.title = t("col.readiness", lang)
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 1
        chart.y_axis.majorUnit = 0.2
        chart.x_axis.scaling.orientation = "maxMin"  # first department on top
        chart.legend = None
        chart.x_axis.delete = False  # openpyxl hides axes unless told otherwise
        chart.y_axis.delete = False
        chart.y_axis.number_format = "0%"
        values = Reference(ws, min_col=2, min_row=top, max_row=top + n)
        categories = Reference(ws, min_col=1, min_row=top + 1, max_row=top + n)
        chart.add_data(values, titles_from_data=True)
        chart.set_categories(categories)
        chart.dataLabels = value_labels()
        chart.width = 18
        chart.height = max(7.0, 2.0 + 1.0 * n)
        ws.add_chart(chart, f"{get_column_letter(len(header) + 2)}{top}")


def value_labels() -> DataLabelList:
    """Data labels that print the value alone. Excel reads an omitted flag as "off", LibreOffice
    as "on" (it printed "部门; 就绪度; 97.7%"), so every flag is written out."""
    return DataLabelList(
        showVal=True,
        showSerName=False,
        showCatName=False,
        showLegendKey=False,
        showPercent=False,
        showBubbleSize=False,
        showLeaderLines=False,
    )


def _checklist(ws: Worksheet, data: PackData) -> None:
    lang = data.lang
    other = "2013" if data.info.edition.value == "2023" else "2023"
    header = [
        t("col.department", lang),
        t("col.clause", lang),
        f"{other} {t('col.clause', lang)}",
        t("col.item_key", lang),
        t("col.item", lang),
        t("col.kind", lang),
        t("col.status", lang),
        t("col.evidence", lang),
        t("col.worst", lang),
        t("col.todo", lang),
    ]
    sheet = SheetWriter(ws, data, header)
    by_item: dict[str, list[Finding]] = {}
    for f in data.findings:
        by_item.setdefault(f.item_key, []).append(f)
    counts = Counter(e.evidence.item_key for e in data.evidence if not e.older)
    for d in data.departments:
        for item in data.items.get(d.key, []):
            status, _reason = data.status_of(item, by_item.get(item.key, []))
            open_ = [f for f in by_item.get(item.key, []) if f.accepted is None]
            worst = worst_grade(open_)
            ref = item.refs.get(other)
            fills = {}
            if status is Status.READY:
                fills[6] = READY_FILL
            if worst is not None:
                fills[8] = GRADE_FILL[worst]
            sheet.add(
                [
                    data.dep_name(d.key),
                    item.clause,
                    ref.clause if ref else "",
                    item.key,
                    item.title.get(lang),
                    KIND_TEXT[item.kind].get(lang),
                    data.status_label(item, by_item.get(item.key, [])),
                    None if item.kind is ItemKind.ANSWER else counts.get(item.key, 0),
                    grade_text(worst, lang) if worst else "",
                    todo_text(min(open_, key=lambda f: f.grade.rank).code, lang) if open_ else "",
                ],
                fills=fills,
            )
    sheet.finish(counts=[8])


def _evidence(ws: Worksheet, data: PackData) -> None:
    lang = data.lang
    header = [
        t("col.no", lang),
        t("col.department", lang),
        t("col.clause", lang),
        t("col.item", lang),
        t("col.title", lang),
        t("col.slot", lang),
        t("col.original", lang),
        t("col.doc_number", lang),
        t("col.version", lang),
        t("col.date", lang),
        t("col.size", lang),
        t("col.current", lang),
        t("col.sha256", lang),
        t("col.path", lang),
    ]
    sheet = SheetWriter(ws, data, header)
    items = {it.key: it for it in data.template.items}
    yes, no = t("yes", lang), t("no", lang)
    for n, e in enumerate(data.evidence, 1):
        ev = e.evidence
        item = items.get(ev.item_key)
        cells = sheet.add(
            [
                n,
                data.dep_name(e.department or ev.department),
                item.clause if item else "",
                item.title.get(lang) if item else ev.item_key,
                ev.title,
                describe_slot(item, ev.slot, data.states.get(ev.item_key), lang),
                ev.original_name,
                Verbatim(ev.doc_number),
                ev.version,
                ev.doc_date,
                ev.size,
                no if e.older else yes,
                Verbatim(ev.sha256),
                Verbatim(e.path) or t("index.not_included", lang),
            ]
        )
        if e.path:
            link = cells[-1]
            link.hyperlink = e.path.replace(" ", "%20")
            sheet.style(link, font=LINK_FONT)
    sheet.finish(counts=[1], number_formats={10: DATE, 11: BYTES})
    ws.column_dimensions["M"].width = 66


def _findings(ws: Worksheet, data: PackData) -> None:
    lang = data.lang
    header = [
        t("col.grade", lang),
        t("col.department", lang),
        t("col.item_key", lang),
        t("col.item", lang),
        t("col.message", lang),
        t("col.todo", lang),
        t("col.refs", lang),
        t("col.accepted", lang),
    ]
    sheet = SheetWriter(ws, data, header)
    titles = {it.key: it.title.get(lang) for it in data.template.items}
    for f in data.findings:
        sheet.add(
            [
                grade_text(f.grade, lang),
                data.dep_name(f.department),
                f.item_key,
                titles.get(f.item_key, f.item_key),
                f.message.get(lang),
                todo_text(f.code, lang),
                "\n".join(f.refs),
                f.accepted or "",
            ],
            fills={0: GRADE_FILL[f.grade]},
        )
    sheet.finish()


# --- ledgers ----------------------------------------------------------------------------------


def _ledgers(wb: Workbook, data: PackData) -> None:
    lang = data.lang
    ws = wb.create_sheet(t("sheet.reconciliation", lang))
    recon = data.ledger.reconciliation if data.ledger else None
    if recon is None:
        sheet = SheetWriter(ws, data, [t("ledger.title", lang)])
        sheet.add([t("wb.no_ledgers", lang)])
        sheet.finish()
        return
    from ipaudit.ledger.discrepancies import kind_text
    from ipaudit.ledger.model import LedgerKind

    s = recon.summary
    amount = t("col.amount_yuan", lang)
    sheet = SheetWriter(
        ws,
        data,
        [
            t("col.field", lang),
            t("col.count", lang),
            t("col.matched", lang),
            t("col.unmatched", lang),
            amount,
        ],
    )
    for line in s.lines:
        sheet.add([line.name(lang), line.total, line.matched, line.unmatched, None])
    sheet.add(
        [t("facts.total", lang), s.records, s.records_matched, s.records - s.records_matched, None]
    )
    for label, total in (
        (t("col.rewards", lang), s.rewards_total),
        (t("col.payments", lang), s.payments_total),
        (t("col.expenses", lang), s.expenses_total),
    ):
        sheet.add([label, None, None, None, total])
    sheet.add([])
    # the kinds of discrepancy: a count under the count column, an amount under the amount one
    head = sheet.add([t("ledger.kinds", lang), t("col.count", lang), None, None, amount])
    for cell in head:
        sheet.style(cell, font=HEADER_FONT, fill=HEADER_FILL, border=HEADER_BORDER)
    for k in s.kinds:
        sheet.add(
            [
                kind_text(k.kind, lang) + paren(k.side.text(lang), lang),
                k.count,
                None,
                None,
                k.amount,
            ]
        )
    sheet.finish(counts=[2, 3, 4], money=[5])
    ws.auto_filter.ref = f"A1:E{len(s.lines) + 2}"
    for col in "BCDE":
        ws.column_dimensions[col].width = max(ws.column_dimensions[col].width or 0, 16)

    totals = _year_totals(recon)
    if totals is not None:
        by_year = SheetWriter(
            wb.create_sheet(t("sheet.year_totals", lang)), data, totals.headers(lang)
        )
        for row in (*totals.rows, totals.total):
            cells = by_year.add(
                [
                    t("facts.total", lang) if row is totals.total else (row.key or "—"),
                    row.rewards,
                    row.penalties,
                    row.payments,
                    row.paid_minus_decided,
                    row.expenses,
                    row.booked_minus_paid,
                ]
            )
            if row is totals.total:
                for cell in cells:
                    by_year.style(cell, font=HEADER_FONT)
        by_year.finish(money=range(2, 8))
        by_year.ws.auto_filter.ref = f"A1:G{len(totals.rows) + 1}"  # the total row stays put

    for kind, key in (
        (LedgerKind.REWARDS, "sheet.rewards"),
        (LedgerKind.PAYMENTS, "sheet.payments"),
        (LedgerKind.EXPENSES, "sheet.expenses"),
    ):
        _ledger_sheet(wb.create_sheet(t(key, lang)), data, kind, recon)


def _year_totals(recon: Any) -> Any:
    from ipaudit.ledger.totals import Dimension

    return recon.totals.get(Dimension.YEAR)


def _ledger_sheet(ws: Worksheet, data: PackData, kind: Any, recon: Any) -> None:
    from ipaudit.ledger.discrepancies import kind_text
    from ipaudit.ledger.model import LedgerKind

    lang = data.lang
    entries = data.ledger.entries.get(kind, []) if data.ledger else []
    header = [
        t("col.file", lang),
        t("col.sheet", lang),
        t("col.row", lang),
        t("col.date", lang),
        t("col.person", lang),
        t("col.department", lang),
        t("col.ip", lang),
    ]
    if kind is LedgerKind.REWARDS:
        header.append(t("col.penalty", lang))
    else:
        header += [t("col.voucher", lang), t("col.category", lang)]
    header += [t("col.text", lang), t("col.amount_yuan", lang), t("wb.findings_of_row", lang)]
    sheet = SheetWriter(ws, data, header)
    for e in entries:
        found = recon.findings_for(e.source)
        row: list[Any] = [
            e.source.file,
            e.source.sheet,
            e.source.row,
            e.date,
            e.person,
            e.department,
            Verbatim(e.ip_number),
        ]
        if kind is LedgerKind.REWARDS:
            row.append(t("penalty", lang) if e.is_penalty else t("reward", lang))
        else:
            row += [Verbatim(e.voucher), e.category]
        row += [e.text, e.amount, "；".join(dict.fromkeys(kind_text(d.kind, lang) for d in found))]
        fills = {len(row) - 1: GRADE_FILL[recon.grade(found[0])]} if found else None
        sheet.add(row, fills=fills)
    amount_col = len(header) - 1
    sheet.finish(money=[amount_col], counts=[3], number_formats={4: DATE})


def _budget(wb: Workbook, data: PackData) -> None:
    """The IP budget beside the expense record's spending in the period, per category, with the
    variance (budget − spent; negative when overspent, filled as a minor finding when over the
    tolerance) and a total row; no sheet when no budget is declared."""
    lines = data.budget_lines()
    if not lines:
        return
    lang = data.lang
    header = [t("col.category", lang), t("col.budget", lang), t("col.spent", lang)]
    sheet = SheetWriter(
        wb.create_sheet(t("facts.budget", lang)), data, [*header, t("col.variance", lang)]
    )
    for line in lines:
        fills = {3: GRADE_FILL[Grade.MINOR]} if line.overspent else None
        sheet.add([line.name(lang), line.budget, line.actual, line.variance], fills=fills)
    budget = sum((line.budget for line in lines if line.budget is not None), Decimal("0.00"))
    spent = sum((line.actual for line in lines), Decimal("0.00"))
    for cell in sheet.add([t("facts.total", lang), budget, spent, budget - spent]):
        sheet.style(cell, font=HEADER_FONT)
    sheet.finish(money=[2, 3, 4])


def _problems(ws: Worksheet, data: PackData) -> None:
    lang = data.lang
    header = [
        t("col.file", lang),
        t("col.sheet", lang),
        t("col.row", lang),
        t("col.column", lang),
        t("col.raw", lang),
        t("col.reason", lang),
    ]
    sheet = SheetWriter(ws, data, header)
    problems = data.ledger.problems if data.ledger else []
    for p in problems:
        sheet.add([p.source.file, p.source.sheet, p.source.row, p.column, p.raw, p.reason(lang)])
    if not problems:
        sheet.add(["", "", None, "", "", t("wb.no_problems", lang)])
    sheet.finish(counts=[3])
