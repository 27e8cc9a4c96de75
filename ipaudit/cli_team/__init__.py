"""Command line for team work: a workspace on a PostgreSQL server, its roles,
moving a workspace to and from a server, and department packets for offline work.

Each part is a module here with ``configure(sub)``; ``PARTS`` lists them (imported by name in code:
a missing module fails at once).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any


def parts() -> tuple[ModuleType, ...]:
    from ipaudit.cli_team import manager, moving, packets, setup, unreadable

    return (manager, packets, setup, moving, unreadable)


def configure(sub: Any) -> None:
    for module in parts():
        module.configure(sub)
