"""Widgets that fit a short or narrow screen (1366×768, or 1920×1080 at 150 %) instead of making
the window larger than the screen: a page that scrolls only up and down, and a combo box whose
width does not follow its longest entry (the entry shown in full as its tool tip), and table
columns of a set width."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame, QScrollArea, QTableView, QWidget


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


def fit_columns(table: QTableView, samples: Mapping[int, str]) -> None:
    """Each of these columns of ``table`` as wide as its title or its sample text, whichever is
    wider (call it again when the language changed: the titles did)."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    model = table.model()
    for col, sample in samples.items():
        title = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
        wide = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
        header.resizeSection(col, wide + 16)
