"""One consistent read of a workspace for every document of a pack, and where each file goes.

``collect()`` takes one read of the workspace (``source.PackSource``: facts, states, findings,
readiness, evidence, ledgers, handed over by the services) and plans every path of the pack, so the report, the workbook and the interview sheets cite the same
numbers and the same places. The documents are then written from this snapshot alone.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from ipaudit.domain.budget import BudgetLine, compare, spending_in_period
from ipaudit.domain.model import (
    Department,
    Evidence,
    Facts,
    Finding,
    FormDef,
    Item,
    ItemKind,
    ItemState,
    Readiness,
    Status,
    Template,
    WorkspaceInfo,
)
from ipaudit.domain.readiness import effective_status
from ipaudit.domain.rules import is_mandatory
from ipaudit.export.i18n import AUDIT_TYPE_TEXT, paren, status_text, t
from ipaudit.export.options import ExportOptions
from ipaudit.export.redaction import redact
from ipaudit.export.safenames import PathPlanner, safe_component
from ipaudit.export.source import ExtraDocument, LedgerData, PackSource
from ipaudit.export.verdict import Trend, assess, trend_from

__all__ = ["LedgerData", "PackData", "PackSource", "collect", "figures"]

# findings that mean a record is (partly) missing: a blank form helps
MISSING_RECORD_CODES = frozenset(
    {
        "evidence_missing",
        "too_few_records",
        "record_set_incomplete",
        "year_not_covered",
        "period_not_covered",  # months or quarters of a periodic record not covered
    }
)
FALLBACK_TIME = dt.datetime(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class EvidenceFile:
    evidence: Evidence
    department: str  # workspace department key ("" when the owner is absent)
    path: str  # pack-relative path; "" when evidence is not included
    older: bool = False


@dataclass(frozen=True, slots=True)
class FormFile:
    item: Item
    form: FormDef
    department: str
    path: str


@dataclass(frozen=True, slots=True)
class PackNames:
    """The pack's own file and folder names in the chosen language."""

    root: str
    report: str
    report_pdf: str
    workbook: str
    readme: str
    interviews: str
    evidence: str
    forms: str
    older: str

    @classmethod
    def of(cls, root: str, lang: str) -> PackNames:
        report = t("file.report", lang)
        return cls(
            root=root,
            report=f"{report}.docx",
            report_pdf=f"{report}.pdf",
            workbook=f"{t('file.workbook', lang)}.xlsx",
            readme=f"{t('file.readme', lang)}.txt",
            interviews=t("dir.interviews", lang),
            evidence=t("dir.evidence", lang),
            forms=t("dir.forms", lang),
            older=t("dir.older", lang),
        )


@dataclass(slots=True)
class PackData:
    lang: str
    options: ExportOptions
    names: PackNames
    info: WorkspaceInfo
    template: Template
    departments: list[Department]  # present and not merged, in order
    department_names: dict[str, str]  # every department key -> its name in ``lang``
    items: dict[str, list[Item]]  # department key -> its items
    states: dict[str, ItemState]
    facts: Facts
    findings: list[Finding]
    overall: Readiness
    readiness: dict[str, Readiness]
    evidence: list[EvidenceFile]  # current versions, then older ones when asked
    forms: list[FormFile]
    interview_paths: dict[str, str]  # department key -> pack path of its interview sheet
    ledger: LedgerData | None
    as_of: dt.datetime  # fixed timestamp of the documents (from the workspace, not the clock)
    clean: Callable[[str], str] = field(default=lambda s: s)
    trend: Trend | None = None  # the previous export whose figures differ (see verdict.py)
    documents: list[tuple[str, ExtraDocument]] = field(default_factory=list)  # path, document

    def text(self, value: object) -> str:
        """A value as document text, redacted when asked."""
        return self.clean("" if value is None else str(value))

    def cover_facts(self) -> list[tuple[str, str]]:
        """The audit at a glance, labelled: organisation, standard, type, dates, period covered."""
        info, lang = self.info, self.lang
        return [
            (t("cover.company", lang), info.company),
            (t("cover.standard", lang), self.template.title.get(lang)),
            (t("cover.audit_type", lang), AUDIT_TYPE_TEXT[info.audit_type].get(lang)),
            (t("cover.audit_dates", lang), f"{info.audit_start} ~ {info.audit_end}"),
            (t("cover.period", lang), f"{info.period_start} ~ {info.period_end}"),
        ]

    def budget_lines(self) -> list[BudgetLine]:
        """Budget, spending (the expense record's lines in the period) and variance per category;
        empty when no budget is declared."""
        from ipaudit.ledger.model import LedgerKind

        if not self.facts.budget:
            return []
        expenses = self.ledger.entries.get(LedgerKind.EXPENSES, []) if self.ledger else []
        spent = spending_in_period(
            ((e.category, e.amount, e.date) for e in expenses),
            self.info.period_start,
            self.info.period_end,
        )
        return compare(self.facts.budget, spent)

    def dep_name(self, key: str) -> str:
        return self.department_names.get(key) or key or t("dep.other", self.lang)

    def findings_of(self, department: str) -> list[Finding]:
        return [f for f in self.findings if f.department == department]

    def status_of(self, item: Item, findings: list[Finding]) -> tuple[Status, str]:
        """The item's status as it counts (never ready beside an open blocking finding; a
        mandatory item is never not applicable) and the not-applicable reason, if any."""
        state = self.states.get(item.key)
        status = effective_status(state, findings, mandatory=is_mandatory(self.template, item))
        reason = state.na_reason.strip() if state and status is Status.NOT_APPLICABLE else ""
        return status, reason

    def status_label(self, item: Item, findings: list[Finding]) -> str:
        """The status as the documents print it, with the not-applicable reason."""
        status, reason = self.status_of(item, findings)
        label = status_text(status, self.lang)
        return f"{label}{paren(reason, self.lang)}" if reason else label

    def evidence_of_item(self, item_key: str, *, older: bool = False) -> list[EvidenceFile]:
        return [e for e in self.evidence if e.evidence.item_key == item_key and e.older == older]

    def forms_of(self, department: str) -> list[FormFile]:
        return [f for f in self.forms if f.department == department]


def _same(text: str) -> str:
    return text


def as_of(created_at: dt.datetime | None, evidence: list[Evidence]) -> dt.datetime:
    """The latest moment the workspace records: its creation or the newest evidence."""
    moments: list[dt.datetime] = [created_at] if created_at is not None else []
    moments += [e.added_at for e in evidence if e.added_at is not None]
    stamp = max(moments, default=FALLBACK_TIME).replace(microsecond=0, tzinfo=None)
    return max(stamp, FALLBACK_TIME)


def _slot_prefix(ev: Evidence, name: str) -> str:
    """Files of one record-set instance or one year sort together: ``1-…``, ``2025_…`` — a year
    the file's ``name`` already shows (``2025年``, ``2025``, ``20250305``) is not written twice
    (never ``2025_2025年计划.docx``)."""
    if ev.slot.startswith("year:"):
        year = ev.slot[5:]
        shown = re.search(
            rf"(?<!\d){re.escape(year)}(?:\d{{4}})?(?!\d)", unicodedata.normalize("NFKC", name)
        )
        return "" if shown else f"{year}_"
    inst, _, _sub = ev.slot.partition("/")
    return f"{inst}-" if inst.isdigit() else ""


def collect(src: PackSource, options: ExportOptions, root: str) -> PackData:
    """Plan the pack of the workspace read into ``src``, whose root folder is named ``root``."""
    lang = options.lang
    names = PackNames.of(root, lang)
    info = src.info
    all_deps = src.departments
    active = [d for d in all_deps if not d.absent and not d.merged_into]
    dep_names = {d.key: d.name.get(lang) for d in all_deps}
    states = src.states
    by_department = src.items_by_department
    items = {d.key: by_department.get(d.key, []) for d in active}
    owner_of = {it.key: dep for dep, its in items.items() for it in its}
    all_evidence = src.evidence
    current = [e for e in all_evidence if e.current]
    older = [e for e in all_evidence if not e.current] if options.older_versions else []
    template = src.template

    clean: Callable[[str], str] = redact if options.redact else _same
    planner = PathPlanner(root)
    position = {it.key: n for n, it in enumerate(template.items)}
    dep_position = {d.key: n for n, d in enumerate(all_deps)}

    def sort_key(e: Evidence) -> tuple[int, int, str, int]:
        dep = owner_of.get(e.item_key, e.department)
        return (dep_position.get(dep, 999), position.get(e.item_key, 10**6), e.slot, e.id)

    files: list[EvidenceFile] = []
    for group, is_old in (
        (sorted(current, key=sort_key), False),
        (sorted(older, key=sort_key), True),
    ):
        for ev in group:
            dep = owner_of.get(ev.item_key, "")
            path = ""
            if options.include_evidence:
                path = _evidence_path(
                    planner,
                    names,
                    template,
                    ev,
                    dep or ev.department,
                    dep_names,
                    clean,
                    lang,
                    is_old,
                )
            files.append(EvidenceFile(ev, dep, path, is_old))

    forms = _plan_forms(planner, names, src.findings, items, dep_names, template, lang)
    interview_paths = {
        d.key: planner.child(
            names.interviews, f"{t('file.interview', lang, department=dep_names[d.key])}.docx", 80
        )
        for d in active
    }
    data = PackData(
        lang=lang,
        options=options,
        names=names,
        info=info,
        template=template,
        departments=active,
        department_names=dep_names,
        items=items,
        states=states,
        facts=src.facts,
        findings=list(src.findings),
        overall=src.overall,
        readiness=dict(src.readiness),
        evidence=files,
        forms=forms,
        interview_paths=interview_paths,
        ledger=src.ledger,
        as_of=as_of(src.created_at, all_evidence),
        clean=clean,
    )
    data.documents = [
        (planner.child("", f"{doc.name.get(lang)}.{doc.ext}", 80), doc) for doc in src.documents
    ]
    data.trend = trend_from(src.history, figures(data))
    return data


def figures(data: PackData) -> dict[str, object]:
    """The figures an export records in the history, for the next export's trend."""
    return assess(data).figures(data.overall.percent)


def _evidence_path(
    planner: PathPlanner,
    names: PackNames,
    template: Template,
    ev: Evidence,
    dep: str,
    dep_names: dict[str, str],
    clean: Callable[[str], str],
    lang: str,
    older: bool,
) -> str:
    """Where an evidence file goes; with redaction on, numbers in its name are masked too (the
    documents show the path, and the path must still lead to the file)."""
    dep_folder = planner.folder(names.evidence, dep_names.get(dep) or t("dep.other", lang), 40)
    try:
        item = template.item(ev.item_key)
    except KeyError:
        item = None
    label = f"{item.clause} {item.title.get(lang)}" if item else ev.item_key
    folder = planner.folder(dep_folder, label, 60)
    original = safe_component(clean(ev.original_name or ev.title or f"evidence-{ev.id}"), 200)
    prefix = _slot_prefix(ev, original)
    if older:
        folder = planner.folder(folder, names.older, 20)
        stamp = ev.added_at.strftime("%Y%m%d") + "_" if ev.added_at else f"{ev.id}_"
        prefix = stamp + prefix
    return planner.child(folder, prefix + original, 100)


def _plan_forms(
    planner: PathPlanner,
    names: PackNames,
    findings: list[Finding],
    items: dict[str, list[Item]],
    dep_names: dict[str, str],
    template: Template,
    lang: str,
) -> list[FormFile]:
    missing = {f.item_key for f in findings if f.code in MISSING_RECORD_CODES}
    out: list[FormFile] = []
    for dep, dep_items in items.items():
        for item in dep_items:
            if item.key not in missing or item.kind is ItemKind.ANSWER:
                continue
            for form in item.forms:
                folder = planner.folder(names.forms, dep_names.get(dep) or dep, 40)
                ext = "docx" if form.format == "docx" else "xlsx"
                path = planner.child(folder, f"{form.title.get(lang)}.{ext}", 80)
                out.append(FormFile(item, form, dep, path))
    return out


def describe_slot(item: Item | None, slot: str, state: ItemState | None, lang: str) -> str:
    """A record-set or yearly slot in words ("1（项目A）/立项报告", "2025")."""
    if not slot:
        return ""
    if slot.startswith("year:"):
        return slot[5:]
    inst, _, sub = slot.partition("/")
    if item is None or not inst.isdigit():
        return slot
    sub_title = next((s.title.get(lang) for s in item.sub_records if s.key == sub), sub)
    names = state.instance_names if state else ()
    n = int(inst)
    who = inst + paren(names[n - 1], lang) if 1 <= n <= len(names) and names[n - 1] else inst
    return f"{who}/{sub_title}"
