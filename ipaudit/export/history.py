"""Checking a pack against the export history of the workspace it came from.

``verify`` alone proves that the pack's files match its own manifest — which whoever rewrote a
file could rewrite too (with SHA256SUMS). The workspace records the SHA-256 of the manifest of
every pack it exported; a pack whose manifest digest is in that history has exactly the files
that were exported, and one whose digest is not was changed (or comes from elsewhere).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ipaudit.export.manifest import VerifyResult, verify
from ipaudit.export.source import ExportHistory
from ipaudit.store.exports_store import ExportRecord


def verify_against(
    ws: ExportHistory,
    pack: Path | str,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> VerifyResult:
    """``verify(pack)``, and whether the pack's manifest is one ``ws`` exported."""
    result = verify(pack, progress=progress, cancel=cancel)
    found: list[ExportRecord] = (
        ws.export_records(result.manifest_sha256) if result.manifest_sha256 else []
    )
    result.recorded = [r.as_dict() for r in found]
    return result


def history(ws: ExportHistory) -> list[ExportRecord]:
    """Every pack exported from ``ws``, newest first."""
    return ws.export_records()
