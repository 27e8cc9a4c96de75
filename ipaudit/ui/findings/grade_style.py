"""How grades look: the auditors' symbols (× ○ △), their colours, and icons drawn for any DPI."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from ipaudit.domain.model import Grade

SYMBOLS: dict[Grade, str] = {Grade.MAJOR: "×", Grade.MINOR: "○", Grade.OBSERVATION: "△"}

COLORS: dict[Grade, QColor] = {
    Grade.MAJOR: QColor("#c62828"),  # red
    Grade.MINOR: QColor("#e67e00"),  # amber
    Grade.OBSERVATION: QColor("#1565c0"),  # blue
}

#: muted colour for accepted findings
ACCEPTED_COLOR = QColor("#757575")

_ICON_SIZES = (16, 20, 24, 32, 48, 64)
_icons: dict[Grade, QIcon] = {}


def grade_name(grade: Grade) -> str:
    """The grade in the UI language (major / minor / observation)."""
    names = {
        Grade.MAJOR: QCoreApplication.translate("grade_style", "Major"),
        Grade.MINOR: QCoreApplication.translate("grade_style", "Minor"),
        Grade.OBSERVATION: QCoreApplication.translate("grade_style", "Observation"),
    }
    return names[grade]


def grade_label(grade: Grade) -> str:
    """Symbol and name, e.g. "× Major"."""
    return f"{SYMBOLS[grade]} {grade_name(grade)}"


def _draw(grade: Grade, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(COLORS[grade], max(1.5, size / 8))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    m = size * 0.2
    box = QRectF(m, m, size - 2 * m, size - 2 * m)
    if grade is Grade.MAJOR:
        painter.drawLine(box.topLeft(), box.bottomRight())
        painter.drawLine(box.topRight(), box.bottomLeft())
    elif grade is Grade.MINOR:
        painter.drawEllipse(box)
    else:
        path = QPainterPath(QPointF(box.center().x(), box.top()))
        path.lineTo(box.bottomRight())
        path.lineTo(box.bottomLeft())
        path.closeSubpath()
        painter.drawPath(path)
    painter.end()
    return pixmap


def grade_icon(grade: Grade) -> QIcon:
    """The grade's symbol drawn in its colour, at several sizes so it stays sharp on high DPI."""
    icon = _icons.get(grade)
    if icon is None:
        icon = QIcon()
        for size in _ICON_SIZES:
            icon.addPixmap(_draw(grade, size))
        _icons[grade] = icon
    return icon
