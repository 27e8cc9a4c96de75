"""Undoable edits of corrective actions: one command replaces one action by another (adding:
nothing by the new one; removing: the action by nothing), both ways through the services
(``replace_command.Replace``)."""

from __future__ import annotations

from ipaudit.domain.corrective_actions import CorrectiveAction
from ipaudit.services import corrective_actions as service
from ipaudit.ui import replace_command
from ipaudit.ui.session import WorkspaceSession

_store = replace_command.put_or_discard(service.put_back, service.discard)


class ReplaceAction(replace_command.Replace):
    """``before`` becomes ``after`` (either may be None)."""

    def __init__(
        self,
        session: WorkspaceSession,
        text: str,
        before: CorrectiveAction | None,
        after: CorrectiveAction | None,
    ) -> None:
        super().__init__(session, text, before, after, _store)


def push(
    session: WorkspaceSession,
    text: str,
    before: CorrectiveAction | None,
    after: CorrectiveAction | None,
) -> None:
    """Record an edit already stored (``before`` → ``after``) on the undo stack."""
    replace_command.push(session, ReplaceAction(session, text, before, after))
