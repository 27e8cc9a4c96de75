"""What an open workspace keeps of its ledgers in memory (``LedgerCache``).

Apart from ``services.ledgers`` so that opening a workspace does not load the ledger reading and
reconciliation modules: they are loaded with the first assessment, in the checks' worker.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ipaudit.services.ledgers import LedgerBook, _Loaded


class LedgerCache:
    """The ledgers an open workspace keeps in memory: the reconciled book of the current ledger
    generation, and the entries of the current imports (a change of rates or window reconciles
    again without reading and preparing the entries again). Owned by the ``Workspace``; closing
    it drops them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._book: tuple[str, LedgerBook] | None = None
        self._loaded: tuple[str, _Loaded] | None = None

    def book(self, generation: str) -> LedgerBook | None:
        with self._lock:
            return self._book[1] if self._book and self._book[0] == generation else None

    def keep_book(self, generation: str, book: LedgerBook) -> None:
        with self._lock:
            self._book = (generation, book)

    def loaded(self, identity: str) -> _Loaded | None:
        with self._lock:
            return self._loaded[1] if self._loaded and self._loaded[0] == identity else None

    def keep_loaded(self, identity: str, loaded: _Loaded) -> None:
        with self._lock:
            self._loaded = (identity, loaded)

    def clear(self) -> None:
        with self._lock:
            self._book = self._loaded = None
