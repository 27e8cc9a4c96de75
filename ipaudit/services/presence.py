"""Who else holds a workspace file open for writing (two copies of the app on a shared drive).

The GUI claims its presence when it opens a workspace for writing (``claim``), refreshes it while
the workspace is open and releases it on close; before opening it asks ``other_writer`` and, when
another live program holds the file, warns and offers to open read-only. The CLI's commands warn on
standard error (``other_writer_warning``). The file itself is ``ipaudit.store.file_lock``.

A workspace that is not a local file (a team workspace on a server) has no presence file: the
server keeps its users apart.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ipaudit.store.file_lock import REFRESH_EVERY, Holder, PresenceFile, live_other_holder
from ipaudit.text import Text

__all__ = [
    "REFRESH_EVERY",
    "Holder",
    "PresenceFile",
    "claim",
    "holder_text",
    "other_writer",
    "other_writer_warning",
]


def _is_file(path: Path | str) -> bool:
    text = str(path)
    return "://" not in text and Path(text).is_file()


def other_writer(path: Path | str) -> Holder | None:
    """Another live program holding the workspace file ``path`` open for writing, else None."""
    if not _is_file(path):
        return None
    return live_other_holder(path)


def claim(path: Path | str, display_name: str = "") -> PresenceFile | None:
    """Claim this process's presence beside the workspace file ``path`` (None when it is not a
    local file). Refresh it every ``REFRESH_EVERY`` and release it on close."""
    if not _is_file(path):
        return None
    presence = PresenceFile(path, display_name)
    presence.claim()
    return presence


def _local(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def holder_text(holder: Holder) -> Text:
    """Who, where and since when: "王伟 on PC-RND-07 (process 4242), since 2026-03-05 09:12"."""
    since = _local(holder.since)
    return Text(
        f"{holder.who}（计算机 {holder.host}，进程 {holder.pid}）自 {since} 起",
        f"{holder.who} on {holder.host} (process {holder.pid}) since {since}",
    )


def other_writer_warning(path: Path | str) -> Text | None:
    """The warning a command that writes prints when another program holds the file, else None."""
    holder = other_writer(path)
    if holder is None:
        return None
    who = holder_text(holder)
    name = Path(path).name
    return Text(
        f"警告：{who.zh}打开了 {name} 并可能正在修改。两个程序同时写同一个文件（例如在共享盘上）"
        "可能互相覆盖修改；请先让对方关闭它，或用 --read-only 只读查看。",
        f"Warning: {name} is open for writing by {who.en}. Two programs writing the same file"
        " (on a shared drive, say) can overwrite each other's changes; ask them to close it"
        " first, or look with --read-only.",
    )
