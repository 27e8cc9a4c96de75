"""The text of a Word 97-2003 document (and of a WPS document in the same format): its body
(table cells included, in order) and its headers and footers, as paragraphs.

A ``.doc`` file is an OLE compound file; the caller reads its streams (``WordDocument`` and the
table stream that the FIB names) and hands their bytes here. The text is found as [MS-DOC]
§2.4.1 "Retrieving Text" describes it: the FIB at the start of the ``WordDocument`` stream says
which table stream holds the piece table (``fWhichTblStm``: ``1Table`` or ``0Table``) and where
(``fcClx``/``lcbClx``); the Clx is zero or more Prc blocks (0x01) followed by one Pcdt (0x02) whose
PlcPcd maps character positions to pieces of the ``WordDocument`` stream, each either
"compressed" (one byte a character: Windows-1252 with the spec's own mappings of 0x82-0x9F) or
UTF-16LE (where Chinese text is). The main document is the first ``ccpText`` characters; the
headers and footers come after the footnotes (``ccpFtn``), ``ccpHdd`` characters long.

Paragraphs end at a paragraph mark (0x0D), a table cell or row end (0x07), a page or section
break (0x0C); a line break (0x0B) is a space. A field's instructions (between 0x13 and 0x14) are
dropped, its shown result kept (a DATE field shows the date it printed).

Bounded: a file that is not a Word 97 file, is encrypted or obfuscated, or whose FIB, Clx or
pieces point outside their streams gives None — never an exception — and at most
:data:`MAX_CHARS` characters are decoded (the start and the end of a longer text). Pure Python;
no I/O.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass

#: characters decoded at most (half from the start of the text, half from its end)
MAX_CHARS = 1 << 20
#: pieces in a piece table at most (a real one has a few thousand at most)
MAX_PIECES = 1 << 16

WORD_DOCUMENT = "WordDocument"
_IDENT = 0xA5EC
_NFIB_WORD97 = 0x00C1  # Word 97 and later; Word 6/95 files have another FIB
_ENCRYPTED = 0x0100
_WHICH_TABLE = 0x0200
_OBFUSCATED = 0x8000
_CCP_TEXT = 0x004C  # FibRgLw97: ccpText, ccpFtn, ccpHdd
_FC_CLX = 0x01A2  # FibRgFcLcb97: fcClx, lcbClx
#: [MS-DOC] §2.4.1: the bytes of a compressed piece that are not their Latin-1 character
_SPECIAL = {
    0x82: "\u201a",
    0x83: "\u0192",
    0x84: "\u201e",
    0x85: "\u2026",
    0x86: "\u2020",
    0x87: "\u2021",
    0x88: "\u02c6",
    0x89: "\u2030",
    0x8A: "\u0160",
    0x8B: "\u2039",
    0x8C: "\u0152",
    0x91: "\u2018",
    0x92: "\u2019",
    0x93: "\u201c",
    0x94: "\u201d",
    0x95: "\u2022",
    0x96: "\u2013",
    0x97: "\u2014",
    0x98: "\u02dc",
    0x99: "\u2122",
    0x9A: "\u0161",
    0x9B: "\u203a",
    0x9C: "\u0153",
    0x9F: "\u0178",
}
_COMPRESSED = str.maketrans({chr(b): c for b, c in _SPECIAL.items()})
_CONTROLS: dict[int, str | None] = {c: None for c in range(0x20) if c != 0x0D}
#: paragraph ends, spaces, and the other control characters (a picture, a footnote mark …) out
_PARAGRAPH_ENDS = str.maketrans(_CONTROLS | {0x07: "\r", 0x0C: "\r", 0x0B: " ", 0x09: " "})
_FIELD_BEGIN, _FIELD_SEPARATOR = "\x13", "\x14"
_FIELD_MARKS = re.compile("[\x13\x14\x15]")


@dataclass(frozen=True, slots=True)
class Fib:
    """What the FIB says about the text: which table stream holds the piece table, where, and how
    long the main document, its footnotes and its headers and footers are (in characters)."""

    table: str
    fc_clx: int
    lcb_clx: int
    ccp_text: int
    ccp_ftn: int
    ccp_hdd: int


@dataclass(frozen=True, slots=True)
class WordText:
    body: list[str]
    margins: list[str]


@dataclass(frozen=True, slots=True)
class _Piece:
    cp: int  # first character position
    end: int  # character position after its last
    fc: int  # byte offset in the WordDocument stream
    compressed: bool


class _Bad(Exception):
    """The streams do not hold together: no text."""


def encrypted(word: bytes) -> bool:
    """The document is encrypted or obfuscated (its text cannot be read without a password)."""
    if len(word) < 0x0C:
        return False
    ident, _nfib, _, _, _, flags = struct.unpack_from("<6H", word)
    return ident == _IDENT and bool(flags & (_ENCRYPTED | _OBFUSCATED))


def read_fib(word: bytes) -> Fib | None:
    """The FIB of a Word 97 (or later) ``WordDocument`` stream; None for anything else, or for an
    encrypted or obfuscated document."""
    if len(word) < _FC_CLX + 8:
        return None
    ident, nfib, _, _, _, flags = struct.unpack_from("<6H", word)
    if ident != _IDENT or nfib < _NFIB_WORD97 or flags & (_ENCRYPTED | _OBFUSCATED):
        return None
    ccp_text, ccp_ftn, ccp_hdd = struct.unpack_from("<3i", word, _CCP_TEXT)
    fc_clx, lcb_clx = struct.unpack_from("<2I", word, _FC_CLX)
    if min(ccp_text, ccp_ftn, ccp_hdd) < 0:
        return None
    return Fib(
        "1Table" if flags & _WHICH_TABLE else "0Table",
        fc_clx,
        lcb_clx,
        ccp_text,
        ccp_ftn,
        ccp_hdd,
    )


def _pieces(table: bytes, fib: Fib) -> list[_Piece]:
    """The piece table: skip the Prc blocks of the Clx, read the PlcPcd of its Pcdt."""
    end = fib.fc_clx + fib.lcb_clx
    if fib.lcb_clx == 0 or end > len(table):
        raise _Bad("the Clx is outside the table stream")
    at = fib.fc_clx
    while at < end and table[at] == 0x01:  # Prc: clxt, cbGrpprl (int16), the properties
        if at + 3 > end:
            raise _Bad("a Prc runs past the Clx")
        size = struct.unpack_from("<h", table, at + 1)[0]
        if size < 0:
            raise _Bad("a Prc of negative size")
        at += 3 + size
    if at + 5 > end or table[at] != 0x02:
        raise _Bad("no Pcdt")
    lcb = struct.unpack_from("<I", table, at + 1)[0]
    at += 5
    if lcb < 4 or at + lcb > end or (lcb - 4) % 12:
        raise _Bad("a PlcPcd of a wrong size")
    count = (lcb - 4) // 12
    if count > MAX_PIECES:
        raise _Bad("too many pieces")
    cps = struct.unpack_from(f"<{count + 1}I", table, at)
    pieces = []
    for n in range(count):
        raw = struct.unpack_from("<I", table, at + 4 * (count + 1) + 8 * n + 2)[0]
        first, after = cps[n], cps[n + 1]
        if after < first:
            raise _Bad("the character positions are not in order")
        compressed = bool(raw & 0x40000000)
        fc = (raw & 0x3FFFFFFF) // 2 if compressed else raw & 0x3FFFFFFF
        pieces.append(_Piece(first, after, fc, compressed))
    return pieces


def _text(word: bytes, pieces: list[_Piece], start: int, stop: int) -> str:
    """The characters from ``start`` to ``stop`` (character positions)."""
    out = []
    for piece in pieces:
        first, after = max(piece.cp, start), min(piece.end, stop)
        if first >= after:
            continue
        width = 1 if piece.compressed else 2
        begin = piece.fc + (first - piece.cp) * width
        end = begin + (after - first) * width
        if end > len(word):
            raise _Bad("a piece outside the WordDocument stream")
        chunk = word[begin:end]
        if piece.compressed:
            out.append(chunk.decode("latin-1").translate(_COMPRESSED))
        else:
            out.append(chunk.decode("utf-16-le", "replace"))
    return "".join(out)


def _bounded(word: bytes, pieces: list[_Piece], start: int, stop: int) -> str:
    """The story's text; its start and its end when it is longer than :data:`MAX_CHARS`."""
    if stop - start <= MAX_CHARS:
        return _text(word, pieces, start, stop)
    half = MAX_CHARS // 2
    return _text(word, pieces, start, start + half) + "\r" + _text(word, pieces, stop - half, stop)


def _without_field_codes(text: str) -> str:
    """A field's result without its instructions (nested fields too)."""
    if _FIELD_BEGIN not in text:
        return text
    out = []
    fields: list[bool] = []  # per open field: still in its instructions
    codes = 0  # open fields still in their instructions
    at = 0
    for mark in _FIELD_MARKS.finditer(text):
        if not codes:
            out.append(text[at : mark.start()])
        at = mark.end()
        if mark[0] == _FIELD_BEGIN:
            fields.append(True)
            codes += 1
        elif mark[0] == _FIELD_SEPARATOR:
            if fields and fields[-1]:
                fields[-1] = False
                codes -= 1
        elif fields and fields.pop():
            codes -= 1
    if not codes:
        out.append(text[at:])
    return "".join(out)


def paragraphs(text: str) -> list[str]:
    """A story's text split into its paragraphs (a table cell is one), control characters out."""
    return _without_field_codes(text).translate(_PARAGRAPH_ENDS).split("\r")


def read_text(word: bytes, table: bytes) -> WordText | None:
    """The body and the headers and footers of a Word 97 document, from its ``WordDocument``
    stream and the table stream its FIB names (:func:`read_fib`); None when they do not hold
    together."""
    fib = read_fib(word)
    if fib is None:
        return None
    try:
        pieces = _pieces(table, fib)
        body = _bounded(word, pieces, 0, fib.ccp_text)
        first = fib.ccp_text + fib.ccp_ftn
        margins = _bounded(word, pieces, first, first + fib.ccp_hdd) if fib.ccp_hdd else ""
    except (_Bad, struct.error):
        return None
    return WordText(paragraphs(body), paragraphs(margins) if margins else [])
