"""Where a new file goes: for a record set the instance × sub-record, for yearly records the year.
Also names the instances of a record set (e.g. the three R&D projects)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from ipaudit.domain.checks import covers_year
from ipaudit.domain.model import Evidence, Item, ItemKind, ItemState
from ipaudit.ui.checklist.lang import fill, text_of
from ipaudit.ui.checklist.slots import DEFAULT_INSTANCE_LABEL

DONE = "✓"
MISSING = "✗"


class SlotChooser(QWidget):
    """Built for one item (a record set or yearly records); ``set_data`` refreshes its marks."""

    instanceNamesEdited = Signal(list)

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.state = ItemState(item.key)
        self.years: list[int] = []
        self.evidence: list[Evidence] = []
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.instance = QComboBox(self)
        self.sub_record = QComboBox(self)
        self.year = QComboBox(self)
        for combo in (self.instance, self.sub_record, self.year):  # long names: no sideways scroll
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.instance_label = QLabel(self)
        self.sub_record_label = QLabel(self)
        self.year_label = QLabel(self)
        self.name_labels: list[QLabel] = []
        self.name_edits: list[QLineEdit] = []
        if item.kind is ItemKind.RECORD_SET:
            self.form.addRow(self.instance_label, self.instance)
            self.form.addRow(self.sub_record_label, self.sub_record)
            for _ in range(item.instances):
                label = QLabel(self)
                edit = QLineEdit(self)
                label.setBuddy(edit)
                edit.editingFinished.connect(self._names_edited)
                self.name_labels.append(label)
                self.name_edits.append(edit)
                self.form.addRow(label, edit)
            self.year.setVisible(False)
            self.year_label.setVisible(False)
        else:
            self.form.addRow(self.year_label, self.year)
            for w in (self.instance, self.sub_record, self.instance_label, self.sub_record_label):
                w.setVisible(False)
        self.instance.currentIndexChanged.connect(lambda _i: self._fill_sub_records())
        self.retranslate_ui()

    # --- public ------------------------------------------------------------------------------

    def set_data(
        self, state: ItemState, evidence: Sequence[Evidence], years: Sequence[int]
    ) -> None:
        """Fresh state and files: coverage marks and names follow, the choice is kept."""
        keep = self.slot()
        self.state = state
        self.evidence = [e for e in evidence if e.current]
        self.years = list(years)
        self._fill()
        if keep:
            self.set_slot(keep)

    def slot(self) -> str:
        if self.item.kind is ItemKind.RECORD_SET:
            inst = self.instance.currentData()
            sub = self.sub_record.currentData()
            return f"{inst}/{sub}" if inst and sub else ""
        if self.item.kind is ItemKind.YEARLY:
            year = self.year.currentData()
            return f"year:{year}" if year else ""
        return ""

    def set_slot(self, slot: str) -> None:
        if slot.startswith("year:"):
            i = self.year.findData(int(slot[5:]))
            if i >= 0:
                self.year.setCurrentIndex(i)
            return
        inst, _, sub = slot.partition("/")
        if inst.isdigit():
            i = self.instance.findData(int(inst))
            if i >= 0:
                self.instance.setCurrentIndex(i)
            j = self.sub_record.findData(sub)
            if j >= 0:
                self.sub_record.setCurrentIndex(j)

    def instance_names(self) -> list[str]:
        return [e.text().strip() for e in self.name_edits]

    # --- filling -----------------------------------------------------------------------------

    def _label(self) -> str:
        return text_of(self.item.instance_label or DEFAULT_INSTANCE_LABEL)

    def _fill(self) -> None:
        item, state = self.item, self.state
        if item.kind is ItemKind.RECORD_SET:
            current = self.instance.currentIndex()
            self.instance.blockSignals(True)
            self.instance.clear()
            have = {e.slot for e in self.evidence}
            for i in range(1, item.instances + 1):
                complete = all(f"{i}/{s.key}" in have for s in item.sub_records)
                name = state.instance_names[i - 1] if i <= len(state.instance_names) else ""
                text = f"{self._label()} {i}" + (f" ({name})" if name else "")
                self.instance.addItem(f"{DONE if complete else MISSING}  {text}", i)
            self.instance.setCurrentIndex(max(0, min(current, item.instances - 1)))
            self.instance.blockSignals(False)
            self._fill_sub_records()
            for i, edit in enumerate(self.name_edits, start=1):
                name = state.instance_names[i - 1] if i <= len(state.instance_names) else ""
                if not edit.hasFocus() or not edit.isModified():
                    edit.setText(name)
                    edit.setModified(False)
        elif item.kind is ItemKind.YEARLY:
            current = self.year.currentData()
            self.year.clear()
            self.year.addItem(self.tr("By the file's date or period"), 0)
            for y in self.years:
                done = any(covers_year(e, y) for e in self.evidence)
                self.year.addItem(f"{DONE if done else MISSING}  {y}", y)
            i = self.year.findData(current) if current is not None else -1
            self.year.setCurrentIndex(i if i >= 0 else 0)

    def _fill_sub_records(self) -> None:
        item = self.item
        if item.kind is not ItemKind.RECORD_SET:
            return
        inst = self.instance.currentData() or 1
        have = {e.slot for e in self.evidence}
        current = self.sub_record.currentIndex()
        self.sub_record.clear()
        for s in item.sub_records:
            mark = DONE if f"{inst}/{s.key}" in have else MISSING
            self.sub_record.addItem(f"{mark}  {text_of(s.title)}", s.key)
        if self.sub_record.count():
            if current < 0:  # start with the first missing sub-record
                missing = [
                    i for i, s in enumerate(item.sub_records) if f"{inst}/{s.key}" not in have
                ]
                current = missing[0] if missing else 0
            self.sub_record.setCurrentIndex(min(current, self.sub_record.count() - 1))

    def _names_edited(self) -> None:
        for edit in self.name_edits:
            edit.setModified(False)  # saved: later refreshes may show the stored names again
        names = self.instance_names()
        while names and not names[-1]:
            names.pop()
        if tuple(names) != tuple(self.state.instance_names):
            self.instanceNamesEdited.emit(names)

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        label = self._label()
        self.instance_label.setText(fill(self.tr("Attach to %1:"), label))
        self.sub_record_label.setText(self.tr("Record:"))
        self.year_label.setText(self.tr("Attach for year:"))
        for number, (name_label, edit) in enumerate(
            zip(self.name_labels, self.name_edits, strict=True), start=1
        ):
            name_label.setText(fill(self.tr("Name of %1 %2:"), label, number))
            edit.setPlaceholderText(self.tr("e.g. the project's name"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
