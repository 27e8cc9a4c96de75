"""The views the main window hosts, imported only when needed, and a placeholder for any that this
build does not have (the window works with whatever exists).

A view whose module is missing gets a ``Placeholder``; a view whose module fails to import for any
other reason is a bug and raises.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


@dataclass(frozen=True, slots=True)
class Component:
    module: str
    name: str  # the class in that module


#: the panels of an open workspace; each takes ``(session, parent=None)``
PANELS: dict[str, Component] = {
    "navigator": Component("ipaudit.ui.checklist.navigator", "DepartmentNavigator"),
    "checklist": Component("ipaudit.ui.checklist.checklist_view", "ChecklistView"),
    "item": Component("ipaudit.ui.checklist.item_panel", "ItemPanel"),
    "facts": Component("ipaudit.ui.facts.facts_editor", "FactsEditor"),
    "findings": Component("ipaudit.ui.findings.findings_panel", "FindingsPanel"),
    "dashboard": Component("ipaudit.ui.dashboard.dashboard", "Dashboard"),
}

#: dialogs and views reached from the File and Tools menus
TOOLS: dict[str, Component] = {
    "export": Component("ipaudit.ui.export_dialog", "ExportDialog"),  # (session, parent)
    "workspace_info": Component("ipaudit.ui.workspace_info_dialog", "WorkspaceInfoDialog"),
    "verify": Component("ipaudit.ui.verify_dialog", "VerifyDialog"),  # (parent)
    "ledger_import": Component("ipaudit.ui.ledger.import_wizard", "LedgerImportWizard"),
    "reconciliation": Component("ipaudit.ui.ledger.reconciliation_view", "ReconciliationView"),
}


def _missing(component: Component, exc: ModuleNotFoundError) -> bool:
    """True when ``exc`` says the component's own module (or its package) does not exist."""
    name = exc.name or ""
    return bool(name) and (component.module == name or component.module.startswith(name + "."))


def available(component: Component) -> bool:
    """Whether the component's module exists in this build (without importing it)."""
    try:
        return importlib.util.find_spec(component.module) is not None
    except ModuleNotFoundError:  # its package is missing
        return False


def load(component: Component) -> type[Any] | None:
    """The component's class, or None when its module is not part of this build."""
    try:
        module = importlib.import_module(component.module)
    except ModuleNotFoundError as exc:
        if _missing(component, exc):
            return None
        raise
    return getattr(module, component.name)


class Placeholder(QWidget):
    """Stands in for a view this build does not have yet."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"placeholder_{key}")
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.retranslate_ui()

    def _title(self) -> str:
        titles = {
            "navigator": self.tr("The department list"),
            "checklist": self.tr("The checklist"),
            "item": self.tr("The item details"),
            "facts": self.tr("The facts editor"),
            "findings": self.tr("The findings list"),
            "dashboard": self.tr("The dashboard"),
            "reconciliation": self.tr("The ledger reconciliation"),
        }
        return titles.get(self.key, self.key)

    def retranslate_ui(self) -> None:
        self.label.setText(
            self.tr("%1 is not part of this version of ipaudit yet.").replace("%1", self._title())
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def create_panel(key: str, session: Any, parent: QWidget | None = None) -> QWidget:
    """The panel ``key`` of ``PANELS`` for ``session``, or a placeholder when it is not built."""
    cls = load(PANELS[key])
    if cls is None:
        return Placeholder(key, parent)
    widget: QWidget = cls(session, parent)
    return widget
