"""Ready to apply: the certification body's application conditions, evaluated from the workspace,
and its completeness list of application materials.

Both are data (``ipaudit/resources/application/application.yaml``). A condition passes or fails,
always with the reason: the record, date or fact that shows it, or what is missing and what to do.
The audit cycle's prerequisite rule (:func:`ipaudit.domain.cycle.prerequisite_findings`, run as for
an initial audit) decides the conditions it covers; this module only reads its findings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from ipaudit.domain.checks import CheckInput
from ipaudit.domain.chronology import record_day, sequence_violations
from ipaudit.domain.cycle import (
    MANUAL,
    PORTFOLIO,
    PREREQUISITE,
    add_months,
    prerequisite_findings,
)
from ipaudit.domain.facts import PORTFOLIO_NAMES_ZH
from ipaudit.domain.model import AuditType, Evidence, Finding, Item, Status, Template, Text
from ipaudit.domain.rules import rules_of
from ipaudit.domain.timing import is_dated
from ipaudit.resource_files import resource_path
from ipaudit.text import counted

CHECK_KINDS = frozenset({"system_months", "prerequisite", "evidence", "portfolio", "no_penalty"})


class ApplicationDataError(ValueError):
    """The application data file is not as documented (names the file and the entry)."""


@dataclass(frozen=True, slots=True)
class Condition:
    id: str
    text: Text
    kind: str
    items: tuple[str, ...] = ()
    months: int = 3
    fact: str = ""


@dataclass(frozen=True, slots=True)
class Material:
    id: str
    text: Text
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ApplicationData:
    conditions: tuple[Condition, ...]
    materials: tuple[Material, ...]


@dataclass(frozen=True, slots=True)
class ConditionResult:
    condition: Condition
    passed: bool
    reasons: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class MaterialFiles:
    """A material with the current files that hold it, in list order; ``missing_items`` are its
    items the checklist does not have."""

    number: int
    material: Material
    files: tuple[Evidence, ...]
    missing_items: tuple[str, ...] = ()

    @property
    def present(self) -> bool:
        return bool(self.files)


def default_path() -> Path:
    return resource_path("application", "application.yaml")


def load_application(path: Path | None = None) -> ApplicationData:
    path = path or default_path()
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise ApplicationDataError(f"{path.name}: not a mapping")
    conditions = tuple(
        _condition(entry, f"{path.name}: conditions[{n}]")
        for n, entry in enumerate(raw.get("conditions") or [])
    )
    materials = tuple(
        _material(entry, f"{path.name}: materials[{n}]")
        for n, entry in enumerate(raw.get("materials") or [])
    )
    return ApplicationData(conditions, materials)


def _text(entry: Mapping[str, Any], where: str) -> Text:
    zh, en = entry.get("zh"), entry.get("en")
    if not isinstance(zh, str) or not isinstance(en, str) or not zh.strip() or not en.strip():
        raise ApplicationDataError(f"{where}: zh and en texts are required")
    return Text(zh, en)


def _condition(entry: Any, where: str) -> Condition:
    if not isinstance(entry, dict) or not isinstance(entry.get("check"), dict):
        raise ApplicationDataError(f"{where}: needs id, zh, en and check")
    check = entry["check"]
    kind = check.get("kind")
    if kind not in CHECK_KINDS:
        raise ApplicationDataError(f"{where}.check.kind: one of {', '.join(sorted(CHECK_KINDS))}")
    items = tuple(check.get("items") or ([check["item"]] if check.get("item") else []))
    return Condition(
        str(entry.get("id", "")),
        _text(entry, where),
        kind,
        items,
        int(check.get("months", 3)),
        str(check.get("fact", "")),
    )


def _material(entry: Any, where: str) -> Material:
    if not isinstance(entry, dict) or not entry.get("items"):
        raise ApplicationDataError(f"{where}: needs id, zh, en and items")
    return Material(str(entry.get("id", "")), _text(entry, where), tuple(entry["items"]))


# --- conditions ----------------------------------------------------------------------------------


def _files(data: CheckInput) -> dict[str, list[Evidence]]:
    out: dict[str, list[Evidence]] = {}
    for ev in data.evidence:
        if ev.current:
            out.setdefault(ev.item_key, []).append(ev)
    return out


def _title(template: Template, key: str) -> Text:
    try:
        return template.item(key).title
    except KeyError:
        return Text(key, key)


def _named(files: Sequence[Evidence]) -> tuple[str, str]:
    shown = [f"《{ev.title}》{ev.doc_date or ev.period_start or ''}".strip() for ev in files[:3]]
    more = len(files) - len(shown)
    zh = "、".join(shown) + (f" 等 {len(files)} 份" if more > 0 else "")
    en = ", ".join(s.replace("《", "'").replace("》", "' ") for s in shown)
    return zh, en + (f" and {more} more" if more > 0 else "")


def evaluate(data: CheckInput, app: ApplicationData) -> list[ConditionResult]:
    """Each application condition with whether the workspace shows it and why (the audit is taken
    as an initial one, the audit the application is for)."""
    initial = replace(data, info=replace(data.info, audit_type=AuditType.INITIAL))
    findings = prerequisite_findings(initial)
    files = _files(data)
    return [_evaluate(c, initial, findings, files) for c in app.conditions]


def _prerequisite(findings: Sequence[Finding], item: str, code: str = PREREQUISITE) -> list[Text]:
    return [f.message for f in findings if f.item_key == item and f.code == code]


def _evaluate(
    c: Condition,
    data: CheckInput,
    findings: Sequence[Finding],
    files: Mapping[str, list[Evidence]],
) -> ConditionResult:
    info = data.info
    if c.kind == "system_months":
        failed = _prerequisite(findings, c.items[0] if c.items else MANUAL)
        start = info.system_start
        if start is None:
            return ConditionResult(
                c,
                False,
                tuple(failed)
                or (
                    Text(
                        "未填写体系运行开始日（手册发布日）；请在工作区信息中填写。",
                        "The system start (the manual's issue date) is not declared; enter it"
                        " in the workspace information.",
                    ),
                ),
            )
        days = (info.audit_start - start).days
        if failed or add_months(start, c.months) > info.audit_start:
            return ConditionResult(
                c,
                False,
                tuple(failed)
                or (
                    Text(
                        f"自手册发布日 {start} 至审核首日 {info.audit_start} 仅 {days} 天，"
                        f"不足 {c.months} 个月。",
                        f"From the manual's issue date {start} to the audit's first day"
                        f" {info.audit_start} there are only {counted(days, 'day')}, under"
                        f" {counted(c.months, 'month')}.",
                    ),
                ),
            )
        return ConditionResult(
            c,
            True,
            (
                Text(
                    f"手册发布日 {start}，至审核首日 {info.audit_start} 已运行 {days} 天。",
                    f"The manual was issued on {start}: {counted(days, 'day')} before the audit's first"
                    f" day {info.audit_start}.",
                ),
            ),
        )
    if c.kind == "prerequisite":
        key = c.items[0]
        have = files.get(key, [])
        failed = _prerequisite(findings, key)
        title = _title(data.template, key)
        if failed:
            return ConditionResult(c, False, tuple(failed))
        if not have:
            return ConditionResult(
                c,
                False,
                (
                    Text(
                        f"“{title.zh}”还没有附上记录。",
                        f"'{title.en}' has no record attached yet.",
                    ),
                ),
            )
        dated = _in_system(have, info.system_start, info.audit_start)
        if not dated:  # only records from before the system ran: they show no run of it
            start = info.system_start
            zh, en = _named(have)
            return ConditionResult(
                c,
                False,
                (
                    Text(
                        f"“{title.zh}”的记录（{zh}）都早于体系运行开始日 {start}（手册发布日）；"
                        f"体系运行后须至少完成一次{title.zh}。",
                        f"Every '{title.en}' record ({en}) is dated before the system start"
                        f" {start} (the manual's issue date); at least one must be done while"
                        " the system runs.",
                    ),
                ),
            )
        late = _out_of_order(data, key, dated, files)
        if late:
            return ConditionResult(c, False, tuple(late))
        zh, en = _named(dated)
        return ConditionResult(
            c,
            True,
            (Text(f"{title.zh}：{zh}，早于审核首日 {info.audit_start}。", f"{title.en}: {en}"),),
        )
    if c.kind == "evidence":
        have = [ev for key in c.items for ev in files.get(key, []) if is_dated(ev)]
        titles = [_title(data.template, key) for key in c.items]
        if not have:
            zh_items = "、".join(f"“{t.zh}”" for t in titles)
            en_items = ", ".join(f"'{t.en}'" for t in titles)
            return ConditionResult(
                c,
                False,
                (
                    Text(
                        f"{zh_items}还没有带日期的记录；请附上证书或任命文件。",
                        f"{en_items} has no dated record yet; attach the certificate or the"
                        " appointment.",
                    ),
                ),
            )
        zh, en = _named(have)
        return ConditionResult(c, True, (Text(f"已附：{zh}。", f"Attached: {en}."),))
    if c.kind == "portfolio":
        failed = _prerequisite(findings, c.items[0] if c.items else PORTFOLIO)
        if failed:
            return ConditionResult(c, False, tuple(failed))
        counts = {k: v for k, v in data.facts.portfolio.items() if v}
        if not counts:
            return ConditionResult(
                c,
                False,
                (
                    Text(
                        "尚未声明知识产权数量；请在体系事实中填写各类有效知识产权的数量。",
                        "No portfolio counts are declared; declare the number of valid rights of"
                        " each type in the facts.",
                    ),
                ),
            )
        zh_list = "，".join(f"{PORTFOLIO_NAMES_ZH.get(k, k)} {v} 件" for k, v in counts.items())
        en_list = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in counts.items())
        total = sum(counts.values())
        return ConditionResult(
            c,
            True,
            (
                Text(
                    f"声明有效知识产权共 {total} 项（{zh_list}）。",
                    f"{counted(total, 'valid right')} declared ({en_list}).",
                ),
            ),
        )
    # no_penalty
    declared = data.facts.extra.get(c.fact.removeprefix("extra."), "").strip()
    if declared:
        number = re.search(r"\d+", declared.translate(_FULL_WIDTH))
        if number is not None and int(number.group()) == 0:
            return ConditionResult(
                c,
                True,
                (
                    Text(
                        f"已声明近一年行政处罚 {declared} 次。",
                        f"Declared: {counted(int(number.group()), 'penalty', 'penalties')}.",
                    ),
                ),
            )
        return ConditionResult(
            c,
            False,
            (
                Text(
                    f"已声明近一年受到知识产权相关行政处罚：{declared}。请与认证机构确认能否申请。",
                    f"Declared IP-related administrative penalties in the past year: {declared}."
                    " Confirm with the certification body whether you may apply.",
                ),
            ),
        )
    key = c.items[0] if c.items else ""
    state = data.states.get(key)
    year_before = add_months(info.audit_start, -12)
    have = files.get(key, [])
    recent = [ev for ev in have if year_before <= (_day(ev) or dt.date.min) <= info.audit_start]
    if recent and (state is None or state.status is not Status.NOT_APPLICABLE):
        zh, en = _named(recent)
        return ConditionResult(
            c, True, (Text(f"已附签署的声明：{zh}。", f"Signed declaration attached: {en}."),)
        )
    if have:
        zh, en = _named(have)
        return ConditionResult(
            c,
            False,
            (
                Text(
                    f"声明{zh}不是审核首日前一年内（{year_before} 之后）签署的；请重新签署。",
                    f"The declaration {en} was not signed in the year before the audit (after"
                    f" {year_before}); have it signed again.",
                ),
            ),
        )
    return ConditionResult(
        c,
        False,
        (
            Text(
                f"既未声明处罚次数（事实 {c.fact}），也未附上签署的声明"
                f"（“{_title(data.template, key).zh}”）。",
                f"Neither the number of penalties (fact {c.fact}) is declared nor a signed"
                f" declaration attached ('{_title(data.template, key).en}').",
            ),
        ),
    )


def _in_system(
    files: Sequence[Evidence], start: dt.date | None, audit_start: dt.date
) -> list[Evidence]:
    """The records dated on or after the system start (the manual's issue date) and before the
    audit's first day, oldest first (no start declared: every record before the audit)."""
    return sorted(
        (
            ev
            for ev in files
            if ev.doc_date and (start is None or start <= ev.doc_date) and ev.doc_date < audit_start
        ),
        key=lambda ev: ev.doc_date or audit_start,
    )


def _out_of_order(
    data: CheckInput, key: str, records: Sequence[Evidence], files: Mapping[str, list[Evidence]]
) -> list[Text]:
    """Why ``records`` of item ``key`` do not show it done in its place: the template's sequence
    rules (e.g. the management review after an internal audit, the rule the findings check
    applies) leave none of its records with the item that must come first before it. Empty when
    one record keeps the order (or no rule names ``key``)."""
    items = {it.key: it for it in data.template.items}
    info = data.info
    out: list[Text] = []
    for order in rules_of(data.template).item_orders:
        first, then = items.get(order.first), items.get(order.then)
        if order.then != key or first is None or then is None:
            continue
        judged = [ev for ev in records if not order.then_records or _sub(ev) in order.then_records]
        if not judged:
            continue
        before = _in_system(files.get(order.first, []), info.system_start, info.audit_start)
        late = sequence_violations(order, before, judged) if before else list(judged)
        if len(late) < len(judged):
            continue
        for ev in late:
            out.append(
                Text(
                    f"{then.title.zh}：《{ev.title}》（{record_day(ev)}）之前"
                    f" {order.within_months} 个月内没有“{first.title.zh}”的记录（应先完成）。",
                    f"{then.title.en}: '{ev.title}' ({record_day(ev)}) has no"
                    f" '{first.title.en}' record before it within {counted(order.within_months, 'month')}"
                    " (it must come first).",
                )
            )
    return out


def _sub(ev: Evidence) -> str:
    return ev.slot.partition("/")[2]


def _record_order(item: Item, ev: Evidence) -> tuple[int, int, str, int]:
    """A record set's files by instance, then phase (the order of its sub-records), then date."""
    inst, _, sub = ev.slot.partition("/")
    phases = [s.key for s in item.sub_records]
    return (
        int(inst) if inst.isdigit() else 0,
        phases.index(sub) if sub in phases else len(phases),
        str(ev.doc_date or ev.period_start or ""),
        ev.id,
    )


def _day(ev: Evidence) -> dt.date | None:
    return ev.doc_date or ev.period_start or ev.period_end


_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


# --- materials -----------------------------------------------------------------------------------


def materials(data: CheckInput, app: ApplicationData) -> list[MaterialFiles]:
    """The application materials in list order, each with its current files (by the template's
    item order, then slot and date) and the items the checklist lacks."""
    files = _files(data)
    items = {it.key: it for it in data.template.items}
    out = []
    for n, m in enumerate(app.materials, 1):
        held = [
            ev
            for key in m.items
            if key in items
            for ev in sorted(files.get(key, []), key=partial(_record_order, items[key]))
        ]
        missing = tuple(k for k in m.items if k not in items)
        out.append(MaterialFiles(n, m, tuple(held), missing))
    return out


__all__ = [
    "ApplicationData",
    "ApplicationDataError",
    "Condition",
    "ConditionResult",
    "Material",
    "MaterialFiles",
    "evaluate",
    "load_application",
    "materials",
]
