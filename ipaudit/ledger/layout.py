"""Where a ledger's header is, what each column holds, which ledger it is and in what unit.

Real sheets carry a title row, sometimes a unit row (单位：元 / 单位：万元), then the header. The
header is the row among the first ``SCAN_ROWS`` whose cells best match the synonyms of one ledger
(``resources/ledger/synonyms.yaml``); the ledger kind comes from those headers, the headers that
identify a ledger (奖惩类型, 发放金额, 费用类别 …) and words in the sheet and file names. When the
result is not ``sure`` the import wizard shows a preview with a column-mapping control; the mapping
the user chose is remembered per ``layout_signature``.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ipaudit.ledger.cells import Cell, cell_text
from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.synonyms import KindSpec, Synonyms, header_key, load_synonyms

SCAN_ROWS = 15
SURE = 0.75  # confidence from which the import goes ahead without asking
_CONTAINED_STRENGTH = 0.6
_MAX_HEADER_LEN = 24  # longer cells are notes or titles, not headers
ONE = Decimal(1)


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

    @property
    def sure(self) -> bool:
        """True when the import can go ahead without the user checking the mapping."""
        return (
            self.header_row > 0
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
class _Match:
    kind: LedgerKind
    row: int  # 0-based
    mapping: dict[str, int]
    strength: float  # fields matched (exact 1, contained 0.6)
    understood: float  # header cells understood (fields and known-but-ignored headers)
    cells: int  # non-empty cells of the row
    score: float


def match_headers(
    headers: Sequence[Cell], kind: LedgerKind, synonyms: Synonyms | None = None
) -> dict[str, int]:
    """Field -> column for one header row read as ``kind``."""
    syn = synonyms or load_synonyms()
    keys = [_cell_key(c) for c in headers]
    mapping, _strength, _understood = _match_keys(keys, syn.kinds[kind], syn)
    return mapping


def _cell_key(value: Cell) -> str:
    if value.__class__ is not str:
        return ""  # numbers and dates are data, not headers
    key = header_key(value)
    return key if len(key) <= _MAX_HEADER_LEN else ""


def _match_keys(
    keys: Sequence[str], spec: KindSpec, syn: Synonyms
) -> tuple[dict[str, int], float, float]:
    mapping: dict[str, int] = {}
    strength = understood = 0.0
    loose: list[int] = []
    for col, key in enumerate(keys):
        if not key:
            continue
        name = spec.exact.get(key)
        if name is not None:
            understood += 1
            if name not in mapping:
                mapping[name] = col
                strength += 1
        elif key in syn.ignore:
            understood += 1
        else:
            loose.append(col)
    for col in loose:
        key = keys[col]
        for synonym, name in spec.contained:
            if synonym in key and name not in mapping:
                mapping[name] = col
                strength += _CONTAINED_STRENGTH
                understood += _CONTAINED_STRENGTH
                break
    return mapping, strength, understood


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


def detect_layout(
    rows: Sequence[Sequence[Cell]],
    *,
    kind: LedgerKind | None = None,
    names: Iterable[str] = (),
    synonyms: Synonyms | None = None,
) -> Layout:
    """Find the header among the first ``SCAN_ROWS`` of ``rows`` (spreadsheet rows from row 1).

    ``kind`` fixes the ledger; otherwise it is detected from the headers and ``names`` (sheet
    and file names). A layout with ``header_row == 0`` means no header was found.
    """
    syn = synonyms or load_synonyms()
    hint = kind_from_names(names, syn) if kind is None else None
    kinds = [kind] if kind is not None else list(syn.kinds)
    matches: list[_Match] = []
    for index, row in enumerate(rows[:SCAN_ROWS]):
        keys = [_cell_key(c) for c in row]
        cells = sum(1 for c in row if c not in (None, "") and cell_text(c).strip())
        if sum(1 for k in keys if k) < 2:
            continue
        for k in kinds:
            spec = syn.kinds[k]
            mapping, strength, understood = _match_keys(keys, spec, syn)
            if len(mapping) < 2:
                continue
            identifying = sum(1 for key in keys if key in spec.identifying)
            score = strength + 0.5 * identifying + (1.0 if k is hint else 0.0)
            if any(f not in mapping for f in spec.required):
                score -= 1.5
            matches.append(_Match(k, index, mapping, strength, understood, cells, score))
    if not matches:
        return Layout(kind=kind or hint, header_row=0, mapping={})
    best = max(matches, key=lambda m: (m.score, -m.row))
    same_row = [m for m in matches if m.row == best.row and m.kind is not best.kind]
    rivals = tuple(m.kind for m in same_row if best.score - m.score < 1.0)
    spec = syn.kinds[best.kind]
    missing = tuple(f for f in spec.required if f not in best.mapping)
    confidence = min(1.0, best.understood / max(best.cells, 1))
    if missing:
        confidence *= 0.6
    if rivals and kind is None:
        confidence *= 0.6
    header = rows[best.row]
    headers = tuple(cell_text(c).strip() for c in header)
    amount_col = best.mapping.get("amount")
    unit = detect_unit(rows[: best.row + 1], amount_col, syn)
    return Layout(
        kind=best.kind,
        header_row=best.row + 1,
        mapping=dict(sorted(best.mapping.items(), key=lambda item: item[1])),
        headers=headers,
        confidence=round(confidence, 3),
        unit=unit,
        missing=missing,
        signature=layout_signature(header),
        alternatives=rivals,
    )


def detect_unit(
    rows: Sequence[Sequence[Cell]], amount_col: int | None, synonyms: Synonyms | None = None
) -> Decimal:
    """The amount unit: the amount header's own ("金额（万元）") or a unit row's ("单位：万元")."""
    syn = synonyms or load_synonyms()
    words = sorted(syn.units, key=len, reverse=True)
    unit_re = re.compile("单位[:]?(" + "|".join(map(re.escape, words)) + ")") if words else None
    if rows and amount_col is not None and amount_col < len(rows[-1]):
        header = _plain(rows[-1][amount_col])
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
