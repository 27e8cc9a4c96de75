"""Icons from ``ipaudit/resources/icons/*.svg``: vector, so they stay sharp at any screen scale.

``icon("open")`` for actions and views; ``status_icon(Status.READY)`` and
``grade_icon(Grade.MAJOR)`` for the checklist, findings and navigator.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPixmap

from ipaudit.domain.model import Grade, Status
from ipaudit.resource_files import resource_path

ICON_DIR = resource_path("icons")


def icon_names() -> list[str]:
    return sorted(p.stem for p in ICON_DIR.glob("*.svg"))


@cache
def icon(name: str) -> QIcon:
    """The icon ``ipaudit/resources/icons/<name>.svg``; KeyError for an unknown name."""
    path = ICON_DIR / f"{name}.svg"
    if not path.is_file():
        raise KeyError(name)
    result = QIcon()
    result.addFile(str(path))  # the SVG engine renders it at whatever size and scale is asked
    return result


def status_icon(status: Status | str) -> QIcon:
    return icon(f"status-{Status(status).value}")


def grade_icon(grade: Grade | str | None) -> QIcon:
    """The icon of a finding grade; an empty icon for None (no finding)."""
    if grade is None or grade == "":
        return QIcon()
    return icon(f"grade-{Grade(grade).value}")


def app_icon() -> QIcon:
    return icon("app")


def pixmap(name: str, size: int, device_pixel_ratio: float = 1.0) -> QPixmap:
    """A pixmap of ``size`` logical pixels rendered for ``device_pixel_ratio``."""
    return icon(name).pixmap(QSize(size, size), device_pixel_ratio)
