"""Write a whole file atomically: to a temporary name beside the target, renamed into place only
when complete, so a failure never leaves half a file or damages the file it would replace."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ipaudit.store.file_modes import as_new_file


@contextlib.contextmanager
def replacing(path: str | Path, suffix: str | None = None) -> Iterator[Path]:
    """A temporary file beside ``path`` (named ``.<stem>-…<suffix>``, the target's suffix by
    default) to write the whole new file to: renamed to ``path`` when the block ends, removed when
    it raises (``path`` untouched)."""
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.stem}-",
        suffix=target.suffix if suffix is None else suffix,
        dir=target.parent,
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        as_new_file(tmp, replacing=target)  # not mkstemp's owner-only mode
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (created or replaced whole); returns the path."""
    target = Path(path)
    with replacing(target) as tmp, tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return target
