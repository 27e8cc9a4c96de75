"""What "Export view to xlsx" writes: the reconciliation view's tables as typed sheets (amounts as
Decimal, dates as dates), in the rows and order the view shows.

``snapshot()`` runs on the GUI thread and only collects references and the translated texts;
``build_sheets()`` (``ipaudit.export.reconciliation_xlsx``, shared with ``export-reconciliation``)
does the per-row work and runs in the export worker.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from ipaudit.domain.model import Grade
from ipaudit.export.reconciliation_xlsx import LedgerPart, ReconciliationSnapshot, build_sheets
from ipaudit.ledger.model import Discrepancy, LedgerKind
from ipaudit.ledger.reconcile import Reconciliation
from ipaudit.ledger.totals import TotalsTable
from ipaudit.ui.findings.grade_style import grade_label
from ipaudit.ui.ledger.entries_model import EntriesModel
from ipaudit.ui.ledger.texts import kind_name, lang


def tr(text: str) -> str:
    return QCoreApplication.translate("ledger", text)


ViewSnapshot = ReconciliationSnapshot
__all__ = ["ViewSnapshot", "build_sheets", "snapshot"]


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
