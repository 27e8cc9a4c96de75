"""The readiness pack's core and its CLI commands never load Qt (checked in a fresh interpreter):
the CLI exports on a machine with no display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_export_loads_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import ipaudit.export\n"
        "for m in pkgutil.walk_packages(ipaudit.export.__path__, 'ipaudit.export.'):\n"
        "    if m.name != 'ipaudit.export.uno_convert':\n"
        "        importlib.import_module(m.name)\n"
        "import ipaudit.cli_export\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "", f"Qt modules loaded: {result.stdout}"
