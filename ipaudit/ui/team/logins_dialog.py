"""File → Team logins…: who may open a team workspace and what each login may change, for the
compliance manager — the GUI of ``ipaudit team-user`` and ``team-setup``'s roles (``services.team``).

A table of the workspace's logins with their role in words; Add (a login name, its role — the
manager, read only, or the head of one department, by the department's name — and its password
typed twice, masked, checked against the services' rule before anything reaches the server),
Change password, Remove (confirmed) and Update department roles (``sync_roles``: after departments
were added, renamed or merged). Every call to the server runs in a worker with the dialog disabled
meanwhile; what the services refuse (a login that may not manage logins, a server out of reach, a
bad name) is said in the dialog in the UI's language. Adding, changing and removing logins needs a
server administrator's login (``services.team.may_manage_logins``); any other login sees the list
and a note saying so.

``update_action`` keeps the File menu's action in step with the open workspace: hidden for a
workspace file, disabled with a tooltip for a login that is not the manager's (asked of the server
once per session, in a worker).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipaudit.ui import errors, i18n, workers

#: the kinds of ``services.team`` (not imported here: the services load after the first paint)
MANAGER, DEPARTMENT, READONLY, OWNER = "manager", "department", "readonly", "owner"
#: who may open this dialog's changes at all (the server still decides: ``may_manage_logins``)
MANAGING_KINDS = (MANAGER, OWNER)


def tr(text: str) -> str:
    return QCoreApplication.translate("TeamLoginsDialog", text)


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the dialog shows, read from the server in one worker."""

    may_manage: bool
    logins: list[Any]  # services.team.Login
    names: dict[str, str]  # department key -> name in the UI language (every department)
    choices: list[tuple[str, str]]  # (key, name) of the departments a head may be given


def role_words(kind: str, department: str, names: dict[str, str]) -> str:
    """A role in words in the UI language, a department by its name (``services.team.role_text``)."""
    from ipaudit.services.team import role_text

    return i18n.text(role_text(kind, names.get(department, department) if department else ""))


def load(ws: Any) -> Loaded:
    """Runs in a worker: whether the login may manage logins, the logins, the names."""
    from ipaudit.services import team

    logins = team.users(ws)
    may_manage = team.may_manage_logins(ws)
    departments = ws.departments()
    names = {d.key: i18n.text(d.name) for d in departments}
    choices = [(d.key, names[d.key]) for d in departments if not d.absent and not d.merged_into]
    return Loaded(may_manage, logins, names, choices)


def password_problem(password: str, again: str, differ: str) -> str:
    """What is wrong with a password typed twice, in the UI language ("" when nothing):
    ``differ`` when the two differ, else the services' rule (``services.team.check_password``)."""
    from ipaudit.services.team import check_password
    from ipaudit.store.errors import InvalidInput

    if password != again:
        return differ
    try:
        check_password(password)
    except InvalidInput as exc:
        return exc.message(i18n.language())
    return ""


class LoginEditDialog(QDialog):
    """A new login (name, role, password twice) or a new password for ``login``. It stays open
    while the server works (``set_busy``) and shows what the server refused (``show_problem``);
    ``submitted(values)`` is emitted with a dict once what is typed passes the checks here."""

    def __init__(
        self,
        parent: QWidget,
        choices: list[tuple[str, tuple[str, str]]],
        *,
        login: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("teamLoginEditDialog")
        self.for_password = bool(login)
        self.submit: Callable[[dict[str, Any]], object] | None = None
        self.login = QLineEdit(login)
        self.login.setObjectName("loginName")
        self.login.setReadOnly(self.for_password)
        self.role = QComboBox()
        self.role.setObjectName("loginRole")
        for text, value in choices:
            self.role.addItem(text, value)
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("loginPasswordAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        form.addRow(self.labels[0], self.login)
        if not self.for_password:
            form.addRow(self.labels[1], self.role)
        else:
            self.role.hide()
        form.addRow(self.labels[2], self.password)
        form.addRow(self.labels[3], self.again)
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.problem = QLabel()
        self.problem.setObjectName("loginEditProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.check_and_submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.rule)
        layout.addWidget(self.busy)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.retranslate_ui()
        (self.password if self.for_password else self.login).setFocus()

    def values(self) -> dict[str, Any]:
        kind, department = self.role.currentData() or ("", "")
        return {
            "login": self.login.text().strip(),
            "kind": kind,
            "department": department,
            "password": self.password.text(),
        }

    def check(self) -> str:
        """What is wrong with what is typed, in the UI language ("" when nothing)."""
        if not self.login.text().strip():
            return tr("Type the login name.")
        if not self.for_password and self.role.currentData() is None:
            return tr("Choose the login's role.")
        return password_problem(
            self.password.text(), self.again.text(), tr("The two passwords differ.")
        )

    def check_and_submit(self) -> None:
        problem = self.check()
        if problem:
            self.show_problem(problem)
            return
        self.problem.hide()
        if self.submit is not None:
            self.submit(self.values())

    def set_busy(self, busy: bool) -> None:
        for field in (self.login, self.role, self.password, self.again):
            field.setEnabled(not busy)
        self.login.setReadOnly(self.for_password)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        self.busy.setVisible(busy)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.password.setFocus()
        self.password.selectAll()

    def done(self, result: int) -> None:
        for field in (self.password, self.again):  # not kept a moment longer than needed
            field.clear()
        super().done(result)

    def retranslate_ui(self) -> None:
        if self.for_password:
            self.setWindowTitle(tr("Change the password of %1").replace("%1", self.login.text()))
        else:
            self.setWindowTitle(tr("Add a login"))
        for label, text in zip(
            self.labels,
            (tr("Login name:"), tr("Role:"), tr("Password:"), tr("Password again:")),
            strict=True,
        ):
            label.setText(text)
        self.login.setPlaceholderText(tr("such as wangwei"))
        self.rule.setText(
            tr(
                "At least 8 characters. ipaudit does not keep the password: the server receives"
                " only a hash of it. Give it to the person yourself."
            )
        )


class TeamLoginsDialog(QDialog):
    """The logins of the team workspace of ``session`` (``(session, parent)``, as File tools)."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamLoginsDialog")
        self.session = session
        self.task: workers.Task | None = None
        self.loaded: Loaded | None = None
        self.edit_dialog: LoginEditDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("teamLoginsNote")
        self.note.setWordWrap(True)
        self.note.hide()
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("teamLoginsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addLoginButton")
        self.password_button = QPushButton()
        self.password_button.setObjectName("changePasswordButton")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeLoginButton")
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("syncRolesButton")
        self.add_button.clicked.connect(self.add_login)
        self.password_button.clicked.connect(self.change_password)
        self.remove_button.clicked.connect(self.remove_login)
        self.sync_button.clicked.connect(self.sync_roles)
        side = QVBoxLayout()
        for button in (self.add_button, self.password_button, self.remove_button):
            side.addWidget(button)
        side.addSpacing(12)
        side.addWidget(self.sync_button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status = QLabel()
        self.status.setObjectName("teamLoginsStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()
        self.problem.setObjectName("teamLoginsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.note)
        layout.addLayout(middle, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumSize(640, 420)
        self.retranslate_ui()
        self.reload()

    # --- the server, in a worker ---------------------------------------------------------------

    def _run(
        self,
        fn: Callable[[Any], Any],
        description: str,
        done: Callable[[Any], None],
        where: LoginEditDialog | None = None,
    ) -> workers.Task:
        """``fn(workspace)`` in a worker, everything disabled meanwhile; ``done(result)`` after,
        or what failed said in ``where`` (else in this dialog)."""
        ws = self.session.workspace
        task = workers.Task(lambda _ctx: fn(ws), description)
        task.finished.connect(lambda result: self._finished(result, done))
        task.failed.connect(lambda exc: self._failed(exc, where))
        self.task = task
        self.problem.hide()
        self._set_busy(True)
        workers.start(task)
        return task

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.table.setEnabled(not busy)
        if self.edit_dialog is not None:
            self.edit_dialog.set_busy(busy)
        self._update()

    def _finished(self, result: Any, done: Callable[[Any], None]) -> None:
        self.task = None
        self._set_busy(False)
        done(result)

    def _failed(self, exc: object, where: LoginEditDialog | None) -> None:
        self.task = None
        self._set_busy(False)
        message = errors.expected_message(exc) if isinstance(exc, BaseException) else None
        if message is None:
            errors.on_task_failed(self, lambda: tr("The team's logins could not be changed."))(exc)
            return
        if where is not None and where.isVisible():
            where.show_problem(message)
        else:
            self.problem.setText(message)
            self.problem.show()

    def reload(self) -> workers.Task:
        """Read who the login is, the logins and the departments again."""
        return self._run(load, "team logins", self._show)

    def _changed_then_load(self, change: Callable[[Any], Any]) -> Callable[[Any], Any]:
        def run(ws: Any) -> tuple[Any, Loaded]:
            result = change(ws)
            return result, load(ws)

        return run

    # --- showing -------------------------------------------------------------------------------

    def _show(self, loaded: Loaded) -> None:
        self.loaded = loaded
        selected = self.selected_login()
        self.table.setRowCount(len(loaded.logins))
        for row, login in enumerate(loaded.logins):
            name = QTableWidgetItem(login.name)
            name.setData(Qt.ItemDataRole.UserRole, login.name)
            self.table.setItem(row, 0, name)
            self.table.setItem(
                row, 1, QTableWidgetItem(role_words(login.kind, login.department, loaded.names))
            )
            if login.name == selected:
                self.table.selectRow(row)
        self.note.setVisible(not loaded.may_manage)
        self.retranslate_note()
        self._update()

    def selected_login(self) -> str:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return ""
        item = self.table.item(rows[0].row(), 0)
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def select_login(self, login: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == login:
                self.table.selectRow(row)
                return

    def logins(self) -> list[tuple[str, str]]:
        """(login, role in words) as the table shows them."""
        out = []
        for row in range(self.table.rowCount()):
            name, role = self.table.item(row, 0), self.table.item(row, 1)
            out.append((name.text() if name else "", role.text() if role else ""))
        return out

    def _update(self) -> None:
        may = self.task is None and self.loaded is not None and self.loaded.may_manage
        chosen = bool(self.selected_login())
        self.add_button.setEnabled(may)
        self.password_button.setEnabled(may and chosen)
        self.remove_button.setEnabled(may and chosen)
        self.sync_button.setEnabled(may)

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # --- the changes -----------------------------------------------------------------------------

    def role_choices(self) -> list[tuple[str, tuple[str, str]]]:
        names = self.loaded.names if self.loaded else {}
        choices = [
            (role_words(DEPARTMENT, key, names), (DEPARTMENT, key))
            for key, _name in (self.loaded.choices if self.loaded else [])
        ]
        choices.append((role_words(READONLY, "", names), (READONLY, "")))
        choices.append((role_words(MANAGER, "", names), (MANAGER, "")))
        return choices

    def _edit_dialog(self, login: str = "") -> LoginEditDialog:
        dialog = LoginEditDialog(self, self.role_choices(), login=login)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._edit_closed(dialog))
        self.edit_dialog = dialog
        return dialog

    def _edit_closed(self, dialog: LoginEditDialog) -> None:
        if self.edit_dialog is dialog:
            self.edit_dialog = None

    def add_login(self) -> LoginEditDialog:
        """Add…: the new login's name, role and password; added when the server accepts."""
        dialog = self._edit_dialog()
        dialog.submit = lambda values: self.submit_add(values, dialog)
        dialog.open()
        return dialog

    def submit_add(self, values: dict[str, Any], dialog: LoginEditDialog) -> workers.Task:
        from ipaudit.services import team

        login, kind, department = values["login"], values["kind"], values["department"]
        password = values["password"]

        def done(result: tuple[bool, Loaded]) -> None:
            created, loaded = result
            self._show(loaded)
            self.select_login(login)
            role = role_words(kind, department, loaded.names)
            text = tr("%1 was added: %2.") if created else tr("%1 now has the role %2.")
            self._say(text.replace("%1", login).replace("%2", role))
            dialog.accept()

        return self._run(
            self._changed_then_load(
                lambda ws: team.add_user(ws, login, kind, password, department=department)
            ),
            "add team login",
            done,
            dialog,
        )

    def change_password(self) -> LoginEditDialog | None:
        """Change password…: the selected login's new password, typed twice."""
        login = self.selected_login()
        if not login:
            return None
        dialog = self._edit_dialog(login)
        dialog.submit = lambda values: self.submit_password(values, dialog)
        dialog.open()
        return dialog

    def submit_password(self, values: dict[str, Any], dialog: LoginEditDialog) -> workers.Task:
        from ipaudit.services import team

        login, password = values["login"], values["password"]

        def done(result: tuple[None, Loaded]) -> None:
            self._show(result[1])
            self._say(tr("The password of %1 was changed.").replace("%1", login))
            dialog.accept()

        return self._run(
            self._changed_then_load(lambda ws: team.set_password(ws, login, password)),
            "change team login password",
            done,
            dialog,
        )

    def remove_login(self) -> QMessageBox | None:
        """Remove…: asks first; the login leaves the workspace's roles (it stays on the server,
        where it may belong to another workspace)."""
        login = self.selected_login()
        if not login:
            return None
        box = QMessageBox(self)
        box.setObjectName("removeLoginBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Remove a login"))
        box.setText(tr("Remove %1 from this team workspace?").replace("%1", login))
        box.setInformativeText(
            tr(
                "It can no longer open this workspace. The login itself stays on the server,"
                " where it may belong to another workspace."
            )
        )
        remove = box.addButton(tr("Remove"), QMessageBox.ButtonRole.DestructiveRole)
        remove.setObjectName("confirmRemoveButton")
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        remove.clicked.connect(lambda: self.confirm_remove(login))
        box.finished.connect(lambda _r: setattr(self, "confirm_box", None))
        self.confirm_box = box
        box.open()
        return box

    def confirm_remove(self, login: str) -> workers.Task:
        from ipaudit.services import team

        def done(result: tuple[list[str], Loaded]) -> None:
            self._show(result[1])
            self._say(tr("%1 was removed from this team workspace.").replace("%1", login))

        return self._run(
            self._changed_then_load(lambda ws: team.remove_user(ws, login)),
            "remove team login",
            done,
        )

    def sync_roles(self) -> workers.Task:
        """Update department roles: a role for every department added since, the rules of
        departments renamed or merged."""
        from ipaudit.services import team

        def done(result: tuple[Any, Loaded]) -> None:
            report, loaded = result
            self._show(loaded)
            made = [
                loaded.names.get(key, key)
                for key, role in report.department_roles.items()
                if role in report.created
            ]
            text = tr("The department roles are up to date.")
            if made:
                separator = "、" if i18n.language() == "zh" else ", "
                text += " " + tr("New roles: %1.").replace("%1", separator.join(made))
            self._say(text)

        return self._run(self._changed_then_load(team.sync_roles), "sync team roles", done)

    # --- texts ---------------------------------------------------------------------------------

    def retranslate_note(self) -> None:
        self.note.setText(
            tr(
                "Your login may see the team's logins but not change them: adding, changing and"
                " removing logins needs the server administrator's login (a superuser, or a login"
                " that may create roles). Open the workspace with that login (File → Open a team"
                " workspace…) to change them."
            )
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Team logins"))
        self.intro.setText(
            tr(
                "Who may open this team workspace, and what each may change. The server enforces"
                " the roles: a department head changes only their own department, whatever"
                " program they connect with; a read-only login changes nothing."
            )
        )
        self.table.setHorizontalHeaderLabels([tr("Login"), tr("Role")])
        self.add_button.setText(tr("&Add…"))
        self.password_button.setText(tr("Change &password…"))
        self.remove_button.setText(tr("&Remove…"))
        self.sync_button.setText(tr("&Update department roles"))
        self.sync_button.setToolTip(
            tr("After departments were added, renamed or merged: give each its role and rules")
        )
        self.retranslate_note()
        if self.loaded is not None:
            self._show(self.loaded)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


# --- the File menu's action --------------------------------------------------------------------

_identities: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
_asking: weakref.WeakKeyDictionary[Any, workers.Task] = weakref.WeakKeyDictionary()


def _who(ws: Any) -> tuple[Any, dict[str, str]]:
    """Runs in a worker: who the login of ``ws`` is, and the departments' names."""
    from ipaudit.services.team import team_identity

    return team_identity(ws), {d.key: i18n.text(d.name) for d in ws.departments()}


def update_action(action: QAction, session: Any) -> workers.Task | None:
    """Show File → Team logins… for a team workspace only, enabled for the manager's (or the
    server administrator's) login. Who the login is is asked of the server once per session, in
    a worker (the task, while it asks)."""
    if session is None or not session.workspace.is_server:
        action.setVisible(False)
        return None
    action.setVisible(True)
    known = _identities.get(session)
    if known is not None:
        _apply(action, known)
        return None
    action.setEnabled(False)
    action.setToolTip(tr("Asking the server what your login may do…"))
    task = _asking.get(session)
    if task is not None:
        return task
    ws = session.workspace
    task = workers.Task(lambda _ctx: _who(ws), "team identity")
    _asking[session] = task
    guard = _ActionGuard(action)

    def answered(who: tuple[Any, dict[str, str]]) -> None:
        _asking.pop(session, None)
        _identities[session] = who
        if guard.action is not None:
            _apply(guard.action, who)

    def failed(exc: object) -> None:  # asked again the next time the menu opens
        _asking.pop(session, None)
        if guard.action is not None:
            guard.action.setToolTip(tr("The server could not be asked what your login may do."))

    task.finished.connect(answered)
    task.failed.connect(failed)
    return workers.start(task)


class _ActionGuard(QObject):
    """``action`` while it lives (the window may close before the server answers)."""

    def __init__(self, action: QAction) -> None:
        super().__init__(action)
        self.action: QAction | None = action
        action.destroyed.connect(self._gone)

    def _gone(self) -> None:
        self.action = None


def _apply(action: QAction, known: tuple[Any, dict[str, str]]) -> None:
    identity, names = known
    may = identity.kind in MANAGING_KINDS
    action.setEnabled(may)
    if may:
        action.setToolTip(tr("Add and remove the logins of this team workspace"))
    else:
        action.setToolTip(
            tr("Only the compliance manager manages the team's logins; your login is: %1").replace(
                "%1",
                role_words(
                    identity.kind, identity.departments[0] if identity.departments else "", names
                ),
            )
        )
