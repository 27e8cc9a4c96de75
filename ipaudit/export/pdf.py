"""LibreOffice as the report's typesetter: where each heading lands (so the report's contents carry
page numbers) and the report as PDF.

Both run ``soffice --headless --convert-to pdf`` with a throw-away profile; no Python-UNO is
needed, so it works the same with LibreOffice's own Python (Windows) and without (a Linux
LibreOffice without python3-uno). The PDF is written with the Word bookmarks as named
destinations, so the page of every heading (bookmark ``_Toc000001`` …) is read straight from the
PDF's ``/Dests``; a LibreOffice that does not write them still writes the PDF outline, whose
entries are matched to the headings by their titles, in order.

The PDF's creation date and file identifier are set from the workspace so that two exports of the
same workspace give the same bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from ipaudit.progress import Cancelled
from ipaudit.text import Text

TIMEOUT_S = 600
TICK_S = 0.25  # how often ``tick`` is called while LibreOffice runs

_WINDOWS_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
# the PDF export filter with Word bookmarks written as named destinations (LibreOffice 7.4+
# reads filter options as JSON; an older one ignores them and writes the outline only)
PDF_FILTER = (
    'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
)


class PdfUnavailable(Exception):
    """LibreOffice is not installed."""


class PdfFailed(Exception):
    """LibreOffice ran but made no PDF: ``reason`` in the user's words (it follows "the
    LibreOffice conversion failed"), ``detail`` what LibreOffice itself printed (its own
    English, for the log)."""

    def __init__(self, reason: Text, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail or reason.en
        super().__init__(self.detail)


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        for place in _WINDOWS_PLACES:
            if Path(place).is_file():
                return place
    return None


def _clean_env() -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    env.setdefault("HOME", tempfile.gettempdir())
    return env


def _run(
    cmd: list[str], cancel: Callable[[], bool] | None, tick: Callable[[], None] | None = None
) -> tuple[int, str]:
    """Run ``cmd`` to its end (or until cancelled / timed out); its exit code and output.
    ``tick`` is called every TICK_S seconds while it runs (progress)."""
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            cmd,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=_clean_env(),
            start_new_session=sys.platform != "win32",
        )
        started = last = time.monotonic()
        try:
            while proc.poll() is None:
                if cancel is not None and cancel():
                    raise Cancelled
                now = time.monotonic()
                if now - started > TIMEOUT_S:
                    raise PdfFailed(
                        Text(
                            f"超过 {TIMEOUT_S} 秒仍未完成",
                            f"it took longer than {TIMEOUT_S} s",
                        )
                    )
                if tick is not None and now - last >= TICK_S:
                    last = now
                    tick()
                time.sleep(0.05)
        except BaseException:
            _kill(proc)
            raise
        log.seek(0)
        return proc.returncode, log.read().decode("utf-8", "replace")


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    if sys.platform != "win32":
        import signal

        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    else:
        proc.kill()
    proc.wait()


def render(
    docx: bytes,
    *,
    cancel: Callable[[], bool] | None = None,
    tick: Callable[[], None] | None = None,
) -> bytes:
    """``docx`` laid out and printed to PDF by LibreOffice, as LibreOffice wrote it. Raises
    PdfUnavailable, PdfFailed or Cancelled."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailable
    with tempfile.TemporaryDirectory(prefix="ipaudit-pdf-") as tmp:
        work = Path(tmp)
        source = work / "report.docx"
        source.write_bytes(docx)
        target = work / "report.pdf"
        code, output = _run(
            [
                soffice,
                "--headless",
                "--norestore",
                "--nolockcheck",
                f"-env:UserInstallation={(work / 'profile').as_uri()}",
                "--convert-to",
                PDF_FILTER,
                "--outdir",
                str(work),
                str(source),
            ],
            cancel,
            tick,
        )
        if not target.is_file() or target.stat().st_size == 0:
            lines = [ln for ln in output.splitlines() if ln.strip() and "javaldx" not in ln]
            said = lines[-1][:200] if lines else ""
            raise PdfFailed(
                Text(
                    f"未写出文件，退出码 {code}",
                    f"it wrote no file, exit code {code}",
                ),
                f"exit code {code}" + (f": {said}" if said else ""),
            )
        return target.read_bytes()


def convert(
    docx: bytes,
    as_of: dt.datetime,
    *,
    cancel: Callable[[], bool] | None = None,
    tick: Callable[[], None] | None = None,
) -> bytes:
    """The PDF of ``docx``, dated ``as_of``. Raises PdfUnavailable, PdfFailed or Cancelled."""
    return stabilise(render(docx, cancel=cancel, tick=tick), as_of, hashlib.sha256(docx).digest())


# --- where the headings are -------------------------------------------------------------------

_OBJ = re.compile(rb"(?<![0-9])(\d+)\s+0\s+obj\b")
_REF = rb"(\d+)\s+0\s+R"
_DEST = re.compile(rb"/(?:#5F|5F|_)Toc(\d+)\s*\[\s*" + _REF)
_KIDS = re.compile(rb"/Kids\s*\[([^\]]*)\]")
_DESTS = re.compile(rb"/Dests\s+" + _REF)
_PAGES = re.compile(rb"/Type\s*/Catalog\b.*?/Pages\s+" + _REF, re.S)


class _Objects:
    """The objects of an uncompressed-xref PDF, such as LibreOffice writes, by number."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at: dict[int, int] = {}
        for m in _OBJ.finditer(data):
            self.at.setdefault(int(m.group(1)), m.end())

    def get(self, number: int) -> bytes:
        start = self.at.get(number)
        if start is None:
            return b""
        end = self.data.find(b"endobj", start)
        stream = self.data.find(b"stream", start, end if end >= 0 else None)
        if stream >= 0:
            end = stream
        return self.data[start:end] if end >= 0 else b""


def _page_order(objects: _Objects, root: int) -> dict[int, int]:
    """Page object number → page number (1-based), walking the page tree from ``root``."""
    order: dict[int, int] = {}
    todo, seen = [root], set()
    while todo:
        number = todo.pop(0)
        if number in seen:
            continue
        seen.add(number)
        body = objects.get(number)
        kids = _KIDS.search(body)
        if re.search(rb"/Type\s*/Pages\b", body) and kids:
            todo[:0] = [int(k) for k in re.findall(_REF, kids.group(1))]
        elif re.search(rb"/Type\s*/Page\b", body):
            order[number] = len(order) + 1
    return order


def heading_pages(pdf_bytes: bytes, titles: Sequence[str] = ()) -> dict[int, int]:
    """Heading number → page in a PDF that LibreOffice made from one of our reports: from the
    ``_Toc`` named destinations, else from the outline matched against ``titles`` (the headings'
    texts in order, heading number = position + 1). Empty when neither can be read."""
    objects = _Objects(pdf_bytes)
    catalog = _PAGES.search(pdf_bytes)
    if catalog is None:
        return {}
    order = _page_order(objects, int(catalog.group(1)))
    pages: dict[int, int] = {}
    dests = _DESTS.search(pdf_bytes)
    if dests is not None:
        for m in _DEST.finditer(objects.get(int(dests.group(1)))):
            page = order.get(int(m.group(2)))
            if page is not None:
                pages[int(m.group(1))] = page
    if not pages and titles:
        pages = _from_outline(pdf_bytes, objects, order, titles)
    return pages


_OUTLINE_ITEM = re.compile(rb"/Title\s*<([0-9A-Fa-f]*)>.*?/Dest\s*\[\s*" + _REF, re.S)


def _from_outline(
    data: bytes, objects: _Objects, order: dict[int, int], titles: Sequence[str]
) -> dict[int, int]:
    """The outline's entries in document order, matched to ``titles`` in order."""
    entries: list[tuple[int, str, int]] = []  # (object number, title, page)
    for number in objects.at:
        body = objects.get(number)
        m = _OUTLINE_ITEM.search(body)
        if m is None or b"/Parent" not in body:
            continue
        raw = bytes.fromhex(m.group(1).decode())
        text = (
            raw[2:].decode("utf-16-be", "replace")
            if raw[:2] == b"\xfe\xff"
            else raw.decode("latin-1")
        )
        page = order.get(int(m.group(2)))
        if page is not None:
            entries.append((number, text, page))
    # an outline lists its entries in the order of the document, and so do the pages
    entries.sort(key=lambda e: (e[2], _y_of(objects.get(e[0]))))
    pages: dict[int, int] = {}
    at = 0
    for n, title in enumerate(titles, start=1):
        want = _squash(title)
        for k in range(at, len(entries)):
            if _squash(entries[k][1]) == want:
                pages[n] = entries[k][2]
                at = k + 1
                break
    return pages


def _y_of(body: bytes) -> float:
    m = re.search(rb"/XYZ\s+[-\d.]+\s+([-\d.]+)", body)
    return -float(m.group(1)) if m else 0.0


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- same bytes every time --------------------------------------------------------------------

_DATE = re.compile(rb"/(CreationDate|ModDate)\s*\((D:[^)]*)\)")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")


def stabilise(pdf: bytes, as_of: dt.datetime, seed: bytes) -> bytes:
    """Replace the PDF's dates and file identifier, keeping every byte offset unchanged."""

    def date(m: re.Match[bytes]) -> bytes:
        old = m.group(2)
        new = as_of.strftime("D:%Y%m%d%H%M%S").encode()
        new = new + old[len(new) :] if len(new) <= len(old) else old
        return b"/" + m.group(1) + b"(" + new + b")"

    def ident(m: re.Match[bytes]) -> bytes:
        hexed = hashlib.sha256(seed).hexdigest().upper().encode()
        first = (hexed * 2)[: len(m.group(1))]
        second = (hexed * 2)[: len(m.group(2))]
        return m.group(0).replace(m.group(1), first, 1).replace(m.group(2), second, 1)

    def checksum(m: re.Match[bytes]) -> bytes:
        hexed = hashlib.sha256(b"checksum" + seed).hexdigest().upper().encode()
        return m.group(0).replace(m.group(1), (hexed * 2)[: len(m.group(1))], 1)

    return _CHECKSUM.sub(checksum, _ID.sub(ident, _DATE.sub(date, pdf)))
