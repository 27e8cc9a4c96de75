"""A look at files before they are attached: their size, content hash, proposed dates, and whether
the item has the same content already.

The desktop app shows this in one dialog for every dropped file, so the user confirms or corrects
the dates and sees empty files and duplicates before anything is stored. Hashing streams the file in
chunks (a 200 MB scan is never read whole), reports progress and can be cancelled.

An empty file or one with the contents of a file the item holds is no record of its own
(domain.evidence_copies): :func:`attach_refusal` is the one rule by which attaching refuses it
unless the user insists (``Workspace.attach(force=True)``: the command line's ``--force``, a file
the user ticks in the desktop app's dialog although it is flagged there).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ipaudit.domain.evidence_copies import is_empty
from ipaudit.domain.model import Evidence, Text
from ipaudit.progress import Cancelled
from ipaudit.store.errors import InvalidInput, SourceFileMissing

if TYPE_CHECKING:  # the date reading is loaded with the first review, not with the workspace
    from ipaudit.services.evidence_dates import DateProposal

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
    from ipaudit.services.evidence_dates import propose

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
        same = tuple(e.title for e in same_contents(existing, sha))
        reviews.append(FileReview(path, size, sha, propose(path), same, sha in seen))
        seen.add(sha)
    return reviews


def same_contents(existing: Sequence[Evidence], sha256: str) -> list[Evidence]:
    """The files of ``existing`` holding exactly the contents of SHA-256 ``sha256`` (a file
    stored without its hash is the same as none)."""
    return [e for e in existing if sha256 and e.sha256 == sha256]


class AttachRefused(InvalidInput):
    """A file that is no record of its own: empty (``reason`` "empty") or the contents of a file
    the item holds already (``reason`` "duplicate", ``same``: those files' titles)."""

    code = "attach_refused"

    def __init__(self, path: Path, text: Text, reason: str, same: tuple[str, ...] = ()) -> None:
        super().__init__(text.zh, text.en, path)
        self.reason = reason
        self.same = same


def attach_refusal(
    path: Path,
    item_title: Text,
    existing: Sequence[Evidence],
    cancel: Callable[[], bool] | None = None,
) -> AttachRefused | None:
    """Why ``path`` is not to be attached to an item (``item_title``) holding ``existing`` (its
    current files): it is empty, or it holds exactly the contents of one of them. The file is
    hashed only when one of them has its size. None when it may be attached, or when it cannot be
    read (attaching says why)."""
    try:
        if not path.is_file():
            return None
        size = path.stat().st_size
    except OSError:
        return None
    if size == 0:
        return AttachRefused(
            path,
            Text(
                f"文件“{path.name}”是空的（0 字节），不能作为记录，未附加。请检查是否选错了文件，"
                "改附有内容的原件。",
                f"The file '{path.name}' is empty (0 bytes) and cannot be a record; it was not"
                " attached. Check that it is the right file, and attach the original with its"
                " contents.",
            ),
            "empty",
        )
    sized = [e for e in existing if e.size == size and e.sha256 and not is_empty(e)]
    if not sized:
        return None
    same = same_contents(sized, file_sha256(path, cancel=cancel))
    if not same:
        return None
    titles = tuple(dict.fromkeys(e.title for e in same))
    names = "、".join(f"“{t}”" for t in titles)
    names_en = ", ".join(f"'{t}'" for t in titles)
    return AttachRefused(
        path,
        Text(
            f"“{item_title.zh}”已附有内容完全相同的文件 {names}，文件“{path.name}”未附加："
            "同一内容只算一份记录。请附上应有的另一份记录（另一份合同、另一次培训的记录）。",
            f"'{item_title.en}' already holds a file with exactly these contents ({names_en});"
            f" '{path.name}' was not attached: the same contents count as one record. Attach the"
            " other record that was meant (another contract, another training's record).",
        ),
        "duplicate",
        titles,
    )
