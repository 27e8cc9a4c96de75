"""The bundle's programs: ``ipaudit`` (command line, or the app without arguments) and
``ipaudit-gui`` (the app; no console window on Windows). PyInstaller names the program after
the executable, which picks the entry."""

import sys
from pathlib import Path

from ipaudit.__main__ import run, run_gui

if __name__ == "__main__":
    if Path(sys.executable).stem.lower() == "ipaudit-gui":
        run_gui()
    else:
        run()
