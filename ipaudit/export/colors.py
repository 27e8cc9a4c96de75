"""Cell colours shared by the report and the workbook (RGB hex, as docx and xlsx both take them)."""

from __future__ import annotations

from ipaudit.domain.model import Grade

GRADE_COLOR = {Grade.MAJOR: "FFC7CE", Grade.MINOR: "FFEB9C", Grade.OBSERVATION: "DDEBF7"}
READY_COLOR = "C6EFCE"


def level_color(percent: float) -> str:
    """A readiness percentage's colour: green from 90, the minor grade's from 70, else major's."""
    if percent >= 90:
        return READY_COLOR
    return GRADE_COLOR[Grade.MINOR] if percent >= 70 else GRADE_COLOR[Grade.MAJOR]
