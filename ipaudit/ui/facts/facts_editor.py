"""The facts editor: the IP manual's truth (policy, objectives and their split, headcount and duties,
procedures, certificates, portfolio). Every edit is one undoable command and re-runs the checks."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ipaudit.domain.model import Text
from ipaudit.ui import commands
from ipaudit.ui.facts.cycle_page import CyclePage
from ipaudit.ui.facts.departments_page import DepartmentsPage
from ipaudit.ui.facts.facts_change import FactsChange
from ipaudit.ui.facts.policy_page import PolicyPage
from ipaudit.ui.facts.portfolio_page import PortfolioPage
from ipaudit.ui.facts.procedures_page import ProceduresPage
from ipaudit.ui.session import WorkspaceSession


class FactsEditor(QWidget):
    """Four pages of facts over one session; read-only when ``session.read_only_facts``."""

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.read_only_banner = QLabel()
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet(
            "QLabel { background: #fff4e5; color: #6d4c00; padding: 6px; border-radius: 3px; }"
        )
        self.tabs = QTabWidget()
        self.policy_page = PolicyPage()
        self.departments_page = DepartmentsPage()
        self.procedures_page = ProceduresPage()
        self.portfolio_page = PortfolioPage()
        self.cycle_page = CyclePage(session)
        for page in self.pages():
            self.tabs.addTab(page, "")
            page.changed.connect(self._apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.tabs, 1)
        session.edited.connect(self._on_edited)
        self.retranslate_ui()
        self.reload()

    def pages(self) -> list[Any]:
        return [
            self.policy_page,
            self.departments_page,
            self.procedures_page,
            self.portfolio_page,
            self.cycle_page,
        ]

    @property
    def read_only(self) -> bool:
        return self.session.read_only_facts

    def reload(self) -> None:
        """Show the stored facts (text the user is still typing is kept)."""
        facts = self.loaded = self.session.workspace.facts()
        departments = self._departments()
        for page in self.pages():
            page.load(facts, departments, self.read_only)
        self.read_only_banner.setVisible(self.read_only)

    def flush(self) -> None:
        """Save what is being typed right now (before a copy is saved or the window closes)."""
        self.policy_page.flush()
        self.portfolio_page.flush()

    def retranslate_ui(self) -> None:
        titles = (
            self.tr("Policy and objectives"),
            self.tr("Headcount and duties"),
            self.tr("Procedures"),
            self.tr("Certificates and portfolio"),
            self.tr("People and budget"),
        )
        for pos, title in enumerate(titles):
            self.tabs.setTabText(pos, title)
        self.read_only_banner.setText(
            self.tr(
                "The workspace was opened read-only; copy it somewhere writable to edit the facts."
            )
            if self.session.read_only
            else self.tr(
                "The facts are read-only in a department view; the compliance manager maintains"
                " them."
            )
        )

    def hideEvent(self, event: QHideEvent) -> None:
        # switching to another tab or closing the window: what was typed is saved, not dropped
        if not self.read_only:
            self.flush()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.reload()
        super().changeEvent(event)

    def _departments(self) -> list[tuple[str, Text]]:
        return [(d.key, d.name) for d in self.session.workspace.departments(active_only=True)]

    def _on_edited(self, item_key: str) -> None:
        if not item_key:  # facts and other workspace-wide edits, including undo and redo
            self.reload()

    def _apply(self, change: FactsChange) -> None:
        if self.read_only:
            self.reload()
            return
        # the change applies to the facts this editor shows: what others stored meanwhile in
        # other fields is kept, the same field changed by both is a conflict
        new = replace(self.loaded, **change.fields)  # type: ignore[arg-type]
        commands.set_facts(self.session, new, change.text, merge=change.merge, base=self.loaded)
