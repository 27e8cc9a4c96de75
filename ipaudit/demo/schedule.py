"""When the demo company's records were made: dates spread the way real work spreads them.

Documents in force were issued when the system started (or revised since); event records fall on
working days across the audit period; a record set's records follow its phases (an R&D project
from initiation to closing over months, a training's application, sign-in and record within two
weeks); the internal audit comes before the management review; a yearly plan is approved in
December of the year before; periodic records cover every quarter. Each item draws its dates from
its own seeded generator, so the demo is the same on every build.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from ipaudit.demo import content
from ipaudit.domain.model import Item, ItemKind, Person, PersonKind, WorkspaceInfo
from ipaudit.domain.rules import ItemRule, TimeRule

DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Record:
    slot: str
    title: str
    day: dt.date | None
    period: tuple[dt.date, dt.date] | None = None
    version: str = "A/0"


def working_day(day: dt.date, low: dt.date, high: dt.date) -> dt.date:
    """``day`` moved off a weekend, kept within low … high."""
    day = min(max(day, low), high)
    if day.weekday() >= 5:
        ahead = day + dt.timedelta(days=7 - day.weekday())
        day = ahead if ahead <= high else day - dt.timedelta(days=day.weekday() - 4)
    return day


class Schedule:
    def __init__(self, info: WorkspaceInfo) -> None:
        self.info = info
        self.start, self.end = info.period_start, info.period_end

    def on(self, day: dt.date) -> dt.date:
        return working_day(day, self.start, self.end)

    def at(self, share: float) -> dt.date:
        """The day ``share`` (0..1) of the way through the period."""
        return self.start + dt.timedelta(days=int((self.end - self.start).days * share))

    def spread(self, rng: random.Random, count: int) -> list[dt.date]:
        """``count`` working days across the period, each in its own stretch of it."""
        span = (self.end - self.start).days
        out = []
        for i in range(count):
            low = self.start + dt.timedelta(days=span * i // count)
            offset = rng.randrange(max(span // count, 1))
            out.append(self.on(low + dt.timedelta(days=offset)))
        return out

    # --- per kind of item ----------------------------------------------------------------------

    def records(self, item: Item, rule: ItemRule, names: tuple[str, ...]) -> list[Record]:
        rng = random.Random(item.key)
        title = item.title.zh
        if item.kind is ItemKind.DOCUMENT:
            return [self.document(item, rule, rng)]
        if item.kind is ItemKind.YEARLY:
            return [self.yearly(item, year, rng) for year in self.info.period_years()]
        if item.kind is ItemKind.RECORD_SET:
            return self.record_set(item, names, rng)
        if rule.time_rule is TimeRule.PERIODIC:
            return self.quarterly(title, rng)
        count = max(item.min_count, 2)
        if rule.time_rule is TimeRule.IN_FORCE:
            return [
                Record("", f"{title}-{n:02d}", self.signed_before(rng, years=3))
                for n in range(1, count + 1)
            ]
        return [
            Record("", f"{title}-{n:02d}", day) for n, day in enumerate(self.spread(rng, count), 1)
        ]

    def document(self, item: Item, rule: ItemRule, rng: random.Random) -> Record:
        title = item.title.zh
        if rule.time_rule is TimeRule.EVENT:  # a report of the period (analysis, assessment)
            return Record("", title, self.on(self.at(0.55 + rng.random() * 0.25)))
        if item.key == "ipo.manual":
            return Record("", title, content.MANUAL_REVISED, version=content.MANUAL_VERSION)
        if item.key.startswith(("ipo.", "mgmt.")) and rng.random() < 0.4:  # revised for 2023
            day = content.MANUAL_REVISED + dt.timedelta(days=rng.randrange(0, 20))
            return Record("", title, working_day(day, day, day + 3 * DAY), version="A/1")
        day = content.SYSTEM_START + dt.timedelta(days=rng.randrange(0, 25))
        return Record("", title, working_day(day, day, day + 3 * DAY))

    def signed_before(self, rng: random.Random, years: int) -> dt.date:
        """A contract of current staff or partners, signed some time before the period ends."""
        earliest = self.end - dt.timedelta(days=365 * years)
        day = earliest + dt.timedelta(days=rng.randrange((self.end - earliest).days))
        return working_day(day, earliest, self.end)

    def yearly(self, item: Item, year: int, rng: random.Random) -> Record:
        title = f"{year}年{item.title.zh}"
        period = (dt.date(year, 1, 1), dt.date(year, 12, 31))
        if any(word in item.key for word in ("plan", "budget")):  # approved the December before
            day = dt.date(year - 1, 12, 10) + dt.timedelta(days=rng.randrange(0, 14))
            return Record(f"year:{year}", title, working_day(day, day - 5 * DAY, day), period)
        return Record(f"year:{year}", title, None, period)

    def quarterly(self, title: str, rng: random.Random) -> list[Record]:
        out: list[Record] = []
        day = dt.date(self.start.year, (self.start.month - 1) // 3 * 3 + 1, 1)
        while day <= self.end:
            quarter = (day.month - 1) // 3 + 1
            last_month = dt.date(day.year, day.month + 2, 1)
            when = self.on(last_month + dt.timedelta(days=rng.randrange(5, 25)))
            out.append(Record("", f"{title}-{day.year}Q{quarter}", when))
            day = dt.date(day.year + (day.month + 3 > 12), (day.month + 2) % 12 + 1, 1)
        return out

    def record_set(self, item: Item, names: tuple[str, ...], rng: random.Random) -> list[Record]:
        """Each instance's records in the order of its sub-records, days to weeks apart."""
        starts, gaps = self._set_timing(item, rng)
        out: list[Record] = []
        for i in range(1, item.instances + 1):
            day = starts[i - 1]
            label = names[i - 1] if i <= len(names) else str(i)
            for j, sub in enumerate(item.sub_records):
                if j:
                    day = day + dt.timedelta(days=rng.randrange(*gaps))
                when = working_day(day, self.start, self.end)
                out.append(Record(f"{i}/{sub.key}", f"{label}-{sub.title.zh}", when))
                day = max(day, when)
        return out

    def _set_timing(self, item: Item, rng: random.Random) -> tuple[list[dt.date], tuple[int, int]]:
        n = max(item.instances, 1)
        if item.key == "ipo.internal_audit":  # late summer, before the management review
            return [self.at(0.72)], (2, 6)
        if item.key == "mgmt.management_review":  # autumn, on the internal audit's report
            return [self.at(0.84)], (3, 8)
        if item.key == "hr.trainings":
            return [self.at(0.08 + 0.3 * k + rng.random() * 0.05) for k in range(n)], (6, 12)
        if item.key == "rnd.projects":
            return [self.at(0.02 + 0.1 * k) for k in range(n)], (20, 38)
        if len(item.sub_records) > 4:
            return [self.at(0.05 + 0.3 * k) for k in range(n)], (10, 45)
        return [self.at(0.3 + 0.2 * k) for k in range(n)], (3, 10)

    # --- people --------------------------------------------------------------------------------

    def person_records(
        self, item_key: str, title: str, people: tuple[Person, ...], skip: set[str]
    ) -> list[Record]:
        """The records of the declared people that belong to ``item_key`` (their names in the
        title), dated around their joining or leaving day."""
        kind = PersonKind.LEAVER if item_key.startswith("hr.exit") else PersonKind.HIRE
        before = {"hr.background_checks": 7, "hr.exit_interviews": 3}.get(item_key, 0)
        out: list[Record] = []
        for p in people:
            if p.kind is not kind or p.name in skip or p.date is None:
                continue
            if item_key == "hr.ip_declarations" and p.department != "研发部":
                continue
            day = working_day(p.date - dt.timedelta(days=before), self.start, self.end)
            out.append(Record("", f"{title}-{p.name}", day))
        return out
