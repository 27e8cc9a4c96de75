"""The base of expected failures: something the user can act on, said in both languages.

Typed subclasses (the workspace file, exporting a pack …) carry what happened and what to do;
the CLI prints ``message(lang)`` and the GUI shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations

import errno
from pathlib import Path

from ipaudit.text import Text


class UserError(Exception):
    """An expected failure concerning ``path``; ``text`` (``message(lang)``) is what the user reads."""

    code = "error"

    def __init__(self, path: str | Path, zh: str | Text, en: str = "") -> None:
        self.path = str(path)
        self.text = zh if isinstance(zh, Text) else Text(zh, en)
        super().__init__(f"{self.text.en} [{self.path}]")

    @property
    def zh(self) -> str:
        return self.text.zh

    @property
    def en(self) -> str:
        return self.text.en

    def message(self, lang: str = "zh") -> str:
        return self.text.get(lang)


#: what the system's error numbers mean, said in Chinese (the system says it in English)
_ERRNO_ZH = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有访问权限",
    errno.EROFS: "磁盘是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EBUSY: "正被其他程序占用",
    errno.EISDIR: "这是一个文件夹",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENAMETOOLONG: "名称过长",
    errno.EEXIST: "已存在",
    errno.EIO: "读写磁盘出错",
}


def yaml_place_zh(exc: BaseException) -> str:
    """Where a YAML error is, in Chinese ("（第 3 行第 5 列）"); "" for an error that does not
    say (or is no YAML error)."""
    mark = getattr(exc, "problem_mark", None)
    return f"（第 {mark.line + 1} 行第 {mark.column + 1} 列）" if mark is not None else ""


def reason_zh(exc: BaseException) -> str:
    """Why a library or the system refused, in Chinese, without its English words: an OSError
    by its error number, a text that is no UTF-8, a YAML error; "" when there is no Chinese for
    it (the caller then says what failed, and the English detail goes to the log)."""
    if isinstance(exc, OSError) and exc.errno in _ERRNO_ZH:
        return _ERRNO_ZH[exc.errno]
    if isinstance(exc, UnicodeDecodeError):
        return f"不是 UTF-8 文本（第 {exc.start} 字节）"
    module = type(exc).__module__ or ""
    if module.startswith("yaml"):
        return "YAML 格式错误"
    return ""
