"""``python -m ipaudit`` and the installed commands: ``ipaudit`` (the command line, or the desktop
app when no subcommand is given) and ``ipaudit-gui`` (the desktop app, without a console on
Windows)."""

from __future__ import annotations

import sys

from ipaudit.app import main


def run() -> None:
    sys.exit(main(sys.argv[1:]))


def run_gui() -> None:
    sys.exit(main(["gui", *sys.argv[1:]]))


if __name__ == "__main__":
    run()
