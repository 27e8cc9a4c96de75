"""Copying the evidence files out of the workspace into the pack, hashing them on the way.

Each file is streamed chunk by chunk from the workspace (never read whole), hashed and written in
one pass. Into a folder, two files are copied at a time: SQLite reads, SHA-256 and file writes
release the GIL, so two copies keep both CPUs busy. A zip takes its entries one after another, in
order. The hash of what was written is checked against the evidence's SHA-256 (the workspace is
content-addressed): damaged stored bytes stop the export.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from typing import TYPE_CHECKING

from sqlalchemy.exc import NoResultFound

from ipaudit.export.data import EvidenceFile
from ipaudit.export.errors import EvidenceDamaged
from ipaudit.export.sinks import FolderSink, Sink
from ipaudit.store.blobs import Cancelled

if TYPE_CHECKING:
    from ipaudit.services import Workspace

PARALLEL_FILES = 2


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
        for ef in files:
            _copy_one(ws, sink, ef, step, abort)
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
) -> None:
    if abort.is_set():
        raise Cancelled
    ev = ef.evidence
    digest = hashlib.sha256()
    counted = 0

    def chunks() -> Iterator[bytes]:
        nonlocal counted
        for chunk in ws.store.iter_blob(ev.sha256):
            digest.update(chunk)
            units = len(chunk) // 1024
            counted += units
            step(units)
            yield chunk

    try:
        written = sink.add_stream(ef.path, chunks(), ev.size)
    except NoResultFound as exc:
        raise EvidenceDamaged(ws.path, ev.original_name, ev.sha256) from exc
    step(max(ev.size // 1024 + 1 - counted, 0))  # the file's whole share of the progress
    if digest.hexdigest() != ev.sha256:
        raise EvidenceDamaged(ws.path, ev.original_name, ev.sha256)
    sink.record(ef.path, written, digest.hexdigest())
