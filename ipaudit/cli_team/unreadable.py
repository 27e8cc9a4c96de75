"""``unreadable W [--remove KIND/KEY]``: the stored rows the app cannot read, and removing one.

A record or an item state written by another program (psql on a team server, another version of
the app) that the app cannot read is left out and shown among the findings; this lists them and
lets the compliance manager remove a record (an item's state is replaced by filling it in again).
"""

from __future__ import annotations

import argparse
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, lang, out
from ipaudit.store.errors import InvalidInput


@command("unreadable")
def cmd_unreadable(args: argparse.Namespace) -> int:
    from ipaudit.services import record_checks

    with cli._open(args.workspace) as ws:
        if args.remove:
            kind, sep, key = args.remove.partition("/")
            if not sep or not kind or not key:
                raise InvalidInput(
                    "请按“种类/键”给出要删除的记录，如 mock_audit/MA-1。",
                    "Give the record to remove as KIND/KEY, such as mock_audit/MA-1.",
                )
            record_checks.remove_unreadable(ws, kind, key)
            out(f"已删除 {kind}/{key}。" if lang() != "en" else f"Removed {kind}/{key}.")
            return EXIT_OK
        found = record_checks.unreadable(ws)
        if args.json:
            emit_json(
                [
                    {
                        "kind": u.kind,
                        "key": u.key,
                        "department": u.department,
                        "updated_by": u.updated_by,
                        "updated_at": u.updated_at.isoformat() if u.updated_at else None,
                        "reason": u.reason,
                    }
                    for u in found
                ]
            )
        elif not found:
            out("没有无法读取的记录。" if lang() != "en" else "Every stored row can be read.")
        for u in found if not args.json else ():
            when = u.updated_at.strftime("%Y-%m-%d %H:%M") if u.updated_at else "?"
            out(
                f"{u.kind}/{u.key}\t{u.department or '-'}\t{u.updated_by or '?'}\t{when}\t{u.reason}"
            )
    return EXIT_OK


def configure(sub: Any) -> None:
    c = cli.workspace_command(
        sub, "unreadable", "list the stored rows the app cannot read, or remove such a record"
    )
    c.add_argument("--remove", metavar="KIND/KEY", help="remove this unreadable record")
    c.add_argument("--json", action="store_true")
