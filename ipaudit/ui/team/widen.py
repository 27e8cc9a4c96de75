"""The manager's confirmation a department view needs before it shows more than its department.

With a manager passphrase set for the workspace the dialog asks for it; without one the user ticks
that they are the compliance manager. Either way the dialog says plainly that a local file gives
whoever has it all rights, and that a team workspace on a server is what enforces them.

``ManagerPassphraseDialog`` sets, changes or removes the passphrase (the whole workspace only).
Both open window-modal without blocking (``open()``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ipaudit.ui import errors

if TYPE_CHECKING:
    from ipaudit.services import Workspace


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class WidenDialog(QDialog):
    """Asks for the manager passphrase (or the confirmation) before a department view widens."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ipaudit.services import manager_passphrase

        self.setObjectName("widenDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.workspace = workspace
        self.protected = manager_passphrase.is_set(workspace)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.passphrase = _password_field("managerPassphrase")
        self.passphrase.textChanged.connect(lambda _t: self._update())
        self.problem = QLabel()
        self.problem.setObjectName("widenProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()
        self.confirm = QCheckBox()
        self.confirm.setObjectName("confirmManager")
        self.confirm.toggled.connect(lambda _c: self._update())
        self.note = QLabel()
        self.note.setObjectName("widenNote")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)

        self.passphrase_label = QLabel()
        self.form = QFormLayout()
        self.form.addRow(self.passphrase_label, self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.confirm)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.form.setRowVisible(0, self.protected)
        self.confirm.setVisible(not self.protected)
        self.setMinimumWidth(540)
        self.retranslate_ui()
        self._update()
        self.adjustSize()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.passphrase.text()) if self.protected else self.confirm.isChecked())

    def _try_accept(self) -> None:
        from ipaudit.services import manager_passphrase

        if self.protected and not manager_passphrase.check(self.workspace, self.passphrase.text()):
            self.problem.setText(self.tr("This is not the manager passphrase."))
            self.problem.show()
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("The compliance manager's confirmation"))
        if self.protected:
            self.intro.setText(
                self.tr(
                    "This window shows one department. To show the whole workspace (every"
                    " department and the facts, all editable), enter the manager passphrase."
                )
            )
        else:
            self.intro.setText(
                self.tr(
                    "This window shows one department. The whole workspace (every department and"
                    " the facts, all editable) is for the compliance manager."
                )
            )
        self.passphrase_label.setText(self.tr("Manager passphrase:"))
        if self.problem.isVisible():
            self.problem.setText(self.tr("This is not the manager passphrase."))
        self.confirm.setText(self.tr("I am the compliance manager of this workspace"))
        self.note.setText(
            self.tr(
                "A workspace file gives whoever has it every right: this confirmation keeps a"
                " department view from widening by mistake, it does not stop someone who opens"
                " the file itself. To give department heads only their own department, put the"
                " workspace on a team server, where the database enforces the rights."
            )
        )
        if not self.protected:
            self.note.setText(
                self.note.text()
                + "\n\n"
                + self.tr(
                    "No manager passphrase is set for this workspace; the manager can set one in"
                    " the whole workspace (File → Manager passphrase…)."
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def confirm_widening(
    workspace: Workspace, parent: QWidget | None, then: Callable[[], object]
) -> WidenDialog:
    """Open the confirmation; ``then()`` runs once the manager has confirmed."""
    dialog = WidenDialog(workspace, parent)
    dialog.accepted.connect(lambda: then())
    dialog.open()
    errors.reporter().shown.emit(dialog)
    return dialog


class ManagerPassphraseDialog(QDialog):
    """Set, change or remove the manager passphrase of the whole workspace."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ipaudit.services import manager_passphrase

        self.setObjectName("managerPassphraseDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.workspace = workspace
        self.was_set = manager_passphrase.is_set(workspace)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.current = _password_field("currentPassphrase")
        self.new = _password_field("newPassphrase")
        self.repeat = _password_field("repeatPassphrase")
        self.remove = QCheckBox()
        self.remove.setObjectName("removePassphrase")
        self.remove.toggled.connect(lambda _c: self._update())
        self.problem = QLabel()
        self.problem.setObjectName("passphraseProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.labels = [QLabel(), QLabel(), QLabel()]
        self.form = QFormLayout()
        for label, field in zip(self.labels, (self.current, self.new, self.repeat), strict=True):
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.remove)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.form.setRowVisible(0, self.was_set)
        self.remove.setVisible(self.was_set)
        self.setMinimumWidth(500)
        self.retranslate_ui()
        self.adjustSize()

    def _update(self) -> None:
        removing = self.remove.isChecked()
        self.form.setRowVisible(1, not removing)
        self.form.setRowVisible(2, not removing)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _save(self) -> None:
        from ipaudit.services import manager_passphrase as mp

        current = self.current.text() if self.was_set else None
        try:
            if self.remove.isChecked():
                mp.clear_passphrase(self.workspace, current or "")
            else:
                if self.new.text() != self.repeat.text():
                    self._show_problem(self.tr("The two entries of the new passphrase differ."))
                    return
                mp.set_passphrase(self.workspace, self.new.text(), current)
        except errors.expected_types() as exc:
            self._show_problem(errors.expected_message(exc) or str(exc))
            return
        self.accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Manager passphrase"))
        self.intro.setText(
            self.tr(
                "A department view asks for this passphrase before it shows the whole workspace."
                " Only a salted hash of it is stored in the workspace."
            )
        )
        for label, text in zip(
            self.labels,
            (
                self.tr("Current passphrase:"),
                self.tr("New passphrase:"),
                self.tr("New passphrase again:"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.remove.setText(self.tr("Remove the passphrase"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
