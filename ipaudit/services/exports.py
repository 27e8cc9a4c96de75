"""Exporting the readiness pack and verifying one later: the one way in for the CLI (``export``,
``verify``, ``exports``) and the GUI (the export and verify dialogs).

The services read the workspace once into ``PackSource`` (plain data, with the workspace as the
stream of evidence bytes) and hand it to ``ipaudit.export``, which reads no workspace itself; the
written pack is then added to the workspace's export history here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from ipaudit.export import pack, pdf
from ipaudit.export.data import PackData, collect
from ipaudit.export.errors import TargetExists
from ipaudit.export.manifest import VerifyResult, replaceable_problem, verify
from ipaudit.export.options import MAX_MARGIN_DAYS, ExportOptions, toc_pages_default
from ipaudit.export.pack import Note, PackResult
from ipaudit.export.source import ExtraDocument, LedgerData, PackSource
from ipaudit.export.target import free_name
from ipaudit.progress import CancelCheck, Progress
from ipaudit.services import audit_plan
from ipaudit.services.workspace import Workspace
from ipaudit.store.errors import WorkspaceError
from ipaudit.store.exports_store import ExportRecord
from ipaudit.text import Text

__all__ = [
    "MAX_MARGIN_DAYS",
    "ExportOptions",
    "PackResult",
    "TargetExists",
    "VerifyResult",
    "default_name",
    "export_history",
    "export_pack",
    "free_name",
    "pack_data",
    "pack_source",
    "pdf_available",
    "replaceable_problem",
    "toc_pages_default",
    "verify_pack",
]


# Documents of the pack made from the workspace's records, beside the report and the workbook:
# each source gives none when it has nothing to show.
PACK_DOCUMENTS: tuple[Callable[[Workspace], Iterable[ExtraDocument]], ...] = (
    audit_plan.pack_documents,
)


def pdf_available() -> bool:
    """Whether LibreOffice is installed here: it makes the report's PDF and lays the report out
    for the page numbers of its contents."""
    return pdf.find_soffice() is not None


def pack_source(ws: Workspace) -> PackSource:
    """One read of ``ws`` — everything a pack is made of."""
    assessment = ws.assess()
    book = ws.ledger_book()
    accepted = ws.acceptances()
    recon = book.reconciliation
    explanations = (
        {d.key: accepted[d.key] for d in recon.discrepancies if d.key in accepted}
        if recon is not None
        else {}
    )
    return PackSource(
        info=ws.info(),
        template=ws.template,
        departments=ws.departments(),
        items_by_department=ws.items_by_department(),
        states=ws.states(),
        facts=ws.facts(),
        findings=list(assessment.findings),
        overall=assessment.overall,
        readiness=dict(assessment.departments),
        evidence=ws.evidence(include_old=True),
        ledger=LedgerData(dict(book.entries), list(book.problems), recon, explanations),
        created_at=_created_at(ws),
        history=ws.export_records(),
        files=ws,
        documents=tuple(doc for source in PACK_DOCUMENTS for doc in source(ws)),
    )


def _created_at(ws: Workspace) -> dt.datetime | None:
    text = ws.created_at()
    if text:
        with contextlib.suppress(ValueError):
            return dt.datetime.fromisoformat(text)
    return None


def pack_data(ws: Workspace, options: ExportOptions, root: str = "pack") -> PackData:
    """What the documents of a pack of ``ws`` would be written from (planned paths included)."""
    return collect(pack_source(ws), options, root)


def default_name(ws: Workspace, options: ExportOptions) -> str:
    """A pack name for ``ws`` in the chosen language ("<company>-迎审资料包-<audit date>")."""
    return pack.default_name(ws.info(), options)


def export_pack(
    ws: Workspace,
    target: Path | str,
    options: ExportOptions | None = None,
    *,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> PackResult:
    """Write the readiness pack of ``ws`` to ``target`` (a folder, or a .zip file) and add it to
    the workspace's export history. ExportError and its subclasses for expected failures;
    Cancelled when ``cancel()`` says so (nothing left behind then)."""
    result = pack.export_pack(
        functools.partial(pack_source, ws),
        target,
        options,
        progress=progress,
        cancel=cancel,
    )
    try:
        ws.record_export(
            target=str(result.path.resolve()),
            options=dict(result.recorded),
            manifest_sha256=result.manifest_sha256,
            files=result.files,
            size=result.bytes,
        )
    except WorkspaceError as exc:  # e.g. a read-only workspace: the pack itself is complete
        reason = {"reason": Text(exc.message("zh"), exc.message("en"))}
        notes = (*result.notes, Note("note.history_not_recorded", reason))
        result = replace(result, notes=notes)
    return result


def export_history(ws: Workspace) -> list[ExportRecord]:
    """Every pack exported from ``ws``, newest first."""
    return ws.export_records()


def verify_pack(
    path: Path | str,
    workspace: Workspace | Path | str | None = None,
    *,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> VerifyResult:
    """Re-hash the pack at ``path`` against its manifest; with ``workspace`` (open, or the path of
    one, opened for the check) also whether its manifest is one that workspace exported."""
    from ipaudit.export.history import verify_against

    if workspace is None:
        return verify(path, progress=progress, cancel=cancel)
    if isinstance(workspace, Workspace):
        return verify_against(workspace, path, progress=progress, cancel=cancel)
    with Workspace.open(workspace) as ws:
        return verify_against(ws, path, progress=progress, cancel=cancel)
