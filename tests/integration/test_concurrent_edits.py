"""Two processes edit one workspace at once — facts, answers, status, notes, attachments — and
not one stored edit is lost; whatever is refused is refused with a sentence, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ipaudit.domain.model import Status
from ipaudit.services import Workspace
from tests.factories import INFO
from tests.integration.concurrent_editor import owners, shared_items

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 200  # per process, five edits each round


def run_pair(address: str, folder: Path, styles: tuple[str, str], rounds: int) -> list[dict]:
    """Two editor processes ("a" and "b", in these styles) on the workspace at ``address`` (a
    file or a server), started in ``folder`` and at the same moment; their reports."""
    go = folder / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "IPAUDIT_LANG": "en"}
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.integration.concurrent_editor",
                address,
                name,
                style,
                str(rounds),
                str(go),
            ],
            cwd=folder,  # the editors put their attachments beside the address: in here
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, style in zip(("a", "b"), styles, strict=True)
    ]
    go.touch()  # both start editing at the same moment
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert "Traceback" not in err, err
        results.append(json.loads(out))
    return results


def lost_edits(path: Path, results: list[dict]) -> list[str]:
    """Every stored edit that is not in the workspace (a later edit of the same process to the
    same field replaces an earlier one; that is not a loss)."""
    last: dict[tuple[str, str, str], str] = {}
    attached: dict[str, int] = {}
    for name, result in zip("ab", results, strict=True):
        for edit in result["stored"]:
            if edit["kind"] == "attach":
                attached[edit["target"]] = attached.get(edit["target"], 0) + 1
            else:
                last[(name, edit["kind"], edit["target"])] = edit["value"]
    lost = []
    with Workspace.open(path) as ws:
        facts = ws.facts()
        states = ws.states()
        evidence = ws.evidence()
        for (name, kind, target), value in last.items():
            if kind == "fact":
                found = facts.extra.get(target)
            elif kind == "answer":
                item, question = target.split("|")
                found = states[item].answers.get(question)
            elif kind == "status":
                found = states[target].status.value
            else:
                found = states[target].notes
            if found != value:
                lost.append(f"{name} {kind} {target}: {value!r} stored, {found!r} found")
        for item, count in attached.items():
            found_count = sum(1 for ev in evidence if ev.item_key == item)
            if found_count != count:
                lost.append(f"attach {item}: {count} stored, {found_count} found")
    return lost


def prepared(tmp_path: Path) -> Path:
    path = tmp_path / "shared.ipaudit"
    with Workspace.create(path, INFO) as ws:
        items = shared_items(ws)
        assert len(items) == 6
        for item, _qa, _qb in items:  # both processes start from an item in progress
            ws.set_status(item, Status.IN_PROGRESS)
        assert {owners(k) for k in range(6)} == {("a", "b"), ("b", "a")}
    return path


@pytest.mark.slow
def test_two_processes_lose_no_edit(tmp_path: Path) -> None:
    path = prepared(tmp_path)
    results = run_pair(str(path), tmp_path, ("direct", "based"), ROUNDS)
    stored = sum(len(r["stored"]) for r in results)
    refused = [m for r in results for m in r["refused"]]
    print(f"\nedits stored {stored}, refused {len(refused)}, lost {len(lost_edits(path, results))}")
    assert lost_edits(path, results) == []
    assert stored + len(refused) == 2 * 5 * ROUNDS
    assert stored >= 2 * 5 * ROUNDS * 0.9  # refusals are the exception (a lock held too long)
    for message in refused:  # each one a sentence saying what to do
        assert message.endswith(".") and ("try again" in message or "edit again" in message)
