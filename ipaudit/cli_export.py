"""Command line for the readiness pack: ``export`` a workspace, ``verify`` a pack."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_BLOCKING, EXIT_OK, command, emit_json, lang, out, progress_line


@command("export")
def cmd_export(args: argparse.Namespace) -> int:
    from ipaudit.export.options import ExportOptions
    from ipaudit.export.pack import default_name, export_pack
    from ipaudit.services import Workspace

    ui_lang = lang()
    options = ExportOptions(
        lang=args.lang or ui_lang,
        as_zip=args.zip,
        include_evidence=not args.no_evidence,
        older_versions=args.older_versions,
        redact=args.redact,
        pdf=args.pdf,
        overwrite=args.force,
    )
    with Workspace.open(args.workspace) as ws:
        target = Path(args.target) if args.target else Path.cwd() / default_name(ws, options)
        label = "Exporting" if ui_lang == "en" else "正在导出"
        result = export_pack(ws, target, options, progress=progress_line(label))
    if args.json:
        emit_json(
            {
                "path": str(result.path),
                "files": result.files,
                "bytes": result.bytes,
                "notes": result.note_texts(ui_lang),
            }
        )
        return EXIT_OK
    done = "Pack written" if ui_lang == "en" else "资料包已生成"
    files = "files" if ui_lang == "en" else "个文件"
    out(f"{done}: {result.path} ({result.files} {files}, {result.bytes:,} bytes)")
    for note in result.note_texts(ui_lang):
        out(f"  ! {note}")
    return EXIT_OK


@command("verify")
def cmd_verify(args: argparse.Namespace) -> int:
    from ipaudit.export.manifest import verify

    ui_lang = lang()
    label = "Verifying" if ui_lang == "en" else "正在核对"
    result = verify(args.pack, progress=progress_line(label))
    if args.json:
        emit_json(result.as_dict())
    else:
        en = ui_lang == "en"
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
                f"OK: {result.checked} files match the manifest."
                if en
                else f"通过：{result.checked} 个文件与清单一致。"
            )
        else:
            n = sum(len(p) for _, p in groups) + len(result.damaged)
            out(f"FAILED: {n} differences." if en else f"未通过：发现 {n} 处不一致。")
    return EXIT_OK if result.ok else EXIT_BLOCKING


def configure(sub: Any) -> None:
    c = sub.add_parser(
        "export",
        help="export the readiness pack (report, workbook, interview sheets, evidence, forms, manifest)",
        description="Export the readiness pack of a workspace to a folder or a .zip file.",
    )
    c.add_argument("workspace", help="workspace file (*.ipaudit)")
    c.add_argument(
        "target", nargs="?", help="pack folder or .zip to write (default: a name from the company)"
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
    c.add_argument("--force", action="store_true", help="overwrite an existing pack")
    c.add_argument("--json", action="store_true")

    c = sub.add_parser(
        "verify",
        help="re-hash a pack and list modified, missing and extra files",
        description="Check an exported pack (folder or .zip) against its manifest. Exit code 1"
        " when anything differs.",
    )
    c.add_argument("pack", help="pack folder or .zip file")
    c.add_argument("--json", action="store_true")


cli.EXTENSIONS.append(configure)
