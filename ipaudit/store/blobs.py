"""Evidence bytes inside the workspace, content-addressed by SHA-256 and streamed in chunks.

A file is read once: each chunk is hashed and written in the same pass, so a 1 GB scan never sits in
memory. When the finished hash is already stored, the caller's transaction is rolled back and the
existing copy is used: identical files are stored once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from sqlalchemy import Connection, select

from ipaudit.progress import CancelCheck, Cancelled, Progress
from ipaudit.store.engine import inserted_id
from ipaudit.store.schema import blob_chunks, blobs

CHUNK_SIZE = 1 << 20


@dataclass(frozen=True, slots=True)
class StoredBlob:
    sha256: str
    size: int
    existed: bool  # True when identical bytes were already stored


def blob_exists(conn: Connection, sha256: str) -> bool:
    return conn.execute(select(blobs.c.id).where(blobs.c.sha256 == sha256)).first() is not None


def write_stream(
    conn: Connection,
    stream: BinaryIO,
    total: int,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> tuple[int, str, int]:
    """Write ``stream`` as a new blob row (hash not yet set): (blob id, sha256, size)."""
    blob_id = inserted_id(conn.execute(blobs.insert().values(sha256=None, size=0)))
    digest = hashlib.sha256()
    size = seq = 0
    insert_chunk = blob_chunks.insert()  # one chunk at a time: SQLite's BLOB, PostgreSQL's bytea
    while chunk := stream.read(CHUNK_SIZE):
        if cancel is not None and cancel():
            raise Cancelled
        digest.update(chunk)
        conn.execute(insert_chunk, {"blob_id": blob_id, "seq": seq, "data": chunk})
        seq += 1
        size += len(chunk)
        if progress is not None:
            progress(size, total)
    return blob_id, digest.hexdigest(), size


def finish_blob(conn: Connection, blob_id: int, sha256: str, size: int) -> None:
    conn.execute(blobs.update().where(blobs.c.id == blob_id).values(sha256=sha256, size=size))


def iter_blob(conn: Connection, sha256: str) -> Iterator[bytes]:
    """The stored bytes of ``sha256`` chunk by chunk, from one streamed query (a query per chunk
    would take twice the time for a large file). On PostgreSQL the query runs in a server-side
    cursor (``stream_results``), so the client holds one chunk at a time, not the file."""
    query = (
        select(blob_chunks.c.data)
        .join(blobs, blobs.c.id == blob_chunks.c.blob_id)
        .where(blobs.c.sha256 == sha256)
        .order_by(blob_chunks.c.seq)
    )
    # a few 1 MiB rows at a time: SQLAlchemy's row buffer would otherwise grow to 1,000 rows
    for (data,) in conn.execution_options(stream_results=True, max_row_buffer=4).execute(query):
        yield bytes(data)
