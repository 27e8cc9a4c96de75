"""An iCalendar (.ics) file of dated events — the audit-day plan's sessions, the corrective
actions' due dates — for Outlook, WPS and phone calendars.

Timed events are written in Asia/Shanghai with a VTIMEZONE (``TZID=Asia/Shanghai``), so a
calendar shows them at the local time the plan says wherever it is opened; events without a time
(a due date) are all-day. The same events and stamp give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar
from icalendar import Event as IcsEvent

TIMEZONE = "Asia/Shanghai"
PRODID = "-//ipaudit//GB/T 29490 audit readiness//ZH"


@dataclass(frozen=True, slots=True)
class Event:
    """One calendar entry. ``start``/``end`` are local (Asia/Shanghai) times without a time
    zone, or dates for an all-day entry (``end`` then defaults to the next day). ``uid`` must
    stay the same for the same entry across exports, so a re-import updates it instead of adding
    a copy."""

    uid: str
    title: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None = None
    location: str = ""
    description: str = ""
    categories: tuple[str, ...] = ()


def _local(value: dt.datetime | dt.date, zone: ZoneInfo) -> dt.datetime | dt.date:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=zone) if value.tzinfo is None else value.astimezone(zone)
    return value


def ics_bytes(
    events: Iterable[Event], *, name: str = "", stamp: dt.datetime | None = None
) -> bytes:
    """The calendar of ``events`` (in start order) as .ics bytes. ``stamp`` (UTC) is every
    entry's DTSTAMP; the current time when not given."""
    zone = ZoneInfo(TIMEZONE)
    when = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TIMEZONE)

    def order(e: Event) -> tuple[str, str]:
        return (e.start.isoformat(), e.uid)

    for e in sorted(events, key=order):
        ev = IcsEvent()
        ev.add("uid", e.uid)
        ev.add("dtstamp", when)
        ev.add("summary", e.title)
        start = _local(e.start, zone)
        ev.add("dtstart", start)
        end = e.end
        if end is None and not isinstance(e.start, dt.datetime):
            end = e.start + dt.timedelta(days=1)
        if end is not None:
            ev.add("dtend", _local(end, zone))
        if e.location:
            ev.add("location", e.location)
        if e.description:
            ev.add("description", e.description)
        if e.categories:
            ev.add("categories", list(e.categories))
        cal.add_component(ev)
    cal.add_missing_timezones()
    return cal.to_ical()
