"""domain/, ledger/ and store/ never load Qt, and loading them does not load polars (the
reconciliation imports it on first use), checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_packages_load_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import ipaudit.domain, ipaudit.ledger, ipaudit.store\n"
        "for pkg in (ipaudit.domain, ipaudit.ledger, ipaudit.store):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "import ipaudit.services, ipaudit.cli\n"
        "heavy = ('PySide6', 'shiboken6', 'polars')\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "", f"loaded at import: {result.stdout}"
