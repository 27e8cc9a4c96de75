"""Command line for what the GUI does besides the basics: save a copy of the workspace; remove,
restore, replace, edit and save out an evidence file; an item's notes and instance names; the
reconciliation as a workbook."""

from __future__ import annotations

import argparse
from functools import partial
from pathlib import Path
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, evidence_json, out, pick
from ipaudit.store.errors import InvalidInput


def _target(text: str, *, folder_ok: bool = False) -> Path:
    """A file to write, as given: a name, and not a folder unless ``folder_ok``."""
    target = Path(text)
    folder = target.is_dir()
    if not text.strip() or (folder and not folder_ok) or (not target.name and not folder):
        raise InvalidInput(
            f"“{text}”不是文件名；请给出要写入的文件名。",
            f"'{text}' is not a file name; give the name of the file to write.",
        )
    return target


# --- the workspace file ------------------------------------------------------------------------


@command("save-as")
def cmd_save_as(args: argparse.Namespace) -> int:
    with cli._open(args.workspace) as ws:
        target = ws.copy_target(_target(args.target))
        if target.exists() and not args.force:
            raise InvalidInput(
                f"{target} 已存在；加 --force 覆盖它。",
                f"{target} exists already; add --force to replace it.",
                target,
            )
        saved = ws.save_copy(target)
        out(pick(f"已另存副本：{saved}", f"Copy saved: {saved}"))
    return EXIT_OK


# --- evidence files ----------------------------------------------------------------------------


def _evidence_out(ws: Any, evidence_id: int, as_json: bool, **state: bool) -> None:
    """The evidence file as it is now; ``state``: what the command did (``removed=True`` …)."""
    ev = ws.evidence_by_id(evidence_id)
    if as_json:
        emit_json({**evidence_json(ev), **state})
    else:
        done = {True: pick("（已移除）", " (removed)"), False: pick("（已恢复）", " (restored)")}
        mark = done[state["removed"]] if "removed" in state else ""
        out(f"{ev.id}  {ev.item_key}  {ev.title}  ({ev.original_name}){mark}")


@command("evidence-remove")
def cmd_evidence_remove(args: argparse.Namespace) -> int:
    with cli._open(args.workspace) as ws:
        ws.remove_evidence(args.id)
        _evidence_out(ws, args.id, args.json, removed=True)
    return EXIT_OK


@command("evidence-restore")
def cmd_evidence_restore(args: argparse.Namespace) -> int:
    with cli._open(args.workspace) as ws:
        ws.restore_evidence(args.id)
        _evidence_out(ws, args.id, args.json, removed=False)
    return EXIT_OK


@command("evidence-replace")
def cmd_evidence_replace(args: argparse.Namespace) -> int:
    with cli._open(args.workspace) as ws:
        ev = ws.replace_evidence(args.id, args.file, progress=cli.progress_line())
        if args.json:
            emit_json(evidence_json(ev))
        else:
            out(f"{ev.id}  {ev.sha256}  {ev.size}  {ev.original_name}")
    return EXIT_OK


EDITABLE = {
    "title": "title",
    "doc_number": "doc_number",
    "version": "version",
    "date": "doc_date",
    "period_start": "period_start",
    "period_end": "period_end",
    "slot": "slot",
}


@command("evidence-edit")
def cmd_evidence_edit(args: argparse.Namespace) -> int:
    changes = {
        field: getattr(args, name)
        for name, field in EDITABLE.items()
        if getattr(args, name) is not None
    }
    if not changes:
        raise InvalidInput(
            "没有要更改的内容（见 evidence-edit --help）。",
            "Nothing to change (see evidence-edit --help).",
        )
    with cli._open(args.workspace) as ws:
        ws.update_evidence(args.id, **changes)
        _evidence_out(ws, args.id, args.json)
    return EXIT_OK


@command("evidence-save")
def cmd_evidence_save(args: argparse.Namespace) -> int:
    with cli._open(args.workspace) as ws:
        ev = ws.evidence_by_id(args.id)
        target = _target(args.target, folder_ok=True)
        if target.is_dir():
            target = target / (Path(ev.original_name).name or ev.sha256)
        if target.exists() and not args.force:
            raise InvalidInput(
                f"{target} 已存在；加 --force 覆盖它。",
                f"{target} exists already; add --force to replace it.",
                target,
            )
        out(str(ws.save_evidence_file(args.id, target)))
    return EXIT_OK


# --- notes and instance names ------------------------------------------------------------------


@command("notes")
def cmd_notes(args: argparse.Namespace) -> int:
    with cli._open(args.workspace) as ws:
        ws.item(args.item)
        changed = args.text is not None
        state = ws.set_notes(args.item, args.text) if changed else ws.state(args.item)
        if args.json:
            emit_json({"item": args.item, "notes": state.notes})
        elif state.notes:
            out(state.notes)
    return EXIT_OK


@command("instances")
def cmd_instances(args: argparse.Namespace) -> int:
    with cli._open(args.workspace) as ws:
        item = ws.item(args.item)
        if args.clear or args.names:
            state = ws.set_instance_names(args.item, [] if args.clear else args.names)
        else:
            state = ws.state(args.item)
        names = list(state.instance_names)
        if args.json:
            emit_json({"item": args.item, "instances": item.instances, "names": names})
        else:
            for n, name in enumerate(names, 1):
                out(f"{n:>3}  {name}")
    return EXIT_OK


# --- ledgers -----------------------------------------------------------------------------------


@command("export-reconciliation")
def cmd_export_reconciliation(args: argparse.Namespace) -> int:
    from ipaudit.ledger.totals import Dimension
    from ipaudit.services.reconciliation_export import export_reconciliation

    target = _target(args.target)
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    if target.exists() and not args.force:
        raise InvalidInput(
            f"{target} 已存在；加 --force 覆盖它。",
            f"{target} exists already; add --force to replace it.",
            target,
        )
    with cli._open(args.workspace) as ws:
        written = export_reconciliation(
            ws,
            target,
            lang=args.lang or cli.lang(),
            dimension=Dimension(args.totals),
            progress=cli.progress_line(),
        )
        out(str(written))
    return EXIT_OK


# --- parser ------------------------------------------------------------------------------------


def configure(sub: Any) -> None:
    ws_cmd = partial(cli.workspace_command, sub)

    def evidence_id(c: argparse.ArgumentParser) -> None:
        c.add_argument("id", type=_evidence_id, help="the evidence id (evidence --json lists them)")

    c = ws_cmd("save-as", "save a consistent copy of the workspace (File → Save a copy as…)")
    c.add_argument("target", help="the copy's file (.ipaudit is added when missing)")
    c.add_argument("--force", action="store_true", help="replace an existing file")

    c = ws_cmd("evidence-remove", "take an evidence file off its item (evidence-restore undoes it)")
    evidence_id(c)
    c.add_argument("--json", action="store_true")

    c = ws_cmd("evidence-restore", "bring a removed evidence file back")
    evidence_id(c)
    c.add_argument("--json", action="store_true")

    c = ws_cmd("evidence-replace", "attach a new version of an evidence file (the old one is kept)")
    evidence_id(c)
    c.add_argument("file")
    c.add_argument("--json", action="store_true")

    c = ws_cmd("evidence-edit", "edit an evidence file's title, number, version, dates or slot")
    evidence_id(c)
    cli.evidence_fields(c)
    c.add_argument("--json", action="store_true")

    c = ws_cmd("evidence-save", "write the stored bytes of an evidence file to a file (to open it)")
    evidence_id(c)
    c.add_argument("target", help="file, or folder (the original name is used)")
    c.add_argument("--force", action="store_true", help="replace an existing file")

    c = ws_cmd("notes", "show or set an item's notes")
    c.add_argument("item")
    c.add_argument("text", nargs="?", help='the new notes ("" clears them); omitted: show')
    c.add_argument("--json", action="store_true")

    c = ws_cmd("instances", "show or set the names of a record-set item's instances")
    c.add_argument("item")
    c.add_argument("names", nargs="*", metavar="NAME", help="one name per instance, in order")
    c.add_argument("--clear", action="store_true", help="remove every name")
    c.add_argument("--json", action="store_true")

    c = ws_cmd(
        "export-reconciliation",
        "write the ledger reconciliation to an xlsx workbook (summary, discrepancies, the three"
        " ledgers' rows, totals)",
    )
    c.add_argument("target", help="the workbook (.xlsx is added when missing)")
    c.add_argument("--lang", choices=["zh", "en"], help="language of the sheets")
    c.add_argument(
        "--totals",
        choices=["period", "year", "quarter", "month", "person", "department", "ip"],
        default="year",
        help="the totals sheet's dimension (default: year)",
    )
    c.add_argument("--force", action="store_true", help="replace an existing file")


def _evidence_id(text: str) -> int:
    if not text.isdigit():
        raise InvalidInput(
            f"“{text[:32]}”不是证据编号（evidence --json 列出编号）。",
            f"'{text[:32]}' is not an evidence id (evidence --json lists them).",
        )
    return int(text)
