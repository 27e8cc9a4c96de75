"""Command line for the application: ``apply-check`` (the certification body's conditions) and
``apply-materials`` (the application materials in the order of its list)."""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_BLOCKING, EXIT_OK, command, emit_json, lang, out
from ipaudit.text import counted


@command("apply-check")
def cmd_apply_check(args: argparse.Namespace) -> int:
    from ipaudit.services.application import check_application

    with cli._open(args.workspace) as ws:
        check = check_application(ws)
    conditions_met = all(r.passed for r in check.conditions)
    if args.json:
        emit_json(check.to_json())
        return EXIT_OK if conditions_met else EXIT_BLOCKING
    ui = lang()
    en = ui == "en"
    out("Application conditions:" if en else "申请条件：")
    for r in check.conditions:
        mark = "√" if r.passed else "×"
        out(f"  {mark} {r.condition.text.get(ui)}")
        for reason in r.reasons:
            out(f"      {reason.get(ui)}")
    out("Application materials:" if en else "申请材料：")
    for m in check.materials:
        mark = "√" if m.present else "×"
        files = (
            (counted(len(m.files), "file") if en else f"{len(m.files)} 个文件")
            if m.present
            else ("missing" if en else "缺")
        )
        out(f"  {mark} {m.number:02d} {cli.pad(m.material.text.get(ui), 40)} {files}")
    return EXIT_OK if conditions_met else EXIT_BLOCKING


@command("apply-materials")
def cmd_apply_materials(args: argparse.Namespace) -> int:
    from ipaudit.services.application import export_materials

    ui = "en" if args.lang == "en" else "zh" if args.lang == "zh" else lang()
    with cli._open(args.workspace) as ws:
        written = export_materials(ws, Path(args.output), lang=ui)
    if args.json:
        emit_json(
            {
                "target": str(written.target),
                "files": written.files,
                "missing": [{"zh": t.zh, "en": t.en} for t in written.missing],
            }
        )
        return EXIT_OK
    en = ui == "en"
    out(f"{written.target}: {len(written.files)}" + (" files" if en else " 个文件"))
    for text in written.missing:
        out(("  missing: " if en else "  缺：") + text.get(ui))
    return EXIT_OK


def configure(sub: Any) -> None:
    ws_cmd = partial(cli.workspace_command, sub)
    c = ws_cmd(
        "apply-check",
        "check the certification body's application conditions (system running three months,"
        " internal audit, management review, internal auditor, a valid IP right, no penalty)"
        " and list the application materials; exit 1 when a condition is not met",
    )
    c.add_argument("--json", action="store_true")
    c = ws_cmd(
        "apply-materials",
        "export the application materials numbered in the order of the certification body's"
        " list, with an index (xlsx, docx) naming the missing ones",
    )
    c.add_argument(
        "-o", "--output", required=True, help="a new folder, or a file name ending in .zip"
    )
    c.add_argument("--lang", choices=["zh", "en"], help="the index's language")
    c.add_argument("--json", action="store_true")
