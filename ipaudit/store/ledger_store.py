"""The finance ledgers' storage: every SQL statement about ledger imports, their entries, the
remembered column mappings, the reward rates and the ledger settings.

``LedgerStore`` is the repository the ledger services use: plain methods with ledger and domain
types in and out, no connection or statement leaves this module — the shape another database's
store implements. Each method is one transaction.

An import of a ledger is "in use" while its ``kind`` is the ledger's; replacing or undoing it sets
it aside (``kind`` + ``:set-aside``) so that an undo can bring it back by switching two rows, and
set-aside imports are deleted when the workspace is closed (``purge_set_aside``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Table, delete, insert, select, update

from ipaudit.ledger.model import (
    ColumnNote,
    Entry,
    ImportResult,
    LedgerKind,
    Problem,
    SourceRef,
    StatedTotal,
)
from ipaudit.store import edits
from ipaudit.store import schema as s
from ipaudit.store.engine import lock_key
from ipaudit.store.workspace_store import WorkspaceStore

_ASIDE = ":set-aside"  # an import replaced or removed, kept until the workspace is closed for undo
_INSERT_BATCH = 5_000  # entries written per statement
GENERATION = "ledger_generation"  # any ledger change: imports, rates, window
IMPORTS_GENERATION = "ledger_imports_generation"  # imports added, replaced or removed
WINDOW_DAYS = "ledger_window_days"


@dataclass(frozen=True, slots=True)
class UnusedColumn:
    """A column of the sheet the import did not use, as the import saw it."""

    letter: str
    header: str
    looks_like: str | None = None


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """A stored import in use. ``confidence`` and ``unused_columns`` are None for imports stored
    by a version that did not keep them; ``evidence_id`` is the file it attached, if any, and
    ``replaced_id`` the import it set aside when it was stored (an undo brings that one back
    while it is kept). ``in_use``: False for an import set aside."""

    id: int
    kind: LedgerKind
    file_name: str
    sheet: str
    header_row: int
    rows_read: int
    imported_at: dt.datetime
    mapping: dict[str, int]
    sha256: str = ""
    confidence: Decimal | None = None
    unused_columns: tuple[UnusedColumn, ...] | None = None
    evidence_id: int | None = None
    replaced_id: int | None = None
    in_use: bool = True


@dataclass(frozen=True, slots=True)
class StoredLedgers:
    """What the imports in use hold: entries by ledger, problems and stated totals, in the order
    they were stored."""

    entries: dict[LedgerKind, list[Entry]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    totals: list[StatedTotal] = field(default_factory=list)


class LedgerStore:
    """The ledger tables of one workspace file."""

    def __init__(self, store: WorkspaceStore) -> None:
        self.store = store

    # --- imports -----------------------------------------------------------------------------

    def save_import(
        self,
        result: ImportResult,
        *,
        sha256: str = "",
        signature: str = "",
        keep_replaced: bool = False,
        now: dt.datetime | None = None,
    ) -> int:
        """Store ``result`` in place of the ledger's import in use (set aside when
        ``keep_replaced``, else deleted) and remember its mapping under ``signature`` (when
        given) — one transaction. The new import's id."""
        stamp = (now or dt.datetime.now()).replace(microsecond=0)
        with self.store._write() as conn:
            replaced = None
            if keep_replaced:
                replaced = conn.execute(
                    select(s.ledger_imports.c.id).where(
                        s.ledger_imports.c.kind == result.kind.value
                    )
                ).scalar_one_or_none()
            _set_aside(conn, result.kind, delete_it=not keep_replaced)
            key = conn.execute(
                insert(s.ledger_imports).values(
                    kind=result.kind.value,
                    file_name=result.file,
                    sheet=result.sheet,
                    sha256=sha256,
                    header_row=result.header_row,
                    mapping=json.dumps(result.mapping, sort_keys=True),
                    rows_read=result.rows_read,
                    imported_at=stamp,
                    confidence=f"{result.confidence:.2f}",
                    unused_columns=_unused_json(result.unused_columns),
                    replaced_id=replaced,
                )
            ).inserted_primary_key
            assert key is not None
            import_id = int(key[0])
            entries = result.entries
            for start in range(0, len(entries), _INSERT_BATCH):  # bounded: not 10⁵ dicts at once
                batch = entries[start : start + _INSERT_BATCH]
                conn.execute(insert(s.ledger_entries), [_entry_row(import_id, e) for e in batch])
            if result.problems:
                conn.execute(
                    insert(s.ledger_problems), [_problem_row(import_id, p) for p in result.problems]
                )
            if result.totals:
                conn.execute(
                    insert(s.ledger_totals), [_total_row(import_id, t) for t in result.totals]
                )
            if signature:
                _remember(conn, signature, result.kind, result.mapping)
        return import_id

    def set_import_evidence(self, import_id: int, evidence_id: int | None) -> None:
        """Record the evidence an import attached (its source file), for undo."""
        with self.store._write() as conn:
            conn.execute(
                update(s.ledger_imports)
                .where(s.ledger_imports.c.id == import_id)
                .values(evidence_id=evidence_id)
            )

    def current_import(self, kind: LedgerKind) -> int | None:
        """The id of the import in use for a ledger, if any."""
        with self.store._read() as conn:
            return conn.execute(
                select(s.ledger_imports.c.id).where(s.ledger_imports.c.kind == kind.value)
            ).scalar_one_or_none()

    def imported_hashes(self, kind: LedgerKind) -> set[str]:
        """The SHA-256 of every file imported for ``kind`` the workspace still holds (in use or
        set aside)."""
        with self.store._read() as conn:
            rows = conn.execute(
                select(s.ledger_imports.c.sha256).where(
                    s.ledger_imports.c.kind.in_([kind.value, kind.value + _ASIDE])
                )
            ).scalars()
            return {sha for sha in rows if sha}

    def remove_import(self, kind: LedgerKind) -> None:
        """Delete the import in use of ``kind`` (its entries go with it)."""
        with self.store._write() as conn:
            _set_aside(conn, kind, delete_it=True)

    def activate_import(self, kind: LedgerKind, import_id: int | None) -> None:
        """Make a set-aside import of ``kind`` the one in use (``None``: none), setting the one
        in use aside. LookupError when ``import_id`` is not set aside (nothing is changed)."""
        with self.store._write() as conn:
            _set_aside(conn, kind, delete_it=False)
            if import_id is not None:
                found = conn.execute(
                    update(s.ledger_imports)
                    .where(s.ledger_imports.c.id == import_id)
                    .where(s.ledger_imports.c.kind == kind.value + _ASIDE)
                    .values(kind=kind.value)
                ).rowcount
                if not found:
                    raise LookupError(f"import {import_id} of {kind.value} is not set aside")

    def purge_set_aside(self) -> None:
        """Delete the imports set aside for undo (their entries go with them); no write when
        there is none, so that a read-only file closes quietly."""
        aside = s.ledger_imports.c.kind.like("%" + _ASIDE)
        with self.store._read() as conn:
            if conn.execute(select(s.ledger_imports.c.id).where(aside).limit(1)).first() is None:
                return
        with self.store._write() as conn:
            conn.execute(delete(s.ledger_imports).where(aside))

    def imports(self) -> list[ImportRecord]:
        """The imports in use, in the order they were stored."""
        with self.store._read() as conn:
            return _import_records(conn)

    def import_record(self, import_id: int) -> ImportRecord | None:
        """One import, in use or set aside."""
        with self.store._read() as conn:
            row = conn.execute(
                select(s.ledger_imports).where(s.ledger_imports.c.id == import_id)
            ).first()
        return None if row is None else _import_record(row)

    def contents(self) -> StoredLedgers:
        """The entries, problems and stated totals of the imports in use."""
        with self.store._read() as conn:
            return _read_contents(conn)

    def imports_with_contents(
        self, *, contents: bool = True
    ) -> tuple[list[ImportRecord], StoredLedgers | None]:
        """The imports in use and (when ``contents``) what they hold, read together."""
        with self.store._read() as conn:
            return _import_records(conn), _read_contents(conn) if contents else None

    # --- remembered column mappings ----------------------------------------------------------

    def remembered_mapping(self, signature: str) -> tuple[LedgerKind, dict[str, int]] | None:
        """The mapping confirmed earlier for a header with this layout signature."""
        with self.store._read() as conn:
            row = conn.execute(
                select(s.column_mappings).where(s.column_mappings.c.signature == signature)
            ).first()
        if row is None:
            return None
        return LedgerKind(row.kind), {k: int(v) for k, v in json.loads(row.mapping).items()}

    def remember_mapping(
        self, signature: str, kind: LedgerKind, mapping: Mapping[str, int]
    ) -> None:
        with self.store._write() as conn:
            _remember(conn, signature, kind, mapping)

    # --- rates and settings ------------------------------------------------------------------

    def rates(self) -> list[tuple[str, Decimal]]:
        """The stored rates as stored (ip type, amount), also those today's rules refuse."""
        with self.store._read() as conn:
            return [
                (key, amount)
                for key, amount in conn.execute(select(s.rates.c.ip_type, s.rates.c.amount))
            ]

    def set_rates(
        self,
        rates: Mapping[str, Decimal] | None,
        *,
        base: Mapping[str, Decimal] | None = None,
    ) -> dict[str, Decimal]:
        """Replace the stored rates (None or empty: no rates); returns them as stored.

        With ``base`` (the rates this edit started from; empty: there were none) only the rates
        changed from ``base`` are applied to the rates as stored now, type by type; a rate someone
        else changed differently meanwhile is an EditConflict.
        """
        mine = dict(rates or {})
        with self.store._write() as conn:
            lock_key(conn, "rates", "")
            theirs = {
                key: amount
                for key, amount in conn.execute(select(s.rates.c.ip_type, s.rates.c.amount))
            }
            if base is not None:
                try:
                    merged: dict[str, Decimal] = edits.merge_value(
                        dict(base), mine, theirs, edits.Edited(part=edits.RATES)
                    )
                    mine = merged
                except edits.MergeConflict as exc:
                    raise self.store._conflict(conn, "rates", "", exc.edited) from None
                if mine == theirs:
                    return mine
            conn.execute(delete(s.rates))
            for key, amount in mine.items():
                conn.execute(insert(s.rates).values(ip_type=key, amount=amount))
            self.store._mark_edited(conn, "rates", "")
        return mine

    def window_days(self) -> str:
        """The stored booking window as stored ("" when never set)."""
        return self.store.get_setting(WINDOW_DAYS, "")

    def set_window_days(self, days: int) -> None:
        self.store.set_setting(WINDOW_DAYS, str(days))

    def generation(self) -> str:
        """Changes whenever the ledgers change (imports, rates, window): a cache key."""
        return self.store.get_setting(GENERATION, "0")

    def imports_generation(self) -> str:
        """Changes whenever an import is added, replaced or removed."""
        return self.store.get_setting(IMPORTS_GENERATION, "0")

    def mark_changed(self, *, imports: bool) -> None:
        """Count a ledger change (``imports``: an import added, replaced or removed)."""
        for key in (GENERATION, IMPORTS_GENERATION) if imports else (GENERATION,):
            self.store.bump_setting(key)

    # --- accepted explanations ---------------------------------------------------------------

    def acceptances(self) -> dict[str, str]:
        """Discrepancy key → the explanation it was accepted with."""
        return self.store.acceptances()


# --- rows ----------------------------------------------------------------------------------------


def _set_aside(conn: Connection, kind: LedgerKind, *, delete_it: bool) -> None:
    lock_key(conn, "ledger_imports", kind.value)  # one change of a ledger's import at a time
    which = s.ledger_imports.c.kind == kind.value
    if delete_it:
        conn.execute(delete(s.ledger_imports).where(which))
    else:
        conn.execute(update(s.ledger_imports).where(which).values(kind=kind.value + _ASIDE))


def _remember(
    conn: Connection, signature: str, kind: LedgerKind, mapping: Mapping[str, int]
) -> None:
    lock_key(conn, "column_mappings", signature)
    conn.execute(delete(s.column_mappings).where(s.column_mappings.c.signature == signature))
    conn.execute(
        insert(s.column_mappings).values(
            signature=signature, kind=kind.value, mapping=json.dumps(dict(mapping), sort_keys=True)
        )
    )


def _unused_json(notes: Iterable[ColumnNote]) -> str:
    return json.dumps(
        [{"column": n.letter, "header": n.header, "looks_like": n.looks_like} for n in notes],
        ensure_ascii=False,
    )


def _unused_from(text: str | None) -> tuple[UnusedColumn, ...] | None:
    if text is None:
        return None
    return tuple(
        UnusedColumn(str(d["column"]), str(d["header"]), d.get("looks_like"))
        for d in json.loads(text)
    )


def _entry_row(import_id: int, e: Entry) -> dict[str, object]:
    return {
        "import_id": import_id,
        "kind": e.kind.value,
        "file": e.source.file,
        "sheet": e.source.sheet,
        "row": e.source.row,
        "date": e.date,
        "person": e.person,
        "department": e.department,
        "ip_number": e.ip_number,
        "amount": e.amount,
        "is_penalty": e.is_penalty,
        "voucher": e.voucher,
        "category": e.category,
        "text": e.text,
        "status": e.status,
        "granted": e.granted,
        "inventors": "\n".join(e.inventors),
    }


def _problem_row(import_id: int, p: Problem) -> dict[str, object]:
    return {
        "import_id": import_id,
        "file": p.source.file,
        "sheet": p.source.sheet,
        "row": p.source.row,
        "column_name": p.column,
        "raw": p.raw,
        "reason_zh": p.reason_zh,
        "reason_en": p.reason_en,
    }


def _total_row(import_id: int, t: StatedTotal) -> dict[str, object]:
    return {
        "import_id": import_id,
        "file": t.source.file,
        "sheet": t.source.sheet,
        "row": t.source.row,
        "label": t.label,
        "stated": t.stated,
        "computed": t.computed,
        "first_row": t.first_row,
        "last_row": t.last_row,
    }


def _import_record(r: Any) -> ImportRecord:
    return ImportRecord(
        r.id,
        LedgerKind(r.kind.removesuffix(_ASIDE)),
        r.file_name,
        r.sheet,
        r.header_row,
        r.rows_read,
        r.imported_at,
        {k: int(v) for k, v in json.loads(r.mapping).items()},
        r.sha256,
        Decimal(r.confidence) if r.confidence is not None else None,
        _unused_from(r.unused_columns),
        r.evidence_id,
        r.replaced_id,
        not r.kind.endswith(_ASIDE),
    )


def _in_use() -> ColumnElement[bool]:
    return s.ledger_imports.c.kind.in_([k.value for k in LedgerKind])


def _import_records(conn: Connection) -> list[ImportRecord]:
    query = select(s.ledger_imports).where(_in_use()).order_by(s.ledger_imports.c.id)
    return [_import_record(r) for r in conn.execute(query)]


def _of_imports_in_use(table: Table) -> Select[Any]:
    """The rows of ``table`` (entries, problems, totals) that belong to imports in use."""
    in_use = select(s.ledger_imports.c.id).where(_in_use())
    return select(table).where(table.c.import_id.in_(in_use)).order_by(table.c.id)


def _read_contents(conn: Connection) -> StoredLedgers:
    entries: dict[LedgerKind, list[Entry]] = {}
    # a ledger repeats its file, sheet, people, departments, dates and vouchers: each value is
    # kept once, not once per row
    seen: dict[object, object] = {}
    one = seen.setdefault
    kinds = {k.value: k for k in LedgerKind}
    for r in conn.execute(_of_imports_in_use(s.ledger_entries)):
        kind = kinds[r.kind]
        entries.setdefault(kind, []).append(
            Entry(
                kind=kind,
                source=SourceRef(one(r.file, r.file), one(r.sheet, r.sheet), r.row),  # type: ignore[arg-type]
                date=one(r.date, r.date),  # type: ignore[arg-type]
                person=one(r.person, r.person),  # type: ignore[arg-type]
                department=one(r.department, r.department),  # type: ignore[arg-type]
                ip_number=r.ip_number,
                amount=r.amount,  # (equal amounts may be written differently: 5000 / 5000.00)
                is_penalty=bool(r.is_penalty),
                voucher=one(r.voucher, r.voucher),  # type: ignore[arg-type]
                category=one(r.category, r.category),  # type: ignore[arg-type]
                text=one(r.text, r.text),  # type: ignore[arg-type]
                status=one(r.status, r.status),  # type: ignore[arg-type]
                granted=r.granted,
                inventors=tuple(filter(None, r.inventors.split("\n"))) if r.inventors else (),
            )
        )
    problems = [
        Problem(SourceRef(r.file, r.sheet, r.row), r.column_name, r.raw, r.reason_zh, r.reason_en)
        for r in conn.execute(_of_imports_in_use(s.ledger_problems))
    ]
    totals = [
        StatedTotal(
            SourceRef(r.file, r.sheet, r.row),
            r.label,
            r.stated,
            r.computed,
            r.first_row,
            r.last_row,
        )
        for r in conn.execute(_of_imports_in_use(s.ledger_totals))
    ]
    return StoredLedgers(entries, problems, totals)
