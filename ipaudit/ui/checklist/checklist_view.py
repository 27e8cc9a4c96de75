"""A department's checklist: the clause tree with a search box and an "only what blocks" filter."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.model import Finding
from ipaudit.domain.rules import mandatory_keys
from ipaudit.services import Assessment
from ipaudit.ui.checklist.checklist_filter import ChecklistFilter
from ipaudit.ui.checklist.checklist_model import (
    COL_EVIDENCE,
    COL_GRADE,
    COL_TITLE,
    ChecklistModel,
    ItemKeyRole,
    build_groups,
)
from ipaudit.ui.checklist.drops import dropped_files
from ipaudit.ui.checklist.lang import fill, text_of
from ipaudit.ui.session import WorkspaceSession


def findings_by_item(assessment: Assessment | None, department: str) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = defaultdict(list)
    if assessment is not None:
        for f in assessment.findings:
            if f.department == department:
                out[f.item_key].append(f)
    return out


class ChecklistView(QWidget):
    itemSelected = Signal(str)
    #: files dropped on an item's row: (item key, list[Path])
    filesDropped = Signal(str, list)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.department = ""
        self.model = ChecklistModel(self)
        self.proxy = ChecklistFilter(self)
        self.proxy.setSourceModel(self.model)

        self.heading = QLabel(self)
        self.heading.setObjectName("checklistHeading")
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.blocking_only = QCheckBox(self)
        self.count = QLabel(self)
        self.count.setObjectName("checklistCount")
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAllColumnsShowFocus(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        # fixed widths: sizing to contents would ask every row of a 500-item department
        header.setSectionResizeMode(COL_GRADE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_EVIDENCE, QHeaderView.ResizeMode.Fixed)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.blocking_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count)
        self.setTabOrder(self.search, self.blocking_only)
        self.setTabOrder(self.blocking_only, self.tree)

        self.search.textChanged.connect(self._on_search)
        self.blocking_only.toggled.connect(self._on_blocking_only)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.tree.viewport().setAcceptDrops(True)
        self.tree.viewport().installEventFilter(self)
        self.proxy.rowsInserted.connect(self._after_filter)
        self.proxy.layoutChanged.connect(self._after_filter)
        self.proxy.modelReset.connect(self._after_filter)
        session.edited.connect(self._on_edited)
        session.assessed.connect(self._on_assessed)
        self._current = ""
        self.retranslate_ui()

    # --- public ------------------------------------------------------------------------------

    def show_department(self, key: str) -> None:
        if self.session.department_only and key != self.session.department_only:
            return
        self.department = key
        self._current = ""
        self.refresh()
        self.tree.expandAll()
        self.tree.scrollToTop()
        self._update_heading()

    def select_item(self, key: str) -> None:
        if self.department != self._owner_of(key):
            dep = self._owner_of(key)
            if not dep:
                return
            self.show_department(dep)
        source = self.model.index_of(key)
        if not source.isValid():
            return
        index = self.proxy.mapFromSource(source)
        if not index.isValid():  # hidden by a filter: clear the filters so it can be shown
            self.search.clear()
            self.blocking_only.setChecked(False)
            index = self.proxy.mapFromSource(source)
        self.tree.expand(index.parent())
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)

    def focus_search(self) -> None:
        """Put the keyboard in the search box (Find in checklist)."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_item(self) -> str:
        return self._current

    def refresh(self) -> None:
        """Read states, evidence and findings once and rebuild the rows."""
        if not self.department:
            self.model.set_groups([])
            return
        ws = self.session.workspace
        items = self.session.items_of(self.department)
        counts: dict[str, int] = defaultdict(int)
        for ev in ws.evidence():
            counts[ev.item_key] += 1
        groups = build_groups(
            items,
            ws.template.clauses,
            ws.states(),
            counts,
            findings_by_item(self.session.assessment, self.department),
            mandatory_keys(ws.template),
        )
        self.model.set_groups(groups)
        self._update_count()

    # --- reactions ---------------------------------------------------------------------------

    def _owner_of(self, key: str) -> str:
        ws = self.session.workspace
        try:
            return ws.owner(ws.template.item(key))
        except KeyError:
            return ""

    def _on_edited(self, item_key: str) -> None:
        if not self.department:
            return
        if item_key and self.model.row_for(item_key) is not None:
            ws = self.session.workspace
            self.model.update_item(item_key, ws.state(item_key), len(ws.evidence(item_key)))
        elif not item_key:
            self.refresh()
        self._update_count()

    def _on_assessed(self, assessment: Assessment) -> None:
        # the proxy re-filters the changed rows by itself (dynamic filtering)
        self.model.set_findings(findings_by_item(assessment, self.department))
        self._update_count()

    # --- files dropped on a row ----------------------------------------------------------------

    def item_at(self, pos: QPoint) -> str:
        """The key of the item whose row is at ``pos`` of the tree's viewport ("" for none)."""
        index = self.tree.indexAt(pos)
        return str(index.data(ItemKeyRole) or "") if index.isValid() else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.tree.viewport():
            return super().eventFilter(watched, event)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)  # enter and move events are drop events too
            key = self.item_at(event.position().toPoint())
            files = dropped_files(event.mimeData())
            if not key or not files:
                event.ignore()
                return True
            event.acceptProposedAction()
            if kind == QEvent.Type.Drop:
                self.select_item(key)
                self.filesDropped.emit(key, files)
            return True
        return super().eventFilter(watched, event)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(ItemKeyRole) if current.isValid() else ""
        if key and key != self._current:
            self._current = key
            self.itemSelected.emit(key)

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _on_blocking_only(self, on: bool) -> None:
        self.proxy.set_blocking_only(on)
        self._update_count()

    def _after_filter(self, *_args: object) -> None:
        if self.proxy.active:
            self.tree.expandAll()

    def _update_count(self) -> None:
        total = len(self.model.item_keys())
        shown = sum(
            self.proxy.rowCount(self.proxy.index(g, 0)) for g in range(self.proxy.rowCount())
        )
        if self.proxy.active:
            self.count.setText(fill(self.tr("%1 of %n item(s) shown", "", total), shown))
        else:
            self.count.setText(self.tr("%n item(s)", "", total))

    def _update_heading(self) -> None:
        name = ""
        for d in self.session.departments():
            if d.key == self.department:
                name = text_of(d.name)
        self.heading.setText(name)

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search items (title, clause, key)"))
        self.search.setAccessibleName(self.tr("Search items"))
        self.blocking_only.setText(self.tr("Only what blocks"))
        self.blocking_only.setToolTip(
            self.tr("Show only items with a major or minor finding that is not accepted")
        )
        self.tree.setAccessibleName(self.tr("Checklist"))
        self._size_columns()
        self.model.refresh_texts()
        self._update_heading()
        self._update_count()

    def _size_columns(self) -> None:
        fm = self.tree.fontMetrics()
        icon = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        for col, sample in ((COL_GRADE, "99"), (COL_EVIDENCE, "999")):
            title = self.model.headerData(col, Qt.Orientation.Horizontal) or ""
            content = fm.horizontalAdvance(sample) + (icon + 8 if col == COL_GRADE else 0)
            self.tree.header().resizeSection(col, max(fm.horizontalAdvance(title), content) + 20)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


__all__ = ["COL_EVIDENCE", "COL_GRADE", "COL_TITLE", "ChecklistView"]
