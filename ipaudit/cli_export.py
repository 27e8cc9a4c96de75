"""Command line for the readiness pack: ``export`` a workspace, ``verify`` a pack (against the
workspace's export history too), list the ``exports`` of a workspace."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_BLOCKING, EXIT_OK, command, emit_json, lang, out, progress_line
from ipaudit.export.options import DEFAULT_MARGIN_DAYS
from ipaudit.text import counted


def parse_margin(text: str) -> int:
    """A whole number of days from 0 to 365; anything else is bad input (exit 4)."""
    from ipaudit.domain.validation import InvalidValue
    from ipaudit.services.exports import MAX_MARGIN_DAYS

    shown = text if len(text) <= 32 else text[:32] + "…"
    value = text.strip()
    if not value.isascii() or not value.isdigit() or int(value) > MAX_MARGIN_DAYS:
        raise InvalidValue(
            f"--margin-days “{shown}”应为 0 至 {MAX_MARGIN_DAYS} 之间的整数天数（如 7）。",
            f"--margin-days '{shown}' must be a whole number of days from 0 to {MAX_MARGIN_DAYS}"
            " (e.g. 7).",
        )
    return int(value)


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    from ipaudit.services.exports import (
        ExportOptions,
        TargetExists,
        default_name,
        export_pack,
        free_name,
        replaceable_problem,
    )

    ui_lang = lang()
    options = ExportOptions(
        lang=args.lang or ui_lang,
        as_zip=args.zip,
        include_evidence=not args.no_evidence,
        older_versions=args.older_versions,
        redact=args.redact,
        pdf=args.pdf,
        overwrite=args.force,
        margin_days=args.margin_days,
        **({} if args.toc_pages is None else {"toc_pages": args.toc_pages}),
    )
    with cli._open(args.workspace) as ws:  # (warns of another writer)
        if args.target:
            target = Path(args.target)  # "x.zip" writes a zip; missing folders are created
        else:  # a name not taken yet, unless an earlier pack of that name is to be replaced
            name = default_name(ws, options)
            target = Path.cwd() / (name if args.force else free_name(Path.cwd(), name))
        label = "Exporting" if ui_lang == "en" else "正在导出"
        try:
            result = export_pack(ws, target, options, progress=progress_line(label))
        except TargetExists as exc:
            if replaceable_problem(Path(exc.path)) is None:  # --force would replace it
                hint = "(--force overwrites it)" if ui_lang == "en" else "（加 --force 可覆盖）"
                sys.stderr.write(f"ipaudit: {hint}\n")
            raise
    if args.json:
        emit_json(
            {
                "path": str(result.path),
                "files": result.files,
                "bytes": result.bytes,
                "manifest_sha256": result.manifest_sha256,
                "notes": result.note_texts(ui_lang),
            }
        )
        return EXIT_OK
    done = "Pack written" if ui_lang == "en" else "资料包已生成"
    if ui_lang == "en":
        size = f"{counted(result.files, 'file')}, {counted(result.bytes, 'byte', grouped=True)}"
    else:
        size = f"{result.files} 个文件，{result.bytes:,} 字节"
    out(f"{done}: {result.path} ({size})")
    digest = (
        "SHA-256 of manifest.json (recorded in the workspace's export history)"
        if ui_lang == "en"
        else "manifest.json 的 SHA-256（已记入工作区的导出记录）"
    )
    out(f"{digest}: {result.manifest_sha256}")
    for note in result.note_texts(ui_lang):
        out(f"  ! {note}")
    return EXIT_OK


@command("verify")
def cmd_verify(args: argparse.Namespace) -> int:
    from ipaudit.services.exports import verify_pack

    ui_lang = lang()
    label = "Verifying" if ui_lang == "en" else "正在核对"
    result = verify_pack(args.pack, args.workspace or None, progress=progress_line(label))
    if args.json:
        emit_json(result.as_dict())
    else:
        en = ui_lang == "en"
        _print_record(result.recorded, result.manifest_sha256, args.workspace, en)
        groups: list[tuple[str, list[str]]] = [
            ("modified" if en else "已改动", result.modified),
            ("missing" if en else "缺失", result.missing),
            ("extra" if en else "多出", result.extra),
            (
                "SHA256SUMS disagrees with manifest.json"
                if en
                else "SHA256SUMS 与 manifest.json 不一致",
                result.inconsistent,
            ),
        ]
        for title, paths in groups:
            for path in paths:
                out(f"{title}: {path}")
        damaged = "damaged" if en else "已损坏"
        for path, reason in sorted(result.damaged.items()):
            out(f"{damaged}: {path or Path(args.pack).name} ({reason})")
        if result.ok:
            out(
                f"OK: {counted(result.checked, 'file matches', 'files match')} the manifest."
                if en
                else f"通过：{result.checked} 个文件与清单一致。"
            )
        else:
            n = sum(len(p) for _, p in groups) + len(result.damaged) + (result.recorded == [])
            out(f"FAILED: {counted(n, 'difference')}." if en else f"未通过：发现 {n} 处不一致。")
    return EXIT_OK if result.ok else EXIT_BLOCKING


def _print_record(
    recorded: list[dict[str, Any]] | None, digest: str, workspace: str | None, en: bool
) -> None:
    """What the workspace's export history says about the pack's manifest."""
    if recorded is None:
        return
    out(f"manifest.json SHA-256: {digest or '-'}")
    for r in recorded:
        when = r["exported_at"].replace("T", " ")
        out(
            f"recorded: exported {when} to {r['target']}"
            if en
            else f"导出记录相符：{when} 导出至 {r['target']}"
        )
    if not recorded:
        out(
            f"NOT in the export history of {workspace}: the manifest was rewritten, or the pack"
            " was not exported from this workspace."
            if en
            else f"{workspace} 的导出记录中没有此清单：清单已被改写，或资料包并非由该工作区导出。"
        )


@command("exports")
def cmd_exports(args: argparse.Namespace) -> int:
    from ipaudit.services.exports import export_history

    with cli._open(args.workspace) as ws:  # (warns of another writer)
        records = export_history(ws)
    if args.json:
        emit_json([r.as_dict() for r in records])
        return EXIT_OK
    en = lang() == "en"
    if not records:
        out("No pack was exported from this workspace yet." if en else "该工作区尚未导出过资料包。")
    for r in records:
        out(f"{r.exported_at:%Y-%m-%d %H:%M:%S}  {r.manifest_sha256}  {r.files:>5}  {r.target}")
    return EXIT_OK


def configure(sub: Any) -> None:
    c = sub.add_parser(
        "export",
        help="export the readiness pack (report, workbook, interview sheets, evidence, forms, manifest)",
        description="Export the readiness pack of a workspace to a folder or a .zip file.",
    )
    c.add_argument("workspace", help="workspace file (*.ipaudit)")
    c.add_argument(
        "target",
        nargs="?",
        help="pack folder or .zip to write (a name ending in .zip writes a zip; missing folders"
        " are created; default: a name from the company, -2, -3 … when taken)",
    )
    c.add_argument("--zip", action="store_true", help="write one .zip file instead of a folder")
    c.add_argument("--lang", choices=["zh", "en"], help="language of the documents and file names")
    c.add_argument("--no-evidence", action="store_true", help="leave the evidence files out")
    c.add_argument(
        "--older-versions", action="store_true", help="include older versions of evidence"
    )
    c.add_argument(
        "--redact", action="store_true", help="mask resident ID and mobile numbers in documents"
    )
    c.add_argument("--pdf", action="store_true", help="also a PDF of the report (LibreOffice)")
    c.add_argument(
        "--toc-pages",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="fill the page numbers of the report's contents by laying it out with LibreOffice"
        " (default: yes where LibreOffice is installed, unless IPAUDIT_TOC_PAGES=0; a few"
        " seconds); --no-toc-pages leaves a note to update them in Word. A PDF always has them",
    )
    c.add_argument(
        "--margin-days",
        type=parse_margin,
        default=DEFAULT_MARGIN_DAYS,
        metavar="N",
        help="the must-fix list's deadline is the audit's first day minus N days"
        f" (default {DEFAULT_MARGIN_DAYS})",
    )
    c.add_argument(
        "--force",
        action="store_true",
        help="replace an earlier ipaudit pack of that name (anything else there is refused)",
    )
    c.add_argument("--json", action="store_true")

    c = sub.add_parser(
        "verify",
        help="re-hash a pack and list modified, missing, extra and damaged files",
        description="Check an exported pack (folder or .zip) against its manifest, and with"
        " --workspace against the workspace's export history. Exit code 1 when anything differs"
        " or cannot be read.",
    )
    c.add_argument("pack", help="pack folder or .zip file")
    c.add_argument(
        "--workspace",
        metavar="W",
        help="also check that the pack's manifest is one this workspace exported (its export"
        " history); catches a pack whose files, manifest and SHA256SUMS were all rewritten",
    )
    c.add_argument("--json", action="store_true")

    c = sub.add_parser(
        "exports",
        help="the export history of a workspace: when, where, manifest SHA-256",
        description="List every pack exported from a workspace, newest first.",
    )
    c.add_argument("workspace", help="workspace file (*.ipaudit)")
    c.add_argument("--json", action="store_true")
