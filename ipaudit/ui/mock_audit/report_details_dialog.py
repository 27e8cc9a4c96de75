"""The internal audit report's own words: its scope, summary and conclusion (empty: the report
writes them from the samples and their results)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.mock_audit import MockAudit


class ReportDetailsDialog(QDialog):
    def __init__(self, audit: MockAudit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportDetailsDialog")
        self.setWindowTitle(self.tr("Report details of %1").replace("%1", audit.key))
        self.scope = QLineEdit(audit.scope)
        self.summary = QPlainTextEdit(audit.summary)
        self.conclusion = QPlainTextEdit(audit.conclusion)
        hint = self.tr("Empty: written from the samples and their results.")
        self.scope.setPlaceholderText(self.tr("Empty: every department the system covers."))
        self.summary.setPlaceholderText(hint)
        self.conclusion.setPlaceholderText(hint)
        for box in (self.summary, self.conclusion):
            box.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(self.tr("Scope"), self.scope)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Conclusion"), self.conclusion)
        note = QLabel(
            self.tr(
                "The criteria, dates, auditors and departments come from the mock audit itself."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def details(self) -> dict[str, str]:
        return {
            "scope": self.scope.text().strip(),
            "summary": self.summary.toPlainText().strip(),
            "conclusion": self.conclusion.toPlainText().strip(),
        }
