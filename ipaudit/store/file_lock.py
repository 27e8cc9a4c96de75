"""A presence file beside a workspace file: who holds it open for writing, where, and since when.

SQLite's own locks keep two writers from corrupting a file on a local disk, but on a shared network
drive they are unreliable, and even where they work two copies of the app each save without seeing
the other's change. So a program that opens a workspace for writing leaves ``.~lock.<name>#``
beside it (as LibreOffice does) holding the user, the computer, the process and the times, and
refreshes it every minute while the workspace is open; it removes the file when it closes.

A holder is *stale* (its program is gone) when it names this computer and its process no longer
runs, or when it has not been refreshed for ``STALE_AFTER`` (a program on another computer that
crashed, or a computer switched off). A stale file is taken over without a word.

The file is written whole into a temporary file and moved into place, so a reader never sees half
of it; a file that cannot be read as one (damaged, or another program's) counts as no holder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import logging
import os
import socket
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ipaudit.store.file_modes import as_new_file

log = logging.getLogger(__name__)

LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"
#: how often an open workspace refreshes its presence file
REFRESH_EVERY = dt.timedelta(seconds=60)
#: a presence file not refreshed for this long belongs to a program that is gone
STALE_AFTER = dt.timedelta(minutes=5)


def lock_path(workspace: Path | str) -> Path:
    """The presence file of ``workspace``: ``.~lock.<name>#`` in the same folder."""
    path = Path(workspace)
    return path.with_name(f"{LOCK_PREFIX}{path.name}{LOCK_SUFFIX}")


def this_host() -> str:
    return socket.gethostname() or "?"


def this_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor the password database
        return "?"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` runs on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it runs
        return True
    except OSError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a workspace open for writing."""

    user: str
    host: str
    pid: int
    since: dt.datetime  # aware (UTC)
    refreshed: dt.datetime  # aware (UTC)
    #: the name the user gave in the app, when it is not the login name
    display_name: str = ""

    @property
    def who(self) -> str:
        return self.display_name or self.user

    def is_this_process(self) -> bool:
        return self.host == this_host() and self.pid == os.getpid()

    def stale(
        self, now: dt.datetime | None = None, stale_after: dt.timedelta = STALE_AFTER
    ) -> bool:
        """Whether the program that wrote this is gone."""
        now = now or _now()
        if now - self.refreshed > stale_after:
            return True
        return self.host == this_host() and not pid_alive(self.pid)

    def to_json(self) -> str:
        return json.dumps(
            {
                "app": "ipaudit",
                "user": self.user,
                "display_name": self.display_name,
                "host": self.host,
                "pid": self.pid,
                "since": self.since.isoformat(),
                "refreshed": self.refreshed.isoformat(),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Holder | None:
        try:
            data = json.loads(text)
            since = dt.datetime.fromisoformat(data["since"])
            refreshed = dt.datetime.fromisoformat(data["refreshed"])
            if since.tzinfo is None or refreshed.tzinfo is None:
                return None
            return cls(
                user=str(data["user"]),
                host=str(data["host"]),
                pid=int(data["pid"]),
                since=since,
                refreshed=refreshed,
                display_name=str(data.get("display_name") or ""),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def read_holder(workspace: Path | str) -> Holder | None:
    """The holder the presence file of ``workspace`` names (stale or not); None when there is
    none or it cannot be read."""
    try:
        text = lock_path(workspace).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return Holder.from_json(text)


def live_other_holder(workspace: Path | str, now: dt.datetime | None = None) -> Holder | None:
    """Another program (not this process) that holds ``workspace`` open for writing now."""
    holder = read_holder(workspace)
    if holder is None or holder.is_this_process() or holder.stale(now):
        return None
    return holder


class PresenceFile:
    """This process's presence beside one workspace: ``claim``, ``refresh`` (every
    ``REFRESH_EVERY``), ``release``. Failing to write it (a read-only folder) is logged, never
    raised: the presence is a warning for others, not a condition of working."""

    def __init__(self, workspace: Path | str, display_name: str = "") -> None:
        self.workspace = Path(workspace)
        self.path = lock_path(self.workspace)
        self.since = _now()
        self.display_name = display_name
        self.held = False

    def _mine(self) -> Holder:
        return Holder(
            user=this_user(),
            host=this_host(),
            pid=os.getpid(),
            since=self.since,
            refreshed=_now(),
            display_name=self.display_name,
        )

    def _write(self) -> bool:
        try:
            fd, temp = tempfile.mkstemp(prefix=".~ipaudit-", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(self._mine().to_json())
                as_new_file(temp)  # others opening the workspace must read who holds it
                os.replace(temp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
        except OSError as exc:
            log.warning("presence file %s not written: %s", self.path, exc)
            return False
        return True

    def claim(self) -> bool:
        """Write this process's presence (over a stale one, or over a live one when the user chose
        to open anyway). True when written."""
        self.held = self._write()
        return self.held

    def refresh(self) -> Holder | None:
        """Keep the presence fresh. When another live program wrote its own presence meanwhile
        (it opened the workspace anyway), that one is left in place and returned; otherwise
        (ours, missing, or stale) ours is written again and None returned."""
        holder = read_holder(self.workspace)
        if holder is not None and not holder.is_this_process() and not holder.stale():
            self.held = False
            return holder
        self.held = self._write()
        return None

    def release(self) -> None:
        """Remove the presence file when it is still ours."""
        holder = read_holder(self.workspace)
        if holder is not None and holder.is_this_process():
            with contextlib.suppress(OSError):
                self.path.unlink()
        self.held = False
