"""Edits an evidence file's metadata: title, document number, version, date and period covered."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.model import Evidence
from ipaudit.ui.checklist.lang import fill
from ipaudit.ui.checklist.optional_date import OptionalDateEdit

FIELDS = ("title", "doc_number", "version", "doc_date", "period_start", "period_end")


class EvidenceDialog(QDialog):
    def __init__(self, evidence: Evidence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidenceDialog")
        self.evidence = evidence
        self.title = QLineEdit(evidence.title, self)
        self.doc_number = QLineEdit(evidence.doc_number, self)
        self.version = QLineEdit(evidence.version, self)
        self.doc_date = OptionalDateEdit(evidence.doc_date, self)
        self.period_start = OptionalDateEdit(evidence.period_start, self)
        self.period_end = OptionalDateEdit(evidence.period_end, self)
        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet("color: #d13438;")
        self.problem.setWordWrap(True)
        self.period_to = QLabel(self)
        period = QHBoxLayout()
        period.setContentsMargins(0, 0, 0, 0)
        period.addWidget(self.period_start, 1)
        period.addWidget(self.period_to)
        period.addWidget(self.period_end, 1)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(5)]
        fields: tuple[QWidget, ...] = (
            self.title,
            self.doc_number,
            self.version,
            self.doc_date,
            self.period_start,
        )
        for label, buddy in zip(self.labels, fields, strict=True):
            label.setBuddy(buddy)
        self.form.addRow(self.labels[0], self.title)
        self.form.addRow(self.labels[1], self.doc_number)
        self.form.addRow(self.labels[2], self.version)
        self.form.addRow(self.labels[3], self.doc_date)
        self.form.addRow(self.labels[4], period)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(self._validate)
        self.period_start.changed.connect(self._validate)
        self.period_end.changed.connect(self._validate)
        self.setMinimumWidth(460)
        self.retranslate_ui()
        self._validate()

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(),
            "doc_number": self.doc_number.text().strip(),
            "version": self.version.text().strip(),
            "doc_date": self.doc_date.value(),
            "period_start": self.period_start.value(),
            "period_end": self.period_end.value(),
        }

    def changes(self) -> dict[str, Any]:
        """Only the fields that differ from the evidence as it was."""
        return {k: v for k, v in self.values().items() if getattr(self.evidence, k) != v}

    def problem_text(self) -> str:
        if not self.title.text().strip():
            return self.tr("The title cannot be empty.")
        start: dt.date | None = self.period_start.value()
        end: dt.date | None = self.period_end.value()
        if start and end and start > end:
            return self.tr("The period covered ends before it starts.")
        return ""

    def accept(self) -> None:
        if self.problem_text():
            return
        super().accept()

    def _validate(self) -> None:
        text = self.problem_text()
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not text)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Evidence details"))
        self.file_label.setText(
            fill(
                self.tr("File: %1 (SHA-256 %2…)"),
                self.evidence.original_name,
                self.evidence.sha256[:12],
            )
        )
        labels = (
            self.tr("&Title:"),
            self.tr("Document &number:"),
            self.tr("&Version:"),
            self.tr("&Date:"),
            self.tr("&Period covered:"),
        )
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.period_to.setText(self.tr("to"))
        self.doc_number.setPlaceholderText(self.tr("e.g. IPM-QP-05"))
        self.version.setPlaceholderText(self.tr("e.g. A/1"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._validate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
