"""An edit the server did not save because the connection was down: said plainly, with what the
user entered kept (to read and copy) and a "Try again" that saves it once the server is back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from ipaudit.ui import errors, i18n

#: the workspace errors that mean "the server could not be reached: nothing was saved"
CONNECTION_CODES = ("connection_lost", "server_unreachable")


def is_connection_error(exc: BaseException) -> bool:
    return getattr(exc, "code", "") in CONNECTION_CODES


class NotSavedBox(QMessageBox):
    def __init__(
        self,
        exc: BaseException,
        mine: str,
        retry: Callable[[], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notSavedBox")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setIcon(QMessageBox.Icon.Warning)
        self.exc = exc
        self.mine = mine
        self._retry = retry
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retrySave")
        self.addButton(self.retry_button, QMessageBox.ButtonRole.AcceptRole)
        self.addButton(QMessageBox.StandardButton.Close)
        self.setDetailedText(mine)
        self.buttonClicked.connect(self._clicked)
        self.retranslate_ui()

    def _clicked(self, button: object) -> None:
        if button is self.retry_button:
            self._retry()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("ipaudit"))
        self.setText(self.tr("Not saved: the server cannot be reached."))
        self.setInformativeText(
            (errors.expected_message(self.exc, i18n.language()) or "")
            + "\n\n"
            + self.tr(
                "What you entered is under “Show Details…” and still in its field. Try again"
                " once the status bar says the connection is back."
            )
        )
        self.retry_button.setText(self.tr("Try again"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def show_not_saved(
    exc: BaseException, mine: str, retry: Callable[[], object], parent: QWidget | None = None
) -> NotSavedBox:
    box = NotSavedBox(exc, mine, retry, parent or QApplication.activeWindow())
    box.open()
    errors.reporter().shown.emit(box)
    return box
