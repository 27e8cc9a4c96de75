"""One rule for a department marked absent, whether a workspace is being created or already
exists: a department owning requirements that can never be waived (HR) is refused both ways on
the command line — ``departments absent`` in a workspace, and a new workspace (``next-cycle``
creates one) from a file where HR was marked absent before the rule reached the wizard."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_INPUT, EXIT_OK
from ipaudit.services import Workspace
from tests.integration.cli_run import new_workspace, run


def test_hr_cannot_be_absent_in_a_workspace_nor_in_a_new_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ws = new_workspace(capsys, tmp_path / "w.ipaudit")
    code, _, err = run(capsys, "departments", ws, "absent", "hr_admin")
    assert code == EXIT_INPUT and "不能免除" in err
    # a file written by the wizard before: HR absent (procurement merged elsewhere first)
    with Workspace.open(ws) as w:
        deps = {d.key: d for d in w.departments()}
        w.store.save_department(replace(deps["procurement"], merged_into=None))
        w.store.save_department(replace(deps["hr_admin"], absent=True))
        assert w.department("hr_admin").absent
    target = tmp_path / "next"
    code, _, err = run(capsys, "next-cycle", ws, target)
    assert code == EXIT_INPUT, err
    assert "行政人事部" in err and "不能免除" in err and "合并" in err
    assert not target.with_suffix(".ipaudit").exists()
    # put right as the message says (present again, or merged): the next cycle starts
    code, _, err = run(capsys, "departments", ws, "present", "hr_admin")
    assert code == EXIT_OK, err
    code, _, err = run(capsys, "next-cycle", ws, target)
    assert code == EXIT_OK, err
    with Workspace.open(target.with_suffix(".ipaudit")) as w:
        assert not w.department("hr_admin").absent
