"""Preferences: the UI language, applied at once (no restart) and remembered."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ipaudit.ui import i18n
from ipaudit.ui.settings import Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.settings = settings
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.addItem("", "")  # follow the system
        i18n.add_languages(self.language, settings.language)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply_button.clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def chosen_language(self) -> str:
        """ "zh", "en", or "" (follow the system)."""
        return str(self.language.currentData() or "")

    def apply(self) -> None:
        choice = self.chosen_language()
        self.settings.language = choice
        i18n.set_language(choice or i18n.system_language())

    def accept(self) -> None:
        self.apply()
        super().accept()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.language_label.setText(self.tr("&Language:"))
        system = i18n.LANGUAGE_NAMES[i18n.system_language()]
        self.language.setItemText(0, self.tr("As the system (%1)").replace("%1", system))
        self.note.setText(self.tr("The language changes at once; no restart is needed."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
