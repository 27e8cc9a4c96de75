"""Application entry: the command line when arguments are given, otherwise the desktop app."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    if argv and argv[0] not in ("gui", "--gui"):
        from ipaudit.cli import main as cli_main

        return cli_main(argv)
    from ipaudit.ui.application import run

    return run(list(argv[1:]) if argv else [])
