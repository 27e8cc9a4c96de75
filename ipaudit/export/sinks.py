"""Where a pack's files go while it is written: a folder or a .zip inside the hidden work folder
beside the target (``workfolder.WorkFolder``), moved into place only when complete (or removed when
anything went wrong).

Durability: every file is flushed to the disk (``fsync``) as it is closed, the folders once at the
end, and the target's folder after the rename — so a pack that was reported written, and recorded
in the workspace's export history, survives a power cut.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from ipaudit.export.errors import TargetExists, TargetNotAPack
from ipaudit.export.manifest import FileRecord, replaceable_problem
from ipaudit.export.workfolder import WorkFolder, fsync_folder
from ipaudit.export.zipstable import compressible, entry

ZIP64_FROM = 0x7FFF0000


def _write_all(out: IO[bytes], chunks: Iterable[bytes]) -> int:
    """Write every chunk to ``out``; the number of bytes written."""
    written = 0
    for chunk in chunks:
        out.write(chunk)
        written += len(chunk)
    return written


def check_target(target: Path, overwrite: bool) -> None:
    """Refuse an existing ``target`` unless ``overwrite`` and it is an earlier ipaudit pack (which
    is then replaced as a whole); anything else there is the user's and is never touched."""
    if not target.exists() and not target.is_symlink():
        return
    if not overwrite:
        raise TargetExists(target)
    problem = replaceable_problem(target)
    if problem is not None:
        raise TargetNotAPack(target, *problem)


class Sink:
    """Receives the pack's files in a fixed order and records each file's size and SHA-256."""

    def __init__(self) -> None:
        self.records: list[FileRecord] = []

    def record(self, rel: str, size: int, digest: str) -> None:
        self.records.append(FileRecord(rel, size, digest))

    def add_bytes(self, rel: str, data: bytes) -> None:
        self._store(rel, (data,), len(data))
        self.record(rel, len(data), hashlib.sha256(data).hexdigest())

    def add_stream(self, rel: str, chunks: Iterable[bytes], size: int) -> int:
        """Store a stream whose hash the caller computes (and records with ``record``)."""
        return self._store(rel, chunks, size)

    def _store(self, rel: str, chunks: Iterable[bytes], size: int) -> int:
        raise NotImplementedError

    def commit(self, target: Path, overwrite: bool) -> None:
        raise NotImplementedError

    def discard(self) -> None:
        raise NotImplementedError


class FolderSink(Sink):
    def __init__(self, target: Path) -> None:
        super().__init__()
        self.work = WorkFolder(target)
        self.tmp = self.work.new
        self.tmp.mkdir()
        self._made: set[Path] = {self.tmp}

    def _store(self, rel: str, chunks: Iterable[bytes], size: int) -> int:
        path = self.tmp / rel
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.update(p for p in path.parents if self.tmp in p.parents)
        with path.open("wb") as out:
            written = _write_all(out, chunks)
            out.flush()
            os.fsync(out.fileno())
        return written

    def commit(self, target: Path, overwrite: bool) -> None:
        for folder in sorted(self._made, key=lambda p: len(p.parts), reverse=True):
            fsync_folder(folder)
        check_target(target, overwrite)
        self.work.commit(overwrite)

    def discard(self) -> None:
        self.work.discard()


class ZipSink(Sink):
    """Entries under ``root/``, dated ``moment``; compressed formats stored, the rest deflated."""

    def __init__(self, target: Path, root: str, moment: dt.datetime) -> None:
        super().__init__()
        self.root = root
        self.moment = moment
        self.work = WorkFolder(target)
        self.tmp = self.work.new
        self.file = self.tmp.open("wb")
        self.zip = zipfile.ZipFile(self.file, "w", allowZip64=True)

    def _store(self, rel: str, chunks: Iterable[bytes], size: int) -> int:
        info = entry(f"{self.root}/{rel}", self.moment, compressible(rel))
        info.file_size = size
        with self.zip.open(info, "w", force_zip64=size > ZIP64_FROM) as out:
            return _write_all(out, chunks)

    def commit(self, target: Path, overwrite: bool) -> None:
        self.zip.close()
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        check_target(target, overwrite)
        self.work.commit(overwrite)

    def discard(self) -> None:
        # a half-written entry may refuse to close; the file is removed below anyway
        with contextlib.suppress(OSError, ValueError, RuntimeError, zipfile.BadZipFile):
            self.zip.close()
        with contextlib.suppress(OSError):
            self.file.close()
        self.work.discard()
