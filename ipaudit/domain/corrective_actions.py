"""Corrective actions (纠正措施): every nonconformity followed to its verified closure.

A nonconformity comes from a mock audit, from the internal audit or from the certification body's
audit report. For each, the action records the root cause, the correction and the corrective
action, an owner and department, a due date, the evidence of completion (evidence files or
checklist items) and the verification of effectiveness (date, by whom, result).

Status runs open → in progress → done → verified. Verification is the only way to "verified"; a
verification that finds the action not effective sends it back to "in progress".

What an action must hold to be marked done (``CLOSE_REQUIRES``) and verified
(``VERIFY_REQUIRES``) is data below: an auditor accepts a closed nonconformity only with its root
cause, its corrective action, an owner and evidence of completion (a major one also with its
correction), and a verification only with who checked it and what was found.

Four kinds of finding come from here:
- an action past its due date and not done (``overdue_grade``: the rule below, as data);
- an action not done with no due date or no owner (``unplanned_grade``: it can never become
  overdue, so nobody would hear of it); one marked done or verified without what closing needs
  (``hollow_grade``: recorded before the rule);
- for a surveillance audit, the previous audit's nonconformities still open
  (``previous_audit_open``; domain.cycle turns the count into its prerequisite finding).

Pure: no disk, no Qt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from ipaudit.domain.model import Grade, Text
from ipaudit.text import counted

OVERDUE = "corrective_action_overdue"
UNPLANNED = "corrective_action_unplanned"  # not done, and no due date or no owner
#: done or verified without what closing needs (stored before the rule): an auditor does not accept it
HOLLOW = "corrective_action_closed_without_record"
NO_ACTION = "nonconformity_without_action"  # a mock audit's nonconformity with no action yet
#: the derived fact holding how many of the previous external audit's nonconformities are open
PREVIOUS_OPEN_FACT = "actions.previous_audit_open"


class NcSource(StrEnum):
    MOCK_AUDIT = "mock_audit"  # 模拟审核
    INTERNAL_AUDIT = "internal_audit"  # 内部审核
    CERTIFICATION = "certification"  # the certification body's audit (外审)


SOURCE_TEXT: dict[NcSource, Text] = {
    NcSource.MOCK_AUDIT: Text("模拟审核", "mock audit"),
    NcSource.INTERNAL_AUDIT: Text("内部审核", "internal audit"),
    NcSource.CERTIFICATION: Text("认证机构审核", "certification audit"),
}


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    VERIFIED = "verified"

    @property
    def finished(self) -> bool:
        """The action is carried out (done, or done and verified)."""
        return self in (ActionStatus.DONE, ActionStatus.VERIFIED)


STATUS_TEXT: dict[ActionStatus, Text] = {
    ActionStatus.OPEN: Text("未开始", "open"),
    ActionStatus.IN_PROGRESS: Text("进行中", "in progress"),
    ActionStatus.DONE: Text("已完成待验证", "done"),
    ActionStatus.VERIFIED: Text("已验证关闭", "verified"),
}

GRADE_TEXT: dict[Grade, Text] = {
    Grade.MAJOR: Text("严重不符合", "major nonconformity"),
    Grade.MINOR: Text("一般不符合", "minor nonconformity"),
    Grade.OBSERVATION: Text("观察项", "observation"),
}


class ActionError(ValueError):
    """An edit the action cannot take; ``text`` says why and what to do."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


@dataclass(frozen=True, slots=True)
class Verification:
    date: dt.date
    by: str
    result: str  # what was checked and found
    effective: bool = True


@dataclass(frozen=True, slots=True)
class CorrectiveAction:
    key: str  # "CA-001"
    source: NcSource
    finding: str  # the nonconformity as stated (不符合事实)
    grade: Grade = Grade.MINOR
    clause: str = ""  # clause of the standard
    department: str = ""  # workspace department key responsible
    raised: dt.date | None = None  # when the nonconformity was found
    origin: str = ""  # where it was found: "MA-20261201-1/S03", the report's number …
    root_cause: str = ""
    correction: str = ""  # 纠正: what was put right at once
    action: str = ""  # 纠正措施: what removes the cause
    owner: str = ""
    due: dt.date | None = None
    completed: dt.date | None = None
    evidence_ids: tuple[int, ...] = ()
    item_keys: tuple[str, ...] = ()
    verification: Verification | None = None
    status: ActionStatus = ActionStatus.OPEN
    version: int = 0  # the stored record's version (0: not stored)

    def days_overdue(self, today: dt.date) -> int:
        """How many days past its due date the action is without being done (0: not overdue)."""
        if self.due is None or self.status.finished or today <= self.due:
            return 0
        return (today - self.due).days


# --- the overdue rule (data) ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OverdueRule:
    """From ``min_days`` overdue on, an action from ``sources`` is a finding of ``grade``."""

    sources: frozenset[NcSource]
    min_days: int
    grade: Grade


INTERNAL = frozenset({NcSource.MOCK_AUDIT, NcSource.INTERNAL_AUDIT})
EXTERNAL = frozenset({NcSource.CERTIFICATION})
#: the first matching rule, from the top, grades an overdue action. An internal action a little
#: late is an observation, a month late a minor nonconformity; the certification body's own
#: nonconformity late is at once minor and after three months major (the next audit will check it).
OVERDUE_RULES: tuple[OverdueRule, ...] = (
    OverdueRule(EXTERNAL, 91, Grade.MAJOR),
    OverdueRule(EXTERNAL, 1, Grade.MINOR),
    OverdueRule(INTERNAL, 31, Grade.MINOR),
    OverdueRule(INTERNAL, 1, Grade.OBSERVATION),
)


def overdue_grade(
    action: CorrectiveAction, today: dt.date, rules: Iterable[OverdueRule] = OVERDUE_RULES
) -> Grade | None:
    days = action.days_overdue(today)
    if days <= 0:
        return None
    for rule in rules:
        if action.source in rule.sources and days >= rule.min_days:
            return rule.grade
    return None


def overdue_text(action: CorrectiveAction, today: dt.date) -> Text:
    days = action.days_overdue(today)
    src = SOURCE_TEXT[action.source]
    return Text(
        f"纠正措施 {action.key}（{src.zh}：{action.finding[:60]}）应于 {action.due} 完成，"
        f"已逾期 {days} 天仍未完成。请完成措施并附上完成证据，或与责任人商定新的期限。",
        f"Corrective action {action.key} ({src.en}: {action.finding[:60]}) was due on"
        f" {action.due} and is {counted(days, 'day')} overdue. Complete it and attach the"
        " evidence, or agree"
        " a new due date with its owner.",
    )


def previous_audit_open(actions: Iterable[CorrectiveAction], audit_start: dt.date) -> int | None:
    """How many nonconformities the certification body raised before ``audit_start`` (the
    previous audits) are not verified closed; None when no such nonconformity is recorded."""
    previous = [
        a
        for a in actions
        if a.source is NcSource.CERTIFICATION and (a.raised is None or a.raised < audit_start)
    ]
    if not previous:
        return None
    return sum(1 for a in previous if not is_closed(a))


# --- the unplanned rule (data) --------------------------------------------------------------------

#: an action not done without a due date or an owner never becomes overdue: a finding of this grade
#: by where its nonconformity came from (the certification body checks its own at the next audit)
UNPLANNED_GRADES: dict[NcSource, Grade] = {
    NcSource.CERTIFICATION: Grade.MINOR,
    NcSource.INTERNAL_AUDIT: Grade.OBSERVATION,
    NcSource.MOCK_AUDIT: Grade.OBSERVATION,
}
#: what an action needs to be planned, by field
PLAN_FIELDS: dict[str, Text] = {
    "due": Text("完成期限", "due date"),
    "owner": Text("责任人", "owner"),
}


def unplanned(action: CorrectiveAction) -> list[Text]:
    """The planning fields an action not yet done lacks (empty: planned, or done)."""
    if action.status.finished:
        return []
    return [text for name, text in PLAN_FIELDS.items() if not _filled(getattr(action, name))]


def unplanned_grade(
    action: CorrectiveAction, grades: Mapping[NcSource, Grade] = UNPLANNED_GRADES
) -> Grade | None:
    return grades.get(action.source) if unplanned(action) else None


def unplanned_text(action: CorrectiveAction) -> Text:
    missing = unplanned(action)
    src = SOURCE_TEXT[action.source]
    return Text(
        f"纠正措施 {action.key}（{src.zh}：{action.finding[:60]}）尚未完成，也没有"
        f"{'和'.join(t.zh for t in missing)}，因此永远不会逾期、无人跟进。请指定责任人和完成期限。",
        f"Corrective action {action.key} ({src.en}: {action.finding[:60]}) is not done and has"
        f" no {' and no '.join(t.en for t in missing)}, so it can never become overdue and nobody"
        " follows it up. Give it an owner and a due date.",
    )


# --- what closing and verifying need (data) ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Required:
    """Field ``field`` of an action must be filled (a text not blank, a tuple not empty) for
    actions of ``grades``."""

    field: str
    text: Text
    grades: frozenset[Grade] = frozenset(Grade)


#: to be marked done (已完成): an auditor accepts a closed nonconformity only with these
CLOSE_REQUIRES: tuple[Required, ...] = (
    Required("root_cause", Text("原因分析", "root cause")),
    Required("action", Text("纠正措施", "corrective action")),
    Required("owner", Text("责任人", "owner")),
    Required(
        "evidence_ids",
        Text("完成证据（至少一份文件）", "evidence of completion (at least one file)"),
    ),
    #: a major nonconformity also needs what was put right at once (纠正), not only the cause
    Required(
        "correction",
        Text("纠正（对严重不符合）", "correction (for a major nonconformity)"),
        frozenset({Grade.MAJOR}),
    ),
)
#: to be verified: who checked the action and what they found
VERIFY_REQUIRES: tuple[Required, ...] = (
    Required("by", Text("验证人", "verified by")),
    Required("result", Text("验证结果", "verification result")),
)


def _filled(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, tuple | list):
        return bool(value)
    return value is not None


def close_missing(
    action: CorrectiveAction,
    new_files: int = 0,
    rules: Iterable[Required] = CLOSE_REQUIRES,
) -> list[Text]:
    """What ``action`` lacks to be marked done (``new_files``: files about to be attached as
    evidence of completion count as evidence)."""
    out = []
    for rule in rules:
        if action.grade not in rule.grades:
            continue
        value = getattr(action, rule.field)
        if rule.field == "evidence_ids" and new_files > 0:
            continue
        if not _filled(value):
            out.append(rule.text)
    return out


def verify_missing(
    verification: Verification, rules: Iterable[Required] = VERIFY_REQUIRES
) -> list[Text]:
    return [r.text for r in rules if not _filled(getattr(verification, r.field))]


def _missing_error(key: str, missing: list[Text], verb: Text, hint: Text) -> ActionError:
    return ActionError(
        Text(
            f"{key} 不能{verb.zh}：尚缺{'、'.join(t.zh for t in missing)}。{hint.zh}",
            f"{key} cannot be {verb.en}: {', '.join(t.en for t in missing)} missing. {hint.en}",
        )
    )


_DONE = Text("标为已完成", "marked done")
_FILL_FIRST = Text(
    "请先补全（action-edit；完成证据用 --attach 文件 或 --evidence 编号）。",
    "Fill them in first (action-edit; evidence with --attach FILE or --evidence ID).",
)


#: an action marked done or verified that lacks what closing needs: a finding of this grade
HOLLOW_GRADES: dict[NcSource, Grade] = {
    NcSource.CERTIFICATION: Grade.MINOR,
    NcSource.INTERNAL_AUDIT: Grade.OBSERVATION,
    NcSource.MOCK_AUDIT: Grade.OBSERVATION,
}


def hollow_grade(
    action: CorrectiveAction, grades: Mapping[NcSource, Grade] = HOLLOW_GRADES
) -> Grade | None:
    return grades.get(action.source) if action.status.finished and close_missing(action) else None


def hollow_text(action: CorrectiveAction) -> Text:
    missing = close_missing(action)
    src = SOURCE_TEXT[action.source]
    state = STATUS_TEXT[action.status]
    return Text(
        f"纠正措施 {action.key}（{src.zh}：{action.finding[:60]}）记为“{state.zh}”，但缺"
        f"{'、'.join(t.zh for t in missing)}，审核员不会认可其已关闭。请把状态改回“进行中”"
        "（action-edit --status in_progress），补全后重新完成并验证。",
        f"Corrective action {action.key} ({src.en}: {action.finding[:60]}) is recorded as"
        f" {state.en} but has no {', no '.join(t.en for t in missing)}; an auditor will not"
        " accept it as closed. Set it back to in progress (action-edit --status in_progress),"
        " fill it in, then mark it done and verify it again.",
    )


def is_closed(action: CorrectiveAction) -> bool:
    """Verified, and holding what closing needs (a record stored before the rule, verified with
    its fields empty, is not closed for an auditor)."""
    return action.status is ActionStatus.VERIFIED and not close_missing(action)


# --- edits ---------------------------------------------------------------------------------------


def new_key(existing: Iterable[str]) -> str:
    """The next free action number: CA-001, CA-002 …"""
    numbers = [int(m.group(1)) for k in existing if (m := re.fullmatch(r"CA-(\d+)", k))]
    return f"CA-{max(numbers, default=0) + 1:03d}"


def check(action: CorrectiveAction, before: CorrectiveAction | None = None) -> CorrectiveAction:
    """``action`` when it is consistent; ActionError otherwise. A done (or verified) action holds
    what closing needs (``CLOSE_REQUIRES``); ``before``, the action as stored, when it was done
    already: only what the edit takes away is refused (a record stored before the rule stays
    editable)."""
    if not action.finding.strip():
        raise ActionError(
            Text("请写明不符合事实。", "Describe the nonconformity (the finding is empty).")
        )
    if action.status is ActionStatus.VERIFIED and action.verification is None:
        raise ActionError(
            Text(
                "只有记录了有效性验证（日期、验证人、结果）才能关闭为“已验证”。",
                "An action is verified only with a verification (date, by whom, result).",
            )
        )
    if action.raised and action.due and action.due < action.raised:
        raise ActionError(
            Text(
                f"完成期限 {action.due} 早于发现日期 {action.raised}。",
                f"The due date {action.due} is before the day it was found ({action.raised}).",
            )
        )
    if action.completed and action.raised and action.completed < action.raised:
        raise ActionError(
            Text(
                f"完成日期 {action.completed} 早于发现日期 {action.raised}。",
                f"It was completed ({action.completed}) before it was found ({action.raised}).",
            )
        )
    if action.status.finished:
        missing = close_missing(action)
        if before is not None and before.status.finished:
            had = {t.en for t in close_missing(before)}
            missing = [t for t in missing if t.en not in had]
        if missing:
            raise _missing_error(action.key, missing, _DONE, _FILL_FIRST)
    v = action.verification
    # an earlier verification (one that found the action not effective, or one before it was
    # set back to in progress) stays as its history while the action is done again
    if v is not None and action.status is ActionStatus.VERIFIED:
        _verified_after_done(action, v)
    return action


def _verified_after_done(action: CorrectiveAction, v: Verification) -> None:
    if action.completed and v.date < action.completed:
        raise ActionError(
            Text(
                f"验证日期 {v.date} 早于完成日期 {action.completed}：须先完成再验证。",
                f"The verification ({v.date}) is before the completion ({action.completed}):"
                " an action is verified after it is done.",
            )
        )


def close(
    action: CorrectiveAction,
    on: dt.date,
    *,
    evidence_ids: Iterable[int] = (),
    item_keys: Iterable[str] = (),
) -> CorrectiveAction:
    """The action done on ``on``, with the evidence of completion added (ActionError naming what
    is missing when it lacks what ``CLOSE_REQUIRES`` asks)."""
    return check_close(action, on, evidence_ids=evidence_ids, item_keys=item_keys)


def check_close(
    action: CorrectiveAction,
    on: dt.date,
    *,
    evidence_ids: Iterable[int] = (),
    item_keys: Iterable[str] = (),
    new_files: int = 0,
) -> CorrectiveAction:
    """``close`` checked before anything is written: ``new_files`` files still to be attached
    count as evidence of completion (the action returned does not hold them yet)."""
    if action.status is ActionStatus.VERIFIED:
        raise ActionError(
            Text(f"{action.key} 已验证关闭。", f"{action.key} is verified and closed already.")
        )
    done = replace(
        action,
        status=ActionStatus.DONE,
        completed=on,
        evidence_ids=tuple(dict.fromkeys((*action.evidence_ids, *evidence_ids))),
        item_keys=tuple(dict.fromkeys((*action.item_keys, *item_keys))),
    )
    missing = close_missing(done, new_files)
    if missing:
        raise _missing_error(action.key, missing, _DONE, _FILL_FIRST)
    if new_files:
        # the dates are checked as they will be stored; the files' ids come when attached
        check(replace(done, evidence_ids=(*done.evidence_ids, 0)))
        return done
    return check(done)


def verify(action: CorrectiveAction, verification: Verification) -> CorrectiveAction:
    """The verification of effectiveness: effective closes the action (verified); not effective
    sends it back to in progress, keeping the verification that said so."""
    if not action.status.finished:
        raise ActionError(
            Text(
                f"{action.key} 尚未完成；请先记录完成（action-close），再验证有效性。",
                f"{action.key} is not done yet; record its completion (action-close) before"
                " verifying it.",
            )
        )
    missing = verify_missing(verification)
    if missing:
        raise _missing_error(
            action.key,
            missing,
            Text("验证", "verified"),
            Text(
                "请写明验证人和验证结果（--by、--result）。",
                "Say who verified it and what they found (--by, --result).",
            ),
        )
    _verified_after_done(action, verification)
    status = ActionStatus.VERIFIED if verification.effective else ActionStatus.IN_PROGRESS
    return check(replace(action, verification=verification, status=status))


# --- JSON (the stored record) --------------------------------------------------------------------


def _date(value: Any) -> dt.date | None:
    return None if value in (None, "") else dt.date.fromisoformat(str(value))


def action_json(a: CorrectiveAction) -> dict[str, Any]:
    v = a.verification
    return {
        "key": a.key,
        "source": a.source.value,
        "finding": a.finding,
        "grade": a.grade.value,
        "clause": a.clause,
        "department": a.department,
        "raised": a.raised.isoformat() if a.raised else None,
        "origin": a.origin,
        "root_cause": a.root_cause,
        "correction": a.correction,
        "action": a.action,
        "owner": a.owner,
        "due": a.due.isoformat() if a.due else None,
        "completed": a.completed.isoformat() if a.completed else None,
        "evidence_ids": list(a.evidence_ids),
        "item_keys": list(a.item_keys),
        "verification": None
        if v is None
        else {
            "date": v.date.isoformat(),
            "by": v.by,
            "result": v.result,
            "effective": v.effective,
        },
        "status": a.status.value,
    }


def action_from_json(d: Mapping[str, Any], version: int = 0) -> CorrectiveAction:
    v = d.get("verification")
    return CorrectiveAction(
        key=str(d["key"]),
        source=NcSource(d.get("source", NcSource.INTERNAL_AUDIT.value)),
        finding=str(d.get("finding", "")),
        grade=Grade(d.get("grade", Grade.MINOR.value)),
        clause=str(d.get("clause", "")),
        department=str(d.get("department", "")),
        raised=_date(d.get("raised")),
        origin=str(d.get("origin", "")),
        root_cause=str(d.get("root_cause", "")),
        correction=str(d.get("correction", "")),
        action=str(d.get("action", "")),
        owner=str(d.get("owner", "")),
        due=_date(d.get("due")),
        completed=_date(d.get("completed")),
        evidence_ids=tuple(int(x) for x in d.get("evidence_ids", ())),
        item_keys=tuple(str(x) for x in d.get("item_keys", ())),
        verification=None
        if not v
        else Verification(
            dt.date.fromisoformat(str(v["date"])),
            str(v.get("by", "")),
            str(v.get("result", "")),
            bool(v.get("effective", True)),
        ),
        status=ActionStatus(d.get("status", ActionStatus.OPEN.value)),
        version=version,
    )
