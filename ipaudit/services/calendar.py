"""The workspace's calendar: every dated event other parts of the workspace contribute (the
audit-day plan's sessions; the corrective actions' due dates join here), as one .ics file.

Each source is a function ``(workspace, lang, department) -> events`` listed in
``CALENDAR_SOURCES`` (wired in code: a missing module fails at import, never silently shortens the
calendar); ``department`` (a department view, ``calendar --department``) keeps that department's
events: its part of the plan and its corrective actions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ipaudit.export.calendar_ics import Event, ics_bytes
from ipaudit.services import audit_plan, corrective_actions

if TYPE_CHECKING:
    from ipaudit.services import Workspace

CalendarSource = Callable[["Workspace", str, str | None], Iterable[Event]]

CALENDAR_SOURCES: tuple[CalendarSource, ...] = (
    audit_plan.calendar_events,
    corrective_actions.calendar_events,
)

NAME = {"zh": "迎审日历", "en": "Audit calendar"}


def workspace_tag(ws: Workspace) -> str:
    """The workspace's stable id in calendar UIDs: made from when it was created (stored in the
    file), so renaming or copying the file keeps the UIDs and importing its calendar again
    updates the events instead of adding them twice; the company for a file without it."""
    import hashlib

    seed = ws.created_at() or ws.info().company
    return hashlib.sha256(seed.encode()).hexdigest()[:12]


def calendar_events(ws: Workspace, lang: str = "zh", department: str | None = None) -> list[Event]:
    """Every event of every source (of one department when given), in start order."""
    events = [e for source in CALENDAR_SOURCES for e in source(ws, lang, department)]
    return sorted(events, key=lambda e: (e.start.isoformat(), e.uid))


def calendar_bytes(ws: Workspace, lang: str = "zh", events: list[Event] | None = None) -> bytes:
    """The .ics file of ``events`` (default: ``calendar_events``)."""
    import datetime as dt

    stamp = None
    records = [r.updated_at for r in ws.records.all(audit_plan.KIND) if r.updated_at]
    if records:
        stamp = max(records).astimezone(dt.UTC)  # stored in local time
    name = NAME["en" if lang.startswith("en") else "zh"]
    if events is None:
        events = calendar_events(ws, lang)
    return ics_bytes(events, name=f"{name} — {ws.info().company}", stamp=stamp)


def write_calendar(
    ws: Workspace, target: Path | str, lang: str = "zh", department: str | None = None
) -> tuple[Path, int]:
    """Write the calendar (of ``department`` when given) to ``target`` atomically; returns the
    path and the number of events."""
    from ipaudit.export.atomic_file import write_atomic

    events = calendar_events(ws, lang, department)  # once: every source reads the workspace
    path = write_atomic(audit_plan.output_path(target), calendar_bytes(ws, lang, events))
    return path, len(events)
