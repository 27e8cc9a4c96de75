"""Column views of a ledger: each attribute of all its entries as one list, extracted once.

The reconciliation reads the same attributes in several places (the matcher, the batches, the
rate check, the number check, the summary). ``Columns(entries).amount`` is
``[e.amount for e in entries]`` built with the loop in C the first time it is asked for and
shared afterwards, which on 10⁵-row ledgers is a good part of the whole run time.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from itertools import compress
from operator import attrgetter, not_

from ipaudit.ledger.model import Entry

_GETTERS = {f.name: attrgetter(f.name) for f in fields(Entry)}


class Columns:
    __slots__ = ("_cache", "entries")

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = entries
        self._cache: dict[str, list] = {}

    def __getattr__(self, name: str) -> list:
        getter = _GETTERS.get(name)
        if getter is None:
            raise AttributeError(name)
        column = self._cache.get(name)
        if column is None:
            column = self._cache[name] = list(map(getter, self.entries))
        return column

    def __len__(self) -> int:
        return len(self.entries)

    def split(self, flags: list[bool]) -> tuple[Columns, Columns]:
        """(entries where the flag is false, entries where it is true), with their columns."""
        yes = Columns(list(compress(self.entries, flags)))
        no = Columns(list(compress(self.entries, map(not_, flags))))
        for name, column in self._cache.items():
            yes._cache[name] = list(compress(column, flags))
            no._cache[name] = list(compress(column, map(not_, flags)))
        return no, yes


def columns(entries: Sequence[Entry] | Columns) -> Columns:
    return entries if isinstance(entries, Columns) else Columns(entries)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while hundreds of thousands of small containers are
    built: none of them forms a cycle, and each collection would walk every entry of the
    ledgers again (otherwise most of the time of a large reconciliation)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
