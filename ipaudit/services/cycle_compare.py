"""What changed since last year: two cycles' workspaces compared.

The workspace information, the declared facts (section by section, a department's headcount or
one portfolio count at a time), the departments, the items whose status changed and the items
whose evidence changed (files added, files no longer there, files kept from last cycle).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields
from decimal import Decimal
from pathlib import Path
from typing import Any

from ipaudit.domain.cycle import AUDIT_TYPE_TEXT
from ipaudit.domain.model import (
    AuditType,
    Department,
    Evidence,
    Facts,
    Status,
    Text,
    WorkspaceInfo,
)
from ipaudit.services.workspace import Workspace

INFO_LABELS: dict[str, Text] = {
    "company": Text("公司名称", "company"),
    "edition": Text("标准版本", "edition"),
    "audit_type": Text("审核类型", "audit type"),
    "audit_start": Text("审核开始", "audit starts"),
    "audit_end": Text("审核结束", "audit ends"),
    "period_start": Text("审核期开始", "period starts"),
    "period_end": Text("审核期结束", "period ends"),
    "last_audit": Text("上次审核", "last audit"),
    "certificate_start": Text("证书生效", "certificate from"),
    "certificate_end": Text("证书到期", "certificate until"),
    "system_start": Text("体系运行开始", "system start"),
}
FACT_LABELS: dict[str, Text] = {
    "policy": Text("知识产权方针", "IP policy"),
    "manual_objectives": Text("手册中的目标", "objectives in the manual"),
    "objectives": Text("目标清单", "objectives list"),
    "headcount": Text("人数", "headcount"),
    "duties": Text("职责", "duties"),
    "procedures": Text("程序文件", "procedures"),
    "certificates": Text("其他证书", "other certificates"),
    "portfolio": Text("知识产权数量", "IP portfolio"),
    "extra": Text("其他事实", "other facts"),
    "people": Text("新入职与核心离职人员", "new hires and core leavers"),
    "budget": Text("知识产权经费预算", "IP budget"),
    "open_nonconformities": Text("上次审核未关闭的不符合项", "last audit's open nonconformities"),
}


@dataclass(frozen=True, slots=True)
class Change:
    """One value that differs: ``key`` (e.g. ``headcount.rnd``), its label, old and new shown."""

    key: str
    label: Text
    old: str
    new: str

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "label": _tj(self.label), "old": self.old, "new": self.new}


@dataclass(frozen=True, slots=True)
class StatusChange:
    item_key: str
    title: Text
    department: str
    old: Status
    new: Status

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item_key,
            "title": _tj(self.title),
            "department": self.department,
            "old": self.old.value,
            "new": self.new.value,
        }


@dataclass(frozen=True, slots=True)
class EvidenceChange:
    """An item whose files differ: titles of the files added and of those no longer there,
    and how many are the same file (same SHA-256) as last cycle."""

    item_key: str
    title: Text
    department: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    kept: int

    def to_json(self) -> dict[str, Any]:
        return {
            "item": self.item_key,
            "title": _tj(self.title),
            "department": self.department,
            "added": list(self.added),
            "removed": list(self.removed),
            "kept": self.kept,
        }


@dataclass(frozen=True, slots=True)
class CycleComparison:
    previous: Path
    current: Path
    info: list[Change]
    facts: list[Change]
    departments: list[Change]
    statuses: list[StatusChange]
    evidence: list[EvidenceChange]

    @property
    def empty(self) -> bool:
        return not (self.info or self.facts or self.departments or self.statuses or self.evidence)

    def to_json(self) -> dict[str, Any]:
        return {
            "previous": str(self.previous),
            "current": str(self.current),
            "info": [c.to_json() for c in self.info],
            "facts": [c.to_json() for c in self.facts],
            "departments": [c.to_json() for c in self.departments],
            "statuses": [c.to_json() for c in self.statuses],
            "evidence": [c.to_json() for c in self.evidence],
        }


def _tj(text: Text) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}


def _show(value: Any) -> str:
    if value is None or value == "" or value == () or value == {}:
        return "-"
    if isinstance(value, AuditType):
        return AUDIT_TYPE_TEXT[value].zh + " / " + AUDIT_TYPE_TEXT[value].en
    if isinstance(value, dt.date | Decimal | int):
        return str(value)
    if isinstance(value, (tuple, list)):
        return "；".join(_show(v) for v in value)
    if hasattr(value, "__dataclass_fields__"):
        return "，".join(
            _show(getattr(value, f.name)) for f in fields(value) if getattr(value, f.name)
        )
    if isinstance(value, dict):
        return "，".join(f"{k}={_show(v)}" for k, v in value.items())
    return str(getattr(value, "value", value))


def compare_info(old: WorkspaceInfo, new: WorkspaceInfo) -> list[Change]:
    return [
        Change(
            f.name, INFO_LABELS[f.name], _show(getattr(old, f.name)), _show(getattr(new, f.name))
        )
        for f in fields(WorkspaceInfo)
        if getattr(old, f.name) != getattr(new, f.name)
    ]


def _flat_facts(facts: Facts) -> dict[str, tuple[Text, str]]:
    """Every declared fact by key (a mapping's entries one by one), with its label and value."""
    out: dict[str, tuple[Text, str]] = {}
    for f in fields(Facts):
        value = getattr(facts, f.name)
        label = FACT_LABELS.get(f.name, Text(f.name, f.name))
        if isinstance(value, Mapping):
            for key, entry in value.items():
                out[f"{f.name}.{key}"] = (
                    Text(f"{label.zh}·{key}", f"{label.en}: {key}"),
                    _show(entry),
                )
        elif value not in (None, "", ()):
            out[f.name] = (label, _show(value))
    return out


def compare_facts(old: Facts, new: Facts) -> list[Change]:
    a, b = _flat_facts(old), _flat_facts(new)
    out = []
    for key in list(a) + [k for k in b if k not in a]:
        old_value, new_value = a.get(key, (None, "-"))[1], b.get(key, (None, "-"))[1]
        if old_value != new_value:
            label = (b.get(key) or a[key])[0]
            out.append(Change(key, label, old_value, new_value))
    return out


def compare_departments(old: list[Department], new: list[Department]) -> list[Change]:
    def shown(dep: Department | None) -> str:
        if dep is None:
            return "-"
        state = " (absent)" if dep.absent else f" → {dep.merged_into}" if dep.merged_into else ""
        return f"{dep.name.zh} / {dep.name.en}{state}"

    a, b = {d.key: d for d in old}, {d.key: d for d in new}
    out = []
    for key in list(a) + [k for k in b if k not in a]:
        before, after = shown(a.get(key)), shown(b.get(key))
        if before != after:
            name = (b.get(key) or a[key]).name
            out.append(Change(key, name, before, after))
    return out


def compare_cycles(previous: Workspace, current: Workspace) -> CycleComparison:
    """What changed from ``previous`` (last cycle's workspace) to ``current``."""
    old_states, new_states = previous.states(), current.states()
    old_files = _files(previous.evidence())
    new_files = _files(current.evidence())
    statuses: list[StatusChange] = []
    evidence: list[EvidenceChange] = []
    for item in current.template.items:
        dep = current.owner(item) or item.department
        before = old_states.get(item.key)
        after = new_states.get(item.key)
        old_status = before.status if before else Status.NOT_STARTED
        new_status = after.status if after else Status.NOT_STARTED
        if old_status is not new_status:
            statuses.append(StatusChange(item.key, item.title, dep, old_status, new_status))
        a, b = old_files.get(item.key, {}), new_files.get(item.key, {})
        added = tuple(b[sha] for sha in b if sha not in a)
        removed = tuple(a[sha] for sha in a if sha not in b)
        if added or removed:
            kept = sum(1 for sha in b if sha in a)
            evidence.append(EvidenceChange(item.key, item.title, dep, added, removed, kept))
    return CycleComparison(
        previous=previous.path,
        current=current.path,
        info=compare_info(previous.info(), current.info()),
        facts=compare_facts(previous.store.facts(), current.store.facts()),
        departments=compare_departments(previous.departments(), current.departments()),
        statuses=statuses,
        evidence=evidence,
    )


def compare_files(previous: Path | str, current: Path | str) -> CycleComparison:
    """Open both workspaces read-only and compare them."""
    with (
        Workspace.open(previous, read_only=True) as old,
        Workspace.open(current, read_only=True) as new,
    ):
        return compare_cycles(old, new)


def _files(evidence: list[Evidence]) -> dict[str, dict[str, str]]:
    """item key -> SHA-256 -> the file's title (current files)."""
    out: dict[str, dict[str, str]] = {}
    for ev in evidence:
        out.setdefault(ev.item_key, {})[ev.sha256] = ev.title
    return out
