"""``push FILE ADDRESS`` and ``pull ADDRESS FILE``: a workspace moved between a file and a team
workspace on a server, losslessly (every table, evidence bytes chunk by chunk, versions, who
edited what, ledgers, the export history)."""

from __future__ import annotations

import argparse
from typing import Any

from ipaudit.cli import EXIT_OK, command, emit_json, lang, out, progress_line
from ipaudit.store.address import masked, server_url
from ipaudit.text import counted


def _report(report: Any, where: str, as_json: bool) -> None:
    if as_json:
        emit_json(
            {
                "target": where,
                "rows": report.rows,
                "total_rows": report.total_rows,
                "evidence_bytes": report.evidence_bytes,
            }
        )
    elif lang() == "en":
        out(
            f"Copied to {where}: {counted(report.total_rows, 'row', grouped=True)},"
            f" {counted(report.evidence_bytes, 'byte', grouped=True)} of evidence."
        )
    else:
        out(f"已复制到 {where}：{report.total_rows} 行，{report.evidence_bytes:,} 字节证据。")


@command("push")
def cmd_push(args: argparse.Namespace) -> int:
    from ipaudit.cli import warn_other_writer
    from ipaudit.services import team

    warn_other_writer(args.file)
    label = "push" if lang() == "en" else "推送"
    report = team.push(args.file, args.address, progress=progress_line(label))
    _report(report, masked(server_url(args.address) or args.address), args.json)
    return EXIT_OK


@command("pull")
def cmd_pull(args: argparse.Namespace) -> int:
    from ipaudit.services import team

    label = "pull" if lang() == "en" else "拉取"
    report = team.pull(args.address, args.file, progress=progress_line(label))
    _report(report, str(team.pull_target(args.file)), args.json)
    return EXIT_OK


def configure(sub: Any) -> None:
    c = sub.add_parser(
        "push",
        help="copy a workspace file into an empty database on a PostgreSQL server",
        description="Copy the workspace file losslessly into the empty database ADDRESS names"
        " (then team-setup ADDRESS gives it roles and logins).",
    )
    c.add_argument("file", help="workspace file (*.ipaudit)")
    c.add_argument("address", help="postgresql://LOGIN@HOST[:PORT]/DATABASE")
    c.add_argument("--json", action="store_true")

    c = sub.add_parser(
        "pull",
        help="copy a team workspace from a server into a new workspace file",
        description="Copy the team workspace at ADDRESS losslessly into a new workspace file"
        " (any login that can read it may pull).",
    )
    c.add_argument("address", help="postgresql://LOGIN@HOST[:PORT]/DATABASE")
    c.add_argument("file", help="the new workspace file (*.ipaudit)")
    c.add_argument("--json", action="store_true")
