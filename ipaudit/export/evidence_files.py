"""Copying the evidence files out of the workspace into the pack, hashing them on the way.

Each file is streamed chunk by chunk from the workspace (never read whole), hashed and written in
one pass. Into a folder, two files are copied at a time: SQLite reads, SHA-256 and file writes
release the GIL, so two copies keep both CPUs busy. A zip takes its entries one after another, in
order; there a reader thread reads and hashes the chunks a few mebibytes ahead of the thread that
computes their CRC and writes them into the zip.
The stored chunks (a mebibyte each) are joined into blocks of a few mebibytes before they are hashed
and written: every hash, CRC and write releases the GIL and must win it back from the thread that
builds the documents, and fewer, larger calls keep that hand-over from dominating the copy.
The hash of what was written is checked against the evidence's SHA-256 (the workspace is
content-addressed): damaged stored bytes stop the export.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass

from ipaudit.export.data import EvidenceFile
from ipaudit.export.errors import EvidenceDamaged
from ipaudit.export.sinks import FolderSink, Sink
from ipaudit.export.source import EvidenceSource
from ipaudit.progress import Cancelled

PARALLEL_FILES = 2
BLOCK = 8 << 20  # bytes hashed and written per call


def blocks(chunks: Iterable[bytes], size: int = BLOCK) -> Iterator[bytes]:
    """``chunks`` joined into blocks of at least ``size`` bytes (the last one may be shorter)."""
    pending: list[bytes] = []
    held = 0
    for chunk in chunks:
        pending.append(chunk)
        held += len(chunk)
        if held >= size:
            yield pending[0] if len(pending) == 1 else b"".join(pending)
            pending, held = [], 0
    if pending:
        yield pending[0] if len(pending) == 1 else b"".join(pending)


def copy_evidence(
    ws: EvidenceSource,
    sink: Sink,
    files: Sequence[EvidenceFile],
    *,
    step: Callable[[int], None],
    abort: threading.Event,
) -> None:
    """Write ``files`` into ``sink``; ``step(units)`` reports kibibytes done and may raise (a
    cancel). A zip receives them in the given order."""
    if not isinstance(sink, FolderSink) or len(files) < 2:
        _copy_in_order(ws, sink, files, step, abort)
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
    ws: EvidenceSource,
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
        for chunk in blocks(ws.evidence_bytes(ev.sha256)):
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


# --- in order (a zip): read and hash ahead, write behind ---------------------------------------

READ_AHEAD = 4  # blocks (a few mebibytes each) read and hashed ahead of the writer
_WAIT = 0.1  # seconds between looks at the stop flag while the queue is full


@dataclass(frozen=True, slots=True)
class _End:
    """The last item of one file in the read-ahead queue: its SHA-256."""

    hexdigest: str


@dataclass(frozen=True, slots=True)
class _Failed:
    error: BaseException


def _copy_in_order(
    ws: EvidenceSource,
    sink: Sink,
    files: Sequence[EvidenceFile],
    step: Callable[[int], None],
    abort: threading.Event,
) -> None:
    ahead: queue.Queue[bytes | _End | _Failed] = queue.Queue(READ_AHEAD)
    stop = threading.Event()

    def put(item: bytes | _End | _Failed) -> bool:
        while not stop.is_set():
            try:
                ahead.put(item, timeout=_WAIT)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            for ef in files:
                h = hashlib.sha256()
                for chunk in blocks(ws.evidence_bytes(ef.evidence.sha256)):
                    h.update(chunk)
                    if not put(chunk):
                        return
                if not put(_End(h.hexdigest())):
                    return
        except BaseException as exc:  # handed to the writer, which raises it
            put(_Failed(exc))

    reader = threading.Thread(target=read, name="pack-read-ahead", daemon=True)
    reader.start()
    try:
        for ef in files:
            if abort.is_set():
                raise Cancelled
            _write_one(sink, ef, ahead, step, ws)
    finally:
        stop.set()
        reader.join()


def _write_one(
    sink: Sink,
    ef: EvidenceFile,
    ahead: queue.Queue[bytes | _End | _Failed],
    step: Callable[[int], None],
    ws: EvidenceSource,
) -> None:
    ev = ef.evidence
    counted = 0
    digest = ""

    def chunks() -> Iterator[bytes]:
        nonlocal counted, digest
        while True:
            item = ahead.get()
            if isinstance(item, _Failed):
                raise item.error
            if isinstance(item, _End):
                digest = item.hexdigest
                return
            units = len(item) // 1024
            counted += units
            step(units)
            yield item

    written = sink.add_stream(ef.path, chunks(), ev.size)
    step(max(ev.size // 1024 + 1 - counted, 0))
    if digest != ev.sha256:
        raise EvidenceDamaged(ws.path, ev.original_name, ev.sha256)
    sink.record(ef.path, written, digest)
