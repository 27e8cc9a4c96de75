"""Two processes edit one team workspace on the server at once — facts, answers, status, notes,
attachments — and not one stored edit is lost (the file's test, tests/integration/
test_concurrent_edits.py, run against the server with the same editor processes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipaudit.domain.model import Status
from ipaudit.services import Workspace
from tests.factories import INFO
from tests.integration.concurrent_editor import shared_items
from tests.integration.test_concurrent_edits import lost_edits, run_pair

pytestmark = [pytest.mark.pg, pytest.mark.slow]

ROUNDS = 200  # per process, five edits each round


def test_two_processes_lose_no_edit_on_the_server(pg_url: str, tmp_path: Path) -> None:
    with Workspace.create(pg_url, INFO) as ws:
        for item, _qa, _qb in shared_items(ws):
            ws.set_status(item, Status.IN_PROGRESS)
    (tmp_path / Path(pg_url).parent).mkdir(parents=True)  # where they put files-a/, files-b/
    results = run_pair(pg_url, tmp_path, ("direct", "based"), ROUNDS)
    stored = sum(len(r["stored"]) for r in results)
    refused = [m for r in results for m in r["refused"]]
    lost = lost_edits(pg_url, results)  # type: ignore[arg-type]  (an address works as a path)
    print(f"\nserver: edits stored {stored}, refused {len(refused)}, lost {len(lost)}")
    assert lost == []
    assert stored + len(refused) == 2 * 5 * ROUNDS
    assert stored >= 2 * 5 * ROUNDS * 0.9
    for message in refused:
        assert message.endswith(".") and ("try again" in message or "edit again" in message)
