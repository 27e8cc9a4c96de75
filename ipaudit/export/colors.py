"""Cell colours shared by the report and the workbook (RGB hex, as docx and xlsx both take them)."""

from __future__ import annotations

from ipaudit.domain.model import Grade

GRADE_COLOR = {Grade.MAJOR: "FFC7CE", Grade.MINOR: "FFEB9C", Grade.OBSERVATION: "DDEBF7"}
READY_COLOR = "C6EFCE"
GOOD, FAIR, POOR = "good", "fair", "poor"
LEVEL_COLOR = {GOOD: READY_COLOR, FAIR: GRADE_COLOR[Grade.MINOR], POOR: GRADE_COLOR[Grade.MAJOR]}


def level(percent: float, worst: Grade | None = None) -> str:
    """A department's level: by its percentage (good from 90, fair from 70), and never better than
    its worst unaccepted finding allows (a major one → poor, a minor one → at most fair)."""
    by_percent = GOOD if percent >= 90 else FAIR if percent >= 70 else POOR
    if worst is Grade.MAJOR:
        return POOR
    if worst is Grade.MINOR and by_percent == GOOD:
        return FAIR
    return by_percent


def level_color(percent: float, worst: Grade | None = None) -> str:
    """The cell colour of :func:`level`."""
    return LEVEL_COLOR[level(percent, worst)]
