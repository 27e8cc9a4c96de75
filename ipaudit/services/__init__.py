"""The use cases: the one way in for the CLI, the GUI and the demo.

Each user operation is one function or method here; the callers never reach past them into the
store. ``Workspace`` (``workspace.py``) is the open workspace and its everyday operations; the
ledgers, people, budget and templates have a module each.
"""

from ipaudit.services import record_checks as record_checks  # records read defensively
from ipaudit.services.workspace import (
    Assessment,
    ConfirmationNeeded,
    StatusRefused,
    Workspace,
    answered,
    default_departments,
    new_departments_problem,
    with_instance_names,
    with_notes,
    with_status,
)

__all__ = [
    "Assessment",
    "ConfirmationNeeded",
    "StatusRefused",
    "Workspace",
    "answered",
    "default_departments",
    "new_departments_problem",
    "with_instance_names",
    "with_notes",
    "with_status",
]
