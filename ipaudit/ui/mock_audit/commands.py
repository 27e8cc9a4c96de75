"""Undoable mock-audit edits: a sample's result, and a whole mock audit drawn or drawn again
(``replace_command.Replace``: the first redo was done by the caller)."""

from __future__ import annotations

from ipaudit.domain.mock_audit import MockAudit, Sample
from ipaudit.services import Workspace
from ipaudit.services import mock_audit as service
from ipaudit.ui import replace_command
from ipaudit.ui.replace_command import push
from ipaudit.ui.session import WorkspaceSession

__all__ = ["PutAudit", "PutSample", "push"]

_store_audit = replace_command.put_or_discard(service.put_back, service.discard)


class PutSample(replace_command.Replace):
    def __init__(
        self, session: WorkspaceSession, text: str, audit_key: str, before: Sample, after: Sample
    ) -> None:
        def store(ws: Workspace, _current: Sample, wanted: Sample) -> None:
            service.put_sample(ws, audit_key, wanted)

        super().__init__(session, text, before, after, store)
        self.audit_key = audit_key


class PutAudit(replace_command.Replace):
    """``before`` becomes ``after`` (None: no such mock audit)."""

    def __init__(
        self,
        session: WorkspaceSession,
        text: str,
        before: MockAudit | None,
        after: MockAudit | None,
    ) -> None:
        super().__init__(session, text, before, after, _store_audit)
