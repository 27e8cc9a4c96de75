"""What "Export view to xlsx" writes: the reconciliation view's tables as typed sheets (amounts as
Decimal, dates as dates), in the rows and order the view shows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt

from ipaudit.ledger.discrepancies import kind_text, suggest_grade, where
from ipaudit.ledger.model import Discrepancy, Entry, LedgerKind
from ipaudit.ledger.reconcile import Reconciliation
from ipaudit.ledger.totals import TotalsTable
from ipaudit.ui.findings.grade_style import grade_label
from ipaudit.ui.ledger.entries_model import EntriesModel
from ipaudit.ui.ledger.texts import lang
from ipaudit.ui.ledger.view_export import ExportSheet, Value


def tr(text: str) -> str:
    return QCoreApplication.translate("ledger", text)


def summary_sheet(rec: Reconciliation) -> ExportSheet:
    ui = lang()
    table = rec.summary.table(ui)
    kinds = rec.summary.kind_table(ui)
    notes: list[list[Value]] = [list(row) for row in kinds] if len(kinds) > 1 else []
    notes += [[], [rec.summary.text(ui)]]
    return ExportSheet(tr("Summary"), table[0], [list(r) for r in table[1:]], notes=notes)


def discrepancies_sheet(shown: Sequence[Discrepancy], explanations: dict[str, str]) -> ExportSheet:
    ui = lang()
    headers = [
        tr("Grade"),
        tr("Discrepancy"),
        tr("People"),
        tr("IP items"),
        tr("Expected"),
        tr("Actual"),
        tr("Difference"),
        tr("Details"),
        tr("Rows"),
        tr("Accepted because"),
    ]
    rows: list[list[Value]] = []
    for d in shown:
        zh, en = where(d.rows)
        rows.append(
            [
                grade_label(suggest_grade(d)),
                kind_text(d.kind, ui),
                "、".join(d.persons),
                ", ".join(d.ip_items),
                d.expected,
                d.actual,
                d.difference,
                d.message(ui),
                en if ui == "en" else zh,
                explanations.get(d.key, ""),
            ]
        )
    return ExportSheet(tr("Discrepancies"), headers, rows, frozenset({4, 5, 6}))


def entries_sheet(
    model: EntriesModel, shown_rows: Sequence[int], rec: Reconciliation, title: str
) -> ExportSheet:
    ui = lang()
    columns = model.columns
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(len(columns))]
    headers.append(tr("Discrepancies"))
    rows: list[list[Value]] = []
    for r in shown_rows:
        e = model.entry(r)
        values: list[Value] = [_value(model, e, name) for name in columns]
        found = rec.findings_for(e.source)
        values.append("; ".join(dict.fromkeys(kind_text(d.kind, ui) for d in found)))
        rows.append(values)
    money = frozenset({columns.index("amount")})
    return ExportSheet(title, headers, rows, money)


def _value(model: EntriesModel, e: Entry, name: str) -> Value:
    if name == "row":
        return e.source.row
    if name == "date":
        return e.date
    if name == "amount":
        return e.amount
    return model.cell_text(e, name)


def totals_sheet(table: TotalsTable) -> ExportSheet:
    ui = lang()
    labels = table.as_rows(ui)
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
    title = tr("Totals per %1").replace("%1", table.dimension.text(ui))
    return ExportSheet(title, table.headers(ui), rows, frozenset(range(1, 7)))


LEDGER_ORDER = (LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES)
