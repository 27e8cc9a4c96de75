"""Where a pack's files go while it is written: a hidden folder or a hidden .zip beside the target,
moved into place only when complete (or removed when anything went wrong)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import uuid
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from ipaudit.export.errors import TargetExists
from ipaudit.export.manifest import FileRecord
from ipaudit.export.zipstable import compressible, entry

ZIP64_FROM = 0x7FFF0000


def temporary_name(target: Path, kind: str) -> Path:
    return target.parent / f".{target.name}.{kind}-{uuid.uuid4().hex[:8]}"


def _write_all(out: IO[bytes], chunks: Iterable[bytes]) -> int:
    """Write every chunk to ``out``; the number of bytes written."""
    written = 0
    for chunk in chunks:
        out.write(chunk)
        written += len(chunk)
    return written


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
        self.tmp = temporary_name(target, "part")
        self.tmp.mkdir()
        self._made: set[Path] = set()

    def _store(self, rel: str, chunks: Iterable[bytes], size: int) -> int:
        path = self.tmp / rel
        if path.parent not in self._made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(path.parent)
        with path.open("wb") as out:
            return _write_all(out, chunks)

    def commit(self, target: Path, overwrite: bool) -> None:
        move_into_place(self.tmp, target, overwrite)

    def discard(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


class ZipSink(Sink):
    """Entries under ``root/``, dated ``moment``; compressed formats stored, the rest deflated."""

    def __init__(self, target: Path, root: str, moment: dt.datetime) -> None:
        super().__init__()
        self.root = root
        self.moment = moment
        self.tmp = temporary_name(target, "part")
        self.zip = zipfile.ZipFile(self.tmp, "w", allowZip64=True)

    def _store(self, rel: str, chunks: Iterable[bytes], size: int) -> int:
        info = entry(f"{self.root}/{rel}", self.moment, compressible(rel))
        info.file_size = size
        with self.zip.open(info, "w", force_zip64=size > ZIP64_FROM) as out:
            return _write_all(out, chunks)

    def commit(self, target: Path, overwrite: bool) -> None:
        self.zip.close()
        move_into_place(self.tmp, target, overwrite)

    def discard(self) -> None:
        # a half-written entry may refuse to close; the file is removed below anyway
        with contextlib.suppress(OSError, ValueError, RuntimeError, zipfile.BadZipFile):
            self.zip.close()
        self.tmp.unlink(missing_ok=True)


def move_into_place(tmp: Path, target: Path, overwrite: bool) -> None:
    """Rename ``tmp`` to ``target``; an existing target is replaced only when ``overwrite``."""
    if not target.exists() and not target.is_symlink():
        os.replace(tmp, target)
        return
    if not overwrite:
        raise TargetExists(target)
    old = temporary_name(target, "old")
    os.replace(target, old)
    try:
        os.replace(tmp, target)
    except OSError:
        os.replace(old, target)  # put the previous pack back
        raise
    if old.is_dir() and not old.is_symlink():
        shutil.rmtree(old, ignore_errors=True)
    else:
        old.unlink(missing_ok=True)
