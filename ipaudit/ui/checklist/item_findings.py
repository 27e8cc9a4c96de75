"""The open findings of one item, each with its grade mark, as the checks report them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ipaudit.domain.model import Finding
from ipaudit.ui.checklist.lang import text_of
from ipaudit.ui.checklist.terms import grade_name
from ipaudit.ui.icons import grade_icon


class ItemFindings(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.findings: list[Finding] = []
        self._widgets: list[QWidget] = []

    def set_findings(self, findings: Sequence[Finding]) -> None:
        shown = sorted(
            (f for f in findings if f.accepted is None), key=lambda f: (f.grade.rank, f.code)
        )
        self.findings = shown
        for w in self._widgets:
            self.grid.removeWidget(w)
            w.deleteLater()
        self._widgets = []
        size = self.fontMetrics().height()
        for row, f in enumerate(shown):
            icon = QLabel(self)
            icon.setPixmap(grade_icon(f.grade).pixmap(size, size))
            icon.setToolTip(grade_name(f.grade))
            icon.setAlignment(Qt.AlignmentFlag.AlignTop)
            text = QLabel(text_of(f.message), self)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(icon, row, 0)
            self.grid.addWidget(text, row, 1)
            self._widgets += [icon, text]
        self.setVisible(bool(shown))

    def messages(self) -> list[str]:
        return [text_of(f.message) for f in self.findings]
