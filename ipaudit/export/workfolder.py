"""The hidden work folder beside an export's target, and what a killed export leaves behind.

A pack is written into ``.<target name>.part-<8 hex>/`` next to the target: the pack itself
(``new``, a folder or a .zip) and a marker file naming the target, which the writing process
keeps locked. Committing renames a replaced pack into the work folder (``old``), the new pack
onto the target, and then removes the work folder. Whatever moment the process is killed at,
only the work folder is left — and the next export of the same target recognises it (its name,
its marker, and no process holding the marker's lock), puts a previous pack that was half-way
replaced back in place, and removes it; a folder of that name killed before its marker was
written is empty and is removed with ``rmdir``. Nothing else is ever removed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
import uuid
from pathlib import Path
from typing import IO

MARKER = ".ipaudit-export"
_SUFFIX = re.compile(r"\.part-[0-9a-f]{8}")


def fsync_folder(folder: Path) -> None:
    """Make a folder's entries (created, renamed) durable; a no-op where folders cannot be opened
    (Windows)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def try_lock(fh: IO[bytes]) -> bool:
    """Take the marker's lock without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class WorkFolder:
    """Where a pack for ``target`` is written until it is complete."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path = target.parent / f".{target.name}.part-{uuid.uuid4().hex[:8]}"
        self.path.mkdir()
        self.new = self.path / ("new.zip" if target.suffix.lower() == ".zip" else "new")
        self._marker: IO[bytes] | None = (self.path / MARKER).open("w+b")
        try_lock(self._marker)  # before anything is written: a blank marker may be a live one
        self._marker.write(json.dumps({"target": target.name, "pid": os.getpid()}).encode("utf-8"))
        self._marker.flush()

    def commit(self, replace: bool) -> None:
        """Move the new pack onto the target (an earlier pack there, when ``replace``, goes into
        the work folder first and is put back if the move fails); then remove the work folder."""
        old = self.path / "old"
        had_old = replace and (self.target.exists() or self.target.is_symlink())
        if had_old:
            os.replace(self.target, old)
        try:
            os.replace(self.new, self.target)
        except OSError:
            if had_old:
                os.replace(old, self.target)
            raise
        fsync_folder(self.target.parent)
        self.discard()

    def discard(self) -> None:
        if self._marker is not None:
            self._marker.close()  # releases the lock
            self._marker = None
        shutil.rmtree(self.path, ignore_errors=True)


def remove_stale(target: Path) -> int:
    """Remove the work folders that killed exports of ``target`` left beside it (ours: the name
    pattern, a marker naming ``target``, no live process holding it); a previous pack that was
    being replaced goes back onto the target if that is empty. Returns how many were removed."""
    removed = 0
    prefix = f".{target.name}"
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not name.startswith(prefix) or not _SUFFIX.fullmatch(name[len(prefix) :]):
            continue
        if entry.is_symlink() or not entry.is_dir():
            continue
        if _only_a_blank_marker(entry):  # killed before its marker was written
            with contextlib.suppress(OSError):
                if (entry / MARKER).exists():
                    with (entry / MARKER).open("r+b") as fh:
                        if not try_lock(fh):
                            continue  # being made right now
                    (entry / MARKER).unlink()
                entry.rmdir()  # only ever removes an empty folder
                removed += 1
            continue
        if not _is_ours(entry / MARKER, target):
            continue
        with contextlib.suppress(OSError):
            with (entry / MARKER).open("r+b") as fh:
                if not try_lock(fh):
                    continue  # an export is writing it right now
            old = entry / "old"
            if (old.exists() or old.is_symlink()) and not (target.exists() or target.is_symlink()):
                os.replace(old, target)
            shutil.rmtree(entry)
            removed += 1
    return removed


def _only_a_blank_marker(folder: Path) -> bool:
    """A work folder made just before its process was killed: empty, or holding nothing but an
    empty marker."""
    try:
        names = [p.name for p in folder.iterdir()]
        return names == [] or (names == [MARKER] and (folder / MARKER).stat().st_size == 0)
    except OSError:
        return False


def _is_ours(marker: Path, target: Path) -> bool:
    try:
        if marker.is_symlink() or not marker.is_file() or marker.stat().st_size > 4096:
            return False
        data = json.loads(marker.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and data.get("target") == target.name
