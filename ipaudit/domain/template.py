"""Checklist templates: load a GB/T 29490 checklist from YAML and validate it.

The built-in templates live in ``ipaudit/resources/templates/`` (their schema is documented at the
top of each file). A workspace keeps its own editable copy as YAML text and loads it with
:func:`load_template_text`. Validation reports every problem at once — each with the path inside
the file (``items[12].kind``) and what is wrong, in English and Chinese — as one
:class:`TemplateError`. The shape of each part (fields, types, allowed values) is declared as
msgspec structs in ``template_schema``, which converts and explains; this module checks what needs
the rest of the file: unique keys, references between items, clauses and departments, rules that
depend on an item's kind. Nothing here touches Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from msgspec import UNSET, Struct, UnsetType

from ipaudit.domain.facts import FACT_KEYS
from ipaudit.domain.model import (
    ClauseDef,
    ClauseRef,
    DepartmentDef,
    Edition,
    FormDef,
    Grade,
    Item,
    ItemKind,
    Question,
    SubRecord,
    Template,
    Text,
)
from ipaudit.domain.rules import (
    DEFAULT_GRADES,
    DEFAULT_LEAD_MONTHS,
    Every,
    ItemOrder,
    ItemRule,
    PhaseOrder,
    RuledTemplate,
    SameDay,
    Situation,
    TemplateRules,
    TimeRule,
    default_time_rule,
)
from ipaudit.domain.template_schema import (
    FORM_FORMATS,
    ChronologyDoc,
    ClauseDoc,
    ClauseMapDoc,
    DepartmentDoc,
    FormDoc,
    ItemDoc,
    NonEmpty,
    PhaseDoc,
    QuestionDoc,
    SameDayDoc,
    SequenceDoc,
    SubRecordDoc,
    TemplateDoc,
    TemplateProblem,
    TextDef,
    convert,
    convert_all,
    explain,
    field_names,
    member,
)
from ipaudit.resource_files import resource_path

TEMPLATES_DIR = resource_path("templates")
CLAUSE_MAP_PATH = TEMPLATES_DIR / "clause-map-2013-2023.yaml"

# Department keys the rest of the code relies on. A template must declare all of them (it may
# declare more). ``procurement`` is optional: the workspace merges it into ``hr_admin`` when the
# company has no separate procurement function.
DEPARTMENT_KEYS: tuple[str, ...] = (
    "management",
    "ip_office",
    "rnd",
    "hr_admin",
    "procurement",
    "marketing",
    "finance",
    "production",
)

# Fact keys a question may bind to with ``fact:`` are ``facts.FACT_KEYS`` (re-exported here).

# The requirements of the source article (GB/T 29490 audit preparation, article 5): numbered
# sections, and their lettered points where a section has them. Items claim them with ``seed:``.
SEED_REQUIREMENTS: dict[str, Text] = {
    "1": Text(
        "各部门准确回答程序文件、职责、流程、方针、目标、知识产权现状、手册、组织架构、人数",
        "Every department answers procedures, duties, workflows, policy, objectives, "
        "IP situation, manual, org chart and headcount consistently with the documents",
    ),
    "2": Text(
        "首次会议后管理者代表带领参观并介绍企业及其他证书",
        "After the opening meeting the management representative tours the auditors and "
        "mentions other certificates",
    ),
    "3": Text(
        "重视贯标；手册中的目标与目标清单及目标分解一致",
        "Show commitment; the manual's objectives match the objectives list and its split",
    ),
    "4.a": Text("管理层：知识产权方针", "Management: the IP policy"),
    "4.b": Text("管理层：知识产权现状", "Management: the current IP situation"),
    "4.c": Text("管理层：知识产权目标", "Management: the IP objectives"),
    "4.d": Text("管理层：如何制定方针和目标", "Management: how policy and objectives were set"),
    "4.e": Text(
        "管理层：如何确保知识产权管理人员有效沟通",
        "Management: how communication between IP staff is ensured",
    ),
    "4.f": Text("管理层：如何确保资源配备", "Management: how resources are ensured"),
    "5.a": Text("知识产权小组：职责与成员", "IP team: duties and members"),
    "5.b": Text(
        "知识产权小组：一套从申请到取得的完整资料",
        "IP team: one complete application-to-grant file set",
    ),
    "5.c": Text(
        "知识产权小组：知识产权归纳整理、便于展示",
        "IP team: the portfolio organised so it can be shown",
    ),
    "5.d": Text(
        "知识产权小组：配合整理审核所需文件", "IP team: produce the files the auditor asks for"
    ),
    "5.e": Text(
        "知识产权小组：《合理化建议》《合理化建议审批表》",
        "IP team: improvement suggestions and their approval forms",
    ),
    "6.a": Text(
        "研发部：三个完整项目各阶段的知识产权内容",
        "R&D: three complete projects with the IP content of every phase",
    ),
    "6.b": Text("研发部：部门人数、同时进行的项目", "R&D: headcount and concurrent projects"),
    "6.c": Text("研发部：部门职责", "R&D: the department's duties"),
    "6.d": Text("研发部：今年的知识产权目标", "R&D: this year's IP objective"),
    "6.e": Text("研发部：在什么阶段做知识产权检索", "R&D: at which phases IP searches are done"),
    "6.f": Text("研发部：三个项目的每一个记录文件", "R&D: every record of the three projects"),
    "7.a": Text("行政人事部：部门职责", "HR/admin: the department's duties"),
    "7.b": Text(
        "行政人事部：培训计划及每次培训的申请表、签到表、培训记录表",
        "HR/admin: training plans and, per training, application, sign-in sheet and record",
    ),
    "7.c": Text(
        "行政人事部：至少三套劳动合同和保密协议、知识产权条款说明、入职背景调查",
        "HR/admin: at least three labour contracts and confidentiality agreements, the IP "
        "clause explanation, background checks of new hires",
    ),
    "7.d": Text(
        "行政人事部：核心离职员工面谈记录表和资料交割清单",
        "HR/admin: exit interviews and handover lists for departing core staff",
    ),
    "7.e": Text(
        "行政人事部：《知识产权奖惩制度》及与财务三张表相互对应的记录",
        "HR/admin: the reward/penalty procedure and records that agree with finance's ledgers",
    ),
    "7.f": Text(
        "采购：采购合同知识产权条款或补充协议",
        "Procurement: IP clauses in purchase contracts or a supplementary agreement",
    ),
    "8.a": Text("市场部：知识产权目标、市场、部门人数", "Marketing: objectives, market, headcount"),
    "8.b": Text(
        "市场部：在售产品种类及主要功能", "Marketing: products on sale and their main functions"
    ),
    "8.c": Text(
        "市场部：最近一次展会的全部材料", "Marketing: all materials of the latest trade show"
    ),
    "8.d": Text(
        "市场部：《知识产权风险监控记录及防范预案》《知识产权风险评估报告》",
        "Marketing: IP risk monitoring record and prevention plan; IP risk assessment report",
    ),
    "8.e": Text("市场部：知识产权保护和规避方案", "Marketing: IP protection and avoidance plans"),
    "9": Text(
        "财务部：三张表完整且金额相互对应，费用类别齐全",
        "Finance: the three ledgers complete and mutually consistent, with all expense kinds",
    ),
}
SEED_IDS: tuple[str, ...] = tuple(SEED_REQUIREMENTS)

_REF_RE = re.compile(r"^(?:\d+|[A-Z])(?:\.\d+)*$")
_ITEM_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$")
_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")

_ITEM_FIELDS = field_names(ItemDoc)
_EDITIONS = frozenset(e.value for e in Edition)
_S = TypeVar("_S", bound=Struct)


# -- errors -------------------------------------------------------------------------------------


_YAML_PLACE = re.compile(r"line (\d+), column (\d+)")


def where_zh(path: str) -> str:
    """A problem's place in Chinese: a YAML error's "line 3, column 5" is "第 3 行第 5 列"; a
    field's path (``items[12].kind``) stays as it is."""
    m = _YAML_PLACE.fullmatch(path)
    return f"第 {m[1]} 行第 {m[2]} 列" if m else path


class TemplateError(Exception):
    """A template file that cannot be used, with every problem found in it."""

    def __init__(self, file: str, problems: list[TemplateProblem]) -> None:
        self.file = file
        self.problems = list(problems)
        super().__init__(self._render("en"))

    def _render(self, lang: str) -> str:
        n = len(self.problems)
        if lang == "zh":
            head = f"模板文件 {self.file} 有 {n} 处问题："
            lines = [
                f"  {where_zh(p.path)}：{p.problem_zh or p.problem}"
                if p.path
                else f"  {p.problem_zh}"
                for p in self.problems
            ]
        else:
            head = f"template file {self.file}: {n} problem{'s' if n != 1 else ''}:"
            lines = [f"  {p}" for p in self.problems]
        return "\n".join([head, *lines])

    @property
    def text(self) -> Text:
        """The message in both languages, for the UI."""
        return Text(zh=self._render("zh"), en=self._render("en"))


# -- clause map -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClauseMapping:
    """One correspondence between a 2013 clause and a 2023 clause."""

    clause_2013: str
    clause_2023: str
    confirmed: bool
    note: Text | None = None


# -- public API -----------------------------------------------------------------------------------


def builtin_path(edition: Edition | str) -> Path:
    """Path of the built-in template of an edition."""
    return TEMPLATES_DIR / f"gbt29490-{Edition(edition).value}.yaml"


def builtin_text(edition: Edition | str) -> str:
    """The built-in template's YAML text (what a new workspace stores as its own copy)."""
    return builtin_path(edition).read_text(encoding="utf-8")


def load_builtin(edition: Edition | str) -> Template:
    """Load and validate the built-in template of an edition (once per process: templates are
    immutable)."""
    return _builtin(Edition(edition).value)


@cache
def _builtin(edition: str) -> Template:
    return load_template(builtin_path(edition))


def load_template(path: str | Path) -> Template:
    """Load and validate a template file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateError(
            path.name,
            [
                TemplateProblem(
                    "",
                    f"not UTF-8 text (byte {exc.start})",
                    f"不是 UTF-8 文本（第 {exc.start} 字节）",
                )
            ],
        ) from exc
    return load_template_text(text, path.name)


def load_template_text(
    text: str, source_name: str, parse: Callable[[str, str], Any] | None = None
) -> Template:
    """Load and validate template YAML text; ``source_name`` names it in messages. ``parse``
    stands in for :func:`parse_yaml` (the services' cache of parsed checklists)."""
    data = (parse or parse_yaml)(text, source_name)
    v = _Validator()
    template = v.template(data, source_name)
    if v.problems or template is None:
        raise TemplateError(source_name, v.problems)
    if isinstance(template, RuledTemplate) and not _declares_rules(data):
        return _with_builtin_rules(template)
    return template


_RULE_FIELDS = ("time_rule", "mandatory", "lead_months", "every")


def _declares_rules(data: Any) -> bool:
    """Whether a template text declares any rule (copies made before rules existed declare none)."""
    if not isinstance(data, Mapping):
        return False
    if "chronology" in data or "grades" in data:
        return True
    items = data.get("items")
    return isinstance(items, list) and any(
        isinstance(raw, Mapping) and any(f in raw for f in _RULE_FIELDS) for raw in items
    )


def _with_builtin_rules(template: RuledTemplate) -> RuledTemplate:
    """A workspace's copy written before templates had rules takes them from the built-in template
    of its edition, item by item where the item is the same kind (mandatory items, time rules,
    chronology, grades)."""
    builtin = load_builtin(template.edition)
    theirs = builtin.rules if isinstance(builtin, RuledTemplate) else TemplateRules()
    kinds = {it.key: it for it in builtin.items}
    own = {it.key: it for it in template.items}
    items = {
        key: theirs.items[key]
        if key in kinds and key in theirs.items and kinds[key].kind is own[key].kind
        else rule
        for key, rule in template.rules.items.items()
    }
    phases = tuple(
        order
        for order in theirs.phase_orders
        if order.item in own
        and own[order.item].kind is ItemKind.RECORD_SET
        and {k for g in order.phases for k in g} <= {s.key for s in own[order.item].sub_records}
    )
    sequences = tuple(
        seq
        for seq in theirs.item_orders
        if seq.first in own
        and seq.then in own
        and set(seq.first_records) <= {s.key for s in own[seq.first].sub_records}
        and set(seq.then_records) <= {s.key for s in own[seq.then].sub_records}
    )
    rules = TemplateRules(items, phases, sequences, theirs.same_day, theirs.grades)
    return replace(template, rules=rules)


def load_clause_map(path: str | Path | None = None) -> tuple[ClauseMapping, ...]:
    """Load the 2013 ↔ 2023 clause correspondence (the built-in one by default)."""
    path = Path(path) if path is not None else CLAUSE_MAP_PATH
    name = path.name
    data = parse_yaml(path.read_text(encoding="utf-8"), name)
    v = _Validator()
    result: list[ClauseMapping] = []
    if not isinstance(data, list):
        v.add("", "must be a list of mappings", "必须是映射列表")
    else:
        for p, m in v.units(data, ClauseMapDoc, ""):
            c13 = v.ref(m.c2013, f"{p}.2013")
            c23 = v.ref(m.c2023, f"{p}.2023")
            if m.confirmed is None:
                v.add(f"{p}.confirmed", "missing (true or false)", "缺失（true 或 false）")
            note = v.text(m.note) if m.note is not UNSET else None
            if c13 and c23 and m.confirmed is not None:
                result.append(ClauseMapping(c13, c23, m.confirmed, note))
    if v.problems:
        raise TemplateError(name, v.problems)
    return tuple(result)


def counterparts(
    mappings: tuple[ClauseMapping, ...], edition: Edition | str, ref: str
) -> tuple[ClauseMapping, ...]:
    """The mappings that start from ``ref`` of ``edition`` (falling back to its parent clauses)."""
    ed = Edition(edition)
    probe = ref
    while True:
        found = tuple(
            m
            for m in mappings
            if (m.clause_2013 if ed is Edition.GB2013 else m.clause_2023) == probe
        )
        if found or "." not in probe:
            return found
        probe = probe.rsplit(".", 1)[0]


# -- parsing --------------------------------------------------------------------------------------


def parse_yaml(text: str, source_name: str) -> Any:
    """The data of YAML ``text`` (safe types only), or TemplateError naming the line."""
    import yaml  # here: a workspace whose checklist is in the parse cache never loads PyYAML

    # the C loader is several times faster; the pure-Python one where PyYAML was built without it
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)  # both are safe loaders
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = exc.problem or exc.context or "invalid YAML"
        raise TemplateError(
            source_name,
            [TemplateProblem(where, f"invalid YAML: {what}", "YAML 格式错误")],
        ) from exc
    except yaml.YAMLError as exc:
        raise TemplateError(
            source_name, [TemplateProblem("", f"invalid YAML: {exc}", "YAML 格式错误")]
        ) from exc
    except (ValueError, TypeError, OverflowError) as exc:  # a tag such as !!int on a word
        raise TemplateError(
            source_name,
            [TemplateProblem("", f"invalid YAML value: {exc}", "YAML 中有无法识别的值")],
        ) from exc
    if data is None:
        raise TemplateError(source_name, [TemplateProblem("", "the file is empty", "文件为空")])
    return data


class _Validator:
    """Builds model values from parsed YAML: msgspec converts each unit of the file (see
    ``template_schema``), this class checks what needs the rest of the file, collecting every
    problem on the way."""

    def __init__(self) -> None:
        self.problems: list[TemplateProblem] = []
        self.item_rules: dict[str, ItemRule] = {}
        self.items_by_key: dict[str, Item] = {}

    def add(self, path: str, en: str, zh: str) -> None:
        self.problems.append(TemplateProblem(path, en, zh))

    def unit(self, raw: Any, struct: type[_S], path: str) -> _S | None:
        return convert(raw, struct, path, self.problems)

    def units(self, raw: Any, struct: type[_S], path: str) -> Iterator[tuple[str, _S]]:
        """Each element of a list that fits ``struct``, with its path (``path[i]``); converted as
        it is reached, so that problems come in the order of the file."""
        if not isinstance(raw, list):
            self.problems += explain(raw, list[Any], path)
            return
        batch = convert_all(raw, struct)
        for i, r in enumerate(raw):
            value = batch[i] if batch is not None else self.unit(r, struct, f"{path}[{i}]")
            if value is not None:
                yield f"{path}[{i}]", value

    # primitives ------------------------------------------------------------------------------

    @staticmethod
    def text(t: TextDef) -> Text:
        return Text(t.zh, t.en)

    def ref(self, raw: Any, path: str) -> str | None:
        if isinstance(raw, float):
            self.add(
                path,
                f'clause number must be quoted, e.g. "{raw}" (unquoted YAML reads it as a number)',
                f'条款号必须加引号，例如 "{raw}"（不加引号 YAML 会把它读成数字）',
            )
            return None
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if raw is None or not isinstance(raw, str) or not raw.strip():
            self.problems += explain(raw, NonEmpty, path)
            return None
        if not _REF_RE.match(raw):
            self.add(path, f"not a clause number: {raw!r}", f"不是条款号：{raw!r}")
            return None
        return raw

    def key(self, s: str, path: str, pattern: re.Pattern[str], example: str) -> str | None:
        if not pattern.match(s):
            self.add(
                path,
                f"invalid key {s!r} (lower-case letters, digits and _, like {example!r})",
                f"键 {s!r} 无效（小写字母、数字和下划线，例如 {example!r}）",
            )
            return None
        return s

    def edition(self, raw: Any, path: str) -> Edition | None:
        value = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else raw
        try:
            return Edition(value)
        except ValueError:
            editions = ", ".join(e.value for e in Edition)
            self.add(
                path,
                f"unknown edition {raw!r} (expected {editions})",
                f"未知版本 {raw!r}（应为 {editions}）",
            )
            return None

    def unique(
        self, seen: dict[str, str], value: str, path: str, what_en: str, what_zh: str
    ) -> bool:
        if value in seen:
            self.add(
                path,
                f"duplicate {what_en} {value!r} (first at {seen[value]})",
                f"重复的{what_zh} {value!r}（首次出现于 {seen[value]}）",
            )
            return False
        seen[value] = path
        return True

    def months(self, raw: Any, path: str, *, low: int) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int) or not low <= raw <= 12:
            self.add(
                path,
                f"must be a whole number of months from {low} to 12, not {raw!r}",
                f"须为 {low} 到 12 之间的整月数，而不是 {raw!r}",
            )
            return DEFAULT_LEAD_MONTHS
        return raw

    # the template ----------------------------------------------------------------------------

    def template(self, data: Any, source: str) -> Template | None:
        if not isinstance(data, Mapping):
            self.problems += explain(data, TemplateDoc, "")
            return None
        # the top level's own problems (unknown or missing parts); each part is checked below
        self.problems += [
            p for p in explain(data, TemplateDoc, "") if p.problem.startswith("unknown field")
        ]
        edition = self.edition(data.get("edition"), "edition")
        title_doc = self.unit(data.get("title"), TextDef, "title")
        title = self.text(title_doc) if title_doc is not None else None
        departments = self.departments(data.get("departments"))
        clauses = self.clauses(data.get("clauses"))
        dept_keys = {d.key for d in departments}
        clause_map = {c.ref: c for c in clauses}
        items: list[Item] = []
        seen: dict[str, str] = {}
        raw_items = data.get("items")
        if isinstance(raw_items, list) and not raw_items:
            self.add("items", "has no items", "没有任何条目")
        if not isinstance(raw_items, list):
            self.problems += explain(raw_items, list[Any], "items")
            raw_items = []
        batch = convert_all(raw_items, ItemDoc)
        for i, raw in enumerate(raw_items):
            p = f"items[{i}]"
            doc = batch[i] if batch is not None else self.unit(raw, ItemDoc, p)
            if doc is None:
                self.broken_item(raw, p, edition, dept_keys, clause_map, seen)
                continue
            item = self.item(doc, p, edition, dept_keys, clause_map, seen)
            if item is not None:
                items.append(item)
        phases, sequences, same_day = self.chronology(data.get("chronology"))
        grades = self.grades(data.get("grades"))
        if edition is None or title is None:
            return None
        return RuledTemplate(
            edition=edition,
            title=title,
            departments=tuple(departments),
            clauses=tuple(clauses),
            items=tuple(items),
            source=source,
            rules=TemplateRules(
                items=dict(self.item_rules),
                phase_orders=phases,
                item_orders=sequences,
                same_day=same_day,
                grades=grades,
            ),
        )

    def departments(self, raw: Any) -> list[DepartmentDef]:
        result: list[DepartmentDef] = []
        seen: dict[str, str] = {}
        for p, d in self.units(raw, DepartmentDoc, "departments"):
            key = self.key(d.key, f"{p}.key", _KEY_RE, "hr_admin")
            if key is not None and self.unique(seen, key, f"{p}.key", "department", "部门"):
                result.append(DepartmentDef(key, Text(d.zh, d.en), bool(d.optional)))
        if isinstance(raw, list):
            declared = {str(d.get("key")) for d in raw if isinstance(d, Mapping)}
            missing = [k for k in DEPARTMENT_KEYS if k not in declared]
            if missing:
                self.add(
                    "departments",
                    f"missing the standard departments: {', '.join(missing)}",
                    f"缺少标准部门：{', '.join(missing)}",
                )
        return result

    def clauses(self, raw: Any) -> list[ClauseDef]:
        result: list[ClauseDef] = []
        seen: dict[str, str] = {}
        for p, c in self.units(raw, ClauseDoc, "clauses"):
            ref = self.ref(c.ref, f"{p}.ref")
            if ref is not None and self.unique(seen, ref, f"{p}.ref", "clause", "条款"):
                confirmed = True if c.confirmed is None else c.confirmed
                result.append(ClauseDef(ref, Text(c.zh, c.en), confirmed))
        return result

    def item(
        self,
        doc: ItemDoc,
        p: str,
        edition: Edition | None,
        dept_keys: set[str],
        clauses: dict[str, ClauseDef],
        seen: dict[str, str],
    ) -> Item | None:
        n_before = len(self.problems)
        key = self.key(doc.key, f"{p}.key", _ITEM_KEY_RE, "rnd.projects")
        if key is not None:
            self.unique(seen, key, f"{p}.key", "item key", "条目键")
        if dept_keys and doc.department not in dept_keys:
            self.add(
                f"{p}.department",
                f"unknown department {doc.department!r} (declare it under departments)",
                f"未知部门 {doc.department!r}（需先在 departments 中声明）",
            )
        clause = self.ref(doc.clause, f"{p}.clause")
        if clause is not None and clause not in clauses:
            self.add(
                f"{p}.clause",
                f"clause {clause!r} is not in clauses",
                f"条款 {clause!r} 不在 clauses 中",
            )
        refs = self.refs(doc.refs, doc.unconfirmed or [], p, edition, clause, clauses)
        kind = ItemKind(doc.kind)

        min_count = 1
        instances = 0
        instance_label: Text | None = None
        sub_records: tuple[SubRecord, ...] = ()
        if doc.min_count is not UNSET:
            if kind is not ItemKind.RECORDS:
                self.add(
                    f"{p}.min_count",
                    "only records items have min_count",
                    "只有 records 类条目才有 min_count",
                )
            else:
                min_count = doc.min_count
        if kind is ItemKind.RECORD_SET:
            if doc.instances is UNSET:
                self.add(f"{p}.instances", "missing (how many instances)", "缺失（实例数量）")
            else:
                instances = doc.instances
            if doc.instance_label is UNSET:
                self.add(
                    f"{p}.instance_label", "missing (needs zh and en)", "缺失（需要 zh 和 en）"
                )
            else:
                instance_label = self.text(doc.instance_label)
            sub_records = self.sub_records(doc.sub_records, f"{p}.sub_records")
        else:
            for f in ("instances", "instance_label", "sub_records"):
                if getattr(doc, f) is not UNSET:
                    self.add(
                        f"{p}.{f}",
                        "only record_set items have this field",
                        "只有 record_set 类条目才有此字段",
                    )

        questions = self.questions(doc.questions, f"{p}.questions")
        if kind is ItemKind.ANSWER and doc.questions is UNSET:
            self.add(
                f"{p}.questions",
                "an answer item needs at least one question",
                "answer 类条目至少需要一个问题",
            )
        forms = self.forms(doc.forms or [], f"{p}.forms")
        seed = self.seed(doc.seed or [], f"{p}.seed")
        rule = self.item_rule(doc, p, kind)

        if len(self.problems) != n_before or rule is None:
            return None
        assert key and clause
        self.item_rules[key] = rule
        item = Item(
            key=key,
            department=doc.department,
            clause=clause,
            refs=refs,
            title=self.text(doc.title),
            guidance=self.text(doc.guidance),
            kind=kind,
            min_count=min_count,
            instances=instances,
            instance_label=instance_label,
            sub_records=sub_records,
            questions=questions,
            forms=forms,
            seed_refs=seed,
            aliases=tuple(a.strip() for a in doc.aliases or ()),
        )
        self.items_by_key[key] = item
        return item

    def broken_item(
        self,
        raw: Any,
        p: str,
        edition: Edition | None,
        dept_keys: set[str],
        clauses: dict[str, ClauseDef],
        seen: dict[str, str],
    ) -> None:
        """An item that does not fit its shape: what of its key, department, clause and seed
        ids can be checked still is, so that every problem shows at once."""
        if not isinstance(raw, Mapping):
            return
        key, department, clause = raw.get("key"), raw.get("department"), raw.get("clause")
        if isinstance(key, str) and key.strip():
            key = self.key(key, f"{p}.key", _ITEM_KEY_RE, "rnd.projects")
            if key is not None:
                self.unique(seen, key, f"{p}.key", "item key", "条目键")
        if (
            isinstance(department, str)
            and department.strip()
            and dept_keys
            and department not in dept_keys
        ):
            self.add(
                f"{p}.department",
                f"unknown department {department!r} (declare it under departments)",
                f"未知部门 {department!r}（需先在 departments 中声明）",
            )
        if isinstance(clause, str | int | float) and not isinstance(clause, bool):
            clause = ref = self.ref(clause, f"{p}.clause")
            if ref is not None and ref not in clauses:
                self.add(
                    f"{p}.clause",
                    f"clause {ref!r} is not in clauses",
                    f"条款 {ref!r} 不在 clauses 中",
                )
        refs, unconfirmed = raw.get("refs"), raw.get("unconfirmed")
        if isinstance(refs, Mapping) and isinstance(unconfirmed, list | None):
            ref = clause if isinstance(clause, str) and _REF_RE.match(clause) else None
            self.refs(refs, unconfirmed or [], p, edition, ref, clauses)
        if isinstance(raw.get("seed"), list):
            self.seed(raw["seed"], f"{p}.seed")

    def refs(
        self,
        raw: Mapping[Any, Any],
        raw_unconfirmed: list[Any],
        p: str,
        edition: Edition | None,
        clause: str | None,
        clauses: dict[str, ClauseDef],
    ) -> dict[str, ClauseRef]:
        path = f"{p}.refs"
        found: dict[str, str] = {}
        for ed_raw, ref_raw in raw.items():
            ed = str(ed_raw)
            if ed not in _EDITIONS:
                editions = sorted(_EDITIONS)
                self.add(
                    member(path, ed_raw),
                    f"unknown field (expected one of: {', '.join(editions)})",
                    f"未知字段（允许：{', '.join(editions)}）",
                )
                continue
            ref = self.ref(ref_raw, f"{path}.{ed}")
            if ref is not None:
                found[ed] = ref
        unconfirmed: set[str] = set()
        for j, ed_raw in enumerate(raw_unconfirmed):
            ed = str(ed_raw)
            if ed not in found:
                self.add(
                    f"{p}.unconfirmed[{j}]",
                    f"{ed!r} is not an edition in refs",
                    f"{ed!r} 不是 refs 中的版本",
                )
            unconfirmed.add(ed)
        if edition is not None:
            own = edition.value
            own_ref = found.get(own)
            if own not in {str(k) for k in raw}:
                self.add(
                    path,
                    f"missing the reference for this template's edition {own}",
                    f"缺少本模板版本 {own} 的条款号",
                )
            elif own_ref is not None:
                cdef = clauses.get(own_ref)
                if cdef is None:
                    self.add(
                        f"{path}.{own}",
                        f"clause {own_ref!r} is not in clauses",
                        f"条款 {own_ref!r} 不在 clauses 中",
                    )
                elif not cdef.confirmed and own not in unconfirmed:
                    self.add(
                        f"{p}.unconfirmed",
                        f"clause {own_ref} is unconfirmed in clauses; list {own!r} here",
                        f"条款 {own_ref} 在 clauses 中标为未确认；此处须列出 {own!r}",
                    )
                if clause is not None and not (
                    own_ref == clause or own_ref.startswith(clause + ".")
                ):
                    self.add(
                        f"{path}.{own}",
                        f"{own_ref} is not clause {clause} or one of its sub-clauses",
                        f"{own_ref} 不是条款 {clause} 或其子条款",
                    )
        return {ed: ClauseRef(ref, ed not in unconfirmed) for ed, ref in found.items()}

    def sub_records(self, docs: list[SubRecordDoc] | UnsetType, path: str) -> tuple[SubRecord, ...]:
        if docs is UNSET:
            self.add(
                path, "a record_set item needs sub_records", "record_set 类条目需要 sub_records"
            )
            return ()
        if not docs:
            self.add(
                path,
                "a record_set item needs at least one sub-record",
                "record_set 类条目至少需要一个子记录",
            )
        result: list[SubRecord] = []
        seen: dict[str, str] = {}
        for i, s in enumerate(docs):
            sp = f"{path}[{i}].key"
            key = self.key(s.key, sp, _KEY_RE, "initiation")
            if key is not None and self.unique(seen, key, sp, "sub-record", "子记录"):
                result.append(SubRecord(key, Text(s.zh, s.en)))
        return tuple(result)

    def questions(self, docs: list[QuestionDoc] | UnsetType, path: str) -> tuple[Question, ...]:
        if docs is UNSET:
            return ()
        if not docs:
            self.add(
                path, "is an empty list (remove it or add questions)", "是空列表（删除或添加问题）"
            )
        result: list[Question] = []
        seen: dict[str, str] = {}
        for i, q in enumerate(docs):
            qp = f"{path}[{i}]"
            key = self.key(q.key, f"{qp}.key", _KEY_RE, "headcount")
            fact: str | None = None
            if q.fact is not UNSET:
                fact = q.fact
                if fact not in FACT_KEYS:
                    self.add(
                        f"{qp}.fact",
                        f"unknown fact key {fact!r} (expected one of: {', '.join(sorted(FACT_KEYS))})",
                        f"未知事实键 {fact!r}（应为：{', '.join(sorted(FACT_KEYS))}）",
                    )
                    fact = None
            if key is not None and self.unique(seen, key, f"{qp}.key", "question", "问题"):
                result.append(Question(key, Text(q.zh, q.en), fact))
        return tuple(result)

    def forms(self, docs: list[FormDoc], path: str) -> tuple[FormDef, ...]:
        result: list[FormDef] = []
        for i, f in enumerate(docs):
            fp = f"{path}[{i}]"
            if not f.columns:
                self.add(f"{fp}.columns", "a form needs at least one column", "表单至少需要一列")
            else:
                columns = tuple(self.text(c) for c in f.columns)
                result.append(FormDef(Text(f.zh, f.en), f.format, columns))
        return tuple(result)

    def seed(self, raw: list[Any], path: str) -> tuple[str, ...]:
        result: list[str] = []
        seen: dict[str, str] = {}
        for i, s in enumerate(raw):
            sp = f"{path}[{i}]"
            if isinstance(s, int) and not isinstance(s, bool):
                s = str(s)
            if not isinstance(s, str):
                self.add(
                    sp,
                    f'seed id must be quoted text such as "7.b", not {s!r}',
                    f'来源要求编号须为带引号的文本，如 "7.b"，而不是 {s!r}',
                )
                continue
            if s not in SEED_REQUIREMENTS:
                self.add(
                    sp,
                    f"unknown seed id {s!r} (expected one of: {', '.join(SEED_IDS)})",
                    f"未知来源要求编号 {s!r}（应为：{', '.join(SEED_IDS)}）",
                )
                continue
            if self.unique(seen, s, sp, "seed id", "来源要求编号"):
                result.append(s)
        return tuple(result)

    def item_rule(self, doc: ItemDoc, p: str, kind: ItemKind) -> ItemRule | None:
        """``time_rule``, ``lead_months``, ``every`` and ``mandatory`` of one item."""
        n_before = len(self.problems)
        time_rule: TimeRule | None = default_time_rule(kind)
        if doc.time_rule is not UNSET and kind is ItemKind.ANSWER:
            self.add(
                f"{p}.time_rule",
                "an answer item has no records, so no time rule",
                "answer 类条目没有记录，不设时间规则",
            )
        elif doc.time_rule is not UNSET:
            time_rule = TimeRule(doc.time_rule)
        if kind is ItemKind.YEARLY and time_rule not in (TimeRule.YEARLY, None):
            self.add(
                f"{p}.time_rule",
                f"a yearly item takes the time rule 'yearly', not {time_rule.value!r}",
                f"yearly 类条目的时间规则须为 'yearly'，而不是 {time_rule.value!r}",
            )
        lead = DEFAULT_LEAD_MONTHS
        if doc.lead_months is not UNSET:
            if time_rule is not TimeRule.YEARLY:
                self.add(
                    f"{p}.lead_months",
                    "only items with time_rule: yearly have lead_months",
                    "只有 time_rule: yearly 的条目才有 lead_months",
                )
            else:
                lead = self.months(doc.lead_months, f"{p}.lead_months", low=0)
        every: Every | None = None
        if time_rule is TimeRule.PERIODIC:
            if doc.every is UNSET:
                self.add(f"{p}.every", "missing (month or quarter)", "缺失（month 或 quarter）")
            else:
                every = Every(doc.every)
        elif doc.every is not UNSET:
            self.add(
                f"{p}.every",
                "only items with time_rule: periodic have every",
                "只有 time_rule: periodic 的条目才有 every",
            )
        if len(self.problems) != n_before:
            return None
        return ItemRule(time_rule, bool(doc.mandatory), lead, every)

    # chronology and grades ---------------------------------------------------------------------

    def chronology(self, raw: Any) -> tuple[tuple[PhaseOrder, ...], tuple[ItemOrder, ...], SameDay]:
        doc = self.unit(raw, ChronologyDoc, "chronology") if raw is not None else None
        if doc is None:
            return (), (), SameDay()
        phases: list[PhaseOrder] = []
        for p, r in self.units(_listed(doc.phases), PhaseDoc, "chronology.phases"):
            item = self.record_set_item(r.item, f"{p}.item")
            groups: list[tuple[str, ...]] = []
            seen: dict[str, str] = {}
            for j, g in enumerate(r.order):
                gp = f"{p}.order[{j}]"
                keys = g if isinstance(g, list) else [g]
                group = []
                for k in keys:
                    if not isinstance(k, str):
                        self.problems += explain(k, NonEmpty, gp)
                    elif item is not None and k not in {s.key for s in item.sub_records}:
                        self.add(
                            gp,
                            f"{k!r} is not a sub-record of {item.key}",
                            f"{k!r} 不是 {item.key} 的子记录",
                        )
                    elif isinstance(k, str) and self.unique(seen, k, gp, "phase", "阶段"):
                        group.append(k)
                groups.append(tuple(group))
            if len(r.order) < 2:
                self.add(f"{p}.order", "needs at least two phases", "至少需要两个阶段")
            if item is not None and len(groups) >= 2:
                phases.append(PhaseOrder(item.key, tuple(groups)))
        sequences: list[ItemOrder] = []
        for p, s in self.units(_listed(doc.sequences), SequenceDoc, "chronology.sequences"):
            first = self.known_item(s.first, f"{p}.first")
            then = self.known_item(s.then, f"{p}.then")
            first_records = self.sub_record_keys(first, s.first_records, f"{p}.first_records")
            then_records = self.sub_record_keys(then, s.then_records, f"{p}.then_records")
            within = self.months(s.within_months, f"{p}.within_months", low=1)
            if first is not None and then is not None and first.key == then.key:
                self.add(p, "first and then are the same item", "first 与 then 是同一条目")
            elif first is not None and then is not None:
                sequences.append(
                    ItemOrder(first.key, then.key, first_records, then_records, within)
                )
        same_day = SameDay()
        if doc.same_day is not None:
            sd = self.unit(doc.same_day, SameDayDoc, "chronology.same_day")
            if sd is not None:
                share = sd.department_share
                if (
                    isinstance(share, bool)
                    or not isinstance(share, int | float)
                    or not 0 < share <= 1
                ):
                    self.add(
                        "chronology.same_day.department_share",
                        f"must be a share above 0 and at most 1 (e.g. 0.5), not {share!r}",
                        f"须为大于 0、不超过 1 的比例（如 0.5），而不是 {share!r}",
                    )
                    share = 0.5
                same_day = SameDay(sd.set_min, sd.department_min, share)
        return tuple(phases), tuple(sequences), same_day

    def known_item(self, key: str, path: str) -> Item | None:
        item = self.items_by_key.get(key)
        if item is None:
            self.add(path, f"no item {key!r} in items", f"items 中没有条目 {key!r}")
        return item

    def record_set_item(self, key: str, path: str) -> Item | None:
        item = self.known_item(key, path)
        if item is not None and item.kind is not ItemKind.RECORD_SET:
            self.add(
                path,
                f"{item.key} is not a record_set item (phases order sub-records)",
                f"{item.key} 不是 record_set 类条目（阶段顺序针对子记录）",
            )
            return None
        return item

    def sub_record_keys(
        self, item: Item | None, keys: list[Any] | None, path: str
    ) -> tuple[str, ...]:
        if item is None or not keys:
            return ()
        own = {s.key for s in item.sub_records}
        for j, k in enumerate(keys):
            if k not in own:
                self.add(
                    f"{path}[{j}]",
                    f"{k!r} is not a sub-record of {item.key}",
                    f"{k!r} 不是 {item.key} 的子记录",
                )
        return tuple(k for k in keys if k in own)

    def grades(self, raw: Any) -> dict[Situation, Grade]:
        table = dict(DEFAULT_GRADES)
        if raw is None:
            return table
        if not isinstance(raw, Mapping):
            self.problems += explain(raw, dict[str, Any], "grades")
            return table
        situations = sorted(s.value for s in Situation)
        for name, value in raw.items():
            if str(name) not in situations:
                self.add(
                    member("grades", name),
                    f"unknown field (expected one of: {', '.join(situations)})",
                    f"未知字段（允许：{', '.join(situations)}）",
                )
                continue
            try:
                table[Situation(str(name))] = Grade(str(value))
            except ValueError:
                self.add(
                    member("grades", name),
                    f"unknown grade {value!r} (expected major, minor or observation)",
                    f"未知等级 {value!r}（应为 major、minor 或 observation）",
                )
        return table


def _listed(raw: Any) -> Any:
    """An optional list: nothing is an empty list (anything else is checked as a list)."""
    return [] if raw is None else raw


__all__ = [
    "CLAUSE_MAP_PATH",
    "DEPARTMENT_KEYS",
    "FACT_KEYS",
    "FORM_FORMATS",
    "SEED_IDS",
    "SEED_REQUIREMENTS",
    "TEMPLATES_DIR",
    "ClauseMapping",
    "TemplateError",
    "TemplateProblem",
    "builtin_path",
    "builtin_text",
    "counterparts",
    "load_builtin",
    "load_clause_map",
    "load_template",
    "load_template_text",
    "parse_yaml",
]
