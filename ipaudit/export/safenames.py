"""File and folder names that are safe on Windows (and everywhere else) and unique in their folder.

Windows refuses ``<>:"/\\|?*`` and control characters, the device names CON, PRN, AUX, NUL,
CLOCK$, COM0–COM9 and LPT0–LPT9 (with any extension: ``CON.txt`` is the console), and silently
drops trailing dots and spaces; Explorer and many tools still stop at 260 characters for a full
path. Names are compared case-insensitively there (``Report.pdf`` and ``report.PDF`` are one
file). pathvalidate replaces the refused characters and marks the device names; two cases it
leaves are handled here: a device name followed by spaces (``AUX .txt``, which Windows still
opens as the device) and a name that only becomes a device name once it is cut (``CON`` from
``CON minutes``). ``#`` and ``%`` are replaced as well so that relative hyperlinks to the file
(workbook, report) are not cut at a fragment or mistaken for an escape.

A name too long is cut where a reader would cut it (``cut``): between words of a language
written with spaces ("…training records", never "…training re"), between any two characters of
Chinese or Japanese, never inside a character built of several code points (an accent, an emoji
sequence); a separator, a dangling "of"/"and" or a bracket left open at the end goes too.
"""

from __future__ import annotations

import re
import unicodedata

from pathvalidate import sanitize_filename
from pathvalidate.handler import ReservedNameHandler

# What a safe name never holds: the characters Windows refuses and ``#``/``%`` (hyperlinks).
FORBIDDEN = re.compile(r'[<>:"/\\|?*#%\x00-\x1f\x7f]')
_HYPERLINK = re.compile("[#%]")
# The device names, as pathvalidate lists them for Windows (checked again after a cut).
RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CLOCK$"}
    | {f"{dev}{n}" for dev in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")}
)
MAX_PATH = 260
# Room left for where the user unpacks the pack (``C:\Users\<name>\Desktop\``); a pack's paths
# (pack folder name included) stay within MAX_PATH - LOCATION_ROOM characters.
LOCATION_ROOM = 60
PATH_BUDGET = MAX_PATH - LOCATION_ROOM
MAX_COMPONENT_BYTES = 240  # ext4 and most Unix file systems allow 255 bytes per name
MAX_EXTENSION = 16


# Scripts written without spaces: every character boundary is a word boundary there.
_EACH_CHARACTER = re.compile(
    "[\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3100-\u312f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"
)
_JOINERS = frozenset("\u200c\u200d\u034f")  # zero-width (non-)joiner, grapheme joiner
_INSIDE_WORD = frozenset("'\u2019")  # an apostrophe between letters: "company's"
# left at the end of a cut name they mean nothing ("report (", "plan -", "training_")
TRAILING = " \t._-–—,;，；、·&+(（[【《〈「『{"


def _attaches(ch: str) -> bool:
    """A code point that belongs to the character before it (a combining accent, a variation
    selector, an emoji modifier, a joiner): never cut in front of it."""
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or "\ufe00" <= ch <= "\ufe0f"
        or "\U000e0100" <= ch <= "\U000e01ef"
        or "\U0001f3fb" <= ch <= "\U0001f3ff"
        or ch in _JOINERS
    )


def is_word_char(ch: str) -> bool:
    """Part of a word that must not be cut: a letter or digit of a script written with spaces."""
    return (ch.isalnum() or ch in _INSIDE_WORD) and not _EACH_CHARACTER.match(ch)


def _character_boundary(text: str, i: int) -> bool:
    """Cutting ``text`` before index ``i`` keeps every character whole."""
    return not _attaches(text[i]) and text[i - 1] not in _JOINERS


def word_boundary(text: str, i: int) -> bool:
    """Cutting ``text`` before index ``i`` (0 < i < len) cuts no word and no character."""
    if i <= 0 or i >= len(text):
        return True
    if not _character_boundary(text, i):
        return False
    k = i - 1
    while k > 0 and _attaches(text[k]):  # an accent belongs to the letter it follows
        k -= 1
    return not (is_word_char(text[k]) and is_word_char(text[i]))


# English words that mean nothing at the end of a cut name ("…the IP records of")
DANGLING = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)


def _without_dangling_word(text: str) -> str:
    while True:  # "… records of the" → "… records"
        head, space, last = text.rpartition(" ")
        if not (space and last.casefold() in DANGLING and head.rstrip(TRAILING)):
            return text
        text = head.rstrip(TRAILING)


_PAIRS = {"(": ")", "（": "）", "[": "]", "【": "】", "《": "》"}


def _without_open_bracket(text: str) -> str:
    """A bracket opened but cut before it closes goes, with what it holds ("Management
    (general manager, management" → "Management"), when something is left before it."""
    open_at: list[int] = []
    for n, ch in enumerate(text):
        if ch in _PAIRS:
            open_at.append(n)
        elif open_at and ch == _PAIRS[text[open_at[-1]]]:
            open_at.pop()
    if open_at:
        head = text[: open_at[0]].rstrip(TRAILING)
        if head:
            return _without_dangling_word(head)
    return text


def cut(text: str, max_chars: int, max_bytes: int = MAX_COMPONENT_BYTES) -> str:
    """``text`` in at most ``max_chars`` characters and ``max_bytes`` bytes of UTF-8, cut at the
    last word boundary that fits (any character boundary in Chinese), without a separator left
    at the end. Only when the first word alone is too long is it cut, between two characters.
    Text that fits is returned unchanged, so cutting twice is cutting once."""
    if len(text) <= max_chars and len(text.encode("utf-8")) <= max_bytes:
        return text
    limit = min(len(text), max(max_chars, 0))
    while limit > 0 and len(text[:limit].encode("utf-8")) > max_bytes:
        limit -= 1
    words = [i for i in range(limit, 0, -1) if word_boundary(text, i)]
    for i in words:
        kept = _without_open_bracket(_without_dangling_word(text[:i].rstrip(TRAILING)))
        if kept:
            return kept
    for i in range(limit, 0, -1):  # one word longer than the limit: cut between characters
        if _character_boundary(text, i):
            return text[:i]
    return ""


def _fit(text: str, max_chars: int, max_bytes: int = MAX_COMPONENT_BYTES) -> str:
    return cut(text, max_chars, max_bytes)


def split_extension(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > MAX_EXTENSION or not ext.strip() or " " in ext:
        return name, ""
    return stem, "." + ext


def _reserved(name: str) -> bool:
    """A device name, whatever its extension and spaces before the dot (``AUX .txt``)."""
    return name.split(".")[0].rstrip(" ").upper() in RESERVED


def safe_component(name: str, max_chars: int = 100, fallback: str = "_") -> str:
    """One path component safe on Windows, at most ``max_chars`` characters (extension kept)."""
    text = _HYPERLINK.sub("_", unicodedata.normalize("NFC", name))
    if len(text.encode("utf-8")) > MAX_COMPONENT_BYTES:
        # pathvalidate cuts anything longer than 255 bytes blindly: cut at a word first
        stem, ext = split_extension(text)
        room = max(max_chars - len(ext), 1)
        text = _fit(stem, room, MAX_COMPONENT_BYTES - len(ext.encode("utf-8"))) + ext
    text = sanitize_filename(
        text,
        replacement_text="_",
        platform="windows",
        max_len=MAX_COMPONENT_BYTES + 1,  # the text fits: never cut here
        reserved_name_handler=ReservedNameHandler.add_leading_underscore,
    )
    text = text.strip().rstrip(". ")
    if not text.strip("._ "):
        text = fallback
    stem, ext = split_extension(text)
    ext = ext.rstrip(". ")
    room = max(max_chars - len(ext), 1)
    stem = _fit(stem, room, MAX_COMPONENT_BYTES - len(ext.encode("utf-8"))).rstrip(". ") or "_"
    out = _fit(stem + ext, max_chars).rstrip(". ") or "_"
    if _reserved(out):  # "AUX .txt", or a cut that left a device name ("CON minutes" → "CON")
        stem, ext = split_extension(out)
        out = "_" + _fit(stem, max(max_chars - len(ext) - 1, 1)).rstrip(". ") + ext
    return out


def folded(name: str) -> str:
    """How Windows compares names: case-insensitively (NFC first, so composed forms agree)."""
    return unicodedata.normalize("NFC", name).casefold()


class FolderNames:
    """Hands out unique, safe names inside one folder (case-insensitive)."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, wanted: str, max_chars: int) -> str:
        base = safe_component(wanted, max_chars)
        name = base
        n = 2
        while folded(name) in self._taken:
            stem, ext = split_extension(base)
            suffix = f" ({n})"
            budget = MAX_COMPONENT_BYTES - len((ext + suffix).encode("utf-8"))
            stem = _fit(stem, max(max_chars - len(ext) - len(suffix), 1), budget).rstrip(". ")
            stem = stem or "_"
            name = f"{stem}{suffix}{ext}"
            n += 1
        self._taken.add(folded(name))
        return name


class PathPlanner:
    """Safe, unique paths inside a pack whose root folder is ``root`` (part of the length budget)."""

    def __init__(self, root: str, budget: int = PATH_BUDGET) -> None:
        self.root = root
        self.budget = budget
        self._folders: dict[str, FolderNames] = {}
        self._folder_cache: dict[tuple[str, str], str] = {}

    def _names(self, folder: str) -> FolderNames:
        key = folded(folder)
        if key not in self._folders:
            self._folders[key] = FolderNames()
        return self._folders[key]

    def room(self, folder: str) -> int:
        """Characters left for a name directly inside ``folder``."""
        used = len(self.root) + 1 + (len(folder) + 1 if folder else 0)
        return self.budget - used

    def child(self, folder: str, wanted: str, max_chars: int = 100) -> str:
        """A unique safe name for ``wanted`` inside ``folder``; returns the pack-relative path."""
        limit = min(max_chars, self.room(folder))
        if limit < 8:
            raise ValueError(f"no room for a name inside {folder!r}")
        name = self._names(folder).claim(wanted, limit)
        return f"{folder}/{name}" if folder else name

    def folder(self, parent: str, wanted: str, max_chars: int) -> str:
        """Like ``child`` but remembers the result so the same wanted name maps to one folder."""
        key = (folded(parent), wanted)
        if key not in self._folder_cache:
            self._folder_cache[key] = self.child(parent, wanted, max_chars)
        return self._folder_cache[key]
