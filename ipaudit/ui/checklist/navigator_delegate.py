"""Paints a navigator row: the department name, a readiness bar with its percentage, a badge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ipaudit.ui.checklist.icons import GREEN, ORANGE, RED
from ipaudit.ui.checklist.navigator_model import BlockingRole, PercentRole


def readiness_color(percent: float) -> QColor:
    if percent >= 90:
        return GREEN
    if percent >= 70:
        return ORANGE
    return RED


class DepartmentDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(180, fm.height() * 2 + 16)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        fg = opt.palette.color(role)
        fm = QFontMetrics(opt.font)
        r = opt.rect.adjusted(8, 6, -8, -6)
        blocking = int(index.data(BlockingRole) or 0)
        percent = index.data(PercentRole)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # badge with the number of blocking findings
        badge_w = 0
        if blocking:
            label = str(blocking)
            badge_w = max(fm.height(), fm.horizontalAdvance(label) + 10)
            badge = QRect(r.right() - badge_w + 1, r.top(), badge_w, fm.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(RED)
            painter.drawRoundedRect(badge, fm.height() / 2, fm.height() / 2)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            badge_w += 6
        painter.setPen(fg)
        name_rect = QRect(r.left(), r.top(), r.width() - badge_w, fm.height())
        painter.drawText(
            name_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(text, Qt.TextElideMode.ElideRight, name_rect.width()),
        )
        # readiness bar and percentage
        pct_text = "…" if percent is None else f"{percent:.0f}%"
        pct_w = fm.horizontalAdvance("100%") + 4
        line_top = r.top() + fm.height() + 4
        bar = QRect(r.left(), line_top + fm.height() // 2 - 3, r.width() - pct_w - 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        track = QColor(fg)
        track.setAlpha(40)
        painter.setBrush(track)
        painter.drawRoundedRect(bar, 3, 3)
        if percent is not None:
            filled = QRect(bar)
            filled.setWidth(max(0, round(bar.width() * float(percent) / 100)))
            painter.setBrush(readiness_color(float(percent)))
            painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(fg)
        painter.drawText(
            QRect(r.right() - pct_w, line_top, pct_w, fm.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            pct_text,
        )
        painter.restore()
