"""Command line for the next cycle: ``next-cycle`` starts it in a new file, ``compare-cycles``
shows what changed since last year."""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, lang, out, parse_date
from ipaudit.domain.cycle import AUDIT_TYPE_TEXT
from ipaudit.text import counted


@command("next-cycle")
def cmd_next_cycle(args: argparse.Namespace) -> int:
    from ipaudit.services.next_cycle import parse_audit_type, start_next_cycle

    kind = parse_audit_type(args.type)
    with cli._open(args.workspace) as ws:
        result = start_next_cycle(ws, args.target, kind, args.audit_start)
    if args.json:
        emit_json(result.to_json())
        return EXIT_OK
    ui = lang()
    en = ui == "en"
    info = result.info
    out(("Next cycle: " if en else "下一周期：") + str(result.path))
    out(
        f"  {AUDIT_TYPE_TEXT[info.audit_type].get(ui)} {info.audit_start} – {info.audit_end};"
        + (" period " if en else " 审核期 ")
        + f"{info.period_start} – {info.period_end}"
    )
    carried = result.carried
    out(
        f"  {counted(carried.get('evidence', 0), 'evidence link')},"
        f" {counted(carried.get('records', 0), 'record')} carried over (marked last cycle)"
        if en
        else f"  已带入 {carried.get('evidence', 0)} 个证据链接（标为上周期）、"
        f"{carried.get('records', 0)} 条记录"
    )
    if result.left_actions:
        left = counted(
            result.left_actions,
            "verified corrective action stays",
            "verified corrective actions stay",
        )
        out(
            f"  {left} in the previous file"
            if en
            else f"  {result.left_actions} 项已验证关闭的纠正措施留在上一周期文件中"
        )
    out(
        f"  {counted(len(result.refresh), 'item needs', 'items need')} this cycle's records:"
        if en
        else f"  {len(result.refresh)} 个条目需要本周期的记录（需更新）："
    )
    for key, reasons in result.refresh.items():
        out(f"    {cli.pad(key, 30)} {reasons[0].get(ui)}")
    return EXIT_OK


@command("compare-cycles")
def cmd_compare_cycles(args: argparse.Namespace) -> int:
    from ipaudit.services.cycle_compare import compare_files

    result = compare_files(args.previous, args.current)
    if args.json:
        emit_json(result.to_json())
        return EXIT_OK
    ui = lang()
    en = ui == "en"
    if result.empty:
        out("No differences." if en else "两个周期没有差别。")
        return EXIT_OK
    sections = (
        ("Workspace information" if en else "工作区信息", result.info),
        ("Facts" if en else "体系事实", result.facts),
        ("Departments" if en else "部门", result.departments),
    )
    for title, changes in sections:
        if changes:
            out(f"{title}{':' if en else '：'}")
            for c in changes:
                out(f"  {cli.pad(c.label.get(ui), 28)} {c.old} → {c.new}")
    if result.statuses:
        out("Item status:" if en else "条目状态：")
        from ipaudit.export.i18n import STATUS_TEXT

        for s in result.statuses:
            out(
                f"  {cli.pad(s.item_key, 30)} {STATUS_TEXT[s.old].get(ui)} →"
                f" {STATUS_TEXT[s.new].get(ui)}  {s.title.get(ui)}"
            )
    if result.evidence:
        out("Evidence:" if en else "证据：")
        for e in result.evidence:
            parts = []
            if e.added:
                parts.append(("+ " if en else "新增 ") + "、".join(e.added))
            if e.removed:
                parts.append(("- " if en else "不再有 ") + "、".join(e.removed))
            out(f"  {cli.pad(e.item_key, 30)} {'; '.join(parts)}")
    return EXIT_OK


def configure(sub: Any) -> None:
    ws_cmd = partial(cli.workspace_command, sub)
    c = ws_cmd(
        "next-cycle",
        "start the next surveillance or recertification cycle in a new workspace file (this one"
        " stays as it is)",
    )
    c.add_argument("target", help="the new workspace file (*.ipaudit); it must not exist")
    c.add_argument(
        "--type",
        metavar="surveillance|recertification",
        help="the next audit's type (default: surveillance, recertification in the certificate's"
        " third year)",
    )
    c.add_argument(
        "--audit-start", type=parse_date, help="the next audit's first day (default: a year on)"
    )
    c.add_argument("--json", action="store_true")

    c = sub.add_parser(
        "compare-cycles",
        help="what changed from last cycle's workspace to this one",
        description="what changed from last cycle's workspace to this one: information, facts,"
        " departments, item status, evidence",
    )
    c.add_argument("previous", help="last cycle's workspace file")
    c.add_argument("current", help="this cycle's workspace file")
    c.add_argument("--json", action="store_true")
