"""A team workspace in the window: other people's changes as they are committed, the connection's
state and who is connected, in the status bar.

``LiveBridge`` runs the services' ``LiveWatch`` in a thread of its own and hands what it hears to
the GUI thread (queued signals): each change of someone else becomes ``session.edited(key)``, so
the views refresh as they do after the user's own edits (keeping the selection, the scroll
position and text being typed). ``TeamStatus`` is the status bar's label. ``attach`` sets both up
for a session and takes them down when it closes.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

if TYPE_CHECKING:
    from ipaudit.services.live import Change, LiveWatch, Peer
    from ipaudit.ui.session import WorkspaceSession

#: changes arriving within this many ms are handed on together (each key once)
BATCH_MS = 100


class LiveBridge(QObject):
    #: the connection's state: "connecting", "connected", "reconnecting", "stopped"
    stateChanged = Signal(str)
    #: who is connected (a list of services.live.Peer)
    peersChanged = Signal(object)
    #: someone else's changes were handed to the views (the keys, "" for everything)
    changesApplied = Signal(object)
    _changes = Signal(object)  # from the listening thread

    def __init__(self, session: WorkspaceSession, display_name: str = "") -> None:
        super().__init__(session)
        self.session = session
        self.display_name = display_name
        self.state = "connecting"
        self.peers: list[Peer] = []
        self.watch: LiveWatch | None = None
        self._pending: dict[str, None] = {}
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self._apply)
        self._changes.connect(self._queue)
        self.stateChanged.connect(self._remember_state)
        self.peersChanged.connect(self._remember_peers)
        self._ready = threading.Event()
        self._stopping = threading.Event()
        self.listening = threading.Thread(target=self._run, name="ipaudit-live", daemon=True)
        self.listening.start()
        session.closing.connect(self.stop)

    def _run(self) -> None:
        from ipaudit.services.live import LiveWatch

        try:
            # naming the connections and checking the triggers talk to the server: not on the
            # GUI thread
            self.watch = LiveWatch(self.session.workspace, self.display_name)
        except Exception:  # the server went away meanwhile: the state says so, edits report it
            import logging

            logging.getLogger(__name__).warning("live view not started", exc_info=True)
            self.stateChanged.emit("reconnecting")
            return
        finally:
            self._ready.set()
        if self._stopping.is_set():
            return
        self.watch.run(
            lambda changes: self._changes.emit(changes),
            self.stateChanged.emit,
            self.peersChanged.emit,
        )

    def _remember_state(self, state: str) -> None:
        self.state = state

    def _remember_peers(self, peers: object) -> None:
        self.peers = list(peers)  # type: ignore[call-overload]

    def _queue(self, changes: list[Change]) -> None:
        for change in changes:
            self._pending[change.key] = None
        if not self._batch.isActive():
            self._batch.start()

    def _apply(self) -> None:
        keys, self._pending = list(self._pending), {}
        if "" in keys:
            keys = [""]  # everything is read again: one refresh does it
        for key in keys:
            self.session.edited.emit(key)
        self.changesApplied.emit(keys)

    def stop(self) -> None:
        self._stopping.set()
        self._batch.stop()
        self._ready.wait(10)
        if self.watch is not None:
            self.watch.stop()
        self.listening.join(10)


class TeamStatus(QLabel):
    """ "● Connected · 3 people" (who, in the tool tip), "Reconnecting…" in the status bar."""

    def __init__(self, bridge: LiveBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamStatus")
        self.bridge = bridge
        bridge.stateChanged.connect(lambda _s: self.retranslate_ui())
        bridge.peersChanged.connect(lambda _p: self.retranslate_ui())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        state = self.bridge.state
        peers = self.bridge.peers
        if state == "connected":
            others = [p for p in peers if not p.me]
            color = "#1b7f3b"
            if others:
                text = self.tr("Connected · also working: %1").replace("%1", str(len(others)))
            else:
                text = self.tr("Connected · nobody else working")
        elif state == "reconnecting":
            color, text = "#b00020", self.tr("Connection lost · reconnecting…")
        elif state == "stopped":
            color, text = "#666666", self.tr("Not connected")
        else:
            color, text = "#666666", self.tr("Connecting…")
        self.setText(f'<span style="color:{color}">●</span> {text}')
        lines = [
            self.tr("Team workspace %1").replace("%1", str(self.bridge.session.workspace.path))
        ]
        if state == "reconnecting":
            lines.append(
                self.tr(
                    "Changes made now are not saved; the app reconnects by itself and reads"
                    " everything again."
                )
            )
        for p in peers:
            since = p.since.astimezone().strftime("%H:%M") if p.since else ""
            who = f"{p.name} ({p.login})" if p.login and p.login != p.name else p.name
            mark = self.tr(" (you)") if p.me else ""
            lines.append(f"• {who}{mark} {self.tr('since %1').replace('%1', since)}")
        self.setToolTip("\n".join(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def attach(window: QMainWindow, session: WorkspaceSession) -> LiveBridge | None:
    """For a team workspace: the live bridge and its label in ``window``'s status bar (both go
    when the session closes). None for a workspace file."""
    if not session.workspace.is_server:  # a file has no live changes
        return None
    # known to the others by the database login, as the edits are: the operating-system user of
    # a shared office PC would name whoever signed in to Windows
    bridge = LiveBridge(session)
    label = TeamStatus(bridge)
    window.statusBar().insertPermanentWidget(0, label)

    def gone() -> None:
        window.statusBar().removeWidget(label)
        label.deleteLater()

    session.closing.connect(gone)
    return bridge
