"""Exporting the ledger reconciliation to an xlsx workbook (``export-reconciliation``; the GUI's
"Export view to xlsx" writes what its view shows with the same sheets)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ipaudit.ledger.totals import Dimension
from ipaudit.progress import CancelCheck, Progress
from ipaudit.services import ledgers
from ipaudit.store.errors import InvalidInput

if TYPE_CHECKING:
    from ipaudit.services.workspace import Workspace


def export_reconciliation(
    ws: Workspace,
    target: Path | str,
    *,
    lang: str = "zh",
    dimension: Dimension = Dimension.YEAR,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> Path:
    """Write the whole reconciliation of ``ws`` — summary, every discrepancy with its accepted
    explanation, every row of the three ledgers, the totals per ``dimension`` — to ``target``
    (an .xlsx replaced atomically). InvalidInput when no ledger has been imported; Cancelled
    when ``cancel()`` says so (nothing written then)."""
    from ipaudit.export.reconciliation_xlsx import build_sheets, whole_reconciliation, write_xlsx

    rec = ledgers.load_book(ws).reconciliation
    if rec is None:
        raise InvalidInput(
            "工作区尚未导入财务台账，没有可导出的核对结果（先用 import-ledger 导入）。",
            "The workspace has no finance ledgers imported, so there is no reconciliation to"
            " export (import them with import-ledger first).",
            ws.path,
        )
    snap = whole_reconciliation(rec, ledgers.explanations(ws, rec.discrepancies), lang, dimension)
    return write_xlsx(target, build_sheets(snap), progress, cancel)
