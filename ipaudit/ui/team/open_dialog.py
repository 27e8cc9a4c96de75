"""File → Open a team workspace…: server, port, database, login and password.

The password stays in this dialog's memory only: it is never written to the settings, the recent
list (which keeps the address without it) or the log. (No system keyring library is part of the
app, so there is no "remember the password".) Opening runs in a worker with a busy bar; a
department head's login opens that department's view, a read-only login opens read-only — what the
server says the login is (``services.team.team_identity``), not what the user picks.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, unquote, urlsplit

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ipaudit.ui import errors, workers

DEFAULT_PORT = 5432


def build_url(host: str, port: int, database: str, login: str, password: str = "") -> str:
    """The libpq URL of a team workspace (the password only when given)."""
    auth = quote(login, safe="")
    if password:
        auth += ":" + quote(password, safe="")
    shown_host = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"postgresql://{auth}@{shown_host}:{port}/{quote(database, safe='')}"


def split_url(address: str) -> dict[str, Any]:
    """Host, port, database and login of ``address`` (a recent entry), for the form."""
    parts = urlsplit(address.replace("postgres://", "postgresql://", 1))
    return {
        "host": parts.hostname or "",
        "port": parts.port or DEFAULT_PORT,
        "database": unquote(parts.path.lstrip("/")),
        "login": unquote(parts.username or ""),
    }


def open_team(url: str) -> tuple[Any, str | None]:
    """Open the team workspace at ``url`` as its login may: (workspace, department view or None).
    Runs in a worker."""
    from ipaudit.services import Workspace
    from ipaudit.services.team import team_identity

    ws = Workspace.open(url)
    try:
        identity = team_identity(ws)
    except BaseException:
        ws.close()
        raise
    if identity.kind == "department" and identity.departments:
        return ws, identity.departments[0]
    if identity.kind == "readonly" and not ws.read_only:
        ws.close()
        return Workspace.open(url, read_only=True), None
    return ws, None


class OpenTeamDialog(QDialog):
    """``opened(workspace, department)`` once the workspace is open (the window adopts it)."""

    opened = Signal(object, object)

    def __init__(self, parent: QWidget | None = None, address: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("openTeamDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.task: workers.Task | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.host = QLineEdit()
        self.host.setObjectName("teamHost")
        self.port = QSpinBox()
        self.port.setObjectName("teamPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.database.setObjectName("teamDatabase")
        self.login = QLineEdit()
        self.login.setObjectName("teamLogin")
        self.password = QLineEdit()
        self.password.setObjectName("teamPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        for label, field in zip(
            self.labels,
            (self.host, self.port, self.database, self.login, self.password),
            strict=True,
        ):
            form.addRow(label, field)
        self.note = QLabel()
        self.note.setObjectName("teamPasswordNote")
        self.note.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.problem = QLabel()
        self.problem.setObjectName("teamProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.busy)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        for field in (self.host, self.database, self.login):
            field.textChanged.connect(lambda _t: self._update())
        if address:
            self.set_address(address)
        self.setMinimumWidth(480)
        self.retranslate_ui()
        self._update()
        self.adjustSize()

    def set_address(self, address: str) -> None:
        values = split_url(address)
        self.host.setText(values["host"])
        self.port.setValue(int(values["port"]))
        self.database.setText(values["database"])
        self.login.setText(values["login"])
        self.password.setFocus()

    def url(self) -> str:
        return build_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.login.text().strip(),
            self.password.text(),
        )

    def _update(self) -> None:
        ready = all(f.text().strip() for f in (self.host, self.database, self.login))
        button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        button.setEnabled(ready and self.task is None)

    def start(self) -> workers.Task | None:
        """Open the workspace in a worker (the dialog stays, busy, until it is open)."""
        if self.task is not None:
            return self.task
        url = self.url()
        self.problem.hide()
        self.busy.show()
        for field in (self.host, self.port, self.database, self.login, self.password):
            field.setEnabled(False)
        task = workers.Task(lambda _ctx: open_team(url), "open team workspace")
        task.finished.connect(self._opened)
        task.failed.connect(self._failed)
        self.task = task
        self._update()
        workers.start(task)
        return task

    def _opened(self, result: object) -> None:
        assert isinstance(result, tuple)
        workspace, department = result
        self.task = None
        self.password.clear()  # not kept a moment longer than needed
        self.opened.emit(workspace, department)
        self.accept()

    def _failed(self, exc: object) -> None:
        self.task = None
        self.busy.hide()
        for field in (self.host, self.port, self.database, self.login, self.password):
            field.setEnabled(True)
        self._update()
        if isinstance(exc, BaseException) and errors.is_expected(exc):
            self.problem.setText(errors.expected_message(exc) or str(exc))
            self.problem.show()
            self.password.setFocus()
            self.password.selectAll()
        else:
            errors.on_task_failed(self)(exc)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Open a team workspace"))
        self.intro.setText(
            self.tr(
                "A workspace on your company's PostgreSQL server, shared by the compliance"
                " manager and the department heads. Ask the manager for your login."
            )
        )
        for label, text in zip(
            self.labels,
            (
                self.tr("Server:"),
                self.tr("Port:"),
                self.tr("Database:"),
                self.tr("Login:"),
                self.tr("Password:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.host.setPlaceholderText(self.tr("such as ipaudit.example.com or 192.168.1.20"))
        self.note.setText(
            self.tr(
                "The password is used for this connection only and is not stored; the recent list"
                " keeps the address without it. What you may change is decided by the server"
                " from your login."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
