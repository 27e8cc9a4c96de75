"""Undoable edits: one QUndoCommand per domain operation, calling the services both ways.

Every command emits ``session.edited`` after it ran, so views refresh and checks re-run.

An item's state and the facts are edited from what the view showed (the ``base``): the service
applies what changed from it to what is stored now, so an edit made meanwhile in another window
or by a command is kept. When both changed the same field, the edit is not stored and a conflict
box says who changed it when, keeping what the user entered (to copy, or to save over theirs).
An edit that fails (read-only workspace, locked file) never enters the undo stack; an undo or
redo that fails is shown and dropped from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields, replace
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ipaudit.domain.model import (
    AuditType,
    Department,
    Evidence,
    Facts,
    ItemState,
    Status,
    WorkspaceInfo,
)
from ipaudit.services import Workspace, answered, with_instance_names, with_notes, with_status
from ipaudit.store.errors import EditConflict
from ipaudit.ui import errors, i18n
from ipaudit.ui.conflict_box import show_conflict
from ipaudit.ui.conflict_words import facts_text, info_label, status_text
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

    def _run(self, action: Callable[[], object]) -> bool:
        """Run ``action`` (a redo or undo); when it fails it is shown and the command leaves
        the stack."""
        try:
            action()
        except errors.expected_types() as exc:
            if not errors.is_expected(exc):
                raise
            self.setObsolete(True)
            errors.show_error(exc, headline=lambda: tr("The change could not be saved."))
            self._done()  # views show what is stored
            return False
        return True


class SaveItemState(_Command):
    """An edit of an item's state (answer, status, notes, instance names), from ``old`` to
    ``new``; it is stored before the command is pushed (see ``edit_state``)."""

    def __init__(
        self, session: WorkspaceSession, old: ItemState, new: ItemState, text: str
    ) -> None:
        super().__init__(session, text, new.item_key)
        self.old = old
        self.new = new
        self._first = True

    def redo(self) -> None:
        if self._first:  # stored already
            self._first = False
        elif not self._run(lambda: self.ws.save_state(self.new, base=self.old)):
            return
        self._done()

    def undo(self) -> None:
        if self._run(lambda: self.ws.save_state(self.old, base=self.new)):
            self._done()


def edit_state(
    session: WorkspaceSession,
    item_key: str,
    change: Callable[[ItemState], ItemState],
    text: str,
    mine: str,
    base: ItemState | None = None,
) -> bool:
    """Store ``change`` applied to ``base`` (the state the view showed; read now when None) as
    one undo step. ``mine`` is what the user entered, kept in the conflict box. False when it
    was not stored (nothing to change, a conflict, an expected failure — each shown)."""
    old = base if base is not None else session.workspace.state(item_key)
    new = change(old)
    if new == old:
        return False
    try:
        session.workspace.save_state(new, base=old)
    except EditConflict as exc:

        def keep_mine() -> None:
            edit_state(session, item_key, change, text, mine)

        show_conflict(exc, mine, keep_mine, workspace=session.workspace)
        session.edited.emit(item_key)  # the view shows the other change
        return False
    except errors.expected_types() as exc:
        if not errors.is_expected(exc):
            raise
        from ipaudit.ui.team.not_saved import is_connection_error, show_not_saved

        if is_connection_error(exc):  # a team workspace's server out of reach: nothing saved,
            # the field keeps what was typed (nothing is read back), "Try again" saves it
            show_not_saved(exc, mine, lambda: edit_state(session, item_key, change, text, mine))
            return False
        errors.show_error(exc, headline=lambda: tr("The change could not be saved."))
        session.edited.emit(item_key)
        return False
    session.undo_stack.push(SaveItemState(session, old, new, text))
    return True


def _question_text(session: WorkspaceSession, item_key: str, question_key: str) -> str:
    """The question as the user reads it (its key is never shown)."""
    item = session.workspace.template.item(item_key)
    question = next((q for q in item.questions if q.key == question_key), None)
    text = i18n.text(question.text) if question is not None else ""
    return text if len(text) <= 40 else text[:39] + "…"


def _item_title(session: WorkspaceSession, item_key: str) -> str:
    """The item as the checklist names it, in quotes (its key is never shown)."""
    return f"“{i18n.text(session.workspace.template.item(item_key).title)}”"


def set_answer(
    session: WorkspaceSession,
    item_key: str,
    question_key: str,
    text: str,
    base: ItemState | None = None,
) -> bool:
    return edit_state(
        session,
        item_key,
        lambda state: answered(state, question_key, text),
        tr("Answer “%1”").replace("%1", _question_text(session, item_key, question_key)),
        text,
        base,
    )


def set_status(
    session: WorkspaceSession,
    item_key: str,
    status: Status,
    reason: str = "",
    base: ItemState | None = None,
) -> bool:
    mine = status_text(status, reason)
    text = tr("Set status of %1").replace("%1", _item_title(session, item_key))
    change = partial(with_status, status=status, reason=reason)
    return edit_state(session, item_key, change, text, mine, base)


def set_notes(
    session: WorkspaceSession, item_key: str, notes: str, base: ItemState | None = None
) -> bool:
    text = tr("Edit notes of %1").replace("%1", _item_title(session, item_key))
    return edit_state(session, item_key, partial(with_notes, notes=notes), text, notes, base)


def set_instance_names(
    session: WorkspaceSession, item_key: str, names: list[str], base: ItemState | None = None
) -> bool:
    return edit_state(
        session,
        item_key,
        partial(with_instance_names, names=names),
        tr("Rename instances of %1").replace("%1", _item_title(session, item_key)),
        "\n".join(names),
        base,
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
            self.ws.edit_state(self.item_key, lambda s: replace(s, status=status))

    def redo(self) -> None:
        if self._first:  # the worker already stored it
            self._first = False
            if self.item_key:
                self.status_after = self.ws.state(self.item_key).status
            self._done()
            return

        def restore() -> None:
            for ev in self.evidence:
                self.ws.restore_evidence(ev.id)
            self._set_status(self.status_after)

        if self._run(restore):
            self._done()

    def undo(self) -> None:
        def remove() -> None:
            for ev in reversed(self.evidence):
                self.ws.remove_evidence(ev.id)
            if self.state_before is not None:
                self._set_status(self.state_before.status)

        if self._run(remove):
            self._done()


class RemoveEvidence(_Command):
    def __init__(self, session: WorkspaceSession, evidence: Evidence) -> None:
        super().__init__(
            session, tr("Remove “%1”").replace("%1", evidence.title), evidence.item_key
        )
        self.evidence = evidence

    def redo(self) -> None:
        if self._run(lambda: self.ws.remove_evidence(self.evidence.id)):
            self._done()

    def undo(self) -> None:
        if self._run(lambda: self.ws.restore_evidence(self.evidence.id)):
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
        if self._run(lambda: self.ws.update_evidence(self.evidence_id, **self.new)):
            self._done()

    def undo(self) -> None:
        if self._run(lambda: self.ws.update_evidence(self.evidence_id, **self.old)):
            self._done()


class SetFacts(_Command):
    """An edit of the facts from ``old`` to ``new``, stored before it is pushed (``set_facts``).
    Edits with the same non-empty ``merge`` key in a row — the saves of one typing session in one
    field — are one undo step."""

    _ID = 0x46414354  # QUndoCommand.id(): only commands with the same id are offered to merge

    def __init__(
        self, session: WorkspaceSession, old: Facts, new: Facts, text: str = "", merge: str = ""
    ) -> None:
        super().__init__(session, text or tr("Edit facts"))
        self.old = old
        self.new = new
        self.merge = merge
        self._first = True

    def id(self) -> int:
        return self._ID if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFacts) or other.merge != self.merge:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)  # typed back to what it was: no step at all
        return True

    def redo(self) -> None:
        if self._first:  # stored already
            self._first = False
        elif not self._run(lambda: self.ws.set_facts(self.new, base=self.old)):
            return
        self._done()

    def undo(self) -> None:
        if self._run(lambda: self.ws.set_facts(self.old, base=self.new)):
            self._done()


def set_facts(
    session: WorkspaceSession,
    new: Facts,
    text: str = "",
    merge: str = "",
    base: Facts | None = None,
) -> bool:
    """Store ``new`` as one undo step; ``base``: the facts the view showed (read now when None),
    so that only what the user changed is applied to the facts as stored now. False when it was
    not stored (no change, a conflict, an expected failure — each shown)."""
    old = base if base is not None else session.workspace.facts()
    if old == new:
        return False
    try:
        session.workspace.set_facts(new, base=old)
    except EditConflict as exc:
        changed = {f.name: getattr(new, f.name) for f in fields(Facts)}
        changed = {k: v for k, v in changed.items() if v != getattr(old, k)}

        def keep_mine() -> None:
            set_facts(session, replace(session.workspace.facts(), **changed), text, merge)

        show_conflict(
            exc,
            partial(_facts_text, session.workspace, old, new),
            keep_mine,
            workspace=session.workspace,
        )
        session.edited.emit("")  # the facts editor shows the other change
        return False
    except errors.expected_types() as exc:
        if not errors.is_expected(exc):
            raise
        errors.show_error(exc, headline=lambda: tr("The change could not be saved."))
        session.edited.emit("")
        return False
    session.undo_stack.push(SetFacts(session, old, new, text, merge))
    return True


def _facts_text(ws: Workspace, old: Facts, new: Facts) -> str:
    """The facts the user changed, for the conflict box: under the facts editor's labels, as
    the editors show them (departments by name, no keys)."""
    return facts_text(ws, old, new)


class SetInfo(_Command):
    """Change the workspace information (audit type and dates). The first redo finds it stored
    already: ``set_info`` stores it before pushing, so a refused change never enters the stack.
    Redo and undo apply only the fields this step changed (a later edit of other fields stays)."""

    def __init__(self, session: WorkspaceSession, old: WorkspaceInfo, new: WorkspaceInfo) -> None:
        super().__init__(session, tr("Edit workspace information"))
        self.old = old
        self.new = new
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
        elif not self._run(lambda: self.ws.set_info(self.new, base=self.old)):
            return
        self._done()

    def undo(self) -> None:
        if self._run(lambda: self.ws.set_info(self.old, base=self.new)):
            self._done()


def set_info(
    session: WorkspaceSession, new: WorkspaceInfo, base: WorkspaceInfo | None = None
) -> bool:
    """Store ``new`` as one undo step; ``base``: the information the dialog showed (read now when
    None), so that only the fields the user changed are applied to the information as stored now.
    Raises when the service refuses it (nothing changes). False when it was not stored: no change,
    or someone else changed the same field meanwhile (the conflict box says who and when, and
    "Keep mine" stores the user's fields over theirs)."""
    old = base if base is not None else session.workspace.info()
    if old == new:
        return False
    try:
        session.workspace.set_info(new, base=old)
    except EditConflict as exc:

        def keep_mine() -> None:
            set_info(session, _with_fields(session.workspace.info(), old, new))

        show_conflict(exc, partial(_info_text, old, new), keep_mine, workspace=session.workspace)
        session.edited.emit("")
        return False
    session.undo_stack.push(SetInfo(session, old, new))
    return True


def _with_fields(current: WorkspaceInfo, old: WorkspaceInfo, new: WorkspaceInfo) -> WorkspaceInfo:
    """``current`` with the fields changed from ``old`` to ``new``."""
    changed = {f.name: getattr(new, f.name) for f in fields(WorkspaceInfo)}
    return replace(current, **{k: v for k, v in changed.items() if v != getattr(old, k)})


def _info_text(old: WorkspaceInfo, new: WorkspaceInfo) -> str:
    """The fields the user changed, one a line, under the dialog's labels, for the conflict box."""
    kinds = {
        AuditType.INITIAL: "Initial certification",
        AuditType.SURVEILLANCE: "Surveillance audit",
        AuditType.RECERTIFICATION: "Re-certification",
    }
    lines = []
    for f in fields(WorkspaceInfo):
        value = getattr(new, f.name)
        if f.name == "edition" or value == getattr(old, f.name):
            continue
        if isinstance(value, AuditType):
            shown = QCoreApplication.translate("WorkspaceInfoDialog", kinds[value])
        elif value is None:
            shown = "-"
        else:
            shown = str(value)
        colon = "：" if i18n.language() == "zh" else ": "
        lines.append(f"{info_label(f.name)}{colon}{shown}")
    return "\n".join(lines)


class AcceptFinding(_Command):
    """Accept a finding with an explanation (``explanation``) or withdraw it (None). ``base``:
    the explanation the view showed ("" when not accepted); by default "" for an acceptance
    (the accept dialogs open only for a finding not accepted) and what is stored now for a
    withdrawal. Another explanation stored meanwhile opens the conflict box instead of being
    overwritten."""

    def __init__(
        self,
        session: WorkspaceSession,
        key: str,
        explanation: str | None,
        item_key: str = "",
        base: str | None = None,
    ) -> None:
        super().__init__(
            session,
            tr("Accept a finding") if explanation else tr("Withdraw an acceptance"),
            item_key,
        )
        self.key = key
        self.new = explanation
        if base is None:
            base = "" if explanation else session.workspace.acceptances().get(key, "")
        self.old = base or None
        self._first = True

    def _store(self, value: str | None, base: str | None) -> None:
        if value:
            self.ws.accept(self.key, value, base=base or "")
        else:
            self.ws.unaccept(self.key, base=base or "")

    def _apply(self, value: str | None, base: str | None) -> None:
        if self._run(lambda: self._store(value, base)):
            self._done()

    def redo(self) -> None:
        if not self._first:
            self._apply(self.new, self.old)
            return
        self._first = False
        try:
            self._store(self.new, self.old)
        except EditConflict as exc:
            self.setObsolete(True)
            value = self.new
            ws, key = self.ws, self.key

            def keep_mine() -> None:
                if value:
                    ws.accept(key, value)
                else:
                    ws.unaccept(key)
                self._done()

            show_conflict(exc, value or "", keep_mine, workspace=self.ws)
            self._done()  # the views show the other explanation
            return
        except errors.expected_types() as exc:
            if not errors.is_expected(exc):
                raise
            self.setObsolete(True)
            errors.show_error(exc, headline=lambda: tr("The change could not be saved."))
        self._done()

    def undo(self) -> None:
        self._apply(self.old, self.new)


class SaveDepartment(_Command):
    def __init__(
        self, session: WorkspaceSession, old: Department | None, new: Department, text: str
    ) -> None:
        super().__init__(session, text)
        self.old = old
        self.new = new

    def redo(self) -> None:
        if self._run(lambda: self.ws.save_department(self.new)):
            self._done()

    def undo(self) -> None:
        # a department added by this command is marked absent again
        old = self.old if self.old is not None else replace(self.new, absent=True)
        if self._run(lambda: self.ws.save_department(old)):
            self._done()
