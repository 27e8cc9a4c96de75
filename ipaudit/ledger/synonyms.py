"""Header synonyms and keywords of the ledgers, loaded from ``ipaudit/resources/ledger/synonyms.yaml``.

The lists are data (finance departments name their columns in many ways); this module only
validates them and builds the lookups the layout detection and the importer use.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ipaudit.errors import reason_zh, yaml_place_zh
from ipaudit.ledger.errors import SynonymsInvalid
from ipaudit.ledger.model import LedgerKind
from ipaudit.resource_files import resource_path

SYNONYMS_FILE = resource_path("ledger", "synonyms.yaml")

#: every field a ledger column can map to; the names are those of ``model.Entry`` where one exists
#: (``kind`` fills ``Entry.is_penalty``)
FIELDS = (
    "date",
    "person",
    "department",
    "amount",
    "ip_number",
    "category",
    "voucher",
    "kind",
    "text",
    "status",
    "granted",
    "inventors",
)

_SPACE_RE = re.compile(r"\s+")
# a unit in brackets or after a slash at the end of a header: 金额(元), 金额（万元）, 金额/元
_UNIT_SUFFIX_RE = re.compile(
    r"(?:\((?:人民币)?(?:万|千)?元\)|/(?:人民币)?(?:万|千)?元|\(rmb\)|\(cny\))$"
)
_TRAILING_PUNCT = ":*※.。、"


def header_key(text: object) -> str:
    """The form headers are compared in: NFKC, lower case, no white space, no unit suffix."""
    key = _SPACE_RE.sub("", unicodedata.normalize("NFKC", str(text)).lower())
    key = key.strip(_TRAILING_PUNCT)
    stripped = _UNIT_SUFFIX_RE.sub("", key)
    return stripped.strip(_TRAILING_PUNCT) or key


@dataclass(frozen=True, slots=True)
class KindSpec:
    kind: LedgerKind
    fields: tuple[str, ...]
    required: tuple[str, ...]
    identifying: frozenset[str]  # header keys that point to this ledger
    names: tuple[str, ...]  # words in sheet or file names that point to this ledger
    exact: dict[str, str]  # header key -> field
    contained: tuple[tuple[str, str], ...]  # (synonym key, field), longest first


@dataclass(frozen=True, slots=True)
class Synonyms:
    kinds: dict[LedgerKind, KindSpec]
    ignore: frozenset[str]
    subtotal: frozenset[str]
    total: frozenset[str]
    notes: tuple[str, ...]
    units: dict[str, Decimal]
    reward_words: tuple[str, ...]
    penalty_words: tuple[str, ...]
    reward_categories: tuple[str, ...]
    source: str
    confusables: dict[str, str] = field(default_factory=dict)  # character -> what was meant
    credit: frozenset[str] = frozenset()  # headers of an accounting export's credit column
    balance: frozenset[str] = frozenset()  # … its running balance
    direction: frozenset[str] = frozenset()  # … the balance's side (借/贷)
    balance_rows: tuple[str, ...] = ()  # labels of rows that carry a balance forward
    due_words: tuple[str, ...] = ()  # a payment register's amount due (应发) …
    paid_words: tuple[str, ...] = ()  # … and amount paid (实发), when it has both
    content: ContentWords = field(default_factory=lambda: ContentWords())


@dataclass(frozen=True, slots=True)
class ContentWords:
    """The words that tell what a column holds from its values (``content`` in the YAML)."""

    surnames: frozenset[str] = frozenset()
    department_suffixes: tuple[str, ...] = ()
    right_kinds: frozenset[str] = frozenset()
    expense_categories: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    voucher_words: tuple[str, ...] = ()


def _str_list(data: Any, where: str, file: Path) -> list[str]:
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(x, str | int) for x in data):
        raise SynonymsInvalid(file, where, "应为文本列表", "must be a list of texts")
    return [str(x) for x in data]


def _mapping(data: Any, where: str, file: Path) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise SynonymsInvalid(file, where, "应为映射（键: 值）", "must be a mapping (key: value)")
    return data


def parse_synonyms(data: Any, file: Path) -> Synonyms:
    """Validate the loaded YAML and build the lookups; errors name the path inside the file."""
    root = _mapping(data, "/", file)
    fields = _mapping(root.get("fields"), "fields", file)
    for name in fields:
        if name not in FIELDS:
            raise SynonymsInvalid(
                file,
                f"fields.{name}",
                f"未知字段（可用：{', '.join(FIELDS)}）",
                f"unknown field (known: {', '.join(FIELDS)})",
            )
    shared = {name: _str_list(v, f"fields.{name}", file) for name, v in fields.items()}
    kinds_data = _mapping(root.get("kinds"), "kinds", file)
    kinds: dict[LedgerKind, KindSpec] = {}
    for kind in LedgerKind:
        spec = kinds_data.get(kind.value)
        if spec is None:
            raise SynonymsInvalid(file, f"kinds.{kind.value}", "缺少该台账的定义", "missing")
        kinds[kind] = _kind_spec(kind, _mapping(spec, f"kinds.{kind.value}", file), shared, file)
    kw = _mapping(root.get("keywords"), "keywords", file)
    units_data = _mapping(kw.get("units", {}), "keywords.units", file)
    units: dict[str, Decimal] = {}
    for word, factor in units_data.items():
        if not isinstance(factor, int) or factor <= 0:
            raise SynonymsInvalid(
                file,
                f"keywords.units.{word}",
                "倍数应为正整数",
                "the factor must be a positive integer",
            )
        units[header_key(word)] = Decimal(factor)

    def words(name: str) -> tuple[str, ...]:
        return tuple(header_key(w) for w in _str_list(kw.get(name), f"keywords.{name}", file))

    return Synonyms(
        kinds=kinds,
        ignore=frozenset(header_key(w) for w in _str_list(root.get("ignore"), "ignore", file)),
        subtotal=frozenset(words("subtotal")),
        total=frozenset(words("total")),
        notes=words("notes"),
        units=units,
        reward_words=words("reward"),
        penalty_words=words("penalty"),
        reward_categories=words("reward_categories"),
        source=str(file),
        confusables=_confusables(root.get("confusables"), file),
        credit=frozenset(words("credit")),
        balance=frozenset(words("balance")),
        direction=frozenset(words("direction")),
        balance_rows=words("balance_rows"),
        due_words=words("due"),
        paid_words=words("paid"),
        content=_content(root.get("content"), file),
    )


def _confusables(data: Any, file: Path) -> dict[str, str]:
    pairs = _mapping(data or {}, "confusables", file)
    found: dict[str, str] = {}
    for wrong, meant in pairs.items():
        wrong_n, meant_n = (unicodedata.normalize("NFKC", str(x)) for x in (wrong, meant))
        if len(wrong_n) != 1 or len(meant_n) != 1:
            raise SynonymsInvalid(
                file,
                f"confusables.{wrong}",
                "应为单个字符对单个字符",
                "must map one character to one character",
            )
        found[wrong_n] = meant_n
    return found


def _content(data: Any, file: Path) -> ContentWords:
    root = _mapping(data or {}, "content", file)

    def words(name: str) -> list[str]:
        return [header_key(w) for w in _str_list(root.get(name), f"content.{name}", file)]

    return ContentWords(
        surnames=frozenset(words("surnames")),
        department_suffixes=tuple(sorted(words("department_suffixes"), key=len, reverse=True)),
        right_kinds=frozenset(words("right_kinds")),
        expense_categories=frozenset(words("expense_categories")),
        statuses=frozenset(words("statuses")),
        voucher_words=tuple(sorted(words("voucher_words"), key=len, reverse=True)),
    )


def _kind_spec(
    kind: LedgerKind, spec: dict[str, Any], shared: dict[str, list[str]], file: Path
) -> KindSpec:
    where = f"kinds.{kind.value}"
    fields = _str_list(spec.get("fields"), f"{where}.fields", file)
    for name in fields:
        if name not in FIELDS:
            raise SynonymsInvalid(
                file, f"{where}.fields", f"未知字段 {name}", f"unknown field {name}"
            )
    required = _str_list(spec.get("required"), f"{where}.required", file)
    for name in required:
        if name not in fields:
            raise SynonymsInvalid(
                file,
                f"{where}.required",
                f"必填字段 {name} 不在 fields 中",
                f"required field {name} is not among its fields",
            )
    extra = _mapping(spec.get("extra") or {}, f"{where}.extra", file)
    exact: dict[str, str] = {}
    contained: list[tuple[str, str]] = []
    # precedence: the ledger's own synonyms, then the shared ones, each in field order
    for source in ("extra", "shared"):
        for name in fields:
            if source == "extra":
                if name not in extra:
                    continue
                synonyms = _str_list(extra[name], f"{where}.extra.{name}", file)
            else:
                if name in extra:  # the ledger redefines this field's synonyms
                    continue
                synonyms = shared.get(name, [])
            for synonym in synonyms:
                key = header_key(synonym)
                if key and key not in exact:
                    exact[key] = name
                    contained.append((key, name))
    contained.sort(key=lambda pair: -len(pair[0]))
    return KindSpec(
        kind=kind,
        fields=tuple(fields),
        required=tuple(required),
        identifying=frozenset(
            header_key(w) for w in _str_list(spec.get("identifying"), f"{where}.identifying", file)
        ),
        names=tuple(header_key(w) for w in _str_list(spec.get("names"), f"{where}.names", file)),
        exact=exact,
        contained=tuple(pair for pair in contained if len(pair[0]) >= 2),
    )


def load_synonyms(path: str | Path | None = None) -> Synonyms:
    """The synonyms of ``path`` (default: the shipped file), validated; cached per path."""
    return _load(str(Path(path) if path is not None else SYNONYMS_FILE))


@lru_cache(maxsize=8)
def _load(path: str) -> Synonyms:
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        why = reason_zh(exc)
        raise SynonymsInvalid(
            file, "/", f"无法读取{'（' + why + '）' if why else ''}", f"cannot be read ({exc})"
        ) from exc
    try:
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        # the place, in Chinese; PyYAML's words in English
        raise SynonymsInvalid(
            file, "/", f"YAML 格式错误{yaml_place_zh(exc)}", f"malformed YAML: {exc}"
        ) from exc
    return parse_synonyms(data, file)
