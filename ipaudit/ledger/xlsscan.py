"""A check of an xls file's compound-file container before python-calamine opens it.

An xls workbook (BIFF8, as Excel 97–2003 and WPS write it) lives in an OLE2 compound file: a FAT
of sector chains, a directory and the ``Workbook`` stream. calamine follows those chains without
bounds: a damaged file (a cut e-mail attachment, a flipped byte) can make it allocate gigabytes
and abort the process. This module walks every chain once with bounds and loop checks and
raises ``FileCorrupt`` for a broken container, so calamine only ever sees consistent ones.

It also reads what the container says about the workbook: encrypted Office files and Word or
PowerPoint documents share the container; an xls with a FILEPASS record is password protected;
and each sheet's DIMENSIONS record and cell records give its extent, so a sheet no ledger could
fill (up to 65,536 × 256 cells, a gigabyte for calamine — or far more when a damaged cell record
points beyond it) is refused before it is loaded.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

from ipaudit.ledger.errors import FileCorrupt, NotASpreadsheet, PasswordProtected

_MAXREGSECT = 0xFFFFFFFA
_ENDOFCHAIN = 0xFFFFFFFE
_FREESECT = 0xFFFFFFFF
_HEADER_DIFAT = 109

# BIFF record types
_BOF, _EOF, _FILEPASS, _BOUNDSHEET, _DIMENSIONS = 0x0809, 0x000A, 0x002F, 0x0085, 0x0200


@dataclass(slots=True)
class XlsInfo:
    # sheet name -> (rows, columns) from its DIMENSIONS record (None when it has none)
    extents: dict[str, tuple[int, int] | None] = field(default_factory=dict)


class _Container:
    """The parts of a compound file needed to read its streams, checked as they are read."""

    def __init__(self, data: bytes, path: Path) -> None:
        self.data = data
        self.path = path
        if len(data) < 512:
            self.fail("文件头不完整 / header cut off")
        (major,) = struct.unpack_from("<H", data, 0x1A)
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if (major, shift) not in ((3, 9), (4, 12)) or mini_shift != 6:
            self.fail(f"文件头无效 / invalid header (version {major}, sector shift {shift})")
        self.size = 1 << shift
        self.sectors = max(0, (len(data) - self.size + self.size - 1) // self.size)
        n_fat, dir_start = struct.unpack_from("<II", data, 0x2C)
        self.cutoff, mini_fat_start, n_mini_fat, difat_start, n_difat = struct.unpack_from(
            "<IIIII", data, 0x38
        )
        if n_fat > self.sectors or n_difat > self.sectors or n_mini_fat > self.sectors:
            self.fail("分配表大小超出文件 / allocation table larger than the file")
        fat_sectors = list(struct.unpack_from(f"<{_HEADER_DIFAT}I", data, 0x4C))
        per_sector = self.size // 4
        seen: set[int] = set()
        sector = difat_start
        for _ in range(n_difat):
            if sector > _MAXREGSECT or sector >= self.sectors or sector in seen:
                self.fail("DIFAT 链断裂 / broken DIFAT chain")
            seen.add(sector)
            entries = struct.unpack_from(f"<{per_sector}I", self.sector(sector))
            fat_sectors.extend(entries[:-1])
            sector = entries[-1]
        fat_sectors = [s for s in fat_sectors if s != _FREESECT][:n_fat]
        if len(fat_sectors) < n_fat or any(s >= self.sectors for s in fat_sectors):
            self.fail("分配表缺失 / allocation table missing")
        self.fat = [
            entry
            for s in fat_sectors
            for entry in struct.unpack_from(f"<{per_sector}I", self.sector(s))
        ]
        directory = b"".join(self.sector(s) for s in self.chain(dir_start))
        self.entries = [
            _Entry.parse(directory, offset, major) for offset in range(0, len(directory), 128)
        ]
        if not self.entries or self.entries[0].kind != 5:
            self.fail("缺少根目录 / no root entry")
        root = self.entries[0]
        self.mini_stream = b""
        self.mini_fat: list[int] = []
        if n_mini_fat:
            mini_fat = b"".join(self.sector(s) for s in self.chain(mini_fat_start))
            self.mini_fat = list(struct.unpack_from(f"<{len(mini_fat) // 4}I", mini_fat))
        if root.size:
            stream_sectors = self.chain(root.start)
            if len(stream_sectors) * self.size < root.size:
                self.fail("迷你流不完整 / mini stream cut off")
            self.mini_stream = b"".join(self.sector(s) for s in stream_sectors)[: root.size]
        for entry in self.entries[1:]:
            if entry.kind == 2:
                self.stream_sectors(
                    entry
                )  # every stream's chain must hold, not only the one we read

    def fail(self, detail: str) -> None:
        raise FileCorrupt(self.path, f"xls: {detail}")

    def sector(self, index: int) -> bytes:
        start = (index + 1) * self.size
        block = self.data[start : start + self.size]
        return block if len(block) == self.size else block.ljust(self.size, b"\0")

    def chain(self, start: int) -> list[int]:
        sectors: list[int] = []
        seen: set[int] = set()
        sector = start
        while sector != _ENDOFCHAIN:
            if (
                sector > _MAXREGSECT
                or sector >= len(self.fat)
                or sector >= self.sectors
                or sector in seen
            ):
                self.fail("扇区链断裂或循环 / broken or looping sector chain")
            seen.add(sector)
            sectors.append(sector)
            sector = self.fat[sector]
        return sectors

    def stream_sectors(self, entry: _Entry) -> list[int]:
        if entry.size >= self.cutoff:
            sectors = self.chain(entry.start) if entry.size else []
            if len(sectors) * self.size < entry.size:
                self.fail(f"数据流“{entry.name}”不完整 / stream cut off")
            return sectors
        sectors = []
        seen: set[int] = set()
        sector = entry.start
        capacity = len(self.mini_stream) // 64
        for _ in range((entry.size + 63) // 64):
            if sector >= len(self.mini_fat) or sector >= capacity or sector in seen:
                self.fail(f"数据流“{entry.name}”的迷你扇区链断裂 / broken mini chain")
            seen.add(sector)
            sectors.append(sector)
            sector = self.mini_fat[sector]
        return sectors

    def read(self, entry: _Entry) -> bytes:
        sectors = self.stream_sectors(entry)
        if entry.size >= self.cutoff:
            data = b"".join(self.sector(s) for s in sectors)
        else:
            data = b"".join(self.mini_stream[s * 64 : s * 64 + 64] for s in sectors)
        return data[: entry.size]


@dataclass(slots=True)
class _Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    start: int
    size: int

    @classmethod
    def parse(cls, directory: bytes, offset: int, major: int) -> _Entry:
        raw = directory[offset : offset + 128].ljust(128, b"\0")
        length = min(struct.unpack_from("<H", raw, 0x40)[0], 64)
        name = raw[: max(0, length - 2)].decode("utf-16-le", "replace")
        kind = raw[0x42]
        start, size = struct.unpack_from("<IQ", raw, 0x74)
        if major == 3:
            size &= 0xFFFFFFFF
        return cls(name, kind, start, size)


def scan_xls(path: str | Path) -> XlsInfo:
    """Check the container of an xls file; return each sheet's extent. Raises LedgerErrors."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise FileCorrupt(p, exc.strerror or str(exc)) from exc
    container = _Container(data, p)
    names = {e.name: e for e in container.entries if e.kind == 2}
    if "EncryptedPackage" in names:
        raise PasswordProtected(p)
    book = names.get("Workbook") or names.get("Book")
    if book is None:
        if "WordDocument" in names:
            raise NotASpreadsheet(p, "Word 97-2003 文档", "a Word 97-2003 document")
        if "PowerPoint Document" in names:
            raise NotASpreadsheet(
                p, "PowerPoint 97-2003 演示文稿", "a PowerPoint 97-2003 presentation"
            )
        raise NotASpreadsheet(p, "不含工作簿的 Office 文件", "an Office file without a workbook")
    return _read_biff(container.read(book), p)


def _read_biff(stream: bytes, path: Path) -> XlsInfo:
    """FILEPASS and the sheets' DIMENSIONS, from the workbook globals and each sheet's start."""
    info = XlsInfo()
    sheets: list[tuple[str, int]] = []
    offset = 0
    end = len(stream)
    while offset + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, offset)
        body = stream[offset + 4 : offset + 4 + length]
        if kind == _FILEPASS:
            raise PasswordProtected(path)
        if kind == _BOUNDSHEET and len(body) >= 8:
            position, _state, sheet_type = struct.unpack_from("<IBB", body)
            if sheet_type == 0:
                sheets.append((_sheet_name(body[6:]), position))
        if kind == _EOF:
            break
        offset += 4 + length
    for name, position in sheets:
        info.extents[name] = _dimensions(stream, position)
    return info


def _sheet_name(raw: bytes) -> str:
    if len(raw) < 2:
        return ""
    count, flags = raw[0], raw[1]
    if flags & 1:
        return raw[2 : 2 + 2 * count].decode("utf-16-le", "replace")
    return raw[2 : 2 + count].decode("latin-1")


# cell records: row (u16) and column (u16) first; MULRK and MULBLANK end with their last column
_CELLS = frozenset({0x0006, 0x00FD, 0x0203, 0x027E, 0x0201, 0x0205, 0x0204, 0x00D6})
_MULTI_CELLS = frozenset({0x00BD, 0x00BE})


def _dimensions(stream: bytes, offset: int) -> tuple[int, int] | None:
    """A sheet's extent: its DIMENSIONS record, widened to every cell record of the sheet.
    calamine sizes the sheet from the cells it finds, so one damaged cell record with a row or
    column far out would make it allocate far more than DIMENSIONS says."""
    dims: tuple[int, int] | None = None
    rows = columns = 0
    end = len(stream)
    unpack = struct.unpack_from
    while offset + 4 <= end:
        kind, length = unpack("<HH", stream, offset)
        body = offset + 4
        if kind in _CELLS and length >= 4:
            row, col = unpack("<HH", stream, body)
            rows, columns = max(rows, row + 1), max(columns, col + 1)
        elif kind in _MULTI_CELLS and length >= 6 and body + length <= end:
            row = unpack("<H", stream, body)[0]
            last = unpack("<H", stream, body + length - 2)[0]
            rows, columns = max(rows, row + 1), max(columns, last + 1)
        elif kind == _DIMENSIONS and length >= 12 and dims is None:
            _first_row, dim_rows, _first_col, dim_cols = unpack("<IIHH", stream, body)
            dims = dim_rows, dim_cols
        elif kind == _EOF:
            break
        offset = body + length
    if dims is None and not rows:
        return None
    dim_rows, dim_cols = dims or (0, 0)
    return max(dim_rows, rows), max(dim_cols, columns)
