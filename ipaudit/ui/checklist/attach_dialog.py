"""One small dialog for every file of a drop: its proposed date and covered period to confirm or
correct, and what is wrong with it (empty, already on the item, twice in the drop).

An undated record proves nothing to the auditor, so no file is attached without having been seen
here. Empty files and duplicates are left unticked; the user may tick them anyway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ipaudit.services.evidence_review import FileReview
from ipaudit.ui.checklist.lang import fill
from ipaudit.ui.checklist.optional_date import OptionalDateEdit


class AttachRow:
    """The widgets of one file."""

    def __init__(self, review: FileReview, parent: QWidget) -> None:
        self.review = review
        self.include = QCheckBox(review.path.name, parent)
        self.include.setToolTip(str(review.path))
        self.include.setChecked(not (review.empty or review.duplicate_of or review.repeated))
        self.note = QLabel(parent)
        self.note.setWordWrap(True)
        proposal = review.proposal
        self.doc_date = OptionalDateEdit(proposal.doc_date, parent)
        self.period_start = OptionalDateEdit(proposal.period_start, parent)
        self.period_end = OptionalDateEdit(proposal.period_end, parent)
        for edit in (self.doc_date, self.period_start, self.period_end):
            self.include.toggled.connect(edit.setEnabled)
            edit.setEnabled(self.include.isChecked())

    def meta(self) -> dict[str, dt.date | None]:
        return {
            "doc_date": self.doc_date.value(),
            "period_start": self.period_start.value(),
            "period_end": self.period_end.value(),
        }


class AttachDialog(QDialog):
    def __init__(self, reviews: Sequence[FileReview], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(10)
        self.headers = [QLabel(grid_host) for _ in range(3)]
        for col, label in enumerate(self.headers, 1):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            grid.addWidget(label, 0, col)
        self.rows: list[AttachRow] = []
        for n, review in enumerate(reviews):
            row = AttachRow(review, grid_host)
            line = 1 + 2 * n
            grid.addWidget(row.include, line, 0)
            grid.addWidget(row.doc_date, line, 1)
            grid.addWidget(row.period_start, line, 2)
            grid.addWidget(row.period_end, line, 3)
            grid.addWidget(row.note, line + 1, 0, 1, 4)
            row.include.toggled.connect(self._update_ok)
            row.doc_date.changed.connect(self._update_notes)
            self.rows.append(row)
        grid.setColumnStretch(0, 1)
        grid.setRowStretch(1 + 2 * len(reviews), 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(grid_host)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(760, min(160 + 70 * len(reviews), 560))

    def chosen(self) -> list[tuple[Path, dict[str, Any]]]:
        """(file, its dates) of every ticked file, in the drop's order."""
        return [(r.review.path, r.meta()) for r in self.rows if r.include.isChecked()]

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Attach files: check their dates"))
        self.hint.setText(
            self.tr(
                "A record counts for the audit only with its date. Check the date proposed for"
                " each file and the period it covers (a yearly plan, a quarterly report), and"
                " correct them where needed."
            )
        )
        for label, text in zip(
            self.headers,
            (self.tr("Document date"), self.tr("Covers from"), self.tr("to")),
            strict=True,
        ):
            label.setText(text)
        self.ok.setText(self.tr("Attach"))
        self._update_notes()
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok.setEnabled(any(r.include.isChecked() for r in self.rows))

    def _update_notes(self) -> None:
        for row in self.rows:
            row.note.setText(self._note(row))

    def _note(self, row: AttachRow) -> str:
        review = row.review
        problems = []
        if review.empty:
            problems.append(self.tr("The file is empty (0 bytes) and proves nothing."))
        if review.duplicate_of:
            names = ", ".join(f"“{t}”" for t in review.duplicate_of)
            problems.append(fill(self.tr("The item already has this file: %1."), names))
        if review.repeated:
            problems.append(self.tr("The same file is in this drop twice."))
        sources = {
            "name": self.tr("Date taken from the file name."),
            "text": self.tr("Date taken from the document's text."),
            "properties": self.tr("Date taken from the document properties."),
            "pdf": self.tr("Date taken from the PDF's metadata."),
        }
        if row.doc_date.value() is None:
            said = self.tr("No date found: give the document date.")
        elif row.doc_date.value() == review.proposal.doc_date and review.proposal.source:
            said = sources[review.proposal.source]
        else:
            said = self.tr("Date given by hand.")
        return " ".join([*problems, said])
