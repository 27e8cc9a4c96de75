"""Widgets that fit a short or narrow screen (1366×768, or 1920×1080 at 150 %) instead of making
the window larger than the screen: a page that scrolls only up and down, and a combo box whose
width does not follow its longest entry (the entry shown in full as its tool tip)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame, QScrollArea, QWidget


def vertical_scroll(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``content`` in a frameless scroll area that fits it to its width."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    return area


def narrow_combo(combo: QComboBox, chars: int = 24) -> QComboBox:
    """``combo`` about ``chars`` Latin characters wide (some 13 Chinese ones) whatever its
    entries, at least as wide as it grows in its row; a longer entry is cut off in the box and
    shown in full in its list and as the box's tool tip."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    combo.currentTextChanged.connect(combo.setToolTip)
    return combo
