"""The finance ledgers inside a workspace: imports stored, reconciled, and turned into findings.

Importing a ledger replaces the earlier import of the same ledger; explanations accepted for a
discrepancy stay attached to its stable key and apply again when the same discrepancy reappears.
Discrepancies become findings of 财务部 (payments, expenses, totals) and 行政人事部 (reward decisions,
rates, portfolio), so they count in those departments' readiness.

An imported ledger is itself the record its checklist item asks for (《知识产权奖惩记录表》,
《知识产权奖金发放登记表》, 《知识产权经费使用记录》, the IP register): ``import_file`` stores the
import and attaches the source file, with its SHA-256 and the period its entries cover, as the
evidence of that item; importing a new file of the same ledger attaches it as a new version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Connection, Select, Table, delete, insert, select

from ipaudit.domain import validation
from ipaudit.domain.checks import follow_merges
from ipaudit.domain.facts import Declared, ledger_facts
from ipaudit.domain.model import Evidence, Finding, ItemKind, Template, Text
from ipaudit.domain.rules import rules_of
from ipaudit.ledger.columns import Columns
from ipaudit.ledger.discrepancies import owning_ledger, suggest_grade
from ipaudit.ledger.figures import figures
from ipaudit.ledger.model import (
    Discrepancy,
    Entry,
    ImportResult,
    LedgerKind,
    Problem,
    SourceRef,
    StatedTotal,
)
from ipaudit.ledger.rates import RateTable, RateTableError
from ipaudit.ledger.reconcile import Reconciliation, reconcile
from ipaudit.store import schema as s

if TYPE_CHECKING:
    from ipaudit.services import Workspace


GENERATION = "ledger_generation"  # any ledger change: imports, rates, window
IMPORTS_GENERATION = "ledger_imports_generation"  # imports added, replaced or removed
WINDOW_DAYS = "ledger_window_days"
_ASIDE = ":set-aside"  # an import replaced or removed, kept until the workspace is closed for undo
DEFAULT_WINDOW_DAYS = 15
_INSERT_BATCH = 5_000  # entries written per statement

# where each ledger's findings go: (department, words that name the ledger's checklist item)
_LEDGER_ITEMS: dict[LedgerKind, tuple[str, tuple[str, ...]]] = {
    LedgerKind.REWARDS: ("hr_admin", ("奖惩审批", "奖惩记录", "奖惩制度", "奖惩")),
    LedgerKind.PAYMENTS: ("finance", ("奖金发放登记",)),
    LedgerKind.EXPENSES: ("finance", ("经费使用记录",)),
    LedgerKind.PORTFOLIO: ("ip_office", ("台账", "知识产权清单", "归纳整理")),
}
# the checklist item each ledger file is the evidence of: (department, words of the item's title)
_EVIDENCE_ITEMS: dict[LedgerKind, tuple[str, tuple[str, ...]]] = {
    LedgerKind.REWARDS: ("finance", ("奖惩记录表",)),
    LedgerKind.PAYMENTS: ("finance", ("奖金发放登记",)),
    LedgerKind.EXPENSES: ("finance", ("经费使用记录",)),
    LedgerKind.PORTFOLIO: ("ip_office", ("知识产权台账", "台账")),
}


@dataclass(frozen=True, slots=True)
class ImportRecord:
    id: int
    kind: LedgerKind
    file_name: str
    sheet: str
    header_row: int
    rows_read: int
    imported_at: dt.datetime
    mapping: dict[str, int]


@dataclass(slots=True)
class LedgerBook:
    """Everything ledger-related a workspace holds, reconciled."""

    imports: list[ImportRecord] = field(default_factory=list)
    entries: dict[LedgerKind, list[Entry]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    totals: list[StatedTotal] = field(default_factory=list)
    rates: RateTable | None = None
    reconciliation: Reconciliation | None = None

    def of(self, kind: LedgerKind) -> list[Entry]:
        return self.entries.get(kind, [])

    @property
    def empty(self) -> bool:
        return not any(
            self.entries.get(k)
            for k in (LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES)
        )


# --- storing imports ---------------------------------------------------------------------------


def _bump(ws: Workspace, *settings: str) -> None:
    for key in (GENERATION, *settings):
        ws.store.bump_setting(key)
    ws.changed()


def file_sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def store_import(
    ws: Workspace,
    result: ImportResult,
    *,
    sha256: str = "",
    signature: str = "",
    keep_replaced: bool = False,
) -> int:
    """Replace the earlier import of this ledger with ``result`` — one transaction.

    ``keep_replaced``: set the earlier import aside instead of deleting it, so that an undo can
    bring it back (``activate_import``); set-aside imports are deleted when the workspace is
    closed (``purge_set_aside``)."""
    now = dt.datetime.now().replace(microsecond=0)
    with ws.store._write() as conn:
        _set_aside(conn, result.kind, delete_it=not keep_replaced)
        import_id = conn.execute(
            insert(s.ledger_imports).values(
                kind=result.kind.value,
                file_name=result.file,
                sheet=result.sheet,
                sha256=sha256,
                header_row=result.header_row,
                mapping=json.dumps(result.mapping, sort_keys=True),
                rows_read=result.rows_read,
                imported_at=now,
            )
        ).inserted_primary_key[0]
        entries = result.entries
        for start in range(0, len(entries), _INSERT_BATCH):  # bounded: not 10⁵ dicts at once
            batch = entries[start : start + _INSERT_BATCH]
            conn.execute(insert(s.ledger_entries), [_entry_row(import_id, e) for e in batch])
        if result.problems:
            conn.execute(
                insert(s.ledger_problems),
                [
                    {
                        "import_id": import_id,
                        "file": p.source.file,
                        "sheet": p.source.sheet,
                        "row": p.source.row,
                        "column_name": p.column,
                        "raw": p.raw,
                        "reason_zh": p.reason_zh,
                        "reason_en": p.reason_en,
                    }
                    for p in result.problems
                ],
            )
        if result.totals:
            conn.execute(
                insert(s.ledger_totals),
                [
                    {
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
                    for t in result.totals
                ],
            )
        if signature:
            conn.execute(
                delete(s.column_mappings).where(s.column_mappings.c.signature == signature)
            )
            conn.execute(
                insert(s.column_mappings).values(
                    signature=signature,
                    kind=result.kind.value,
                    mapping=json.dumps(result.mapping, sort_keys=True),
                )
            )
    _bump(ws, IMPORTS_GENERATION)
    return import_id


@dataclass(frozen=True, slots=True)
class StoredImport:
    """What ``import_file`` did: the import stored, the one it replaced (set aside or deleted),
    and the evidence attached for the ledger's checklist item (None when already attached)."""

    import_id: int
    replaced: int | None
    evidence: Evidence | None


def import_file(
    ws: Workspace,
    result: ImportResult,
    source: Path,
    *,
    signature: str = "",
    keep_replaced: bool = False,
    sha256: str = "",
) -> StoredImport:
    """Store an import read from ``source`` and attach ``source`` as the evidence of the ledger's
    checklist item — the one operation behind ``import-ledger`` and the import wizard.
    ``sha256``: the file's, when the caller already has it (several sheets of one workbook)."""
    sha = sha256 or file_sha256(source)
    replaced = current_import(ws, result.kind)
    earlier = _imported_hashes(ws, result.kind)  # before the earlier import may be deleted
    import_id = store_import(
        ws, result, sha256=sha, signature=signature, keep_replaced=keep_replaced
    )
    evidence = attach_ledger_file(ws, result, source, sha256=sha, earlier=earlier)
    return StoredImport(import_id, replaced, evidence)


def evidence_item(template: Template, kind: LedgerKind) -> str | None:
    """The key of the checklist item a ledger file is the evidence of (None if the workspace's
    checklist has none)."""
    dep, words = _EVIDENCE_ITEMS[kind]
    for pool in ([i for i in template.items if i.department == dep], list(template.items)):
        for word in words:
            for item in pool:
                if word in item.title.zh:
                    return item.key
    return None


def attach_ledger_file(
    ws: Workspace,
    result: ImportResult,
    source: Path,
    *,
    sha256: str = "",
    earlier: set[str] | None = None,
) -> Evidence | None:
    """Attach the file a ledger was imported from to the ledger's checklist item, covering the
    period of its entries' dates (in the slot of their year when a yearly item's file holds one). A file already attached there is not attached again; one that
    replaces a file imported earlier for this ledger (``earlier``: their SHA-256, default those
    stored now) becomes its new version."""
    item_key = evidence_item(ws.template, result.kind)
    if item_key is None:
        return None
    sha = sha256 or file_sha256(source)
    current = ws.evidence(item_key)
    if any(ev.sha256 == sha for ev in current):
        return None
    if earlier is None:
        earlier = _imported_hashes(ws, result.kind)
    older = next((ev for ev in reversed(current) if ev.sha256 in earlier), None)
    dates = [e.date for e in result.entries if e.date is not None]
    first, last = (min(dates), max(dates)) if dates else (None, None)
    one_year = first is not None and last is not None and first.year == last.year
    yearly = ws.item(item_key).kind is ItemKind.YEARLY
    return ws.attach(
        item_key,
        source,
        slot=f"year:{first.year}" if yearly and one_year and first else "",
        period_start=first,
        period_end=last,
        supersedes=older.id if older is not None else None,
    )


def _imported_hashes(ws: Workspace, kind: LedgerKind) -> set[str]:
    """The SHA-256 of every file imported for ``kind`` that the workspace still knows."""
    with ws.store._read() as conn:
        rows = conn.execute(
            select(s.ledger_imports.c.sha256).where(
                s.ledger_imports.c.kind.in_([kind.value, kind.value + _ASIDE])
            )
        ).scalars()
        return {sha for sha in rows if sha}


def remove_import(ws: Workspace, kind: LedgerKind) -> None:
    with ws.store._write() as conn:
        _set_aside(conn, kind, delete_it=True)
    _bump(ws, IMPORTS_GENERATION)


def current_import(ws: Workspace, kind: LedgerKind) -> int | None:
    """The id of the import in use for a ledger, if any."""
    with ws.store._read() as conn:
        return conn.execute(
            select(s.ledger_imports.c.id).where(s.ledger_imports.c.kind == kind.value)
        ).scalar_one_or_none()


def activate_import(ws: Workspace, kind: LedgerKind, import_id: int | None) -> None:
    """Make a set-aside import of ``kind`` the one in use again (``None``: no import), setting the
    current one aside — how an import is undone and redone. Two small updates, no copying."""
    with ws.store._write() as conn:
        _set_aside(conn, kind, delete_it=False)
        if import_id is not None:
            found = conn.execute(
                s.ledger_imports.update()
                .where(s.ledger_imports.c.id == import_id)
                .where(s.ledger_imports.c.kind == kind.value + _ASIDE)
                .values(kind=kind.value)
            ).rowcount
            if not found:
                raise LookupError(f"import {import_id} of {kind.value} is not set aside")
    _bump(ws, IMPORTS_GENERATION)


def purge_set_aside(ws: Workspace) -> None:
    """Delete the imports set aside for undo (their entries go with them)."""
    aside = s.ledger_imports.c.kind.like("%" + _ASIDE)
    with ws.store._read() as conn:
        if conn.execute(select(s.ledger_imports.c.id).where(aside).limit(1)).first() is None:
            return  # nothing to delete: no write, so a read-only file closes quietly
    with ws.store._write() as conn:
        conn.execute(delete(s.ledger_imports).where(aside))


def _set_aside(conn: Connection, kind: LedgerKind, *, delete_it: bool) -> None:
    which = s.ledger_imports.c.kind == kind.value
    if delete_it:
        conn.execute(delete(s.ledger_imports).where(which))
    else:
        conn.execute(s.ledger_imports.update().where(which).values(kind=kind.value + _ASIDE))


def remembered_mapping(ws: Workspace, signature: str) -> tuple[LedgerKind, dict[str, int]] | None:
    """The column mapping the user confirmed earlier for a sheet with this layout."""
    with ws.store._read() as conn:
        row = conn.execute(
            select(s.column_mappings).where(s.column_mappings.c.signature == signature)
        ).first()
    if row is None:
        return None
    return LedgerKind(row.kind), {k: int(v) for k, v in json.loads(row.mapping).items()}


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


def set_rates(ws: Workspace, rates: RateTable | None) -> None:
    with ws.store._write() as conn:
        conn.execute(delete(s.rates))
        if rates is not None:
            for key, amount in rates.to_dict().items():
                conn.execute(insert(s.rates).values(ip_type=key, amount=amount))
    _bump(ws)


def get_rates(ws: Workspace) -> RateTable | None:
    """The stored rates; a rate an older version stored out of range is left out
    (``invalid_ledger_settings`` reports it)."""
    good, _bad = _stored_rates(ws)
    return RateTable.from_dict(good, source="workspace") if good else None


def _stored_rates(ws: Workspace) -> tuple[dict[str, object], list[tuple[str, str, Text]]]:
    with ws.store._read() as conn:
        rows = conn.execute(select(s.rates.c.ip_type, s.rates.c.amount)).all()
    good: dict[str, object] = {}
    bad: list[tuple[str, str, Text]] = []
    for key, amount in rows:
        try:
            RateTable.from_dict({key: amount}, source="workspace")
        except RateTableError:
            reason = validation.RATE.problem(amount) if isinstance(amount, Decimal) else None
            bad.append(
                (f"rate.{key}", str(amount)[:64], reason or Text("不是数字", "is not a number"))
            )
        else:
            good[key] = amount
    return good, bad


def set_window_days(ws: Workspace, days: int) -> None:
    """Store the booking window (0–3650 days, ``validation.WINDOW_DAYS``; else InvalidValue)."""
    ws.store.set_setting(WINDOW_DAYS, str(validation.check_window_days(days)))
    _bump(ws)


def window_days(ws: Workspace) -> int:
    """The booking window; the default when what is stored breaks the rule (an older version's
    value, reported by ``invalid_ledger_settings``)."""
    days, _bad = _stored_window_days(ws)
    return days


def _stored_window_days(ws: Workspace) -> tuple[int, str | None]:
    raw = ws.store.get_setting(WINDOW_DAYS, "")
    if not raw:
        return DEFAULT_WINDOW_DAYS, None
    try:
        return validation.check_window_days(Decimal(raw)), None
    except (InvalidOperation, validation.InvalidValue):
        return DEFAULT_WINDOW_DAYS, raw[:64]


def invalid_ledger_settings(ws: Workspace) -> list[tuple[str, str, Text]]:
    """(where, raw value, why) of each stored ledger setting that breaks today's rules."""
    bad = list(_stored_rates(ws)[1])
    _days, raw = _stored_window_days(ws)
    if raw is not None:
        reason = validation.WINDOW_DAYS.problem(Decimal(raw)) if _is_number(raw) else None
        bad.append(("window_days", raw, reason or Text("不是数字", "is not a number")))
    return bad


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except InvalidOperation:
        return False
    return True


# --- loading and reconciling -------------------------------------------------------------------

_cache: dict[tuple[str, str], LedgerBook] = {}
_cache_lock = threading.Lock()


def load_book(ws: Workspace) -> LedgerBook:
    """The workspace's ledgers, reconciled (cached until the next ledger change)."""
    key = (str(ws.path.resolve()), ws.store.get_setting(GENERATION, "0"))
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    book = _load(ws)
    with _cache_lock:
        for old in [k for k in _cache if k[0] == key[0]]:
            del _cache[old]
        _cache[key] = book
    return book


def forget(path: Path) -> None:
    """Drop what is kept in memory for the workspace at ``path`` (when it is closed)."""
    key = str(path.resolve())
    with _cache_lock:
        _loaded.pop(key, None)
        for old in [k for k in _cache if k[0] == key]:
            del _cache[old]


def import_records(ws: Workspace) -> list[ImportRecord]:
    """The stored imports alone, without loading or reconciling their entries."""
    with ws.store._read() as conn:
        return _import_records(conn)


def _import_records(conn: Connection) -> list[ImportRecord]:
    return [
        ImportRecord(
            r.id,
            LedgerKind(r.kind),
            r.file_name,
            r.sheet,
            r.header_row,
            r.rows_read,
            r.imported_at,
            {k: int(v) for k, v in json.loads(r.mapping).items()},
        )
        for r in conn.execute(
            select(s.ledger_imports).where(_in_use()).order_by(s.ledger_imports.c.id)
        )
    ]


def _in_use() -> ColumnElement[bool]:
    return s.ledger_imports.c.kind.in_([k.value for k in LedgerKind])


def _of_imports_in_use(table: Table) -> Select:
    """The rows of ``table`` (entries, problems, totals) that belong to imports in use."""
    in_use = select(s.ledger_imports.c.id).where(_in_use())
    return select(table).where(table.c.import_id.in_(in_use)).order_by(table.c.id)


@dataclass(frozen=True, slots=True)
class _Loaded:
    """What the stored imports hold: their entries (also as prepared columns), problems and
    stated totals. It changes only when an import is added, replaced or removed."""

    entries: dict[LedgerKind, list[Entry]]
    columns: dict[LedgerKind, Columns]
    problems: list[Problem]
    totals: list[StatedTotal]


# workspace path -> (identity of its imports, what they hold): a change of rates or window
# reconciles again without reading and preparing the entries again
_loaded: dict[str, tuple[str, _Loaded]] = {}


def _load(ws: Workspace) -> LedgerBook:
    book = LedgerBook()
    path = str(ws.path.resolve())
    identity = ws.store.get_setting(IMPORTS_GENERATION, "0")
    with ws.store._read() as conn:
        book.imports = _import_records(conn)
        with _cache_lock:
            found = _loaded.get(path)
        if found is not None and found[0] == identity:
            loaded = found[1]
        else:
            loaded = _read_imports(conn)
            with _cache_lock:
                _loaded[path] = (identity, loaded)
    book.entries = loaded.entries
    book.problems = loaded.problems
    book.totals = loaded.totals
    book.rates = get_rates(ws)
    if not book.empty:
        info = ws.info()
        cols = loaded.columns
        portfolio = book.entries.get(LedgerKind.PORTFOLIO)
        imported = {i.kind for i in book.imports}

        def ledger(kind: LedgerKind) -> Columns | tuple[()] | None:
            return cols.get(kind, ()) if kind in imported else None  # None: not imported

        book.reconciliation = reconcile(
            ledger(LedgerKind.REWARDS),
            ledger(LedgerKind.PAYMENTS),
            ledger(LedgerKind.EXPENSES),
            totals=book.totals,
            rates=book.rates,
            portfolio=portfolio if portfolio else None,
            window_days=window_days(ws),
            period=(info.period_start, info.period_end),
        )
    return book


def _read_imports(conn: Connection) -> _Loaded:
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
    columns = {
        kind: Columns.prepared(entries[kind])
        for kind in (LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES)
        if kind in entries
    }
    return _Loaded(entries, columns, problems, totals)


# --- findings ----------------------------------------------------------------------------------


def ledger_item_keys(template: Template) -> dict[LedgerKind, tuple[str, str]]:
    """For each ledger, the (department, item key) its findings are filed under."""
    out: dict[LedgerKind, tuple[str, str]] = {}
    for kind, (dep, words) in _LEDGER_ITEMS.items():
        candidates = [i for i in template.items if i.department == dep] or list(template.items)
        chosen = next(
            (i for w in words for i in candidates if w in i.title.zh),
            candidates[0] if candidates else None,
        )
        if chosen is not None:
            out[kind] = (dep, chosen.key)
    return out


def ledger_of(d: Discrepancy, book: LedgerBook) -> LedgerKind:
    files = {
        kind: {e.source.file for e in entries[:1]}
        | {i.file_name for i in book.imports if i.kind is kind}
        for kind, entries in book.entries.items()
    }
    return owning_ledger(d, files)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a discrepancy is filed in a workspace: its ledger, department and checklist item."""

    ledger: LedgerKind
    department: str
    item_key: str


def places(ws: Workspace, book: LedgerBook) -> dict[str, Place]:
    """Discrepancy key → where it is filed (merged departments followed)."""
    if book.reconciliation is None:
        return {}
    owners = ledger_item_keys(ws.template)
    deps = {d.key: d for d in ws.departments()}
    out: dict[str, Place] = {}
    for d in book.reconciliation.discrepancies:
        ledger = ledger_of(d, book)
        dep, item_key = owners.get(ledger, ("finance", ""))
        out[d.key] = Place(ledger, follow_merges(dep, deps), item_key)
    return out


def discrepancy_findings(ws: Workspace) -> list[Finding]:
    book = load_book(ws)
    if book.reconciliation is None:
        return []
    where = places(ws, book)
    grades = rules_of(ws.template).grades  # the table the workspace's other findings use
    out: list[Finding] = []
    for d in book.reconciliation.discrepancies:
        dep, item_key = where[d.key].department, where[d.key].item_key
        out.append(
            Finding(
                code=f"ledger.{d.kind.value}",
                grade=suggest_grade(d, grades),
                department=dep,
                item_key=item_key,
                message=Text(d.message_zh, d.message_en),
                refs=tuple(str(r) for r in d.rows),
                key=d.key,
            )
        )
    return out


def derived_facts(ws: Workspace) -> dict[str, Declared]:
    """The official answers of the finance questions bound to the reconciliation
    (``ledger.totals``, ``ledger.differences``): the audit period's totals and the discrepancies
    not accepted with an explanation; nothing before the three ledgers are imported."""
    book = load_book(ws)
    if book.reconciliation is None:
        return {}
    return ledger_facts(figures(book.reconciliation, ws.store.acceptances().keys()))


def explanations(ws: Workspace, discrepancies: Iterable[Discrepancy]) -> dict[str, str]:
    accepted = ws.store.acceptances()
    return {d.key: accepted[d.key] for d in discrepancies if d.key in accepted}
