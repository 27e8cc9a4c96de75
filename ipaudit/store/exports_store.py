"""The workspace's export history: every pack exported from it, with the SHA-256 of the pack's
manifest — the record ``verify PACK --workspace W`` checks a pack against, so a pack whose files,
manifest and checksum list were all rewritten is still caught."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select

from ipaudit.store import schema as s
from ipaudit.store.engine import inserted_id
from ipaudit.store.workspace_store import WorkspaceStore


@dataclass(frozen=True, slots=True)
class ExportRecord:
    id: int
    exported_at: dt.datetime
    target: str
    options: dict[str, Any]
    manifest_sha256: str
    files: int
    bytes: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "exported_at": self.exported_at.isoformat(),
            "target": self.target,
            "options": self.options,
            "manifest_sha256": self.manifest_sha256,
            "files": self.files,
            "bytes": self.bytes,
        }


def record_export(
    store: WorkspaceStore,
    *,
    target: str,
    options: dict[str, Any],
    manifest_sha256: str,
    files: int,
    size: int,
    when: dt.datetime | None = None,
) -> ExportRecord:
    """Add one export to the history (its own transaction)."""
    moment = (when or dt.datetime.now()).replace(microsecond=0)
    with store._write() as conn:
        new_id = inserted_id(
            conn.execute(
                insert(s.exports).values(
                    exported_at=moment,
                    target=target,
                    options=json.dumps(options, ensure_ascii=False, sort_keys=True),
                    manifest_sha256=manifest_sha256.lower(),
                    files=files,
                    bytes=size,
                )
            )
        )
    return ExportRecord(new_id, moment, target, options, manifest_sha256.lower(), files, size)


def export_history(store: WorkspaceStore, manifest_sha256: str | None = None) -> list[ExportRecord]:
    """Every recorded export, newest first; only those of one manifest digest when given."""
    query = select(s.exports).order_by(s.exports.c.exported_at.desc(), s.exports.c.id.desc())
    if manifest_sha256 is not None:
        query = query.where(s.exports.c.manifest_sha256 == manifest_sha256.lower())
    with store._read() as conn:
        rows = conn.execute(query).all()
    return [_record(r) for r in rows]


def _record(row: Any) -> ExportRecord:
    try:
        options = json.loads(row.options)
    except ValueError:
        options = {}
    return ExportRecord(
        row.id,
        row.exported_at,
        row.target,
        options if isinstance(options, dict) else {},
        row.manifest_sha256,
        row.files,
        row.bytes,
    )
