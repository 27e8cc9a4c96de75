"""Expected failures of the workspace file, each saying what happened and what to do, in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from ipaudit.errors import UserError


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
        super().__init__(
            path,
            f"工作区文件 {path} 已损坏（{detail}）。请用备份副本（同目录下的 *-backup-* 文件）或最近保存的副本。",
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

    ``by`` and ``at`` say who (the operating system's user name) and when, if recorded.
    """

    code = "edit_conflict"

    def __init__(
        self, path: str | Path, what: str, by: str = "", at: dt.datetime | None = None
    ) -> None:
        self.what = what
        self.by = by
        self.at = at
        when = at.strftime("%Y-%m-%d %H:%M:%S") if at else ""
        who_zh = f"已被 {by or '他人'}{' 于 ' + when if when else ''}修改"
        who_en = f"was changed by {by or 'someone else'}{' at ' + when if when else ''}"
        super().__init__(
            path,
            f"“{what}”{who_zh}，您的修改没有保存。请查看对方的内容后再修改；您输入的内容仍保留。",
            f"'{what}' {who_en}; your change was not saved. Look at the other change and edit"
            " again; what you entered is kept.",
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
