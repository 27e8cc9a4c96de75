"""Helpers shared by the GUI tests: the main window shown for a test, a page that hosts an audit
view, an audit view shown at the size of a 1366×768 screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtWidgets import QWidget

from ipaudit.ui import i18n, workers
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.settings import Settings

V = TypeVar("V", bound=QWidget)


@contextmanager
def main_window(
    qtbot: Any, language: str, *, size: tuple[int, int] | None = None
) -> Iterator[MainWindow]:
    """The main window in ``language`` (at ``size``), shown with no workspace open; afterwards it
    is closed, its workers waited for and the language reset."""
    i18n.set_language(language)
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    if size is not None:
        win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        win.close()
        workers.wait_all()
        i18n.reset()


class ItemPage(QWidget):
    """Stands where the workspace page hosts an audit view: it records the items shown."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[tuple[str, str]] = []

    def show_item(self, department: str, item: str) -> None:
        self.shown.append((department, item))


def show_view(view_type: type[V], session: Any, qtbot: Any) -> V:
    """An audit view of ``session`` shown at 1366×700 (a 1366×768 screen less the title bar)."""
    view = view_type(session)  # type: ignore[call-arg]
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    return view
