"""Workbooks whose sheet XML unpacks to far more than it says or than any ledger holds, built in
milliseconds: one deflated block, fully flushed, repeated (each copy inflates on its own)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

_BLOCK = b"<row><c><v>1</v></c></row>" * 40_000  # about 1 MiB, rows without r=

_PARTS = {
    "[Content_Types].xml": b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    b'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}
_HEAD = b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
_TAIL = b"</sheetData></worksheet>"


def _deflate_repeated(copies: int) -> tuple[bytes, int]:
    """Raw deflate data of ``_HEAD + _BLOCK * copies + _TAIL`` and its inflated size."""
    head = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = head.compress(_HEAD) + head.flush(zlib.Z_FULL_FLUSH)
    block = zlib.compressobj(9, zlib.DEFLATED, -15)
    middle = block.compress(_BLOCK) + block.flush(zlib.Z_FULL_FLUSH)
    tail = zlib.compressobj(9, zlib.DEFLATED, -15)
    end = tail.compress(_TAIL) + tail.flush(zlib.Z_FINISH)
    return start + middle * copies + end, len(_HEAD) + len(_BLOCK) * copies + len(_TAIL)


def write_bomb(
    path: Path, unpacked: int, *, claimed: int | None = None, part: str = "xl/worksheets/sheet1.xml"
) -> Path:
    """An xlsx whose ``part`` (the sheet, or ``xl/sharedStrings.xml``) inflates to about
    ``unpacked`` bytes; its zip entry says ``claimed`` (default: the truth). The CRC is not
    computed (it is never reached)."""
    data, size = _deflate_repeated(max(1, unpacked // len(_BLOCK)))
    parts = dict(_PARTS)
    if part != "xl/worksheets/sheet1.xml":
        parts["xl/worksheets/sheet1.xml"] = _HEAD + _TAIL
    entries = [
        (name, zlib.compress(body)[2:-4], len(body), zlib.crc32(body))
        for name, body in parts.items()
    ]
    entries.append((part, data, size if claimed is None else claimed, 0))
    out = bytearray()
    central = bytearray()
    for name, body, raw_size, crc in entries:
        encoded = name.encode()
        offset = len(out)
        zip64 = raw_size >= 0xFFFFFFFF
        extra = struct.pack("<HHQQ", 1, 16, raw_size, len(body)) if zip64 else b""
        sizes = (0xFFFFFFFF, 0xFFFFFFFF) if zip64 else (len(body), raw_size)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0, crc, *sizes, len(encoded), len(extra)
        )
        out += encoded + extra + body
        central_extra = struct.pack("<HHQQ", 1, 16, raw_size, len(body)) if zip64 else b""
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            45,
            45,
            0,
            8,
            0,
            0,
            crc,
            *sizes,
            len(encoded),
            len(central_extra),
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded + central_extra
    start = len(out)
    out += central
    out += struct.pack(
        "<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), start, 0
    )
    path.write_bytes(bytes(out))
    return path


def write_rows_without_r(path: Path, rows: int) -> Path:
    """An xlsx with one sheet of ``rows`` rows, none carrying an r= attribute."""
    import zipfile

    body = _HEAD + b"<row><c><v>1</v></c></row>" * rows + _TAIL
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, part in _PARTS.items():
            zf.writestr(name, part)
        zf.writestr("xl/worksheets/sheet1.xml", body)
    return path
