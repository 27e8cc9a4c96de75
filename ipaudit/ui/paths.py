"""Where the desktop app keeps its own files: the user's data folder (the demo workspace, logs).

``IPAUDIT_DATA_DIR`` overrides the folder (tests and benchmarks use a temporary one).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths


def data_dir() -> Path:
    override = os.environ.get("IPAUDIT_DATA_DIR")
    if override:
        folder = Path(override)
    else:
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        folder = Path(location) if location else Path.home() / ".ipaudit"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def demo_path() -> Path:
    return data_dir() / "demo.ipaudit"


def log_path() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "ipaudit.log"
