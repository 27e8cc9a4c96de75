"""The finance ledgers inside a workspace: imports stored, reconciled, and turned into findings.

Importing a ledger replaces the earlier import of the same ledger; explanations accepted for a
discrepancy stay attached to its stable key and apply again when the same discrepancy reappears.
Discrepancies become findings of 财务部 (payments, expenses, totals) and 行政人事部 (reward decisions,
rates, portfolio), so they count in those departments' readiness.

An imported ledger is itself the record its checklist item asks for (《知识产权奖惩记录表》,
《知识产权奖金发放登记表》, 《知识产权经费使用记录》, the IP register): ``import_ledger`` — the one
import behind the command line, the wizard and the demo — reads the file, stores the import and
attaches the source file, with its SHA-256 and the period its entries cover, as the evidence of
that item; importing a new file of the same ledger attaches it as a new version. ``undo_import``
takes an import back, as the GUI's Undo and ``undo-import`` do.

Storage is the store's ``LedgerStore`` (every SQL statement lives there); what is loaded stays in
the open workspace's ``LedgerCache``.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from ipaudit.domain import validation
from ipaudit.domain.checks import follow_merges
from ipaudit.domain.facts import Declared, ledger_facts
from ipaudit.domain.model import Evidence, Finding, ItemKind, Template, Text
from ipaudit.domain.rules import rules_of
from ipaudit.ledger.model import (
    Discrepancy,
    Entry,
    ImportResult,
    LedgerKind,
    Problem,
    StatedTotal,
)
from ipaudit.ledger.rates import RateTable, RateTableError
from ipaudit.store.errors import InvalidInput
from ipaudit.store.ledger_store import (
    GENERATION,
    IMPORTS_GENERATION,
    WINDOW_DAYS,
    ImportRecord,
    LedgerStore,
    StoredLedgers,
    UnusedColumn,
)

if TYPE_CHECKING:
    # the reconciliation and its figures load when the ledgers are first reconciled (in the
    # checks' worker), not when a workspace opens
    from ipaudit.ledger.columns import Columns
    from ipaudit.ledger.importer import Cancel as CancelCheck
    from ipaudit.ledger.importer import (
        Progress,  # (done, total): total None for a csv file
        SkippedSheet,
    )
    from ipaudit.ledger.reconcile import Reconciliation
    from ipaudit.ledger.sources import ColumnMap
    from ipaudit.services import Workspace

__all__ = [  # the store's types the services hand out
    "GENERATION",
    "IMPORTS_GENERATION",
    "WINDOW_DAYS",
    "ImportRecord",
    "UnusedColumn",
]

DEFAULT_WINDOW_DAYS = 15

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


@dataclass(frozen=True, slots=True)
class _Loaded:
    """What the stored imports hold: their entries (also as prepared columns), problems and
    stated totals. It changes only when an import is added, replaced or removed."""

    entries: dict[LedgerKind, list[Entry]]
    columns: dict[LedgerKind, Columns]
    problems: list[Problem]
    totals: list[StatedTotal]


def _repo(ws: Workspace) -> LedgerStore:
    return ws.ledger_store


def _changed(ws: Workspace, *, imports: bool = False) -> None:
    _repo(ws).mark_changed(imports=imports)
    ws.changed()


def generation(ws: Workspace) -> str:
    """Changes whenever the ledgers change (imports, rates, window): what a view compares to
    know whether to load the book again."""
    return _repo(ws).generation()


# --- reading files -------------------------------------------------------------------------------


def file_sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


@dataclass(frozen=True, slots=True)
class SheetRead:
    """One sheet read as a ledger, from ``source``; ``signature``: the header layout its mapping
    is remembered under when stored ("" when the mapping was detected, not set by the user)."""

    result: ImportResult
    source: Path
    signature: str = ""


@dataclass(slots=True)
class LedgerRead:
    """What ``read_ledgers`` read: the sheets read as ledgers and the sheets skipped, with why.
    Nothing is stored yet."""

    sheets: list[SheetRead] = field(default_factory=list)
    skipped: list[tuple[str, SkippedSheet]] = field(default_factory=list)

    @property
    def results(self) -> list[ImportResult]:
        return [s.result for s in self.sheets]


def remembered_mapping(ws: Workspace, signature: str) -> tuple[LedgerKind, dict[str, int]] | None:
    """The column mapping the user confirmed earlier for a sheet with this layout."""
    return _repo(ws).remembered_mapping(signature)


def read_ledgers(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    kind: LedgerKind | None = None,
    sheet: str | None = None,
    all_sheets: bool = False,
    maps: Sequence[ColumnMap] = (),
    header_row: int | None = None,
    mapping: dict[str, int] | None = None,
    unit: Decimal | None = None,
    signature: str = "",
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> LedgerRead:
    """Read ledger files the way every import does — the first half of ``import_ledger``.

    * ``mapping`` (the columns the user confirmed, with ``kind``, ``sheet``, ``header_row`` and
      ``unit``): that sheet of ``paths[0]`` read with it; stored, it is remembered under
      ``signature``.
    * several files, ``all_sheets``, or a workbook of several sheets with no ``sheet`` named:
      every sheet read as the ledger its content shows (``ledger.sources.import_sources``),
      only those read as ``kind`` kept when it is given;
    * else the one sheet, its columns detected.

    A mapping the user confirmed earlier for a sheet's header layout is used; ``maps`` (the
    ``--map`` options) set some columns and are remembered, as is a ``header_row`` given.
    """
    # (the readers load on first use: opening a workspace does not wait for them)
    from ipaudit.ledger import importer
    from ipaudit.ledger.reader import list_sheets
    from ipaudit.ledger.sources import check_maps_used, import_sources, overrides_for

    repo = _repo(ws)

    def remembered(sig: str) -> tuple[LedgerKind, dict[str, int]] | None:
        return repo.remembered_mapping(sig)

    path = paths[0]
    if mapping is not None:
        result = importer.import_ledger(
            path,
            kind,
            sheet,
            mapping,
            header_row=header_row,
            unit=unit,
            progress=progress,
            cancel=cancel,
        )
        return LedgerRead([SheetRead(result, path, signature)])

    def chosen(result: ImportResult, source: Path) -> SheetRead:
        name = result.sheet or source.stem  # (a csv file's one sheet is named after it)
        mapped = any(m.applies(source, name, result.kind) for m in maps)
        return SheetRead(result, source, result.signature if mapped or header_row else "")

    names = [] if len(paths) > 1 or all_sheets else list_sheets(path)
    if len(paths) > 1 or all_sheets or (sheet is None and len(names) > 1):
        found = import_sources(
            list(paths),
            maps=list(maps),
            remembered=remembered,
            wanted=(),
            progress=progress,
            cancel=cancel,
        )
        by_name = {p.name: p for p in paths}
        read = LedgerRead(
            [chosen(r, by_name.get(r.file, path)) for r in found.results], list(found.skipped)
        )
        if kind is not None and read.sheets:  # only the sheets read as the ledger asked for
            _keep_kind(read, kind, path)
        return read
    check_maps_used(maps, [(path, n) for n in names])
    name = sheet or (names[0] if names else "")
    result = importer.import_ledger(
        path,
        kind,
        sheet,
        overrides=(lambda k: overrides_for(maps, path, name, k)) if maps else None,
        remembered=remembered,
        header_row=header_row,
        progress=progress,
        cancel=cancel,
    )
    return LedgerRead([chosen(result, path)])


def _keep_kind(read: LedgerRead, kind: LedgerKind, path: Path) -> None:
    from ipaudit.ledger.importer import SkippedSheet

    others = [s for s in read.sheets if s.result.kind is not kind]
    read.sheets = [s for s in read.sheets if s.result.kind is kind]
    if not read.sheets:
        raise InvalidInput(
            f"{path.name} 中没有读作 {kind.value} 的工作表；请用 --sheet 指定",
            f"No sheet of {path.name} reads as {kind.value}; name it with --sheet",
        )
    read.skipped += [
        (
            s.result.file,
            SkippedSheet(
                s.result.sheet,
                f"读作 {s.result.kind.value}，不是 --kind 指定的台账",
                f"read as {s.result.kind.value}, not the ledger --kind asks for",
            ),
        )
        for s in others
    ]


# --- storing imports -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredImport:
    """What storing an import did: the import stored, the one it replaced (set aside or
    deleted), and the evidence attached for the ledger's checklist item (None when already
    attached, or not asked for)."""

    import_id: int
    replaced: int | None
    evidence: Evidence | None


@dataclass(frozen=True, slots=True)
class ImportedLedgers:
    """What ``import_ledger`` read and stored, sheet by sheet."""

    read: LedgerRead
    stored: list[StoredImport]


def store_ledgers(
    ws: Workspace,
    read: LedgerRead,
    *,
    keep_replaced: bool = False,
    as_evidence: bool = True,
) -> list[StoredImport]:
    """Store what ``read_ledgers`` read — the second half of ``import_ledger``: each sheet
    replaces the earlier import of its ledger (set aside for undo when ``keep_replaced``), its
    mapping is remembered when the user set it, and its file is attached as the evidence of the
    ledger's checklist item (unless not ``as_evidence``). A file is hashed once for all its
    sheets."""
    hashes: dict[Path, str] = {}
    stored: list[StoredImport] = []
    for sheet in read.sheets:
        if sheet.source not in hashes:
            hashes[sheet.source] = file_sha256(sheet.source)
        stored.append(
            import_file(
                ws,
                sheet.result,
                sheet.source,
                signature=sheet.signature,
                keep_replaced=keep_replaced,
                sha256=hashes[sheet.source],
                as_evidence=as_evidence,
            )
        )
    return stored


def import_ledger(
    ws: Workspace,
    paths: Sequence[Path],
    *,
    kind: LedgerKind | None = None,
    sheet: str | None = None,
    all_sheets: bool = False,
    maps: Sequence[ColumnMap] = (),
    header_row: int | None = None,
    keep_replaced: bool = False,
    as_evidence: bool = True,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> ImportedLedgers:
    """Import ledger files into the workspace: read them (``read_ledgers``: the options are
    its), then store every sheet read and attach its file as evidence (``store_ledgers``) — the
    one operation behind ``import-ledger``, the import wizard (which reads and stores in two
    steps, the user checking what was read in between) and the demo."""
    read = read_ledgers(
        ws,
        paths,
        kind=kind,
        sheet=sheet,
        all_sheets=all_sheets,
        maps=maps,
        header_row=header_row,
        progress=progress,
        cancel=cancel,
    )
    return ImportedLedgers(
        read, store_ledgers(ws, read, keep_replaced=keep_replaced, as_evidence=as_evidence)
    )


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
    import_id = _repo(ws).save_import(
        result, sha256=sha256, signature=signature, keep_replaced=keep_replaced
    )
    _changed(ws, imports=True)
    return import_id


def import_file(
    ws: Workspace,
    result: ImportResult,
    source: Path,
    *,
    signature: str = "",
    keep_replaced: bool = False,
    sha256: str = "",
    as_evidence: bool = True,
) -> StoredImport:
    """Store an import read from ``source`` and attach ``source`` as the evidence of the ledger's
    checklist item. ``sha256``: the file's, when the caller already has it (several sheets of one
    workbook)."""
    repo = _repo(ws)
    sha = sha256 or file_sha256(source)
    replaced = repo.current_import(result.kind)
    earlier = repo.imported_hashes(result.kind)  # before the earlier import may be deleted
    import_id = store_import(
        ws, result, sha256=sha, signature=signature, keep_replaced=keep_replaced
    )
    evidence = None
    if as_evidence:
        evidence = attach_ledger_file(ws, result, source, sha256=sha, earlier=earlier)
        if evidence is not None:
            repo.set_import_evidence(import_id, evidence.id)
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
        earlier = _repo(ws).imported_hashes(result.kind)
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


# --- undoing an import ---------------------------------------------------------------------------


def undo_import(
    ws: Workspace, kind: LedgerKind, imported: StoredImport | None = None
) -> StoredImport:
    """Undo an import of ``kind``: it stops being used (set aside until the workspace is closed,
    so ``redo_import`` can bring it back), the import it replaced is used again when it is still
    kept (an import replaced in an earlier session was deleted when that session closed: the
    ledger is then not imported), and the file it attached as evidence is taken off its item
    (its earlier version becomes current again).

    ``imported``: what storing it returned (the GUI's undo step); default the import in use now.
    Returns what was undone. InvalidInput when the ledger has no import; LookupError when the
    import ``imported`` replaced is gone (replaced meanwhile by another program)."""
    repo = _repo(ws)
    if imported is None:
        current = repo.current_import(kind)
        record = repo.import_record(current) if current is not None else None
        if current is None or record is None:
            raise InvalidInput(
                f"尚未导入{kind.value}台账，没有可撤销的导入。",
                f"No {kind.value} ledger is imported; there is no import to undo.",
                ws.path,
            )
        evidence = None
        if record.evidence_id is not None:
            found = [e for e in ws.evidence(include_old=True) if e.id == record.evidence_id]
            evidence = found[0] if found else None
        replaced = record.replaced_id
        if replaced is not None:
            earlier = repo.import_record(replaced)
            if earlier is None or earlier.in_use:  # deleted when its session closed
                replaced = None
        imported = StoredImport(current, replaced, evidence)
    if imported.evidence is not None:
        ws.remove_evidence(imported.evidence.id)
    try:
        repo.activate_import(kind, imported.replaced)
    finally:
        _changed(ws, imports=True)
    return imported


def redo_import(ws: Workspace, kind: LedgerKind, imported: StoredImport) -> None:
    """Use an undone import again (and its evidence): the other half of ``undo_import``."""
    if imported.evidence is not None:
        ws.restore_evidence(imported.evidence.id)
    try:
        _repo(ws).activate_import(kind, imported.import_id)
    finally:
        _changed(ws, imports=True)


def remove_import(ws: Workspace, kind: LedgerKind) -> None:
    _repo(ws).remove_import(kind)
    _changed(ws, imports=True)


def current_import(ws: Workspace, kind: LedgerKind) -> int | None:
    """The id of the import in use for a ledger, if any."""
    return _repo(ws).current_import(kind)


def activate_import(ws: Workspace, kind: LedgerKind, import_id: int | None) -> None:
    """Make a set-aside import of ``kind`` the one in use again (``None``: no import), setting the
    current one aside — how an import is undone and redone. Two small updates, no copying."""
    try:
        _repo(ws).activate_import(kind, import_id)
    finally:
        _changed(ws, imports=True)


def purge_set_aside(ws: Workspace) -> None:
    """Delete the imports set aside for undo (their entries go with them)."""
    _repo(ws).purge_set_aside()


# --- rates and the booking window ----------------------------------------------------------------


class NoBase(enum.Enum):
    """``set_rates`` without a base: the rates given replace the stored ones."""

    NO_BASE = "no base"


NO_BASE = NoBase.NO_BASE


def set_rates(
    ws: Workspace, rates: RateTable | None, *, base: RateTable | NoBase | None = NO_BASE
) -> None:
    """Store the reward rates. ``base``: the rates the edit started from (None: there were
    none) — only the rates changed from it are applied to the rates as stored now; a rate
    someone else changed differently meanwhile raises EditConflict. Without it: replace them."""
    start = None if isinstance(base, NoBase) else (base.to_dict() if base is not None else {})
    _repo(ws).set_rates(rates.to_dict() if rates is not None else None, base=start)
    _changed(ws)


def get_rates(ws: Workspace) -> RateTable | None:
    """The stored rates; a rate an older version stored out of range is left out
    (``invalid_ledger_settings`` reports it)."""
    good, _bad = _stored_rates(ws)
    return RateTable.from_dict(good, source="workspace") if good else None


def _stored_rates(ws: Workspace) -> tuple[dict[str, object], list[tuple[str, str, Text]]]:
    good: dict[str, object] = {}
    bad: list[tuple[str, str, Text]] = []
    for key, amount in _repo(ws).rates():
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
    _repo(ws).set_window_days(validation.check_window_days(days))
    _changed(ws)


def window_days(ws: Workspace) -> int:
    """The booking window; the default when what is stored breaks the rule (an older version's
    value, reported by ``invalid_ledger_settings``)."""
    days, _bad = _stored_window_days(ws)
    return days


def _stored_window_days(ws: Workspace) -> tuple[int, str | None]:
    raw = _repo(ws).window_days()
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


# --- loading and reconciling ---------------------------------------------------------------------


def load_book(ws: Workspace) -> LedgerBook:
    """The workspace's ledgers, reconciled (kept by the workspace until the next ledger
    change)."""
    key = _repo(ws).generation()
    book = ws.ledger_cache.book(key)
    if book is None:
        book = _load(ws)
        ws.ledger_cache.keep_book(key, book)
    return book


def import_records(ws: Workspace) -> list[ImportRecord]:
    """The stored imports alone, without loading or reconciling their entries."""
    return _repo(ws).imports()


def _prepared(stored: StoredLedgers) -> _Loaded:
    from ipaudit.ledger.columns import Columns

    entries = stored.entries
    columns: dict[LedgerKind, Columns] = {
        kind: Columns.prepared(entries[kind])
        for kind in (LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES)
        if kind in entries
    }
    return _Loaded(entries, columns, stored.problems, stored.totals)


def _load(ws: Workspace) -> LedgerBook:
    from ipaudit.ledger.reconcile import reconcile

    book = LedgerBook()
    repo, cache = _repo(ws), ws.ledger_cache
    identity = repo.imports_generation()
    loaded = cache.loaded(identity)
    book.imports, stored = repo.imports_with_contents(contents=loaded is None)
    if stored is not None:
        loaded = _prepared(stored)
        cache.keep_loaded(identity, loaded)
    assert loaded is not None
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
    from ipaudit.ledger.discrepancies import owning_ledger

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
    from ipaudit.ledger.discrepancies import suggest_grade

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
                message=d.text,
                refs=tuple(str(r) for r in d.rows),
                key=d.key,
            )
        )
    return out


def derived_facts(ws: Workspace) -> dict[str, Declared]:
    """The official answers of the finance questions bound to the reconciliation
    (``ledger.totals``, ``ledger.differences``): the audit period's totals and the discrepancies
    not accepted with an explanation; nothing before the three ledgers are imported."""
    from ipaudit.ledger.figures import figures

    book = load_book(ws)
    if book.reconciliation is None:
        return {}
    return ledger_facts(figures(book.reconciliation, _repo(ws).acceptances().keys()))


def explanations(ws: Workspace, discrepancies: Iterable[Discrepancy]) -> dict[str, str]:
    accepted = _repo(ws).acceptances()
    return {d.key: accepted[d.key] for d in discrepancies if d.key in accepted}
