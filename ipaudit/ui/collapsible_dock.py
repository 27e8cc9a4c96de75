"""A dock that folds down to its title bar (the findings list on a small screen).

The title bar carries a fold button, the title (which may say more than the dock's name, e.g.
"Findings — Finance · 5") and a close button. Folded, only the title bar stays, so the checklist gets
the height back; ``collapsedChanged`` lets the window remember it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

QWIDGETSIZE_MAX = (1 << 24) - 1


class DockTitle(QWidget):
    def __init__(self, dock: CollapsibleDock) -> None:
        super().__init__(dock)
        self.setObjectName("dockTitle")
        self.fold = QToolButton(self)
        self.fold.setObjectName("dockFold")
        self.fold.setAutoRaise(True)
        self.fold.setCheckable(True)
        self.label = QLabel(self)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("dockClose")
        self.close_button.setAutoRaise(True)
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 1, 4, 1)
        layout.setSpacing(4)
        layout.addWidget(self.fold)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(dock.close)

    def mouseDoubleClickEvent(self, event: object) -> None:
        self.fold.click()


class CollapsibleDock(QDockWidget):
    collapsedChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.title_bar = DockTitle(self)
        self.setTitleBarWidget(self.title_bar)
        self._collapsed = False
        self._subtitle = ""
        self.title_bar.fold.toggled.connect(lambda folded: self.set_collapsed(not folded))
        self.windowTitleChanged.connect(lambda _t: self._update_title())
        self._update_fold()

    @property
    def collapsed(self) -> bool:
        return self._collapsed

    def set_collapsed(self, collapsed: bool) -> None:
        """Fold the dock to its title bar (True) or unfold it."""
        if collapsed == self._collapsed:
            self._update_fold()
            return
        self._collapsed = collapsed
        widget = self.widget()
        if widget is not None:
            widget.setVisible(not collapsed)
        if collapsed:
            self.setMaximumHeight(self.title_bar.sizeHint().height())
        else:
            self.setMaximumHeight(QWIDGETSIZE_MAX)
        self._update_fold()
        self.collapsedChanged.emit(collapsed)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.setVisible(not self._collapsed)

    def set_subtitle(self, text: str) -> None:
        """Shown after the title, e.g. the count of what the dock lists."""
        self._subtitle = text
        self._update_title()

    def _update_title(self) -> None:
        title = self.windowTitle()
        self.title_bar.label.setText(f"{title} — {self._subtitle}" if self._subtitle else title)
        self.title_bar.label.setToolTip(self.title_bar.label.text())

    def _update_fold(self) -> None:
        fold = self.title_bar.fold
        fold.blockSignals(True)
        fold.setChecked(not self._collapsed)
        fold.blockSignals(False)
        fold.setArrowType(Qt.ArrowType.RightArrow if self._collapsed else Qt.ArrowType.DownArrow)
        fold.setToolTip(self.tr("Show the list") if self._collapsed else self.tr("Fold the list"))
        self.title_bar.close_button.setToolTip(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_fold()
        super().changeEvent(event)
