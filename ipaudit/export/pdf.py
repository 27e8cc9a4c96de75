"""The report as PDF, made by LibreOffice when it is installed.

With a Python that can talk to LibreOffice (``uno``), the document is opened, its table of contents
updated and then exported, so the PDF has page numbers in its contents; otherwise
``soffice --headless --convert-to pdf`` is used. The PDF's creation date and file identifier are
set from the workspace so that two exports of the same workspace give the same bytes.
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
from collections.abc import Callable
from functools import cache
from pathlib import Path

from ipaudit.progress import Cancelled

TIMEOUT_S = 600
UNO_SCRIPT = Path(__file__).with_name("uno_convert.py")

_WINDOWS_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


class PdfUnavailable(Exception):
    """LibreOffice is not installed."""


class PdfFailed(Exception):
    """LibreOffice ran but made no PDF; ``detail`` says what it reported."""

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__(detail)


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


@cache
def find_uno_python(soffice: str) -> str | None:
    """A Python that can import LibreOffice's ``uno`` module, if there is one."""
    program = Path(soffice).resolve().parent
    candidates = [program / "python.exe", program / "python"]
    if sys.platform != "win32":
        candidates += [Path(p) for p in (shutil.which("python3"), "/usr/bin/python3") if p]
    for candidate in candidates:
        if not candidate.is_file():
            continue
        try:
            done = subprocess.run(
                [str(candidate), "-c", "import uno"],
                capture_output=True,
                timeout=30,
                env=_clean_env(),
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return str(candidate)
    return None


def _run(cmd: list[str], cancel: Callable[[], bool] | None) -> tuple[int, str]:
    """Run ``cmd`` to its end (or until cancelled / timed out); its exit code and output."""
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            cmd,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=_clean_env(),
            start_new_session=sys.platform != "win32",
        )
        started = time.monotonic()
        try:
            while proc.poll() is None:
                if cancel is not None and cancel():
                    raise Cancelled
                if time.monotonic() - started > TIMEOUT_S:
                    raise PdfFailed(f"LibreOffice took longer than {TIMEOUT_S} s")
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


def convert(
    docx: bytes,
    as_of: dt.datetime,
    *,
    cancel: Callable[[], bool] | None = None,
    pages: dict[int, int] | None = None,
) -> bytes:
    """The PDF of ``docx``. Raises PdfUnavailable, PdfFailed or Cancelled. ``pages``, when given,
    receives the page of every heading bookmark (heading number → page) where LibreOffice could
    tell it (with ``uno`` only)."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailable
    with tempfile.TemporaryDirectory(prefix="ipaudit-pdf-") as tmp:
        work = Path(tmp)
        source = work / "report.docx"
        source.write_bytes(docx)
        profile = (work / "profile").as_uri()
        target = work / "report.pdf"
        python = find_uno_python(soffice)
        if python is not None:
            found = work / "pages.json"
            code, output = _run(
                [python, str(UNO_SCRIPT), soffice, str(source), str(target), profile, str(found)],
                cancel,
            )
            if pages is not None:
                pages.update(_read_pages(found))
        if python is None or not target.is_file():
            code, output = _run(
                [
                    soffice,
                    "--headless",
                    "--norestore",
                    "--nolockcheck",
                    f"-env:UserInstallation={profile}",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work),
                    str(source),
                ],
                cancel,
            )
        if not target.is_file() or target.stat().st_size == 0:
            lines = [ln for ln in output.splitlines() if ln.strip() and "javaldx" not in ln]
            raise PdfFailed(lines[-1][:200] if lines else f"exit code {code}")
        return stabilise(target.read_bytes(), as_of, hashlib.sha256(docx).digest())


def _read_pages(path: Path) -> dict[int, int]:
    import json

    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {int(k): int(v) for k, v in raw.items() if str(k).isdigit() and isinstance(v, int)}


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
