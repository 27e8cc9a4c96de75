"""An edit that met someone else's change of the same thing: what it was (named as the views name
it, never by a key), who changed it and when, what this user entered (kept, to copy or to save over
theirs, shown as the editors show it), and the choice between the two.

Opened window-modal without blocking; ``errors.reporter().shown`` announces it like every other
message box, which is how tests find it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from ipaudit.services import Workspace
from ipaudit.store.errors import EditConflict
from ipaudit.ui import errors, i18n
from ipaudit.ui.conflict_words import conflict_name

#: what the user entered, or a function saying it in the current language
Mine = str | Callable[[], str]


class ConflictBox(QMessageBox):
    """``keep_mine()`` saves the user's version over the other one; "Keep theirs" only closes.
    With ``workspace`` what changed is named by the names it holds (without: "this")."""

    def __init__(
        self,
        conflict: EditConflict,
        mine: Mine,
        keep_mine: Callable[[], None],
        parent: QWidget | None = None,
        *,
        workspace: Workspace | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBox")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Warning)
        self.conflict = conflict
        self._mine = mine
        self.workspace = workspace
        self._keep_mine = keep_mine
        self.keep_mine_button = QPushButton()
        self.keep_theirs_button = QPushButton()
        self.addButton(self.keep_mine_button, QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.keep_theirs_button, QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.keep_theirs_button)
        self.buttonClicked.connect(self._on_clicked)
        self.retranslate_ui()

    def _on_clicked(self, button: object) -> None:
        if button is self.keep_mine_button:
            self._keep_mine()

    @property
    def mine(self) -> str:
        """What the user entered, in the current language's words."""
        return self._mine if isinstance(self._mine, str) else self._mine()

    def subject(self) -> str:
        """What both changed, in the user's words ("" when there is no workspace to name it)."""
        if self.workspace is None:
            return ""
        return conflict_name(self.workspace, self.conflict.what)

    def retranslate_ui(self) -> None:
        lang = i18n.language()
        subject = self.subject()
        self.setWindowTitle(self.tr("ipaudit"))
        self.setText(self.tr("Someone else changed this meanwhile."))
        self.setDetailedText(self.mine)  # what the user entered, to read and copy
        self.setInformativeText(
            (self.conflict.about(subject, lang) if subject else self.conflict.message(lang))
            + "\n\n"
            + self.tr(
                "What you entered is under “Show Details…”. Keep it to save it over the other"
                " change, or keep the other change."
            )
        )
        self.keep_mine_button.setText(self.tr("Keep mine"))
        self.keep_theirs_button.setText(self.tr("Keep theirs"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def show_conflict(
    conflict: EditConflict,
    mine: Mine,
    keep_mine: Callable[[], None],
    parent: QWidget | None = None,
    *,
    workspace: Workspace | None = None,
) -> ConflictBox:
    box = ConflictBox(
        conflict, mine, keep_mine, parent or QApplication.activeWindow(), workspace=workspace
    )
    box.open()
    errors.reporter().shown.emit(box)
    return box
