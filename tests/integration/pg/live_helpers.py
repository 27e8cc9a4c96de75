"""Two clients' live views in the tests: what a LiveWatch reported and when, run in a thread."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ipaudit.services import Workspace, live

ITEM = "rnd.interview"
Q = "duties"


@dataclass
class Heard:
    """What one client's LiveWatch reported, with the moment each change arrived."""

    changes: list[tuple[float, live.Change]] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    peers: list[list[live.Peer]] = field(default_factory=list)
    event: threading.Event = field(default_factory=threading.Event)

    def on_changes(self, changes: list[live.Change]) -> None:
        now = time.perf_counter()
        self.changes.extend((now, c) for c in changes)
        self.event.set()

    def on_state(self, state: str) -> None:
        self.states.append(state)
        self.event.set()

    def on_peers(self, peers: list[live.Peer]) -> None:
        self.peers.append(peers)
        self.event.set()

    def wait_for(self, test, timeout: float = 5.0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if test():
                return True
            self.event.wait(0.05)
            self.event.clear()
        return test()


class Running:
    def __init__(self, ws: Workspace, name: str) -> None:
        self.watch = live.LiveWatch(ws, name)
        self.heard = Heard()
        h = self.heard
        self.thread = threading.Thread(
            target=self.watch.run,
            args=(h.on_changes, h.on_state, h.on_peers),
            kwargs={"peers_every": 0.2},
            daemon=True,
        )
        self.thread.start()
        assert h.wait_for(lambda: live.CONNECTED in h.states), h.states

    def stop(self) -> None:
        self.watch.stop()
        self.thread.join(timeout=5)
        assert not self.thread.is_alive()


# --- a PostgreSQL cluster of a test's own, to stop and start -------------------------------


def _bindir() -> Path | None:
    root = Path("/usr/lib/postgresql")
    if not root.is_dir():
        return None
    versions = sorted(
        (p for p in root.iterdir() if (p / "bin" / "initdb").exists()),
        key=lambda p: int(p.name) if p.name.isdigit() else 0,
    )
    return versions[-1] / "bin" if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(*args: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True)


@dataclass
class Cluster:
    bindir: Path
    data: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        _as_postgres(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.data / "log"),
            "-o",
            f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1",
            "-w",
            "start",
        )

    def stop(self) -> None:
        _as_postgres(
            str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"
        )


@contextlib.contextmanager
def own_cluster() -> Iterator[Cluster]:
    """A cluster of the caller's own, started, removed afterwards (skips where there is no
    PostgreSQL or no root)."""
    bindir = _bindir()
    if bindir is None or os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("needs PostgreSQL's binaries and root (to run them as postgres)")
    folder = Path(tempfile.mkdtemp(prefix="ipaudit-live-"))
    shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    _as_postgres(
        str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"
    )
    c = Cluster(bindir, data, _free_port())
    c.start()
    try:
        yield c
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            c.stop()
        shutil.rmtree(folder, ignore_errors=True)
