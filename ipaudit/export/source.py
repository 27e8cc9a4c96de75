"""What the export is handed: one read of a workspace as plain data (``PackSource``), and small
protocols for what it streams or looks up. The services fill them (``ipaudit.services.exports``);
the export never imports the services (a layer above) nor reads a store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ipaudit.store.exports_store import ExportRecord

if TYPE_CHECKING:
    from ipaudit.domain.model import (
        Department,
        Evidence,
        Facts,
        Finding,
        Item,
        ItemState,
        Readiness,
        Template,
        Text,
        WorkspaceInfo,
    )
    from ipaudit.ledger.model import Entry, LedgerKind, Problem
    from ipaudit.ledger.reconcile import Reconciliation


class EvidenceSource(Protocol):
    """The stored bytes of evidence files, by SHA-256."""

    @property
    def path(self) -> Path: ...

    def evidence_bytes(self, sha256: str) -> Iterator[bytes]: ...


class ExportHistory(Protocol):
    """The packs exported from a workspace."""

    def export_records(self, manifest_sha256: str | None = None) -> list[ExportRecord]: ...


@dataclass(slots=True)
class LedgerData:
    entries: dict[LedgerKind, list[Entry]]
    problems: list[Problem]
    reconciliation: Reconciliation | None
    explanations: dict[str, str]  # discrepancy key -> accepted explanation


@dataclass(frozen=True, slots=True)
class ExtraDocument:
    """A document of the pack made elsewhere (the audit-day plan …): its file name without the
    extension in both languages, the extension, and ``build(lang, clean)`` → its bytes (``clean``
    redacts text when the pack is redacted). Its bytes must depend only on the workspace."""

    name: Text
    ext: str
    build: Callable[[str, Callable[[str], str]], bytes]
    description: Text | None = None  # what the README says it is


@dataclass(frozen=True, slots=True)
class PackSource:
    """Everything a pack is made of, read once from an open workspace."""

    info: WorkspaceInfo
    template: Template
    departments: list[Department]  # all of them, absent and merged ones too, in order
    items_by_department: dict[str, list[Item]]
    states: dict[str, ItemState]
    facts: Facts
    findings: list[Finding]
    overall: Readiness
    readiness: dict[str, Readiness]  # department key -> its readiness
    evidence: list[Evidence]  # every version, current and older
    ledger: LedgerData
    created_at: dt.datetime | None  # when the workspace was created, if it records it
    history: list[ExportRecord]  # the packs exported before, newest first
    files: EvidenceSource  # where the evidence bytes are streamed from
    documents: tuple[ExtraDocument, ...] = ()  # more documents at the pack's top level
