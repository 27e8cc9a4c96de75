"""Where a ledger's header is, what each column holds, which ledger it is and in what unit.

Real sheets carry a title row, sometimes a unit row (单位：元 / 单位：万元), then the header. The
header is the row among the first ``SCAN_ROWS`` whose cells best match the synonyms of one ledger
(``ipaudit/resources/ledger/synonyms.yaml``); the ledger kind comes from those headers, the headers that
identify a ledger (奖惩类型, 发放金额, 费用类别 …) and words in the sheet and file names. When the
result is not ``sure`` the import wizard shows a preview with a column-mapping control; the mapping
the user chose is remembered per ``layout_signature``.

Headers are read the ways finance writes them (``headers``: compound names, notes in brackets,
two-level headers, typos), then every column is judged by its values (``content``): a column whose
header is unknown is placed by what it holds, a header whose values say otherwise is reported, a
sheet without a usable header is read from its values alone, and every column left unused is
listed with what it looks like. An IP number written only inside a text column is taken from
there; an export of accounting software (借方/贷方/余额) is read from its debit side.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ipaudit.ledger import normalize as nz
from ipaudit.ledger.cells import Cell, cell_text
from ipaudit.ledger.content import (
    DECIDES,
    SAMPLE_ROWS,
    STRONG,
    WEAK_FIELDS,
    Profile,
    is_label_row,
    looks_like_data,
    profile_columns,
)
from ipaudit.ledger.headers import (
    NOTE_REMOVED,
    PARENT_ONLY,
    TYPO,
    WITH_PARENT,
    header_candidates,
    spread_parent,
    typo_match,
)
from ipaudit.ledger.model import ColumnNote, LedgerKind, column_letter
from ipaudit.ledger.synonyms import KindSpec, Synonyms, header_key, load_synonyms
from ipaudit.text import counted

SCAN_ROWS = 15
HANDLER_ROWS = 3  # an expense record's one name on this many lines is its clerk, not a payee
SURE = 0.75  # confidence from which the import goes ahead without asking
_CONTAINED_STRENGTH = 0.6
_MAX_HEADER_LEN = 24  # longer cells are notes or titles, not headers
ONE = Decimal(1)

FIELD_NAMES = {
    "date": ("日期", "date"),
    "person": ("姓名", "name"),
    "department": ("部门", "department"),
    "amount": ("金额", "amount"),
    "ip_number": ("知识产权编号", "IP number"),
    "category": ("类别", "category"),
    "voucher": ("凭证号", "voucher"),
    "kind": ("奖惩类型", "reward or penalty"),
    "text": ("事由/摘要", "description"),
    "status": ("状态", "status"),
    "granted": ("授权日", "grant date"),
    "inventors": ("发明人", "inventors"),
}


@dataclass(frozen=True, slots=True)
class Layout:
    kind: LedgerKind | None
    header_row: int  # 1-based; 0 when no header was found
    mapping: dict[str, int]  # field -> 0-based column
    headers: tuple[str, ...] = ()  # the header row's cells as text (index = column)
    confidence: float = 0.0  # 0..1
    unit: Decimal = ONE  # 10000 when amounts are in 万元
    missing: tuple[str, ...] = ()  # required fields of ``kind`` no column maps to
    signature: str = ""  # layout_signature(headers)
    alternatives: tuple[LedgerKind, ...] = field(default=())  # other kinds that fit as well
    field_confidence: dict[str, float] = field(default_factory=dict)  # field -> 0..1
    unused: tuple[ColumnNote, ...] = ()  # columns not imported, with what they look like
    warnings: tuple[ColumnNote, ...] = ()  # header and values disagree; a field left unused
    ip_text_columns: tuple[int, ...] = ()  # text columns IP numbers are found inside
    penalty_column: int | None = None  # rewards: the amounts of penalties, in a column of their own
    credit_column: int | None = None  # accounting export: 贷方
    balance_column: int | None = None  # accounting export: 余额
    direction_column: int | None = None  # accounting export: 方向 (借/贷)

    @property
    def sure(self) -> bool:
        """True when the import can go ahead without the user checking the mapping."""
        return (
            bool(self.mapping)
            and self.kind is not None
            and not self.missing
            and not self.alternatives
            and self.confidence >= SURE
        )

    def column_header(self, column: int) -> str:
        return self.headers[column] if 0 <= column < len(self.headers) else ""


def layout_signature(headers: Iterable[Cell]) -> str:
    """A short stable key of a header row, to remember a column mapping per layout.

    Header text is compared normalised (so "金额（元）" and "金额(元)" give the same key) and in
    position (a mapping names columns by position).
    """
    keys = [header_key(cell_text(h)) if h not in (None, "") else "" for h in headers]
    while keys and not keys[-1]:
        keys.pop()
    digest = hashlib.sha1("\x1f".join(keys).encode("utf-8"), usedforsecurity=False)
    return "v1-" + digest.hexdigest()[:16]


@dataclass(slots=True)
class _RowMatch:
    """One header row read as one ledger."""

    mapping: dict[str, int]
    strength: dict[str, float]  # field -> how surely its header says so
    understood: float  # header cells understood (fields and known-but-ignored headers)
    ignored: set[int]  # columns whose header is known to carry nothing to import
    identifying: int  # header cells that point to this ledger


@dataclass(slots=True)
class _Match:
    kind: LedgerKind
    row: int  # 0-based
    match: _RowMatch
    cells: int  # non-empty cells of the row
    score: float


def match_headers(
    headers: Sequence[Cell], kind: LedgerKind, synonyms: Synonyms | None = None
) -> dict[str, int]:
    """Field -> column for one header row read as ``kind``."""
    syn = synonyms or load_synonyms()
    cands = _row_candidates(headers, None, syn)
    return _match_row(cands, syn.kinds[kind], syn).mapping


def _cell_text(value: Cell) -> str:
    if value.__class__ is not str:
        return ""  # numbers and dates are data, not headers
    return value if len(header_key(value)) <= _MAX_HEADER_LEN else ""


def _row_candidates(
    row: Sequence[Cell], parent: Sequence[str] | None, syn: Synonyms
) -> list[list[tuple[str, float]]]:
    """Per column, the keys to look its header up by (see ``headers.header_candidates``)."""
    width = max(len(row), len(parent) if parent else 0)
    out: list[list[tuple[str, float]]] = []
    for col in range(width):
        text = _cell_text(row[col]) if col < len(row) else ""
        above = parent[col] if parent and col < len(parent) else ""
        out.append(header_candidates(text, above, syn) if text or above else [])
    return out


def _match_row(cands: list[list[tuple[str, float]]], spec: KindSpec, syn: Synonyms) -> _RowMatch:
    m = _RowMatch({}, {}, 0.0, set(), 0)
    done: set[int] = set()

    def take(col: int, name: str, strength: float) -> None:
        done.add(col)
        m.understood += strength
        if name not in m.mapping:
            m.mapping[name] = col
            m.strength[name] = strength

    # the header as written (or without its notes) first; then joined to its parent; then, if
    # the header is one known to carry nothing, it is left out; then the weaker readings
    passes = (
        lambda strength: strength >= NOTE_REMOVED,
        lambda strength: strength in (WITH_PARENT, PARENT_ONLY),
        None,
        lambda strength: True,
    )
    for wanted in passes:
        for col, keys in enumerate(cands):
            if col in done:
                continue
            if wanted is None:
                if any(k in syn.ignore for k, strength in keys if strength >= NOTE_REMOVED):
                    done.add(col)
                    m.ignored.add(col)
                    m.understood += 1.0
                continue
            for key, strength in keys:
                if wanted(strength) and key in spec.exact:
                    take(col, spec.exact[key], strength)
                    break
    for col, keys in enumerate(cands):
        if col in done or not keys:
            continue
        own = keys[0][0]
        typo = typo_match(own, spec.exact)
        if typo is not None:
            take(col, spec.exact[typo], TYPO)
            continue
        for synonym, name in spec.contained:
            if synonym in own and name not in m.mapping:
                take(col, name, _CONTAINED_STRENGTH)
                break
    m.identifying = sum(1 for keys in cands if keys and any(k in spec.identifying for k, _ in keys))
    return m


def kind_from_names(names: Iterable[str], synonyms: Synonyms | None = None) -> LedgerKind | None:
    """The ledger a sheet or file name points to ("奖金发放登记表" → payments), if exactly one."""
    syn = synonyms or load_synonyms()
    found: dict[LedgerKind, int] = {}
    for name in names:
        key = header_key(name)
        if not key:
            continue
        for kind, spec in syn.kinds.items():
            longest = max((len(w) for w in spec.names if w and w in key), default=0)
            if longest:
                found[kind] = max(found.get(kind, 0), longest)
    if not found:
        return None
    best = max(found.values())
    winners = [k for k, v in found.items() if v == best]
    return winners[0] if len(winners) == 1 else None


def _texts(row: Sequence[Cell]) -> list[str]:
    return [cell_text(c).strip() if c not in (None, "") else "" for c in row]


def _parent_row(
    rows: Sequence[Sequence[Cell]],
    index: int,
    merged: Sequence[tuple[int, int, int, int]],
    syn: Synonyms,
) -> list[str] | None:
    """The row above ``index`` as the parent of a two-level header, if it can be one: it holds
    at least two header-like texts, and the row below holds no data values (typed, or text that
    reads as data: a CSV's first data row is no header under its header)."""
    if index < 1:
        return None
    row = rows[index]
    if any(c.__class__ in (int, float, dt.date, dt.datetime) for c in row):
        return None
    if looks_like_data(row, syn):
        return None
    above = [_cell_text(c).strip() for c in rows[index - 1]]
    if sum(1 for t in above if t) < 2:
        return None
    return spread_parent(above, index - 1, merged)


def _data_start(rows: Sequence[Sequence[Cell]], syn: Synonyms) -> int | None:
    """The first row (0-based) of a sheet without a recognisable header where the data begins."""
    scan = rows[:SCAN_ROWS]
    for index, row in enumerate(scan):
        if looks_like_data(row, syn):
            following = rows[index + 1 : index + 3]
            if not following or any(looks_like_data(r, syn) for r in following):
                return index
    return None


def detect_layout(
    rows: Sequence[Sequence[Cell]],
    *,
    kind: LedgerKind | None = None,
    names: Iterable[str] = (),
    synonyms: Synonyms | None = None,
    merged: Sequence[tuple[int, int, int, int]] = (),
    header_row: int | None = None,
) -> Layout:
    """Find the header among the first ``SCAN_ROWS`` of ``rows`` (spreadsheet rows from row 1;
    the rows after it, up to ``content.SAMPLE_ROWS``, are read to judge the columns' values).

    ``kind`` fixes the ledger; otherwise it is detected from the headers, the values and
    ``names`` (sheet and file names). ``merged``: the sheet's merged ranges (0-based
    ``(row0, col0, row1, col1)``), to read a two-level header. A layout with an empty mapping
    means no ledger was found. ``header_row`` (1-based; 0: the data starts on row 1) fixes the
    header row instead of searching for it.
    """
    syn = synonyms or load_synonyms()
    hint = kind_from_names(names, syn) if kind is None else None
    kinds = [kind] if kind is not None else list(syn.kinds)
    matches: list[_Match] = []
    candidates: dict[int, list[list[tuple[str, float]]]] = {}
    scan = rows[:SCAN_ROWS] if header_row is None else ()
    for index, row in enumerate(scan):
        parent = _parent_row(rows, index, merged, syn)
        cands = _row_candidates(row, parent, syn)
        if sum(1 for c in cands if c) < 2:
            continue
        candidates[index] = cands
        cells = sum(1 for c in cands if c)
        for k in kinds:
            spec = syn.kinds[k]
            rm = _match_row(cands, spec, syn)
            if len(rm.mapping) < 2:
                continue
            score = sum(rm.strength.values()) + 0.5 * rm.identifying + (1.0 if k is hint else 0.0)
            if any(f not in rm.mapping for f in spec.required):
                score -= 1.5
            matches.append(_Match(k, index, rm, cells, score))
    if header_row is not None:
        header_index = header_row - 1
    elif matches:
        top = max(matches, key=lambda m: (m.score, -m.row))
        header_index = top.row
        # a two-level header: the row below, read with this one as its parent, is the header
        # when it places at least as many fields (the data starts after it)
        below = [
            m
            for m in matches
            if m.row == top.row + 1
            and m.kind is top.kind
            and _parent_row(rows, m.row, merged, syn) is not None
            and len(m.match.mapping) >= len(top.match.mapping)
        ]
        if below:
            header_index = top.row + 1
    else:
        start = _data_start(rows, syn)
        if start is None:
            return Layout(kind=kind or hint, header_row=0, mapping={})
        header_index = start - 1
    header: Sequence[Cell] = rows[header_index] if header_index >= 0 else ()
    cands = candidates.get(header_index) or (
        _row_candidates(header, _parent_row(rows, header_index, merged, syn), syn)
        if header_index >= 0
        else []
    )
    data = rows[header_index + 1 :]
    width = max([len(header), *(len(r) for r in data[:SAMPLE_ROWS])], default=0)
    profiles = profile_columns(data, syn, width)
    headers = tuple(_texts(header)) + ("",) * max(0, width - len(header))
    if hint is None and kind is None:  # a title above the header ("知识产权奖励情况一览")
        titles = [cell_text(c) for r in rows[: max(header_index, 0)] for c in r if c]
        hint = kind_from_names([t for t in titles if len(t) <= 40], syn)
    readings = [
        _read_columns(k, _match_row(cands, syn.kinds[k], syn), profiles, headers, syn, hint)
        for k in kinds
    ]
    readings = [r for r in readings if len(r.mapping) >= (2 if header_row is None else 1)]
    if not readings:
        return Layout(kind=kind or hint, header_row=header_index + 1, mapping={}, headers=headers)
    best = max(readings, key=lambda r: r.score)
    rivals = tuple(
        r.kind for r in readings if r.kind is not best.kind and best.score - r.score < 1.0
    )
    if best.kind is LedgerKind.PAYMENTS:
        _due_or_paid(best, data[:SAMPLE_ROWS], headers, syn)
    parent = _parent_row(rows, header_index, merged, syn)
    unit = detect_unit(rows[: header_index + 1], best.mapping.get("amount"), syn, parent)
    confidence = best.confidence
    if best.missing:
        confidence *= 0.6
    if rivals and kind is None:
        confidence *= 0.6
    return Layout(
        kind=best.kind,
        header_row=header_index + 1,
        mapping=dict(sorted(best.mapping.items(), key=lambda item: item[1])),
        headers=headers,
        confidence=round(confidence, 3),
        unit=unit,
        missing=best.missing,
        signature=layout_signature(header),
        alternatives=rivals,
        field_confidence=best.field_confidence,
        unused=best.unused,
        warnings=best.warnings,
        ip_text_columns=best.ip_text_columns,
        penalty_column=best.penalty_column,
        credit_column=best.credit_column,
        balance_column=best.balance_column,
        direction_column=best.direction_column,
    )


@dataclass(slots=True)
class _Reading:
    """A sheet's columns read as one ledger: from the headers, then from the values."""

    kind: LedgerKind
    mapping: dict[str, int]
    field_confidence: dict[str, float]
    score: float
    confidence: float
    missing: tuple[str, ...]
    unused: tuple[ColumnNote, ...]
    warnings: tuple[ColumnNote, ...]
    ip_text_columns: tuple[int, ...]
    penalty_column: int | None
    credit_column: int | None
    balance_column: int | None
    direction_column: int | None


def _due_or_paid(
    reading: _Reading, data: Sequence[Sequence[Cell]], headers: Sequence[str], syn: Synonyms
) -> None:
    """A payment register with an amount due (应发) and an amount paid (实发): which is the payment.

    Where the two agree on most rows, the paid column is (its few differences are what was really
    paid short); where they differ on most rows, tax or deductions were withheld and the due
    column is, as reward decisions are before tax. The choice is a warning naming both columns.
    """
    amount = reading.mapping.get("amount")
    if amount is None:
        return
    keys = [header_key(h) for h in headers]
    unused = {n.column: n for n in reading.unused if n.looks_like == "amount"}
    pool = [c for c in (amount, *unused) if c < len(keys)]

    def has(col: int, words: tuple[str, ...]) -> bool:
        return any(w in keys[col] for w in words)

    due = [c for c in pool if has(c, syn.due_words) and not has(c, syn.paid_words)]
    paid = [c for c in pool if has(c, syn.paid_words) and not has(c, syn.due_words)]
    if len(due) != 1 or len(paid) != 1 or amount not in (due[0], paid[0]):
        return
    d, p = due[0], paid[0]
    same = differ = 0
    for row in data:
        if is_label_row(row, syn) or max(d, p) >= len(row):
            continue
        try:
            a, b = nz.parse_amount(row[d]), nz.parse_amount(row[p])
        except nz.NormalizeError:
            continue
        if a is None or b is None:
            continue
        same, differ = (same + 1, differ) if a == b else (same, differ + 1)
    if same + differ < 2:
        return
    chosen, other = (p, d) if same >= differ else (d, p)
    ch, oh = headers[chosen], headers[other]
    cl, ol = column_letter(chosen), column_letter(other)
    if same >= differ:
        zh = (
            f"第 {cl} 列“{ch}”与第 {ol} 列“{oh}”在 {same} 行相同、{differ} 行不同："
            f"按第 {cl} 列读作发放金额，不同之处即实际少发或多发"
        )
        en = (
            f"column {cl} “{ch}” and column {ol} “{oh}” agree on {counted(same, 'row')} and differ on"
            f" {differ}: column {cl} is read as the amount paid; where they differ, that is what"
            " was really paid"
        )
    else:
        zh = (
            f"第 {cl} 列“{ch}”与第 {ol} 列“{oh}”在 {differ} 行不同（代扣税款等）："
            f"按第 {cl} 列读作发放金额（奖励按税前决定）"
        )
        en = (
            f"column {cl} “{ch}” and column {ol} “{oh}” differ on {counted(differ, 'row')} (tax withheld):"
            f" column {cl} is read as the amount paid, as rewards are decided before tax"
        )
    if chosen != amount:
        reading.mapping["amount"] = chosen
        reading.unused = tuple(
            ColumnNote(amount, headers[amount], "amount") if n.column == chosen else n
            for n in reading.unused
        )
    kept = [w for w in reading.warnings if w.column not in (chosen, other)]
    reading.warnings = (*kept, ColumnNote(other, oh, "amount", zh, en))


def _label(name: str) -> tuple[str, str]:
    return FIELD_NAMES.get(name, (name, name))


def unused_warning(note: ColumnNote) -> ColumnNote | None:
    """The warning for an unused column whose values look like a ledger field."""
    if note.looks_like is None:
        return None
    lz, le = _label(note.looks_like)
    letter, header = note.letter, note.header
    return ColumnNote(
        note.column,
        header,
        note.looks_like,
        f"第 {letter} 列“{header}”的内容看起来是{lz}，但没有导入；如需要请在列映射中指定",
        f"column {letter} “{header}” looks like the {le} but is not imported; map it if it is",
    )


def _read_columns(
    kind: LedgerKind,
    rm: _RowMatch,
    profiles: Sequence[Profile],
    headers: Sequence[str],
    syn: Synonyms,
    hint: LedgerKind | None,
) -> _Reading:
    spec = syn.kinds[kind]
    fields = spec.fields
    mapping = dict(rm.mapping)
    conf: dict[str, float] = {}
    warnings: list[ColumnNote] = []

    def profile(col: int) -> Profile:
        return profiles[col] if col < len(profiles) else Profile(col, 0)

    # the headers, checked against the values
    for name, col in list(mapping.items()):
        strength = rm.strength.get(name, 1.0)
        p = profile(col)
        if p.filled == 0 or name in WEAK_FIELDS:
            conf[name] = round(strength * 0.9, 2)
            continue
        score = p.score(name)
        other = p.best(fields, strong_only=True)
        if score >= DECIDES or other is None or other == name or p.score(other) < STRONG:
            conf[name] = round(min(1.0, strength + (0.1 if score >= DECIDES else -0.1)), 2)
            if score >= DECIDES:
                conf[name] = round(max(conf[name], strength), 2)
            continue
        hz, he = _label(name)
        oz, oe = _label(other)
        letter = column_letter(col)
        header = headers[col] if col < len(headers) else ""
        if strength >= NOTE_REMOVED or other in mapping:
            conf[name] = round(strength * 0.5, 2)
            warnings.append(
                ColumnNote(
                    col,
                    header,
                    other,
                    f"第 {letter} 列“{header}”按表头读作{hz}，但内容看起来是{oz}；请核对列映射",
                    f"column {letter} “{header}” is read as the {he} by its header, but its values"
                    f" look like the {oe}; check the column mapping",
                )
            )
        else:  # a loose header reading gives way to clear values
            del mapping[name]
            mapping[other] = col
            conf[other] = round(p.score(other) * 0.85, 2)
            warnings.append(
                ColumnNote(
                    col,
                    header,
                    other,
                    f"第 {letter} 列“{header}”的表头像{hz}，但内容是{oz}，按内容读作{oz}",
                    f"column {letter} “{header}” has a header like the {he} but its values are"
                    f" the {oe}; it is read as the {oe}",
                )
            )
    # a field whose header column holds nothing (领取人签字 left blank for the pen) is still open:
    # a column of its values elsewhere takes it
    empty = {
        name
        for name, col in mapping.items()
        if name not in WEAK_FIELDS and profile(col).filled == 0 and any(p.filled for p in profiles)
    }
    # columns the headers did not place: the values decide
    taken = set(mapping.values())
    offers: list[tuple[float, int, str]] = []
    for p in profiles:
        if p.column in taken or p.column in rm.ignored:
            continue
        for name in fields:
            if (name in mapping and name not in empty) or name in WEAK_FIELDS:
                continue
            score = p.score(name)
            if score >= DECIDES and not p.row_numbers:
                offers.append((score, -p.column, name))
    by_content = 0.0
    for score, neg_col, name in sorted(offers, reverse=True):
        col = -neg_col
        if (name in mapping and name not in empty) or col in taken:
            continue
        rival = profile(col).best(fields, strong_only=True)
        if rival not in (None, name) and profile(col).score(rival) > score:
            continue
        if name in empty:
            empty.discard(name)
            was = mapping[name]
            taken.discard(was)
            header = headers[was] if was < len(headers) else ""
            hz, he = _label(name)
            letter, to = column_letter(was), column_letter(col)
            warnings.append(
                ColumnNote(
                    was,
                    header,
                    None,
                    f"第 {letter} 列“{header}”按表头是{hz}，但整列为空；{hz}按内容读自第 {to} 列",
                    f"column {letter} “{header}” is the {he} by its header but holds nothing; the"
                    f" {he} is read from column {to} by its values",
                )
            )
        mapping[name] = col
        taken.add(col)
        conf[name] = round(score * 0.85, 2)
        by_content += score
    # an expense record's one name on every line, reward or not (经手人 under another header, or
    # none): the clerk who keeps the book, not a payee
    if kind is LedgerKind.EXPENSES and "person" in mapping:
        col = mapping["person"]
        p = profile(col)
        by_header = rm.mapping.get("person") == col and rm.strength.get("person", 0.0) >= 1.0
        if not by_header and p.distinct == 1 and p.filled >= HANDLER_ROWS:
            del mapping["person"]
            conf.pop("person", None)
            taken.discard(col)
            rm.ignored.add(col)
    # free text last: an unknown column of longer texts, when the ledger has a text field
    if "text" in fields and "text" not in mapping:
        for p in profiles:
            if p.column not in taken and p.column not in rm.ignored and p.best(fields) == "text":
                mapping["text"] = p.column
                taken.add(p.column)
                conf["text"] = round(p.score("text") * 0.7, 2)
                break
    # IP numbers written inside text columns (事由, 摘要, 备注), the likeliest first
    ip_text_columns: tuple[int, ...] = ()
    if "ip_number" in fields and "ip_number" not in mapping:
        inside = [p for p in profiles if p.ip_inside > 0 and not p.row_numbers]
        inside.sort(key=lambda p: (-p.ip_inside, p.column))
        ip_text_columns = tuple(p.column for p in inside)
        if inside:
            conf["ip_number"] = round(min(1.0, sum(p.ip_inside for p in inside)) * 0.85, 2)
    # an export of accounting software: the credit, balance and direction columns
    keys = [header_key(h) for h in headers]

    def find(words: frozenset[str]) -> int | None:
        return next((i for i, k in enumerate(keys) if k in words and i not in taken), None)

    credit = balance = direction = None
    if kind is LedgerKind.EXPENSES and "amount" in mapping:
        credit, balance, direction = find(syn.credit), find(syn.balance), find(syn.direction)
    # a reward record with one amount column for rewards and another for penalties
    penalty_column = None
    if kind is LedgerKind.REWARDS and "amount" in mapping:
        amount_words = [w for w, f in spec.contained if f == "amount"]
        amounts = [
            i
            for i, k in enumerate(keys)
            if (
                spec.exact.get(k) == "amount"
                or any(w in k for w in amount_words)
                # 奖励/处罚 under a merged 金额: the child's own text names no amount, the values do
                or (i not in rm.ignored and profile(i).best(fields, strong_only=True) == "amount")
            )
            and (i == mapping["amount"] or i not in taken)
        ]
        fines = [i for i in amounts if any(w in keys[i] for w in syn.penalty_words)]
        rewards = [i for i in amounts if i not in fines]
        if fines and rewards:
            reward = mapping["amount"] if mapping["amount"] in rewards else rewards[0]
            mapping["amount"], penalty_column = reward, fines[0]
            taken = (taken - {c for c in amounts}) | {reward, fines[0]}
    used = taken | set(ip_text_columns)
    used |= {c for c in (credit, balance, direction, penalty_column) if c is not None}
    # every column not used, with what its values look like
    unused: list[ColumnNote] = []
    for col in range(len(profiles)):
        if col in used:
            continue
        p = profile(col)
        header = headers[col] if col < len(headers) else ""
        if p.filled == 0 and not header:
            continue
        looks = p.best(fields, strong_only=True) if p.filled else None
        note = ColumnNote(col, header, looks)
        unused.append(note)
        if col not in rm.ignored and looks not in mapping:  # (经手人: known, carries nothing)
            warning = unused_warning(note)
            if warning is not None:
                warnings.append(warning)
    missing = tuple(f for f in spec.required if f not in mapping)
    cues = 0.0
    for p in profiles:
        if p.column in rm.ignored:
            continue
        if kind is LedgerKind.REWARDS and p.score("kind") >= DECIDES:
            cues += 1.0
        if kind is LedgerKind.EXPENSES and p.score("category") >= DECIDES:
            cues += 1.0
        if kind is LedgerKind.PORTFOLIO and p.score("status") >= DECIDES:
            cues += 1.0
    if credit is not None or balance is not None:
        cues += 1.5
    score = (
        sum(rm.strength.get(f, 0.0) for f in rm.mapping if mapping.get(f) == rm.mapping[f])
        + 0.5 * rm.identifying
        + 0.5 * by_content
        + cues
        + (1.0 if kind is hint else 0.0)
        - (1.5 if missing else 0.0)
    )
    # the overall confidence: the share of the sheet's columns understood, each counted by how
    # sure its reading is (the header cells alone when the headers placed every field)
    if rm.mapping and not by_content:
        cells = sum(1 for h in headers if h)
        extra = sum(conf.get(f, 0) for f in mapping if f not in rm.mapping)
        confidence = min(1.0, (rm.understood + extra) / max(cells, 1))
    else:
        filled = [
            p for p in profiles if p.filled or (p.column < len(headers) and headers[p.column])
        ]
        understood = (
            sum(conf.values())
            + sum(1.0 for c in rm.ignored if c not in mapping.values())
            + sum(1.0 for c in (credit, balance, direction, penalty_column) if c is not None)
        )
        confidence = min(1.0, understood / max(len(filled), 1)) if filled else 0.0
    return _Reading(
        kind=kind,
        mapping=mapping,
        field_confidence=dict(sorted(conf.items())),
        score=score,
        confidence=confidence,
        missing=missing,
        unused=tuple(unused),
        warnings=tuple(warnings),
        ip_text_columns=ip_text_columns,
        penalty_column=penalty_column,
        credit_column=credit,
        balance_column=balance,
        direction_column=direction,
    )


def detect_unit(
    rows: Sequence[Sequence[Cell]],
    amount_col: int | None,
    synonyms: Synonyms | None = None,
    parent: Sequence[str] | None = None,
) -> Decimal:
    """The amount unit: the amount header's own ("金额（万元）"), its parent's in a two-level
    header, or a unit row's ("单位：万元")."""
    syn = synonyms or load_synonyms()
    words = sorted(syn.units, key=len, reverse=True)
    unit_re = re.compile("单位[:]?(" + "|".join(map(re.escape, words)) + ")") if words else None
    if amount_col is not None:
        own = [rows[-1][amount_col]] if rows and amount_col < len(rows[-1]) else []
        above = [parent[amount_col]] if parent and amount_col < len(parent) else []
        for cell in (*own, *above):
            header = _plain(cell)
            for word in words:
                if f"({word})" in header or header.endswith(f"/{word}") or header.endswith(word):
                    return syn.units[word]
    if unit_re is not None:
        for row in rows:
            for cell in row:
                m = unit_re.search(_plain(cell))
                if m:
                    return syn.units[m.group(1)]
    return ONE


def _plain(value: Cell) -> str:
    if value.__class__ is not str:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).lower()
