"""A look at files before they are attached: their size, content hash, proposed dates, and whether
the item has the same content already.

The desktop app shows this in one dialog for every dropped file, so the user confirms or corrects
the dates and sees empty files and duplicates before anything is stored. Hashing streams the file in
chunks (a 200 MB scan is never read whole), reports progress and can be cancelled.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ipaudit.domain.model import Evidence
from ipaudit.progress import Cancelled
from ipaudit.services.evidence_dates import DateProposal, propose
from ipaudit.store.errors import SourceFileMissing

CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class FileReview:
    path: Path
    size: int
    sha256: str
    proposal: DateProposal
    #: titles of files on the item with exactly the same content
    duplicate_of: tuple[str, ...] = ()
    #: True when the same content appears earlier in the same drop
    repeated: bool = False

    @property
    def empty(self) -> bool:
        return self.size == 0


def file_sha256(
    path: Path,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> str:
    """SHA-256 of a file read in chunks; ``progress(bytes_read)`` after each chunk."""
    digest = hashlib.sha256()
    done = 0
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                if cancel is not None and cancel():
                    raise Cancelled()
                digest.update(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done)
    except OSError as exc:
        raise SourceFileMissing(path) from exc
    return digest.hexdigest()


def review_files(
    paths: Sequence[Path],
    existing: Sequence[Evidence],
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[FileReview]:
    """One review per file, in order. ``existing``: the evidence already on the item."""
    sizes = []
    for path in paths:
        try:
            sizes.append(path.stat().st_size)
        except OSError as exc:
            raise SourceFileMissing(path) from exc
    total = max(sum(sizes), 1)
    base = 0
    seen: set[str] = set()
    reviews = []
    for path, size in zip(paths, sizes, strict=True):

        def step(done: int, base: int = base) -> None:
            if progress is not None:
                progress(base + done, total)

        sha = file_sha256(path, step, cancel)
        base += size
        same = tuple(e.title for e in existing if e.sha256 == sha)
        reviews.append(FileReview(path, size, sha, propose(path), same, sha in seen))
        seen.add(sha)
    return reviews
