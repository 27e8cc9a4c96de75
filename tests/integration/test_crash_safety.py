"""Kill a writer process with SIGKILL at random moments: the file stays sound and keeps every
edit the writer reported as committed."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ipaudit.store.workspace_store import WorkspaceStore
from tests.factories import DEPARTMENTS, INFO

ROOT = Path(__file__).resolve().parents[2]

WRITER = """
import os, sys
from ipaudit.domain.model import ItemState, Status
from ipaudit.store.workspace_store import WorkspaceStore
path, start = sys.argv[1], int(sys.argv[2])
store = WorkspaceStore.open(path)
blob = os.path.join(os.path.dirname(path), f"blob-{start}.bin")
i = start
while True:
    if i % 7 == 0:
        with open(blob, "wb") as fh:
            fh.write(os.urandom(300_000))
        ev = store.attach(blob, item_key=f"item{i}", department="rnd")
        print(f"evidence {i} {ev.sha256}", flush=True)
    else:
        store.save_item_state(ItemState(f"item{i}", Status.READY, notes=f"edit {i}"), "rnd")
        print(f"state {i}", flush=True)
    i += 1
"""


@pytest.mark.slow
def test_sigkill_never_loses_a_committed_edit(tmp_path: Path) -> None:
    path = tmp_path / "crash.ipaudit"
    WorkspaceStore.create(path, INFO, "x", DEPARTMENTS).close()
    rng = random.Random(29490)
    committed: dict[int, tuple[str, str]] = {}
    start = 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(20):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(start)],
            stdout=subprocess.PIPE,
            env=env,
        )
        # once it writes (starting Python takes long on a busy machine), let it write for a
        # random while, then kill it mid-flight
        assert proc.stdout is not None
        fd = proc.stdout.fileno()
        received = bytearray()
        while b"\n" not in received and proc.poll() is None:
            received += os.read(fd, 65536)  # blocking: the unbuffered pipe, never its buffer
        deadline = time.monotonic() + rng.uniform(0.05, 0.6)
        os.set_blocking(fd, False)
        while time.monotonic() < deadline:
            try:
                received += os.read(fd, 65536)
            except BlockingIOError:
                time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        os.set_blocking(fd, True)
        received += proc.stdout.read()
        proc.stdout.close()
        # only complete lines were reported; a torn last line was not
        text = received.decode()
        complete = text if text.endswith("\n") else text.rsplit("\n", 1)[0]
        reported = [ln for ln in complete.splitlines() if ln.strip()]
        for line in reported:
            kind, num, *rest_parts = line.split()
            committed[int(num)] = (kind, rest_parts[0] if rest_parts else "")
        start = max(committed, default=start) + 1 if committed else start
        start += 1  # never reuse a number the killed writer may have half-written

        with sqlite3.connect(path) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert len(committed) > 50, "the writer should have committed many edits"
    with WorkspaceStore.open(path) as store:
        assert store.integrity_check() == "ok"
        states = store.item_states()
        evidence = {e.item_key: e.sha256 for e in store.evidence()}
        for num, (kind, sha) in committed.items():
            if kind == "state":
                assert states[f"item{num}"].notes == f"edit {num}"
            else:
                assert evidence[f"item{num}"] == sha
                data = b"".join(store.iter_blob(sha))
                assert len(data) == 300_000
    print(json.dumps({"committed_edits_checked": len(committed)}))
