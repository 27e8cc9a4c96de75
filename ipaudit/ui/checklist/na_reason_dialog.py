"""Asks why an item does not apply: the auditor will ask the same, so a reason is required."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ipaudit.ui.checklist.lang import fill


class NaReasonDialog(QDialog):
    def __init__(self, item_title: str, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("naReasonDialog")
        self.item_title = item_title
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlainText(reason)
        self.edit.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._update_ok)
        self.resize(440, 240)
        self.retranslate_ui()
        self._update_ok()

    def reason(self) -> str:
        return self.edit.toPlainText().strip()

    def accept(self) -> None:
        if not self.reason():  # Enter in an empty dialog must not get past the rule
            return
        super().accept()

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason()))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Not applicable"))
        self.prompt.setText(
            fill(
                self.tr(
                    "Why does “%1” not apply to the company? The auditor will ask; the reason is"
                    " required."
                ),
                self.item_title,
            )
        )
        self.edit.setPlaceholderText(
            self.tr(
                "e.g. The company has no production of its own; all products are made by contract manufacturers."
            )
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
