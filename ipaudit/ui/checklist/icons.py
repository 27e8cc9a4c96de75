"""The checklist's painted clause icon and the colours of its readiness bars.

Status and grade icons are the application's (``ipaudit.ui.icons``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

_SIZES = (16, 20, 24, 32, 48, 64)

GREEN = QColor("#2e9d4f")
GREY = QColor("#8a8f98")
RED = QColor("#d13438")
ORANGE = QColor("#d97a00")

Painter = Callable[[QPainter, float], None]


def _icon(paint: Painter) -> QIcon:
    icon = QIcon()
    for size in _SIZES:
        pix = QPixmap(size, size)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint(p, float(size))
        p.end()
        icon.addPixmap(pix)
    return icon


def _pen(color: QColor, s: float, width: float = 0.11) -> QPen:
    pen = QPen(color, max(1.0, s * width))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


@cache
def clause_icon() -> QIcon:
    def paint(p: QPainter, s: float) -> None:
        p.setPen(_pen(GREY, s, 0.08))
        p.setBrush(QColor("#eef1f5"))
        p.drawRoundedRect(QRectF(s * 0.16, s * 0.1, s * 0.68, s * 0.8), s * 0.08, s * 0.08)
        for y in (0.32, 0.5, 0.68):
            p.drawLine(QPointF(s * 0.3, s * y), QPointF(s * 0.7, s * y))

    return _icon(paint)
