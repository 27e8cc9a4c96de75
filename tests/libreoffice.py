"""A file saved again by LibreOffice, as a user's office suite writes it back (for the tests of
what reads workbooks that went through WPS or LibreOffice)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from ipaudit.export.pdf import find_soffice


def resave(
    source: Path, out: Path, fmt: str = "xlsx", timeout: int = 180, filter_name: str = ""
) -> Path:
    """``source`` converted by LibreOffice to ``fmt`` (through the export filter ``filter_name``
    when given, e.g. a CSV's "Text - txt - csv (StarCalc):44,34,76") into the folder ``out``
    (with a profile of its own beside it, so tests may run side by side); the new file.
    LibreOffice must be installed."""
    soffice = find_soffice()
    assert soffice is not None, "LibreOffice is not installed"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(out.parent / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            fmt + (f":{filter_name}" if filter_name else ""),
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return out / f"{source.stem}.{fmt}"
