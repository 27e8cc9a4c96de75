"""The readiness a workspace last recorded, read with the standard library's sqlite3 (no database
layer), so the desktop app can show it while SQLAlchemy loads and the workspace opens. It is a
look at stored figures only: the checks run again once the workspace is open and replace it."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ipaudit.store.version import APPLICATION_ID, SCHEMA_VERSION, file_format, peek


@dataclass(frozen=True)
class DepartmentReadiness:
    key: str
    name_zh: str
    name_en: str
    percent: float


@dataclass(frozen=True)
class LastReadiness:
    """The newest readiness snapshot of a workspace: its day, overall percent (or the one
    department's, when read for a department), blocking findings and each department's percent."""

    company: str
    day: dt.date
    overall: float
    blocking: int | None  # the whole workspace's; None when read for one department
    departments: tuple[DepartmentReadiness, ...]


def read_last_readiness(path: Path | str, department: str | None = None) -> LastReadiness | None:
    """The last recorded readiness of the workspace at ``path``; None when there is none, the file
    is not a current ipaudit workspace, or anything goes wrong (the real opening reports it)."""
    path = Path(path)
    if not path.is_file():
        return None
    try:
        conn = peek(path, timeout=0.2)
        try:
            if file_format(conn) != (APPLICATION_ID, SCHEMA_VERSION):
                return None
            row = conn.execute(
                "SELECT day, overall, per_department, blocking FROM snapshots"
                " ORDER BY day DESC LIMIT 1"
            ).fetchone()
            if row is None:
                return None
            company = conn.execute("SELECT value FROM meta WHERE key = 'company'").fetchone()
            deps = conn.execute(
                "SELECT key, name_zh, name_en FROM departments"
                " WHERE NOT absent AND merged_into IS NULL ORDER BY position, key"
            ).fetchall()
        finally:
            conn.close()
        day = dt.date.fromisoformat(str(row[0])[:10])
        overall = float(row[1])
        per = {str(k): float(v) for k, v in json.loads(row[2]).items()}
        blocking = int(row[3])
    except (sqlite3.Error, ValueError, TypeError, AttributeError):
        return None
    shown = tuple(
        DepartmentReadiness(key, zh, en, per[key])
        for key, zh, en in deps
        if key in per and (department is None or key == department)
    )
    if department is not None:
        if not shown:
            return None
        overall = shown[0].percent
    return LastReadiness(
        company[0] if company else "",
        day,
        overall,
        blocking if department is None else None,
        shown,
    )
