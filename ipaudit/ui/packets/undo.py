"""An applied packet as one step of the undo stack: the state edits and the files attached, each
as the command the item panel uses for the same edit, inside one macro."""

from __future__ import annotations

from ipaudit.services.packets import Applied
from ipaudit.ui.commands import EvidenceAdded, SaveItemState
from ipaudit.ui.session import WorkspaceSession


def push_applied(session: WorkspaceSession, applied: Applied, text: str) -> bool:
    """Push what ``apply_packet`` stored (already stored: the commands' first redo only tells
    the views); False when nothing was stored."""
    if not applied.states and not applied.evidence:
        return False
    stack = session.undo_stack
    stack.beginMacro(text)
    try:
        for before, after in applied.states:
            stack.push(SaveItemState(session, before, after, text))
        for item_key, evidence in applied.evidence.items():
            stack.push(
                EvidenceAdded(session, evidence, text, applied.state_before_files.get(item_key))
            )
    finally:
        stack.endMacro()
    return True
