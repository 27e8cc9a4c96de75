"""Empty files and second copies: files attached to an item that are not records of their own.

A record is counted by its contents: a file of 0 bytes proves nothing, and the same bytes attached
twice (under another name, in another slot) are one record, not two. :func:`sort_copies` splits
an item's files into the files that may count, the empty ones and the second copies (each with
the first file of the same contents); :func:`copy_findings` says so, one finding per file.

Contents are told apart by SHA-256. A file stored without its hash (an evidence row written
without one) is taken as contents of its own: it is never called a copy of another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ipaudit.domain.model import Evidence, Finding, Item
from ipaudit.domain.rules import Situation

NewFinding = Callable[..., Finding]  # (code, situation, zh, en, *refs) -> Finding

#: the SHA-256 of no bytes at all
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


def is_empty(ev: Evidence) -> bool:
    """A file of 0 bytes (by its size, or by its hash when the size was not kept)."""
    return ev.size == 0 or ev.sha256 == EMPTY_SHA256


def content_key(ev: Evidence) -> str:
    """What tells one file's contents from another's: its SHA-256, else the file itself."""
    return ev.sha256 or f"evidence:{ev.id}"


def distinct_contents(files: Iterable[Evidence]) -> int:
    """How many different non-empty contents ``files`` hold: the records they are worth."""
    return len({content_key(ev) for ev in files if not is_empty(ev)})


@dataclass(frozen=True, slots=True)
class Copies:
    """An item's files sorted: ``usable`` (non-empty, second copies included, in the given
    order), ``empty``, and ``duplicates`` as (second copy, first file with the same contents)."""

    usable: tuple[Evidence, ...]
    empty: tuple[Evidence, ...]
    duplicates: tuple[tuple[Evidence, Evidence], ...]


def sort_copies(files: Sequence[Evidence]) -> Copies:
    """The first file of each contents is the one attached first (lowest id)."""
    first: dict[str, Evidence] = {}
    duplicates: list[tuple[Evidence, Evidence]] = []
    for ev in sorted((ev for ev in files if not is_empty(ev)), key=lambda e: e.id):
        key = content_key(ev)
        if key in first:
            duplicates.append((ev, first[key]))
        else:
            first[key] = ev
    return Copies(
        usable=tuple(ev for ev in files if not is_empty(ev)),
        empty=tuple(ev for ev in files if is_empty(ev)),
        duplicates=tuple(duplicates),
    )


def copy_findings(item: Item, copies: Copies, new: NewFinding) -> list[Finding]:
    """One finding per empty file and per second copy, naming the files."""
    title = item.title
    out = [
        new(
            "evidence_empty",
            Situation.EMPTY_FILE,
            f"{title.zh}：《{ev.title}》是空文件（0 字节），不算一份记录；请换成有内容的文件，或移除它",
            f"{title.en}: '{ev.title}' is empty (0 bytes) and is no record; attach the file with"
            " its contents, or remove it",
            f"evidence:{ev.id}",
        )
        for ev in copies.empty
    ]
    out.extend(
        new(
            "evidence_duplicate",
            Situation.DUPLICATE_FILE,
            f"{title.zh}：《{ev.title}》与《{same.title}》内容完全相同，两份只算一份记录；"
            "请移除重复的一份，或换成应附的另一份记录",
            f"{title.en}: '{ev.title}' has exactly the contents of '{same.title}' and the two"
            " count as one record; remove the copy, or attach the record that was meant",
            f"evidence:{ev.id}",
            f"evidence:{same.id}",
        )
        for ev, same in copies.duplicates
    )
    return out


__all__ = [
    "EMPTY_SHA256",
    "Copies",
    "content_key",
    "copy_findings",
    "distinct_contents",
    "is_empty",
    "sort_copies",
]
