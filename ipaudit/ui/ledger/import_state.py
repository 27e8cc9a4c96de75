"""What the import wizard's pages have chosen and found so far, shared between them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ipaudit.ledger.importer import Preview
from ipaudit.ledger.model import ImportResult, LedgerKind


@dataclass(slots=True)
class ImportState:
    path: Path | None = None
    paths: list[Path] = field(default_factory=list)  # every file chosen (several: every ledger)
    all_sheets: bool = False  # every ledger sheet of the workbook, in one pass
    kind_hint: LedgerKind | None = None  # chosen on the first page; None = detect
    sheets: list[str] = field(default_factory=list)
    sheet: str | None = None
    preview: Preview | None = None
    remembered: bool = False  # the mapping came from an earlier import of this layout
    # the layout the user confirmed on the preview page
    kind: LedgerKind | None = None
    header_row: int = 0
    mapping: dict[str, int] = field(default_factory=dict)
    unit: Decimal = Decimal(1)
    signature: str = ""  # of the confirmed header row: the mapping is remembered under it
    # the import read (not yet stored), then stored
    result: ImportResult | None = None
    import_id: int | None = None
    results: list[ImportResult] = field(default_factory=list)  # several ledgers stored at once
