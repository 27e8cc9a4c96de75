"""Command line for department packets: ``packet-export`` writes one department's checklist as a
zip to fill in Excel or WPS; ``packet-import`` prints every change it makes, every conflict with
an edit made in the workspace since the export, and every problem, then applies what does not
conflict (``--take-packet-on-conflict``: the packet's value wins) unless ``--dry-run``.

Exit codes: 0 done; 1 conflicts were left with the workspace's value (the import went ahead for
the rest); 3/4 as every command (the workspace, bad input such as a packet of another workspace).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_BLOCKING, EXIT_OK, command, emit_json, lang, out, pick
from ipaudit.text import counted


def _department(ws: Any, text: str) -> str:
    """A department given by key or by its name in either language (bad input naming the
    departments when there is none)."""
    from ipaudit.services.departments import department_key

    return department_key(ws, text, absent=True)


@command("packet-export")
def cmd_packet_export(args: argparse.Namespace) -> int:
    from ipaudit.services import packets

    ui_lang = args.lang or lang()
    with cli._open(args.workspace) as ws:
        dep = _department(ws, args.department)
        if args.output:
            target = Path(args.output)
        else:
            folder = packets.default_folder(ws, Path.cwd())
            target = packets.free_target(folder, packets.default_name(ws, dep, ui_lang))
        result = packets.export_packet(
            ws,
            dep,
            target,
            cli.progress_line(),
            lang=ui_lang,
            overwrite=args.overwrite,
        )
    if args.json:
        emit_json(
            {
                "path": str(result.path),
                "packet_id": result.packet_id,
                "department": result.department,
                "items": result.items,
                "folders": result.folders,
                "recorded": result.recorded,
            }
        )
    else:
        out(
            pick(
                f"已导出部门填报包：{result.path}（{result.items} 个条目，{result.folders} 个文件夹）",
                f"Department packet written: {result.path} ({counted(result.items, 'item')},"
                f" {counted(result.folders, 'folder')})",
            )
        )
        if result.note is not None:
            out(result.note.get(ui_lang))
    return EXIT_OK


def _change_json(change: Any, ui_lang: str) -> dict[str, Any]:
    from ipaudit.services.packets import value_text

    return {
        "item": change.item_key,
        "item_title": change.item_title.get(ui_lang),
        "field": change.field,
        "question": change.question_key,
        "label": change.label.get(ui_lang),
        "where": change.where.get(ui_lang),
        "exported": change.base,
        "workspace": change.workspace,
        "packet": change.packet,
        "workspace_text": value_text(change, change.workspace, ui_lang),
        "packet_text": value_text(change, change.packet, ui_lang),
        "conflict": change.conflict,
        "edited_by": change.edited_by,
        "edited_at": change.edited_at,
    }


def _file_json(nf: Any, ui_lang: str) -> dict[str, Any]:
    return {
        "item": nf.item_key,
        "slot": nf.slot,
        "name": nf.name,
        "size": nf.size,
        "sha256": nf.sha256,
        "doc_date": nf.doc_date,
        "period_start": nf.period_start,
        "period_end": nf.period_end,
        "date_from": nf.date_source,
        "attach": not nf.skip,
        "warning": nf.warning.get(ui_lang) if nf.warning else "",
    }


def _problem_json(p: Any, ui_lang: str) -> dict[str, Any]:
    return {"where": p.where.get(ui_lang), "message": p.message.get(ui_lang), "error": p.error}


def _print_preview(preview: Any, ui_lang: str) -> None:
    from ipaudit.services.packets import value_text

    when = preview.exported_at[:16].replace("T", " ")
    out(
        pick(
            f"填报包：{preview.department_name.zh}，导出于 {when}",
            f"Packet of {preview.department_name.en}, exported {when}",
        )
    )
    if preview.repeat is not None:
        out("  " + preview.repeat.get(ui_lang))
    elif not preview.changes and not preview.files:
        out(pick("  没有改动。", "  No changes."))
    for c in preview.changes:
        mark = pick("冲突", "CONFLICT") if c.conflict else pick("改动", "change")
        out(
            f"  [{mark}] {c.item_title.get(ui_lang)} — {c.label.get(ui_lang)} ({c.where.get(ui_lang)})"
        )
        out(f"      {pick('工作区', 'workspace')}: {value_text(c, c.workspace, ui_lang) or '-'}")
        out(f"      {pick('填报包', 'packet')}: {value_text(c, c.packet, ui_lang) or '-'}")
    for nf in preview.files:
        mark = pick("跳过", "skip") if nf.skip else pick("附加", "attach")
        day = nf.doc_date.isoformat() if nf.doc_date else pick("无日期", "no date")
        out(f"  [{mark}] {nf.item_title.get(ui_lang)} ← {nf.name} ({day})")
        if nf.warning:
            out(f"      {nf.warning.get(ui_lang)}")
    for p in preview.problems:
        out(f"  ! {p.text(ui_lang)}")


@command("packet-import")
def cmd_packet_import(args: argparse.Namespace) -> int:
    from ipaudit.services import packets

    ui_lang = lang()
    with cli._open(args.workspace) as ws, packets.read_packet(args.packet) as packet:
        preview = packets.preview_packet(ws, packet, lang=ui_lang)
        applied = None
        if not args.dry_run:
            applied = packets.apply_packet(
                ws,
                preview,
                take_packet_on_conflict=args.take_packet_on_conflict,
                progress=cli.progress_line(),
            )
        kept = applied.kept if applied is not None else []
        if args.json:
            data: dict[str, Any] = {
                "department": preview.department,
                "exported_at": preview.exported_at,
                "changes": [_change_json(c, ui_lang) for c in preview.changes],
                "files": [_file_json(f, ui_lang) for f in preview.files],
                "problems": [_problem_json(p, ui_lang) for p in preview.problems],
                "applied": applied is not None,
                "imported_before": preview.imported,
            }
            if applied is not None:
                data["result"] = {
                    "changes": len(applied.applied),
                    "files": applied.files,
                    "conflicts_kept": [c.key for c in kept],
                    "problems": [_problem_json(p, ui_lang) for p in applied.problems],
                }
            emit_json(data)
        else:
            _print_preview(preview, ui_lang)
            if applied is None:
                out(pick("（试运行：未作任何更改）", "(dry run: nothing was changed)"))
            else:
                for p in applied.problems:
                    out(f"  ! {p.text(ui_lang)}")
                out(
                    pick(
                        f"已导入 {len(applied.applied)} 处改动，附加 {applied.files} 个文件；"
                        f"{len(kept)} 处冲突保留了工作区的内容（加 --take-packet-on-conflict 改用填报包的内容）。",
                        f"Imported {counted(len(applied.applied), 'change')} and attached"
                        f" {counted(applied.files, 'file')};"
                        f" {counted(len(kept), 'conflict')} kept the workspace's value (add"
                        " --take-packet-on-conflict to take the packet's).",
                    )
                )
    return EXIT_BLOCKING if kept else EXIT_OK


def configure(sub: Any) -> None:
    c = cli.workspace_command(
        sub, "packet-export", "export one department's checklist as a packet to fill in Excel/WPS"
    )
    c.add_argument("department", metavar="DEPT", help="department key or name")
    c.add_argument("-o", "--output", metavar="FILE.zip", help="where to write the packet")
    c.add_argument("--lang", choices=["zh", "en"], help="language of the workbook and folders")
    c.add_argument("--overwrite", action="store_true", help="replace an existing file")
    c.add_argument("--json", action="store_true")

    c = cli.workspace_command(
        sub, "packet-import", "preview and import a filled-in department packet"
    )
    c.add_argument(
        "packet",
        metavar="FILE.zip",
        help="the packet sent back: the zip, its folder, or its workbook (.xlsx, .xls, .ods)",
    )
    c.add_argument("--dry-run", action="store_true", help="only show what would change")
    c.add_argument(
        "--take-packet-on-conflict",
        action="store_true",
        help="where the workspace was changed since the export too, take the packet's value",
    )
    c.add_argument("--json", action="store_true")
