"""A progress dialog bound to a ``workers.Task``: it follows the task's progress, Cancel asks the
task to stop, and it closes itself when the task has reported (finished, failed or cancelled).

Create it before starting the task. It only appears when the work takes longer than ``minimum_ms``, so quick tasks do not flash.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from ipaudit.ui import errors
from ipaudit.ui.workers import Task

#: QProgressDialog counts in int; totals beyond this are scaled down
_SCALE_LIMIT = 1_000_000
#: a dialog's own QProgressBar counts in thousandths of the work
BAR_MAX = 1000


def _bar_value(bar: QProgressBar, done: int, total: int) -> None:
    if total <= 0:
        bar.setRange(0, 0)
        return
    bar.setRange(0, BAR_MAX)
    bar.setValue(min(BAR_MAX, done * BAR_MAX // total))


def wire_task(
    task: Task,
    dialog: Any,
    headline: errors.Headline,
    *,
    finished: Callable[[Any], object] | None = None,
) -> Task:
    """Connect ``task`` to the dialog's progress bar and its finished (else ``finished``), failed
    and cancelled slots; a failure also reaches the error dialogs under ``headline``."""
    task.progress.connect(lambda done, total: _bar_value(dialog.progress, done, total))
    task.finished.connect(finished or dialog._on_finished)
    task.failed.connect(dialog._on_failed)
    task.cancelled.connect(dialog._on_cancelled)
    return errors.watch(task, dialog, headline)


class TaskProgressDialog(QProgressDialog):
    def __init__(
        self,
        task: Task,
        label: str = "",
        parent: QWidget | None = None,
        *,
        title: str = "",
        minimum_ms: int = 400,
        cancellable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskProgressDialog")
        self.task = task
        self._label = label
        self._title = title
        self._cancellable = cancellable
        self._finished = False
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(minimum_ms)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setRange(0, 0)  # busy until the first progress report
        self.setValue(0)
        if not cancellable:
            self.setCancelButton(None)
        self.canceled.connect(self._cancel)
        task.progress.connect(self._on_progress)
        for signal in (task.finished, task.failed, task.cancelled):
            signal.connect(self._done)
        self.retranslate_ui()
        if task.done.is_set():  # it reported before we were listening
            QTimer.singleShot(0, self._done)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self._title or self.tr("Working…"))
        self.setLabelText(self._label or self.tr("Please wait…"))
        if self._cancellable:
            self.setCancelButtonText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_label(self, label: str) -> None:
        self._label = label
        self.setLabelText(label)

    def _on_progress(self, done: int, total: int) -> None:
        if total <= 0:
            if self.maximum() != 0:
                self.setRange(0, 0)
            return
        if total > _SCALE_LIMIT:
            done, total = done * _SCALE_LIMIT // total, _SCALE_LIMIT
        if self.maximum() != total:
            self.setRange(0, total)
        self.setValue(min(done, total))

    def _cancel(self) -> None:
        self.task.cancel()
        self.setLabelText(self.tr("Cancelling…"))

    def _done(self, *_args: object) -> None:
        if self._finished:
            return
        self._finished = True
        self.task.progress.disconnect(self._on_progress)
        self.canceled.disconnect(self._cancel)
        self.hide()  # not close(): QProgressDialog's closeEvent would emit canceled
        self.deleteLater()
