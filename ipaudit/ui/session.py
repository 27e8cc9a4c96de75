"""The open workspace as the GUI sees it: services, an undo stack, and signals when things change.

Edits are small transactions run on the GUI thread (milliseconds). Checks and readiness run in a
worker after each edit; ``assessed`` delivers the result. Views never call the store directly.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ipaudit.domain.model import Department, Item
from ipaudit.services import Assessment, Workspace
from ipaudit.services.manager_rights import manages
from ipaudit.services.team import Identity, team_identity
from ipaudit.text import Text
from ipaudit.ui import errors, workers

log = logging.getLogger(__name__)


class WorkspaceSession(QObject):
    #: something was edited (item key, or "" for workspace-wide edits such as facts)
    edited = Signal(str)
    #: fresh findings and readiness
    assessed = Signal(object)
    #: an expected failure during background work (exception object)
    failed = Signal(object)
    #: the session is about to close its workspace (what watches it lets go: presence, listener)
    closing = Signal()

    def __init__(
        self, workspace: Workspace, *, department: str | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        #: when set, the session is a department view: only this department, facts read-only
        self.department_only = department
        self.undo_stack = QUndoStack(self)
        self.assessment: Assessment | None = None
        self._task: workers.Task | None = None
        self._again = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(30)
        self._debounce.timeout.connect(self._start_assessment)
        self.edited.connect(lambda _key: self.reassess())

    # --- reading helpers ---------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """The workspace was opened read-only (a read-only file or folder): nothing can be edited."""
        return bool(self.workspace.read_only)

    @property
    def read_only_facts(self) -> bool:
        return self.department_only is not None or self.read_only

    @functools.cached_property
    def department_name(self) -> Text | None:
        """The name of the department a department view shows (None in the whole workspace's),
        read once: a department view cannot rename it, and on a team workspace each reading
        is a round trip to the server. Its key when the department cannot be read."""
        only = self.department_only
        if not only:
            return None
        try:
            return self.workspace.department(only).name
        except errors.expected_types():
            return Text(only, only)

    @functools.cached_property
    def login(self) -> Identity | None:
        """Who the workspace's login is (its team role and departments), asked once when the
        session opens; None when it cannot be told (then nothing beyond the database's own
        refusals is held back)."""
        try:
            return team_identity(self.workspace)
        except errors.expected_types():
            return None

    @property
    def manager_rights(self) -> bool:
        """The login may do what only the compliance manager does (import a ledger or a
        corrected checklist, start the next cycle): not a department head, a read-only login
        or a department view."""
        return self.department_only is None and self.manager_work

    @property
    def manager_work(self) -> bool:
        """The login may do what the services keep for the compliance manager (verify a
        corrective action, change the audit plan): ``services.manager_rights``' rule on the
        login's role, so a button is offered exactly when the service would take it; nothing in a
        read-only workspace. (A department view itself takes nothing away here: the services
        decide by the login.)"""
        if self.read_only:
            return False
        who = self.login
        return who is None or manages(who.kind)

    def can_edit(self, department: str) -> bool:
        """The login may change the items of ``department`` (a department head: only theirs)."""
        if self.read_only:
            return False
        who = self.login
        if who is None or who.kind in ("owner", "manager"):
            return True
        return who.kind == "department" and department in who.departments

    def departments(self, read: Sequence[Department] | None = None) -> list[Department]:
        """The departments this session shows: active ones (only its own in a department view),
        of ``read`` when given (as an assessment read them), else read now."""
        if read is None:
            deps = self.workspace.departments(active_only=True)
        else:
            deps = [d for d in read if not d.absent and not d.merged_into]
        if self.department_only:
            deps = [d for d in deps if d.key == self.department_only]
        return deps

    def items_of(self, department: str) -> list[Item]:
        return self.workspace.items_of(department)

    # --- checks in the background ------------------------------------------------------------

    def reassess(self) -> None:
        """Schedule a fresh assessment (edits in quick succession share one run)."""
        self._debounce.start()

    def assess_now(self) -> workers.Task | None:
        self._debounce.stop()
        return self._start_assessment()

    def _start_assessment(self) -> workers.Task | None:
        if self._task is not None:
            self._again = True
            return self._task
        self.workspace.changed()
        ws = self.workspace
        task = workers.Task(lambda _ctx: ws.assess(), "assess")
        task.finished.connect(self._on_assessed)
        task.failed.connect(self._on_failed)
        self._task = task
        workers.start(task)
        return task

    def _on_assessed(self, assessment: Assessment) -> None:
        self._task = None
        self.assessment = assessment
        self.assessed.emit(assessment)
        if self._again:
            self._again = False
            self._start_assessment()

    def _on_failed(self, exc: Exception) -> None:
        self._task = None
        self.failed.emit(exc)

    def close(self) -> None:
        self.closing.emit()
        self._debounce.stop()
        workers.wait_all()
        try:
            self.workspace.close()
        except errors.expected_types() as exc:  # a team workspace's server out of reach: every
            # edit was saved or reported not saved already; closing only lets go of it
            log.warning("closing %s: %s", self.workspace.path, exc)
