"""The shape of a checklist template file, as msgspec structs, and the bilingual problems of a
value that does not fit it.

Each struct is one unit of a template (a department, a clause, an item …). :func:`convert` turns a
parsed YAML value into its struct in one msgspec call. msgspec stops at the first problem, and a
template author wants them all, with where they are: when the call fails, :func:`explain` walks the
value against the struct's fields (the same declarations, read through
``msgspec.structs.fields``) and names every problem — unknown or missing field, wrong type, value
out of range or not among the allowed ones — in English and Chinese. What needs the rest of the
file (unique keys, references between items, rules that depend on an item's kind) is checked by
``template.py`` on the converted structs.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

import msgspec
from msgspec import UNSET, Meta, Struct, UnsetType

from ipaudit.domain.model import ItemKind
from ipaudit.domain.rules import Every, TimeRule

NonEmpty = Annotated[str, Meta(pattern=r"\S")]
Count = Annotated[int, Meta(ge=1)]
# Clause numbers, editions and seed ids: text, but a number written without quotes is read as one
# (an integer is accepted, a decimal gets a hint); template.py checks them.
Number = str | int | float

KINDS = tuple(k.value for k in ItemKind)
FORM_FORMATS = ("xlsx", "docx")
TIME_RULES = tuple(r.value for r in TimeRule)
PERIODS = tuple(e.value for e in Every)


class _Unit(Struct, forbid_unknown_fields=True):
    pass


class TextDef(_Unit):
    zh: NonEmpty
    en: NonEmpty


class DepartmentDoc(_Unit):
    key: NonEmpty
    zh: NonEmpty
    en: NonEmpty
    optional: bool | None = None


class ClauseDoc(_Unit):
    ref: Number
    zh: NonEmpty
    en: NonEmpty
    confirmed: bool | None = None


class SubRecordDoc(_Unit):
    key: NonEmpty
    zh: NonEmpty
    en: NonEmpty


class QuestionDoc(_Unit):
    key: NonEmpty
    zh: NonEmpty
    en: NonEmpty
    fact: NonEmpty | UnsetType = UNSET


class FormDoc(_Unit):
    zh: NonEmpty
    en: NonEmpty
    format: Literal[FORM_FORMATS]  # type: ignore[valid-type]
    columns: list[TextDef]


class ItemDoc(_Unit):
    key: NonEmpty
    department: NonEmpty
    clause: Number
    refs: dict[Any, Any]
    title: TextDef
    guidance: TextDef
    kind: Literal[KINDS]  # type: ignore[valid-type]
    unconfirmed: list[Any] | None = None
    min_count: Count | UnsetType = UNSET
    instances: Count | UnsetType = UNSET
    instance_label: TextDef | UnsetType = UNSET
    sub_records: list[SubRecordDoc] | UnsetType = UNSET
    questions: list[QuestionDoc] | UnsetType = UNSET
    forms: list[FormDoc] | None = None
    seed: list[Any] | None = None
    aliases: list[NonEmpty] | None = None
    time_rule: Literal[TIME_RULES] | UnsetType = UNSET  # type: ignore[valid-type]
    lead_months: Any = UNSET
    every: Literal[PERIODS] | UnsetType = UNSET  # type: ignore[valid-type]
    mandatory: bool | None = None


class TemplateDoc(_Unit):
    """The top of the file: its parts are converted one by one (an item at a time), so that a
    problem in one item does not hide those of the others."""

    edition: Any
    title: Any
    departments: Any
    clauses: Any
    items: Any
    chronology: Any = None
    grades: Any = None


class ChronologyDoc(_Unit):
    phases: Any = None
    sequences: Any = None
    same_day: Any = None


class PhaseDoc(_Unit):
    item: NonEmpty
    order: list[Any]


class SequenceDoc(_Unit):
    first: NonEmpty
    then: NonEmpty
    first_records: list[Any] | None = None
    then_records: list[Any] | None = None
    within_months: Any = 12


class SameDayDoc(_Unit):
    set_min: Count = 3
    department_min: Count = 8
    department_share: Any = 0.5


class ClauseMapDoc(_Unit):
    c2013: Number = msgspec.field(name="2013")
    c2023: Number = msgspec.field(name="2023")
    confirmed: bool | None = None  # required: template.py says so next to a bad clause number
    note: TextDef | UnsetType = UNSET


def field_names(struct: type[Struct]) -> frozenset[str]:
    """The fields a unit may have, as written in the file."""
    return frozenset(f.encode_name for f in msgspec.structs.fields(struct))


# -- problems ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TemplateProblem:
    """One problem in a template file: where (``items[12].kind``) and what, in both languages."""

    path: str
    problem: str
    problem_zh: str = ""

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}" if self.path else self.problem


S = TypeVar("S", bound=Struct)

# What a value not among the allowed ones is called, per field ("unknown kind 'pdf'").
_CALLED = {
    "kind": ("kind", "类型"),
    "format": ("form format", "表单格式"),
    "time_rule": ("time rule", "时间规则"),
    "every": ("period", "周期"),
}
# What a missing field needs, per field, where a bare "missing" would not say.
_MISSING = {
    "refs": ("clause numbers per edition", "各版本的条款号"),
    "min_count": ("records", "记录数"),
    "instances": ("how many instances", "实例数量"),
    "set_min": ("records", "记录数"),
    "department_min": ("records", "记录数"),
}


def convert(raw: Any, struct: type[S], path: str, problems: list[TemplateProblem]) -> S | None:
    """``raw`` as ``struct``, or ``None`` with every problem of it added to ``problems``."""
    try:
        return msgspec.convert(raw, struct, strict=True)
    except msgspec.ValidationError as exc:
        # a field left empty ("title:") is missing; an empty list element is not a mapping
        name = "" if path.endswith("]") else path.rpartition(".")[2]
        found = explain(raw, struct, path, name)
        if not found:  # a case the walk does not name: msgspec's own words, still located
            found = [TemplateProblem(path, f"invalid: {exc}", f"格式错误：{exc}")]
        problems.extend(found)
        return None


def convert_all(raw: list[Any], struct: type[S]) -> list[S] | None:
    """Every element of ``raw`` as ``struct`` in one call (the usual case: a valid file), or
    ``None`` when any does not fit (then convert them one by one to name the problems)."""
    try:
        return msgspec.convert(raw, list[struct], strict=True)  # type: ignore[valid-type]
    except msgspec.ValidationError:
        return None


def explain(raw: Any, typ: Any, path: str, name: str = "") -> list[TemplateProblem]:
    """Every problem of ``raw`` against the type ``typ`` (a struct, a list, a leaf)."""
    if isinstance(typ, type) and issubclass(typ, Struct):
        if raw is None and name:  # a field left empty ("title:")
            return [_missing(path, name, typ)]
        return _explain_struct(raw, typ, path)
    base, meta = _unwrap(typ)
    origin = get_origin(base)
    if origin is Union or origin is types.UnionType:
        options = [a for a in get_args(base) if a is not UnsetType]
        if raw is None and type(None) in options:
            return []
        if raw is None:
            return [_missing(path, name, options[0])]
        options = [a for a in options if a is not type(None)]
        if any(_fits(raw, a) for a in options):
            return []
        return explain(raw, options[0], path, name)
    if raw is None and base is not Any:
        return [_missing(path, name, base)]
    if origin is list:
        if not isinstance(raw, list):
            return [_wrong(path, raw, "must be a list", "必须是列表")]
        (inner,) = get_args(base) or (Any,)
        return [p for i, v in enumerate(raw) for p in explain(v, inner, f"{path}[{i}]")]
    if origin is dict:
        return [] if isinstance(raw, Mapping) else [_mapping(path, raw)]
    if origin is Literal:
        if not isinstance(raw, str):
            return [_wrong(path, raw, "must be text", "必须是文本")]
        allowed = get_args(base)
        if raw in allowed:
            return []
        if not raw.strip():
            return [TemplateProblem(path, "is empty", "为空")]
        en, zh = _CALLED.get(name, ("value", "值"))
        if len(allowed) == 2:
            expected_en, expected_zh = (
                f"{allowed[0]} or {allowed[1]}",
                f" {allowed[0]} 或 {allowed[1]}",
            )
        else:
            expected_en, expected_zh = f"one of: {', '.join(allowed)}", f"：{', '.join(allowed)}"
        return [
            TemplateProblem(
                path,
                f"unknown {en} {raw!r} (expected {expected_en})",
                f"未知{zh} {raw!r}（应为{expected_zh}）",
            )
        ]
    if base is str:
        if not isinstance(raw, str):
            return [_wrong(path, raw, "must be text", "必须是文本")]
        return [] if _fits(raw, typ) else [TemplateProblem(path, "is empty", "为空")]
    if base is bool:
        if isinstance(raw, bool):
            return []
        return [
            TemplateProblem(
                path, f"must be true or false, not {raw!r}", f"必须是 true 或 false，而不是 {raw!r}"
            )
        ]
    if base is int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            return [
                TemplateProblem(
                    path, f"must be a whole number, not {raw!r}", f"必须是整数，而不是 {raw!r}"
                )
            ]
        low = meta.ge if meta is not None and meta.ge is not None else raw
        if raw < low:
            return [
                TemplateProblem(
                    path, f"must be at least {low}, not {raw}", f"至少为 {low}，而不是 {raw}"
                )
            ]
        return []
    if base is float:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return []
        return [_wrong(path, raw, "must be a number", "必须是数字")]
    return []


def _explain_struct(raw: Any, struct: type[Struct], path: str) -> list[TemplateProblem]:
    if not isinstance(raw, Mapping):
        return [_mapping(path, raw)]
    fields = msgspec.structs.fields(struct)
    allowed = sorted(f.encode_name for f in fields)
    found = [
        TemplateProblem(
            member(path, key),
            f"unknown field (expected one of: {', '.join(allowed)})",
            f"未知字段（允许：{', '.join(allowed)}）",
        )
        for key in raw
        if str(key) not in allowed
    ]
    for f in fields:
        where = f"{path}.{f.encode_name}" if path else f.encode_name
        if f.encode_name not in raw:
            if f.required:
                found.append(_missing(where, f.encode_name, f.type))
            continue
        found += explain(raw[f.encode_name], f.type, where, f.encode_name)
    return found


def member(path: str, key: Any) -> str:
    """The location of ``key`` inside the mapping at ``path`` (``items[3].kind``); a key that
    would blur the location (empty, or holding a dot or bracket) is quoted: ``title['']``."""
    name = str(key)
    if not name.strip() or name != name.strip() or any(c in name for c in ".[]"):
        return f"{path}[{name!r}]"
    return f"{path}.{name}" if path else name


def _unwrap(typ: Any) -> tuple[Any, Meta | None]:
    if get_origin(typ) is Annotated:
        base, *extra = get_args(typ)
        return base, next((m for m in extra if isinstance(m, Meta)), None)
    return typ, None


def _fits(raw: Any, typ: Any) -> bool:
    try:
        msgspec.convert(raw, typ, strict=True)
    except msgspec.ValidationError:
        return False
    return True


def _missing(path: str, name: str, typ: Any) -> TemplateProblem:
    base, _ = _unwrap(typ)
    if name in _MISSING:
        en, zh = _MISSING[name]
        return TemplateProblem(path, f"missing ({en})", f"缺失（{zh}）")
    if base is TextDef:
        return TemplateProblem(path, "missing (needs zh and en)", "缺失（需要 zh 和 en）")
    if base is bool:
        return TemplateProblem(path, "missing (true or false)", "缺失（true 或 false）")
    return TemplateProblem(path, "missing", "缺失")


def _mapping(path: str, raw: Any) -> TemplateProblem:
    return TemplateProblem(
        path,
        f"must be a mapping, not {kind_of(raw)}",
        f"必须是映射（键: 值），而不是{kind_of_zh(raw)}",
    )


def _wrong(path: str, raw: Any, en: str, zh: str) -> TemplateProblem:
    return TemplateProblem(path, f"{en}, not {kind_of(raw)}", f"{zh}，而不是{kind_of_zh(raw)}")


def kind_of(raw: Any) -> str:
    """What a YAML value is, for a message ("a mapping", "the number 3")."""
    names: dict[type, str] = {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}
    if raw is None:
        return "nothing"
    for t, name in names.items():
        if isinstance(raw, t):
            return name
    if isinstance(raw, int | float):
        return f"the number {raw!r}"
    return type(raw).__name__


def kind_of_zh(raw: Any) -> str:
    names: dict[type, str] = {dict: "映射", list: "列表", str: "文本", bool: "布尔值"}
    if raw is None:
        return "空值"
    for t, name in names.items():
        if isinstance(raw, t):
            return name
    if isinstance(raw, int | float):
        return f"数字 {raw!r}"
    return type(raw).__name__
