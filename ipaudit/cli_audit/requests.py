"""Command line for the auditor's request list: ``requests-import`` reads the list (xlsx, xls, ods,
csv or a docx table) and proposes checklist items for each line, ``requests`` shows each line's
match and coverage (covered, partly covered or missing once confirmed; to confirm; unmatched), ``request-match`` confirms or corrects a line's items."""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, lang, out
from ipaudit.text import counted

MARK = {"covered": "✓", "partly": "◐", "missing": "✗", "to_confirm": "?", "unmatched": "·"}


def _pick(zh: str, en: str) -> str:
    return en if lang() == "en" else zh


@command("requests-import")
def cmd_requests_import(args: argparse.Namespace) -> int:
    from ipaudit.domain.request_list import AUTO_MATCH
    from ipaudit.services import request_list

    with cli._open(args.workspace) as ws:
        found = request_list.import_requests(ws, args.file, args.sheet)
        if args.json:
            emit_json([ln.to_json() for ln in found])
            return EXIT_OK
        proposed = sum(1 for ln in found if ln.matched and not ln.confirmed)
        kept = sum(1 for ln in found if ln.confirmed)
        unmatched = len(found) - proposed - kept
        out(
            _pick(
                f"已导入 {len(found)} 项请求：{proposed} 项有建议的条目（得分 ≥ {AUTO_MATCH}，待确认），"
                f"{unmatched} 项未匹配"
                + (f"，{kept} 项沿用此前的确认" if kept else "")
                + "。请用 requests 查看、用 request-match 确认或更正。",
                f"Imported {counted(len(found), 'request')}: {proposed} with a proposed item"
                f" (score ≥ {AUTO_MATCH}, to confirm), {unmatched} unmatched"
                + (f", {kept} confirmed before" if kept else "")
                + ". Review them with requests, confirm or correct with request-match.",
            )
        )
    return EXIT_OK


@command("requests")
def cmd_requests(args: argparse.Namespace) -> int:
    from ipaudit.domain.request_list import COVERAGE_TEXT, DECIDED, Coverage
    from ipaudit.services import departments, request_list

    with cli._open(args.workspace) as ws:
        # a key or a name; bad input naming the departments when there is none
        dep = (
            departments.department_key(ws, args.department, absent=True)
            if args.department
            else None
        )
        found = request_list.coverage(ws, department=dep)
        if args.json:
            items = {it.key: it for it in ws.template.items}
            emit_json([request_list.coverage_json(rc, items) for rc in found])
            return EXIT_OK
        if not found:
            out(
                _pick(
                    "尚未导入资料清单（用 requests-import）。",
                    "No request list imported yet (use requests-import).",
                )
            )
            return EXIT_OK
        ui_lang = lang()
        titles = {it.key: it.title.get(ui_lang) for it in ws.template.items}
        for rc in found:
            ln = rc.line
            state = COVERAGE_TEXT[rc.coverage].get(ui_lang)
            out(
                f"{MARK[rc.coverage.value]} {cli.pad(ln.number, 6)} {cli.pad(state, 10)} {ln.request.title}"
            )
            if not ln.matched:
                if ln.confirmed:
                    out("      → " + _pick("无对应条目（已确认）", "no checklist item (confirmed)"))
                    continue
                out("      → " + _pick("未匹配条目；候选：", "no item matched; candidates:"))
                for c in ln.candidates[:3]:
                    out(f"        ? {c.item_key} ({c.score}) {titles.get(c.item_key, '')}")
                continue
            for ic in rc.items:
                cov = COVERAGE_TEXT[ic.coverage].get(ui_lang)
                if ln.confirmed:
                    out(f"      → {ic.item_key} {titles.get(ic.item_key, '')}  [{cov}]")
                else:  # what confirming it would mean, said as such
                    out(
                        f"      → {ic.item_key} {titles.get(ic.item_key, '')}"
                        + _pick(
                            f"（建议，待确认；确认后：{cov}）", f" (proposed; if confirmed: {cov})"
                        )
                    )
        counts = request_list.summary(found)
        decided = sum(counts[c] for c in DECIDED)
        out(
            "\n"
            + _pick(
                f"共 {len(found)} 项：已确认 {decided} 项中已覆盖 {counts[Coverage.COVERED]}，"
                f"部分覆盖 {counts[Coverage.PARTLY]}，缺失 {counts[Coverage.MISSING]}；"
                f"待确认 {counts[Coverage.TO_CONFIRM]}，未匹配 {counts[Coverage.UNMATCHED]}。",
                f"{counted(len(found), 'request')}: of the {decided} confirmed,"
                f" {counts[Coverage.COVERED]} covered, {counts[Coverage.PARTLY]} partly covered,"
                f" {counts[Coverage.MISSING]} missing; {counts[Coverage.TO_CONFIRM]} to confirm,"
                f" {counts[Coverage.UNMATCHED]} unmatched.",
            )
        )
    return EXIT_OK


@command("request-match")
def cmd_request_match(args: argparse.Namespace) -> int:
    from ipaudit.domain.request_list import COVERAGE_TEXT
    from ipaudit.services import request_list

    with cli._open(args.workspace) as ws:
        keys = [] if args.items == ["none"] else args.items
        ln = request_list.set_match(ws, args.number, keys)
        rc = next(r for r in request_list.coverage(ws) if r.line.number == ln.number)
        if args.json:
            items = {it.key: it for it in ws.template.items}
            emit_json(request_list.coverage_json(rc, items))
            return EXIT_OK
        ui_lang = lang()
        out(
            f"{ln.number} {ln.request.title} → {', '.join(ln.matched) or '-'}"
            f"  [{COVERAGE_TEXT[rc.coverage].get(ui_lang)}]"
        )
    return EXIT_OK


def configure(sub: Any) -> None:
    ws_cmd = partial(cli.workspace_command, sub)

    c = ws_cmd(
        "requests-import",
        "import the certification body's request list (xlsx, xls, ods, csv, or a docx with one"
        " or several tables) and propose the checklist items of each line",
    )
    c.add_argument("file", metavar="FILE")
    c.add_argument(
        "--sheet",
        help="the sheet to read (default: the one sheet that holds a request list; several: name"
        " one)",
    )
    c.add_argument("--json", action="store_true")

    c = ws_cmd("requests", "the request list: each line's items and whether it is covered")
    c.add_argument(
        "--department", help="only the lines that ask this department for something (its key)"
    )
    c.add_argument("--json", action="store_true")

    c = ws_cmd(
        "request-match",
        "confirm or correct the items a request asks for (none: no checklist item holds it)",
    )
    c.add_argument("number", metavar="REQ_NO", help="the request's number as listed")
    c.add_argument("items", metavar="ITEM_KEY", nargs="+", help="checklist item keys, or none")
    c.add_argument("--json", action="store_true")
