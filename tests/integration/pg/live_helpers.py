"""Two clients' live views in the tests: what a LiveWatch reported and when, run in a thread."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

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
