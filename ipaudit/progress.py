"""The shapes every long operation shares, whatever layer it runs in: a progress callback, a cancel
check and the exception a cancelled operation raises. Imports nothing of ipaudit, so the store,
the ledger reader, the export and the GUI can all use it."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]  # (done, total), in the operation's own unit
CancelCheck = Callable[[], bool]  # True: stop now


class Cancelled(Exception):
    """The user cancelled a long operation; nothing was written."""
