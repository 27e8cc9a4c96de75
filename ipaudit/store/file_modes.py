"""The permissions a file we write gets: those of a file made the usual way.

A temporary file from ``tempfile.mkstemp`` is readable by its owner only (0600). Renamed into
place, an export, a packet or a presence file on a shared folder would keep that mode and the
colleagues it is meant for could not open it. ``as_new_file`` gives it the mode ``open()`` would
have given it (0666 less the process's umask), or the mode of the file it replaces.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)  # the only way to read it: set and put back (at import, one thread)
    os.umask(mask)
    return mask


NEW_FILE_MODE = 0o666 & ~_umask()


def as_new_file(temporary: str | Path, replacing: str | Path | None = None) -> None:
    """Give ``temporary`` the permissions of ``replacing`` when that exists, else those of a new
    file. Where permissions cannot be set (some network shares) it stays as it is."""
    mode = NEW_FILE_MODE
    if replacing is not None:
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(os.stat(replacing).st_mode)
    with contextlib.suppress(OSError):
        os.chmod(temporary, mode)
