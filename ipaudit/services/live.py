"""Working together on a team workspace: other people's changes as they are committed, who is
connected, and the state of the connection (the GUI shows all three; ipaudit/ui/team/live.py).

``LiveWatch(ws).run(...)`` is a loop for a thread of its own: it keeps one listening connection to
the server (store/notify.py), hands over the changes other clients commit (within a fraction of a
second), reads who is connected every few seconds, and when the connection breaks (the server
restarts, the network drops) says "reconnecting" and tries again with a growing pause; once back it
listens again and asks for everything to be read afresh (what changed while it was away was not
announced). ``stop()`` ends it.

A client tells its own changes from others' by the application name it gives its connections:
``ipaudit:<display name>:<random id>``; ``pg_stat_activity`` shows the same name, which is how
the others see who is connected.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote

if TYPE_CHECKING:
    from ipaudit.services.workspace import Workspace
    from ipaudit.store.notify import Listener, Notice, Session

log = logging.getLogger(__name__)

CONNECTING, CONNECTED, RECONNECTING, STOPPED = "connecting", "connected", "reconnecting", "stopped"
#: pauses between attempts to reconnect (seconds); the last one repeats
BACKOFF: tuple[float, ...] = (0.5, 1.0, 2.0, 4.0, 8.0)
#: how often who is connected is read again (seconds)
PEERS_EVERY = 5.0
#: the longest wait for a change before looking at the stop request (seconds)
POLL = 0.25


def client_name(display_name: str) -> str:
    """The application name of one client's connections: ``ipaudit:<name>:<id>``, the name
    percent-encoded (PostgreSQL keeps only ASCII there) and cut to fit its 63 bytes."""
    name = display_name.strip()
    while len(quote(name, safe="")) > 40:
        name = name[:-1]
    return f"ipaudit:{quote(name, safe='')}:{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True, slots=True)
class Change:
    """Someone else's committed change: the item key ("" for a workspace-wide change, which also
    stands for "read everything again") and, for a change of an item's state, the login that
    saved that state last as the server stamped it ("" otherwise). The notification's own word on
    who it was is never taken: any login may send one, so a forged one can only make the views
    read again."""

    key: str
    by: str = ""


@dataclass(frozen=True, slots=True)
class Peer:
    """A person connected to the workspace: the name they gave (else their login), the login,
    since when, and whether it is this client."""

    name: str
    login: str
    since: dt.datetime | None
    me: bool = False


def peers_of(sessions: Sequence[Session], own_app: str) -> list[Peer]:
    """One ``Peer`` per client (a client's several connections count once), from the rows of
    ``notify.Listener.sessions``."""
    seen: dict[str, Peer] = {}
    for s in sessions:
        login, app, since = s.login, s.app, s.since
        parts = app.split(":")
        name = unquote(parts[1]) if len(parts) >= 3 and parts[1] else login
        client = app if len(parts) >= 3 else f"{app}:{login}"  # (untagged: one per login)
        if client not in seen:
            seen[client] = Peer(name, login, since, me=app == own_app)
    return sorted(seen.values(), key=lambda p: (not p.me, p.name))


class LiveWatch:
    """The live view of one open team workspace. Construct it on any thread; ``run`` on its own."""

    def __init__(self, ws: Workspace, display_name: str = "") -> None:
        from ipaudit.store import notify

        store = ws.store
        self.url: str = store.url  # type: ignore[attr-defined]
        self.address: str = store.address
        self.app = client_name(display_name or _login(self.url))
        notify.tag_store(store, self.app)
        #: whether the server announces changes (False: this login could not install the triggers)
        self.announced = notify.ensure_installed(store)
        self._stop = threading.Event()
        self.state = CONNECTING

    def stop(self) -> None:
        self._stop.set()

    @property
    def stopped(self) -> bool:
        return self._stop.is_set()

    def run(
        self,
        on_changes: Callable[[list[Change]], None],
        on_state: Callable[[str], None],
        on_peers: Callable[[list[Peer]], None] = lambda _p: None,
        *,
        backoff: Sequence[float] = BACKOFF,
        peers_every: float = PEERS_EVERY,
    ) -> None:
        """Listen until ``stop()``: ``on_changes`` gets others' changes (keys once each, in the
        order they came), ``on_state`` each new state, ``on_peers`` who is connected."""
        from ipaudit.store import notify
        from ipaudit.store.errors import WorkspaceError

        attempt = 0
        first = True
        while not self._stop.is_set():
            listener = None
            try:
                listener = notify.Listener(self.url, self.app)
                attempt = 0
                self._set_state(CONNECTED, on_state)
                if not first:  # what changed while away was not announced: read it all again
                    on_changes([Change("")])
                first = False
                next_peers = 0.0
                while not self._stop.is_set():
                    now = _monotonic()
                    if now >= next_peers:
                        on_peers(peers_of(listener.sessions(), self.app))
                        next_peers = now + peers_every
                    changes = self._others(listener.wait(POLL), listener)
                    if changes:
                        on_changes(changes)
            except WorkspaceError as exc:
                log.info("live connection to %s: %s", self.address, exc)
                if self._stop.is_set():
                    break
                self._set_state(RECONNECTING, on_state)
                pause = backoff[min(attempt, len(backoff) - 1)] if backoff else 1.0
                attempt += 1
                self._stop.wait(pause)
            finally:
                if listener is not None:
                    listener.close()
        self._set_state(STOPPED, on_state)

    def _set_state(self, state: str, on_state: Callable[[str], None]) -> None:
        if state != self.state:
            self.state = state
            on_state(state)

    def _others(self, notices: Sequence[Notice], listener: Listener) -> list[Change]:
        """Others' changes, each key once; who changed an item's state is read from the row the
        change stamped (``Listener.editor``), not from the notification."""
        keys: dict[str, Change] = {}
        for n in notices:
            if n.app == self.app:
                continue  # this client's own change (or a notice claiming to be): known already
            change = keys.setdefault(n.key, Change(n.key))
            if n.key and n.table == "item_states" and not change.by:
                keys[n.key] = Change(n.key, self._editor_of(listener, n.key))
        return list(keys.values())

    @staticmethod
    def _editor_of(listener: Listener, item_key: str) -> str:
        """The login that saved the state of ``item_key`` last ("" when it cannot be read: the
        change is still handed over; a lost connection shows at the next wait)."""
        from ipaudit.store.errors import WorkspaceError

        try:
            return listener.editor("item_states", item_key).by
        except WorkspaceError as exc:
            log.info("who changed %s could not be read: %s", item_key, exc)
            return ""


def _monotonic() -> float:
    import time

    return time.monotonic()


def _login(url: str) -> str:
    from ipaudit.store.server import login_of

    return login_of(url)
