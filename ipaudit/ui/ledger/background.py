"""Running the ledger work in the thread pool: a task, its progress dialog, and where failures go.

Expected failures (``LedgerError``, a file the system refused …) come back as their message in the
UI language, for the page or view to show where the user is looking; anything else is a bug and
goes to the crash dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from ipaudit.ui import errors, workers
from ipaudit.ui.progress import TaskProgressDialog


def start(
    fn: Callable[[workers.TaskContext], Any],
    on_done: Callable[[Any], object],
    on_error: Callable[[BaseException], object],
    *,
    description: str,
    parent: QWidget | None = None,
    label: str = "",
    cancellable: bool = False,
    on_cancelled: Callable[[], None] | None = None,
) -> workers.Task:
    """Run ``fn`` in a worker; with ``label`` a progress dialog follows it (after a moment)."""
    task = workers.Task(fn, description)
    if label:
        TaskProgressDialog(task, label, parent, cancellable=cancellable)
    task.finished.connect(on_done)
    task.failed.connect(on_error)
    if on_cancelled is not None:
        task.cancelled.connect(on_cancelled)
    workers.start(task)
    return task


def expected_text(exc: BaseException, parent: QWidget | None = None) -> str | None:
    """The message of an expected failure; a bug goes to the crash dialog and gives None."""
    message = errors.expected_message(exc)
    if message is None:
        errors.show_error(exc, parent)
    return message
