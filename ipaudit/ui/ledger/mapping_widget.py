"""The column-mapping control of the import wizard: which ledger, which row is the header, the
amount unit, and per column the field it holds.

Changing the ledger or the header row detects the mapping again for that choice (the headers and
the values decide, as on import); choosing a field for a column takes it away from the column that
had it, so every field maps to at most one column. Beside each column: how sure the detection is of
its field, or — for a column not imported — the field its values look like. Header row 0 means the
sheet has no header: the data starts on row 1. ``changed`` fires on every change the user makes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ipaudit.ledger.cells import Cell, cell_text
from ipaudit.ledger.layout import SCAN_ROWS, detect_layout
from ipaudit.ledger.model import ColumnNote, LedgerKind
from ipaudit.ledger.synonyms import Synonyms, load_synonyms
from ipaudit.ui.ledger.texts import UNITS, column_letter, field_name, kind_name, unit_name

_HEADER_TEXT_WIDTH = 160


class MappingWidget(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, synonyms: Synonyms | None = None) -> None:
        super().__init__(parent)
        self.syn = synonyms or load_synonyms()
        self._rows: list[Sequence[Cell]] = []
        self._columns = 0
        self._mapping: dict[str, int] = {}
        self._confidence: dict[str, float] = {}  # field -> how sure the detection is
        self._looks_like: dict[int, str] = {}  # unused column -> the field its values look like
        self._updating = False

        self.kind_label = QLabel()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("mappingKind")
        for kind in LedgerKind:
            self.kind_combo.addItem("", kind.value)
        self.kind_label.setBuddy(self.kind_combo)
        self.header_label = QLabel()
        self.header_spin = QSpinBox()
        self.header_spin.setObjectName("mappingHeaderRow")
        self.header_spin.setRange(0, 1)
        self.header_label.setBuddy(self.header_spin)
        self.unit_label = QLabel()
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("mappingUnit")
        for unit in UNITS:
            self.unit_combo.addItem("", str(unit))
        self.unit_label.setBuddy(self.unit_combo)

        form = QFormLayout()
        form.addRow(self.kind_label, self.kind_combo)
        form.addRow(self.header_label, self.header_spin)
        form.addRow(self.unit_label, self.unit_combo)

        self.columns_title = QLabel()
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(2, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.grid_host)
        self.status = QLabel()
        self.status.setObjectName("mappingStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.columns_title)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.status)

        self.letters: list[QLabel] = []
        self.headers: list[QLabel] = []
        self.combos: list[QComboBox] = []
        self.hints: list[QLabel] = []  # confidence, or what an unused column looks like

        self.kind_combo.currentIndexChanged.connect(self._kind_or_header_changed)
        self.header_spin.valueChanged.connect(self._kind_or_header_changed)
        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        self.retranslate_ui()

    # --- public API --------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Sequence[Cell]]) -> None:
        """The preview rows (spreadsheet rows from row 1): one combo per column with content."""
        self._rows = list(rows)
        columns = 0
        for row in self._rows:
            for c in range(len(row) - 1, -1, -1):
                if cell_text(row[c]).strip():
                    columns = max(columns, c + 1)
                    break
        self._columns = columns
        self._updating = True
        self.header_spin.setRange(0, max(1, min(len(self._rows), SCAN_ROWS)))
        self._build_grid()
        self._updating = False

    def set_state(
        self,
        kind: LedgerKind,
        header_row: int,
        mapping: Mapping[str, int],
        unit: Decimal,
        confidence: Mapping[str, float] | None = None,
        unused: Sequence[ColumnNote] = (),
    ) -> None:
        """Show a layout (the detected or the remembered one); does not emit ``changed``.
        ``confidence``: per field, how sure the detection is (a remembered or chosen field is
        sure); ``unused``: the columns not imported, with what their values look like."""
        self._updating = True
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(kind.value), 0))
        self.header_spin.setValue(max(0, header_row))
        self._select_unit(unit)
        self._mapping = {f: c for f, c in mapping.items() if 0 <= c < self._columns}
        self._confidence = dict(confidence) if confidence is not None else {}
        self._looks_like = {n.column: n.looks_like for n in unused if n.looks_like}
        if confidence is not None:  # a detected column keeps its reading when unmapped
            self._looks_like.update({c: f for f, c in self._mapping.items()})
        self._refresh_columns()
        self._updating = False
        self._update_status()

    @property
    def kind(self) -> LedgerKind:
        return LedgerKind(self.kind_combo.currentData())

    @property
    def header_row(self) -> int:
        return self.header_spin.value()

    @property
    def unit(self) -> Decimal:
        return Decimal(self.unit_combo.currentData())

    def mapping(self) -> dict[str, int]:
        """Field -> 0-based column, ordered by column."""
        return dict(sorted(self._mapping.items(), key=lambda item: item[1]))

    def set_field(self, column: int, field: str | None) -> None:
        """Map ``column`` to ``field`` (None: not imported), as if the user had chosen it."""
        combo = self.combos[column]
        combo.setCurrentIndex(max(combo.findData(field or ""), 0))

    def confidence(self, field: str) -> float:
        """How sure the mapping of ``field`` is (1.0 when the user chose it)."""
        return self._confidence.get(field, 1.0) if field in self._mapping else 0.0

    def hint(self, column: int) -> str:
        """The text beside a column: its field's confidence, or what it looks like."""
        return self.hints[column].text() if 0 <= column < len(self.hints) else ""

    def missing(self) -> tuple[str, ...]:
        """Required fields of the chosen ledger that no column maps to."""
        return tuple(f for f in self.syn.kinds[self.kind].required if f not in self._mapping)

    def is_valid(self) -> bool:
        return not self.missing() and bool(self._mapping)

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.kind_label.setText(self.tr("&Ledger:"))
        for i in range(self.kind_combo.count()):
            self.kind_combo.setItemText(i, kind_name(LedgerKind(self.kind_combo.itemData(i))))
        self.header_label.setText(self.tr("&Header row:"))
        self.header_spin.setToolTip(
            self.tr("The spreadsheet row that holds the column titles; rows above it are skipped")
        )
        self.header_spin.setSpecialValueText(self.tr("none (data from row 1)"))
        self.unit_label.setText(self.tr("Amounts &in:"))
        for i in range(self.unit_combo.count()):
            self.unit_combo.setItemText(i, unit_name(Decimal(self.unit_combo.itemData(i))))
        self.columns_title.setText(self.tr("What each column holds (* required):"))
        self._refresh_columns()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- internals ---------------------------------------------------------------------------

    def _build_grid(self) -> None:
        for widget in (*self.letters, *self.headers, *self.combos, *self.hints):
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self.letters, self.headers, self.combos, self.hints = [], [], [], []
        for col in range(self._columns):
            letter = QLabel(column_letter(col))
            letter.setAlignment(Qt.AlignmentFlag.AlignCenter)
            header = QLabel()
            header.setMinimumWidth(60)
            header.setMaximumWidth(_HEADER_TEXT_WIDTH)
            combo = QComboBox()
            combo.setObjectName(f"mappingColumn{col}")
            combo.currentIndexChanged.connect(lambda _i, c=col: self._field_chosen(c))
            self.grid.addWidget(letter, col, 0)
            self.grid.addWidget(header, col, 1)
            hint = QLabel()
            hint.setObjectName(f"mappingHint{col}")
            self.grid.addWidget(combo, col, 2)
            self.grid.addWidget(hint, col, 3)
            self.letters.append(letter)
            self.headers.append(header)
            self.combos.append(combo)
            self.hints.append(hint)
        self.grid.setRowStretch(self._columns, 1)

    def _header_cells(self) -> Sequence[Cell]:
        row = self.header_row
        return self._rows[row - 1] if 1 <= row <= len(self._rows) else ()

    def _refresh_columns(self) -> None:
        """Header texts and combo contents for the current ledger, header row and mapping."""
        if not self.combos:
            return
        was = self._updating
        self._updating = True
        spec = self.syn.kinds[self.kind]
        field_of = {c: f for f, c in self._mapping.items()}
        cells = self._header_cells()
        metrics = self.fontMetrics()
        for col, combo in enumerate(self.combos):
            text = cell_text(cells[col]).strip() if col < len(cells) else ""
            self.headers[col].setText(
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, _HEADER_TEXT_WIDTH)
            )
            self.headers[col].setToolTip(text)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not imported)"), "")
            for field in spec.fields:
                mark = " *" if field in spec.required else ""
                combo.addItem(field_name(field) + mark, field)
            combo.setCurrentIndex(max(combo.findData(field_of.get(col, "")), 0))
            combo.blockSignals(False)
        self._show_hints()
        self._updating = was

    def _show_hints(self) -> None:
        field_of = {c: f for f, c in self._mapping.items()}
        for col, hint in enumerate(self.hints):
            field = field_of.get(col)
            if field is not None:
                sure = self.confidence(field)
                hint.setText(f"{sure:.0%}")
                hint.setToolTip(self.tr("How sure the detection is of this column's field"))
                hint.setStyleSheet("" if sure >= 0.75 else "color: #e67e00;")
            elif col in self._looks_like:
                hint.setText(
                    self.tr("looks like %1").replace("%1", field_name(self._looks_like[col]))
                )
                hint.setToolTip(
                    self.tr("The values look like this field, but the column is not imported")
                )
                hint.setStyleSheet("color: #e67e00;")
            else:
                hint.setText("")
                hint.setToolTip("")

    def _select_unit(self, unit: Decimal) -> None:
        pos = self.unit_combo.findData(str(unit))
        if pos < 0:
            self.unit_combo.addItem(unit_name(unit), str(unit))
            pos = self.unit_combo.count() - 1
        self.unit_combo.setCurrentIndex(pos)

    def _redetect(self) -> None:
        """Read the columns again for the current ledger and header row (headers and values)."""
        layout = detect_layout(
            self._rows, kind=self.kind, synonyms=self.syn, header_row=self.header_row
        )
        self._mapping = {f: c for f, c in layout.mapping.items() if c < self._columns}
        self._confidence = dict(layout.field_confidence)
        self._looks_like = {n.column: n.looks_like for n in layout.unused if n.looks_like}
        self._looks_like.update({c: f for f, c in self._mapping.items()})
        self._select_unit(layout.unit)

    def _kind_or_header_changed(self) -> None:
        if self._updating:
            return
        self._updating = True
        self._redetect()
        self._refresh_columns()
        self._updating = False
        self._update_status()
        self.changed.emit()

    def _unit_changed(self) -> None:
        if not self._updating:
            self.changed.emit()

    def _field_chosen(self, col: int) -> None:
        if self._updating:
            return
        field = self.combos[col].currentData() or ""
        self._mapping = {f: c for f, c in self._mapping.items() if c != col}
        if field:
            other = self._mapping.get(field)
            self._mapping[field] = col
            self._confidence[field] = 1.0  # the user's choice
            if other is not None and other != col:
                combo = self.combos[other]
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
        self._show_hints()
        self._update_status()
        self.changed.emit()

    def _update_status(self) -> None:
        missing = self.missing()
        if missing:
            names = ", ".join(field_name(f) for f in missing)
            self.status.setText(self.tr("Choose a column for: %1").replace("%1", names))
            self.status.setStyleSheet("color: #c62828;")
        elif not self._mapping:
            self.status.setText(self.tr("No column is mapped yet."))
            self.status.setStyleSheet("color: #c62828;")
        else:
            self.status.setText(self.tr("Every required column is mapped."))
            self.status.setStyleSheet("color: #2e7d32;")
