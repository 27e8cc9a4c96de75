"""Corrective actions as a use case: add, edit, close, verify and import them; the findings and the
derived fact they give the checks. Used by the CLI and the GUI.

Each action is one record of kind ``action`` (``Workspace.records``), filed under its department.
The certification body's audit report is imported from its nonconformity forms (a Word table per
nonconformity) or its list (an xlsx/xls/ods/csv sheet or a docx table): see
``ipaudit.services.nc_report``. Importing it again updates the actions it made and keeps what the
user wrote into them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipaudit.domain import corrective_actions as ca
from ipaudit.domain.checks import follow_merges
from ipaudit.domain.cycle import CORRECTIVE_ACTIONS, anchor, make_finding
from ipaudit.domain.facts import Declared, FactKind
from ipaudit.domain.mock_audit import finding_text
from ipaudit.domain.model import Department, Finding, Grade, ItemState
from ipaudit.domain.normalize import normalize_text
from ipaudit.services import departments
from ipaudit.services.manager_rights import require_manager
from ipaudit.services.nc_report import ImportedRow, parse_report
from ipaudit.services.workspace import started
from ipaudit.store.errors import InvalidInput, SourceFileMissing

if TYPE_CHECKING:
    from ipaudit.domain.mock_audit import MockAudit
    from ipaudit.export.calendar_ics import Event
    from ipaudit.services import Workspace

KIND = "action"
EDITABLE = (
    "source",
    "finding",
    "grade",
    "clause",
    "department",
    "raised",
    "origin",
    "root_cause",
    "correction",
    "action",
    "owner",
    "due",
    "completed",
    "evidence_ids",
    "item_keys",
    "status",
)


def _bad(ws: Workspace, exc: ca.ActionError) -> InvalidInput:
    return InvalidInput(exc.text.zh, exc.text.en, ws.path)


def today() -> dt.date:
    return dt.date.today()


# --- reading -------------------------------------------------------------------------------------


def actions(ws: Workspace, department: str | None = None) -> list[ca.CorrectiveAction]:
    """Every corrective action (of one department when given: a department view, ``actions
    --department``; an action of a department merged into it since included), in number order."""
    found = [ca.action_from_json(r.value, r.version) for r in ws.records.all(KIND)]
    if not department:
        return found
    deps = {d.key: d for d in ws.departments()}
    return [a for a in found if follow_merges(a.department, deps) == department]


def get(ws: Workspace, key: str) -> ca.CorrectiveAction:
    rec = ws.records.get(KIND, key)
    if rec is None:
        raise InvalidInput(
            f"没有纠正措施“{key}”；用 actions 命令查看编号。",
            f"There is no corrective action '{key}'; list them with the actions command.",
            ws.path,
        )
    return ca.action_from_json(rec.value, rec.version)


def by_origin(ws: Workspace) -> dict[str, ca.CorrectiveAction]:
    """The actions by where their nonconformity was found ("MA-…/S03" …)."""
    return {a.origin: a for a in actions(ws) if a.origin}


def overdue(ws: Workspace, on: dt.date | None = None) -> list[ca.CorrectiveAction]:
    day = on or today()
    return [a for a in actions(ws) if a.days_overdue(day) > 0]


# --- editing -------------------------------------------------------------------------------------


def _check_department(ws: Workspace, key: str) -> str:
    """The department an action is filed under: its key or a name as people write it, followed
    through merges (bad input naming the choices when there is no such department)."""
    if not key:
        return key
    return departments.department_key(ws, key, absent=True)


def _check_items(ws: Workspace, keys: Iterable[str]) -> None:
    for key in keys:
        ws.item(key)  # bad input when unknown


def _check_evidence(ws: Workspace, ids: Iterable[int]) -> None:
    for ev_id in ids:
        ws.evidence_by_id(ev_id)


def save(
    ws: Workspace, action: ca.CorrectiveAction, *, was: ca.CorrectiveAction | None = None
) -> ca.CorrectiveAction:
    """Store ``action`` checked (bad input when inconsistent — a done action lacking what closing
    needs, see ``ca.CLOSE_REQUIRES``; EditConflict when it was saved meanwhile in another window).
    ``was``: the action as it was when nothing is stored (putting a removed one back)."""
    before = was
    if action.status.finished and action.key:
        rec = ws.records.get(KIND, action.key)
        if rec is not None:
            before = ca.action_from_json(rec.value, rec.version)
    try:
        ca.check(action, before)
    except ca.ActionError as exc:
        raise _bad(ws, exc) from exc
    action = replace(action, department=_check_department(ws, action.department))
    _check_items(ws, action.item_keys)
    _check_evidence(ws, action.evidence_ids)
    rec = ws.records.put(
        KIND,
        action.key,
        ca.action_json(action),
        department=action.department,
        base_version=action.version,
        what=f"纠正措施 {action.key} / corrective action {action.key}",
    )
    ws.changed()
    return replace(action, version=rec.version)


def add(ws: Workspace, **fields: Any) -> ca.CorrectiveAction:
    """A new action numbered CA-nnn after the last."""
    key = ca.new_key(r.key for r in ws.records.all(KIND))
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    fields.setdefault("source", ca.NcSource.INTERNAL_AUDIT)
    fields.setdefault("finding", "")
    return save(ws, ca.CorrectiveAction(key=key, **fields))


def edit(ws: Workspace, key: str, **changes: Any) -> ca.CorrectiveAction:
    """Change fields of action ``key`` as stored now."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    if changes.get("status") is ca.ActionStatus.VERIFIED:
        raise InvalidInput(
            "“已验证”只能通过记录有效性验证得到（action-verify）。",
            "An action becomes verified only by recording its verification (action-verify).",
            ws.path,
        )
    return save(ws, replace(get(ws, key), **changes))


def close(
    ws: Workspace,
    key: str,
    on: dt.date | None = None,
    *,
    evidence_ids: Sequence[int] = (),
    item_keys: Sequence[str] = (),
    attach: Sequence[Path | str] = (),
    edited: ca.CorrectiveAction | None = None,
) -> ca.CorrectiveAction:
    """Mark action ``key`` done on ``on`` (today), with its evidence of completion: evidence
    already stored (``evidence_ids``), the items holding it, and files to ``attach`` (to the
    action's first item, else to the corrective-action records item). Everything is checked
    before anything is written — what closing needs (``ca.CLOSE_REQUIRES``), the dates, the
    files — so a refusal attaches nothing; should attaching or storing fail midway, the files
    attached are taken off again and the item's status is put back (``_take_back``: a failed
    close leaves the item as it was). ``edited``: the action as an editor shows it, not saved yet
    (its base version; EditConflict when it was saved meanwhile): it is stored done in the same
    step."""
    action = get(ws, key) if edited is None else edited
    _check_evidence(ws, evidence_ids)
    _check_items(ws, (*item_keys, *action.item_keys))
    for path in attach:
        if not Path(path).is_file():
            raise SourceFileMissing(Path(path))
    try:
        done = ca.check_close(
            action,
            on or today(),
            evidence_ids=evidence_ids,
            item_keys=item_keys,
            new_files=len(attach),
        )
    except ca.ActionError as exc:
        raise _bad(ws, exc) from exc
    target = done.item_keys[0] if done.item_keys else CORRECTIVE_ACTIONS
    state = ws.state(target)
    attached: list[int] = []
    try:
        for path in attach:
            attached.append(ws.attach(target, path).id)
        return save(
            ws,
            replace(
                done,
                evidence_ids=tuple(dict.fromkeys((*done.evidence_ids, *attached))),
                item_keys=tuple(dict.fromkeys((*done.item_keys, target)))
                if attached
                else done.item_keys,
            ),
        )
    except BaseException:
        _take_back(ws, target, state, attached)
        raise


def _take_back(ws: Workspace, item_key: str, state: ItemState, attached: Sequence[int]) -> None:
    """Undo attaching ``attached`` to ``item_key`` for an operation that failed afterwards: the
    files come off again and the item's status is put back to ``state``'s when attaching moved it
    (not started, or waiting for this cycle's records → in progress: ``workspace.started``). A
    status someone set meanwhile is theirs and stays."""
    for ev_id in attached:
        ws.remove_evidence(ev_id)
    if not attached or started(state) == state:
        return
    moved = started(state).status

    def back(current: ItemState) -> ItemState:
        return replace(current, status=state.status) if current.status is moved else current

    ws.edit_state(item_key, back)


def attach_completion(
    ws: Workspace, key: str, source: Path | str, item_key: str | None = None, **meta: Any
) -> ca.CorrectiveAction:
    """Attach a file as evidence of completion through the normal attach service (to the
    action's first linked item, else to the corrective-action item) and link it."""
    action = get(ws, key)
    item = item_key or (action.item_keys[0] if action.item_keys else CORRECTIVE_ACTIONS)
    state = ws.state(item)
    ev = ws.attach(item, source, **meta)
    try:
        return save(
            ws,
            replace(
                action,
                evidence_ids=(*action.evidence_ids, ev.id),
                item_keys=tuple(dict.fromkeys((*action.item_keys, item))),
            ),
        )
    except BaseException:
        _take_back(ws, item, state, [ev.id])
        raise


def verify(
    ws: Workspace,
    key: str,
    *,
    by: str,
    result: str,
    on: dt.date | None = None,
    effective: bool = True,
) -> ca.CorrectiveAction:
    """Record the verification of action ``key``'s effectiveness: the compliance manager's, not
    a department head's (NotPermitted before anything is tried)."""
    require_manager(
        ws, f"the verification of corrective action {key}", f"纠正措施 {key} 的有效性验证"
    )
    try:
        done = ca.verify(
            get(ws, key), ca.Verification(on or today(), by.strip(), result.strip(), effective)
        )
    except ca.ActionError as exc:
        raise _bad(ws, exc) from exc
    return save(ws, done)


def delete(ws: Workspace, action: ca.CorrectiveAction) -> None:
    """Remove ``action``; one that holds a verification is the manager's to remove (a head's
    undo could not put the manager's verification back)."""
    if action.verification is not None or action.status is ca.ActionStatus.VERIFIED:
        require_manager(
            ws, f"the verified corrective action {action.key}", f"已验证的纠正措施 {action.key}"
        )
    ws.records.delete(KIND, action.key, base_version=action.version)
    ws.changed()


def discard(ws: Workspace, key: str) -> None:
    """Remove action ``key`` whatever its version (undo of adding it)."""
    ws.records.delete(KIND, key)
    ws.changed()


def restore(ws: Workspace, action: ca.CorrectiveAction) -> ca.CorrectiveAction:
    """Put a removed action back (undo)."""
    return save(ws, replace(action, version=0), was=action)


def put_back(ws: Workspace, action: ca.CorrectiveAction) -> ca.CorrectiveAction:
    """Store ``action`` over what is stored now, whatever its version (undo of an edit)."""
    current = ws.records.get(KIND, action.key)
    return save(ws, replace(action, version=current.version if current else 0))


def raise_from_mock_audit(ws: Workspace, audit: MockAudit) -> list[ca.CorrectiveAction]:
    """An open action for every nonconformity of ``audit`` that has none yet (by origin)."""
    have = by_origin(ws)
    made = []
    for sample in audit.nonconformities():
        origin = f"{audit.key}/{sample.key}"
        if origin in have:
            continue
        clause = ""
        if sample.item_key and any(i.key == sample.item_key for i in ws.template.items):
            item = ws.template.item(sample.item_key)
            ref = item.refs.get(ws.info().edition.value)
            clause = ref.clause if ref else item.clause
        finding = finding_text(sample).zh
        grade = sample.result.grade if sample.result and sample.result.grade else Grade.MINOR
        made.append(
            add(
                ws,
                source=ca.NcSource.MOCK_AUDIT,
                finding=finding,
                grade=grade,
                clause=clause,
                department=sample.department,
                raised=audit.date,
                origin=origin,
                item_keys=(sample.item_key,) if sample.item_key else (),
            )
        )
    return made


# --- findings and the derived fact -----------------------------------------------------------------


def _where(
    ws: Workspace, deps: Sequence[Department], item_keys: Iterable[str]
) -> tuple[str, str] | None:
    """(department, item) a finding about these items is filed under: the first item in the
    checklist, else the corrective-action records item."""
    for item_key in (*item_keys, CORRECTIVE_ACTIONS):
        where = anchor(ws.template, deps, item_key)
        if where is not None:
            return where
    return None


def findings(ws: Workspace) -> list[Finding]:
    """Every overdue action, graded by how overdue and where its nonconformity came from; every
    action not done with no due date or no owner (it would never become overdue); every action
    marked done or verified without what closing needs (stored so before the rule); and every
    nonconformity of a mock audit with no corrective action yet (an observation: the
    auditors look for the action that follows each nonconformity)."""
    from ipaudit.services import mock_audit

    day = today()
    out: list[Finding] = []
    deps = ws.departments()
    stored = actions(ws)
    for a in stored:
        grade = ca.overdue_grade(a, day)
        if grade is None:
            continue
        where = _where(ws, deps, a.item_keys)
        if where is not None:
            text = ca.overdue_text(a, day)
            out.append(make_finding(ca.OVERDUE, grade, where[0], where[1], text.zh, text.en, a.key))
    for code, grade_of, text_of in (
        (ca.UNPLANNED, ca.unplanned_grade, ca.unplanned_text),
        (ca.HOLLOW, ca.hollow_grade, ca.hollow_text),
    ):
        for a in stored:
            grade = grade_of(a)
            if grade is None:
                continue
            where = _where(ws, deps, a.item_keys)
            if where is not None:
                text = text_of(a)
                out.append(make_finding(code, grade, where[0], where[1], text.zh, text.en, a.key))
    origins = {a.origin for a in stored}
    for audit in mock_audit.audits(ws):
        for sample in audit.nonconformities():
            origin = f"{audit.key}/{sample.key}"
            if origin in origins:
                continue
            where = _where(ws, deps, (sample.item_key,) if sample.item_key else ())
            if where is None:
                continue
            found = finding_text(sample)
            out.append(
                make_finding(
                    ca.NO_ACTION,
                    Grade.OBSERVATION,
                    where[0],
                    where[1],
                    f"模拟审核 {origin} 发现不符合（{found.zh}），尚无纠正措施。"
                    "请在模拟审核中建立纠正措施，写明原因、措施、责任人和期限。",
                    f"Mock audit {origin} found a nonconformity ({found.en}) with no corrective"
                    " action yet. Open one from the mock audit with its cause, action, owner and"
                    " due date.",
                    origin,
                )
            )
    return out


def derived_facts(ws: Workspace) -> dict[str, Declared]:
    """How many of the previous external audit's nonconformities are still open, once any is
    recorded here (the surveillance prerequisite reads it before the declared number)."""
    count = ca.previous_audit_open(actions(ws), ws.info().audit_start)
    if count is None:
        return {}
    from decimal import Decimal

    return {
        ca.PREVIOUS_OPEN_FACT: Declared(
            FactKind.NUMBER, str(count), number=Decimal(count), units=("项",)
        )
    }


# --- import of the certification body's report -----------------------------------------------------

#: a nonconformity of the report is the same as an action's when their descriptions are this alike
#: (shared two-character pieces, Dice) — a corrected word or two; with the same clause, less
SAME_TEXT = 0.8
SAME_TEXT_SAME_CLAUSE = 0.5
#: an action raised this many days apart from the report's date is another audit's
OTHER_AUDIT_DAYS = 90


@dataclass(frozen=True, slots=True)
class ReportImport:
    """What importing a report did: actions made, updated (before, after), and the report's
    nonconformities whose action already said the same."""

    created: tuple[ca.CorrectiveAction, ...] = ()
    updated: tuple[tuple[ca.CorrectiveAction, ca.CorrectiveAction], ...] = ()
    unchanged: tuple[ca.CorrectiveAction, ...] = ()
    #: imported actions of the same audit the report no longer holds (withdrawn by the body?):
    #: kept, for the user to look at
    absent: tuple[ca.CorrectiveAction, ...] = ()

    @property
    def changed(self) -> list[ca.CorrectiveAction]:
        return [*self.created, *(after for _before, after in self.updated)]


def _department_keys(ws: Workspace) -> Callable[[str], str]:
    """The department a report's row names (its key or a name; "研发" for 研发部), followed
    through merges; "" when none fits or two do. The departments are read once, for all the
    rows."""
    return departments.names(ws, absent=True).find


def _pieces(text: str) -> set[str]:
    t = normalize_text(text)
    return {t[i : i + 2] for i in range(len(t) - 1)} or {t}


def similarity(a: str, b: str) -> float:
    """How alike two descriptions are (0–1): the share of their two-character pieces in common."""
    pa, pb = _pieces(a), _pieces(b)
    return 2 * len(pa & pb) / (len(pa) + len(pb)) if pa and pb else 0.0


def _origin_number(origin: str) -> str:
    return origin.rpartition("#")[2] if "#" in origin else ""


def _same_nonconformity(
    row: ImportedRow, department: str, day: dt.date | None, a: ca.CorrectiveAction
) -> float:
    """How surely action ``a`` is the report's nonconformity ``row`` (0: not it): the same NC
    number (one with letters alone; a bare 1, 2 … with the same clause or a similar text), else
    the same clause and a similar description, else a nearly equal description."""
    if day and a.raised and abs((day - a.raised).days) > OTHER_AUDIT_DAYS:
        return 0.0
    text = similarity(row.finding, a.finding)
    same_clause = bool(row.clause) and row.clause == a.clause
    number = normalize_text(row.number)
    same_number = bool(number) and normalize_text(_origin_number(a.origin)) == number
    if same_number and (not number.isdigit() or same_clause or text >= SAME_TEXT_SAME_CLAUSE):
        return 2.0 + text  # the department may have been corrected too
    if department and a.department and department != a.department:
        return 0.0
    if normalize_text(row.finding) == normalize_text(a.finding):
        return 1.5
    if same_clause and text >= SAME_TEXT_SAME_CLAUSE:
        return 1.0 + text
    if text >= SAME_TEXT and (not row.clause or not a.clause or same_clause):
        return text
    return 0.0


def _updated(
    before: ca.CorrectiveAction, row: ImportedRow, department: str, raised: dt.date | None
) -> ca.CorrectiveAction:
    """``before`` with what the report says now; what the user wrote (cause, correction, action,
    owner, evidence, status, verification) is kept, filled from the report only where empty."""
    due = row.due if row.due and (raised is None or row.due >= raised) else before.due
    return replace(
        before,
        finding=row.finding,
        clause=row.clause or before.clause,
        grade=row.grade or before.grade,
        department=department or before.department,
        raised=raised or before.raised,
        due=due,
        root_cause=before.root_cause or row.root_cause,
        correction=before.correction or row.correction,
        action=before.action or row.action,
        owner=before.owner or row.owner,
    )


def import_report(
    ws: Workspace,
    path: Path | str,
    *,
    source: ca.NcSource = ca.NcSource.CERTIFICATION,
    raised: dt.date | None = None,
) -> ReportImport:
    """An open action for every nonconformity of the report that has none yet; an action that
    has one (same NC number, or same clause and description — see ``_same_nonconformity``) is
    updated from the report, keeping what the user wrote into it, so a corrected report imported
    again duplicates nothing; the actions of the same audit it no longer holds are said
    (``ReportImport.absent``), not removed. ``raised``: the audit's date when the report gives none (default:
    the last audit's date). A report that cannot be read, or a nonconformity that cannot be
    stored, is refused before anything is changed."""
    rows = parse_report(path)
    name = Path(path).name
    day = raised or ws.info().last_audit
    existing = [a for a in actions(ws) if a.source == source]
    department_key = _department_keys(ws)
    claimed: set[str] = set()
    plans: list[tuple[ca.CorrectiveAction | None, ca.CorrectiveAction]] = []
    for n, row in enumerate(rows, 1):
        department = department_key(row.department)
        found = row.raised or day
        scored = [
            (_same_nonconformity(row, department, found, a), a)
            for a in existing
            if a.key not in claimed
        ]
        score, before = max(scored, key=lambda sa: sa[0], default=(0.0, None))
        if before is not None and score > 0:
            claimed.add(before.key)
            after = _updated(before, row, department, row.raised or before.raised)
        else:
            before = None
            due = row.due if row.due and (found is None or row.due >= found) else None
            after = ca.CorrectiveAction(
                key="",
                source=source,
                finding=row.finding,
                grade=row.grade or Grade.MINOR,
                clause=row.clause,
                department=department,
                raised=found,
                origin=f"{name}#{row.number or n}",
                due=due,
                root_cause=row.root_cause,
                correction=row.correction,
                action=row.action,
                owner=row.owner,
            )
        try:
            ca.check(after, before)  # a done action stored before the rule: as it was
        except ca.ActionError as exc:
            raise InvalidInput(
                f"{name} {row.where_zh}：{exc.text.zh}；工作区未作任何更改。",
                f"{name} {row.where_en}: {exc.text.en}; nothing was changed.",
                ws.path,
            ) from exc
        plans.append((before, after))
    days = {d for row in rows if (d := row.raised or day) is not None}
    absent = tuple(
        a
        for a in existing
        if a.key not in claimed
        and "#" in a.origin
        and not a.status.finished
        and a.raised is not None
        and any(abs((d - a.raised).days) <= OTHER_AUDIT_DAYS for d in days)
    )
    created: list[ca.CorrectiveAction] = []
    updated: list[tuple[ca.CorrectiveAction, ca.CorrectiveAction]] = []
    unchanged: list[ca.CorrectiveAction] = []
    for before, after in plans:
        if before is None:
            fields = {k: getattr(after, k) for k in EDITABLE if k != "status"}
            created.append(add(ws, **fields))
        elif after == before:
            unchanged.append(before)
        else:
            updated.append((before, save(ws, after)))
    return ReportImport(tuple(created), tuple(updated), tuple(unchanged), absent)


# --- calendar -----------------------------------------------------------------------------------


def calendar_events(ws: Workspace, lang: str = "zh", department: str | None = None) -> list[Event]:
    """Each action not yet done, on its due date (all day), for the workspace calendar;
    ``department``: its actions only (``actions``)."""
    from ipaudit.export.calendar_ics import Event
    from ipaudit.services.calendar import workspace_tag

    en = lang.startswith("en")
    tag = workspace_tag(ws)  # not the file's name: a renamed or copied file keeps its UIDs
    names = {d.key: d.name.get(lang) for d in ws.departments()}
    out = []
    for a in actions(ws, department):
        if a.due is None or a.status.finished:
            continue
        src = ca.SOURCE_TEXT[a.source].get(lang)
        title = (
            f"Corrective action {a.key} due: {a.finding[:40]}"
            if en
            else f"纠正措施 {a.key} 到期：{a.finding[:40]}"
        )
        lines = [
            ("Source: " if en else "来源：") + src,
            ("Department: " if en else "责任部门：") + names.get(a.department, a.department),
            ("Owner: " if en else "责任人：") + (a.owner or "-"),
            ("Action: " if en else "纠正措施：") + (a.action or "-"),
        ]
        out.append(
            Event(
                uid=f"action-{a.key}-{tag}@ipaudit",
                title=title,
                start=a.due,
                description="\n".join(lines),
                categories=("纠正措施" if not en else "Corrective action",),
            )
        )
    return out


# --- JSON ----------------------------------------------------------------------------------------


def action_row_json(a: ca.CorrectiveAction, on: dt.date | None = None) -> dict[str, Any]:
    data = ca.action_json(a)
    data["days_overdue"] = a.days_overdue(on or today())
    return data
