"""Copying the evidence files out of the workspace into the pack, hashing them on the way.

Each file is streamed chunk by chunk from the workspace (never read whole), hashed and written in
one pass. Into a folder, two files are copied at a time: SQLite reads, SHA-256 and file writes
release the GIL, so two copies keep both CPUs busy. A zip takes its entries one after another, in
order; there a helper thread hashes each chunk while the chunk is written (and its CRC computed).
The hash of what was written is checked against the evidence's SHA-256 (the workspace is
content-addressed): damaged stored bytes stop the export.
"""

from __future__ import annotations

import hashlib
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from typing import TYPE_CHECKING

from ipaudit.export.data import EvidenceFile
from ipaudit.export.errors import EvidenceDamaged
from ipaudit.export.sinks import FolderSink, Sink
from ipaudit.store.blobs import Cancelled

if TYPE_CHECKING:
    from ipaudit.services import Workspace

PARALLEL_FILES = 2
HASH_AHEAD = 4  # chunks handed to the hashing thread and not yet hashed


class _Digest:
    """SHA-256 of a stream, computed in order by ``pool`` (one thread) or inline without one."""

    def __init__(self, pool: ThreadPoolExecutor | None) -> None:
        self.pool = pool
        self.h = hashlib.sha256()
        self.pending: deque[Future[None]] = deque()

    def update(self, chunk: bytes) -> None:
        if self.pool is None:
            self.h.update(chunk)
            return
        self.pending.append(self.pool.submit(self.h.update, chunk))
        while len(self.pending) > HASH_AHEAD:
            self.pending.popleft().result()

    def hexdigest(self) -> str:
        while self.pending:
            self.pending.popleft().result()
        return self.h.hexdigest()


def copy_evidence(
    ws: Workspace,
    sink: Sink,
    files: Sequence[EvidenceFile],
    *,
    step: Callable[[int], None],
    abort: threading.Event,
) -> None:
    """Write ``files`` into ``sink``; ``step(units)`` reports kibibytes done and may raise (a
    cancel). A zip receives them in the given order."""
    if not isinstance(sink, FolderSink) or len(files) < 2:
        with ThreadPoolExecutor(1, thread_name_prefix="pack-hash") as hasher:
            for ef in files:
                _copy_one(ws, sink, ef, step, abort, hasher)
        return
    stop = threading.Event()

    def stopping_step(units: int) -> None:
        if stop.is_set():
            raise Cancelled
        step(units)

    with ThreadPoolExecutor(PARALLEL_FILES, thread_name_prefix="pack-evidence") as pool:
        futures = [pool.submit(_copy_one, ws, sink, ef, stopping_step, abort) for ef in files]
        done, _pending = wait(futures, return_when=FIRST_EXCEPTION)
        failed = next((f for f in done if f.exception() is not None), None)
        if failed is not None:
            stop.set()
            for f in futures:
                f.cancel()
            raise failed.exception()  # type: ignore[misc]


def _copy_one(
    ws: Workspace,
    sink: Sink,
    ef: EvidenceFile,
    step: Callable[[int], None],
    abort: threading.Event,
    hasher: ThreadPoolExecutor | None = None,
) -> None:
    if abort.is_set():
        raise Cancelled
    ev = ef.evidence
    digest = _Digest(hasher)
    counted = 0

    def chunks() -> Iterator[bytes]:
        nonlocal counted
        for chunk in ws.store.iter_blob(ev.sha256):
            digest.update(chunk)
            units = len(chunk) // 1024
            counted += units
            step(units)
            yield chunk

    written = sink.add_stream(ef.path, chunks(), ev.size)
    step(max(ev.size // 1024 + 1 - counted, 0))  # the file's whole share of the progress
    hexdigest = digest.hexdigest()
    if hexdigest != ev.sha256:
        raise EvidenceDamaged(ws.path, ev.original_name, ev.sha256)
    sink.record(ef.path, written, hexdigest)
