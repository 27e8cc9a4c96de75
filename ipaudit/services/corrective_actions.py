"""Corrective actions as a use case: add, edit, close, verify and import them; the findings and the
derived fact they give the checks. Used by the CLI and the GUI.

Each action is one record of kind ``action`` (``Workspace.records``), filed under its department.
The certification body's audit report is imported from an xlsx/xls/ods/csv sheet or a docx table:
the columns are found by their header (不符合事实, 条款, 部门, 类型 …) and, where the header says
nothing, by their content (clause numbers, grade words, dates).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipaudit.domain import corrective_actions as ca
from ipaudit.domain.checks import follow_merges
from ipaudit.domain.cycle import CORRECTIVE_ACTIONS, anchor, make_finding
from ipaudit.domain.facts import Declared, FactKind
from ipaudit.domain.mock_audit import finding_text
from ipaudit.domain.model import Department, Finding, Grade
from ipaudit.domain.normalize import normalize_text
from ipaudit.store.errors import InvalidInput

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
    if not key:
        return key
    deps = {d.key: d for d in ws.departments()}
    for d in deps.values():  # a name as people write it
        if key in (d.name.zh, d.name.en):
            key = d.key
            break
    if key not in deps:
        raise InvalidInput(f"没有部门“{key}”。", f"There is no department '{key}'.", ws.path)
    return follow_merges(key, deps)


def _check_items(ws: Workspace, keys: Iterable[str]) -> None:
    for key in keys:
        ws.item(key)  # bad input when unknown


def _check_evidence(ws: Workspace, ids: Iterable[int]) -> None:
    for ev_id in ids:
        ws.evidence_by_id(ev_id)


def save(ws: Workspace, action: ca.CorrectiveAction) -> ca.CorrectiveAction:
    """Store ``action`` checked (bad input when inconsistent; EditConflict when it was saved
    meanwhile in another window)."""
    try:
        ca.check(action)
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
) -> ca.CorrectiveAction:
    _check_evidence(ws, evidence_ids)
    _check_items(ws, item_keys)
    try:
        done = ca.close(get(ws, key), on or today(), evidence_ids=evidence_ids, item_keys=item_keys)
    except ca.ActionError as exc:
        raise _bad(ws, exc) from exc
    return save(ws, done)


def attach_completion(
    ws: Workspace, key: str, source: Path | str, item_key: str | None = None, **meta: Any
) -> ca.CorrectiveAction:
    """Attach a file as evidence of completion through the normal attach service (to the
    action's first linked item, else to the corrective-action item) and link it."""
    action = get(ws, key)
    item = item_key or (action.item_keys[0] if action.item_keys else CORRECTIVE_ACTIONS)
    ev = ws.attach(item, source, **meta)
    return save(
        ws,
        replace(
            action,
            evidence_ids=(*action.evidence_ids, ev.id),
            item_keys=tuple(dict.fromkeys((*action.item_keys, item))),
        ),
    )


def verify(
    ws: Workspace,
    key: str,
    *,
    by: str,
    result: str,
    on: dt.date | None = None,
    effective: bool = True,
) -> ca.CorrectiveAction:
    if not by.strip():
        raise InvalidInput("请写明验证人。", "Say who verified the action (--by).", ws.path)
    try:
        done = ca.verify(get(ws, key), ca.Verification(on or today(), by, result, effective))
    except ca.ActionError as exc:
        raise _bad(ws, exc) from exc
    return save(ws, done)


def delete(ws: Workspace, action: ca.CorrectiveAction) -> None:
    ws.records.delete(KIND, action.key, base_version=action.version)
    ws.changed()


def discard(ws: Workspace, key: str) -> None:
    """Remove action ``key`` whatever its version (undo of adding it)."""
    ws.records.delete(KIND, key)
    ws.changed()


def restore(ws: Workspace, action: ca.CorrectiveAction) -> ca.CorrectiveAction:
    """Put a removed action back (undo)."""
    return save(ws, replace(action, version=0))


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
    """Every overdue action, graded by how overdue and where its nonconformity came from; and
    every nonconformity of a mock audit with no corrective action yet (an observation: the
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

HEADERS: dict[str, tuple[str, ...]] = {
    "finding": (
        "不符合事实",
        "不符合项描述",
        "不符合描述",
        "不符合项",
        "不符合内容",
        "问题描述",
        "事实描述",
        "审核发现",
        "描述",
        "内容",
        "nonconformity",
        "finding",
        "description",
    ),
    "clause": ("条款", "标准条款", "对应条款", "不符合条款", "条款号", "clause"),
    "department": ("部门", "受审核部门", "责任部门", "受审部门", "department"),
    "grade": ("类型", "性质", "不符合类型", "严重程度", "等级", "grade", "type", "severity"),
    "raised": ("日期", "审核日期", "发现日期", "date"),
    "due": ("完成期限", "整改期限", "要求完成日期", "期限", "due", "deadline"),
    "number": ("编号", "序号", "no", "no.", "number"),
}
GRADE_WORDS = (
    ("严重", Grade.MAJOR),
    ("major", Grade.MAJOR),
    ("一般", Grade.MINOR),
    ("轻微", Grade.MINOR),
    ("minor", Grade.MINOR),
    ("观察", Grade.OBSERVATION),
    ("observation", Grade.OBSERVATION),
)
CLAUSE_RE = re.compile(r"^\s*(?:GB/T\s*29490[^\s]*\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})\s*(?:条)?\s*$")
MAX_HEADER_ROW = 10
MAX_HEADER_CHARS = 12  # a longer cell is a title or data, not a column header


@dataclass(frozen=True, slots=True)
class ImportedRow:
    number: str
    finding: str
    clause: str
    department: str
    grade: Grade
    raised: dt.date | None
    due: dt.date | None


def _grade(text: str) -> Grade | None:
    low = text.strip().lower()
    return next((g for w, g in GRADE_WORDS if w in low), None)


def _cell(value: Any) -> str:
    from ipaudit.ledger.cells import cell_text

    return cell_text(value).strip()


def _date_cell(value: Any) -> dt.date | None:
    from ipaudit.ledger.normalize import NormalizeError, parse_date

    try:
        return parse_date(value)
    except NormalizeError:
        return None


def read_report_rows(path: Path | str) -> list[list[Any]]:
    """The rows of the report's table: the first docx table with a finding column, or the sheet."""
    source = Path(path)
    if source.suffix.lower() == ".docx":
        from docx import Document

        try:
            doc = Document(str(source))
        except Exception as exc:  # python-docx raises several types for a file that is no docx
            raise InvalidInput(
                f"{source.name} 不是可读的 Word 文档；请在 Word 或 WPS 中打开后另存为 .docx 再导入。",
                f"{source.name} is not a readable Word document: {exc}",
                source,
            ) from exc
        tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
        for rows in tables:
            if _columns(rows)[0].get("finding") is not None:
                return rows
        return tables[0] if tables else []
    from ipaudit.ledger.reader import open_sheet

    return [list(r) for r in open_sheet(source).rows()]


def _columns(rows: Sequence[Sequence[Any]]) -> tuple[dict[str, int], int]:
    """The column of each field and the header row's index (-1: no header found): of the first
    rows, the one naming a finding column and the most fields (a title row above the header
    that mentions 不符合项 is no header)."""
    wanted = {f: {normalize_text(w) for w in words} for f, words in HEADERS.items()}
    best: tuple[dict[str, int], int] = ({}, -1)
    for n, row in enumerate(rows[:MAX_HEADER_ROW]):
        cols: dict[str, int] = {}
        for i, value in enumerate(row):
            text = normalize_text(_cell(value))
            if not text or len(text) > MAX_HEADER_CHARS:
                continue
            for field, words in wanted.items():
                if field in cols:
                    continue
                if text in words or any(len(w) > 3 and w in text for w in words):
                    cols[field] = i
                    break
        if "finding" in cols and len(cols) > len(best[0]):
            best = (cols, n)
    return best


def _by_content(rows: Sequence[Sequence[Any]], cols: dict[str, int]) -> dict[str, int]:
    """Columns the header did not name, found by what their cells hold."""
    width = max((len(r) for r in rows), default=0)
    free = [i for i in range(width) if i not in cols.values()]
    texts = {i: [_cell(r[i]) for r in rows if i < len(r) and _cell(r[i])] for i in free}

    def share(i: int, test: Callable[[str], bool]) -> float:
        cells = texts[i]
        return sum(1 for t in cells if test(t)) / len(cells) if cells else 0.0

    found = dict(cols)
    for field, test in (
        ("clause", lambda t: CLAUSE_RE.match(t) is not None),
        ("grade", lambda t: _grade(t) is not None and len(t) <= 12),
        ("raised", lambda t: _date_cell(t) is not None),
    ):
        if field in found:
            continue
        best = max(
            (i for i in free if i not in found.values()), key=lambda i: share(i, test), default=None
        )
        if best is not None and share(best, test) >= 0.6:
            found[field] = best
    if "finding" not in found:  # the longest texts
        lengths = {i: sum(len(t) for t in texts[i]) for i in free if i not in found.values()}
        if lengths and max(lengths.values()) > 0:
            found["finding"] = max(lengths, key=lambda i: lengths[i])
    return found


#: a column guessed as the nonconformities without a header holds sentences, mostly this long
MIN_FINDING_CHARS = 8


def parse_report(path: Path | str) -> list[ImportedRow]:
    """The nonconformities listed in the certification body's report."""
    source = Path(path)
    rows = read_report_rows(source)
    cols, header = _columns(rows)
    body = rows[header + 1 :] if header >= 0 else list(rows)
    cols = _by_content(body, cols)
    if header < 0 and "finding" in cols:  # guessed by length alone: sentences, or no list
        i = cols["finding"]
        texts = [_cell(r[i]) for r in body if i < len(r) and _cell(r[i])]
        if sum(len(t) >= MIN_FINDING_CHARS for t in texts) * 2 < len(texts):
            del cols["finding"]
    if "finding" not in cols:
        raise InvalidInput(
            f"{source.name} 中找不到不符合项描述列（如“不符合事实”）。请确认选的是审核报告的不符合项"
            "清单，并给描述列加上“不符合事实”或“不符合项描述”这样的表头。",
            f"No nonconformity column (such as 不符合事实 / nonconformity) was found in"
            f" {source.name}. Check that it is the audit report's list of nonconformities, and"
            " give the column of descriptions a header such as 不符合事实 or nonconformity.",
            source,
        )

    def cell(row: Sequence[Any], field: str) -> Any:
        i = cols.get(field)
        return row[i] if i is not None and i < len(row) else None

    out = []
    for row in body:
        finding = _cell(cell(row, "finding"))
        if not finding or normalize_text(finding) in {
            normalize_text(w) for w in HEADERS["finding"]
        }:
            continue
        clause_text = _cell(cell(row, "clause"))
        match = CLAUSE_RE.match(clause_text)
        out.append(
            ImportedRow(
                number=_cell(cell(row, "number")),
                finding=finding,
                clause=match.group(1) if match else clause_text,
                department=_cell(cell(row, "department")),
                grade=_grade(_cell(cell(row, "grade"))) or Grade.MINOR,
                raised=_date_cell(cell(row, "raised")),
                due=_date_cell(cell(row, "due")),
            )
        )
    return out


def _department_key(ws: Workspace, text: str) -> str:
    if not text:
        return ""
    norm = normalize_text(text)
    for d in ws.departments():
        if norm in (normalize_text(d.key), normalize_text(d.name.zh), normalize_text(d.name.en)):
            return follow_merges(d.key, {x.key: x for x in ws.departments()})
    for d in ws.departments():  # "研发" for 研发部
        if norm and (norm in normalize_text(d.name.zh) or normalize_text(d.name.zh) in norm):
            return follow_merges(d.key, {x.key: x for x in ws.departments()})
    return ""


def import_report(
    ws: Workspace,
    path: Path | str,
    *,
    source: ca.NcSource = ca.NcSource.CERTIFICATION,
    raised: dt.date | None = None,
) -> list[ca.CorrectiveAction]:
    """An open action for every nonconformity of the report not imported before (same origin);
    ``raised``: the audit's date when the report gives none (default: the last audit's date)."""
    rows = parse_report(path)
    name = Path(path).name
    have = by_origin(ws)
    day = raised or ws.info().last_audit
    made = []
    for n, row in enumerate(rows, 1):
        origin = f"{name}#{row.number or n}"
        if origin in have:
            continue
        found = row.raised or day
        due = row.due if row.due and (found is None or row.due >= found) else None
        made.append(
            add(
                ws,
                source=source,
                finding=row.finding,
                grade=row.grade,
                clause=row.clause,
                department=_department_key(ws, row.department),
                raised=found,
                origin=origin,
                due=due,
            )
        )
    return made


# --- calendar -----------------------------------------------------------------------------------


def calendar_events(ws: Workspace, lang: str = "zh", department: str | None = None) -> list[Event]:
    """Each action not yet done, on its due date (all day), for the workspace calendar;
    ``department``: its actions only (``actions``)."""
    from ipaudit.export.calendar_ics import Event

    en = lang.startswith("en")
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
                uid=f"action-{a.key}@{ws.path.stem}.ipaudit",
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
