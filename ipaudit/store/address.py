"""A workspace's address: a file path, or a ``postgresql://`` URL of a team workspace on a server.

Only the standard library here: telling the two apart must not load the PostgreSQL driver on the
way to a workspace file (ipaudit/store/server.py holds the server code and is imported lazily).

Address format (libpq's URL)::

    postgresql://LOGIN[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require&…]

The password may be left out: libpq then reads it from the PGPASSWORD variable or the user's
password file (~/.pgpass, %APPDATA%\\postgresql\\pgpass.conf). Whatever the app shows or logs is the
address without its password (``masked``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

SCHEMES = ("postgresql", "postgres")


def server_url(address: object) -> str | None:
    """The URL ``address`` names when it is a server address, else None (a file path).

    A URL that went through ``Path()`` on the way (``postgresql:/host/db``, backslashes on
    Windows) is taken back as the URL it was."""
    text = os.fspath(address) if isinstance(address, os.PathLike) else str(address)
    scheme, sep, rest = text.partition(":")
    if not sep or scheme.lower() not in SCHEMES:
        return None
    rest = rest.replace("\\", "/").lstrip("/")
    return f"{scheme.lower()}://{rest}"


def is_server_address(address: object) -> bool:
    return server_url(address) is not None


def masked(url: str) -> str:
    """``url`` without its password (for messages, logs, the recent list). The host and port are
    kept as written: a port that is no number is the server's to refuse, not a reason to fail
    here."""
    parts = urlsplit(url)
    userinfo, at, hostport = parts.netloc.rpartition("@")
    user, colon, _password = userinfo.partition(":")
    if not at or not colon:
        return url
    netloc = f"{user}@{hostport}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def database_name(url: str) -> str:
    return unquote(urlsplit(url).path.lstrip("/"))


class ServerPath(type(Path())):  # type: ignore[misc]
    """The ``path`` of a team workspace: the masked URL as a Path, so what shows a workspace's
    path (messages, titles, the recent list) shows the address, and giving it back to
    ``Workspace.open`` opens the same workspace. ``name`` is the database name. It is no place on
    disk: nothing is ever written beside it."""

    _address: str

    def __new__(cls, url: str) -> ServerPath:
        self = super().__new__(cls, masked(url))  # (Path() of it keeps an address server_url reads)
        self._address = masked(url)
        return self  # type: ignore[no-any-return]

    if sys.version_info >= (3, 12):  # Path parses its arguments in __init__ from 3.12 on

        def __init__(self, url: str) -> None:
            super().__init__(masked(url))

    def __str__(self) -> str:
        address: str | None = getattr(self, "_address", None)
        return address or super().__str__()

    def __fspath__(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"ServerPath({str(self)!r})"
