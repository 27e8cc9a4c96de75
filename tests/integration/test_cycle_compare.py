"""What changed since last year, on two real workspace files: a department merged, a headcount
changed, an item's record replaced by this cycle's, an item marked ready again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ipaudit.domain.model import AuditType, Edition, Status, WorkspaceInfo
from ipaudit.services import Workspace
from ipaudit.services.cycle_compare import compare_files
from ipaudit.services.next_cycle import start_next_cycle

INFO = WorkspaceInfo(
    company="测试公司",
    edition=Edition.GB2023,
    audit_type=AuditType.SURVEILLANCE,
    audit_start=dt.date(2026, 6, 1),
    audit_end=dt.date(2026, 6, 2),
    period_start=dt.date(2025, 6, 2),
    period_end=dt.date(2026, 5, 31),
    last_audit=dt.date(2025, 6, 1),
)


def test_the_changes_of_a_year(tmp_path: Path) -> None:
    old_path = tmp_path / "2026.ipaudit"
    record = tmp_path / "沟通记录2026.txt"
    record.write_text("2026", encoding="utf-8")
    with Workspace.create(old_path, INFO, separate_procurement=True) as ws:
        ws.set_fact("headcount.rnd", "20")
        ws.attach("ipo.internal_communication", record, doc_date=dt.date(2026, 3, 1))
        ws.set_status("ipo.internal_communication", Status.READY, force=True)
        result = start_next_cycle(ws, tmp_path / "2027")
    key = "ipo.internal_communication"
    with Workspace.open(result.path) as new:
        assert new.state(key).status is Status.NEEDS_REFRESH
        new.set_fact("headcount.rnd", "25")
        new.merge_department("procurement", "hr_admin")
        fresh = tmp_path / "沟通记录2027.txt"
        fresh.write_text("2027", encoding="utf-8")
        (old_ev,) = new.evidence(key)
        replaced = new.replace_evidence(old_ev.id, fresh)
        new.update_evidence(replaced.id, title="沟通记录2027", doc_date=dt.date(2027, 3, 1))
        new.set_status(key, Status.READY, force=True)
    diff = compare_files(old_path, result.path)
    facts = {c.key: (c.old, c.new) for c in diff.facts}
    assert facts["headcount.rnd"] == ("20", "25")
    (dep,) = diff.departments
    assert dep.key == "procurement" and dep.new.endswith("→ hr_admin")
    assert [(s.item_key, s.old, s.new) for s in diff.statuses] == []  # ready then, ready now
    (ev,) = diff.evidence
    assert (ev.item_key, ev.added, ev.removed, ev.kept) == (
        key,
        ("沟通记录2027",),
        ("沟通记录2026",),
        0,
    )
    info = {c.key for c in diff.info}
    assert {"audit_start", "audit_end", "period_start", "period_end", "last_audit"} <= info
    assert compare_files(old_path, old_path).empty
