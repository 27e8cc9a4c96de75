"""How grades look: the auditors' symbols (× ○ △), their colours and names.

The grade icons are the application's (``ipaudit.ui.icons.grade_icon``, re-exported here).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from ipaudit.domain.model import Grade
from ipaudit.ui.icons import grade_icon as grade_icon

SYMBOLS: dict[Grade, str] = {Grade.MAJOR: "×", Grade.MINOR: "○", Grade.OBSERVATION: "△"}

COLORS: dict[Grade, QColor] = {
    Grade.MAJOR: QColor("#c62828"),  # red
    Grade.MINOR: QColor("#e67e00"),  # amber
    Grade.OBSERVATION: QColor("#1565c0"),  # blue
}

#: muted colour for accepted findings
ACCEPTED_COLOR = QColor("#757575")


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
