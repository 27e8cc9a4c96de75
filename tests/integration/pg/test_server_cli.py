"""The command line on a team workspace: every command takes a postgresql:// address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_OK, EXIT_WORKSPACE
from tests.integration.cli_run import run
from tests.pg import role_url

pytestmark = pytest.mark.pg


def test_new_edit_and_read_a_team_workspace_by_its_address(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "new", pg_url, "--company", "示例科技有限公司")
    assert code == EXIT_OK, err
    assert "ipaudit_test_pw" not in out  # the address is shown without its password
    assert run(capsys, "set-fact", pg_url, "headcount.rnd", "23")[0] == EXIT_OK
    code, out, err = run(capsys, "facts", pg_url)
    assert code == EXIT_OK, err
    assert json.loads(out)["headcount"]["rnd"] == 23
    evidence = tmp_path / "培训记录.pdf"
    evidence.write_bytes(b"%PDF-1.4 training")
    code, out, err = run(
        capsys, "attach", pg_url, "hr.labour_contracts", evidence, "--date", "2025-03-05", "--json"
    )
    assert code == EXIT_OK, err
    code, out, err = run(capsys, "evidence", pg_url, "--json")
    assert code == EXIT_OK, err
    assert [e["original_name"] for e in json.loads(out)] == ["培训记录.pdf"]
    code, out, err = run(capsys, "readiness", pg_url, "--json")
    assert code == EXIT_OK, err
    assert json.loads(out)["company"] == "示例科技有限公司"


def test_a_refused_login_is_a_workspace_error_without_the_password(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    wrong = role_url(pg_url, "ipaudit_test", "wrong-pw-123")
    code, out, err = run(capsys, "readiness", wrong)
    assert code == EXIT_WORKSPACE
    assert "wrong-pw-123" not in out + err and "ipaudit_test" in err
