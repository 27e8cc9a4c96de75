"""The panels of one open workspace and how they follow each other.

The department navigator and the findings list go into the main window's docks; the checklist with
its item panel, the facts editor and the dashboard are the tabs of this page. Choosing a department
shows its checklist; choosing an item shows its details; activating a finding goes to its item.

The facts editor and the dashboard are built the first time their tab is shown (or asked for), so
opening a workspace paints sooner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ipaudit.ui import icons
from ipaudit.ui.panels import create_panel

if TYPE_CHECKING:  # the session (and the store) load when a workspace opens, not at start-up
    from ipaudit.ui.session import WorkspaceSession

CHECKLIST_TAB, FACTS_TAB, DASHBOARD_TAB = 0, 1, 2


class WorkspacePage(QWidget):
    departmentShown = Signal(str)
    #: the dashboard's link to the workspace information was followed
    infoRequested = Signal()
    itemShown = Signal(str)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspacePage")
        self.session = session
        self.department = ""
        self.item = ""
        self.navigator = create_panel("navigator", session)
        self.navigator.setObjectName("departmentNavigator")
        self.findings = create_panel("findings", session)
        self.findings.setObjectName("findingsPanel")
        self.checklist = create_panel("checklist", session)
        self.checklist.setObjectName("checklistView")
        # the item panel (and the many modules it loads) is built once the page has painted, or
        # when first asked for; until then a label says what it would say with no item chosen
        self._item_panel: QWidget | None = None
        self.item_placeholder = QLabel()
        self.item_placeholder.setObjectName("itemPanelPending")
        self.item_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.item_placeholder.setWordWrap(True)
        self._facts: QWidget | None = None
        self._dashboard: QWidget | None = None
        # the facts and the dashboard scroll up and down on a small screen rather than make
        # the window taller than the screen
        self.facts_tab = _VerticalScroll()
        self.facts_tab.setObjectName("factsTab")
        self.dashboard_tab = _VerticalScroll()
        self.dashboard_tab.setObjectName("dashboardTab")

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("checklistSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.checklist)
        self.splitter.addWidget(self.item_placeholder)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, icons.icon("checklist"), "")
        self.tabs.addTab(self.facts_tab, icons.icon("facts"), "")
        self.tabs.addTab(self.dashboard_tab, icons.icon("dashboard"), "")
        self.tabs.currentChanged.connect(self._tab_shown)
        self._extra: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self._connect(self.navigator, "departmentSelected", self.show_department)
        self._connect(self.checklist, "itemSelected", self._item_selected)
        self._connect(self.checklist, "filesDropped", self._files_dropped)
        self._connect(self.findings, "itemActivated", self.show_item)
        self.retranslate_ui()

    @property
    def item_panel(self) -> QWidget:
        """The item panel (built on first use, or by ``build_item_panel`` after the first paint)."""
        if self._item_panel is None:
            panel = create_panel("item", self.session)
            panel.setObjectName("itemPanel")
            sizes = self.splitter.sizes()
            self.splitter.replaceWidget(1, panel)
            if sum(sizes):
                self.splitter.setSizes(sizes)
            self.item_placeholder.hide()
            self.item_placeholder.deleteLater()
            self._item_panel = panel
            QWidget.setTabOrder(self.checklist, panel)
            QWidget.setTabOrder(panel, self.findings)
        return self._item_panel

    def build_item_panel(self) -> None:
        _ = self.item_panel

    @property
    def facts(self) -> QWidget:
        """The facts editor (built on first use)."""
        if self._facts is None:
            self._facts = create_panel("facts", self.session, self.facts_tab)
            self._facts.setObjectName("factsEditor")
            self.facts_tab.setWidget(self._facts)
        return self._facts

    @property
    def dashboard(self) -> QWidget:
        """The dashboard (built on first use)."""
        if self._dashboard is None:
            self._dashboard = create_panel("dashboard", self.session, self.dashboard_tab)
            self._dashboard.setObjectName("dashboard")
            self.dashboard_tab.setWidget(self._dashboard)
            self._connect(self._dashboard, "departmentActivated", self.show_department)
            self._connect(self._dashboard, "infoRequested", self.infoRequested)
        return self._dashboard

    def _tab_shown(self, index: int) -> None:
        if index == FACTS_TAB:
            _ = self.facts
        elif index == DASHBOARD_TAB:
            _ = self.dashboard

    @staticmethod
    def _connect(panel: QWidget, signal: str, slot: Any) -> None:
        sig = getattr(panel, signal, None)
        if sig is not None:
            sig.connect(slot)

    @staticmethod
    def _call(panel: QWidget, method: str, *args: Any) -> None:
        fn = getattr(panel, method, None)
        if fn is not None:
            fn(*args)

    # --- navigation --------------------------------------------------------------------------

    def show_department(self, key: str) -> None:
        """Show ``key``'s checklist (switching to the checklist tab)."""
        self.tabs.setCurrentIndex(CHECKLIST_TAB)
        if key == self.department:
            return
        self.department = key
        self.item = ""
        self._call(self.navigator, "select_department", key)
        self._call(self.checklist, "show_department", key)
        self._call(self.findings, "follow_department", key)
        self.departmentShown.emit(key)

    def show_item(self, department: str, item: str) -> None:
        """Go to ``item`` of ``department`` (a finding's double-click)."""
        if department:
            self.show_department(department)
        self._call(self.checklist, "select_item", item)
        if self.item != item:  # the checklist did not report the selection
            self._item_selected(item)

    def _item_selected(self, key: str) -> None:
        if key == self.item:
            return
        self.item = key
        self._call(self.item_panel, "show_item", key)
        self.itemShown.emit(key)

    def _files_dropped(self, key: str, files: list[Any]) -> None:
        """Files dropped on a checklist row: that item's panel asks for their dates."""
        self._item_selected(key)
        self._call(self.item_panel, "offer_files", files)

    def set_view(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def add_view(self, key: str, widget: QWidget, title: str) -> QWidget:
        """An extra tab (e.g. the reconciliation view); shown again if already there."""
        existing = self._extra.get(key)
        if existing is None:
            self._extra[key] = widget
            self.tabs.addTab(widget, title)
            existing = widget
        self.tabs.setCurrentWidget(existing)
        return existing

    def extra_view(self, key: str) -> QWidget | None:
        return self._extra.get(key)

    def set_extra_title(self, key: str, title: str) -> None:
        widget = self._extra.get(key)
        if widget is not None:
            self.tabs.setTabText(self.tabs.indexOf(widget), title)

    def focus_search(self) -> bool:
        """Put the keyboard in the checklist's search box; False when there is none."""
        self.tabs.setCurrentIndex(CHECKLIST_TAB)
        focus = getattr(self.checklist, "focus_search", None)
        if focus is not None:
            focus()
            return True
        box = self.checklist.findChild(QLineEdit)
        if box is None:
            return False
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()
        return True

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        if self._item_panel is None:
            self.item_placeholder.setText(self.tr("Choose an item in the checklist."))
        self.tabs.setTabText(CHECKLIST_TAB, self.tr("Checklist"))
        self.tabs.setTabText(FACTS_TAB, self.tr("Facts"))
        self.tabs.setTabText(DASHBOARD_TAB, self.tr("Dashboard"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class _VerticalScroll(QScrollArea):
    """A tab page that fits its content to the width and scrolls only up and down."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
