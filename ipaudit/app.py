"""Application entry: the command line when arguments are given, otherwise the desktop app."""

from __future__ import annotations

from collections.abc import Sequence


def _opens_gui(argv: Sequence[str]) -> bool:
    """No arguments, ``gui …``, or just a workspace file (as a file manager passes it)."""
    if not argv or argv[0] in ("gui", "--gui"):
        return True
    return len(argv) == 1 and argv[0].lower().endswith(".ipaudit")


def main(argv: Sequence[str]) -> int:
    if not _opens_gui(argv):
        from ipaudit.cli import main as cli_main

        return cli_main(argv)
    from ipaudit.ui.application import run

    if argv and argv[0] in ("gui", "--gui"):
        argv = argv[1:]
    return run(list(argv))
