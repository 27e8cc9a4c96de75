"""The manager passphrase: what a department view asks before it widens to the whole workspace.

A workspace file opened for one department (``--department rnd``, File → Open for one department)
shows that department only, with the facts read-only. Widening it to the whole workspace, or to
another department, needs the compliance manager: when the manager has set a passphrase for the
workspace it is asked for; without one the user must confirm they are the manager.

This is a speed bump, not a lock, and the app says so: whoever has a local file can open it whole
(or edit it with any SQLite tool). Rights that hold are the team workspace's, enforced by the
database server. The passphrase itself is never stored: only a salted scrypt hash, in the
workspace's settings.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from typing import TYPE_CHECKING

from ipaudit.store.errors import InvalidInput

if TYPE_CHECKING:
    from ipaudit.services.workspace import Workspace

SETTING = "manager_passphrase"
#: scrypt's cost: n=2**14, r=8 (16 MiB, some 50 ms) — slow to guess, quick to check once
SCRYPT_N, SCRYPT_R, SCRYPT_P = 1 << 14, 8, 1
MIN_LENGTH = 6


class WrongPassphrase(InvalidInput):
    """The manager passphrase given does not match the one set."""

    code = "wrong_passphrase"

    def __init__(self) -> None:
        super().__init__("管理者口令不正确。", "The manager passphrase is not correct.", "")


class PassphraseTooShort(InvalidInput):
    code = "passphrase_too_short"

    def __init__(self) -> None:
        super().__init__(
            f"管理者口令至少需要 {MIN_LENGTH} 个字符。",
            f"The manager passphrase needs at least {MIN_LENGTH} characters.",
            "",
        )


def _hash(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r, dklen=32
    )


def hash_passphrase(passphrase: str) -> str:
    """``scrypt$n$r$p$salt$hash`` (base64) for ``passphrase`` with a fresh random salt."""
    salt = secrets.token_bytes(16)
    digest = _hash(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def matches(stored: str, passphrase: str) -> bool:
    """Whether ``passphrase`` is the one ``stored`` (a ``hash_passphrase`` result) was made of."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        found = _hash(passphrase, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found, expected)


def is_set(ws: Workspace) -> bool:
    """Whether the workspace has a manager passphrase."""
    return bool(ws.store.get_setting(SETTING, ""))


def check(ws: Workspace, passphrase: str) -> bool:
    """Whether ``passphrase`` is the workspace's manager passphrase (False when none is set)."""
    stored = ws.store.get_setting(SETTING, "")
    return bool(stored) and matches(stored, passphrase)


def set_passphrase(ws: Workspace, new: str, current: str | None = None) -> None:
    """Set (or change) the manager passphrase; changing one needs the ``current`` one
    (WrongPassphrase otherwise). Only its salted hash is stored."""
    if len(new) < MIN_LENGTH:
        raise PassphraseTooShort()
    _need_current(ws, current)
    ws.store.set_setting(SETTING, hash_passphrase(new))


def clear_passphrase(ws: Workspace, current: str) -> None:
    """Remove the manager passphrase (it needs the current one)."""
    _need_current(ws, current)
    ws.store.set_setting(SETTING, "")


def _need_current(ws: Workspace, current: str | None) -> None:
    if is_set(ws) and not check(ws, current or ""):
        raise WrongPassphrase()
