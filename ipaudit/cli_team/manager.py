"""``manager-passphrase W``: the passphrase a department view asks before it widens.

The passphrases are read from the terminal without echo; when standard input is not a terminal
(a script), one per line: the current passphrase first when one is set, then the new one.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, lang, out
from ipaudit.store.errors import InvalidInput


class _Reader:
    """Passphrases from the terminal (no echo, asked twice for a new one) or from stdin lines."""

    def __init__(self) -> None:
        self.tty = sys.stdin is not None and sys.stdin.isatty()

    def read(self, zh: str, en: str, *, confirm: bool = False) -> str:
        prompt = (en if lang() == "en" else zh) + ": "
        if self.tty:
            first = getpass.getpass(prompt)
            if confirm and getpass.getpass(prompt) != first:
                raise InvalidInput("两次输入的口令不一致。", "The two entries differ.")
            return first
        line = sys.stdin.readline() if sys.stdin is not None else ""
        if not line:
            raise InvalidInput(
                "标准输入中没有口令（每行一个：先当前口令，再新口令）。",
                "No passphrase on standard input (one a line: the current one, then the new one).",
            )
        return line.rstrip("\r\n")


@command("manager-passphrase")
def cmd_manager_passphrase(args: argparse.Namespace) -> int:
    from ipaudit.services import manager_passphrase as mp

    with cli._open(args.workspace) as ws:
        was_set = mp.is_set(ws)
        if args.status:
            if args.json:
                emit_json({"set": was_set})
            elif lang() == "en":
                out("A manager passphrase is set." if was_set else "No manager passphrase is set.")
            else:
                out("已设置管理者口令。" if was_set else "未设置管理者口令。")
            return EXIT_OK
        reader = _Reader()
        current = reader.read("当前管理者口令", "Current manager passphrase") if was_set else None
        if was_set and not mp.check(ws, current or ""):
            raise mp.WrongPassphrase()
        if args.clear:
            if not was_set:
                out("未设置管理者口令。" if lang() != "en" else "No manager passphrase is set.")
                return EXIT_OK
            mp.clear_passphrase(ws, current or "")
            out("已删除管理者口令。" if lang() != "en" else "The manager passphrase was removed.")
            return EXIT_OK
        new = reader.read("新的管理者口令", "New manager passphrase", confirm=True)
        mp.set_passphrase(ws, new, current)
        if lang() == "en":
            out(
                "The manager passphrase is set. A department view asks for it before it shows the"
                " whole workspace. Whoever has the file itself can still open it whole: rights"
                " that hold need a team workspace on a server."
            )
        else:
            out(
                "已设置管理者口令。部门视图在显示整个工作区之前会要求输入它。"
                "但拿到文件本身的人仍可打开整个工作区；要真正限制权限，请使用服务器上的团队工作区。"
            )
    return EXIT_OK


def configure(sub: Any) -> None:
    c = cli.workspace_command(
        sub,
        "manager-passphrase",
        "set, change or remove the manager passphrase a department view asks before it widens",
    )
    c.add_argument("--clear", action="store_true", help="remove the passphrase (asks the current)")
    c.add_argument("--status", action="store_true", help="only say whether one is set")
    c.add_argument("--json", action="store_true")
