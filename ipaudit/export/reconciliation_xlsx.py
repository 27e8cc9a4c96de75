"""The ledger reconciliation as an xlsx workbook: one sheet per table (summary, discrepancies, each
ledger's rows, totals), money in ¥ format, the header row frozen and filterable. The file is written
beside its target and renamed into place, so a failed export never leaves half a workbook.

The GUI's "Export view to xlsx" hands in what its view shows (``ReconciliationSnapshot`` with the
view's rows and translated texts); the ``export-reconciliation`` command hands in the whole
reconciliation with ``whole_reconciliation``. Both are written by ``build_sheets`` and ``write_xlsx``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ipaudit.domain.model import Grade
from ipaudit.export.atomic_file import replacing
from ipaudit.ledger.discrepancies import LEDGER_TEXT, kind_text, suggest_grade, where
from ipaudit.ledger.model import Discrepancy, Entry, LedgerKind
from ipaudit.ledger.reconcile import Reconciliation
from ipaudit.ledger.totals import Dimension, TotalsTable
from ipaudit.progress import Cancelled
from ipaudit.text import Text

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
    # openpyxl writes Decimal, int and date values; its stubs name only str, float and datetime
    if header:
        cell = WriteOnlyCell(ws, value=value)  # type: ignore[arg-type]
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="center")
        return cell
    if money and isinstance(value, Decimal | int):
        cell = WriteOnlyCell(ws, value=value)  # type: ignore[arg-type]
        cell.number_format = MONEY_FORMAT
        return cell
    if isinstance(value, dt.date):
        cell = WriteOnlyCell(ws, value=value)  # type: ignore[arg-type]
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
    with replacing(target, suffix=".xlsx") as tmp:
        wb, complete = build_workbook(sheets, progress, cancel)
        wb.save(tmp)
        if not complete:
            raise Cancelled()
    return target


# --- the reconciliation's sheets ------------------------------------------------------------

#: the columns of each reconciled ledger's sheet, in order
ENTRY_COLUMNS: dict[LedgerKind, tuple[str, ...]] = {
    LedgerKind.REWARDS: ("row", "date", "person", "amount", "type", "ip", "department", "text"),
    LedgerKind.PAYMENTS: ("row", "date", "person", "amount", "voucher", "ip", "department"),
    LedgerKind.EXPENSES: ("row", "date", "voucher", "category", "amount", "text", "ip"),
}
GRADE_SYMBOLS: dict[Grade, str] = {Grade.MAJOR: "×", Grade.MINOR: "○", Grade.OBSERVATION: "△"}

#: titles and labels in both languages, as the GUI's catalogue has them (for a workbook written
#: without the GUI); the keys are the English texts the view translates
TEXTS: dict[str, Text] = {
    "Summary": Text("汇总", "Summary"),
    "Discrepancies": Text("差异", "Discrepancies"),
    "Grade": Text("等级", "Grade"),
    "Discrepancy": Text("差异类型", "Discrepancy"),
    "People": Text("人员", "People"),
    "IP items": Text("知识产权项目", "IP items"),
    "Expected": Text("应为", "Expected"),
    "Actual": Text("实际", "Actual"),
    "Difference": Text("差额", "Difference"),
    "Details": Text("详情", "Details"),
    "Rows": Text("所在行", "Rows"),
    "Accepted because": Text("接受理由", "Accepted because"),
    "Totals per %1": Text("按%1合计", "Totals per %1"),
    "Reward": Text("奖励", "Reward"),
    "Penalty": Text("处罚", "Penalty"),
}
COLUMN_TEXTS: dict[str, Text] = {
    "row": Text("行", "Row"),
    "date": Text("日期", "Date"),
    "person": Text("姓名", "Name"),
    "department": Text("部门", "Department"),
    "type": Text("类型", "Type"),
    "ip": Text("知识产权项目", "IP item"),
    "text": Text("事由/摘要", "Description"),
    "amount": Text("金额", "Amount"),
    "voucher": Text("凭证号", "Voucher"),
    "category": Text("类别", "Category"),
}
# the ledgers' names as sheet titles: the findings' names, capitalised
LEDGER_TEXTS: dict[LedgerKind, Text] = {
    kind: Text(name.zh, name.en[:1].upper() + name.en[1:]) for kind, name in LEDGER_TEXT.items()
}
GRADE_TEXTS: dict[Grade, Text] = {
    Grade.MAJOR: Text("严重不符合", "Major"),
    Grade.MINOR: Text("一般不符合", "Minor"),
    Grade.OBSERVATION: Text("观察项", "Observation"),
}


@dataclass(frozen=True, slots=True)
class LedgerPart:
    kind: LedgerKind
    title: str
    columns: tuple[str, ...]
    headers: list[str]
    entries: list[Entry]
    rows: list[int]  # indices into ``entries``, in the order shown


@dataclass(frozen=True, slots=True)
class ReconciliationSnapshot:
    """What goes into the workbook: references, not copies (the per-row work is in
    ``build_sheets``, which may run in a worker)."""

    rec: Reconciliation
    lang: str
    discrepancies: list[Discrepancy]  # as shown
    explanations: dict[str, str]
    ledgers: list[LedgerPart]
    totals: TotalsTable | None
    texts: dict[str, str]  # translated titles and labels (keys of ``TEXTS``)
    grades: dict[Grade, str]


def ledger_entries(rec: Reconciliation, kind: LedgerKind) -> list[Entry]:
    """The entries of one of the three reconciled ledgers."""
    if kind is LedgerKind.REWARDS:
        return rec.rewards
    if kind is LedgerKind.PAYMENTS:
        return rec.payments
    return rec.expenses


def whole_reconciliation(
    rec: Reconciliation,
    explanations: dict[str, str],
    lang: str,
    dimension: Dimension = Dimension.YEAR,
) -> ReconciliationSnapshot:
    """Every discrepancy and every row of the three ledgers, the totals per ``dimension``, in
    ``lang`` ("zh" or "en")."""
    ledgers = []
    for kind, columns in ENTRY_COLUMNS.items():
        entries = ledger_entries(rec, kind)
        headers = [COLUMN_TEXTS[c].get(lang) for c in columns]
        title = LEDGER_TEXTS[kind].get(lang)
        ledgers.append(
            LedgerPart(kind, title, columns, headers, entries, list(range(len(entries))))
        )
    return ReconciliationSnapshot(
        rec=rec,
        lang=lang,
        discrepancies=list(rec.discrepancies),
        explanations=dict(explanations),
        ledgers=ledgers,
        totals=rec.totals_table(dimension),
        texts={key: text.get(lang) for key, text in TEXTS.items()},
        grades={g: f"{GRADE_SYMBOLS[g]} {GRADE_TEXTS[g].get(lang)}" for g in Grade},
    )


def build_sheets(snap: ReconciliationSnapshot) -> list[ExportSheet]:
    sheets = [summary_sheet(snap), discrepancies_sheet(snap)]
    sheets += [entries_sheet(snap, part) for part in snap.ledgers]
    if snap.totals is not None:
        sheets.append(totals_sheet(snap, snap.totals))
    return sheets


def summary_sheet(snap: ReconciliationSnapshot) -> ExportSheet:
    summary = snap.rec.summary
    table = summary.table(snap.lang)
    kinds = summary.kind_table(snap.lang)
    notes: list[list[Value]] = [list(row) for row in kinds] if len(kinds) > 1 else []
    notes += [[], [summary.text(snap.lang)]]
    return ExportSheet(snap.texts["Summary"], table[0], [list(r) for r in table[1:]], notes=notes)


def discrepancies_sheet(snap: ReconciliationSnapshot) -> ExportSheet:
    t, ui = snap.texts, snap.lang
    headers = [
        t[name]
        for name in (
            "Grade",
            "Discrepancy",
            "People",
            "IP items",
            "Expected",
            "Actual",
            "Difference",
            "Details",
            "Rows",
            "Accepted because",
        )
    ]
    rows: list[list[Value]] = []
    for d in snap.discrepancies:
        rows_text = where(d.rows)
        rows.append(
            [
                snap.grades[suggest_grade(d)],
                kind_text(d.kind, ui),
                "、".join(d.persons),
                ", ".join(d.ip_items),
                d.expected,
                d.actual,
                d.difference,
                d.message(ui),
                rows_text.en if ui == "en" else rows_text.zh,
                snap.explanations.get(d.key, ""),
            ]
        )
    return ExportSheet(t["Discrepancies"], headers, rows, frozenset({4, 5, 6}))


def entries_sheet(snap: ReconciliationSnapshot, part: LedgerPart) -> ExportSheet:
    ui = snap.lang
    reward, penalty = snap.texts["Reward"], snap.texts["Penalty"]
    getters = [_getter(name, reward, penalty) for name in part.columns]
    findings_for = snap.rec.findings_for
    kinds: dict[tuple[str, ...], str] = {}
    rows: list[list[Value]] = []
    for r in part.rows:
        e = part.entries[r]
        values: list[Value] = [get(e) for get in getters]
        found = findings_for(e.source)
        if found:
            names = tuple(d.kind.value for d in found)
            text = kinds.get(names)
            if text is None:
                text = kinds[names] = "; ".join(dict.fromkeys(kind_text(d.kind, ui) for d in found))
            values.append(text)
        else:
            values.append("")
        rows.append(values)
    headers = [*part.headers, snap.texts["Discrepancies"]]
    return ExportSheet(part.title, headers, rows, frozenset({part.columns.index("amount")}))


def _getter(name: str, reward: str, penalty: str) -> Callable[[Entry], Value]:
    if name == "row":
        return lambda e: e.source.row
    if name == "type":
        return lambda e: penalty if e.is_penalty else reward
    if name == "ip":
        return lambda e: e.ip_number
    attribute = {"person": "person", "department": "department", "text": "text"}.get(name, name)
    return lambda e: getattr(e, attribute)


def totals_sheet(snap: ReconciliationSnapshot, table: TotalsTable) -> ExportSheet:
    labels = table.as_rows(snap.lang)
    rows: list[list[Value]] = []
    for label_row, r in zip(labels, (*table.rows, table.total), strict=True):
        rows.append(
            [
                label_row[0],
                r.rewards,
                r.penalties,
                r.payments,
                r.paid_minus_decided,
                r.expenses,
                r.booked_minus_paid,
            ]
        )
    title = snap.texts["Totals per %1"].replace("%1", table.dimension.text(snap.lang))
    return ExportSheet(title, table.headers(snap.lang), rows, frozenset(range(1, 7)))
