"""File → the workspace calendar: the audit-day plan's sessions and the corrective actions' due
dates as one .ics file (``services.calendar``, the same as ``ipaudit calendar``), from the plan's and
the corrective actions' views."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ipaudit.ui import errors, i18n, workers
from ipaudit.ui.session import WorkspaceSession


def tr(text: str) -> str:
    return QCoreApplication.translate("CalendarExport", text)


def tool_tip() -> str:
    return tr(
        "Export the audit day's sessions and the corrective actions' due dates as an .ics"
        " calendar for Outlook or WPS"
    )


def export_calendar(session: WorkspaceSession, target: Path, parent: QWidget) -> workers.Task:
    """Write the workspace calendar (a department view: that department's) to ``target`` in a
    worker; the task's result is (path, number of events). Failures are shown over ``parent``."""
    from ipaudit.services import calendar

    ws, lang, only = session.workspace, i18n.language(), session.department_only
    task = workers.Task(lambda _ctx: calendar.write_calendar(ws, target, lang, only), "calendar")
    errors.watch(task, parent, tr("The calendar was not exported."))
    return workers.start(task)


def choose_target(session: WorkspaceSession, parent: QWidget) -> Path | None:
    """Ask where to write the calendar (a name after the company proposed)."""
    name = f"{tr('Audit calendar')}-{session.workspace.info().company}.ics"
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("Export the calendar"), name, "iCalendar (*.ics)"
    )
    return Path(path) if path else None
