"""Importing a ledger or the IP portfolio: every data row becomes an entry or a problem.

``import_ledger`` reads one sheet: it finds the header and reads each column by its header and
its values (``layout``), or takes the caller's mapping or the columns it overrides, skips title and
unit rows, normalises each row into an ``Entry`` and reports each cell it cannot read as a
``Problem`` with sheet, row, column header, raw text and reason. The result lists the columns not
used (with what they look like), the warnings, the mapping's confidence and where every row of the
sheet went (``RowCounts``). Blank rows are skipped;
小计/合计/总计 rows are never entries — they are checked against the rows they cover and returned
as ``StatedTotal``s; signature and note lines after the total (制表人, 审核 …) are skipped.

A row is either an entry or one or more problems, never both: a row whose date, amount or name
cannot be read is not guessed at. Rewards keep the amount positive and mark penalties; payments and
expenses keep the amount's sign (a reversal stays negative).

Rows are converted in blocks of ``_STEP`` rows, column by column (``_make_bulk``): a column whose
cells are all already in normal form (plain names, codes, IP numbers, date cells) is taken as it
is after one check over the whole block, other cells are normalised once per distinct value, and
the entries are built in one pass. A row that conversion cannot settle on its own — a label or
total, a blank or short row, anything that may be a problem — goes through the row path
(``_make_convert``) in its place, so entries, problems and totals are those of the rows one by
one, in sheet order. Sheets with merged cells, accounting exports and the portfolio take the row
path throughout. No per-row dicts are built.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, islice, repeat
from operator import is_, lt
from pathlib import Path
from typing import cast

from ipaudit.ledger import normalize as nz
from ipaudit.ledger.accounting import RunningBalance
from ipaudit.ledger.cells import Cell, cell_text
from ipaudit.ledger.columns import collector_paused
from ipaudit.ledger.content import SAMPLE_ROWS, find_ip_number
from ipaudit.ledger.errors import (
    EmptyFile,
    HeaderNotFound,
    ImportCancelled,
    LedgerError,
    LedgerKindUnknown,
    MappingInvalid,
)
from ipaudit.ledger.layout import (
    FIELD_NAMES,
    SCAN_ROWS,
    Layout,
    detect_layout,
    detect_unit,
    layout_signature,
    unused_warning,
)
from ipaudit.ledger.model import (
    ColumnNote,
    Entry,
    ImportResult,
    LedgerKind,
    Problem,
    RowCounts,
    SourceRef,
    StatedTotal,
    column_letter,
)
from ipaudit.ledger.normalize import is_reward_category
from ipaudit.ledger.reader import SheetData, Workbook, open_sheet
from ipaudit.ledger.synonyms import FIELDS, Synonyms, header_key, load_synonyms
from ipaudit.text import counted

Progress = Callable[[int, "int | None"], None]
Cancel = Callable[[], bool]

_STEP = 2048  # rows between progress reports and cancel checks
_NONE = 1 << 30  # the column index of an unmapped field: beyond every row
_DATE = dt.date
_DATETIME = dt.datetime
_ZERO = Decimal("0.00")
# the fields the fast constructors below set, in Entry's and SourceRef's order
_ENTRY_FIELDS = (
    "kind",
    "source",
    "date",
    "person",
    "department",
    "ip_number",
    "amount",
    "is_penalty",
    "voucher",
    "category",
    "text",
    "status",
    "granted",
    "inventors",
)
_SOURCE_FIELDS = ("file", "sheet", "row")


def _fast_constructors() -> tuple[Callable[..., Entry], Callable[[str, str, int], SourceRef]]:
    """Constructors of Entry and SourceRef that fill the slots directly.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, which is
    most of the cost of an import row. Here a plain class with the same slots is filled by its
    own ``__init__`` (plain attribute stores) and then becomes the model class: the same objects
    (equal, same hash, frozen) in a third of the time. They rely on the model having exactly
    these fields, as slots, without ``__post_init__``; a model that differs stops the import
    module from loading.
    """
    entry_fields = dataclasses.fields(Entry)
    source_fields = dataclasses.fields(SourceRef)
    if (
        tuple(f.name for f in entry_fields) != _ENTRY_FIELDS
        or tuple(f.name for f in source_fields) != _SOURCE_FIELDS
        or Entry.__slots__ != _ENTRY_FIELDS
        or SourceRef.__slots__ != _SOURCE_FIELDS
        or any(hasattr(cls, "__post_init__") for cls in (Entry, SourceRef))
    ):
        raise TypeError("Entry or SourceRef changed: update the importer's fast constructors")
    defaults = {f.name: f.default for f in entry_fields}
    d_status, d_granted, d_inventors = (
        defaults["status"],
        defaults["granted"],
        defaults["inventors"],
    )

    class EntryShape:
        __slots__ = _ENTRY_FIELDS

        def __init__(
            self,
            kind: LedgerKind,
            source: SourceRef,
            date: dt.date | None,
            person: str,
            department: str,
            ip_number: str,
            amount: Decimal,
            is_penalty: bool,
            voucher: str,
            category: str,
            text: str,
        ) -> None:
            self.kind = kind
            self.source = source
            self.date = date
            self.person = person
            self.department = department
            self.ip_number = ip_number
            self.amount = amount
            self.is_penalty = is_penalty
            self.voucher = voucher
            self.category = category
            self.text = text
            self.status = d_status
            self.granted = d_granted
            self.inventors = d_inventors
            self.__class__ = Entry  # type: ignore[assignment]  # same slots: the layouts agree

    class SourceShape:
        __slots__ = _SOURCE_FIELDS

        def __init__(self, file: str, sheet: str, row: int) -> None:
            self.file = file
            self.sheet = sheet
            self.row = row
            self.__class__ = SourceRef  # type: ignore[assignment]

    return EntryShape, SourceShape  # type: ignore[return-value]


_FAST = _fast_constructors()
MAKE_ENTRY, MAKE_SOURCE = _FAST

FIELD_LABELS = FIELD_NAMES


@dataclass(frozen=True, slots=True)
class Preview:
    """What the import wizard shows before importing: the first rows and the detected layout."""

    file: str
    sheet: str
    rows: tuple[tuple[Cell, ...], ...]  # spreadsheet rows from row 1
    layout: Layout
    total_rows: int | None


def preview(
    path: str | Path,
    sheet: str | None = None,
    *,
    kind: LedgerKind | None = None,
    rows: int = 30,
    synonyms: Synonyms | None = None,
) -> Preview:
    """The first ``rows`` rows of a sheet and the layout detected in them (the values of up to
    ``content.SAMPLE_ROWS`` rows are read to judge the columns)."""
    p = Path(path)
    data = open_sheet(p, sheet)
    head = tuple(tuple(r) for r in islice(data.rows(), max(rows, SAMPLE_ROWS)))
    layout = detect_layout(
        head, kind=kind, names=(data.name, p.stem), synonyms=synonyms, merged=data.merged
    )
    return Preview(str(p), data.name, head[:rows], layout, data.total_rows)


#: the remembered mapping of a header layout (by ``layout_signature``): (ledger, field -> column)
Remembered = Callable[[str], "tuple[LedgerKind, dict[str, int]] | None"]


@dataclass(frozen=True, slots=True)
class SkippedSheet:
    """A sheet of a workbook that holds no ledger, and why."""

    sheet: str
    reason_zh: str
    reason_en: str

    def reason(self, lang: str) -> str:
        return self.reason_en if lang.startswith("en") else self.reason_zh


def import_workbook(
    path: str | Path,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    synonyms: Synonyms | None = None,
) -> list[ImportResult]:
    """Every sheet of a workbook that holds a recognisable ledger, each imported on its own
    (``sources.import_sources`` for one file, without column maps). Sheets without a ledger
    (notes, pivot tables, empty sheets) are left out; when no sheet holds a ledger
    ``HeaderNotFound`` is raised. ``progress`` counts sheets."""
    from ipaudit.ledger.sources import import_sources

    p = Path(path)
    found = import_sources(
        [p], wanted=(), progress=progress, cancel=cancel, synonyms=synonyms
    ).results
    if not found:
        raise HeaderNotFound(p, "", SCAN_ROWS)
    return found


def assign_kinds(
    found: Sequence[tuple[LedgerKind | None, tuple[LedgerKind, ...]]],
    wanted: Sequence[LedgerKind],
) -> list[LedgerKind]:
    """One ledger kind per sheet, whatever order the sheets come in: ``found`` holds each
    sheet's detected kind and the kinds that fit it as well; each sheet keeps its kind, or takes
    one of the others, so that every ``wanted`` kind is taken once. Where the content cannot
    tell, the sheets are taken in the order of ``wanted``."""
    from itertools import permutations

    best: tuple[int, tuple[LedgerKind, ...]] | None = None
    for perm in permutations(wanted, len(found)):
        score = 0
        for (kind, alternatives), k in zip(found, perm, strict=True):
            score += 2 if kind is k else 1 if k in alternatives else -10
        if best is None or score > best[0]:
            best = (score, perm)
    if best is None or best[0] < 0:
        return list(wanted[: len(found)])
    return list(best[1])


def import_ledger(
    path: str | Path,
    kind: LedgerKind | None = None,
    sheet: str | None = None,
    mapping: dict[str, int] | None = None,
    *,
    overrides: dict[str, int] | Callable[[LedgerKind], dict[str, int] | None] | None = None,
    remembered: Remembered | None = None,
    header_row: int | None = None,
    unit: Decimal | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    synonyms: Synonyms | None = None,
    workbook: Workbook | None = None,
) -> ImportResult:
    """Import one sheet (default: the first) of a ledger or portfolio file (``workbook``: the
    file already opened, when several of its sheets are imported).

    ``kind`` — which ledger (detected from headers, values and names when None). ``mapping`` —
    the whole mapping, field -> 0-based column, as the wizard's mapping control gives it (fields:
    ``synonyms.FIELDS``). ``overrides`` — only some fields, set over the detected mapping (a
    column given to a field is taken from the field detected there; ``-1`` leaves a field out),
    or a function giving them for the ledger the sheet is read as.
    ``remembered`` — the mapping confirmed earlier for this header layout, used when neither is
    given. ``header_row`` (1-based) and ``unit`` override the detected ones.
    ``progress(done, total)`` is called every few thousand rows (total None for csv);
    ``cancel()`` returning True stops with ``ImportCancelled``. Raises ``LedgerError``
    subclasses for files that cannot be imported.
    """
    p = Path(path)
    syn = synonyms or load_synonyms()
    data = workbook.sheet(sheet) if workbook is not None else open_sheet(p, sheet)
    rows = data.rows()
    head = list(islice(rows, SAMPLE_ROWS))
    if not any(any(c not in (None, "") for c in r) for r in head[:SCAN_ROWS]):
        if next(iter(head[SCAN_ROWS:]), None) is None and next(rows, None) is None:
            raise EmptyFile(p, data.name or p.name)
        raise HeaderNotFound(p, data.name, SCAN_ROWS)
    detected = detect_layout(
        head, kind=kind, names=(data.name, p.stem), synonyms=syn, merged=data.merged
    )
    if callable(overrides):
        read_as = kind or detected.kind
        overrides = overrides(read_as) if read_as is not None else None
    if mapping is None and overrides is None and remembered is not None and detected.signature:
        known = remembered(detected.signature)
        if known is not None and (kind is None or known[0] is kind):
            kind, mapping = known
    layout = _settle_layout(p, data, head, detected, kind, mapping, overrides, header_row, syn)
    if unit is not None:
        layout = dataclasses.replace(layout, unit=unit)
    assert layout.kind is not None
    result = ImportResult(
        kind=layout.kind,
        file=p.name,
        sheet=data.name,
        header_row=layout.header_row,
        mapping=dict(layout.mapping),
        unit=layout.unit,
        confidence=layout.confidence,
        field_confidence=dict(layout.field_confidence),
        headers=layout.headers,
        unused_columns=list(layout.unused),
        warnings=list(layout.warnings),
        signature=layout.signature,
        alternatives=detected.alternatives if kind is None and mapping is None else (),
    )
    # rows after the header: what is left of the head, then the rest of the sheet
    body: Iterator[Sequence[Cell]] = chain(head[layout.header_row :], rows)
    if data.merged:
        body = _fill_merged(body, data.merged, layout)
    # an import creates a few objects per row that all live on and hold no cycles: the collector
    # would walk the growing heap again and again (a third of the import time at 100,000 rows)
    with collector_paused():
        _RowConverter(result, layout, syn, data).run(
            body, layout.header_row + 1, data.total_rows, progress, cancel, p
        )
    return result


def _settle_layout(
    path: Path,
    data: SheetData,
    head: list[Sequence[Cell]],
    layout: Layout,
    kind: LedgerKind | None,
    mapping: dict[str, int] | None,
    overrides: dict[str, int] | None,
    header_row: int | None,
    syn: Synonyms,
) -> Layout:
    """The layout to import with: the detected one, or the caller's mapping checked against it."""
    if mapping is None and overrides is None and header_row is None:
        if not layout.mapping:
            raise HeaderNotFound(path, data.name, SCAN_ROWS)
        if layout.kind is None:
            raise LedgerKindUnknown(path, data.name)
        if layout.missing:
            labels_zh, labels_en = _field_labels(layout.missing)
            raise MappingInvalid(
                path,
                data.name,
                f"表头中没有找到必需的列：{labels_zh}",
                f"the header has no column for: {labels_en}",
            )
        return layout
    row = header_row if header_row is not None else layout.header_row
    if not 0 <= row <= min(len(head), SCAN_ROWS):
        raise MappingInvalid(
            path,
            data.name,
            f"表头行 {row} 不在前 {min(len(head), SCAN_ROWS)} 行内",
            f"header row {row} is not among the first {counted(min(len(head), SCAN_ROWS), 'row')}",
        )
    header: Sequence[Cell] = head[row - 1] if row >= 1 else ()
    the_kind = kind or layout.kind
    if the_kind is None:
        raise LedgerKindUnknown(path, data.name)
    given = set(mapping) if mapping is not None else set(overrides or {})
    if row != layout.header_row or the_kind is not layout.kind:
        layout = detect_layout(
            head, kind=the_kind, synonyms=syn, merged=data.merged, header_row=row
        )
    if mapping is None:
        mapping = dict(layout.mapping)
        for name, column in (overrides or {}).items():
            mapping.pop(name, None)
            if column >= 0:
                for other in [f for f, c in mapping.items() if c == column]:
                    del mapping[other]
                mapping[name] = column
    explicit = given
    spec = syn.kinds[the_kind]
    width = max(len(header), data.columns, max((len(r) for r in head), default=0), 1)
    for name, column in mapping.items():
        if name not in FIELDS:
            raise MappingInvalid(path, data.name, f"未知字段 {name}", f"unknown field {name}")
        if not isinstance(column, int) or column < 0 or column >= width:
            where = column_letter(column) if isinstance(column, int) and column >= 0 else column
            raise MappingInvalid(
                path,
                data.name,
                f"字段 {name} 指向不存在的列 {where}",
                f"field {name} points to a column that does not exist ({where})",
            )
    columns = list(mapping.values())
    if len(columns) != len(set(columns)):
        raise MappingInvalid(
            path, data.name, "同一列被指定给了多个字段", "one column is mapped to several fields"
        )
    missing = tuple(f for f in spec.required if f not in mapping)
    if missing:
        labels_zh, labels_en = _field_labels(missing)
        raise MappingInvalid(
            path, data.name, f"缺少必需的列：{labels_zh}", f"required columns missing: {labels_en}"
        )
    headers = tuple(cell_text(c).strip() for c in header)
    headers += ("",) * max(0, width - len(headers))
    confidence = {
        f: (1.0 if f in explicit else layout.field_confidence.get(f, 1.0)) for f in mapping
    }
    used = set(mapping.values())
    ip_text_columns = () if "ip_number" in mapping else layout.ip_text_columns
    extra = {layout.credit_column, layout.balance_column, layout.direction_column}
    extra.add(layout.penalty_column)
    keep = {c for c in (*extra, *ip_text_columns) if c is not None and c not in used}
    unused = _unused_after(layout, used | keep, headers)
    explicit_cols = {mapping[f] for f in explicit if f in mapping}
    detected_cols = set(layout.mapping.values())
    warnings = [
        w
        for w in layout.warnings
        if w.column not in explicit_cols
        and not (w.column not in detected_cols and (w.column in used or w.looks_like in mapping))
    ]
    warned = {w.column for w in warnings}
    for note in unused:  # a column the detection used and the caller's mapping left out
        if (
            note.column in detected_cols
            and note.column not in warned
            and note.looks_like not in mapping
            and (warning := unused_warning(note))
        ):
            warnings.append(warning)
    return Layout(
        kind=the_kind,
        header_row=row,
        mapping=dict(sorted(mapping.items(), key=lambda item: item[1])),
        headers=headers,
        confidence=round(sum(confidence.values()) / len(confidence) if confidence else 0.0, 3),
        unit=detect_unit(head[:row], mapping.get("amount"), syn),
        missing=(),
        signature=layout_signature(header),
        field_confidence=confidence,
        unused=tuple(unused),
        warnings=tuple(warnings),
        ip_text_columns=ip_text_columns,
        penalty_column=layout.penalty_column if layout.penalty_column not in used else None,
        credit_column=layout.credit_column if layout.credit_column not in used else None,
        balance_column=layout.balance_column if layout.balance_column not in used else None,
        direction_column=layout.direction_column if layout.direction_column not in used else None,
    )


def _unused_after(layout: Layout, used: set[int], headers: Sequence[str]) -> list[ColumnNote]:
    """The columns left unused once the mapping is settled: the detected unused ones still
    unused, and columns the detection had used that the caller's mapping left out."""
    notes = {n.column: n for n in layout.unused if n.column not in used}
    for name, col in layout.mapping.items():
        if col not in used and col not in notes:
            notes[col] = ColumnNote(col, headers[col] if col < len(headers) else "", name)
    return [notes[c] for c in sorted(notes)]


def _field_labels(fields: Iterable[str]) -> tuple[str, str]:
    """The fields' names for a message, joined in Chinese and in English."""
    names = [FIELD_LABELS[f] for f in fields]
    return "、".join(zh for zh, _ in names), ", ".join(en for _, en in names)


class _MergedAmount:
    """Placed in an amount cell covered by a vertical merge: the amount belongs to another row."""

    __slots__ = ("row",)

    def __init__(self, row: int) -> None:
        self.row = row


def _fill_merged(
    rows: Iterable[Sequence[Cell]],
    merged: tuple[tuple[int, int, int, int], ...],
    layout: Layout,
) -> Iterator[Sequence[Cell]]:
    """Rows below the top of a vertical merge take the merged value in its first column (a date
    or voucher written once for a batch); a merged amount is marked instead, since one amount
    cannot be counted for several rows."""
    first = layout.header_row  # 0-based index of the first row after the header
    amount_col = layout.mapping.get("amount", -1)
    covers: dict[int, list[tuple[int, int]]] = {}  # row -> [(column, top row)]
    for r0, c0, r1, _c1 in merged:
        for r in range(max(r0 + 1, first), r1 + 1):
            covers.setdefault(r, []).append((c0, r0))
    if not covers:
        yield from rows
        return
    tops = {top for fills in covers.values() for _, top in fills}
    values: dict[tuple[int, int], Cell] = {}
    for index, row in enumerate(rows, start=first):
        if index in tops:
            for col, top in (pair for fills in covers.values() for pair in fills):
                if top == index:
                    values[(top, col)] = row[col] if col < len(row) else ""
        fills = covers.get(index)
        if fills:
            cells = list(row)
            for col, top in fills:
                if col >= len(cells):
                    cells.extend([""] * (col + 1 - len(cells)))
                if col == amount_col:
                    cells[col] = _MergedAmount(top + 1)  # type: ignore[call-overload]
                else:
                    cells[col] = values.get((top, col), "")
            row = cells
        yield row


class _RowConverter:
    """Turns the rows after the header into entries, problems and stated totals."""

    def __init__(self, result: ImportResult, layout: Layout, syn: Synonyms, data: SheetData):
        self.result = result
        self.layout = layout
        self.syn = syn
        self.file = result.file
        self.sheet = result.sheet
        m = layout.mapping
        self.header_keys = tuple(header_key(h) for h in layout.headers)
        # the column whose content tells a data row from a label row at a glance
        self.key_col = next((m[f] for f in ("person", "date", "ip_number") if f in m), None)
        self.data_merged = bool(data.merged)  # rows are filled from merges: the row path only
        self.amount_col = m.get("amount", _NONE)
        # stated totals are checked against the entries since the last (sub)total: indexes
        # into result.entries, and the rows whose written amount was negative (rewards only)
        self.all_mark = 0
        self.section_mark = 0
        self.flipped: set[int] = set()
        self.fines: set[int] = set()  # rows whose amount is in the penalty column
        self.after_total = False
        self.leading_total: tuple[SourceRef, str, Decimal] | None = None
        self.skipped = 0  # rows read but neither entries, problems nor totals
        # an accounting export: the credit side and the running balance
        self.ledger_balance = RunningBalance(
            syn,
            layout.unit,
            debit=m.get("amount"),
            credit=layout.credit_column,
            balance=layout.balance_column,
            direction=layout.direction_column,
            is_cell_blank=lambda v: v in ("", None) or isinstance(v, _MergedAmount),
        )
        self.convert = _make_convert(self)

    # -------------------------------------------------------------------------- main loop

    def run(
        self,
        rows: Iterable[Sequence[Cell]],
        first_row: int,
        total_rows: int | None,
        progress: Progress | None,
        cancel: Cancel | None,
        path: Path,
    ) -> None:
        """Read the rows in blocks of ``_STEP``: each block is converted column by column
        (``_make_bulk``); the rows that conversion cannot settle on its own — labels, totals,
        blank or short rows, anything that may be a problem — go one by one through the row
        path (``step``), in their place, so entries, problems and totals come in sheet order."""
        result = self.result
        entries = result.entries
        append = entries.append
        extend = entries.extend
        convert = self.convert
        key_col = self.key_col if self.key_col is not None else _NONE
        date_cls = _DATE
        read = totals = problem_rows = 0
        problems = result.problems
        running = self.ledger_balance
        accounting = running.active
        bulk = None if accounting or key_col == _NONE else _make_bulk(self)

        def step(row: Sequence[Cell], rownum: int) -> None:
            nonlocal read, totals, problem_rows
            if not any(row):
                return
            read += 1
            # a data row shows a name (or a date) in its key column; anything else may be a label
            key = row[key_col] if key_col < len(row) else ""
            if accounting and running.not_an_expense(
                row,
                SourceRef(self.file, self.sheet, rownum),
                lambda: self._label(row) is not None,
            ):
                self.skipped += 1
                return
            if (key.__class__ is str and key and "计" not in key and "otal" not in key) or (
                key.__class__ is date_cls
            ):
                entry = convert(row, rownum)
            else:
                label = self._label(row)
                if label is not None:
                    totals += 1
                    self._stated_total(row, rownum, label)
                    return
                if self.after_total and self._is_note(row):
                    self.skipped += 1
                    return
                entry = convert(row, rownum)
            if entry is not None:
                append(entry)
                if accounting:
                    running.follow(row, entry.source, entry.amount)
            elif problems and problems[-1].source.row == rownum:
                problem_rows += 1
            else:
                self.skipped += 1  # a template row, a repeated header, a signature line

        rows = iter(rows)
        start = first_row  # the sheet row of the block's first row
        while True:
            block = list(islice(rows, _STEP))
            if not block:
                break
            if start > first_row:  # every _STEP rows, as the block starts
                if cancel is not None and cancel():
                    raise ImportCancelled(path, self.sheet, start)
                if progress is not None:
                    progress(start, total_rows)
            if bulk is None:
                for rownum, row in enumerate(block, start):
                    step(row, rownum)
            else:
                built, slow = bulk(block, start)
                if not slow:
                    extend(built)
                    read += len(block)
                else:
                    for i, row in enumerate(block):
                        if i in slow:
                            step(row, start + i)
                        else:
                            append(built[i])
                            read += 1
            start += len(block)
        rownum = start - 1  # the last row read
        self.close_leading_total()
        result.rows_read = read
        result.totals.extend(running.breaks)
        sheet_rows = max(rownum, first_row - 1)
        result.counts = RowCounts(
            sheet_rows=sheet_rows,
            above_data=first_row - 1,
            blank=sheet_rows - (first_row - 1) - read,
            entries=len(result.entries),
            problem_rows=problem_rows,
            total_rows=totals,
            skipped=self.skipped,
        )
        if progress is not None:
            progress(rownum, total_rows if total_rows is not None else rownum)

    # -------------------------------------------------------------------------- labels

    def _label(self, row: Sequence[Cell]) -> tuple[str, bool] | None:
        """(label, is_subtotal) when one of the row's first two texts names a total."""
        seen = 0
        syn = self.syn
        for col, value in enumerate(row):
            if col == self.amount_col or value in (None, ""):
                continue
            seen += 1
            if seen > 3:
                return None
            if value.__class__ is not str or not value.strip():
                continue
            key = header_key(value).rstrip(":")
            if key in syn.total:
                return value.strip(), False
            if key in syn.subtotal:
                return value.strip(), True
            for word in (*syn.total, *syn.subtotal):
                if len(word) >= 2 and key.endswith(word) and len(key) - len(word) <= 8:
                    prefix = key[: -len(word)]
                    whole = any(ch in prefix for ch in "年全总") or prefix in ("本年", "累计")
                    return value.strip(), not whole
        return None

    def _is_note(self, row: Sequence[Cell]) -> bool:
        for value in row:
            if value in (None, ""):
                continue
            key = header_key(cell_text(value))
            return any(key.startswith(word) for word in self.syn.notes)
        return False

    def _is_header_again(self, row: Sequence[Cell]) -> bool:
        keys = self.header_keys
        return len(row) >= 2 and all(
            header_key(cell_text(row[i])) == keys[i] for i in range(min(len(row), len(keys)))
        )

    # -------------------------------------------------------------------------- totals

    def _stated_total(self, row: Sequence[Cell], rownum: int, label: tuple[str, bool]) -> None:
        text, is_subtotal = label
        col = self.amount_col
        value = row[col] if col < len(row) else ""
        if isinstance(value, _MergedAmount):
            value = ""
        source = SourceRef(self.file, self.sheet, rownum)
        try:
            stated = nz.parse_amount(value, self.layout.unit)
        except nz.NormalizeError as exc:
            self._problem(source, col, value, exc.reason_zh, exc.reason_en)
            stated = None
        entries = self.result.entries
        self.close_leading_total()
        cumulative = "累计" in text or "todate" in header_key(text)
        if not entries and stated is not None and not cumulative:
            # stated above every row (合计 under the header): it covers the rows below it, up to
            # the next total row or the end
            self.leading_total = (source, text, stated)
            return
        start = 0 if cumulative else self.section_mark if is_subtotal else self.all_mark
        covered = entries[start:]
        if stated is not None:
            self.result.totals.append(self._total(source, text, stated, covered, rownum))
        self.section_mark = len(entries)
        if not is_subtotal and not cumulative:
            self.all_mark = len(entries)
            self.after_total = True

    def _total(
        self, source: SourceRef, text: str, stated: Decimal, covered: Sequence[Entry], row: int
    ) -> StatedTotal:
        """The total stated at ``source`` over the rows ``covered`` (``row`` when none)."""
        return StatedTotal(
            source=source,
            label=text,
            stated=stated,
            computed=self._computed(covered),
            first_row=covered[0].source.row if covered else row,
            last_row=covered[-1].source.row if covered else row,
        )

    def _computed(self, covered: Sequence[Entry]) -> Decimal:
        flipped, fines = self.flipped, self.fines
        return sum(
            (
                -e.amount if e.source.row in flipped else e.amount
                for e in covered
                if e.source.row not in fines  # stated in the penalty column, not this one
            ),
            _ZERO,
        )

    def close_leading_total(self) -> None:
        """The total stated above the rows, over the rows read since (see ``_stated_total``)."""
        if self.leading_total is None:
            return
        source, text, stated = self.leading_total
        self.leading_total = None
        self.result.totals.append(
            self._total(source, text, stated, self.result.entries, source.row)
        )

    # -------------------------------------------------------------------------- problems

    def _problem(self, source: SourceRef, col: int, value: object, zh: str, en: str) -> None:
        self.result.problems.append(
            Problem(
                source=source,
                column=self.layout.column_header(col) if col != _NONE else "",
                raw="" if isinstance(value, _MergedAmount) else cell_text(value),  # type: ignore[arg-type]
                reason_zh=zh,
                reason_en=en,
            )
        )


def _make_convert(conv: _RowConverter) -> Callable[[Sequence[Cell], int], Entry | None]:
    """The row → entry function of one import, with its columns and caches bound as locals."""
    m = conv.layout.mapping
    c_date, c_person, c_dept = (m.get(f, _NONE) for f in ("date", "person", "department"))
    c_amount, c_ip, c_cat = (m.get(f, _NONE) for f in ("amount", "ip_number", "category"))
    c_voucher, c_kind, c_text = (m.get(f, _NONE) for f in ("voucher", "kind", "text"))
    c_status, c_granted, c_inv = (m.get(f, _NONE) for f in ("status", "granted", "inventors"))
    mapped = tuple(sorted(m.values()))
    # rewards: a penalty's amount written in a column of its own
    c_fine = conv.layout.penalty_column
    c_fine = _NONE if c_fine is None else c_fine
    fines = conv.fines
    if c_cat == _NONE and conv.result.kind is LedgerKind.EXPENSES:
        c_cat = c_text  # no category column (an accounting export): the 摘要 tells the kind
    # IP numbers written only inside text columns (事由, 摘要, 备注)
    ip_texts = conv.layout.ip_text_columns if c_ip == _NONE else ()
    c_ip_text = ip_texts[0] if ip_texts else _NONE
    more_ip_texts = ip_texts[1:]
    find_ip = find_ip_number
    kind = conv.result.kind
    is_rewards = kind is LedgerKind.REWARDS
    is_portfolio = kind is LedgerKind.PORTFOLIO
    required = conv.syn.kinds[kind].required
    need_person, need_amount = "person" in required, "amount" in required
    need_ip, need_date = "ip_number" in required, "date" in required
    unit = conv.layout.unit
    syn = conv.syn
    file, sheet = conv.file, conv.sheet
    flipped = conv.flipped
    problem = conv._problem
    is_header_again = conv._is_header_again
    is_note = conv._is_note
    names: dict[str, str] = {"": ""}
    persons: dict[str, str] = {"": ""}
    texts: dict[str, str] = {"": ""}
    codes: dict[str, str] = {"": ""}
    amounts: dict[object, Decimal] = {}
    kinds: dict[str, bool] = {}
    dates: dict[str, dt.date | None] = {}
    date_cls, datetime_cls, str_cls, float_cls = _DATE, _DATETIME, str, float
    parse_amount = nz.parse_amount
    # a month without its day: a decision from its first day, a payment or booking by its last
    parse_date = nz.parse_date_month_start if is_rewards else nz.parse_date_month_end
    normalize_name, normalize_code = nz.normalize_name, nz.normalize_code
    normalize_person = nz.normalize_person
    normalize_text, normalize_ip = nz.normalize_text, nz.normalize_ip
    ip_plain = nz.IP_PLAIN_RE.fullmatch
    normalize_error = nz.NormalizeError
    zero = _ZERO
    make_entry, make_source = MAKE_ENTRY, MAKE_SOURCE

    def convert(row: Sequence[Cell], rownum: int) -> Entry | None:
        n = len(row)
        bad: list[tuple[int, object, str, str]] | None = None
        # date
        v = row[c_date] if c_date < n else ""
        date: dt.date | None
        if v.__class__ is date_cls:
            date = v
        elif v.__class__ is datetime_cls:
            date = v.date()
        elif v == "" or v is None:
            date = None
        elif v.__class__ is str_cls and v in dates:  # a date written as text, read once per import
            date = dates[v]
        else:
            try:
                date = parse_date(v)
                if v.__class__ is str_cls and len(dates) < 100_000:
                    dates[v] = date
            except normalize_error as exc:
                date = None
                bad = [(c_date, v, exc.reason_zh, exc.reason_en)]
        # amount, as written (rewards turn a negative amount into is_penalty below)
        v = row[c_amount] if c_amount < n else ""
        amount = amounts.get(v) if v.__class__ is not bool else None
        if amount is None and v != "" and v is not None:
            if isinstance(v, _MergedAmount):
                bad = bad or []
                bad.append(
                    (
                        c_amount,
                        v,
                        f"金额单元格与第 {v.row} 行合并，本行金额无法确定",
                        f"the amount cell is merged with row {v.row}; this row's amount is unknown",
                    )
                )
            else:
                try:
                    amount = parse_amount(v, unit)
                    if amount is not None and (v.__class__ is float_cls or v.__class__ is str_cls):
                        amounts[v] = amount
                except normalize_error as exc:
                    bad = bad or []
                    bad.append((c_amount, v, exc.reason_zh, exc.reason_en))
        fine = False
        if amount is None and c_fine < n and row[c_fine] not in ("", None):
            v = row[c_fine]
            try:
                amount = parse_amount(v, unit)
                fine = amount is not None
                if fine:
                    fines.add(rownum)
            except normalize_error as exc:
                bad = bad or []
                bad.append((c_fine, v, exc.reason_zh, exc.reason_en))
        # person, department
        v = row[c_person] if c_person < n else ""
        if v.__class__ is str_cls:
            person = persons.get(v)
            if person is None:
                person = persons[v] = normalize_person(v)
        else:
            person = "" if v is None or isinstance(v, _MergedAmount) else normalize_person(v)
        v = row[c_dept] if c_dept < n else ""
        if v.__class__ is str_cls:
            department = names.get(v)
            if department is None:
                department = names[v] = normalize_name(v)
        else:
            department = "" if v is None else normalize_name(v)
        # IP number
        v = row[c_ip] if c_ip < n else ""
        if c_ip_text < n:
            ip_number = find_ip(row[c_ip_text])
            for c in more_ip_texts:
                if ip_number:
                    break
                ip_number = find_ip(row[c]) if c < n else ""
        elif v.__class__ is str_cls and (not v or ip_plain(v)):
            ip_number = v
        else:
            try:
                ip_number = normalize_ip(v)
            except normalize_error as exc:
                ip_number = ""
                bad = bad or []
                bad.append((c_ip, v, exc.reason_zh, exc.reason_en))
        # voucher, category, text
        v = row[c_voucher] if c_voucher < n else ""
        if v.__class__ is str_cls:
            voucher = codes.get(v)
            if voucher is None:
                voucher = codes[v] = normalize_code(v)
        else:
            voucher = "" if v is None else normalize_code(v)
        v = row[c_cat] if c_cat < n else ""
        if v.__class__ is str_cls:
            category = codes.get(v)
            if category is None:
                category = codes[v] = normalize_code(v)
        else:
            category = "" if v is None else normalize_code(v)
        v = row[c_text] if c_text < n else ""
        if v.__class__ is str_cls:
            text = texts.get(v)
            if text is None:
                text = normalize_text(v)
                if len(texts) < 10_000:
                    texts[v] = text
        else:
            text = "" if v is None else normalize_text(v)
        # reward or penalty
        is_penalty = fine
        if is_rewards and not fine:
            v = row[c_kind] if c_kind < n else ""
            if v != "" and v is not None:
                key = v if v.__class__ is str_cls else cell_text(v)
                flag = kinds.get(key)
                if flag is None:
                    try:
                        flag = nz.reward_or_penalty(v, syn)
                    except normalize_error as exc:
                        bad = bad or []
                        bad.append((c_kind, v, exc.reason_zh, exc.reason_en))
                    if flag is not None:
                        kinds[key] = flag
                if flag is not None:
                    is_penalty = flag
                    if amount is not None and amount < 0 and not flag:
                        bad = bad or []
                        bad.append(
                            (
                                c_amount,
                                row[c_amount],
                                "类型为奖励，但金额为负数",
                                "marked as a reward but the amount is negative",
                            )
                        )
            elif amount is not None and amount < 0:
                is_penalty = True
        # portfolio fields
        status = ""
        granted = None
        inventors: tuple[str, ...] = ()
        if is_portfolio:
            v = row[c_status] if c_status < n else ""
            status = "" if v in ("", None) else normalize_text(v)
            v = row[c_granted] if c_granted < n else ""
            if v != "" and v is not None:
                try:
                    granted = parse_date(v)
                except normalize_error as exc:
                    bad = bad or []
                    bad.append((c_granted, v, exc.reason_zh, exc.reason_en))
            v = row[c_inv] if c_inv < n else ""
            if v != "" and v is not None:
                inventors = nz.split_names(v)
        # required fields
        if (
            (need_person and not person)
            or (need_amount and amount is None)
            or (need_ip and not ip_number)
            or (need_date and date is None)
        ):
            missing = [
                name
                for name, value in (
                    ("person", person),
                    ("amount", amount),
                    ("ip_number", ip_number),
                    ("date", date),
                )
                if name in required and (value is None or value == "")
            ]
            if bad is None and all((row[c] if c < n else "") in ("", None) for c in mapped):
                if _only_numbers(row) or is_note(row):
                    return None  # a numbered template row (序号 only) or a signature line
                bad = [
                    (
                        _NONE,
                        " | ".join(cell_text(c) for c in row if c not in ("", None)),
                        "这一行的台账各列都是空的，只有其他内容",
                        "the row has nothing in the ledger's columns, only other content",
                    )
                ]
            else:
                bad = bad or []
                for name in missing:
                    if not any(b[0] == m[name] for b in bad):  # not already reported
                        label_zh, label_en = FIELD_LABELS[name]
                        bad.append((m[name], "", f"缺少{label_zh}", f"the {label_en} is missing"))
        if bad:
            if is_header_again(row):  # a header repeated after a page break
                return None
            if not person and amount is None and is_note(row):
                return None  # "制表人：… 审核：…" written into the ledger's columns
            source = SourceRef(file, sheet, rownum)
            for col, value, zh, en in bad:
                problem(source, col, value, zh, en)
            return None
        if amount is None:
            amount = zero
        elif is_rewards and amount < 0:
            amount = -amount
            flipped.add(rownum)
        if is_portfolio:
            return Entry(
                kind=kind,
                source=SourceRef(file, sheet, rownum),
                date=date,
                person=person,
                department=department,
                ip_number=ip_number,
                amount=amount,
                voucher=voucher,
                category=category,
                text=text,
                status=status,
                granted=granted,
                inventors=inventors,
            )
        return make_entry(
            kind,
            make_source(file, sheet, rownum),
            date,
            person,
            department,
            ip_number,
            amount,
            is_penalty,
            voucher,
            category,
            text,
        )

    return convert


_MISS = object()  # not in a column's cache
_EMPTY_KIND = object()  # a reward ledger's kind cell left blank: the amount's sign decides
_NO_FLAG = object()  # a kind cell that says neither reward nor penalty


# Whole-block checks: a block whose cells are all already in normal form (most ledgers) is taken
# as it is, checked by one regular expression over its cells joined by NUL, not cell by cell.
# The characters allowed are ones every normaliser keeps as they are: CJK ideographs, ASCII
# letters and digits (names), printable ASCII (codes), and single spaces inside a text; NFKC
# (``is_normalized``) is checked on the whole block besides.
_SEP = "\x00"
_IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff"
_PLAIN_NAMES = re.compile(f"[{_IDEOGRAPHS}A-Za-z0-9\x00]*")
_PLAIN_CODES = re.compile(f"[{_IDEOGRAPHS}!-~\x00]*")
_PLAIN_TEXTS = re.compile(f"[{_IDEOGRAPHS}!-~ \x00]*")
_PLAIN_IPS = re.compile(f"(?:{nz.IP_PLAIN_RE.pattern})?(?:\x00(?:{nz.IP_PLAIN_RE.pattern})?)*")
_DATES_ONLY = {_DATE}


def _joined(values: Sequence[Cell]) -> str | None:
    """The block's cells joined by NUL when they are all texts, else None. ``join`` checks the
    cells itself (half the time of collecting their classes first); the readers give texts as
    ``str`` itself, never a subclass of it."""
    try:
        return _SEP.join(values)  # type: ignore[arg-type]
    except TypeError:  # a cell that is not a text
        return None


def _plain_block(pattern: re.Pattern[str]) -> Callable[[Sequence[Cell]], list[object] | None]:
    def whole(values: Sequence[Cell]) -> list[object] | None:
        joined = _joined(values)
        if (
            joined is not None
            and pattern.fullmatch(joined)
            and unicodedata.is_normalized("NFKC", joined)
        ):
            return list(values)
        return None

    return whole


def _plain_texts(values: Sequence[Cell]) -> list[object] | None:
    """Free texts already normal: as ``_plain_block``, and no space at either end of a cell
    nor two in a row."""
    joined = _joined(values)
    if (
        joined is None
        or not _PLAIN_TEXTS.fullmatch(joined)
        or "  " in joined
        or " \x00" in joined
        or "\x00 " in joined
        or joined.startswith(" ")
        or joined.endswith(" ")
        or not unicodedata.is_normalized("NFKC", joined)
    ):
        return None
    return list(values)


def _data_keys(values: Sequence[Cell]) -> list[object] | None:
    """Key cells that all show a data row: dates, or texts none of which is empty or names a
    total (计, otal)."""
    joined = _joined(values)
    if joined is None and set(map(type, values)) == _DATES_ONLY:
        return [True] * len(values)
    if (
        joined is None
        or not joined
        or "计" in joined
        or "otal" in joined
        or "\x00\x00" in joined
        or joined.startswith(_SEP)
        or joined.endswith(_SEP)
    ):
        return None
    return [True] * len(values)


def _plain_dates(values: Sequence[Cell]) -> list[object] | None:
    classes = set(map(type, values))
    if classes == {_DATE}:
        return list(values)
    if classes == {_DATETIME}:
        return list(map(_DATETIME.date, values))  # type: ignore[arg-type]
    return None


class _Column:
    """One field's conversion over the blocks of an import: each distinct cell once (a cache),
    or — once most cells of a block are new (IP numbers, vouchers, free text) — every cell
    straight through ``compute``, which then costs less than looking the cell up first.

    ``compute`` returns None for a cell the row path must handle (it never raises); that row's
    index goes into ``slow``. Keys are cached only when equality cannot mix classes: texts,
    dates and (with ``floats``) floats other than 0 and 1 — never a bool, which equals 0 and 1.
    Misses are found by identity, since comparing a Decimal with anything else is slow."""

    __slots__ = ("cache", "compute", "direct", "floats", "limit", "whole")

    def __init__(
        self,
        compute: Callable[[Cell], object],
        *,
        whole: Callable[[Sequence[Cell]], list[object] | None] | None = None,
        limit: int = 100_000,
        floats: bool = False,
    ) -> None:
        self.compute = compute
        self.whole = whole  # the whole block at once, when it can tell (None: it cannot)
        self.cache: dict[object, object] = {}
        self.limit = limit
        self.floats = floats
        self.direct = False

    def convert(self, values: Sequence[Cell], slow: set[int]) -> list[object]:
        if self.whole is not None:
            done = self.whole(values)
            if done is not None:
                return done
        n = len(values)
        if self.direct:
            out = list(map(self.compute, values))
            missed = list(map(is_, out, repeat(None, n)))
        else:
            get = self.cache.get
            out = list(map(get, values, repeat(_MISS, n)))
            missed = list(map(is_, out, repeat(_MISS, n)))
            if True in missed:
                if self._fill(values, out, missed) > n // 2 and n >= 256:
                    self.direct = True  # mostly new values: the next blocks skip the cache
                missed = list(map(is_, out, repeat(None, n)))
        if True in missed:
            find = missed.index
            i = find(True)
            while True:
                slow.add(i)
                try:
                    i = find(True, i + 1)
                except ValueError:
                    break
        return out

    def _fill(self, values: Sequence[Cell], out: list[object], missed: list[bool]) -> int:
        """Fill the cells the cache did not have; returns how many distinct values were new."""
        cache, compute, limit, floats = self.cache, self.compute, self.limit, self.floats
        get = cache.get
        date_cls, datetime_cls, str_cls, float_cls = _DATE, _DATETIME, str, float
        find = missed.index
        end = len(out)
        i = find(True)
        new = 0
        while True:
            v = values[i]
            r = get(v, _MISS)  # met earlier in this block
            if r is _MISS:
                new += 1
                r = compute(v)
                cls = v.__class__
                if (
                    r is not None
                    and len(cache) < limit
                    and (
                        cls is str_cls
                        or cls is date_cls
                        or cls is datetime_cls
                        or (floats and cls is float_cls and v == v and v != 0 and v != 1)
                    )
                ):
                    cache[v] = r
            out[i] = r
            i += 1
            if i >= end:
                return new
            try:
                i = find(True, i)
            except ValueError:
                return new


def _make_bulk(
    conv: _RowConverter,
) -> Callable[[list[Sequence[Cell]], int], tuple[list[Entry], set[int]]] | None:
    """The block → entries function of one import, column by column, or None when the sheet
    needs the row path throughout (a portfolio, merged cells, no amount column).

    ``bulk(block, first)`` converts each mapped column of the block once per distinct value and
    builds the entries in one pass; it returns them with the indexes of the rows it left to the
    row path: blank rows, rows whose key column does not show a data row, and rows with any cell
    the row path would report or treat specially (an unreadable or empty date or amount, a
    missing required field, an IP number to look for in a second text column, a penalty written
    in its own column, a kind cell that is not text). The entries of the other rows are exactly
    those ``_make_convert`` builds."""
    layout = conv.layout
    m = layout.mapping
    kind = conv.result.kind
    required = conv.syn.kinds[kind].required
    c_date, c_person, c_dept = (m.get(f, _NONE) for f in ("date", "person", "department"))
    c_amount, c_ip, c_cat = (m.get(f, _NONE) for f in ("amount", "ip_number", "category"))
    c_voucher, c_kind, c_text = (m.get(f, _NONE) for f in ("voucher", "kind", "text"))
    c_key = conv.key_col
    if (
        kind is LedgerKind.PORTFOLIO
        or conv.data_merged
        or c_amount == _NONE
        or c_key is None
        or (c_date == _NONE and "date" in required)
    ):
        return None
    if c_cat == _NONE and kind is LedgerKind.EXPENSES:
        c_cat = c_text  # as _make_convert: the 摘要 tells the kind
    ip_texts = layout.ip_text_columns if c_ip == _NONE else ()
    c_ip_text = ip_texts[0] if ip_texts else _NONE
    more_ip_texts = bool(ip_texts[1:])
    is_rewards = kind is LedgerKind.REWARDS
    need_person, need_ip = "person" in required, "ip_number" in required
    unit = layout.unit
    syn = conv.syn
    file, sheet = conv.file, conv.sheet
    flipped = conv.flipped
    used = [
        c
        for c in (
            c_date,
            c_person,
            c_dept,
            c_amount,
            c_ip,
            c_cat,
            c_voucher,
            c_kind,
            c_text,
            c_ip_text,
            c_key,
        )
        if c != _NONE
    ]
    width = max(used) + 1
    date_cls, datetime_cls, str_cls = _DATE, _DATETIME, str
    parse_amount = nz.parse_amount
    # a month without its day: a decision from its first day, a payment or booking by its last
    parse_date = nz.parse_date_month_start if is_rewards else nz.parse_date_month_end
    normalize_name, normalize_code = nz.normalize_name, nz.normalize_code
    normalize_person = nz.normalize_person
    normalize_text, normalize_ip = nz.normalize_text, nz.normalize_ip
    ip_plain = nz.IP_PLAIN_RE.fullmatch
    find_ip = find_ip_number
    reward_or_penalty = nz.reward_or_penalty
    make_entry, make_source = MAKE_ENTRY, MAKE_SOURCE

    def key_of(v: Cell) -> object:
        cls = v.__class__
        if (cls is str_cls and v and "计" not in v and "otal" not in v) or cls is date_cls:  # type: ignore[operator]
            return True
        return None

    def date_of(v: Cell) -> object:
        cls = v.__class__
        if cls is date_cls:
            return v
        if cls is datetime_cls:
            return v.date()  # type: ignore[union-attr]
        if v == "" or v is None:
            return None  # left to the row path (a date the ledger may not need)
        try:
            return parse_date(v)
        except Exception:  # the row path reports it (or raises it) in its place
            return None

    def amount_of(v: Cell) -> object:
        if v == "" or v is None or v.__class__ is bool:
            return None  # empty (a penalty column, a missing amount) or a bool: the row path
        try:
            return parse_amount(v, unit)
        except Exception:
            return None

    def name_of(v: Cell) -> object:
        try:
            return "" if v is None else normalize_name(v)
        except Exception:
            return None

    def person_of(v: Cell) -> object:
        try:
            return "" if v is None else normalize_person(v)
        except Exception:
            return None

    def code_of(v: Cell) -> object:
        try:
            return "" if v is None else normalize_code(v)
        except Exception:
            return None

    def text_of(v: Cell) -> object:
        try:
            return "" if v is None else normalize_text(v)
        except Exception:
            return None

    if c_ip_text != _NONE:

        def ip_of(v: Cell) -> object:
            try:
                found = find_ip(v)
            except Exception:
                return None
            return None if not found and more_ip_texts else found

    else:

        def ip_of(v: Cell) -> object:
            if v.__class__ is str_cls and (not v or ip_plain(v)):
                return v
            try:
                return normalize_ip(v)
            except Exception:
                return None

    def kind_of(v: Cell) -> object:
        if v == "" or v is None:
            return _EMPTY_KIND
        if v.__class__ is not str_cls:
            return None
        try:
            flag = reward_or_penalty(v, syn)
        except Exception:
            return None
        return _NO_FLAG if flag is None else flag

    names, codes = _plain_block(_PLAIN_NAMES), _plain_block(_PLAIN_CODES)
    keys = _Column(key_of, whole=_data_keys)
    dates_of = _Column(date_of, whole=_plain_dates)
    amounts_of = _Column(amount_of, floats=True)
    persons_of, departments_of = _Column(person_of, whole=names), _Column(name_of, whole=names)
    ips_of = _Column(ip_of, whole=None if c_ip_text != _NONE else _plain_block(_PLAIN_IPS))
    vouchers_of, categories_of = _Column(code_of, whole=codes), _Column(code_of, whole=codes)
    texts_of = _Column(text_of, whole=_plain_texts, limit=10_000)
    kinds_of = _Column(kind_of)

    def bulk(block: list[Sequence[Cell]], first: int) -> tuple[list[Entry], set[int]]:
        n = len(block)
        slow: set[int] = set()
        padded = block
        if min(map(len, block)) < width:  # short rows (csv): read as blank beyond their end
            pad = ("",) * width
            padded = [r if len(r) >= width else (*r, *pad[len(r) :]) for r in block]
        cols = list(zip(*padded, strict=False))
        blank = ("",) * n

        def column(c: int, conversion: _Column) -> list[object]:
            return conversion.convert(cols[c] if c != _NONE else blank, slow)

        nonblank = list(map(any, block))
        if False in nonblank:
            slow.update(i for i, full in enumerate(nonblank) if not full)
        column(c_key, keys)
        dates = column(c_date, dates_of) if c_date != _NONE else [None] * n
        amounts = column(c_amount, amounts_of)
        persons = column(c_person, persons_of)
        if need_person and "" in persons:
            slow.update(i for i, v in enumerate(persons) if v == "")
        departments = column(c_dept, departments_of)
        ips = column(c_ip_text if c_ip_text != _NONE else c_ip, ips_of)
        if need_ip and "" in ips:
            slow.update(i for i, v in enumerate(ips) if v == "")
        vouchers = column(c_voucher, vouchers_of)
        categories = column(c_cat, categories_of)
        texts = column(c_text, texts_of)
        penalties: Iterable[object]
        if is_rewards:
            flags = column(c_kind, kinds_of)
            if (
                True not in map(is_, amounts, repeat(None, n))
                and set(map(type, flags)) == {bool}
                # no None among the amounts (checked first): each is a Decimal
                and True not in map(lt, cast("list[Decimal]", amounts), repeat(_ZERO, n))
            ):
                penalties = flags  # each row says reward or penalty, no amount is negative
            else:
                penalties = _reward_flags(amounts, flags, slow, flipped, first)
        else:
            penalties = repeat(False, n)
        sources = map(make_source, repeat(file, n), repeat(sheet, n), range(first, first + n))
        built = list(
            map(
                make_entry,
                repeat(kind, n),
                sources,
                dates,
                persons,
                departments,
                ips,
                amounts,
                penalties,
                vouchers,
                categories,
                texts,
            )
        )
        return built, slow

    return bulk


def _reward_flags(
    amounts: list[object], flags: list[object], slow: set[int], flipped: set[int], first: int
) -> list[object]:
    """Each reward row's penalty flag as ``_make_convert`` sets it; a negative amount is made
    positive (its row noted in ``flipped``), a reward with a negative amount left to the row
    path (which reports it)."""
    pens: list[object] = [False] * len(amounts)
    for i, (amount, flag) in enumerate(zip(amounts, flags, strict=True)):
        if amount is None or flag is None:
            continue  # already left to the row path
        negative = amount < 0  # type: ignore[operator]
        if flag is _EMPTY_KIND:
            pens[i] = negative
        elif flag is not _NO_FLAG:
            if negative and not flag:
                slow.add(i)  # a reward with a negative amount: a problem
                continue
            pens[i] = flag
        if negative:
            amounts[i] = -amount  # type: ignore[operator]
            if i not in slow:
                flipped.add(first + i)
    return pens


def _only_numbers(row: Sequence[Cell]) -> bool:
    """True when every non-empty cell of the row is a number (a 序号 in a template row)."""
    return all(
        v in ("", None)
        or v.__class__ in (int, float)
        or (v.__class__ is str and v.strip().isdigit())
        for v in row
    )


__all__ = [
    "FIELD_LABELS",
    "ImportCancelled",
    "LedgerError",
    "Preview",
    "import_ledger",
    "import_workbook",
    "is_reward_category",
    "preview",
]
