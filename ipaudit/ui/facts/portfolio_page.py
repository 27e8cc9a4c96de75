"""Facts page 4: other certificates, the IP portfolio counts and the other declared facts."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.facts import EXTRA_KEYS, PORTFOLIO_TYPES
from ipaudit.domain.model import Facts, Text
from ipaudit.ui.facts.facts_change import FactsChange
from ipaudit.ui.facts.field_binding import FieldBinding
from ipaudit.ui.facts.list_buttons import ListButtons
from ipaudit.ui.facts.text_list_model import TextListModel

#: spin box value meaning "not declared" (shown as text, not as a number)
UNDECLARED = -1
MAX_COUNT = 1_000_000


class PortfolioPage(QWidget):
    changed = Signal(object)  # FactsChange

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.certificates_box = QGroupBox()
        self.certificates_model = TextListModel(self)
        self.certificates_view = QListView()
        self.certificates_view.setModel(self.certificates_model)
        self.certificates_view.setSpacing(1)
        self.certificates_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.certificates_buttons = ListButtons(self.certificates_view)
        self.certificates_buttons.watch_selection()
        box = QVBoxLayout(self.certificates_box)
        self.certificates_hint = QLabel()
        self.certificates_hint.setWordWrap(True)
        box.addWidget(self.certificates_hint)
        box.addWidget(self.certificates_view, 1)
        box.addWidget(self.certificates_buttons)

        self.portfolio_box = QGroupBox()
        self.portfolio_form = QFormLayout(self.portfolio_box)
        self.portfolio: dict[str, QSpinBox] = {}
        self.portfolio_labels: dict[str, QLabel] = {}
        self._bindings: dict[str, FieldBinding] = {}
        for kind in PORTFOLIO_TYPES:
            spin = QSpinBox()
            spin.setRange(UNDECLARED, MAX_COUNT)
            spin.setValue(UNDECLARED)
            spin.setAccelerated(True)
            spin.setMinimumWidth(120)
            spin.setMaximumWidth(180)
            self.portfolio[kind] = spin
            self.portfolio_labels[kind] = self._add_field(
                self.portfolio_form,
                spin,
                f"portfolio.{kind}",
                partial(self._portfolio_committed, kind),
            )

        self.extra_box = QGroupBox()
        self.extra_form = QFormLayout(self.extra_box)
        self.extra: dict[str, QLineEdit] = {}
        self.extra_labels: dict[str, QLabel] = {}
        for key in EXTRA_KEYS:
            edit = QLineEdit()
            edit.setClearButtonEnabled(True)
            self.extra[key] = edit
            self.extra_labels[key] = self._add_field(
                self.extra_form, edit, f"extra.{key}", partial(self._extra_committed, key)
            )

        right = QVBoxLayout()
        right.addWidget(self.portfolio_box)
        right.addWidget(self.extra_box)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.certificates_box, 1)
        layout.addLayout(right, 1)

        self.certificates_model.textsEdited.connect(self._certificates_edited)
        self.certificates_buttons.add_button.clicked.connect(self._add_certificate)
        self.certificates_buttons.remove_button.clicked.connect(
            lambda: self.certificates_model.remove_text(self.certificates_buttons.selected_row())
        )
        self._facts = Facts()
        self.retranslate_ui()

    def _add_field(
        self,
        form: QFormLayout,
        field: QSpinBox | QLineEdit,
        binding: str,
        committed: Callable[[], None],
    ) -> QLabel:
        """A labelled row of ``form`` whose commits call ``committed``; returns its label."""
        label = QLabel()
        label.setBuddy(field)
        form.addRow(label, field)
        bound = FieldBinding(field, self)
        bound.committed.connect(lambda _value: committed())
        self._bindings[binding] = bound
        return label

    # --- loading -----------------------------------------------------------------------------

    def load(self, facts: Facts, departments: list[tuple[str, Text]], read_only: bool) -> None:
        self._facts = facts
        self.certificates_model.set_rows(facts.certificates, read_only=read_only)
        self.certificates_buttons.setVisible(not read_only)
        for kind, spin in self.portfolio.items():
            self._bindings[f"portfolio.{kind}"].load(facts.portfolio.get(kind, UNDECLARED))
            spin.setReadOnly(read_only)
        for key, edit in self.extra.items():
            self._bindings[f"extra.{key}"].load(facts.extra.get(key, ""))
            edit.setReadOnly(read_only)

    def flush(self) -> None:
        for binding in self._bindings.values():
            binding.flush()

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.certificates_box.setTitle(self.tr("Other certificates"))
        self.certificates_hint.setText(
            self.tr("Certificates the management representative mentions, e.g. ISO 9001 or CMMI3")
        )
        self.certificates_buttons.retranslate_ui(self.tr("Add"), self.tr("Remove"))
        self.portfolio_box.setTitle(self.tr("IP portfolio (granted and registered, as declared)"))
        names = {
            "invention": self.tr("Invention patents:"),
            "utility_model": self.tr("Utility model patents:"),
            "design": self.tr("Design patents:"),
            "software_copyright": self.tr("Software copyrights:"),
            "trademark": self.tr("Trademarks:"),
        }
        for kind, label in self.portfolio_labels.items():
            label.setText(names.get(kind, kind))
            self.portfolio[kind].setSpecialValueText(self.tr("not declared"))
        self.extra_box.setTitle(self.tr("Other declared facts"))
        extra_names = {
            "projects_in_progress": self.tr("R&&D projects in progress:"),
            "search_phases": self.tr("Phases with IP searches:"),
            "manual_version": self.tr("Current IP manual version:"),
        }
        placeholders = {
            "projects_in_progress": self.tr("e.g. 4"),
            "search_phases": self.tr("e.g. initiation and design phases"),
            "manual_version": self.tr("e.g. A/1"),
        }
        for key, label in self.extra_labels.items():
            label.setText(extra_names.get(key, key))
            self.extra[key].setPlaceholderText(placeholders.get(key, ""))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- edits -------------------------------------------------------------------------------

    def _certificates_edited(self) -> None:
        self.changed.emit(
            FactsChange(
                self.tr("Edit the certificates"),
                {"certificates": self.certificates_model.texts()},
            )
        )

    def _add_certificate(self) -> None:
        row = self.certificates_model.add_text()
        index = self.certificates_model.index(row)
        self.certificates_view.setCurrentIndex(index)
        self.certificates_view.edit(index)

    def _portfolio_committed(self, kind: str) -> None:
        portfolio = dict(self._facts.portfolio)
        value = self.portfolio[kind].value()
        if value == UNDECLARED:
            portfolio.pop(kind, None)
        else:
            portfolio[kind] = value
        label = self.portfolio_labels[kind].text().rstrip(":：")
        self._emit(f"portfolio.{kind}", label, {"portfolio": portfolio})

    def _extra_committed(self, key: str) -> None:
        extra = dict(self._facts.extra)
        value = self.extra[key].text().strip()
        if value:
            extra[key] = value
        else:
            extra.pop(key, None)
        label = self.extra_labels[key].text().replace("&&", "&").rstrip(":：")
        self._emit(f"extra.{key}", label, {"extra": extra})

    def _emit(self, binding: str, label: str, fields: dict[str, object]) -> None:
        """One field's change; the saves of one typing session in it are one undo step."""
        session = self._bindings[binding].session
        self.changed.emit(
            FactsChange(self.tr("Edit %1").replace("%1", label), fields, f"{binding}#{session}")
        )
