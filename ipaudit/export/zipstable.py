"""Zip archives whose bytes depend only on their content.

python-docx and openpyxl stamp every part of a .docx/.xlsx with the current time; rewriting the
archive with a fixed date (taken from the workspace) makes two exports of the same workspace
byte-identical. The same fixed entry headers are used for the pack's own .zip.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

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


_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")


def restamp(data: bytes, moment: dt.datetime) -> bytes:
    """``data`` (a .docx/.xlsx zip) rewritten with every entry dated ``moment``, order and content
    kept — except the document's created/modified dates, which are set to ``moment`` too
    (openpyxl writes the clock's time into docProps/core.xml whatever it was told)."""
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _CORE_DATES.sub(lambda m: m.group(1) + stamp + m.group(2), content)
            dst.writestr(entry(info.filename, moment, True), content)
    return out.getvalue()
