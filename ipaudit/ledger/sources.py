"""Importing several ledgers at once — files, or the sheets of one workbook — with column maps.

A column map names some columns of one sheet: ``date=B,person=C,amount=6`` (letters or 1-based
numbers as the spreadsheet shows them; ``text=-`` leaves a field out). It overrides only the
fields it names and keeps the detected rest. Where it applies is written in front of it:

- ``date=B,…`` — every sheet imported;
- ``SHEET:date=B,…`` — the sheet of that name (in whichever file has it);
- ``KIND:date=B,…`` — the sheet read as that ledger (``rewards``, ``payments``, ``expenses``,
  ``portfolio``);
- ``FILE:date=B,…`` and ``FILE:SHEET:date=B,…`` — a file given on the command line (by its path,
  name or name without suffix) and, in a workbook, one of its sheets.

``import_sources`` detects which ledger each sheet holds by its headers and values, so the order
of the files never matters; sheets that hold no ledger are named with the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ipaudit.ledger.columns import collector_paused
from ipaudit.ledger.errors import (
    EmptyFile,
    HeaderNotFound,
    ImportCancelled,
    LedgerKindUnknown,
    MappingInvalid,
)
from ipaudit.ledger.importer import (
    Cancel,
    Progress,
    Remembered,
    SkippedSheet,
    assign_kinds,
    import_ledger,
)
from ipaudit.ledger.model import ImportResult, LedgerKind
from ipaudit.ledger.reader import Format, Workbook
from ipaudit.ledger.synonyms import FIELDS, Synonyms

_KINDS = {k.value: k for k in LedgerKind}
LEDGERS = (LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES)


class MapSyntaxError(ValueError):
    """A column map that cannot be read; the message says what is wrong, in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        self.zh, self.en = zh, en
        super().__init__(en)


def column_index(text: str) -> int:
    """A column as written by the user → 0-based index: ``B`` → 1, ``2`` → 1, ``AA`` → 26;
    ``-`` (or nothing) → -1, the field left out. Raises ``MapSyntaxError``."""
    col = text.strip().upper()
    if col in ("", "-"):
        return -1
    if col.isdigit() and int(col) >= 1:
        return int(col) - 1
    if col.isascii() and col.isalpha() and len(col) <= 3:
        index = 0
        for ch in col:
            index = index * 26 + (ord(ch) - 64)
        return index - 1
    raise MapSyntaxError(
        f"列“{text}”无效（用 1、2… 或 A、B…）", f"Bad column '{text}' (use 1, 2 … or A, B …)"
    )


def parse_fields(text: str) -> dict[str, int]:
    """``date=B,person=3`` → ``{"date": 1, "person": 2}``."""
    mapping: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, eq, col = part.partition("=")
        name = name.strip()
        if not eq:
            raise MapSyntaxError(
                f"“{part}”应写成 字段=列，如 date=B",
                f"'{part}' should be field=column, e.g. date=B",
            )
        if name not in FIELDS:
            raise MapSyntaxError(
                f"未知字段“{name}”（可用：{', '.join(FIELDS)}）",
                f"Unknown field '{name}' (known: {', '.join(FIELDS)})",
            )
        mapping[name] = column_index(col)
    if not mapping:
        raise MapSyntaxError("列映射是空的", "The column map is empty")
    return mapping


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """One ``--map``: where it applies and the columns it sets."""

    fields: dict[str, int]
    file: Path | None = None  # None: any file
    sheet: str = ""  # "": any sheet
    kind: LedgerKind | None = None  # None: any ledger

    def applies(self, file: Path, sheet: str, kind: LedgerKind | None) -> bool:
        return (
            (self.file is None or self.file == file)
            and (not self.sheet or self.sheet == sheet)
            and (self.kind is None or self.kind is kind)
        )

    @property
    def specificity(self) -> int:
        return (self.file is not None) + 2 * bool(self.sheet) + (self.kind is not None)


def _match_file(prefix: str, files: Sequence[Path]) -> tuple[Path, str] | None:
    """(file, the rest after it) when ``prefix`` starts with one of ``files``."""
    for f in files:
        for name in dict.fromkeys((str(f), f.name, f.stem)):
            if prefix == name:
                return f, ""
            if prefix.startswith(name + ":"):
                return f, prefix[len(name) + 1 :]
    return None


def parse_map(text: str, files: Sequence[Path] = ()) -> ColumnMap:
    """One ``--map`` value (see the module docstring) for the given files."""
    prefix, colon, spec = text.rpartition(":")
    if not colon:
        return ColumnMap(parse_fields(text))
    fields = parse_fields(spec)
    found = _match_file(prefix, files)
    if found is not None:
        file, rest = found
        if rest in _KINDS:
            return ColumnMap(fields, file=file, kind=_KINDS[rest])
        return ColumnMap(fields, file=file, sheet=rest)
    if prefix in _KINDS:
        return ColumnMap(fields, kind=_KINDS[prefix])
    if ":" in prefix:
        raise MapSyntaxError(
            f"“{prefix.split(':')[0]}”不是给出的文件之一",
            f"'{prefix.split(':')[0]}' is not one of the files given",
        )
    return ColumnMap(fields, sheet=prefix)


def overrides_for(
    maps: Sequence[ColumnMap], file: Path, sheet: str, kind: LedgerKind | None
) -> dict[str, int] | None:
    """The columns the maps set for one sheet: the more specific map wins a field."""
    fitting = sorted((m for m in maps if m.applies(file, sheet, kind)), key=lambda m: m.specificity)
    merged: dict[str, int] = {}
    for m in fitting:
        merged.update(m.fields)
    return merged or None


def check_maps_used(maps: Sequence[ColumnMap], seen: Sequence[tuple[Path, str]]) -> None:
    """Every map naming a sheet must name one that exists (``MappingInvalid`` otherwise)."""
    for m in maps:
        if m.sheet and not any((m.file is None or m.file == f) and s == m.sheet for f, s in seen):
            files = [f for f, _ in seen if m.file is None or f == m.file]
            sheets = [s for f, s in seen if f in files]
            raise MappingInvalid(
                files[0] if files else (m.file or ""),
                m.sheet,
                f"--map 指向的表不存在（有：{'、'.join(sheets)}）",
                f"--map names a sheet that does not exist (there are: {', '.join(sheets)})",
            )


@dataclass(slots=True)
class SourcesImport:
    results: list[ImportResult] = field(default_factory=list)
    skipped: list[tuple[str, SkippedSheet]] = field(default_factory=list)  # (file name, sheet)


def import_sources(
    files: Sequence[Path],
    *,
    maps: Sequence[ColumnMap] = (),
    remembered: Remembered | None = None,
    wanted: Sequence[LedgerKind] = LEDGERS,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    synonyms: Synonyms | None = None,
) -> SourcesImport:
    """Import every ledger sheet of ``files`` (workbooks: every sheet), whatever their order.

    Each sheet's ledger is detected from its headers, values and names; when the sheets are as
    many as the ``wanted`` ledgers but do not read as one of each, the kinds that fit each sheet
    as well decide (``importer.assign_kinds``) and those sheets are read again as that ledger. A
    sheet a map names must import (or the error says why); other sheets without a ledger are
    listed as skipped, with the reason. ``progress(done, total)`` counts sheets; ``cancel()``
    returning True stops with ``ImportCancelled``.
    """
    out = SourcesImport()
    seen: list[tuple[Path, str]] = []
    books: list[tuple[Path, Workbook]] = []
    try:
        for path in files:
            book = Workbook(path)
            books.append((path, book))
            seen += [(path, name) for name in book.names]
        check_maps_used(maps, seen)
        # the entries of all the files live on and hold no cycles: one pause for the whole
        # import, not a collection walking the entries of the earlier files after each file
        with collector_paused():
            _import_books(out, books, maps, remembered, synonyms, cancel, progress, len(seen))
        if progress is not None:
            progress(len(seen), len(seen))
        _settle_kinds(out, books, maps, remembered, wanted)
    finally:
        for _path, book in books:
            book.close()
    return out


_AHEAD = 2  # spreadsheet sheets loading ahead of the one being converted


def _import_books(
    out: SourcesImport,
    books: list[tuple[Path, Workbook]],
    maps: Sequence[ColumnMap],
    remembered: Remembered | None,
    synonyms: Synonyms | None,
    cancel: Cancel | None,
    progress: Progress | None,
    sheets: int,
) -> None:
    """Every book into ``out``, in the order given, while the work overlaps: the first sheets of
    the next spreadsheets load in two workers (calamine releases the interpreter while it
    loads), and text files — read and converted by the interpreter itself — are imported first,
    while those sheets load. The results and the skipped sheets come out in the order of the
    files, and when several files fail, the first failing file's error is raised, as if they
    had been read one after the other."""
    text = [i for i, (_p, book) in enumerate(books) if book.format == Format.CSV]
    order = text + [i for i in range(len(books)) if i not in text]
    spreadsheets = [i for i in order if i not in text]
    parts: dict[int, SourcesImport | Exception] = {}
    begun = [0]  # sheets begun, for progress

    def counted(done: int, total: int | None) -> None:
        if progress is not None:
            progress(begun[0], sheets)
            begun[0] += 1

    with ThreadPoolExecutor(_AHEAD, thread_name_prefix="ledger-read-ahead") as pool:
        for i in spreadsheets[:_AHEAD]:
            books[i][1].read_ahead(None, pool)
        waiting = list(spreadsheets)
        for step in range(len(order)):
            if step < len(text):
                i = text[step]
            else:  # the spreadsheet whose sheet is loaded first, then keep _AHEAD loading
                i = _first_loaded(books, waiting[:_AHEAD])
                waiting.remove(i)
                for j in waiting[:_AHEAD]:
                    books[j][1].read_ahead(None, pool)
            path, book = books[i]
            part = SourcesImport()
            try:
                _import_book(part, path, book, maps, remembered, synonyms, cancel, counted)
            except ImportCancelled:
                raise
            except Exception as exc:
                parts[i] = exc
            else:
                parts[i] = part
            failed = [j for j, p in parts.items() if isinstance(p, Exception)]
            if failed and all(j in parts for j in range(min(failed))):
                break  # every file before the first that failed is read: its error stands
    for i in range(len(books)):
        read = parts[i]
        if isinstance(read, Exception):
            raise read
        out.results += read.results
        out.skipped += read.skipped


def _first_loaded(books: list[tuple[Path, Workbook]], loading: list[int]) -> int:
    """Of the books whose first sheet is loading ahead, the first (in file order) of those done
    as soon as one is: converting one sheet while the other still loads."""
    ahead = {j: books[j][1].loading(None) for j in loading}
    futures = [f for f in ahead.values() if f is not None]
    if len(futures) < len(loading):
        return next(j for j in loading if ahead[j] is None)
    wait(futures, return_when=FIRST_COMPLETED)
    return next(j for j in loading if ahead[j].done())  # type: ignore[union-attr]


def _import_book(
    out: SourcesImport,
    path: Path,
    book: Workbook,
    maps: Sequence[ColumnMap],
    remembered: Remembered | None,
    synonyms: Synonyms | None,
    cancel: Cancel | None,
    begin: Progress,
) -> None:
    """Every sheet of one opened file into ``out`` (results, or skipped with the reason);
    ``begin`` is told as each sheet begins."""
    several = len(book.names) > 1
    for name in book.names:
        if cancel is not None and cancel():
            raise ImportCancelled(path, name)
        begin(0, None)
        named = any(m.sheet == name and m.applies(path, name, m.kind) for m in maps)
        try:
            result = import_ledger(
                path,
                sheet=name if several else None,
                overrides=partial(overrides_for, maps, path, name),
                remembered=remembered,
                cancel=cancel,
                synonyms=synonyms,
                workbook=book,
            )
        except (HeaderNotFound, LedgerKindUnknown, EmptyFile, MappingInvalid) as exc:
            if named:
                raise
            out.skipped.append((path.name, SkippedSheet(name, exc.zh, exc.en)))
            continue
        out.results.append(result)


def _settle_kinds(
    out: SourcesImport,
    books: list[tuple[Path, Workbook]],
    maps: Sequence[ColumnMap],
    remembered: Remembered | None,
    wanted: Sequence[LedgerKind],
) -> None:
    """Read again, as the ledger that completes the set, a sheet whose kind was a close call."""
    ledgers = [r for r in out.results if r.kind in wanted]
    kinds = sorted(r.kind for r in ledgers)
    if not wanted or len(ledgers) != len(wanted) or kinds == sorted(wanted):
        return
    chosen = assign_kinds([(r.kind, r.alternatives) for r in ledgers], wanted)
    by_file = dict(books)
    for result, kind in zip(ledgers, chosen, strict=True):
        if kind is result.kind:
            continue
        path = next(p for p in by_file if p.name == result.file)
        book = by_file[path]
        again = import_ledger(
            path,
            kind,
            result.sheet or None,
            overrides=overrides_for(maps, path, result.sheet or path.stem, kind),
            remembered=remembered,
            workbook=book,
        )
        out.results[out.results.index(result)] = again
