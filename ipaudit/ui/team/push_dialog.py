"""File → Put on a team server…: the open workspace file copied into an empty database on a
PostgreSQL server, as ``ipaudit push FILE ADDRESS`` does (``services.team.push``).

The server, port, database, login and password are asked by the form of File → Open a team
workspace… (this dialog is that dialog with another purpose); the password stays in its memory
only. The copy runs in a worker under a progress dialog with Cancel; it is one transaction of the
server, so a failed or cancelled copy leaves nothing there. When it is done the dialog offers to
open the team workspace it made (with the same login, as File → Open a team workspace… would) and
says how the department heads get their logins (``ipaudit team-setup`` and ``ipaudit team-user``:
they need passwords chosen for other people, which is the server administrator's work).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QPushButton, QWidget

from ipaudit.ui import errors, workers
from ipaudit.ui.progress import TaskProgressDialog
from ipaudit.ui.team.open_dialog import OpenTeamDialog


def human_size(size: int) -> str:
    from ipaudit.ui.checklist.evidence_model import human_size as size_text

    return size_text(size)


class PushTeamDialog(OpenTeamDialog):
    """``opened(workspace, department)`` when the user opens the team workspace made (the window
    adopts it); ``pushed(report)`` when the copy is done."""

    def __init__(self, source: Path, parent: QWidget | None = None) -> None:
        self.source = Path(source)
        self.report: Any = None  # services.team.CopyReport, once the copy is done
        self.pushed_address = ""  # where it went, without the password
        self.done_box: QMessageBox | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        super().__init__(parent)
        self.setObjectName("pushTeamDialog")
        self.retranslate_ui()

    # --- the copy ----------------------------------------------------------------------------

    def _fields(self) -> tuple[QWidget, ...]:
        return (self.host, self.port, self.database, self.login, self.password)

    def _set_busy(self, busy: bool) -> None:
        for field in self._fields():
            field.setEnabled(not busy)
        self._update()

    def start(self) -> workers.Task | None:
        """Copy the workspace file to the server in a worker, under a progress dialog."""
        if self.task is not None:
            return self.task
        from ipaudit.services import team
        from ipaudit.store.address import masked

        url = self.url()
        source = self.source
        self.problem.hide()
        task = workers.Task(
            lambda ctx: team.push(source, url, progress=ctx.progress, cancel=ctx.cancelled),
            "push workspace",
        )
        self.progress_dialog = TaskProgressDialog(
            task,
            self.tr("Copying %1 to the server…").replace("%1", source.name),
            self,
            title=self.tr("Put on a team server"),
        )
        task.finished.connect(lambda report: self._pushed(report, masked(url)))
        task.failed.connect(self._push_failed)
        task.cancelled.connect(self._push_cancelled)
        self.task = task
        self._set_busy(True)
        workers.start(task)
        return task

    def _push_failed(self, exc: object) -> None:
        self.task = None
        self._set_busy(False)
        errors.on_task_failed(
            self, lambda: self.tr("The workspace could not be put on the server.")
        )(exc)
        self.password.setFocus()
        self.password.selectAll()

    def _push_cancelled(self) -> None:
        self.task = None
        self._set_busy(False)
        self.problem.setText(self.tr("Cancelled: nothing was left on the server."))
        self.problem.show()

    def _pushed(self, report: Any, address: str) -> None:
        self.task = None
        self.report = report
        self.pushed_address = address
        self.busy.hide()
        for field in self._fields():
            field.setEnabled(False)  # done: what remains is to open it or close
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(False)
        box = QMessageBox(self)
        box.setObjectName("pushDoneBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Put on a team server"))
        box.setText(self.done_text())
        box.setInformativeText(self.logins_text())
        informative = box.findChild(QLabel, "qt_msgbox_informativelabel")
        if informative is not None:  # the commands on one line each where the screen allows
            informative.setMinimumWidth(min(720, self.screen().availableGeometry().width() - 160))
            informative.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_button = box.addButton(
            self.tr("Open the team workspace"), QMessageBox.ButtonRole.AcceptRole
        )
        open_button.setObjectName("openPushedButton")
        close_button = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(open_button)
        open_button.clicked.connect(self.open_pushed)
        close_button.clicked.connect(self._close_done)
        self.done_box = box
        box.open()

    def done_text(self) -> str:
        rows = self.report.rows
        return (
            self.tr(
                "The workspace is on the server %1: %2 checklist items, %3 evidence files (%4)"
                " and its whole history were copied."
            )
            .replace("%1", self.pushed_address)
            .replace("%2", str(rows.get("item_states", 0)))
            .replace("%3", str(rows.get("evidence", 0)))
            .replace("%4", human_size(self.report.evidence_bytes))
        )

    def logins_text(self) -> str:
        login, key = self.tr("LOGIN"), self.tr("KEY")
        address = self.pushed_address
        return "\n\n".join(
            (
                self.tr(
                    "The file %1 stays as it was: what is changed in it from now on does not"
                    " reach the server."
                ).replace("%1", self.source.name),
                self.tr(
                    "The department heads get their logins on the command line: first the team's"
                    " roles and the compliance manager's login, then one login for each"
                    " department head:"
                ),
                f"ipaudit team-setup {address} --manager {login}\n"
                f"ipaudit team-user add {address} {login} --role department:{key}",
            )
        )

    def open_pushed(self) -> workers.Task | None:
        """Open the team workspace just made, with the login that made it."""
        if self.report is None:
            return None
        return OpenTeamDialog.start(self)  # the worker, the busy bar, ``opened``

    def _close_done(self) -> None:
        self.password.clear()
        self.accept()

    # --- texts -------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Put on a team server"))
        source = getattr(self, "source", None)
        self.intro.setText(
            self.tr(
                "Copies the workspace %1 — every answer, evidence file, ledger and its history —"
                " into an empty database on your company's PostgreSQL server, where the"
                " compliance manager and the department heads work on it together. A database"
                " that does not exist yet is created when your login may create databases."
            ).replace("%1", source.name if source is not None else "")
        )
        self.note.setText(
            self.tr(
                "Log in as the server's administrator (or a login that owns the database). The"
                " password is used for this copy only and is not stored."
            )
        )
        button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        if isinstance(button, QPushButton):
            button.setText(self.tr("Put on the server"))
