"""Status and grade icons, painted so they stay sharp at any scale (one pixmap per device size)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from ipaudit.domain.model import Grade, Status

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


def _paint_status(status: Status) -> Painter:
    def paint(p: QPainter, s: float) -> None:
        r = _circle(s)
        if status is Status.READY:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(GREEN)
            p.drawEllipse(r)
            p.setPen(_pen(QColor("white"), s, 0.12))
            path = QPainterPath(QPointF(s * 0.3, s * 0.52))
            path.lineTo(s * 0.44, s * 0.66)
            path.lineTo(s * 0.71, s * 0.36)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
        elif status is Status.IN_PROGRESS:
            p.setPen(_pen(BLUE, s, 0.09))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(r)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(BLUE)
            inner = r.adjusted(s * 0.12, s * 0.12, -s * 0.12, -s * 0.12)
            p.drawPie(inner, 90 * 16, 180 * 16)
        elif status is Status.NOT_APPLICABLE:
            p.setPen(_pen(GREY, s, 0.09))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(r)
            p.setPen(_pen(GREY, s, 0.11))
            p.drawLine(QPointF(s * 0.32, s * 0.5), QPointF(s * 0.68, s * 0.5))
        else:
            p.setPen(_pen(GREY, s, 0.09))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(r)

    return paint


def _paint_grade(grade: Grade) -> Painter:
    color = GRADE_COLORS[grade]

    def paint(p: QPainter, s: float) -> None:
        if grade is Grade.MAJOR:
            p.setPen(_pen(color, s, 0.16))
            p.drawLine(QPointF(s * 0.22, s * 0.22), QPointF(s * 0.78, s * 0.78))
            p.drawLine(QPointF(s * 0.78, s * 0.22), QPointF(s * 0.22, s * 0.78))
        elif grade is Grade.MINOR:
            p.setPen(_pen(color, s, 0.13))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(_circle(s).adjusted(s * 0.08, s * 0.08, -s * 0.08, -s * 0.08))
        else:
            p.setPen(_pen(color, s, 0.11))
            p.setBrush(Qt.BrushStyle.NoBrush)
            tri = QPolygonF(
                [QPointF(s * 0.5, s * 0.16), QPointF(s * 0.86, s * 0.8), QPointF(s * 0.14, s * 0.8)]
            )
            p.drawPolygon(tri)

    return paint


@cache
def status_icon(status: Status) -> QIcon:
    return _icon(_paint_status(status))


@cache
def grade_icon(grade: Grade) -> QIcon:
    return _icon(_paint_grade(grade))


@cache
def clause_icon() -> QIcon:
    def paint(p: QPainter, s: float) -> None:
        p.setPen(_pen(GREY, s, 0.08))
        p.setBrush(QColor("#eef1f5"))
        p.drawRoundedRect(QRectF(s * 0.16, s * 0.1, s * 0.68, s * 0.8), s * 0.08, s * 0.08)
        for y in (0.32, 0.5, 0.68):
            p.drawLine(QPointF(s * 0.3, s * y), QPointF(s * 0.7, s * y))

    return _icon(paint)
