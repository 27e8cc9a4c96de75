"""Chronology: records in the order the work happens, and records that look written after the fact.

- Phases (template ``chronology.phases``): within each instance of a record set, a record dated
  before the record of the phase just before it (among the phases that have dated records) is out
  of order — an R&D project closed before it was initiated.
- Sequences (``chronology.sequences``): every dated record of the later item needs a record of the
  earlier item on or before it within the cycle — a management review held before the internal
  audit it should review.
- Same day (``chronology.same_day``): an item whose records (at least ``set_min``) are all dated
  on one day, or a department where a large share of its records carry one day, is an
  observation: records look written after the fact (补记录). In-force documents are left out.

A record's date is its document date (else the start of the period it covers); each sub-record
slot is dated by its earliest record.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import pairwise

from ipaudit.domain.model import Evidence, Finding, Item, ItemState, Text
from ipaudit.domain.rules import ItemOrder, PhaseOrder, SameDay, Situation
from ipaudit.text import counted

NewFinding = Callable[..., Finding]  # (code, situation, zh, en, *refs) -> Finding


def months_earlier(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def record_day(ev: Evidence) -> dt.date | None:
    return ev.doc_date or ev.period_start


def slot_days(files: Iterable[Evidence]) -> dict[str, dt.date]:
    """Each slot's earliest record date."""
    out: dict[str, dt.date] = {}
    for ev in files:
        day = record_day(ev)
        if day is not None and ev.slot and (ev.slot not in out or day < out[ev.slot]):
            out[ev.slot] = day
    return out


def phase_violations(
    order: PhaseOrder, instances: int, files: Iterable[Evidence]
) -> list[tuple[int, str, dt.date, str, dt.date]]:
    """(instance, earlier phase's sub-record, its date, later sub-record, its earlier date)."""
    days = slot_days(files)
    out: list[tuple[int, str, dt.date, str, dt.date]] = []
    for i in range(1, instances + 1):
        present: list[list[tuple[str, dt.date]]] = []
        for group in order.phases:
            dated = [(k, days[f"{i}/{k}"]) for k in group if f"{i}/{k}" in days]
            if dated:
                present.append(dated)
        for before, after in pairwise(present):
            for a, a_day in before:
                for b, b_day in after:
                    if b_day < a_day:
                        out.append((i, a, a_day, b, b_day))
    return out


def instance_text(item: Item, state: ItemState, number: int) -> Text:
    """ "项目 2（智能锁）" / "project 2 (Smart lock)": the instance's label, number and given name."""
    label = item.instance_label or Text("实例", "instance")
    name = state.instance_names[number - 1] if number <= len(state.instance_names) else ""
    return Text(
        f"{label.zh} {number}" + (f"（{name}）" if name else ""),
        f"{label.en} {number}" + (f" ({name})" if name else ""),
    )


def phase_findings(
    item: Item, order: PhaseOrder, state: ItemState, files: Sequence[Evidence], new: NewFinding
) -> list[Finding]:
    titles = {s.key: s.title for s in item.sub_records}
    out: list[Finding] = []
    for i, a, a_day, b, b_day in phase_violations(order, item.instances, files):
        inst = instance_text(item, state, i)
        out.append(
            new(
                "records_out_of_order",
                Situation.OUT_OF_ORDER,
                f"{item.title.zh}：{inst.zh} 的“{titles[b].zh}”（{b_day}）早于"
                f"“{titles[a].zh}”（{a_day}）",
                f"{item.title.en}: in {inst.en}, '{titles[b].en}' ({b_day}) predates"
                f" '{titles[a].en}' ({a_day})",
                str(i),
                a,
                b,
            )
        )
    return out


def _dated_records(files: Iterable[Evidence], subs: Sequence[str]) -> list[Evidence]:
    return [
        ev
        for ev in files
        if record_day(ev) is not None and (not subs or ev.slot.partition("/")[2] in subs)
    ]


def sequence_violations(
    order: ItemOrder, first: Iterable[Evidence], then: Iterable[Evidence]
) -> list[Evidence]:
    """The records of ``then`` with no record of ``first`` on or before them within the window;
    none when ``first`` has no dated record at all (its absence is a finding of its own)."""
    first_days = sorted(
        d for ev in _dated_records(first, order.first_records) if (d := record_day(ev))
    )
    if not first_days:
        return []
    out: list[Evidence] = []
    for ev in _dated_records(then, order.then_records):
        day = record_day(ev)
        assert day is not None
        earliest = months_earlier(day, order.within_months)
        if not any(earliest <= d <= day for d in first_days):
            out.append(ev)
    return out


def sequence_findings(
    order: ItemOrder,
    first: Item,
    then: Item,
    files: Mapping[str, Sequence[Evidence]],
    new: NewFinding,
) -> list[Finding]:
    return [
        new(
            "records_out_of_order",
            Situation.OUT_OF_ORDER,
            f"{then.title.zh}：《{ev.title}》（{record_day(ev)}）之前 {order.within_months} 个月内"
            f"没有“{first.title.zh}”的记录（应先完成）",
            f"{then.title.en}: '{ev.title}' ({record_day(ev)}) has no '{first.title.en}' record"
            f" before it within {counted(order.within_months, 'month')} (it must come first)",
            f"evidence:{ev.id}",
            first.key,
        )
        for ev in sequence_violations(order, files.get(first.key, ()), files.get(then.key, ()))
    ]


def same_day_items(files: Sequence[Evidence], rule: SameDay) -> dt.date | None:
    """The one day all of a set's (at least ``set_min``) records carry; None otherwise."""
    days = [ev.doc_date for ev in files if ev.doc_date is not None]
    if len(days) >= rule.set_min and len(set(days)) == 1:
        return days[0]
    return None


def same_day_share(files: Sequence[Evidence], rule: SameDay) -> tuple[dt.date, int, int] | None:
    """(day, records on it, dated records) when a department's share on one day is too large."""
    days = Counter(ev.doc_date for ev in files if ev.doc_date is not None)
    total = sum(days.values())
    if total < rule.department_min:
        return None
    day, count = max(days.items(), key=lambda kv: (kv[1], kv[0]))
    return (day, count, total) if count >= rule.department_share * total else None


def same_day_findings(
    by_item: Sequence[tuple[Item, Sequence[Evidence]]],
    rule: SameDay,
    maker: Callable[[str], NewFinding],
) -> list[Finding]:
    """``by_item``: one department's items judged by date, with their current records;
    ``maker(item_key)`` builds findings filed under that item."""
    out: list[Finding] = []
    for item, files in by_item:
        day = same_day_items(files, rule)
        if day is not None:
            out.append(
                maker(item.key)(
                    "records_same_day",
                    Situation.WRITTEN_AFTER_THE_FACT,
                    f"{item.title.zh}：全部 {len(files)} 份记录都是 {day} 同一天的，像是事后补写的",
                    f"{item.title.en}: all {counted(len(files), 'record is', 'records are')}"
                    f" dated {day}; they look"
                    " written after the fact",
                    str(day),
                )
            )
    share = same_day_share([ev for _, files in by_item for ev in files], rule)
    if share is not None:
        day, count, total = share
        anchor, _ = max(by_item, key=lambda pair: sum(1 for ev in pair[1] if ev.doc_date == day))
        out.append(
            maker(anchor.key)(
                "records_same_day",
                Situation.WRITTEN_AFTER_THE_FACT,
                f"本部门 {total} 份有日期的记录中有 {count} 份都是 {day} 同一天的，像是事后补写的",
                f"{count} of the department's {counted(total, 'dated record')} carry the same"
                f" day {day};"
                " they look written after the fact",
                "department",
                str(day),
            )
        )
    return out


__all__ = [
    "phase_findings",
    "phase_violations",
    "record_day",
    "same_day_findings",
    "same_day_items",
    "same_day_share",
    "sequence_findings",
    "sequence_violations",
]
