"""Facts page 1: the objectives list with targets and the split by department (with the live sum
check), and under it the IP policy and the objectives as the manual words them.

The objectives list comes first, so that on a laptop screen (1366×768, or 1920×1080 at 125 %) it is
in view without scrolling; a splitter gives the policy more room when it is being written. Long
department names in the split's header wrap into two lines; the tool tip names the department."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.model import Facts, Text
from ipaudit.domain.normalize import normalize_text
from ipaudit.ui.facts import objectives_model as om
from ipaudit.ui.facts.facts_change import FactsChange
from ipaudit.ui.facts.field_binding import FieldBinding
from ipaudit.ui.facts.list_buttons import ListButtons
from ipaudit.ui.facts.text_list_model import TextListModel


class PolicyPage(QWidget):
    changed = Signal(object)  # FactsChange

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.policy_box = QGroupBox()
        self.policy = QPlainTextEdit()
        self.policy.setTabChangesFocus(True)
        self.policy_binding = FieldBinding(self.policy, self)
        box = QVBoxLayout(self.policy_box)
        box.addWidget(self.policy)

        self.manual_box = QGroupBox()
        self.manual_model = TextListModel(self)
        self.manual_view = QListView()
        self.manual_view.setModel(self.manual_model)
        self.manual_view.setSpacing(1)
        self.manual_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.manual_buttons = ListButtons(self.manual_view)
        self.manual_buttons.watch_selection()
        box = QVBoxLayout(self.manual_box)
        box.addWidget(self.manual_view)
        box.addWidget(self.manual_buttons)

        self.objectives_box = QGroupBox()
        self.objectives_model = om.ObjectivesModel(self)
        self.objectives_view = QTableView()
        self.objectives_view.setModel(self.objectives_model)
        self.objectives_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.objectives_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.objectives_view.verticalHeader().hide()
        self.objectives_view.setWordWrap(False)
        self.objectives_view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.objectives_buttons = ListButtons(self.objectives_view)
        self.objectives_buttons.watch_selection()
        self.objectives_hint = QLabel()
        self.objectives_hint.setWordWrap(True)
        # a splitter does not ask for the height a wrapped text needs at its width: the hint
        # says it itself whenever its width changes (else the buttons would cover the list)
        self.objectives_hint.installEventFilter(self)
        box = QVBoxLayout(self.objectives_box)
        box.addWidget(self.objectives_hint)
        box.addWidget(self.objectives_view, 1)
        box.addWidget(self.objectives_buttons)

        wording = QWidget()
        row = QHBoxLayout(wording)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.policy_box, 3)
        row.addWidget(self.manual_box, 2)
        # a few lines each: the texts are short, and the objectives list above needs the height
        lines = self.fontMetrics().lineSpacing()
        self.policy.setMinimumHeight(3 * lines + 12)
        self.manual_view.setMinimumHeight(3 * lines + 12)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("policySplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.objectives_box)
        self.splitter.addWidget(wording)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

        self.policy_binding.committed.connect(self._policy_committed)
        self.manual_model.textsEdited.connect(self._manual_edited)
        self.manual_buttons.add_button.clicked.connect(self._add_manual)
        self.manual_buttons.remove_button.clicked.connect(
            lambda: self.manual_model.remove_text(self.manual_buttons.selected_row())
        )
        self.objectives_model.objectivesEdited.connect(self._objectives_edited)
        self.objectives_model.modelReset.connect(self._size_columns)
        self.objectives_buttons.add_button.clicked.connect(self._add_objective)
        self.objectives_buttons.remove_button.clicked.connect(
            lambda: self.objectives_model.remove_objective(self.objectives_buttons.selected_row())
        )
        self.retranslate_ui()

    # --- loading -----------------------------------------------------------------------------

    def load(self, facts: Facts, departments: list[tuple[str, Text]], read_only: bool) -> None:
        self.policy_binding.load(facts.policy)
        self.policy.setReadOnly(read_only)
        self.manual_model.set_rows(
            facts.manual_objectives, self._manual_problems(facts), read_only=read_only
        )
        self.objectives_model.set_rows(facts.objectives, departments, read_only=read_only)
        for buttons in (self.manual_buttons, self.objectives_buttons):
            buttons.setVisible(not read_only)

    def _manual_problems(self, facts: Facts) -> dict[int, str]:
        listed = {normalize_text(o.text) for o in facts.objectives}
        return {
            row: self.tr("Not in the objectives list above")
            for row, text in enumerate(facts.manual_objectives)
            if normalize_text(text) and normalize_text(text) not in listed
        }

    def flush(self) -> None:
        self.policy_binding.flush()

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.policy_box.setTitle(self.tr("IP policy (as written in the manual)"))
        self.policy.setPlaceholderText(self.tr("The policy wording, word for word"))
        self.manual_box.setTitle(self.tr("Objectives as worded in the manual"))
        self.manual_view.setToolTip(
            self.tr("Each objective the IP manual names must appear in the objectives list")
        )
        self.objectives_box.setTitle(self.tr("Objectives list and split by department"))
        self.objectives_hint.setText(
            self.tr(
                "Each department's share must add up to the company target; a row turns red"
                " when it does not. Percentages are not summed. Leave a share empty when a"
                " department has none."
            )
        )
        self._fit_hint()
        add, remove = self.tr("Add"), self.tr("Remove")
        self.manual_buttons.retranslate_ui(add, remove)
        self.objectives_buttons.retranslate_ui(
            self.tr("Add objective"), self.tr("Remove objective")
        )
        self.objectives_model.retranslate()
        self._size_columns()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.objectives_hint and event.type() == QEvent.Type.Resize:
            self._fit_hint()
        return super().eventFilter(watched, event)

    def _fit_hint(self) -> None:
        hint = self.objectives_hint
        needed = hint.heightForWidth(hint.width())
        if needed > 0 and needed != hint.minimumHeight():
            hint.setMinimumHeight(needed)

    # --- edits -------------------------------------------------------------------------------

    def _policy_committed(self, value: object) -> None:
        self.changed.emit(
            FactsChange(
                self.tr("Edit the IP policy"),
                {"policy": str(value).strip()},
                merge=f"policy#{self.policy_binding.session}",
            )
        )

    def _manual_edited(self) -> None:
        self.changed.emit(
            FactsChange(
                self.tr("Edit the manual's objectives"),
                {"manual_objectives": self.manual_model.texts()},
            )
        )

    def _objectives_edited(self) -> None:
        self.changed.emit(
            FactsChange(
                self.tr("Edit the objectives"), {"objectives": self.objectives_model.objectives()}
            )
        )

    def _add_manual(self) -> None:
        row = self.manual_model.add_text()
        index = self.manual_model.index(row)
        self.manual_view.setCurrentIndex(index)
        self.manual_view.edit(index)

    def _add_objective(self) -> None:
        row = self.objectives_model.add_objective()
        index = self.objectives_model.index(row, om.TEXT)
        self.objectives_view.setCurrentIndex(index)
        self.objectives_view.edit(index)

    def _size_columns(self) -> None:
        view, model = self.objectives_view, self.objectives_model
        header = view.horizontalHeader()
        metrics = header.fontMetrics()
        # a department column is about five Chinese characters (ten Latin letters) wide; a longer
        # name wraps into two lines, and no column is narrower than a share of four digits
        limit = max(
            metrics.horizontalAdvance("知识产权管"), metrics.horizontalAdvance("Management")
        )
        margin = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) + 6
        header.setMinimumSectionSize(metrics.horizontalAdvance("0000") + margin)
        texts = {
            col: om.two_lines(model.department_header(col), metrics.horizontalAdvance, limit)
            for col in range(om.FIRST_SPLIT, model.check_column)
        }
        model.set_header_texts(texts)
        header.setSectionResizeMode(om.TEXT, QHeaderView.ResizeMode.Stretch)
        for col in range(1, model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for col, text in texts.items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
            header.resizeSection(col, max(widest + margin, view.sizeHintForColumn(col)))
        view.setColumnWidth(om.TEXT, 200)
        # the header and three rows always show (the list is the first thing on the page)
        rows = 3 * max(view.verticalHeader().defaultSectionSize(), metrics.height() + 8)
        view.setMinimumHeight(header.sizeHint().height() + rows + 2 * view.frameWidth())
