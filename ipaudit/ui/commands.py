"""Undoable edits: one QUndoCommand per domain operation, calling the services both ways.

Every command emits ``session.edited`` after it ran, so views refresh and checks re-run.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ipaudit.domain.model import Department, Evidence, Facts, ItemState, Status, WorkspaceInfo
from ipaudit.ui.session import WorkspaceSession


def tr(text: str) -> str:
    return QCoreApplication.translate("commands", text)


class _Command(QUndoCommand):
    def __init__(self, session: WorkspaceSession, text: str, item_key: str = "") -> None:
        super().__init__(text)
        self.session = session
        self.ws = session.workspace
        self.item_key = item_key

    def _done(self) -> None:
        self.session.edited.emit(self.item_key)


class SaveItemState(_Command):
    """Replace an item's whole state (answer, status, notes, instance names)."""

    def __init__(
        self, session: WorkspaceSession, old: ItemState, new: ItemState, text: str
    ) -> None:
        super().__init__(session, text, new.item_key)
        self.old = old
        self.new = new

    def redo(self) -> None:
        self.ws.save_state(replace(self.new, version=0))
        self._done()

    def undo(self) -> None:
        self.ws.save_state(replace(self.old, version=0))
        self._done()


def set_answer(session: WorkspaceSession, item_key: str, question_key: str, text: str) -> None:
    old = session.workspace.state(item_key)
    answers = dict(old.answers)
    if text.strip():
        answers[question_key] = text
    else:
        answers.pop(question_key, None)
    if answers == old.answers:
        return
    status = old.status if old.status is not Status.NOT_STARTED else Status.IN_PROGRESS
    new = replace(old, answers=answers, status=status)
    session.undo_stack.push(
        SaveItemState(session, old, new, tr("Answer “%1”").replace("%1", question_key))
    )


def set_status(session: WorkspaceSession, item_key: str, status: Status, reason: str = "") -> None:
    old = session.workspace.state(item_key)
    na_reason = reason if status is Status.NOT_APPLICABLE else old.na_reason
    new = replace(old, status=status, na_reason=na_reason)
    if new == old:
        return
    session.undo_stack.push(
        SaveItemState(session, old, new, tr("Set status of %1").replace("%1", item_key))
    )


def set_notes(session: WorkspaceSession, item_key: str, notes: str) -> None:
    old = session.workspace.state(item_key)
    if old.notes == notes:
        return
    new = replace(old, notes=notes)
    session.undo_stack.push(
        SaveItemState(session, old, new, tr("Edit notes of %1").replace("%1", item_key))
    )


def set_instance_names(session: WorkspaceSession, item_key: str, names: list[str]) -> None:
    old = session.workspace.state(item_key)
    new = replace(old, instance_names=tuple(names))
    if new == old:
        return
    session.undo_stack.push(
        SaveItemState(session, old, new, tr("Rename instances of %1").replace("%1", item_key))
    )


class EvidenceAdded(_Command):
    """Pushed after a worker attached (or replaced) a file: undo removes it, redo restores it.

    Attaching to an item not started marks it in progress; ``state_before`` lets undo put the
    status back as it was.
    """

    def __init__(
        self,
        session: WorkspaceSession,
        evidence: list[Evidence],
        text: str,
        state_before: ItemState | None = None,
    ) -> None:
        super().__init__(session, text, evidence[0].item_key if evidence else "")
        self.evidence = evidence
        self.state_before = state_before
        self.status_after: Status | None = None
        self._first = True

    def _set_status(self, status: Status | None) -> None:
        if status is None or not self.item_key:
            return
        current = self.ws.state(self.item_key)
        if current.status is not status:
            self.ws.save_state(replace(current, status=status, version=0))

    def redo(self) -> None:
        if self._first:  # the worker already stored it
            self._first = False
            if self.item_key:
                self.status_after = self.ws.state(self.item_key).status
            self._done()
            return
        for ev in self.evidence:
            self.ws.restore_evidence(ev.id)
        self._set_status(self.status_after)
        self._done()

    def undo(self) -> None:
        for ev in reversed(self.evidence):
            self.ws.remove_evidence(ev.id)
        if self.state_before is not None:
            self._set_status(self.state_before.status)
        self._done()


class RemoveEvidence(_Command):
    def __init__(self, session: WorkspaceSession, evidence: Evidence) -> None:
        super().__init__(
            session, tr("Remove “%1”").replace("%1", evidence.title), evidence.item_key
        )
        self.evidence = evidence

    def redo(self) -> None:
        self.ws.remove_evidence(self.evidence.id)
        self._done()

    def undo(self) -> None:
        self.ws.restore_evidence(self.evidence.id)
        self._done()


class EditEvidence(_Command):
    def __init__(
        self, session: WorkspaceSession, evidence: Evidence, changes: dict[str, Any]
    ) -> None:
        super().__init__(session, tr("Edit “%1”").replace("%1", evidence.title), evidence.item_key)
        self.evidence_id = evidence.id
        self.new = changes
        self.old = {k: getattr(evidence, k) for k in changes}

    def redo(self) -> None:
        self.ws.update_evidence(self.evidence_id, **self.new)
        self._done()

    def undo(self) -> None:
        self.ws.update_evidence(self.evidence_id, **self.old)
        self._done()


class SetFacts(_Command):
    """Replace the facts. Edits with the same non-empty ``merge`` key in a row — the saves of one
    typing session in one field — are one undo step."""

    _ID = 0x46414354  # QUndoCommand.id(): only commands with the same id are offered to merge

    def __init__(
        self, session: WorkspaceSession, old: Facts, new: Facts, text: str = "", merge: str = ""
    ) -> None:
        super().__init__(session, text or tr("Edit facts"))
        self.old = old
        self.new = new
        self.merge = merge

    def id(self) -> int:
        return self._ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFacts) or other.merge != self.merge:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)  # typed back to what it was: no step at all
        return True

    def redo(self) -> None:
        self.ws.set_facts(self.new)
        self._done()

    def undo(self) -> None:
        self.ws.set_facts(self.old)
        self._done()


def set_facts(session: WorkspaceSession, new: Facts, text: str = "", merge: str = "") -> None:
    old = session.workspace.facts()
    if old != new:
        session.undo_stack.push(SetFacts(session, old, new, text, merge))


class SetInfo(_Command):
    """Change the workspace information (audit type and dates). The first redo finds it stored
    already: ``set_info`` stores it before pushing, so a refused change never enters the stack."""

    def __init__(self, session: WorkspaceSession, old: WorkspaceInfo, new: WorkspaceInfo) -> None:
        super().__init__(session, tr("Edit workspace information"))
        self.old = old
        self.new = new
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        else:
            self.ws.set_info(self.new)
        self._done()

    def undo(self) -> None:
        self.ws.set_info(self.old)
        self._done()


def set_info(session: WorkspaceSession, new: WorkspaceInfo) -> None:
    """Store ``new`` (validated by the service: raises before anything changes) as one undo step."""
    old = session.workspace.info()
    if old == new:
        return
    session.workspace.set_info(new)
    session.undo_stack.push(SetInfo(session, old, new))


class AcceptFinding(_Command):
    def __init__(
        self, session: WorkspaceSession, key: str, explanation: str | None, item_key: str = ""
    ) -> None:
        super().__init__(
            session,
            tr("Accept a finding") if explanation else tr("Withdraw an acceptance"),
            item_key,
        )
        self.key = key
        self.new = explanation
        self.old = session.workspace.store.acceptances().get(key)

    def _apply(self, value: str | None) -> None:
        if value:
            self.ws.accept(self.key, value)
        else:
            self.ws.unaccept(self.key)
        self._done()

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class SaveDepartment(_Command):
    def __init__(
        self, session: WorkspaceSession, old: Department | None, new: Department, text: str
    ) -> None:
        super().__init__(session, text)
        self.old = old
        self.new = new

    def redo(self) -> None:
        self.ws.save_department(self.new)
        self._done()

    def undo(self) -> None:
        if self.old is not None:
            self.ws.save_department(self.old)
        else:  # a department added by this command: mark it absent again
            self.ws.save_department(replace(self.new, absent=True))
        self._done()
