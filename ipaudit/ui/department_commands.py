"""Undoable department changes: add, rename, merge, absent/present — each one service call.

Redo calls the service (``Workspace.add_department`` …); undo stores the department as it was
before. A department added by the command is marked absent on undo (departments are never deleted:
evidence and findings may name them). The checklist items follow by themselves: an item belongs
to its department's owner (the department it is merged into, if any).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from ipaudit.domain.model import Department
from ipaudit.ui.commands import _Command
from ipaudit.ui.session import WorkspaceSession


def tr(text: str) -> str:
    return QCoreApplication.translate("DepartmentCommands", text)


class DepartmentChange(_Command):
    """One change of department ``key`` made by ``apply`` (a service call)."""

    def __init__(
        self, session: WorkspaceSession, key: str, text: str, apply: Callable[[], object]
    ) -> None:
        super().__init__(session, text)
        self.key = key
        self.apply = apply
        self.before: Department | None = next(
            (d for d in session.workspace.departments() if d.key == key), None
        )
        self.after: Department | None = None

    def redo(self) -> None:
        if self._run(self.apply):
            self.after = self.session.workspace.department(self.key)
            self._done()

    def undo(self) -> None:
        old = self.before
        if old is None:
            if self.after is None:
                return
            old = replace(self.after, absent=True)
        if self._run(lambda: self.ws.save_department(old)):
            self._done()


def new_key(english: str, taken: set[str]) -> str:
    """A department key made from its English name (``Legal affairs`` → ``legal_affairs``)."""
    base = re.sub(r"[^a-z0-9]+", "_", english.lower()).strip("_")
    base = re.sub(r"^[^a-z]+", "", base)[:28] or "department"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    return key


def add(session: WorkspaceSession, zh: str, en: str) -> str:
    """Add a department named ``zh``/``en``; returns its key."""
    key = new_key(en or zh, {d.key for d in session.workspace.departments()})
    session.undo_stack.push(
        DepartmentChange(
            session,
            key,
            tr("Add the department “%1”").replace("%1", zh or en),
            lambda: session.workspace.add_department(key, zh, en),
        )
    )
    return key


def rename(session: WorkspaceSession, key: str, zh: str, en: str) -> None:
    session.undo_stack.push(
        DepartmentChange(
            session,
            key,
            tr("Rename the department to “%1”").replace("%1", zh or en),
            lambda: session.workspace.rename_department(key, zh, en),
        )
    )


def merge(session: WorkspaceSession, key: str, into: str, names: tuple[str, str]) -> None:
    """Merge ``key`` into ``into``; ``names``: the two departments' names, for the undo text."""
    session.undo_stack.push(
        DepartmentChange(
            session,
            key,
            tr("Merge “%1” into “%2”").replace("%1", names[0]).replace("%2", names[1]),
            lambda: session.workspace.merge_department(key, into),
        )
    )


def set_absent(session: WorkspaceSession, key: str, absent: bool, name: str) -> None:
    text = tr("Mark “%1” absent") if absent else tr("Mark “%1” present")
    session.undo_stack.push(
        DepartmentChange(
            session,
            key,
            text.replace("%1", name),
            lambda: session.workspace.set_department_absent(key, absent),
        )
    )
