"""Zip archives whose bytes depend only on their content.

python-docx and openpyxl stamp every part of a .docx/.xlsx with the current time (and openpyxl
its document properties too); saving them through ``StampedZipFile`` with a fixed date taken from
the workspace makes two exports of the same workspace byte-identical. The same fixed entry
headers are used for the pack's own .zip.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from docx.document import Document
    from openpyxl import Workbook

# already-compressed formats: deflating them again costs time and gains nothing
STORED_EXTENSIONS = frozenset(
    {
        "7z", "aac", "avi", "bz2", "docm", "docx", "dotx", "epub", "flac", "gif", "gz", "heic",
        "jar", "jpeg", "jpg", "m4a", "m4v", "mkv", "mov", "mp3", "mp4", "odp", "ods", "odt",
        "ofd", "ogg", "pdf", "png", "pptm", "pptx", "rar", "tgz", "webm", "webp", "wmv", "xz",
        "xlsb", "xlsm", "xlsx", "zip", "zst",
    }
)  # fmt: skip


def zip_time(moment: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """A zip entry date (zip cannot store dates before 1980)."""
    moment = max(moment, dt.datetime(1980, 1, 1))
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def entry(name: str, moment: dt.datetime, compress: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, zip_time(moment))
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    return info


def compressible(name: str) -> bool:
    return name.rpartition(".")[2].lower() not in STORED_EXTENSIONS


class StampedZipFile(zipfile.ZipFile):
    """A ZipFile whose entries written by name all carry one fixed date (deflated)."""

    def __init__(self, file: io.BytesIO, moment: dt.datetime) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self.moment = moment

    def writestr(  # type: ignore[override]
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: bytes | str,
        *args: object,
        **kw: object,
    ) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = entry(zinfo_or_arcname, self.moment, True)
        super().writestr(zinfo_or_arcname, data, *args, **kw)  # type: ignore[arg-type]

    def write(  # type: ignore[override]
        self, filename: str, arcname: str | None = None, *args: object, **kw: object
    ) -> None:
        """A file from disk (openpyxl writes each sheet to a temporary file first), stamped."""
        with open(filename, "rb") as fh:
            data = fh.read()
        self.writestr(arcname or filename, data)


class _PhysWriter:
    """python-docx's physical package writer, on a StampedZipFile."""

    def __init__(self, archive: StampedZipFile) -> None:
        self.archive = archive

    def write(self, pack_uri: object, blob: bytes) -> None:
        self.archive.writestr(pack_uri.membername, blob)  # type: ignore[attr-defined]

    def close(self) -> None:
        self.archive.close()


def save_docx(document: Document, moment: dt.datetime) -> bytes:
    """A python-docx document as bytes, every entry dated ``moment``, compressed once."""
    from docx.opc.pkgwriter import PackageWriter

    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    buf = io.BytesIO()
    phys = _PhysWriter(StampedZipFile(buf, moment))
    parts = list(package.parts)
    PackageWriter._write_content_types_stream(phys, parts)
    PackageWriter._write_pkg_rels(phys, package.rels)
    PackageWriter._write_parts(phys, parts)  # type: ignore[arg-type]  # a writer of the same shape
    phys.close()
    return buf.getvalue()


def save_xlsx(workbook: Workbook, moment: dt.datetime) -> bytes:
    """An openpyxl workbook as bytes, created/modified and every entry dated ``moment``.

    (openpyxl's own ``save`` stamps the clock's time into the document properties.)
    """
    from openpyxl.writer.excel import ExcelWriter

    props = workbook.properties
    props.created = moment
    props.modified = moment
    buf = io.BytesIO()
    ExcelWriter(workbook, StampedZipFile(buf, moment)).save()
    return buf.getvalue()
