"""The welcome page shown when no workspace is open: new, open, the demo, and recent workspaces."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ipaudit.ui import icons
from ipaudit.ui.settings import Settings

PATH_ROLE = Qt.ItemDataRole.UserRole


class WelcomePage(QWidget):
    newRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    recentActivated = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.settings = settings

        logo = QLabel()
        logo.setPixmap(icons.icon("app").pixmap(QSize(56, 56), self.devicePixelRatioF()))
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        head_text = QVBoxLayout()
        head_text.addWidget(self.title)
        head_text.addWidget(self.subtitle)
        head = QHBoxLayout()
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        head.addSpacing(12)
        head.addLayout(head_text, 1)

        def big_button(name: str, icon: str) -> QToolButton:
            button = QToolButton()
            button.setObjectName(name)
            button.setIcon(icons.icon(icon))
            button.setIconSize(QSize(32, 32))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setMinimumSize(QSize(150, 84))
            button.setAutoRaise(False)
            return button

        self.new_button = big_button("welcomeNew", "new")
        self.open_button = big_button("welcomeOpen", "open")
        self.demo_button = big_button("welcomeDemo", "demo")
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.demo_button.clicked.connect(self.demoRequested)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.demo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        self.recent_label = QLabel()
        bold = QFont(self.recent_label.font())
        bold.setBold(True)
        self.recent_label.setFont(bold)
        self.recent = QListWidget()
        self.recent.setObjectName("welcomeRecent")
        self.recent.setFrameShape(QFrame.Shape.StyledPanel)
        self.recent.setIconSize(QSize(20, 20))
        self.recent.itemActivated.connect(self._activated)
        self.empty_label = QLabel()
        self.empty_label.setEnabled(False)
        self.opening_label = QLabel()
        self.opening_label.setObjectName("welcomeOpening")
        self.opening_label.hide()
        self.start_hint = QLabel()
        self.start_hint.setObjectName("welcomeStartHint")
        self.start_hint.setWordWrap(True)

        column = QVBoxLayout()
        column.addLayout(head)
        column.addSpacing(24)
        column.addWidget(self.opening_label)
        column.addWidget(self.start_hint)
        column.addLayout(buttons)
        column.addSpacing(24)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent)
        column.addWidget(self.empty_label)
        column.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(760)
        box.setLayout(column)
        content = QWidget()
        outer = QHBoxLayout(content)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        outer.addWidget(box, 4)
        outer.addStretch(1)
        # scrolls on a small screen instead of making the window taller than the screen
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scroll)

        self.setTabOrder(self.new_button, self.open_button)
        self.setTabOrder(self.open_button, self.demo_button)
        self.setTabOrder(self.demo_button, self.recent)
        self.retranslate_ui()
        self.refresh()

    def refresh(self) -> None:
        """Reload the recent workspaces from the settings."""
        self.recent.clear()
        for path in self.settings.recent_files:
            p = Path(path)
            where = path if "://" in path else str(p.parent)  # a team workspace: its address
            item = QListWidgetItem(icons.icon("checklist"), f"{p.name}\n{where}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(path)
            if not p.exists() and "://" not in path:  # (a team workspace is on its server)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(self.tr("%1 (not found)").replace("%1", path))
            self.recent.addItem(item)
        has = self.recent.count() > 0
        rows = min(self.recent.count(), 8)
        if has:  # as tall as its entries (up to eight), the page's space stays below it
            frame = 2 * self.recent.frameWidth() + 4
            self.recent.setFixedHeight(rows * max(self.recent.sizeHintForRow(0), 1) + frame)
        self.recent.setVisible(has)
        self.empty_label.setVisible(not has)
        self.start_hint.setVisible(not has)

    def set_opening(self, name: str) -> None:
        """Say that workspace ``name`` is being opened ("" when done); the buttons wait."""
        self.opening_label.setText(self.tr("Opening %1…").replace("%1", name) if name else "")
        self.opening_label.setVisible(bool(name))
        for widget in (self.new_button, self.open_button, self.demo_button, self.recent):
            widget.setEnabled(not name)

    def _activated(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path:
            self.recentActivated.emit(str(path))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("ipaudit"))
        self.subtitle.setText(
            self.tr(
                "Get your company ready for the GB/T 29490 IP management certification audit:"
                " declare the facts of your IP manual, hand each department its checklist, and"
                " see what the auditor would find before the audit."
            )
        )
        self.new_button.setText(self.tr("New workspace…"))
        self.new_button.setToolTip(self.tr("Create a workspace for one audit cycle (Ctrl+N)"))
        self.open_button.setText(self.tr("Open…"))
        self.open_button.setToolTip(self.tr("Open a workspace file (Ctrl+O)"))
        self.demo_button.setText(self.tr("Look at the demo"))
        self.demo_button.setToolTip(
            self.tr("A fictional 60-person company half-way through its preparation, to try on")
        )
        self.start_hint.setText(
            self.tr(
                "New here? Create a workspace for your company's audit cycle, or look at the demo"
                " first: a fictional company, kept apart from your own work."
            )
        )
        self.recent_label.setText(self.tr("Recent workspaces"))
        self.empty_label.setText(self.tr("No recent workspaces yet."))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
