"""Records of the audit day and the cycle around it: one keyed JSON object per record.

The audit-day plan, rehearsal results, the auditor's request list, mock audits and corrective
actions are each a ``kind`` of record; their services turn the JSON objects into domain types.
Every record carries its department ("" for the whole workspace), a ``version`` for concurrent
edits and who saved it last. Each method is one transaction.

A record is read defensively, in this one place: a row whose value is not a JSON object, or that
the check registered for its kind (``register_check``, by the module that owns the kind) cannot
convert, is left out of ``all`` and ``get`` instead of reaching a reader that would raise on it;
``unreadable`` lists such rows with who wrote them and when, for a finding that says to remove or
fix them. (A row written through psql on a server, or by an older or newer version of the app.)
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from ipaudit.store import codec
from ipaudit.store import schema as s
from ipaudit.store.engine import lock_key
from ipaudit.store.errors import EditConflict
from ipaudit.store.workspace_store import WorkspaceStore

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Record:
    """One stored record. ``value`` is a JSON object (plain dicts, lists, text and numbers)."""

    kind: str
    key: str
    value: Mapping[str, Any]
    department: str = ""
    version: int = 1
    updated_at: dt.datetime | None = None
    updated_by: str = ""


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A stored record that cannot be read: ``reason`` says why (for the log and Details)."""

    kind: str
    key: str
    department: str
    updated_at: dt.datetime | None
    updated_by: str
    reason: str


#: kind -> a function that converts a record of that kind as its readers will, raising on a
#: value they could not read (its result is not used)
RecordCheck = Callable[["Record"], object]
_CHECKS: dict[str, RecordCheck] = {}
# what a conversion of malformed JSON raises (a missing key, a wrong type, a bad number or date)
_CONVERSION_ERRORS = (KeyError, IndexError, TypeError, ValueError, AttributeError, ArithmeticError)


def register_check(kind: str, check: RecordCheck) -> None:
    """Read the records of ``kind`` through ``check``: one it raises on is unreadable."""
    _CHECKS[kind] = check


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def _record(row: Any) -> Record:
    return Record(
        kind=row.kind,
        key=row.key,
        value=json.loads(row.value),
        department=row.department,
        version=row.version,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )


def _reading(row: Any) -> Record | Unreadable:
    """The record of ``row``, or why it cannot be read."""
    try:
        rec = _record(row)
        if not isinstance(rec.value, dict):
            raise TypeError(f"a JSON {type(rec.value).__name__}, not an object")
        check = _CHECKS.get(rec.kind)
        if check is not None:
            check(rec)
    except RecursionError:
        reason = "nested too deeply"
    except _CONVERSION_ERRORS as exc:  # (json.JSONDecodeError is a ValueError)
        reason = f"{type(exc).__name__}: {exc}"
    else:
        return rec
    return Unreadable(
        row.kind, row.key, row.department, row.updated_at, row.updated_by, reason[:300]
    )


def _readable(row: Any) -> Record | None:
    found = _reading(row)
    if isinstance(found, Unreadable):
        log.info("record %s/%s left out: %s", found.kind, found.key, found.reason)
        return None
    return found


def unreadable_states(store: WorkspaceStore) -> list[Unreadable]:
    """The item states that cannot be read as stored (``codec.state_problem``; read as not
    started), by item, with who saved them last (kind "item_states")."""
    with store._read() as conn:
        rows = conn.execute(select(s.item_states).order_by(s.item_states.c.item_key)).all()
        out: list[Unreadable] = []
        for row in rows:
            problem = codec.state_problem(row)
            if problem is not None:
                who = store._editor(conn, "item_states", row.item_key)
                out.append(
                    Unreadable(
                        "item_states",
                        row.item_key,
                        row.department,
                        who.at or row.updated_at,
                        who.by,
                        problem,
                    )
                )
    return out


class RecordStore:
    """The ``records`` table of one workspace."""

    def __init__(self, store: WorkspaceStore) -> None:
        self.store = store

    def all(self, kind: str, department: str | None = None) -> list[Record]:
        """The records of ``kind`` (of one department when given), in key order."""
        query = select(s.records).where(s.records.c.kind == kind)
        if department is not None:
            query = query.where(s.records.c.department == department)
        with self.store._read() as conn:
            found = (_readable(r) for r in conn.execute(query.order_by(s.records.c.key)))
            return [rec for rec in found if rec is not None]

    def get(self, kind: str, key: str) -> Record | None:
        """The record, or None when there is none or it cannot be read (``unreadable``)."""
        query = select(s.records).where(s.records.c.kind == kind, s.records.c.key == key)
        with self.store._read() as conn:
            row = conn.execute(query).first()
        return None if row is None else _readable(row)

    def unreadable(self) -> list[Unreadable]:
        """Every stored record ``all`` and ``get`` leave out, by kind and key."""
        query = select(s.records).order_by(s.records.c.kind, s.records.c.key)
        with self.store._read() as conn:
            found = [_reading(r) for r in conn.execute(query)]
        return [u for u in found if isinstance(u, Unreadable)]

    @staticmethod
    def _get(conn: Connection, kind: str, key: str, *, lock: bool = False) -> Record | None:
        """``lock``: held until the transaction ends (a server's concurrent writers wait)."""
        query = select(s.records).where(s.records.c.kind == kind, s.records.c.key == key)
        if lock:
            lock_key(conn, "records", f"{kind}\x1f{key}")
            query = query.with_for_update()
        row = conn.execute(query).first()
        if row is None:
            return None
        found = _reading(row)  # an unreadable one still has its version, author and time
        if isinstance(found, Record):
            return found
        return Record(kind, key, {}, row.department, row.version, row.updated_at, row.updated_by)

    def put(
        self,
        kind: str,
        key: str,
        value: Mapping[str, Any],
        *,
        department: str = "",
        base_version: int | None = None,
        what: str = "",
    ) -> Record:
        """Store ``value`` under (kind, key). With ``base_version`` (the version the edit was
        based on; 0 for a record the caller believes new) a record saved meanwhile by someone
        else is an EditConflict naming ``what`` (default: the key), who and when."""
        text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        with self.store._write() as conn:
            current = self._get(conn, kind, key, lock=True)
            if base_version is not None and (current.version if current else 0) != base_version:
                raise self._conflict(current, what or key)
            now, by = _now(), self.store.editor_name(conn)
            if current is None:
                conn.execute(
                    insert(s.records).values(
                        kind=kind,
                        key=key,
                        department=department,
                        value=text,
                        version=1,
                        updated_at=now,
                        updated_by=by,
                    )
                )
                version = 1
            else:
                version = current.version + 1
                conn.execute(
                    update(s.records)
                    .where(s.records.c.kind == kind, s.records.c.key == key)
                    .values(
                        department=department,
                        value=text,
                        version=version,
                        updated_at=now,
                        updated_by=by,
                    )
                )
        return Record(kind, key, json.loads(text), department, version, now, by)

    def delete(self, kind: str, key: str, *, base_version: int | None = None) -> None:
        """Remove a record (nothing when it is not there); ``base_version`` as for ``put``."""
        with self.store._write() as conn:
            current = self._get(conn, kind, key, lock=True)
            if current is None:
                return
            if base_version is not None and current.version != base_version:
                raise self._conflict(current, key)
            conn.execute(delete(s.records).where(s.records.c.kind == kind, s.records.c.key == key))

    def replace_kind(self, kind: str, records: Iterable[Record]) -> None:
        """All records of ``kind`` replaced by ``records`` in one transaction (an import)."""
        with self.store._write() as conn:
            now, by = _now(), self.store.editor_name(conn)
            conn.execute(delete(s.records).where(s.records.c.kind == kind))
            rows = [
                {
                    "kind": kind,
                    "key": rec.key,
                    "department": rec.department,
                    "value": json.dumps(rec.value, ensure_ascii=False, sort_keys=True, default=str),
                    "version": 1,
                    "updated_at": now,
                    "updated_by": by,
                }
                for rec in records
            ]
            if rows:  # one statement for all (3,000 inserts one by one took seconds)
                conn.execute(insert(s.records), rows)

    def _conflict(self, current: Record | None, what: str) -> EditConflict:
        if current is None:  # removed meanwhile
            return EditConflict(self.store.path, what)
        return EditConflict(self.store.path, what, current.updated_by, current.updated_at)
