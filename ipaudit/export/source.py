"""What the export reads from an open workspace besides ``ExportData``: the services' ``Workspace``
has these methods, so the export takes it without importing the services (a layer above)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from ipaudit.store.exports_store import ExportRecord


class EvidenceSource(Protocol):
    """The stored bytes of evidence files, by SHA-256."""

    @property
    def path(self) -> Path: ...

    def evidence_bytes(self, sha256: str) -> Iterator[bytes]: ...


class ExportHistory(Protocol):
    """The packs exported from a workspace."""

    def export_records(self, manifest_sha256: str | None = None) -> list[ExportRecord]: ...
