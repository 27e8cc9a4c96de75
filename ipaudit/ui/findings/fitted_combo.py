"""A filter combo box as wide as its longest entry, up to a cap; a name longer than the room it
gets is drawn shortened with "…" (never cut off mid-letter), and its tool tip says it whole."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QWidget

from ipaudit.ui.elided_combo import ELIDES, paint, shown_text, text_room


class FittedCombo(QComboBox):
    """``cap`` and ``least``: the widest and narrowest it asks for, in characters (the width of
    a digit: a CJK font's average character is far wider than a Latin letter)."""

    def __init__(self, cap: int = 30, least: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cap = cap
        self.least = least
        self.setProperty(ELIDES, True)

    def text_room(self) -> int:
        """The pixels the current text is drawn in (beside its icon, if any)."""
        return text_room(self)

    def shown_text(self) -> str:
        """The current text as drawn: whole when it fits, else shortened with "…"."""
        return shown_text(self)

    def _width_for(self, text_width: int) -> int:
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        icon = (
            opt.iconSize.width() + 4
            if any(not self.itemIcon(i).isNull() for i in range(self.count()))
            else 0
        )
        contents = QSize(text_width + icon + 2, self.fontMetrics().height())
        return (
            self.style()
            .sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt, contents, self)
            .width()
        )

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        longest = max(
            (metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0
        )
        text = min(max(longest, self._chars(self.least)), self._cap_width())
        return QSize(self._width_for(text), hint.height())

    def minimumSizeHint(self) -> QSize:
        least = self._chars(self.least)
        return QSize(self._width_for(least), super().minimumSizeHint().height())

    def showPopup(self) -> None:
        # the list shows every name whole, however narrow the box itself is
        metrics = self.view().fontMetrics()
        longest = max(
            (metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0
        )
        icon = self.iconSize().width() + 8
        scroll = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.view().setMinimumWidth(longest + icon + scroll + 2 * self.view().frameWidth() + 8)
        super().showPopup()

    def _chars(self, n: int) -> int:
        return self.fontMetrics().horizontalAdvance("0") * n

    def _cap_width(self) -> int:
        return self._chars(self.cap)

    def paintEvent(self, event: QPaintEvent) -> None:
        paint(self)
