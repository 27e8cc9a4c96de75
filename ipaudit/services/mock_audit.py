"""The mock audit as a use case: draw samples from what the workspace holds, record what each
showed, write the internal audit report and the nonconformity reports. Used by the CLI and the GUI.

Each mock audit is one record of kind ``mock_audit`` (``Workspace.records``); every edit is made
on the record as stored now (its version), so an edit from another window is never lost silently.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ipaudit.domain import mock_audit as m
from ipaudit.domain.checks import follow_merges
from ipaudit.domain.model import Item, ItemKind, PersonKind, Text
from ipaudit.errors import reason_zh, yaml_place_zh
from ipaudit.ledger.discrepancies import LEDGER_TEXT
from ipaudit.ledger.model import Entry, LedgerKind
from ipaudit.progress import CancelCheck, Progress
from ipaudit.services import departments, ledgers
from ipaudit.store.errors import InvalidInput
from ipaudit.text import counted

if TYPE_CHECKING:
    from ipaudit.services import Workspace

KIND = "mock_audit"
LATEST = "latest"
AWARENESS_ITEM = "ipo.awareness"  # the checklist item of staff awareness (2023 template)


# --- the plan ------------------------------------------------------------------------------------


def load_plan(path: Path | str | None = None) -> m.SamplingPlan:
    """The sampling plan of ``path`` (a YAML file), or the default plan; a plan that cannot be
    used is bad input naming the file and the entry."""
    if path is None:
        try:
            return m.default_plan()
        except m.PlanError as exc:
            raise InvalidInput(exc.text.zh, exc.text.en) from exc
    import yaml

    source = Path(path)
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        where = yaml_place_zh(exc)  # a YAML error's place: said in Chinese too
        raise InvalidInput(
            f"无法读取抽样方案 {source}{where}{'：' + reason_zh(exc) if reason_zh(exc) else ''}。",
            f"The sampling plan {source} cannot be read: {exc}",
        ) from exc
    try:
        return m.parse_plan(data, source.name)
    except m.PlanError as exc:
        raise InvalidInput(exc.text.zh, exc.text.en, source) from exc


# --- populations ---------------------------------------------------------------------------------


def population(ws: Workspace, plan: m.SamplingPlan) -> dict[str, list[m.Candidate]]:
    """Every stratum's candidates, from the workspace as stored now."""
    book: ledgers.LedgerBook | None = None
    out: dict[str, list[m.Candidate]] = {}
    for stratum in plan.strata:
        if stratum.source is m.Source.INSTANCES:
            out[stratum.key] = _instances(ws, stratum)
        elif stratum.source is m.Source.EVIDENCE:
            out[stratum.key] = _evidence(ws, stratum)
        elif stratum.source is m.Source.LEDGER:
            book = book or ws.ledger_book()
            out[stratum.key] = _ledger_rows(ws, book, stratum)
        else:
            out[stratum.key] = employees(ws)
    return out


def _known_item(ws: Workspace, key: str) -> bool:
    return any(i.key == key for i in ws.template.items)


def _owned_item(ws: Workspace, stratum: m.Stratum) -> tuple[Item, str] | None:
    """The stratum's item and the department that owns it (None: no such item, or no owner)."""
    if not _known_item(ws, stratum.item):
        return None
    item = ws.template.item(stratum.item)
    owner = ws.owner(item)
    return (item, owner) if owner else None


def _instances(ws: Workspace, stratum: m.Stratum) -> list[m.Candidate]:
    owned = _owned_item(ws, stratum)
    if owned is None:
        return []
    item, owner = owned
    names = ws.state(item.key).instance_names
    files = ws.evidence(item.key)
    with_files = {int(e.slot.split("/")[0]) for e in files if e.slot[:1].isdigit()}
    count = max(len(names), max(with_files, default=0))
    if item.kind is not ItemKind.RECORD_SET:
        count = len(names)
    label = item.instance_label or item.title
    out = []
    for n in range(1, count + 1):
        name = names[n - 1] if n <= len(names) and names[n - 1].strip() else ""
        zh = f"{label.zh}：{name}" if name else f"{label.zh} {n}"
        en = f"{label.en}: {name}" if name else f"{label.en} {n}"
        ids = tuple(e.id for e in files if e.slot.split("/")[0] == str(n))
        out.append(m.Candidate(f"instance:{item.key}:{n}", Text(zh, en), owner, item.key, ids))
    return out


def _evidence(ws: Workspace, stratum: m.Stratum) -> list[m.Candidate]:
    owned = _owned_item(ws, stratum)
    if owned is None:
        return []
    item, owner = owned
    out = []
    for ev in ws.evidence(item.key):
        name = ev.title or ev.original_name
        zh = f"{stratum.title.zh}：{name}"
        en = f"{stratum.title.en}: {name}"
        out.append(m.Candidate(f"evidence:{ev.id}", Text(zh, en), owner, item.key, (ev.id,)))
    return out


def _entry_text(e: Entry) -> str:
    parts = [str(e.date) if e.date else "", e.person, e.ip_number, e.category, e.text]
    parts.append(f"¥{e.amount:,.2f}")
    return " ".join(p for p in parts if p)


def _ledger_rows(ws: Workspace, book: ledgers.LedgerBook, stratum: m.Stratum) -> list[m.Candidate]:
    owners = ledgers.ledger_item_keys(ws.template)
    deps = {d.key: d for d in ws.departments()}
    out = []
    for name in stratum.ledgers:
        kind = LedgerKind(name)
        dep, item_key = owners.get(kind, ("finance", ""))
        dep = follow_merges(dep, deps)
        files = {e.original_name: e.id for e in ws.evidence(item_key)} if item_key else {}
        ledger = LEDGER_TEXT[kind]
        for e in book.of(kind):
            src = e.source
            where_zh = f"{src.file}{f' [{src.sheet}]' if src.sheet else ''} 第 {src.row} 行"
            where_en = f"{src.file}{f' [{src.sheet}]' if src.sheet else ''} row {src.row}"
            what = _entry_text(e)
            ids = (files[src.file],) if src.file in files else ()
            out.append(
                m.Candidate(
                    f"ledger:{kind.value}:{src.file}|{src.sheet}|{src.row}",
                    Text(f"{ledger.zh} {where_zh}：{what}", f"{ledger.en} {where_en}: {what}"),
                    dep,
                    item_key,
                    ids,
                )
            )
    return out


def employees(ws: Workspace) -> list[m.Candidate]:
    """The employees an auditor may stop and ask: each department's declared headcount, the
    period's new hires named in their department's first places (core leavers have left)."""
    deps = {d.key: d for d in ws.departments()}
    department_of = departments.names(ws).find  # as HR writes it: 研发部, 研发, rnd …
    facts = ws.facts()
    named: dict[str, list[str]] = {}
    for p in facts.people:
        if p.kind is PersonKind.HIRE:
            named.setdefault(department_of(p.department) or p.department, []).append(p.name)
    awareness = AWARENESS_ITEM if _known_item(ws, AWARENESS_ITEM) else ""
    out = []
    for raw_key, count in sorted(facts.headcount.items()):
        key = follow_merges(raw_key, deps)
        dep = deps.get(key)
        if dep is None or dep.absent:
            continue
        names = named.get(key, [])
        for n in range(1, count + 1):
            name = names[n - 1] if n <= len(names) else ""
            zh = f"{dep.name.zh} 员工 {n}" + (f"（{name}）" if name else "")
            en = f"{dep.name.en} employee {n}" + (f" ({name})" if name else "")
            out.append(m.Candidate(f"employee:{raw_key}:{n}", Text(zh, en), key, awareness))
    return out


# --- the mock audits -----------------------------------------------------------------------------


def audits(ws: Workspace) -> list[m.MockAudit]:
    """Every mock audit, oldest first."""
    found = [m.audit_from_json(r.value, r.version) for r in ws.records.all(KIND)]
    return sorted(found, key=lambda a: (a.date, a.key))


def get(ws: Workspace, key: str) -> m.MockAudit:
    """The mock audit ``key`` ("latest": the newest); bad input when there is none."""
    if key == LATEST:
        found = audits(ws)
        if not found:
            raise InvalidInput(
                "还没有模拟审核；请先用 mock-audit-draw 抽样。",
                "There is no mock audit yet; draw one with mock-audit-draw.",
                ws.path,
            )
        return found[-1]
    rec = ws.records.get(KIND, key)
    if rec is None:
        keys = ", ".join(a.key for a in audits(ws)) or "-"
        raise InvalidInput(
            f"没有模拟审核“{key}”（现有：{keys}）。",
            f"There is no mock audit '{key}' (there are: {keys}).",
            ws.path,
        )
    return m.audit_from_json(rec.value, rec.version)


def samples_of(ws: Workspace, audit: m.MockAudit, department: str | None) -> list[m.Sample]:
    """The samples a department sees (None: every sample): those of ``department``, a sample
    of a department merged into it since the draw included."""
    if not department:
        return list(audit.samples)
    deps = {d.key: d for d in ws.departments()}
    return [s for s in audit.samples if follow_merges(s.department, deps) == department]


def department_audit(ws: Workspace, audit: m.MockAudit, department: str | None) -> m.MockAudit:
    """``audit`` with only ``department``'s samples, to show (never to store: the others'
    samples would be lost)."""
    if not department:
        return audit
    return replace(audit, samples=tuple(samples_of(ws, audit, department)))


def _names_normalised(audit: m.MockAudit) -> m.MockAudit:
    """``audit`` with its people's names as the ledgers store names (NFKC, no spaces inside a
    Chinese name: "张　伟" → "张伟"): the auditors and each employee asked."""
    from ipaudit.ledger.normalize import normalize_name

    samples = tuple(
        replace(s, person=normalize_name(s.person)) if s.person else s for s in audit.samples
    )
    auditors = tuple(n for n in (normalize_name(a) for a in audit.auditors) if n)
    return replace(audit, samples=samples, auditors=auditors)


def save(ws: Workspace, audit: m.MockAudit) -> m.MockAudit:
    """Store ``audit`` (its people's names normalised); EditConflict when it was saved
    meanwhile from another window."""
    audit = _names_normalised(audit)
    rec = ws.records.put(
        KIND,
        audit.key,
        m.audit_json(audit),
        base_version=audit.version,
        what=f"模拟审核 {audit.key} / mock audit {audit.key}",
    )
    ws.changed()
    return replace(audit, version=rec.version)


def new_seed() -> int:
    return random.SystemRandom().randrange(1, m.SEED_MAX)


def draw_audit(
    ws: Workspace,
    *,
    seed: int | None = None,
    plan: m.SamplingPlan | None = None,
    date: dt.date | None = None,
    auditors: tuple[str, ...] = (),
) -> m.MockAudit:
    """A new mock audit with its samples drawn (and stored)."""
    plan = plan or load_plan()
    seed = new_seed() if seed is None else check_seed(seed)
    day = date or dt.date.today()
    samples = m.draw(plan, population(ws, plan), seed)
    key = m.new_key(day, (r.key for r in ws.records.all(KIND)))
    audit = m.MockAudit(key, day, seed, plan, auditors, samples)
    return save(ws, audit)


def check_seed(seed: int) -> int:
    if not 0 <= seed <= m.SEED_MAX:
        raise InvalidInput(
            f"随机种子应为 0 至 {m.SEED_MAX} 的整数。",
            f"The seed must be a whole number from 0 to {m.SEED_MAX}.",
        )
    return seed


def redraw(ws: Workspace, audit: m.MockAudit, seed: int) -> m.MockAudit:
    """The samples drawn again with another seed; refused once a sample has a result (the
    results would no longer belong to their samples)."""
    if audit.walked:
        raise InvalidInput(
            f"模拟审核 {audit.key} 已有 {audit.walked} 个样本记录了结果，不能重新抽样；"
            "请新建一次模拟审核。",
            f"Mock audit {audit.key} has results for {counted(audit.walked, 'sample')} and cannot"
            " be drawn"
            " again; start a new mock audit.",
            ws.path,
        )
    seed = check_seed(seed)
    samples = m.draw(audit.plan, population(ws, audit.plan), seed)
    return save(ws, replace(audit, seed=seed, samples=samples))


def shortfalls(ws: Workspace, audit: m.MockAudit) -> list[tuple[m.Stratum, int]]:
    """The plan's strata the workspace holds fewer records for than the plan asks."""
    return m.shortfalls(audit.plan, population(ws, audit.plan))


def _sample(ws: Workspace, audit: m.MockAudit, sample_key: str) -> m.Sample:
    sample = audit.sample(sample_key)
    if sample is None:
        keys = ", ".join(s.key for s in audit.samples[:12]) or "-"
        raise InvalidInput(
            f"模拟审核 {audit.key} 没有样本“{sample_key}”（如 {keys}）。",
            f"Mock audit {audit.key} has no sample '{sample_key}' (such as {keys}).",
            ws.path,
        )
    return sample


def parse_result(ws: Workspace | None, text: str) -> m.Result:
    result = m.parse_result(text)
    if result is None:
        raise InvalidInput(
            f"“{text}”不是审核结果（conform/符合、observation/观察项、minor/一般不符合、major/严重不符合）。",
            f"'{text}' is not a result (conform, observation, minor, major).",
            ws.path if ws else "",
        )
    return result


def edit_sample(
    ws: Workspace, audit: m.MockAudit, sample_key: str, change: Callable[[m.Sample], m.Sample]
) -> m.MockAudit:
    sample = _sample(ws, audit, sample_key)
    return save(ws, m.with_sample(audit, change(sample)))


def put_sample(ws: Workspace, audit_key: str, sample: m.Sample) -> m.MockAudit:
    """``sample`` stored as it is over the mock audit as stored now (undo and redo)."""
    audit = get(ws, audit_key)
    return edit_sample(ws, audit, sample.key, lambda _current: sample)


def record(
    ws: Workspace,
    audit: m.MockAudit,
    sample_key: str,
    result: m.Result,
    *,
    note: str | None = None,
    evidence_seen: str | None = None,
) -> m.MockAudit:
    """The result of one sample. An awareness sample is graded conform only once both its
    answers are "yes" (else bad input saying to record them)."""
    sample = _sample(ws, audit, sample_key)
    try:
        m.record_result(sample, result, note, evidence_seen)
    except m.AwarenessError as exc:
        raise InvalidInput(exc.text.zh, exc.text.en, ws.path) from exc
    return edit_sample(
        ws, audit, sample_key, lambda s: m.record_result(s, result, note, evidence_seen)
    )


def record_awareness(
    ws: Workspace,
    audit: m.MockAudit,
    sample_key: str,
    *,
    policy_ok: bool,
    role_ok: bool,
    person: str | None = None,
    note: str | None = None,
    grade: m.Result | None = None,
) -> m.MockAudit:
    """What one employee drawn for awareness could state (``grade``: the grade the user gave;
    an answer "no" makes it at least the plan's failure grade, ``m.grade_changed`` says so)."""
    sample = _sample(ws, audit, sample_key)
    if not sample.awareness:
        raise InvalidInput(
            f"样本 {sample_key} 不是员工意识抽问。",
            f"Sample {sample_key} is not a staff awareness sample.",
            ws.path,
        )
    return edit_sample(
        ws,
        audit,
        sample_key,
        lambda s: m.record_awareness(
            s,
            audit.plan,
            policy_ok=policy_ok,
            role_ok=role_ok,
            person=person,
            note=note,
            grade=grade,
        ),
    )


def set_details(
    ws: Workspace,
    audit: m.MockAudit,
    *,
    auditors: tuple[str, ...] | None = None,
    scope: str | None = None,
    summary: str | None = None,
    conclusion: str | None = None,
) -> m.MockAudit:
    """Change the auditors, scope, summary or conclusion (None: unchanged)."""
    return save(
        ws,
        replace(
            audit,
            auditors=audit.auditors if auditors is None else auditors,
            scope=audit.scope if scope is None else scope,
            summary=audit.summary if summary is None else summary,
            conclusion=audit.conclusion if conclusion is None else conclusion,
        ),
    )


def delete(ws: Workspace, audit: m.MockAudit) -> None:
    ws.records.delete(KIND, audit.key, base_version=audit.version)
    ws.changed()


def put_back(ws: Workspace, audit: m.MockAudit) -> m.MockAudit:
    """Store ``audit`` over what is stored now, whatever its version (undo and redo)."""
    current = ws.records.get(KIND, audit.key)
    return save(ws, replace(audit, version=current.version if current else 0))


def discard(ws: Workspace, key: str) -> None:
    """Remove mock audit ``key`` whatever its version (undo of drawing it)."""
    ws.records.delete(KIND, key)
    ws.changed()


# --- reports -------------------------------------------------------------------------------------


def write_reports(
    ws: Workspace,
    audit: m.MockAudit,
    folder: Path | str,
    *,
    lang: str = "zh",
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> list[Path]:
    """The internal audit report and one nonconformity report per nonconformity, written into
    ``folder`` (created when missing); returns the files written."""
    from ipaudit.export import internal_audit_docx as docs
    from ipaudit.services import corrective_actions

    data = docs.ReportData(
        info=ws.info(),
        template=ws.template,
        departments={d.key: d.name for d in ws.departments()},
        audit=audit,
        actions=corrective_actions.by_origin(ws),
        evidence={ev.id: ev for ev in ws.evidence(include_old=True)},
        facts_policy=ws.facts().policy,
        lang=lang,
    )
    return docs.write_all(data, Path(folder), progress=progress, cancel=cancel)


def audit_json(audit: m.MockAudit) -> dict[str, object]:
    """A mock audit as the CLI prints it."""
    data = m.audit_json(audit)
    data["walked"] = audit.walked
    data["nonconformities"] = [s.key for s in audit.nonconformities()]
    return data
