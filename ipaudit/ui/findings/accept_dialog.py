"""Accepting a finding: the explanation the report will print (required)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.model import Finding
from ipaudit.ui.findings.grade_style import grade_label
from ipaudit.ui.findings.language import pick


class AcceptDialog(QDialog):
    """Asks why a finding is acceptable; OK stays disabled until an explanation is written."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.finding_label = QLabel()
        self.finding_label.setWordWrap(True)
        self.explanation = QPlainTextEdit()
        self.explanation.setTabChangesFocus(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.explanation.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.finding_label)
        layout.addWidget(self.explanation, 1)
        layout.addWidget(self.buttons)
        self.resize(480, 260)
        self.retranslate_ui()
        self._update_ok()
        self.explanation.setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def text(self) -> str:
        return self.explanation.toPlainText().strip()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Accept finding"))
        self.intro.setText(
            self.tr(
                "Explain why this finding is acceptable. The explanation is shown in the report,"
                " and the finding no longer blocks readiness."
            )
        )
        self.finding_label.setText(
            f"{grade_label(self.finding.grade)}　{pick(self.finding.message)}"
        )
        self.explanation.setPlaceholderText(self.tr("Explanation (required)"))
        self.ok_button.setText(self.tr("Accept"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.text()))

    def accept(self) -> None:
        if self.text():  # Enter on the button box cannot bypass the required explanation
            super().accept()


def open_accept_dialog(
    finding: Finding, parent: QWidget, on_accept: Callable[[str], None]
) -> AcceptDialog:
    """Open the dialog for ``finding`` window-modal (not blocking); OK calls ``on_accept`` with the
    explanation. The dialog deletes itself when it closes."""
    dialog = AcceptDialog(finding, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.accepted.connect(lambda: on_accept(dialog.text()))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
