"""The audit cycle: the audit type sets the audit period and the prerequisites the auditors check first.

- initial (初次认证): the period runs from the system's start (the IP manual's issue date); the
  system has run at least three months before the audit; the company holds at least one valid IP
  right (when the portfolio is declared);
- surveillance (监督审核): the period runs from the day after the last audit; the previous audit's
  nonconformities are closed; at most fifteen months pass between two audits (certification
  practice: once per calendar year, the first within twelve months of certification);
- recertification (再认证): the period is the certificate's whole three-year cycle, and the
  certificate is still valid when the audit starts.

For every type an internal audit and a management review are dated before the audit's first day.
A missing prerequisite is a major finding (严重不符合). The period always ends on or before the
audit's first day.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

from ipaudit.domain.model import (
    AuditType,
    Department,
    Evidence,
    Finding,
    Grade,
    ItemState,
    Status,
    Template,
    Text,
    WorkspaceInfo,
)
from ipaudit.text import counted

if TYPE_CHECKING:
    from ipaudit.domain.checks import CheckInput

_Add = Callable[..., None]  # add(item_key, code, grade, zh, en, *refs)

PREREQUISITE = "prerequisite_missing"
SURVEILLANCE_LATE = "surveillance_overdue"
PERIOD_SHORT = "period_not_whole_cycle"
SYSTEM_MONTHS = 3  # the system has run at least this long before an initial audit
SURVEILLANCE_MONTHS = 12  # the default period of a surveillance audit: a year back
SURVEILLANCE_INTERVAL_MONTHS = 15  # at most this many months between two audits
CYCLE_YEARS = 3  # a certificate's validity

MANUAL = "ipo.manual"
SCOPE = "ipo.scope"
INTERNAL_AUDIT = "ipo.internal_audit"
MANAGEMENT_REVIEW = "mgmt.management_review"
CORRECTIVE_ACTIONS = "ipo.corrective_actions"
PORTFOLIO = "ipo.portfolio_register"

# the dates that set the default period: changing one of them moves the period along
PERIOD_DRIVERS = frozenset(
    {"audit_type", "audit_start", "last_audit", "certificate_start", "system_start"}
)
INFO_FIELDS = tuple(f.name for f in fields(WorkspaceInfo))

AUDIT_TYPE_TEXT = {
    AuditType.INITIAL: Text("初次认证审核", "initial certification audit"),
    AuditType.SURVEILLANCE: Text("监督审核", "surveillance audit"),
    AuditType.RECERTIFICATION: Text("再认证审核", "recertification audit"),
}


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (the 31st becomes the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def default_period(info: WorkspaceInfo) -> tuple[dt.date, dt.date]:
    """The audit period the audit type asks for, ending the day before the audit starts."""
    end = info.audit_start - dt.timedelta(days=1)
    if info.audit_type is AuditType.INITIAL:
        start = info.system_start or add_months(info.audit_start, -12)
    elif info.audit_type is AuditType.SURVEILLANCE:
        start = (
            info.last_audit + dt.timedelta(days=1)
            if info.last_audit
            else add_months(info.audit_start, -SURVEILLANCE_MONTHS)
        )
    else:
        start = info.certificate_start or add_months(info.audit_start, -12 * CYCLE_YEARS)
    return min(start, end), end


def with_changes(info: WorkspaceInfo, changes: Mapping[str, Any]) -> WorkspaceInfo:
    """``info`` with ``changes`` applied (field name -> typed value). When a date that drives the
    period changes and the period is not given, the period follows the audit type's default."""
    unknown = sorted(set(changes) - set(INFO_FIELDS))
    if unknown:
        raise KeyError(", ".join(unknown))
    new = replace(info, **changes)
    if PERIOD_DRIVERS & set(changes) and not {"period_start", "period_end"} & set(changes):
        start, end = default_period(new)
        new = replace(new, period_start=start, period_end=end)
    return new


def validate(info: WorkspaceInfo) -> list[Text]:
    """What is wrong with ``info``, each problem with what to do; empty when it is consistent."""
    problems: list[Text] = []
    if not info.company.strip():
        problems.append(Text("公司名称不能为空。", "The company name must not be empty."))
    if info.audit_end < info.audit_start:
        problems.append(
            Text(
                f"审核结束日 {info.audit_end} 早于开始日 {info.audit_start}；请改正其中一个日期。",
                f"The audit ends ({info.audit_end}) before it starts ({info.audit_start}); correct"
                " one of the dates.",
            )
        )
    if info.period_end < info.period_start:
        problems.append(
            Text(
                f"审核期结束日 {info.period_end} 早于开始日 {info.period_start}。",
                f"The audit period ends ({info.period_end}) before it starts ({info.period_start}).",
            )
        )
    if info.period_end > info.audit_start:
        problems.append(
            Text(
                f"审核期应在审核首日 {info.audit_start} 或之前结束（现为 {info.period_end}）。",
                f"The audit period must end on or before the audit's first day {info.audit_start}"
                f" (it ends {info.period_end}).",
            )
        )
    for key, zh in (
        ("last_audit", "上次审核日期"),
        ("system_start", "体系运行开始日（手册发布日）"),
        ("certificate_start", "证书生效日"),
    ):
        day = getattr(info, key)
        if day is not None and day > info.audit_start:
            en = key.replace("_", " ")
            problems.append(
                Text(
                    f"{zh} {day} 晚于审核首日 {info.audit_start}。",
                    f"The {en} date {day} is after the audit's first day {info.audit_start}.",
                )
            )
    if (
        info.certificate_start
        and info.certificate_end
        and info.certificate_end < info.certificate_start
    ):
        problems.append(
            Text(
                f"证书到期日 {info.certificate_end} 早于生效日 {info.certificate_start}。",
                f"The certificate expires ({info.certificate_end}) before it starts"
                f" ({info.certificate_start}).",
            )
        )
    return problems


# --- prerequisites -------------------------------------------------------------------------------


def make_finding(
    code: str, grade: Grade, dep: str, item: str, zh: str, en: str, *refs: str
) -> Finding:
    detail = "|".join(refs)
    return Finding(code, grade, dep, item, Text(zh, en), tuple(refs), key=f"{code}:{item}:{detail}")


def anchor(
    template: Template, departments: Sequence[Department], item_key: str
) -> tuple[str, str] | None:
    """(owning department, item key) a finding about ``item_key`` is filed under; None when the
    item is not in the checklist or its department is absent."""
    from ipaudit.domain.checks import item_department

    deps = {d.key: d for d in departments}
    for item in template.items:
        if item.key == item_key:
            dep = item_department(item, deps)
            return (dep, item.key) if dep else None
    return None


def _dated_before(files: Sequence[Evidence], day: dt.date) -> bool:
    return any(ev.doc_date is not None and ev.doc_date < day for ev in files)


def prerequisite_findings(data: CheckInput) -> list[Finding]:
    """The audit type's prerequisites that the workspace does not show (major findings)."""
    info = data.info
    kind = AUDIT_TYPE_TEXT[info.audit_type]
    out: list[Finding] = []

    def add(item_key: str, code: str, grade: Grade, zh: str, en: str, *refs: str) -> None:
        where = anchor(data.template, data.departments, item_key)
        if where is not None:
            out.append(make_finding(code, grade, where[0], where[1], zh, en, *refs))

    files: dict[str, list[Evidence]] = {}
    for ev in data.evidence:
        if ev.current:
            files.setdefault(ev.item_key, []).append(ev)
    empty = ItemState("")
    for key, zh, en, article in (
        (INTERNAL_AUDIT, "内部审核", "internal audit", "an"),
        (MANAGEMENT_REVIEW, "管理评审", "management review", "a"),
    ):
        have = files.get(key, [])
        waived = data.states.get(key, empty).status is Status.NOT_APPLICABLE
        if have and not waived and _dated_before(have, info.audit_start):
            continue
        if not have and not waived:
            continue  # "evidence missing" already says it, as a major finding
        add(
            key,
            PREREQUISITE,
            Grade.MAJOR,
            f"{kind.zh}的前提：审核首日 {info.audit_start} 之前须完成一次{zh}，"
            f"但没有日期早于该日的{zh}记录。请附上带日期的记录。",
            f"Prerequisite of the {kind.en}: {article} {en} completed before the audit's first day"
            f" {info.audit_start}, but no {en} record is dated before it. Attach the dated records.",
            key,
        )
    if info.audit_type is AuditType.INITIAL:
        _initial(info, add)
        if data.facts.portfolio and not any(data.facts.portfolio.values()):
            add(
                PORTFOLIO,
                PREREQUISITE,
                Grade.MAJOR,
                "初次认证的前提：企业至少拥有一项有效知识产权，但声明的知识产权数量均为 0。",
                "Prerequisite of the initial audit: the company holds at least one valid IP right,"
                " but every declared portfolio count is 0.",
                "portfolio",
            )
    elif info.audit_type is AuditType.SURVEILLANCE:
        _surveillance(info, open_nonconformities(data), add)
    else:
        _recertification(info, add)
    return out


def open_nonconformities(data: CheckInput) -> int | None:
    """The previous audit's nonconformities still open: counted from the corrective actions once
    any of them is recorded (derived fact ``actions.previous_audit_open``), else as declared."""
    tracked = data.derived.get("actions.previous_audit_open")
    if tracked is not None and tracked.number is not None:
        return int(tracked.number)
    return data.facts.open_nonconformities


def _initial(info: WorkspaceInfo, add: _Add) -> None:
    if info.system_start is None:
        add(
            MANUAL,
            PREREQUISITE,
            Grade.MAJOR,
            "初次认证的前提：体系已运行至少三个月，但未填写体系运行开始日（手册发布日）。"
            "请在工作区信息中填写。",
            "Prerequisite of the initial audit: the system has run at least three months, but the"
            " system start (the manual's issue date) is not declared. Enter it in the workspace"
            " information.",
            "system_start",
        )
    elif add_months(info.system_start, SYSTEM_MONTHS) > info.audit_start:
        days = (info.audit_start - info.system_start).days
        add(
            MANUAL,
            PREREQUISITE,
            Grade.MAJOR,
            f"初次认证的前提：体系须运行至少三个月，自手册发布日 {info.system_start} 至审核首日"
            f" {info.audit_start} 仅 {days} 天。请推迟审核或核对发布日。",
            f"Prerequisite of the initial audit: the system must have run at least three months;"
            f" from the manual's issue date {info.system_start} to the audit's first day"
            f" {info.audit_start} there are only {counted(days, 'day')}. Move the audit or check"
            " the date.",
            "system_start",
        )


def _surveillance(info: WorkspaceInfo, open_count: int | None, add: _Add) -> None:
    if info.last_audit is None:
        add(
            CORRECTIVE_ACTIONS,
            PREREQUISITE,
            Grade.MAJOR,
            "监督审核须知道上次审核日期（审核期自其次日开始），但尚未填写。请在工作区信息中填写。",
            "A surveillance audit needs the last audit's date (the period starts the day after),"
            " but it is not declared. Enter it in the workspace information.",
            "last_audit",
        )
    elif add_months(info.last_audit, SURVEILLANCE_INTERVAL_MONTHS) < info.audit_start:
        add(
            CORRECTIVE_ACTIONS,
            SURVEILLANCE_LATE,
            Grade.OBSERVATION,
            f"监督审核首日 {info.audit_start} 距上次审核 {info.last_audit} 超过 15 个月；"
            "请与认证机构确认证书状态。",
            f"The surveillance audit starts {info.audit_start}, more than 15 months after the last"
            f" audit {info.last_audit}; confirm the certificate's status with the certification"
            " body.",
            "last_audit",
        )
    if open_count is None:
        add(
            CORRECTIVE_ACTIONS,
            PREREQUISITE,
            Grade.MAJOR,
            "监督审核的前提：上次审核的不符合项已全部关闭，但尚未声明未关闭数量。"
            "请在体系事实的“上次审核未关闭的不符合项”中填写（全部关闭则填 0）。",
            "Prerequisite of the surveillance audit: the last audit's nonconformities are all"
            " closed, but the number still open is not declared. Declare it in the facts, under"
            " the last audit's nonconformities still open (0 when all are closed).",
            "open_nonconformities",
        )
    elif open_count > 0:
        add(
            CORRECTIVE_ACTIONS,
            PREREQUISITE,
            Grade.MAJOR,
            f"监督审核的前提：上次审核的不符合项须全部关闭，仍有 {open_count} 项未关闭。"
            "请完成纠正措施并验证。",
            f"Prerequisite of the surveillance audit: the last audit's nonconformities must be"
            f" closed; {open_count} are still open. Complete and verify the corrective actions.",
            "open_nonconformities",
        )


def _recertification(info: WorkspaceInfo, add: _Add) -> None:
    if info.certificate_start is None:
        add(
            SCOPE,
            PREREQUISITE,
            Grade.MAJOR,
            "再认证审核覆盖证书的整个三年周期，但未填写证书生效日。请在工作区信息中填写。",
            "A recertification audit covers the certificate's whole three-year cycle, but the"
            " certificate's start date is not declared. Enter it in the workspace information.",
            "certificate_start",
        )
    elif info.period_start > info.certificate_start:
        add(
            SCOPE,
            PERIOD_SHORT,
            Grade.MINOR,
            f"再认证审核期应自证书生效日 {info.certificate_start} 起，现自 {info.period_start} 起。",
            f"The recertification period should start on the certificate's start date"
            f" {info.certificate_start}; it starts {info.period_start}.",
            "period_start",
        )
    if info.certificate_end is not None and info.certificate_end < info.audit_start:
        add(
            SCOPE,
            PREREQUISITE,
            Grade.MAJOR,
            f"证书已于 {info.certificate_end} 到期，早于再认证审核首日 {info.audit_start}；"
            "到期后须重新进行初次认证。请与认证机构确认。",
            f"The certificate expired on {info.certificate_end}, before the recertification audit"
            f" starts {info.audit_start}; after expiry an initial audit is needed. Confirm with the"
            " certification body.",
            "certificate_end",
        )
