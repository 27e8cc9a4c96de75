"""Copying the evidence files out of the workspace into the pack, hashing them on the way.

A reader thread streams each file's stored chunks and hashes them while the calling thread writes
the previous chunks: SQLite reads, SHA-256 and file writes all release the GIL, so reading and
hashing overlap with writing. The hash of what was written is checked against the evidence's
SHA-256 (the workspace is content-addressed): damaged stored bytes stop the export.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.exc import NoResultFound

from ipaudit.export.data import EvidenceFile
from ipaudit.export.errors import EvidenceDamaged
from ipaudit.export.sinks import Sink

if TYPE_CHECKING:
    from ipaudit.services import Workspace

QUEUE_CHUNKS = 16  # chunks of 1 MB in flight between the reader and the writer


@dataclass(frozen=True, slots=True)
class _End:
    digest: str


@dataclass(frozen=True, slots=True)
class _Failed:
    error: BaseException


_DONE = object()


def copy_evidence(
    ws: Workspace,
    sink: Sink,
    files: Sequence[EvidenceFile],
    *,
    step: Callable[[int], None],
    abort: threading.Event,
) -> None:
    """Write ``files`` (in this order) into ``sink``; ``step(units)`` reports kibibytes done.

    ``step`` may raise (a cancel); the reader is then stopped and joined before this returns.
    """
    if not files:
        return
    q: queue.Queue[object] = queue.Queue(maxsize=QUEUE_CHUNKS)
    stop = threading.Event()

    def put(item: object) -> bool:
        while not (stop.is_set() or abort.is_set()):
            try:
                q.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for ef in files:
                h = hashlib.sha256()
                try:
                    for chunk in ws.store.iter_blob(ef.evidence.sha256):
                        h.update(chunk)
                        if not put(chunk):
                            return
                except NoResultFound:
                    put(
                        _Failed(
                            EvidenceDamaged(ws.path, ef.evidence.original_name, ef.evidence.sha256)
                        )
                    )
                    return
                if not put(_End(h.hexdigest())):
                    return
            put(_DONE)
        except BaseException as exc:  # handed to the writing thread, which raises it
            put(_Failed(exc))

    reader = threading.Thread(target=read, name="pack-evidence-reader", daemon=True)
    reader.start()
    try:
        for ef in files:
            ending: list[str] = []
            counted = [0]

            def count(units: int, counted: list[int] = counted) -> None:
                counted[0] += units
                step(units)

            written = sink.add_stream(ef.path, _chunks(q, ending, count), ef.evidence.size)
            step(max(ef.evidence.size // 1024 + 1 - counted[0], 0))  # the file's share, in full
            digest = ending[0]
            if digest != ef.evidence.sha256:
                raise EvidenceDamaged(ws.path, ef.evidence.original_name, ef.evidence.sha256)
            sink.record(ef.path, written, digest)
        if q.get() is not _DONE:
            raise RuntimeError("evidence reader out of step")
    finally:
        stop.set()  # the reader has finished, or must stop now
        reader.join()


def _chunks(
    q: queue.Queue[object], ending: list[str], step: Callable[[int], None]
) -> Iterator[bytes]:
    """One file's chunks from the queue; its hash lands in ``ending``."""
    while True:
        item = q.get()
        if isinstance(item, bytes):
            step(len(item) // 1024)
            yield item
        elif isinstance(item, _End):
            ending.append(item.digest)
            return
        elif isinstance(item, _Failed):
            raise item.error
        else:
            raise RuntimeError("evidence reader ended early")
