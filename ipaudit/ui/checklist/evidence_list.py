"""The evidence list of an item: files with their metadata and versions, actions, and a drop target."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.model import Evidence
from ipaudit.ui.checklist.drops import dropped_files
from ipaudit.ui.checklist.evidence_model import (
    COL_ADDED,
    COL_FILE,
    COL_SLOT,
    COL_TITLE,
    COLUMNS,
    EvidenceModel,
    EvidenceRow,
)


class EvidenceTree(QTreeView):
    """The file list; says what to do when it is empty and grows with its rows (up to a limit)."""

    MIN_ROWS = 3
    MAX_ROWS = 12

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(
                self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            )
            painter.drawText(
                self.viewport().rect().adjusted(12, 8, -12, -8),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                self.empty_text,
            )
            painter.end()

    def fit_rows(self) -> None:
        model = self.model()
        rows = 0
        if model is not None:
            rows = model.rowCount()
            rows += sum(
                model.rowCount(model.index(r, 0))
                for r in range(rows)
                if self.isExpanded(model.index(r, 0))
            )
        row_h = self.sizeHintForRow(0) if rows else self.fontMetrics().height() + 6
        shown = min(max(rows, self.MIN_ROWS), self.MAX_ROWS)
        frame = 2 * self.frameWidth()
        scroll = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(self.header().sizeHint().height() + shown * row_h + frame + scroll)


class EvidenceList(QWidget):
    filesDropped = Signal(list)
    addRequested = Signal()
    openRequested = Signal(object)
    replaceRequested = Signal(object)
    editRequested = Signal(object)
    removeRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.model = EvidenceModel(self)
        self.view = EvidenceTree(self)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformRowHeights(True)
        self.view.setAllColumnsShowFocus(True)
        self.view.setRootIsDecorated(True)
        self.view.setAcceptDrops(False)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.view.header()
        header.setStretchLastSection(False)
        for col in range(COLUMNS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Interactive)
        header.setSectionHidden(COL_FILE, True)
        header.setSectionHidden(COL_ADDED, True)

        self.add_action = QAction(self)
        self.open_action = QAction(self)
        self.replace_action = QAction(self)
        self.edit_action = QAction(self)
        self.remove_action = QAction(self)
        self.open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        for action in (self.open_action, self.remove_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        self.buttons: list[QToolButton] = []
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for action in (
            self.add_action,
            self.open_action,
            self.replace_action,
            self.edit_action,
            self.remove_action,
        ):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            bar.addWidget(button)
            self.buttons.append(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

        self.add_action.triggered.connect(self.addRequested)
        self.open_action.triggered.connect(lambda: self._emit(self.openRequested))
        self.replace_action.triggered.connect(lambda: self._emit(self.replaceRequested, True))
        self.edit_action.triggered.connect(lambda: self._emit(self.editRequested, True))
        self.remove_action.triggered.connect(lambda: self._emit(self.removeRequested, True))
        self.view.doubleClicked.connect(lambda _i: self._emit(self.openRequested))
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self.view.expanded.connect(lambda _i: self.view.fit_rows())
        self.view.collapsed.connect(lambda _i: self.view.fit_rows())
        self.retranslate_ui()
        self._update_actions()

    # --- public ------------------------------------------------------------------------------

    def set_rows(
        self,
        rows: list[EvidenceRow],
        slot_label: Callable[[str], str] | None = None,
        show_slots: bool = False,
    ) -> None:
        selected = self.selected()
        self.model.set_rows(rows, slot_label)
        self.view.header().setSectionHidden(COL_SLOT, not show_slots)
        if rows:
            self.view.resizeColumnToContents(COL_TITLE)
            self.view.setColumnWidth(COL_TITLE, min(self.view.columnWidth(COL_TITLE), 260))
        self.view.fit_rows()
        if selected is not None:
            index = self.model.index_of(selected.id)
            if index.isValid():
                self.view.setCurrentIndex(index)

    def selected(self) -> Evidence | None:
        return self.model.evidence_at(self.view.currentIndex())

    def select(self, evidence_id: int) -> None:
        index = self.model.index_of(evidence_id)
        if index.isValid():
            self.view.expand(index.parent())
            self.view.setCurrentIndex(index)

    def flash(self) -> None:
        """Outline the list for a moment (after a drop, to show where the files went)."""
        self.view.setProperty("justAttached", True)
        self.view.setStyleSheet("QTreeView { border: 2px solid palette(highlight); }")
        QTimer.singleShot(1500, self._unflash)

    def _unflash(self) -> None:
        self.view.setProperty("justAttached", False)
        self.view.setStyleSheet("")

    def set_busy(self, busy: bool) -> None:
        self.add_action.setEnabled(not busy)
        self._update_actions()
        if busy:
            self.replace_action.setEnabled(False)
            self.remove_action.setEnabled(False)
            self.edit_action.setEnabled(False)

    # --- drops -------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_files(event.mimeData()) and self.add_action.isEnabled():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if dropped_files(event.mimeData()) and self.add_action.isEnabled():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_files(event.mimeData())
        if not files or not self.add_action.isEnabled():
            event.ignore()
            return
        event.acceptProposedAction()
        self.filesDropped.emit(files)

    # --- internals ---------------------------------------------------------------------------

    def _emit(self, signal: SignalInstance, current_only: bool = False) -> None:
        ev = self.selected()
        if ev is None or (current_only and not ev.current):
            return
        signal.emit(ev)

    def _update_actions(self, *_args: object) -> None:
        ev = self.selected()
        self.open_action.setEnabled(ev is not None)
        for action in (self.replace_action, self.edit_action, self.remove_action):
            action.setEnabled(ev is not None and ev.current and self.add_action.isEnabled())

    def _context_menu(self, pos: QPoint) -> None:
        index: QModelIndex = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        menu = QMenu(self)
        for action in (
            self.open_action,
            self.replace_action,
            self.edit_action,
            self.remove_action,
        ):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.add_action)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def retranslate_ui(self) -> None:
        self.add_action.setText(self.tr("Add files…"))
        self.add_action.setToolTip(
            self.tr("Attach files (or drop them here from the file manager)")
        )
        self.open_action.setText(self.tr("Open"))
        self.open_action.setToolTip(self.tr("Open with the system application"))
        self.replace_action.setText(self.tr("Replace…"))
        self.replace_action.setToolTip(self.tr("Attach a new version; the old one is kept"))
        self.edit_action.setText(self.tr("Details…"))
        self.edit_action.setToolTip(
            self.tr("Edit title, document number, version, date and period covered")
        )
        self.remove_action.setText(self.tr("Remove"))
        self.view.empty_text = self.tr("No files yet. Drop files here or use “Add files…”.")
        self.view.viewport().update()
        self.view.setAccessibleName(self.tr("Evidence files"))
        self.model.refresh_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
