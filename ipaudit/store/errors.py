"""Expected failures of the workspace file, each saying what happened and what to do, in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from ipaudit.errors import UserError
from ipaudit.store.edits import Edited
from ipaudit.text import Text


class WorkspaceError(UserError):
    """Base of the expected workspace failures. ``message(lang)`` is what the user reads."""

    code = "workspace_error"


class WorkspaceNotFound(WorkspaceError):
    code = "not_found"

    def __init__(self, path: str | Path) -> None:
        super().__init__(
            path,
            f"找不到工作区文件：{path}。它可能已被移动或删除；请用“打开”重新选择。",
            f"The workspace file {path} does not exist. It may have been moved or deleted; choose it"
            " again with Open.",
        )


class WorkspaceVanished(WorkspaceError):
    """The open workspace file was moved, deleted or replaced by another file: an edit would go
    into a file no one can open again, so it is refused."""

    code = "vanished"

    def __init__(self, path: str | Path) -> None:
        super().__init__(
            path,
            f"工作区文件 {path} 在打开期间被移动、删除或替换了，这次修改没有保存。请关闭工作区，"
            "把文件放回原处（或找到它现在的位置）后重新打开，再修改一次。",
            f"The workspace file {path} was moved, deleted or replaced while it was open; this"
            " change was NOT saved. Close the workspace, put the file back (or find where it is"
            " now), open it again and make the change again.",
        )


class NotAWorkspace(WorkspaceError):
    code = "not_a_workspace"

    #: the Chinese of the details the store gives (a detail is never shown in the other language)
    DETAILS_ZH: ClassVar[dict[str, str]] = {
        "a folder": "这是一个文件夹",
        "cannot be read": "无法读取",
        "not a database": "不是数据库文件",
        "another program's database": "是其他程序的数据库",
    }

    def __init__(self, path: str | Path, detail: str = "") -> None:
        zh = self.DETAILS_ZH.get(detail, "")
        super().__init__(
            path,
            f"{path} 不是 ipaudit 工作区文件{('（' + zh + '）') if zh else ''}。请选择 .ipaudit 文件。",
            f"{path} is not an ipaudit workspace{(' (' + detail + ')') if detail else ''}. Choose an"
            " .ipaudit file.",
        )


class WorkspaceTooNew(WorkspaceError):
    code = "too_new"

    def __init__(self, path: str | Path, found: int, supported: int) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            path,
            f"{path} 由较新版本的 ipaudit 创建（格式 {found}，本程序支持到 {supported}）。请升级 ipaudit"
            " 后再打开；文件未作任何改动。",
            f"{path} was written by a newer ipaudit (format {found}; this version reads up to"
            f" {supported}). Update ipaudit to open it; the file was not changed.",
        )


class WorkspaceCorrupt(WorkspaceError):
    code = "corrupt"

    def __init__(self, path: str | Path, detail: str = "") -> None:
        self.detail = detail  # the store's or SQLite's words: shown under Details, not in Chinese
        super().__init__(
            path,
            f"工作区文件 {path} 已损坏。请用备份副本（同目录下的 *-backup-* 文件）或最近保存的副本。",
            f"The workspace file {path} is damaged ({detail}). Use a backup (the *-backup-* files"
            " beside it) or your latest saved copy.",
        )


class WorkspaceLocked(WorkspaceError):
    code = "locked"

    def __init__(self, path: str | Path) -> None:
        super().__init__(
            path,
            f"另一个程序正在写入 {path}。请关闭另一处打开的 ipaudit 后重试；您的修改没有丢失。",
            f"Another program is writing {path}. Close the other ipaudit window that has it open and"
            " try again; nothing you entered was lost.",
        )


class DiskFull(WorkspaceError):
    code = "disk_full"

    def __init__(self, path: str | Path) -> None:
        super().__init__(
            path,
            f"磁盘空间不足，无法写入 {path}。请释放空间后重试；已保存的内容不受影响。",
            f"The disk is full; {path} could not be written. Free some space and try again; what was"
            " saved before is intact.",
        )


class ReadOnlyWorkspace(WorkspaceError):
    """An edit on a workspace opened read-only; ``reason`` is a ``READ_ONLY_REASONS`` key."""

    code = "read_only"

    def __init__(self, path: str | Path, reason: str = "") -> None:
        self.reason = reason
        zh, en = READ_ONLY_REASONS.get(reason, ("", ""))
        super().__init__(
            path,
            f"{path} 以只读方式打开{'（' + zh + '）' if zh else ''}，无法保存修改。请把它复制到可写的位置，"
            "再打开副本。",
            f"{path} was opened read-only{' because ' + en if en else ''}; changes cannot be saved."
            " Copy it somewhere writable and open the copy.",
        )


# why a workspace was opened read-only: key -> (zh, en)
READ_ONLY_REASONS = {
    "requested": ("按要求只读打开", "read-only opening was asked for"),
    "file": ("文件不可写", "the file is not writable"),
    "folder": ("所在文件夹不可写", "its folder is not writable"),
    "refused": ("系统拒绝写入", "the system refused to write it"),
}


class EditConflict(WorkspaceError):
    """Someone saved a different change of ``what`` since this edit's state was read.

    ``what`` is an ``edits.Edited`` for an item's state or the facts (what changed, structurally:
    the user interface names it with ``about``), or the label the caller gave a record. ``by``
    and ``at`` say who (the operating system's user name, or the database login) and when, if
    recorded. Without a name (``message``) the sentence says "this", never a key.
    """

    code = "edit_conflict"

    def __init__(
        self, path: str | Path, what: str | Edited, by: str = "", at: dt.datetime | None = None
    ) -> None:
        self.what = what
        self.by = by
        self.at = at
        zh, en = (f"“{what}”", f"'{what}'") if isinstance(what, str) and what else ("", "")
        super().__init__(path, self._text(zh, en))

    @property
    def edited(self) -> Edited | None:
        """What changed, structurally (None for a record, which the caller named)."""
        return self.what if isinstance(self.what, Edited) else None

    def about(self, subject: str, lang: str = "zh") -> str:
        """The message in ``lang`` with ``subject`` (in that language) saying what changed."""
        return self._text(subject, subject).get(lang)

    def _text(self, subject_zh: str, subject_en: str) -> Text:
        when = self.at.strftime("%Y-%m-%d %H:%M:%S") if self.at else ""
        return Text(
            f"{subject_zh or '这项内容'}已被 {self.by or '他人'}{' 于 ' + when + ' ' if when else ''}"
            "修改，您的修改没有保存。请查看对方的内容后再修改；您输入的内容仍保留。",
            f"{self.by or 'Someone else'} changed {subject_en or 'this'}"
            f"{' at ' + when if when else ''}; your change was not saved. Look at the other change"
            " and edit again; what you entered is kept.",
        )


class SourceFileMissing(WorkspaceError):
    code = "source_missing"

    def __init__(self, path: str | Path) -> None:
        super().__init__(
            path,
            f"文件 {path} 不存在或无法读取（可能已被移动或删除）。请重新选择文件。",
            f"The file {path} does not exist or cannot be read (moved or deleted?). Choose it again.",
        )


class InvalidInput(WorkspaceError):
    """A value the user gave that the workspace cannot take (unknown item, bad date …)."""

    code = "invalid_input"

    def __init__(self, zh: str, en: str, path: str | Path = "") -> None:
        super().__init__(path, zh, en)


class SourceFileChanged(InvalidInput):
    """A file that changed (size or modification time) while it was being read; nothing stored."""

    code = "source_changed"

    def __init__(self, path: str | Path) -> None:
        super().__init__(
            f"文件 {path} 在读取过程中被修改了，未保存任何内容。请等它写完（例如关闭正在编辑它的程序）后再附加。",
            f"The file {path} changed while it was being read; nothing was stored. Wait until it is"
            " complete (close the program writing it) and attach it again.",
            path,
        )


# --- a team workspace on a PostgreSQL server (ipaudit/store/server.py) ---
# ``path`` is the server address without its password (address.masked): never the password.


class ServerUnreachable(WorkspaceError):
    """No connection to the server: it is down, the address or port is wrong, or the network or a
    firewall is in the way. Nothing was read or changed."""

    code = "server_unreachable"

    def __init__(self, path: str | Path, detail: str = "") -> None:
        self.detail = detail  # libpq's words: shown under Details, not in the Chinese sentence
        super().__init__(
            path,
            f"无法连接到服务器 {path}。请检查服务器地址和端口是否正确、服务器是否在运行、网络是否"
            "畅通；没有做任何改动。",
            f"Cannot connect to the server {path}{' (' + detail + ')' if detail else ''}. Check the"
            " address and port, that the server is running and that the network lets you reach it;"
            " nothing was changed.",
        )


class NotAuthorised(WorkspaceError):
    """The server refused the login: wrong login name or password (or no password given)."""

    code = "not_authorised"

    def __init__(self, path: str | Path, login: str = "") -> None:
        self.login = login
        super().__init__(
            path,
            f"服务器 {path} 拒绝了登录{' ' + login if login else ''}：登录名或密码不正确。请核对后重试，"
            "或请体系专员重设密码。",
            f"The server {path} refused the login{' ' + login if login else ''}: wrong login name or"
            " password. Check them and try again, or ask the compliance manager to reset the"
            " password.",
        )


class NotPermitted(WorkspaceError):
    """The database refused a change the login's role may not make (SQLSTATE 42501: a missing
    privilege or a row-level security policy). ``what`` names what was refused; ``reason_zh`` /
    ``reason_en`` say why when the caller knows (e.g. "your role may only change department rnd")."""

    code = "not_permitted"

    def __init__(
        self,
        path: str | Path,
        what: str = "",
        reason_zh: str = "",
        reason_en: str = "",
        *,
        what_zh: str = "",
    ) -> None:
        """``what`` names it in English, ``what_zh`` in Chinese (each message stays in its
        language: without ``what_zh`` the Chinese message says "this")."""
        self.what = what
        self.reason_zh = reason_zh
        self.reason_en = reason_en
        why_zh = reason_zh or "您的登录角色没有这项权限"
        why_en = reason_en or "your login's role does not have this right"
        super().__init__(
            path,
            f"不允许修改{('“' + what_zh + '”') if what_zh else '这项内容'}：{why_zh}。修改没有保存；"
            "如需修改，请联系体系专员。",
            f"You may not change {repr(what) if what else 'this'}: {why_en}. The change was not"
            " saved; ask the compliance manager if it must be made.",
        )


class ConnectionLost(WorkspaceError):
    """The connection to the server broke during an edit: the transaction was rolled back, so the
    edit was NOT saved (never half saved). Reconnecting and saving again is safe."""

    code = "connection_lost"

    def __init__(self, path: str | Path) -> None:
        super().__init__(
            path,
            f"与服务器 {path} 的连接中断，这次修改没有保存。连接恢复后请再保存一次；您输入的内容仍保留。",
            f"The connection to the server {path} was lost; this change was NOT saved. Save it again"
            " once the connection is back; what you entered is kept.",
        )


class NoWorkspaceOnServer(WorkspaceError):
    """The server answered, but the database named in the address does not exist or holds no
    ipaudit workspace (``missing``: the database itself is missing)."""

    code = "no_server_workspace"

    def __init__(self, path: str | Path, *, missing: bool = False) -> None:
        self.missing = missing
        if missing:
            zh = f"服务器上没有数据库 {path}。请核对地址中的数据库名，或请管理员先创建该数据库。"
            en = (
                f"The server has no database {path}. Check the database name in the address, or"
                " ask the server's administrator to create it."
            )
        else:
            zh = f"{path} 中没有 ipaudit 工作区。请核对地址，或先用“ipaudit new”或团队设置在其中创建工作区。"
            en = (
                f"{path} holds no ipaudit workspace. Check the address, or create one there first"
                " (ipaudit new, or the team setup)."
            )
        super().__init__(path, zh, en)
