"""One small dialog for every file of a drop: its proposed date and covered period to confirm or
correct, and what is wrong with it (empty, already on the item, twice in the drop).

An undated record proves nothing to the auditor, so no file is attached without having been seen
here. Empty files and duplicates are left unticked; the user may tick them anyway. Each row says
where its date and period came from (the file name, the document's text, its properties). A date
found in the future or before 2000 (a period starting before 2000 or after next year) is never
filled in: the row shows it greyed out (unticked) and says why; an encrypted file whose name gives no date says that its contents could not be read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.dates_in_text import EARLIEST
from ipaudit.services.evidence_review import FileReview
from ipaudit.ui.checklist.lang import fill
from ipaudit.ui.checklist.optional_date import OptionalDateEdit


class FileNameBox(QCheckBox):
    """A file's tick box whose long name is elided in the middle (the date and the extension at
    the end stay visible) instead of widening the dialog; the tooltip has the whole path."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(name, parent)
        self.full_name = name
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 12))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        box = self.sizeHint().width() - self.fontMetrics().horizontalAdvance(self.text())
        room = max(self.width() - box, 0)
        elided = self.fontMetrics().elidedText(self.full_name, Qt.TextElideMode.ElideMiddle, room)
        if elided != self.text():
            self.setText(elided)


def _show_unticked(edit: OptionalDateEdit, day: dt.date) -> None:
    edit.edit.setDate(QDate(day.year, day.month, day.day))


class AttachRow:
    """The widgets of one file."""

    def __init__(self, review: FileReview, parent: QWidget) -> None:
        self.review = review
        self.include = FileNameBox(review.path.name, parent)
        self.include.setToolTip(str(review.path))
        self.include.setChecked(not (review.empty or review.duplicate_of or review.repeated))
        self.note = QLabel(parent)
        self.note.setWordWrap(True)
        proposal = review.proposal
        self.doc_date = OptionalDateEdit(proposal.doc_date, parent)
        self.period_start = OptionalDateEdit(proposal.period_start, parent)
        self.period_end = OptionalDateEdit(proposal.period_end, parent)
        # a doubtful date or period is shown, not proposed: its box stays unticked
        if proposal.doc_date is None and proposal.doubtful is not None:
            _show_unticked(self.doc_date, proposal.doubtful)
        if proposal.period_start is None and proposal.doubtful_period is not None:
            _show_unticked(self.period_start, proposal.doubtful_period[0])
            _show_unticked(self.period_end, proposal.doubtful_period[1])
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
            for edit in (row.doc_date, row.period_start, row.period_end):
                edit.changed.connect(self._update_notes)
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
        proposal = review.proposal
        if row.doc_date.value() is not None:
            if row.doc_date.value() == proposal.doc_date and proposal.source:
                problems.append(self._date_source(proposal.source))
            else:
                problems.append(self.tr("Date given by hand."))
        elif proposal.doubtful is not None:
            where = self._place(proposal.doubtful_source)
            day = proposal.doubtful.isoformat()
            if proposal.doubtful < EARLIEST:
                text = self.tr(
                    "The date %1 in %2 is before 2000 and is not proposed: give the document date."
                )
            else:
                text = self.tr(
                    "The date %1 in %2 is in the future and is not proposed: give the document"
                    " date."
                )
            problems.append(fill(text, day, where))
        else:
            if proposal.locked:
                problems.append(
                    self.tr("The file is encrypted: its contents could not be read for a date.")
                )
            problems.append(self.tr("No date found: give the document date."))
        period = (row.period_start.value(), row.period_end.value())
        if proposal.doubtful_period is not None and period == (None, None):
            first, last = proposal.doubtful_period
            text = self.tr("The period %1 to %2 in %3 is implausible and is not proposed.")
            problems.append(
                fill(text, first.isoformat(), last.isoformat(), self._place(proposal.period_source))
            )
        elif proposal.period_source and period == (proposal.period_start, proposal.period_end):
            problems.append(self._period_source(proposal.period_source))
        # Chinese sentences follow each other without a space, English ones with one
        return "".join(
            p if p.endswith("。") or n == len(problems) - 1 else p + " "
            for n, p in enumerate(problems)
        )

    def _date_source(self, source: str) -> str:
        return {
            "name": self.tr("Date taken from the file name."),
            "text": self.tr("Date taken from the document's text."),
            "properties": self.tr("Date taken from the document properties."),
            "pdf": self.tr("Date taken from the PDF's properties."),
        }.get(source, "")

    def _period_source(self, source: str) -> str:
        return {
            "name": self.tr("Period taken from the file name."),
            "text": self.tr("Period taken from the document's text."),
        }.get(source, "")

    def _place(self, source: str) -> str:
        return {
            "name": self.tr("the file name"),
            "text": self.tr("the document's text"),
            "properties": self.tr("the document properties"),
            "pdf": self.tr("the PDF's properties"),
        }.get(source, "")
