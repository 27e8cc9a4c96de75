"""The next cycle of a team workspace: its content is pulled from the server into a file, then
rolled over like a file's; the new cycle is a workspace file that names the server as its origin."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ipaudit.demo.content import FACTS, INFO
from ipaudit.domain.model import AuditType, Status
from ipaudit.services import Workspace
from ipaudit.services import corrective_actions as actions
from ipaudit.services.next_cycle import previous_cycle, start_next_cycle
from ipaudit.store.address import masked

pytestmark = pytest.mark.pg


def test_a_team_workspace_rolls_over_into_a_file(pg_url: str, tmp_path: Path) -> None:
    record = tmp_path / "内审报告.txt"
    record.write_text("内审报告", encoding="utf-8")
    with Workspace.create(pg_url, INFO, facts=FACTS) as ws:
        ws.attach("ipo.internal_audit", record, slot="1/report", doc_date=dt.date(2026, 9, 1))
        key = actions.add(
            ws,
            finding="缺内审员证书",
            department="hr_admin",
            action="补证书",
            owner="王强",
            due=dt.date(2026, 10, 9),
            raised=dt.date(2026, 9, 1),
        ).key
        result = start_next_cycle(ws, tmp_path / "next", AuditType.SURVEILLANCE)
    assert not list(tmp_path.glob("*.part*"))
    with Workspace.open(result.path) as new:
        (ev,) = new.evidence()
        assert ev.last_cycle and b"".join(new.evidence_bytes(ev.sha256)) == record.read_bytes()
        assert new.state("ipo.internal_audit").status is Status.NEEDS_REFRESH
        assert [a.key for a in actions.actions(new)] == [key]
        assert str(previous_cycle(new)) == str(Path(masked(pg_url)))
