"""Command line for the audit day and the cycle around it: the plan, rehearsal, the auditor's
request list, the mock audit, corrective actions, the application conditions and the next cycle.

Each part is a module here with ``configure(sub)``; ``PARTS`` lists them (imported by name in code:
a missing module fails at once).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any


def parts() -> tuple[ModuleType, ...]:
    from ipaudit.cli_audit import (
        actions,
        application,
        mock_audit,
        next_cycle,
        plan,
        rehearsal,
        requests,
    )

    return (plan, rehearsal, next_cycle, mock_audit, actions, application, requests)


def configure(sub: Any) -> None:
    for module in parts():
        module.configure(sub)
