"""A combo box whose current text, when longer than the room the box gives it, is drawn shortened
with "…" instead of cut off mid-letter; the box's tool tip says it whole (the list shows it whole).

``elide(combo)`` does it for any combo box (the property ``elidesText`` tells a layout check so);
``ipaudit.ui.findings.fitted_combo.FittedCombo`` also sizes itself to its longest entry.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter

ELIDES = "elidesText"  # the property a layout check reads


def text_room(combo: QComboBox) -> int:
    """The pixels ``combo`` draws its current text in (beside its icon, if any)."""
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    rect = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    room = rect.width() - 2  # the label is drawn one pixel in from each side
    if not opt.currentIcon.isNull():
        room -= opt.iconSize.width() + 4
    return max(room, 0)


def shown_text(combo: QComboBox) -> str:
    """The current text as drawn: whole when it fits, else shortened with "…"."""
    return combo.fontMetrics().elidedText(
        combo.currentText(), Qt.TextElideMode.ElideRight, text_room(combo)
    )


def paint(combo: QComboBox) -> None:
    """Draw ``combo`` (not editable) with its current text as ``shown_text`` says."""
    painter = QStylePainter(combo)
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
    opt.currentText = shown_text(combo)
    painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


class _Painter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Paint
            and isinstance(watched, QComboBox)
            and not watched.isEditable()
        ):
            if watched.toolTip() != watched.currentText():  # a refill sends no signal
                watched.setToolTip(watched.currentText())
            paint(watched)
            return True
        return False


def elide(combo: QComboBox) -> QComboBox:
    """``combo`` draws a text too long for it shortened with "…", its tool tip saying it whole."""
    combo.installEventFilter(_Painter(combo))
    combo.setProperty(ELIDES, True)
    combo.currentTextChanged.connect(combo.setToolTip)
    combo.setToolTip(combo.currentText())
    return combo
