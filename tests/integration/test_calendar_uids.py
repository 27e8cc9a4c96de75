"""The calendar's event UIDs belong to the workspace, not to its file name: a renamed or copied
workspace writes the same UIDs (a calendar imported again updates its events), another
workspace writes others."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import icalendar
import pytest

from ipaudit.cli import EXIT_OK, main
from ipaudit.services import Workspace
from ipaudit.services import corrective_actions as actions
from ipaudit.services.calendar import workspace_tag
from tests.factories import INFO


def uids(capsys: pytest.CaptureFixture[str], path: Path, out: Path) -> set[str]:
    assert main(["calendar", str(path), "-o", str(out)]) == EXIT_OK
    capsys.readouterr()
    cal = icalendar.Calendar.from_ical(out.read_bytes())
    return {str(e["UID"]) for e in cal.walk("VEVENT")}


def test_a_renamed_or_copied_workspace_keeps_its_uids(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(demo_path) as w:
        actions.add(w, finding="方针未张贴", due=dt.date.today() + dt.timedelta(days=30))
        tag = workspace_tag(w)
    first = uids(capsys, demo_path, tmp_path / "a.ics")
    action_uids = {u for u in first if u.startswith("action-")}
    assert action_uids and all(tag in u and "demo" not in u for u in action_uids)
    renamed = tmp_path / "改名后的工作区.ipaudit"
    shutil.copyfile(demo_path, renamed)
    assert uids(capsys, renamed, tmp_path / "b.ics") == first
    with Workspace.create(tmp_path / "other.ipaudit", INFO) as other:
        actions.add(other, finding="方针未张贴", due=dt.date.today() + dt.timedelta(days=30))
        assert workspace_tag(other) != tag
    assert not uids(capsys, tmp_path / "other.ipaudit", tmp_path / "c.ics") & action_uids
