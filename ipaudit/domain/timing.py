"""Time rules: whether each record of an item counts for the audit period, and what is wrong when not.

The rules (declared per item in the template, see :class:`ipaudit.domain.rules.TimeRule`):

- event: the record's date (or the period it covers) falls inside the audit period; in a record
  set, an instance (an R&D project, a training) with a record inside the period is work of the
  period, so its other records may lie before or after it;
- in_force: signed before the period ends, and not expired or withdrawn before it ends (the
  evidence's period end is its expiry) — unless it was renewed: the same document (same document
  number, or the same title once brackets and renewal words are left out) taking over by the day
  after its expiry; the renewal is the record that counts;
- yearly: every year of the period has a record; one dated up to ``lead_months`` before its year
  counts for that year (a 2026 plan approved in December 2025);
- periodic: every month or quarter of the period is covered by a record's date or period — a
  month or quarter still running when the period ends is not due yet (its record is made when it
  ends) and is not asked for.

A record with no date and no period proves nothing: it is a finding and never counts. A record
dated (or starting) after the audit's last day cannot be shown at the audit: it is a finding under
every rule (a wrong date, or a record written ahead) and never counts, not even as one phase of a
record set whose other records lie in the period. A yearly document for a year after the period
that already exists at the audit (next year's plan approved in the period) is no finding; it does
not count for a year of the period either.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ipaudit import text
from ipaudit.domain.model import Evidence, Finding, Item, ItemKind, WorkspaceInfo
from ipaudit.domain.normalize import normalize_text
from ipaudit.domain.rules import Every, ItemRule, Situation, TimeRule

NewFinding = Callable[..., Finding]  # (code, situation, zh, en, *refs) -> Finding


def is_dated(ev: Evidence) -> bool:
    return ev.doc_date is not None or ev.period_start is not None or ev.period_end is not None


def months_before(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` months before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def years_of(ev: Evidence, lead_months: int = 0) -> set[int]:
    """The years a yearly record is for: its year slot, the years of its period, or its date's
    year — and the next year when dated within ``lead_months`` before it."""
    if ev.slot.startswith("year:") and ev.slot[5:].isdigit():
        return {int(ev.slot[5:])}
    if ev.period_start and ev.period_end:
        return set(range(ev.period_start.year, ev.period_end.year + 1))
    day = ev.doc_date or ev.period_start or ev.period_end
    if day is None:
        return set()
    years = {day.year}
    if lead_months and day >= months_before(dt.date(day.year + 1, 1, 1), lead_months):
        years.add(day.year + 1)
    return years


def period_slots(info: WorkspaceInfo, every: Every) -> list[str]:
    """The months (``2025-03``) or quarters (``2025Q1``) of the audit period whose record is due:
    those that end on or before the period's last day (one that began before the period and ends
    in it is due in it; one still running when the period ends is not due yet)."""
    out: list[str] = []
    day = dt.date(info.period_start.year, info.period_start.month, 1)
    while day <= info.period_end:
        label = _slot(day, every)
        if label not in out and _slot_end(day, every) <= info.period_end:
            out.append(label)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return out


def _slot_end(day: dt.date, every: Every) -> dt.date:
    """The last day of the month or quarter ``day`` falls in."""
    last_month = (day.month - 1) // 3 * 3 + 3 if every is Every.QUARTER else day.month
    first_after = dt.date(day.year + (last_month == 12), last_month % 12 + 1, 1)
    return first_after - dt.timedelta(days=1)


def dated_after_audit(ev: Evidence, info: WorkspaceInfo) -> bool:
    """The record's date (else the start of the period it covers) is after the audit's last day:
    it cannot exist at the audit (an expiry or period end in the future is fine)."""
    day = ev.doc_date or ev.period_start
    return day is not None and day > info.audit_end


def _slot(day: dt.date, every: Every) -> str:
    if every is Every.QUARTER:
        return f"{day.year}Q{(day.month - 1) // 3 + 1}"
    return f"{day.year}-{day.month:02d}"


def slots_of(ev: Evidence, every: Every) -> set[str]:
    start = ev.period_start or ev.doc_date or ev.period_end
    end = ev.period_end or ev.doc_date or ev.period_start
    if start is None or end is None or end < start:
        return set()
    out: set[str] = set()
    day = dt.date(start.year, start.month, 1)
    while day <= end:
        out.add(_slot(day, every))
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return out


@dataclass(frozen=True, slots=True)
class Judged:
    counted: list[Evidence]  # records that count toward the item's requirement
    findings: list[Finding]


def judge(
    item: Item, rule: ItemRule, files: Sequence[Evidence], info: WorkspaceInfo, new: NewFinding
) -> Judged:
    """Apply the item's time rule to its current files."""
    counted: list[Evidence] = []
    out: list[Finding] = []
    title = item.title
    # an instance of a record set (an R&D project, a training) that has a record in the period is
    # work of the period: its other phases may lie before or after it
    live = {
        _instance(ev)
        for ev in files
        if item.kind is ItemKind.RECORD_SET and is_dated(ev) and _problem(ev, rule, info) is None
    }
    outside: dict[str, list[Evidence]] = defaultdict(list)
    for ev in files:
        if not is_dated(ev):
            out.append(
                new(
                    "record_undated",
                    Situation.UNDATED,
                    f"{title.zh}：《{ev.title}》没有日期，不能作为证据（请填写文件日期或有效期）",
                    f"{title.en}: '{ev.title}' carries no date and proves nothing (give its date or"
                    " validity)",
                    f"evidence:{ev.id}",
                )
            )
            continue
        problem = _problem(ev, rule, info)
        if problem is None or (
            rule.time_rule is TimeRule.EVENT
            and _instance(ev) in live
            and not dated_after_audit(ev, info)
        ):
            counted.append(ev)
            continue
        if rule.time_rule is TimeRule.IN_FORCE and _renewal(ev, files, info) is not None:
            continue  # a contract renewed without a gap: its renewal is the record
        code, situation, zh, en = problem
        if code == "evidence_outside_period" and _instance(ev):
            outside[_instance(ev)].append(ev)  # one finding per instance, below
            continue
        out.append(
            new(
                code,
                situation,
                f"{title.zh}：《{ev.title}》{zh}",
                f"{title.en}: '{ev.title}' {en}",
                f"evidence:{ev.id}",
            )
        )
    out.extend(_instances_outside(item, outside, info, new))
    if rule.time_rule is TimeRule.YEARLY:
        for year in info.period_years():
            if not any(year in years_of(ev, rule.lead_months) for ev in counted):
                out.append(
                    new(
                        "year_not_covered",
                        Situation.YEAR_NOT_COVERED,
                        f"{title.zh}：审核期内 {year} 年没有记录",
                        f"{title.en}: no record for {year} of the audit period",
                        str(year),
                    )
                )
    if rule.time_rule is TimeRule.PERIODIC and files:
        every = rule.every or Every.QUARTER
        covered = set().union(*(slots_of(ev, every) for ev in counted)) if counted else set()
        missing = [s for s in period_slots(info, every) if s not in covered]
        if missing:
            zh_every = "月" if every is Every.MONTH else "季度"
            out.append(
                new(
                    "period_not_covered",
                    Situation.PERIOD_NOT_COVERED,
                    f"{title.zh}：审核期内以下{zh_every}没有记录：" + "、".join(missing),
                    f"{title.en}: no record for these {every.value}s of the audit period: "
                    + ", ".join(missing),
                    *missing,
                )
            )
    return Judged(counted, out)


_BRACKETED = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_RENEWAL_WORDS = re.compile(r"续签|续订|续期|续约|续延|renewal|renewed|extension", re.IGNORECASE)


def _document_name(ev: Evidence) -> str:
    """The title without bracketed remarks and renewal words: 劳动合同-王芳（续签） → 劳动合同王芳."""
    return normalize_text(_RENEWAL_WORDS.sub("", _BRACKETED.sub("", ev.title)))


def _renewal(ev: Evidence, files: Sequence[Evidence], info: WorkspaceInfo) -> Evidence | None:
    """The file that renews ``ev`` without a gap: the same document (same document number, or
    the same name), valid from (else dated) no later than the day after ``ev`` expires, running
    past that expiry, and itself dated before the audit ends."""
    if ev.period_end is None:
        return None
    name = _document_name(ev)
    for other in files:
        if other is ev or other.id == ev.id or dated_after_audit(other, info):
            continue
        start = other.period_start or other.doc_date
        if start is None or start > ev.period_end + dt.timedelta(days=1):
            continue
        if other.period_end is not None and other.period_end <= ev.period_end:
            continue
        same_number = (
            bool(ev.doc_number.strip()) and ev.doc_number.strip() == other.doc_number.strip()
        )
        if same_number or (name and _document_name(other) == name):
            return other
    return None


def _instances_outside(
    item: Item, outside: Mapping[str, list[Evidence]], info: WorkspaceInfo, new: NewFinding
) -> list[Finding]:
    """One finding per record-set instance (a training, a project) with no record in the period:
    one piece of work done outside the period is one lapse, however many records it has."""
    out: list[Finding] = []
    period = f"{info.period_start}～{info.period_end}"
    period_en = f"{info.period_start} – {info.period_end}"
    for files in outside.values():
        days = sorted(d for ev in files for d in (ev.doc_date or ev.period_start,) if d)
        when = f"{days[0]}～{days[-1]}" if days and days[0] != days[-1] else str(days[0])
        when_en = when.replace("～", " – ")
        refs = [f"evidence:{ev.id}" for ev in files]
        if len(files) == 1:
            zh_what, en_what = f"《{files[0].title}》", f"'{files[0].title}'"
        else:
            zh_what = "、".join(f"《{ev.title}》" for ev in files) + f"（同一组 {len(files)} 份）"
            en_what = (
                ", ".join(f"'{ev.title}'" for ev in files)
                + f" ({text.counted(len(files), 'record')} of one"
            )
            en_what += " instance)"
        out.append(
            new(
                "evidence_outside_period",
                Situation.OUTSIDE_PERIOD,
                f"{item.title.zh}：{zh_what}日期 {when} 不在审核期 {period} 内，不是审核期内的工作",
                f"{item.title.en}: {en_what} dated {when_en}, outside the audit period"
                f" {period_en}: not work of the period",
                *refs,
            )
        )
    return out


def _instance(ev: Evidence) -> str:
    """The record-set instance a file belongs to ("" outside record sets)."""
    inst, sep, _sub = ev.slot.partition("/")
    return inst if sep else ""


def _problem(
    ev: Evidence, rule: ItemRule, info: WorkspaceInfo
) -> tuple[str, Situation, str, str] | None:
    period = f"{info.period_start}～{info.period_end}"
    period_en = f"{info.period_start} – {info.period_end}"
    if dated_after_audit(ev, info):
        day = ev.doc_date or ev.period_start
        return (
            "evidence_dated_after_audit",
            Situation.DATED_AFTER_AUDIT,
            f"日期 {day} 晚于审核（{info.audit_start}～{info.audit_end}），审核时不可能存在；"
            "请更正日期，或取下尚未形成的记录",
            f"is dated {day}, after the audit ({info.audit_start} – {info.audit_end}), so it"
            " cannot exist at the audit; correct its date or remove a record not made yet",
        )
    if rule.time_rule is TimeRule.IN_FORCE:
        signed = ev.doc_date or ev.period_start
        if signed is not None and signed > info.period_end:
            return (
                "document_not_in_force",
                Situation.NOT_IN_FORCE,
                f"签订/发布于 {signed}，晚于审核期 {period}",
                f"was signed or issued on {signed}, after the audit period {period_en}",
            )
        if ev.period_end is not None and ev.period_end < info.period_end:
            return (
                "document_not_in_force",
                Situation.NOT_IN_FORCE,
                f"有效期至 {ev.period_end}，审核期 {period} 内已失效",
                f"expired on {ev.period_end}, before the end of the audit period {period_en}",
            )
        return None
    if rule.time_rule is TimeRule.YEARLY:
        years = years_of(ev, rule.lead_months)
        if years & set(info.period_years()):
            return None
        if years and min(years) > info.period_end.year:
            return None  # next year's document, ready at the audit: early, not wrong
        when = ev.slot[5:] if ev.slot.startswith("year:") else str(ev.doc_date or ev.period_start)
        return (
            "evidence_outside_period",
            Situation.OUTSIDE_PERIOD,
            f"属于 {when}，不在审核期 {period} 的任何年度内",
            f"belongs to {when}, not to a year of the audit period {period_en}",
        )
    # event: its date (else the period it covers) falls in the audit period; periodic: the
    # period it covers (else its date) overlaps the audit period
    if rule.time_rule is TimeRule.PERIODIC:
        start = ev.period_start or ev.doc_date or ev.period_end
        end = ev.period_end or ev.doc_date or ev.period_start
    else:
        start = ev.doc_date or ev.period_start or ev.period_end
        end = ev.doc_date or ev.period_end or ev.period_start
    assert start is not None and end is not None
    if end < info.period_start or start > info.period_end:
        when = str(ev.doc_date) if ev.doc_date else f"{start}～{end}"
        return (
            "evidence_outside_period",
            Situation.OUTSIDE_PERIOD,
            f"日期 {when} 不在审核期 {period} 内",
            f"is dated {when}, outside the audit period {period_en}",
        )
    return None


__all__ = [
    "Judged",
    "dated_after_audit",
    "is_dated",
    "judge",
    "months_before",
    "period_slots",
    "slots_of",
    "years_of",
]
