"""One dialog for every file of a drop: its proposed date and covered period to confirm or
correct, and what is wrong with it (empty, already on the item, twice in the drop).

An undated record proves nothing to the auditor, so no file is attached without having been seen
here. Empty files and duplicates are left unticked; the user may tick them anyway. Each file has a
note under it saying where its date and period came from (the file name, the document's text, its
properties). A date found in the future or before 2000 (a period starting before 2000 or after next
year) is never filled in: the file shows it greyed out (unticked) and says why; a file whose name
gives no date and whose contents were not read (encrypted, too large, damaged) says why.

A drop may hold hundreds of files, so the files are a table model (``attach_model``) shown by one
view: building the dialog makes no widget per file, and a date editor exists only while a date is
being edited. The keyboard works as on a form: Tab goes through each file's tick box and its
dates, Space ticks, typing a digit or F2 edits a date, Enter attaches.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.services.evidence_review import FileReview
from ipaudit.ui import i18n
from ipaudit.ui.checklist.attach_model import (
    COL_FILE,
    DATE_COLUMNS,
    AttachModel,
    AttachRow,
)
from ipaudit.ui.checklist.lang import fill

Index = QModelIndex | QPersistentModelIndex

__all__ = ["AttachDialog", "AttachRow", "AttachTable"]


def _date_editor(parent: QWidget | None) -> QDateEdit:
    editor = QDateEdit(parent)
    editor.setCalendarPopup(True)
    editor.setDisplayFormat("yyyy-MM-dd")
    return editor


class AttachDelegate(QStyledItemDelegate):
    """Paints each file's two lines on one band (every other file shaded), an unticked date
    greyed out, and edits a date with a date field beside its tick box."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        if (index.row() // 2) % 2:
            option.backgroundBrush = option.palette.alternateBase()
        if (
            index.row() % 2 == 0
            and index.column() in DATE_COLUMNS
            and option.checkState == Qt.CheckState.Unchecked
        ):
            palette = QPalette(option.palette)
            grey = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            palette.setColor(QPalette.ColorRole.Text, grey)
            option.palette = palette

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        return _date_editor(parent)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        editor.setDate(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QDateEdit)
        model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else editor.style()
        check = style.subElementRect(
            QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, opt.widget
        )
        rect = QRect(option.rect)
        rect.setLeft(check.right() + 4)  # the tick box stays in view
        editor.setGeometry(rect)


class AttachTable(QTableView):
    """The files and their dates. Tab and Shift+Tab go through the tick boxes and dates only (a
    note is read, not edited), and leave the table after the last file."""

    def __init__(self, model: AttachModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("attachTable")
        self.setModel(model)
        self.attach_model = model
        self.setItemDelegate(AttachDelegate(self))
        self.setShowGrid(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # the date and extension stay
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        sample = _date_editor(None)
        self.line_height = sample.sizeHint().height() + 2
        self.date_width = self._date_column_width(sample)
        sample.deleteLater()
        self.verticalHeader().setDefaultSectionSize(self.line_height)
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("M" * 12))
        for column in DATE_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, self.date_width)
        header.setHighlightSections(False)
        for number in range(len(model.rows)):
            self.setSpan(2 * number + 1, 0, 1, 4)
        self._note_width = -1
        model.noteChanged.connect(self._fit_note)
        model.dataChanged.connect(self._notes_changed)

    def _date_column_width(self, sample: QDateEdit) -> int:
        style = self.style()
        box = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, self)
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1)
        editor = sample.sizeHint().width()
        return box + margin + 4 + editor

    def fit_header(self, labels: Sequence[str]) -> None:
        """The date columns wide enough for their headers too (Chinese or English)."""
        metrics = self.horizontalHeader().fontMetrics()
        widest = max((metrics.horizontalAdvance(t) for t in labels[1:]), default=0) + 16
        for column in DATE_COLUMNS:
            self.horizontalHeader().resizeSection(column, max(self.date_width, widest))

    # --- notes: their rows as high as their wrapped text ---------------------------------

    def note_text_width(self) -> int:
        """The width a note is wrapped to: the table's inside, a vertical scroll bar's width
        kept free whether it shows or not (so its coming and going never re-wraps the notes)."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        margin = 2 * (
            self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1
        )
        return max(self.width() - 2 * self.frameWidth() - bar - margin, 40)

    def _note_height(self, text: str, width: int) -> int:
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        rect = self.fontMetrics().boundingRect(QRect(0, 0, width, 100_000), flags, text)
        return max(rect.height(), self.fontMetrics().height()) + 6

    def fit_notes(self) -> None:
        width = self.note_text_width()
        self._note_width = width
        header = self.verticalHeader()
        heights: dict[str, int] = {}  # most notes of a drop say the same few things
        for number, row in enumerate(self.attach_model.rows):
            height = heights.get(row.note)
            if height is None:
                height = heights[row.note] = self._note_height(row.note, width)
            header.resizeSection(2 * number + 1, height)

    def _fit_note(self, number: int) -> None:
        if self._note_width > 0:
            note = self.attach_model.rows[number].note
            self.verticalHeader().resizeSection(
                2 * number + 1, self._note_height(note, self._note_width)
            )

    def _notes_changed(self, first: QModelIndex, last: QModelIndex) -> None:
        if first.row() != last.row() and self._note_width > 0:  # all of them: a new language
            self.fit_notes()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.note_text_width() != self._note_width:
            self.fit_notes()

    # --- the keyboard ----------------------------------------------------------------------

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        action = QAbstractItemView.CursorAction
        if cursorAction not in (action.MoveNext, action.MovePrevious):
            index = super().moveCursor(cursorAction, modifiers)
            if index.isValid() and index.row() % 2:  # up or down onto a note: to the next file
                step = 1 if cursorAction in (action.MoveDown, action.MovePageDown) else -1
                row = index.row() + step
                if 0 <= row < self.model().rowCount():
                    return self._enabled(self.model().index(row, index.column()))
                return self.currentIndex()
            return index
        stops = self._stops()
        current = self.currentIndex()
        here = (current.row() // 2, current.column()) if current.isValid() else None
        if here not in stops:
            return self.model().index(0, 0) if cursorAction == action.MoveNext else QModelIndex()
        at = stops.index(here) + (1 if cursorAction == action.MoveNext else -1)
        if not 0 <= at < len(stops):
            return QModelIndex()  # out of the table, to the buttons
        number, column = stops[at]
        return self.attach_model.cell(number, column)

    def _stops(self) -> list[tuple[int, int]]:
        stops = []
        for number, row in enumerate(self.attach_model.rows):
            stops.append((number, COL_FILE))
            if row.include:
                stops.extend((number, column) for column in DATE_COLUMNS)
        return stops

    def _enabled(self, index: QModelIndex) -> QModelIndex:
        if index.flags() & Qt.ItemFlag.ItemIsEnabled:
            return index
        return self.model().index(index.row(), COL_FILE)


class AttachDialog(QDialog):
    def __init__(self, reviews: Sequence[FileReview], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self._phrases: dict[str, str] = {}
        self.model = AttachModel(reviews, self._note, self)
        self.rows: list[AttachRow] = self.model.rows
        self.table = AttachTable(self.model, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.model.includeChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        notes = 2 * self.table.line_height  # a file's line and (mostly) one line of note
        self.resize(760, min(160 + notes * len(reviews), 560))

    def chosen(self) -> list[tuple[Path, dict[str, Any]]]:
        """(file, its dates) of every ticked file, in the drop's order."""
        return [(r.review.path, r.meta()) for r in self.rows if r.include]

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Attach files: check their dates"))
        self.hint.setText(
            self.tr(
                "A record counts for the audit only with its date. Check the date proposed for"
                " each file and the period it covers (a yearly plan, a quarterly report), and"
                " correct them where needed."
            )
        )
        labels = ["", self.tr("Document date"), self.tr("Covers from"), self.tr("to")]
        self.model.set_header_labels(labels)
        self.table.fit_header(labels)
        self.ok.setText(self.tr("Attach"))
        self._phrases = {
            "empty": self.tr("The file is empty (0 bytes) and proves nothing."),
            "has": self.tr("The item already has this file: %1."),
            "twice": self.tr("The same file is in this drop twice."),
            "by hand": self.tr("Date given by hand."),
            "old": self.tr(
                "The date %1 in %2 is before 2000 and is not proposed: give the document date."
            ),
            "future": self.tr(
                "The date %1 in %2 is in the future and is not proposed: give the document date."
            ),
            "locked": self.tr("The file is encrypted: its contents could not be read for a date."),
            "too_large": self.tr("The file is too large: its contents were not read for a date."),
            "damaged": self.tr(
                "The file cannot be read (damaged, or not what its name says): its contents"
                " give no date."
            ),
            "none": self.tr("No date found: give the document date."),
            "period": self.tr("The period %1 to %2 in %3 is implausible and is not proposed."),
            "date name": self.tr("Date taken from the file name."),
            "date text": self.tr("Date taken from the document's text."),
            "date properties": self.tr("Date taken from the document properties."),
            "date pdf": self.tr("Date taken from the PDF's properties."),
            "period name": self.tr("Period taken from the file name."),
            "period text": self.tr("Period taken from the document's text."),
            "in name": self.tr("the file name"),
            "in text": self.tr("the document's text"),
            "in properties": self.tr("the document properties"),
            "in pdf": self.tr("the PDF's properties"),
        }
        self.model.refresh_notes()
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok.setEnabled(any(r.include for r in self.rows))

    def _note(self, row: AttachRow) -> str:
        say = self._phrases
        review = row.review
        problems = []
        if review.empty:
            problems.append(say["empty"])
        if review.duplicate_of:
            names = ", ".join(f"“{t}”" for t in review.duplicate_of)
            problems.append(fill(say["has"], names))
        if review.repeated:
            problems.append(say["twice"])
        proposal = review.proposal
        from ipaudit.services.evidence_dates import number_note  # (loaded by the reading)

        number = number_note(proposal)  # HT-20250101: a document number, not the date
        if number is not None:
            problems.append(i18n.text(number))
        day = row.doc_date.value()
        if day is not None:
            if day == proposal.doc_date and proposal.source:
                problems.append(say.get("date " + proposal.source, ""))
            else:
                problems.append(say["by hand"])
        elif proposal.doubtful is not None:
            # (its module, with its many patterns, is loaded by the reading that proposed this)
            from ipaudit.domain.dates_in_text import EARLIEST

            text = say["old"] if proposal.doubtful < EARLIEST else say["future"]
            where = say.get("in " + proposal.doubtful_source, "")
            problems.append(fill(text, proposal.doubtful.isoformat(), where))
        else:
            unread = "locked" if proposal.locked else proposal.unread
            if unread in ("locked", "too_large", "damaged"):
                problems.append(say[unread])
            problems.append(say["none"])
        period = (row.period_start.value(), row.period_end.value())
        if proposal.doubtful_period is not None and period == (None, None):
            first, last = proposal.doubtful_period
            where = say.get("in " + proposal.period_source, "")
            problems.append(fill(say["period"], first.isoformat(), last.isoformat(), where))
        elif proposal.period_source and period == (proposal.period_start, proposal.period_end):
            problems.append(say.get("period " + proposal.period_source, ""))
        # Chinese sentences follow each other without a space, English ones with one
        return "".join(
            p if p.endswith("。") or n == len(problems) - 1 else p + " "
            for n, p in enumerate(problems)
        )

    def select_file(self, number: int, column: int = COL_FILE) -> QModelIndex:
        """Make file ``number``'s cell current (and in view); its index."""
        index = self.model.cell(number, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return index
