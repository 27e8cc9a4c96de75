"""Long work off the GUI thread: a task runs a function in the thread pool and reports back.

The function receives a ``TaskContext`` with ``progress(done, total)`` and ``cancelled()``; the task
emits ``progress``, then exactly one of ``finished(result)``, ``failed(exception)`` or
``cancelled()`` on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskContext:
    def __init__(self, task: Task) -> None:
        self._task = task

    def progress(self, done: int, total: int) -> None:
        self._task.progress.emit(int(done), int(total))

    def cancelled(self) -> bool:
        return self._task.cancel_requested.is_set()


class Task(QObject):
    # byte counts of files over 2 GB fit; PySide6 takes the C++ type name, its stubs only types
    progress = Signal("qint64", "qint64")  # type: ignore[arg-type]
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, fn: Callable[[TaskContext], Any], description: str = "") -> None:
        super().__init__()
        self.fn = fn
        self.description = description
        self.cancel_requested = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self.cancel_requested.set()

    def _run(self) -> None:
        try:
            result = self.fn(TaskContext(self))
        except Exception as exc:  # handed to the GUI thread, which decides expected vs bug
            # imported here: the store (and SQLAlchemy) is not loaded before the first paint
            from ipaudit.progress import Cancelled

            if isinstance(exc, Cancelled):
                self.cancelled.emit()
                return
            log.debug("task %s failed", self.description, exc_info=True)
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        finally:
            self.done.set()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task._run()


_running: set[Task] = set()


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    """Run ``task`` in the pool. The task object is kept alive until it has reported."""
    _running.add(task)

    def _forget(*_args: object) -> None:
        _running.discard(task)

    task.finished.connect(_forget)
    task.failed.connect(_forget)
    task.cancelled.connect(_forget)
    (pool or QThreadPool.globalInstance()).start(_Runnable(task))
    return task


def run_task(fn: Callable[[TaskContext], Any], description: str = "") -> Task:
    return start(Task(fn, description))


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Wait for every running task (used when closing a workspace and by tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
