"""Command line for team work: a workspace on a PostgreSQL server, its roles,
moving a workspace to and from a server, and department packets for offline work.

Each part is a module here with ``configure(sub)``; ``PARTS`` lists them (imported by name in code:
a missing module fails at once).
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any


def parts() -> tuple[ModuleType, ...]:
    from ipaudit.cli_team import manager, moving, packets, setup

    return (manager, packets, setup, moving)


def configure(sub: Any) -> None:
    for module in parts():
        module.configure(sub)


def warn_other_writer(path: str) -> None:
    """On standard error, as every command that opens a workspace file (``cli._open``): another
    program holds the file ``path`` open for writing (what it changes after this command read the
    file is not part of what the command did)."""
    from ipaudit.cli import lang
    from ipaudit.services.presence import other_writer_warning

    warning = other_writer_warning(path)
    if warning is not None:
        sys.stderr.write(f"ipaudit: {warning.get(lang())}\n")
