"""Workspace services: the readiness snapshot follows edits, not re-runs of the checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ipaudit.domain.model import Status
from ipaudit.services import Workspace
from tests.factories import INFO


def test_snapshot_is_recorded_for_edits_not_for_rereading(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "w.ipaudit", INFO) as ws:
        today = dt.date.today()
        ws.store.record_snapshot(today, 1.0, {}, 0)  # a marker to see whether it is rewritten
        ws.refresh()
        ws.assess()
        assert ws.store.snapshots()[-1][1] == 1.0  # re-running the checks changed nothing

        item = ws.template.items[0].key
        ws.set_status(item, Status.READY)
        overall = ws.assess().overall.percent
        day, percent, _per_dep, _blocking = ws.store.snapshots()[-1]
        assert (day, percent) == (today, overall) and percent != 1.0
