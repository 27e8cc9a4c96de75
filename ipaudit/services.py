"""Use cases shared by the CLI and the GUI: one object per open workspace.

Every method that changes something is one transaction in the store; findings and readiness are
recomputed from what is stored (never typed in) and a readiness snapshot is kept for each day the
workspace changes.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ipaudit.domain.checks import CheckInput, item_department, run_checks
from ipaudit.domain.model import (
    Department,
    Evidence,
    Facts,
    Finding,
    Item,
    ItemState,
    Readiness,
    Status,
    Template,
    Text,
    WorkspaceInfo,
)
from ipaudit.domain.readiness import compute_readiness
from ipaudit.domain.template import (
    builtin_path,
    builtin_text,
    load_builtin,
    load_template_text,
)
from ipaudit.store.blobs import CancelCheck, Progress
from ipaudit.store.errors import InvalidInput, WorkspaceError
from ipaudit.store.workspace_store import WorkspaceStore

FindingSource = Callable[["Workspace"], Iterable[Finding]]
# Other packages (the ledger reconciliation) contribute findings through these hooks.
FINDING_SOURCES: list[FindingSource] = []

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Assessment:
    """Findings and readiness computed together from one read of the workspace."""

    findings: list[Finding]
    overall: Readiness
    departments: dict[str, Readiness]


def default_departments(template: Template, separate_procurement: bool = False) -> list[Department]:
    """The template's departments; optional ones (procurement) merged into admin/HR unless asked."""
    fallback = next((d.key for d in template.departments if not d.optional), "")
    out: list[Department] = []
    for pos, d in enumerate(template.departments):
        merged = None
        if d.optional and not separate_procurement:
            merged = (
                "hr_admin" if any(x.key == "hr_admin" for x in template.departments) else fallback
            )
        out.append(Department(d.key, d.name, merged_into=merged, position=pos))
    return out


class Workspace:
    """An open workspace: the store plus its template, with the checks run on demand."""

    def __init__(self, store: WorkspaceStore, template: Template | None = None) -> None:
        """``template``: the store's template when the caller has it parsed already."""
        self.store = store
        self.path = store.path
        self.template: Template = template or load_template_text(
            store.template_yaml(), f"{store.path.name}:template"
        )
        self._lock = threading.RLock()
        self._assessment: Assessment | None = None
        self._snapshot_due = False

    # --- lifecycle ---------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        info: WorkspaceInfo,
        *,
        departments: list[Department] | None = None,
        facts: Facts | None = None,
        template_yaml: str | None = None,
        separate_procurement: bool = False,
    ) -> Workspace:
        _check_info(info, path)
        if template_yaml is None:
            text, template = builtin_text(info.edition), load_builtin(info.edition)
        else:
            text = template_yaml
            template = load_template_text(text, builtin_path(info.edition).name)
        deps = departments or default_departments(template, separate_procurement)
        return cls(WorkspaceStore.create(path, info, text, deps, facts), template)

    @classmethod
    def open(cls, path: Path | str) -> Workspace:
        return cls(WorkspaceStore.open(path))

    def close(self) -> None:
        from ipaudit import ledger_service

        if self._snapshot_due:
            self.assess()  # records today's readiness before the file is closed
        try:  # imports kept for undo: no undo outlives the session
            ledger_service.purge_set_aside(self)
        except WorkspaceError as exc:  # (locked, read-only): never read, purged at the next close
            log.warning("set-aside ledger imports kept: %s", exc)
        self.store.close()
        ledger_service.forget(self.path)  # the ledgers it kept loaded

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -----------------------------------------------------------------------------

    def info(self) -> WorkspaceInfo:
        return self.store.info()

    def departments(self, *, active_only: bool = False) -> list[Department]:
        deps = self.store.departments()
        if active_only:
            deps = [d for d in deps if not d.absent and not d.merged_into]
        return deps

    def department(self, key: str) -> Department:
        for d in self.store.departments():
            if d.key == key:
                return d
        raise InvalidInput(f"没有部门“{key}”。", f"There is no department '{key}'.", self.path)

    def item(self, key: str) -> Item:
        try:
            return self.template.item(key)
        except KeyError:
            raise InvalidInput(
                f"清单中没有条目“{key}”。用 items 命令查看条目。",
                f"The checklist has no item '{key}'. List the items with the items command.",
                self.path,
            ) from None

    def owner(self, item: Item) -> str:
        """The workspace department that owns ``item`` ("" when its department is absent)."""
        return item_department(item, {d.key: d for d in self.store.departments()}) or ""

    def items_of(self, department: str) -> list[Item]:
        return self.items_by_department().get(department, [])

    def items_by_department(self) -> dict[str, list[Item]]:
        """Each department's checklist items in template order (merged and renamed departments
        followed), from one read of the departments."""
        deps = {d.key: d for d in self.store.departments()}
        out: dict[str, list[Item]] = {}
        for it in self.template.items:
            out.setdefault(item_department(it, deps), []).append(it)
        return out

    def facts(self) -> Facts:
        return self.store.facts()

    def state(self, item_key: str) -> ItemState:
        return self.store.item_state(item_key)

    def states(self) -> dict[str, ItemState]:
        return self.store.item_states()

    def evidence(self, item_key: str | None = None, *, include_old: bool = False) -> list[Evidence]:
        return self.store.evidence(item_key, include_old=include_old)

    # --- checks ------------------------------------------------------------------------------

    def assess(self) -> Assessment:
        """Findings and readiness (cached until the next edit through this object)."""
        with self._lock:
            if self._assessment is not None:
                return self._assessment
            departments = self.store.departments()
            states = self.store.item_states()
            data = CheckInput(
                info=self.store.info(),
                template=self.template,
                departments=departments,
                facts=self.store.facts(),
                states=states,
                evidence=self.store.evidence(),
                extra_findings=[f for source in FINDING_SOURCES for f in source(self)],
                accepted=self.store.acceptances(),
            )
            findings = run_checks(data)
            overall, per_dep = compute_readiness(self.template, departments, states, findings)
            self._assessment = Assessment(findings, overall, per_dep)
            if self._snapshot_due:
                self._snapshot_due = False
                self.store.record_snapshot(
                    dt.date.today(),
                    overall.percent,
                    {k: r.percent for k, r in per_dep.items()},
                    overall.blocking,
                )
            return self._assessment

    def findings(self, department: str | None = None) -> list[Finding]:
        found = self.assess().findings
        return [f for f in found if department is None or f.department == department]

    def readiness(self) -> tuple[Readiness, dict[str, Readiness]]:
        a = self.assess()
        return a.overall, a.departments

    def changed(self) -> None:
        """Forget the cached assessment; the next one records today's readiness snapshot."""
        with self._lock:
            self._assessment = None
            self._snapshot_due = True

    @property
    def stale(self) -> bool:
        return self._assessment is None

    # --- editing -----------------------------------------------------------------------------

    def save_state(self, state: ItemState) -> ItemState:
        item = self.item(
            state.item_key
        )  # not applicable without a reason is allowed: a finding says so
        saved = self.store.save_item_state(state, self.owner(item) or item.department)
        self.changed()
        return saved

    def set_status(self, item_key: str, status: Status, reason: str = "") -> ItemState:
        state = self.state(item_key)
        na_reason = reason if status is Status.NOT_APPLICABLE else state.na_reason
        return self.save_state(replace(state, status=status, na_reason=na_reason))

    def answer(self, item_key: str, question_key: str, text: str) -> ItemState:
        item = self.item(item_key)
        if not any(q.key == question_key for q in item.questions):
            keys = ", ".join(q.key for q in item.questions) or "-"
            raise InvalidInput(
                f"条目“{item_key}”没有问题“{question_key}”（可选：{keys}）。",
                f"Item '{item_key}' has no question '{question_key}' (its questions: {keys}).",
                self.path,
            )
        state = self.state(item_key)
        answers = dict(state.answers)
        if text.strip():
            answers[question_key] = text
        else:
            answers.pop(question_key, None)
        status = state.status if state.status is not Status.NOT_STARTED else Status.IN_PROGRESS
        return self.save_state(replace(state, answers=answers, status=status))

    def set_notes(self, item_key: str, notes: str) -> ItemState:
        return self.save_state(replace(self.state(item_key), notes=notes))

    def set_instance_names(self, item_key: str, names: list[str]) -> ItemState:
        return self.save_state(replace(self.state(item_key), instance_names=tuple(names)))

    def set_facts(self, facts: Facts) -> None:
        self.store.set_facts(facts)
        self.changed()

    def set_info(self, info: WorkspaceInfo) -> None:
        """Change the workspace information (company, audit type and dates), validated first;
        every check runs again on the new dates."""
        _check_info(info, self.path)
        if info.edition != self.store.info().edition:
            raise InvalidInput(
                "版本在创建工作区时确定，不能更改；请用所需版本新建工作区。",
                "The edition is chosen when the workspace is created and cannot change; create a"
                " new workspace for the other edition.",
                self.path,
            )
        self.store.set_info(info)
        self.changed()

    def attach(
        self,
        item_key: str,
        source: Path | str,
        *,
        slot: str = "",
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
        **meta: Any,
    ) -> Evidence:
        item = self.item(item_key)
        self._check_slot(item, slot)
        ev = self.store.attach(
            source,
            item_key=item_key,
            department=self.owner(item) or item.department,
            slot=slot,
            progress=progress,
            cancel=cancel,
            **meta,
        )
        state = self.state(item_key)
        if state.status is Status.NOT_STARTED:
            self.store.save_item_state(replace(state, status=Status.IN_PROGRESS), ev.department)
        self.changed()
        return ev

    def replace_evidence(
        self,
        evidence_id: int,
        source: Path | str,
        *,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> Evidence:
        """A new version of an evidence file; the old one is kept as an older version."""
        old = self.store.evidence_by_id(evidence_id)
        ev = self.store.attach(
            source,
            item_key=old.item_key,
            department=old.department,
            slot=old.slot,
            title=old.title,
            doc_number=old.doc_number,
            doc_date=old.doc_date,
            period_start=old.period_start,
            period_end=old.period_end,
            supersedes=old.id,
            progress=progress,
            cancel=cancel,
        )
        self.changed()
        return ev

    def remove_evidence(self, evidence_id: int) -> None:
        self.store.set_evidence_removed(evidence_id, True)
        self.changed()

    def restore_evidence(self, evidence_id: int) -> None:
        self.store.set_evidence_removed(evidence_id, False)
        self.changed()

    def update_evidence(self, evidence_id: int, **changes: Any) -> Evidence:
        ev = self.store.update_evidence(evidence_id, **changes)
        self.changed()
        return ev

    def accept(self, finding_key: str, explanation: str) -> None:
        self.store.accept(finding_key, explanation)
        self.changed()

    def unaccept(self, finding_key: str) -> None:
        self.store.unaccept(finding_key)
        self.changed()

    def save_department(self, dep: Department) -> None:
        self.store.save_department(dep)
        self.changed()

    def rename_department(self, key: str, zh: str, en: str | None = None) -> Department:
        dep = self.department(key)
        new = replace(dep, name=Text(zh, en if en is not None else dep.name.en))
        self.save_department(new)
        return new

    def add_department(self, key: str, zh: str, en: str) -> Department:
        if any(d.key == key for d in self.store.departments()):
            raise InvalidInput(
                f"部门“{key}”已存在。", f"Department '{key}' already exists.", self.path
            )
        dep = Department(key, Text(zh, en), position=len(self.store.departments()))
        self.save_department(dep)
        return dep

    def merge_department(self, key: str, into: str) -> None:
        if key == into:
            raise InvalidInput(
                "部门不能合并到自身。", "A department cannot merge into itself.", self.path
            )
        self.department(into)
        self.save_department(replace(self.department(key), merged_into=into))

    def set_department_absent(self, key: str, absent: bool = True) -> None:
        self.save_department(replace(self.department(key), absent=absent))

    def _check_slot(self, item: Item, slot: str) -> None:
        if not slot:
            return
        if slot.startswith("year:") and slot[5:].isdigit():
            return
        inst, _, sub = slot.partition("/")
        subs = {s.key for s in item.sub_records}
        if inst.isdigit() and 1 <= int(inst) <= max(item.instances, 1) and sub in subs:
            return
        raise InvalidInput(
            f"条目“{item.key}”没有位置“{slot}”（格式：序号/子记录，如 1/{next(iter(subs), 'x')}，或 year:2025）。",
            f"Item '{item.key}' has no slot '{slot}' (use <n>/<sub-record> such as"
            f" 1/{next(iter(subs), 'x')}, or year:2025).",
            self.path,
        )


def _check_info(info: WorkspaceInfo, path: Path | str) -> None:
    """Refuse inconsistent workspace information (dates out of order, a period that ends after
    the audit starts …) with every problem and what to do."""
    from ipaudit.domain.cycle import validate

    problems = validate(info)
    if problems:
        raise InvalidInput(
            "工作区信息有误，未作更改：" + "".join(p.zh for p in problems),
            "The workspace information is inconsistent; nothing changed: "
            + " ".join(p.en for p in problems),
            path,
        )


def _register_finding_sources() -> None:
    from ipaudit import budget_service, ledger_service

    ledger_service.register()
    budget_service.register()


_register_finding_sources()
