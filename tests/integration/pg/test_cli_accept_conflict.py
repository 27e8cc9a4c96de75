"""``ipaudit accept`` on a team workspace while another desk accepts the same finding: the command
stores its explanation against the one it read first, so an explanation saved meanwhile is a
conflict naming who and when (exit 3), never silently replaced. Real processes on the test server:
the command is held in its findings check by a lock on the item states, the other desk accepts
through the services meanwhile, and the lock is let go."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ipaudit.cli import EXIT_OK, EXIT_WORKSPACE
from ipaudit.services import Workspace
from tests.factories import INFO
from tests.pg import admin_connect, database_name

pytestmark = pytest.mark.pg

ROOT = Path(__file__).resolve().parents[3]
ENV = {**os.environ, "IPAUDIT_LANG": "en", "PYTHONPATH": str(ROOT)}
FINDING = "answer_missing:fin.interview:"


def start_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        cwd=ROOT,
    )


def wait_blocked(admin: Any, database: str, timeout: float = 60.0) -> str:
    """The query of a session of ``database`` waiting for a table lock, once there is one."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        row = admin.execute(
            "SELECT query FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'"
            " AND wait_event = 'relation'",
            (database,),
        ).fetchone()
        if row is not None:
            return str(row[0])
        time.sleep(0.05)
    raise AssertionError("the command never reached the findings check")


def held_in_findings(
    pg_url: str, *args: str, meanwhile: Callable[[], object]
) -> subprocess.CompletedProcess[str]:
    """Run ``ipaudit ARGS``; hold it in its findings check (the item states locked) while
    ``meanwhile()`` runs, then let it finish."""
    import psycopg

    with psycopg.connect(pg_url) as lock, admin_connect(pg_url) as admin:
        lock.execute("LOCK TABLE item_states IN ACCESS EXCLUSIVE MODE")
        proc = start_cli(*args)
        try:
            blocked = wait_blocked(admin, database_name(pg_url))
            assert "item_states" in blocked  # held after it read the acceptance, before writing
            meanwhile()
        finally:
            lock.rollback()
        out, err = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_an_explanation_saved_meanwhile_is_a_conflict_not_replaced(pg_url: str) -> None:
    Workspace.create(pg_url, INFO).close()
    with Workspace.open(pg_url) as other:
        done = held_in_findings(
            pg_url,
            "accept",
            pg_url,
            FINDING,
            "my explanation",
            meanwhile=lambda: other.accept(FINDING, "their explanation", base=""),
        )
        assert done.returncode == EXIT_WORKSPACE, done.stderr
        assert done.stdout == ""
        err = done.stderr
        assert f"ipaudit_test changed the acceptance of the finding '{FINDING}' at" in err
        assert "nothing was saved" in err and "Traceback" not in err
        assert "ipaudit_test_pw" not in err
        assert other.acceptances() == {FINDING: "their explanation"}  # kept

        # withdrawing one that was changed meanwhile: the same
        done = held_in_findings(
            pg_url,
            "accept",
            pg_url,
            FINDING,
            "--withdraw",
            meanwhile=lambda: other.accept(
                FINDING, "their second explanation", base="their explanation"
            ),
        )
        assert done.returncode == EXIT_WORKSPACE, done.stderr
        assert other.acceptances() == {FINDING: "their second explanation"}

        # nobody in between: the command replaces what it read, on purpose
        done = held_in_findings(
            pg_url, "accept", pg_url, FINDING, "my explanation", meanwhile=lambda: None
        )
        assert done.returncode == EXIT_OK, done.stderr
        assert other.acceptances() == {FINDING: "my explanation"}
