"""What "Export view to xlsx" writes: the reconciliation view's tables as typed sheets (amounts as
Decimal, dates as dates), in the rows and order the view shows.

``snapshot()`` runs on the GUI thread and only collects references and the translated texts;
``build_sheets()`` does the per-row work and runs in the export worker (it touches no Qt object).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt

from ipaudit.domain.model import Grade
from ipaudit.ledger.discrepancies import kind_text, suggest_grade, where
from ipaudit.ledger.model import Discrepancy, Entry, LedgerKind
from ipaudit.ledger.reconcile import Reconciliation
from ipaudit.ledger.totals import TotalsTable
from ipaudit.ui.findings.grade_style import grade_label
from ipaudit.ui.ledger.entries_model import EntriesModel
from ipaudit.ui.ledger.texts import kind_name, lang
from ipaudit.ui.ledger.view_export import ExportSheet, Value


def tr(text: str) -> str:
    return QCoreApplication.translate("ledger", text)


@dataclass(frozen=True, slots=True)
class LedgerPart:
    kind: LedgerKind
    title: str
    columns: tuple[str, ...]
    headers: list[str]
    entries: list[Entry]
    rows: list[int]  # indices into ``entries``, in the order shown


@dataclass(frozen=True, slots=True)
class ViewSnapshot:
    rec: Reconciliation
    lang: str
    discrepancies: list[Discrepancy]  # as shown
    explanations: dict[str, str]
    ledgers: list[LedgerPart]
    totals: TotalsTable | None
    texts: dict[str, str]  # translated titles and labels
    grades: dict[Grade, str]


def snapshot(
    rec: Reconciliation,
    discrepancies: list[Discrepancy],
    explanations: dict[str, str],
    models: dict[LedgerKind, EntriesModel],
    shown: dict[LedgerKind, list[int]],
    totals: TotalsTable | None,
) -> ViewSnapshot:
    ledgers = []
    for kind, model in models.items():
        headers = [
            str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(len(model.columns))
        ]
        ledgers.append(
            LedgerPart(kind, kind_name(kind), model.columns, headers, model.entries(), shown[kind])
        )
    return ViewSnapshot(
        rec=rec,
        lang=lang(),
        discrepancies=list(discrepancies),
        explanations=dict(explanations),
        ledgers=ledgers,
        totals=totals,
        texts=_texts(),
        grades={g: grade_label(g) for g in Grade},
    )


def _texts() -> dict[str, str]:
    """The sheet titles and headers, translated (each a literal, so the catalogue has it)."""
    return {
        "Summary": tr("Summary"),
        "Discrepancies": tr("Discrepancies"),
        "Grade": tr("Grade"),
        "Discrepancy": tr("Discrepancy"),
        "People": tr("People"),
        "IP items": tr("IP items"),
        "Expected": tr("Expected"),
        "Actual": tr("Actual"),
        "Difference": tr("Difference"),
        "Details": tr("Details"),
        "Rows": tr("Rows"),
        "Accepted because": tr("Accepted because"),
        "Totals per %1": tr("Totals per %1"),
        "Reward": tr("Reward"),
        "Penalty": tr("Penalty"),
    }


def build_sheets(snap: ViewSnapshot) -> list[ExportSheet]:
    sheets = [summary_sheet(snap), discrepancies_sheet(snap)]
    sheets += [entries_sheet(snap, part) for part in snap.ledgers]
    if snap.totals is not None:
        sheets.append(totals_sheet(snap, snap.totals))
    return sheets


def summary_sheet(snap: ViewSnapshot) -> ExportSheet:
    summary = snap.rec.summary
    table = summary.table(snap.lang)
    kinds = summary.kind_table(snap.lang)
    notes: list[list[Value]] = [list(row) for row in kinds] if len(kinds) > 1 else []
    notes += [[], [summary.text(snap.lang)]]
    return ExportSheet(snap.texts["Summary"], table[0], [list(r) for r in table[1:]], notes=notes)


def discrepancies_sheet(snap: ViewSnapshot) -> ExportSheet:
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
        zh, en = where(d.rows)
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
                en if ui == "en" else zh,
                snap.explanations.get(d.key, ""),
            ]
        )
    return ExportSheet(t["Discrepancies"], headers, rows, frozenset({4, 5, 6}))


def entries_sheet(snap: ViewSnapshot, part: LedgerPart) -> ExportSheet:
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


def _getter(name: str, reward: str, penalty: str):  # type: ignore[no-untyped-def]
    if name == "row":
        return lambda e: e.source.row
    if name == "type":
        return lambda e: penalty if e.is_penalty else reward
    if name == "ip":
        return lambda e: e.ip_number
    attribute = {"person": "person", "department": "department", "text": "text"}.get(name, name)
    return lambda e: getattr(e, attribute)


def totals_sheet(snap: ViewSnapshot, table: TotalsTable) -> ExportSheet:
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
