"""Parsed checklists kept between runs, so opening a workspace does not parse its YAML again.

Reading the demo's checklist YAML takes about 50 ms (PyYAML's constructor is Python even with the
C parser; 2.3 s for a 5,000-item checklist), most of what opening a workspace costs. The parsed
data of a checklist text is kept as msgpack (msgspec, already used for the template schema) in the
cache folder, named by the SHA-256 of the text; the next opening of any workspace with the same text
decodes it in a millisecond or two. The data is then validated as usual, so the cache changes
nothing but the time: a file that cannot be read, does not decode or names another text is
ignored and replaced.

Only data that comes back equal from msgpack is kept (dates, for instance, would come back as
text). The folder is ``IPAUDIT_CACHE_DIR``; the desktop app sets it to ``<data dir>/cache`` when it
starts, and without it (the command line, the tests) every opening parses. At most ``KEEP`` files
are kept, those used last.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from pathlib import Path
from typing import Any

import msgspec

from ipaudit.domain.template import parse_yaml

log = logging.getLogger(__name__)

CACHE_ENV = "IPAUDIT_CACHE_DIR"
KEEP = 16
#: the form of a cache file (a change names other files)
FORMAT = 1
_PREFIX = f"template-{FORMAT}-"


def _path(key: str) -> Path | None:
    folder = os.environ.get(CACHE_ENV)
    return Path(folder) / f"{_PREFIX}{key}.msgpack" if folder else None


def parse(text: str, source_name: str) -> Any:
    """The data of checklist YAML ``text``: from the cache when it holds it, else parsed (and
    kept). Raises TemplateError for text that is not YAML, as ``parse_yaml`` does."""
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    path = _path(key)
    if path is not None:
        kept = _read(path, key)
        if kept is not None:
            return kept
    data = parse_yaml(text, source_name)
    if path is not None:
        _write(path, key, data)
    return data


def _read(path: Path, key: str) -> Any:
    try:
        stored = msgspec.msgpack.decode(path.read_bytes())
    except (OSError, msgspec.DecodeError):
        return None
    if not (isinstance(stored, list) and len(stored) == 2 and stored[0] == key):
        log.info("ignoring the cache file %s: it is not the checklist it is named after", path)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used last: kept longest
    return stored[1]


def _write(path: Path, key: str, data: Any) -> None:
    try:
        encoded = msgspec.msgpack.encode([key, data])
        if msgspec.msgpack.decode(encoded) != [key, data]:
            return  # a value msgpack cannot give back as it was (a date): parse it every time
    except (TypeError, ValueError, msgspec.EncodeError):
        return
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(encoded)
        os.replace(partial, path)  # whole or not at all, also with two processes writing it
    except OSError as exc:  # a full or read-only disk costs the next opening some time, no more
        log.info("could not keep the parsed checklist in %s: %s", path, exc)
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        return
    _prune(path.parent)


def _prune(where: Path) -> None:
    try:
        kept = sorted(
            where.glob("template-*.msgpack"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.info("could not prune the checklist cache in %s: %s", where, exc)
