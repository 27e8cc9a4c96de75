"""File → Put on a team server…: the open workspace file copied into an empty database on a
PostgreSQL server, as ``ipaudit push FILE ADDRESS`` does (``services.team.push``).

The server, port, database, login and password are asked by the form of File → Open a team
workspace… (this dialog is that dialog with another purpose); the password stays in its memory
only. The copy runs in a worker under a progress dialog with Cancel; it is one transaction of the
server, so a failed or cancelled copy leaves nothing there. When it is done the dialog offers to
open the team workspace it made (with the same login, as File → Open a team workspace… would) and
says how the department heads get their logins (File → Team logins… of the team workspace).

Unless unticked, the team is set up right after the copy (``services.team.setup_team``, as
``ipaudit team-setup``): a role for each department and the compliance manager's login — by
default the login that copies (the administrator's, which needs no new password), else another
login with the password typed twice here. A refusal of the setup after the copy is said in the
done box (the copy stays); File → Team logins… → Update department roles does it again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipaudit.ui import errors, workers
from ipaudit.ui.progress import TaskProgressDialog
from ipaudit.ui.team.logins_dialog import password_problem
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
        self.setup: Any = None  # services.team.TeamSetup, when the team was set up too
        self.setup_error = ""  # what refused the team's setup after the copy, in words
        self.pushed_address = ""  # where it went, without the password
        self.done_box: QMessageBox | None = None
        self.progress_dialog: TaskProgressDialog | None = None
        super().__init__(parent)
        self.setObjectName("pushTeamDialog")
        self._build_setup()
        self.retranslate_ui()
        self.adjustSize()

    def _build_setup(self) -> None:
        """The team's setup (``services.team.setup_team``): its roles and the compliance
        manager's login — by default the login that copies, which then needs no password."""
        self.set_up_team = QCheckBox()
        self.set_up_team.setObjectName("setUpTeam")
        self.set_up_team.setChecked(True)
        self.manager = QLineEdit()
        self.manager.setObjectName("managerLogin")
        self.manager_password = QLineEdit()
        self.manager_password.setObjectName("managerPassword")
        self.manager_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.manager_again = QLineEdit()
        self.manager_again.setObjectName("managerPasswordAgain")
        self.manager_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.setup_labels = [QLabel() for _ in range(3)]
        self.setup_form = QFormLayout()
        self.setup_form.addRow(self.set_up_team)
        for label, field in zip(
            self.setup_labels,
            (self.manager, self.manager_password, self.manager_again),
            strict=True,
        ):
            self.setup_form.addRow(label, field)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(3, self.setup_form)  # after the intro, the form and the note
        self._manager_edited = False
        self.manager.setText(self.login.text())
        self.login.textChanged.connect(self._follow_login)
        self.manager.textEdited.connect(self._manager_typed)
        self.set_up_team.toggled.connect(lambda _on: self._update_setup())
        self._update_setup()

    def _follow_login(self, text: str) -> None:
        if not self._manager_edited:  # the manager is the login that copies until typed
            self.manager.setText(text)
        self._update_setup()

    def _manager_typed(self, _text: str) -> None:
        self._manager_edited = True
        self._update_setup()

    def manager_is_login(self) -> bool:
        return self.manager.text().strip() == self.login.text().strip()

    def _update_setup(self) -> None:
        on = self.set_up_team.isChecked() and self.task is None and self.report is None
        self.manager.setEnabled(on)
        needs_password = on and not self.manager_is_login()
        for field in (self.manager_password, self.manager_again):
            field.setEnabled(needs_password)
            if not needs_password:
                field.clear()

    def setup_problem(self) -> str:
        """What is wrong with the manager's login as typed ("" when nothing or no setup)."""
        if not self.set_up_team.isChecked():
            return ""
        if not self.manager.text().strip():
            return self.tr("Type the compliance manager's login name.")
        if self.manager_is_login():
            return ""
        return password_problem(
            self.manager_password.text(),
            self.manager_again.text(),
            self.tr("The two passwords of the manager's login differ."),
        )

    # --- the copy ----------------------------------------------------------------------------

    def _fields(self) -> tuple[QWidget, ...]:
        return (self.host, self.port, self.database, self.login, self.password, self.set_up_team)

    def _set_busy(self, busy: bool) -> None:
        for field in self._fields():
            field.setEnabled(not busy)
        self._update()
        self._update_setup()

    def start(self) -> workers.Task | None:
        """Copy the workspace file to the server in a worker, under a progress dialog."""
        if self.task is not None:
            return self.task
        from ipaudit.services import team
        from ipaudit.store.address import masked

        problem = self.setup_problem()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return None
        url = self.url()
        source = self.source
        manager = self.manager.text().strip() if self.set_up_team.isChecked() else ""
        password = None if self.manager_is_login() else self.manager_password.text()
        self.problem.hide()

        def copy(ctx: workers.TaskContext) -> tuple[Any, Any]:
            report = team.push(source, url, progress=ctx.progress, cancel=ctx.cancelled)
            if not manager:
                return report, None
            try:  # the copy is there whatever happens now: a refusal is said, not raised
                done = team.setup_team(url, manager_login=manager, manager_password=password)
            except Exception as exc:
                if not errors.is_expected(exc):
                    raise
                return report, exc
            return report, done

        task = workers.Task(copy, "push workspace")
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

    def _pushed(self, result: tuple[Any, Any], address: str) -> None:
        self.task = None
        self.report, setup = result
        self.setup = None if isinstance(setup, BaseException) else setup
        self.setup_error = (
            errors.expected_message(setup) or str(setup) if isinstance(setup, BaseException) else ""
        )
        self.manager_password.clear()
        self.manager_again.clear()
        self.pushed_address = address
        self.busy.hide()
        for field in self._fields():
            field.setEnabled(False)  # done: what remains is to open it or close
        self._update_setup()
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
                "The workspace is on the server %1: %2, %3 (%4) and its whole history were copied."
            )
            .replace("%2", self.tr("%n checklist item(s)", "", rows.get("item_states", 0)))
            .replace("%3", self.tr("%n evidence file(s)", "", rows.get("evidence", 0)))
            .replace("%4", human_size(self.report.evidence_bytes))
            .replace("%1", self.pushed_address)
        )

    def logins_text(self) -> str:
        parts = [
            self.tr(
                "The file %1 stays as it was: what is changed in it from now on does not"
                " reach the server."
            ).replace("%1", self.source.name)
        ]
        if self.setup is not None:
            parts.append(
                self.tr(
                    "The team is set up: a role for each of its %n department(s), and %1 is the"
                    " compliance manager's login.",
                    "",
                    len(self.setup.departments),
                ).replace("%1", self.manager.text().strip())
            )
        elif self.setup_error:
            parts.append(
                self.tr("The team's roles could not be set up: %1").replace("%1", self.setup_error)
            )
        parts.append(
            self.tr(
                "Give each department head a login in the team workspace: open it with the"
                " server administrator's login, then File → Team logins… (Update department"
                " roles, then Add…)."
            )
            if self.setup is None
            else self.tr(
                "Give each department head a login in the team workspace: open it with the"
                " server administrator's login, then File → Team logins… → Add…"
            )
        )
        return "\n\n".join(parts)

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
        if hasattr(self, "set_up_team"):
            self.set_up_team.setText(
                self.tr("Set up the team: a role for each department and the manager's login")
            )
            for label, text in zip(
                self.setup_labels,
                (
                    self.tr("Compliance manager's login:"),
                    self.tr("Manager's password:"),
                    self.tr("Manager's password again:"),
                ),
                strict=True,
            ):
                label.setText(text)
            # one column of labels for both forms
            width = max(label.sizeHint().width() for label in (*self.labels, *self.setup_labels))
            for label in (*self.labels, *self.setup_labels):
                label.setMinimumWidth(width)
            self.manager.setToolTip(
                self.tr(
                    "The login that copies (the server administrator's) is the manager unless"
                    " you name another; another login gets the password typed below"
                )
            )
