"""The editor of one corrective action: the nonconformity, its root cause, correction and corrective
action, owner and due date, the evidence of completion and the verification of effectiveness.

It only edits a copy: ``edited()`` returns the action as the form shows it; the view stores it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.corrective_actions import (
    GRADE_TEXT,
    SOURCE_TEXT,
    STATUS_TEXT,
    ActionStatus,
    CorrectiveAction,
    NcSource,
    close_missing,
)
from ipaudit.domain.model import Grade
from ipaudit.ui import i18n

NO_DATE = QDate(2000, 1, 1)  # the date edits' "no date" value


class OptionalDate(QDateEdit):
    """A date edit whose lowest value stands for "no date"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("—")
        self.set_value(None)

    def value(self) -> dt.date | None:
        d = self.date()
        return None if d == NO_DATE else dt.date(d.year(), d.month(), d.day())

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


def _text_box(lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class ActionEditor(QWidget):
    saveRequested = Signal()
    doneRequested = Signal()
    verifyRequested = Signal()
    attachRequested = Signal()
    itemRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base: CorrectiveAction | None = None
        self.evidence_names: dict[int, str] = {}
        #: the checklist items by key: their titles as the user reads them
        self.item_titles: dict[str, str] = {}

        self.title = QLabel()
        self.title.setObjectName("actionTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)

        self.source = QComboBox()
        self.grade = QComboBox()
        self.clause = QLineEdit()
        self.department = QComboBox()
        self.raised = OptionalDate()
        self.origin = QLabel()
        self.origin.setObjectName("actionOrigin")
        self.origin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finding = _text_box(2)
        self.root_cause = _text_box(2)
        self.correction = _text_box(2)
        self.action = _text_box(2)
        self.owner = QLineEdit()
        self.due = OptionalDate()
        self.status = QComboBox()
        self.completed = OptionalDate()
        self.items = QLineEdit()
        self.items.setObjectName("linkedItems")
        self.evidence = QLabel()
        self.evidence.setWordWrap(True)
        self.attach = QPushButton()
        self.attach.clicked.connect(self.attachRequested)
        self.go_to_item = QPushButton()
        self.go_to_item.clicked.connect(self._go_to_item)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # a narrow pane (a laptop's screen) puts a field under its label instead of clipping it
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._rows: list[tuple[QLabel, QWidget]] = []
        for widget in (
            self.source,
            self.grade,
            self.clause,
            self.department,
            self.raised,
            self.origin,
            self.finding,
            self.root_cause,
            self.correction,
            self.action,
            self.owner,
            self.due,
            self.status,
            self.completed,
            self.items,
        ):
            label = QLabel()
            label.setBuddy(widget)
            self._rows.append((label, widget))
            self.form.addRow(label, widget)
        evidence_row = QHBoxLayout()
        evidence_row.addWidget(self.evidence, 1)
        evidence_row.addWidget(self.attach)
        evidence_row.addWidget(self.go_to_item)
        self.evidence_label = QLabel()
        self.form.addRow(self.evidence_label, evidence_row)

        self.verification = QGroupBox()
        self.verified_on = OptionalDate()
        self.verified_by = QLineEdit()
        self.verified_result = _text_box(2)
        self.effective = QCheckBox()
        self.effective.setChecked(True)
        self.verify = QPushButton()
        self.verify.setObjectName("verifyAction")
        self.verify.clicked.connect(self.verifyRequested)
        #: why this login may not record a verification ("" when it may): the group stays
        #: disabled, and this line and the tool tips say why
        self.verify_refused = ""
        self.verify_note = QLabel()
        self.verify_note.setObjectName("verifyRefused")
        self.verify_note.setWordWrap(True)
        self.verify_note.setStyleSheet("color: palette(dark);")
        self.verify_note.hide()
        vform = QFormLayout(self.verification)
        self._vlabels = [QLabel(), QLabel(), QLabel()]
        fields: tuple[QWidget, ...] = (self.verified_on, self.verified_by, self.verified_result)
        for label, field in zip(self._vlabels, fields, strict=True):
            label.setBuddy(field)
            vform.addRow(label, field)
        vrow = QHBoxLayout()
        vrow.addWidget(self.effective)
        vrow.addStretch(1)
        vrow.addWidget(self.verify)
        vform.addRow(vrow)
        vform.addRow(self.verify_note)

        self.save = QPushButton()
        self.save.setObjectName("saveAction")
        self.save.setDefault(True)
        self.save.clicked.connect(self.saveRequested)
        self.done = QPushButton()
        self.done.setObjectName("markDone")
        self.done.clicked.connect(self.doneRequested)
        # "Mark done" follows what closing needs as the form shows it, typing included
        for box in (self.root_cause, self.action, self.correction):
            box.textChanged.connect(self._show_done)
        self.owner.textChanged.connect(self._show_done)
        self.grade.currentIndexChanged.connect(self._show_done)
        top = QHBoxLayout()  # the buttons stay in sight above the long form
        top.addWidget(self.title, 1)
        top.addWidget(self.done)
        top.addWidget(self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addWidget(self.verification)
        layout.addStretch(1)
        self.retranslate_ui()
        self.load(None)

    # --- choices -----------------------------------------------------------------------------

    def set_items(self, titles: dict[str, str]) -> None:
        """The checklist's item titles by key: the linked items are shown and typed by title."""
        keys = self._item_keys()
        self.item_titles = dict(titles)
        self.items.setText(self._titles_text(keys))
        completer = QCompleter(list(self.item_titles.values()), self.items)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.items.setCompleter(completer)

    def _titles_text(self, keys: tuple[str, ...]) -> str:
        return "；".join(self.item_titles.get(k, k) for k in keys)

    def _item_keys(self) -> tuple[str, ...]:
        """The items the field names (by title, or by key as older records hold them)."""
        by_title = {t: k for k, t in self.item_titles.items()}
        keys: list[str] = []
        for part in re.split(r"[;；\n]", self.items.text()):
            part = part.strip()
            if part in by_title:
                keys.append(by_title[part])
            else:  # keys, as the field took them before: separated by commas
                keys += [k.strip() for k in re.split(r"[,，]", part) if k.strip()]
        return tuple(keys)

    def set_departments(self, names: dict[str, str]) -> None:
        current = self.department.currentData()
        self.department.clear()
        self.department.addItem("—", "")
        for key, name in names.items():
            self.department.addItem(name, key)
        at = self.department.findData(current)
        self.department.setCurrentIndex(max(at, 0))

    def _fill_choices(self) -> None:
        for box, values in (
            (self.source, [(s, SOURCE_TEXT[s]) for s in NcSource]),
            (
                self.grade,
                [(g, GRADE_TEXT[g]) for g in (Grade.MAJOR, Grade.MINOR, Grade.OBSERVATION)],
            ),
            (
                self.status,
                [(s, STATUS_TEXT[s]) for s in ActionStatus if s is not ActionStatus.VERIFIED],
            ),
        ):
            current = box.currentData()
            box.clear()
            for value, text in values:
                box.addItem(i18n.text(text), value.value)
            box.setCurrentIndex(max(box.findData(current), 0))

    # --- loading and reading -----------------------------------------------------------------

    def load(
        self, action: CorrectiveAction | None, evidence_names: dict[int, str] | None = None
    ) -> None:
        """Show ``action`` (None: a new one, blank)."""
        self.base = action
        self.evidence_names = evidence_names or {}
        a = action or CorrectiveAction("", NcSource.INTERNAL_AUDIT, "", raised=dt.date.today())
        self.source.setCurrentIndex(max(self.source.findData(a.source.value), 0))
        self.grade.setCurrentIndex(max(self.grade.findData(a.grade.value), 0))
        self.clause.setText(a.clause)
        self.department.setCurrentIndex(max(self.department.findData(a.department), 0))
        self.raised.set_value(a.raised)
        self.origin.setText(a.origin or "—")
        self.finding.setPlainText(a.finding)
        self.root_cause.setPlainText(a.root_cause)
        self.correction.setPlainText(a.correction)
        self.action.setPlainText(a.action)
        self.owner.setText(a.owner)
        self.due.set_value(a.due)
        verified = a.status is ActionStatus.VERIFIED
        if verified:
            self.status.setCurrentIndex(self.status.findData(ActionStatus.DONE.value))
        else:
            self.status.setCurrentIndex(max(self.status.findData(a.status.value), 0))
        self.completed.set_value(a.completed)
        self.items.setText(self._titles_text(a.item_keys))
        v = a.verification
        self.verified_on.set_value(v.date if v else None)
        self.verified_by.setText(v.by if v else "")
        self.verified_result.setPlainText(v.result if v else "")
        self.effective.setChecked(v.effective if v else True)
        self._show_state()

    def _show_state(self) -> None:
        a = self.base
        if a is None:
            self.title.setText(self.tr("New corrective action"))
        else:
            state = i18n.text(STATUS_TEXT[a.status])
            self.title.setText(self.tr("%1 · %2").replace("%1", a.key).replace("%2", state))
        names = [self.evidence_names.get(i, f"#{i}") for i in (a.evidence_ids if a else ())]
        self.evidence.setText(
            "、".join(names) if names else self.tr("No evidence of completion yet.")
        )
        stored = a is not None
        self.attach.setEnabled(stored)
        finished = stored and a is not None and a.status.finished
        self.verification.setEnabled(finished and not self.verify_refused)
        self.verification.setToolTip(self.verify_refused)
        self.verify.setToolTip(self.verify_refused)
        self.verify_note.setText(self.verify_refused)
        self.verify_note.setVisible(bool(self.verify_refused) and finished)
        # reopening a verified action takes the manager's verification away: the manager's too
        reopen_refused = (
            bool(self.verify_refused) and a is not None and a.status is ActionStatus.VERIFIED
        )
        self.status.setEnabled(not reopen_refused)
        self.status.setToolTip(
            self.tr("Verified: only the compliance manager's login may reopen it.")
            if reopen_refused
            else ""
        )
        self.go_to_item.setEnabled(bool(a and a.item_keys))
        self._show_done()

    def refuse_verification(self, reason: str) -> None:
        """Keep the verification disabled, saying ``reason`` ("": it may be recorded)."""
        self.verify_refused = reason
        self._show_state()

    def done_missing(self) -> list[str]:
        """What the action as the form shows it lacks to be marked done (the services' rule,
        ``CLOSE_REQUIRES``), in the UI language; empty when it can be."""
        if self.base is None or self.grade.currentData() is None:
            return []
        return [i18n.text(t) for t in close_missing(self.edited())]

    def _show_done(self) -> None:
        """ "Mark done" is enabled once the action holds what closing needs; otherwise its tool
        tip says what is missing."""
        a = self.base
        if a is None or a.status.finished:
            self.done.setEnabled(False)
            self.done.setToolTip("")
            return
        missing = self.done_missing()
        self.done.setEnabled(not missing)
        self.done.setToolTip(
            self.tr("To mark it done, fill in: %1").replace(
                "%1", ("、" if i18n.language() == "zh" else ", ").join(missing)
            )
            if missing
            else self.tr("Record the action as done today (or on the day under Completed on)")
        )

    def edited(self) -> CorrectiveAction:
        """The action as the form shows it (over the loaded one; a new one has no key yet)."""
        base = self.base or CorrectiveAction("", NcSource.INTERNAL_AUDIT, "")
        status = ActionStatus(self.status.currentData())
        if base.status is ActionStatus.VERIFIED and status is ActionStatus.DONE:
            status = ActionStatus.VERIFIED  # the form shows a verified action as done
        return replace(
            base,
            source=NcSource(self.source.currentData()),
            grade=Grade(self.grade.currentData()),
            clause=self.clause.text().strip(),
            department=self.department.currentData() or "",
            raised=self.raised.value(),
            finding=self.finding.toPlainText().strip(),
            root_cause=self.root_cause.toPlainText().strip(),
            correction=self.correction.toPlainText().strip(),
            action=self.action.toPlainText().strip(),
            owner=self.owner.text().strip(),
            due=self.due.value(),
            status=status,
            completed=self.completed.value(),
            item_keys=self._item_keys(),
        )

    def _go_to_item(self) -> None:
        if self.base is not None and self.base.item_keys:
            self.itemRequested.emit(self.base.item_keys[0])

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self._fill_choices()
        titles = (
            self.tr("Source"),
            self.tr("Grade"),
            self.tr("Clause"),
            self.tr("Department"),
            self.tr("Found on"),
            self.tr("Found in"),
            self.tr("Nonconformity"),
            self.tr("Root cause"),
            self.tr("Correction"),
            self.tr("Corrective action"),
            self.tr("Owner"),
            self.tr("Due"),
            self.tr("Status"),
            self.tr("Completed on"),
            self.tr("Checklist items"),
        )
        for (label, _widget), title in zip(self._rows, titles, strict=True):
            label.setText(title)
        self.evidence_label.setText(self.tr("Evidence"))
        self.attach.setText(self.tr("Attach file…"))
        self.go_to_item.setText(self.tr("Go to item"))
        self.verification.setTitle(self.tr("Verification of effectiveness"))
        for label, title in zip(
            self._vlabels,
            (self.tr("Verified on"), self.tr("Verified by"), self.tr("Result")),
            strict=True,
        ):
            label.setText(title)
        self.items.setPlaceholderText(self.tr("item titles, separated by ；"))
        self.items.setToolTip(self.tr("The checklist items holding the evidence of completion"))
        self.effective.setText(self.tr("Effective"))
        self.verify.setText(self.tr("Record verification"))
        self.save.setText(self.tr("Save"))
        self.done.setText(self.tr("Mark done"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
