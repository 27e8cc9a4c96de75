"""Icons of the checklist: the application's status and grade icons, and a painted clause icon."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from ipaudit.domain.model import Grade, Status
from ipaudit.ui import icons as app_icons

_SIZES = (16, 20, 24, 32, 48, 64)

GREEN = QColor("#2e9d4f")
BLUE = QColor("#2f6fc0")
GREY = QColor("#8a8f98")
RED = QColor("#d13438")
ORANGE = QColor("#d97a00")
TEAL = QColor("#2a8a9e")

GRADE_COLORS = {Grade.MAJOR: RED, Grade.MINOR: ORANGE, Grade.OBSERVATION: TEAL}
#: the auditors' own marks: × major, ○ minor, △ observation
GRADE_MARKS = {Grade.MAJOR: "×", Grade.MINOR: "○", Grade.OBSERVATION: "△"}

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


def _circle(s: float) -> QRectF:
    m = s * 0.1
    return QRectF(m, m, s - 2 * m, s - 2 * m)


def status_icon(status: Status) -> QIcon:
    """The application's status icon (``resources/icons/status-*.svg``)."""
    return app_icons.status_icon(status)


def grade_icon(grade: Grade) -> QIcon:
    """The application's grade icon (``resources/icons/grade-*.svg``)."""
    return app_icons.grade_icon(grade)


@cache
def clause_icon() -> QIcon:
    def paint(p: QPainter, s: float) -> None:
        p.setPen(_pen(GREY, s, 0.08))
        p.setBrush(QColor("#eef1f5"))
        p.drawRoundedRect(QRectF(s * 0.16, s * 0.1, s * 0.68, s * 0.8), s * 0.08, s * 0.08)
        for y in (0.32, 0.5, 0.68):
            p.drawLine(QPointF(s * 0.3, s * y), QPointF(s * 0.7, s * y))

    return _icon(paint)
