"""Command line for corrective actions (纠正措施).

ipaudit actions W [--json] [--overdue] [--open] [--department D]
ipaudit action-add W --finding "…" [--source certification] [--grade minor] [--due 2026-12-31] …
ipaudit action-edit W CA-001 --root-cause "…" --action "…" --owner 王芳
ipaudit action-close W CA-001 [--date D] [--evidence ID …] [--attach FILE]
ipaudit action-verify W CA-001 --by 李审 --result "…" [--not-effective]
ipaudit actions-import W REPORT.xlsx|.docx [--source certification] [--raised D]
"""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, lang, out, parse_date
from ipaudit.store.errors import InvalidInput
from ipaudit.text import counted

SOURCE_WORDS = {
    "mock": "mock_audit",
    "mock_audit": "mock_audit",
    "模拟审核": "mock_audit",
    "internal": "internal_audit",
    "internal_audit": "internal_audit",
    "内审": "internal_audit",
    "内部审核": "internal_audit",
    "certification": "certification",
    "external": "certification",
    "外审": "certification",
    "认证": "certification",
}
STATUS_WORDS = {
    "open": "open",
    "未开始": "open",
    "in_progress": "in_progress",
    "in-progress": "in_progress",
    "进行中": "in_progress",
    "done": "done",
    "已完成": "done",
}
GRADE_WORDS = {
    "major": "major",
    "严重": "major",
    "minor": "minor",
    "一般": "minor",
    "observation": "observation",
    "观察": "observation",
}


def _pick(words: dict[str, str], text: str, what: str) -> str:
    value = words.get(text.strip().lower())
    if value is None:
        choices = ", ".join(sorted(set(words.values())))
        raise InvalidInput(
            f"{what} 的值“{text}”无效（{choices}）。", f"Unknown {what} '{text}' ({choices})."
        )
    return value


def _fields(args: argparse.Namespace) -> dict[str, Any]:
    from ipaudit.domain.corrective_actions import ActionStatus, NcSource
    from ipaudit.domain.model import Grade

    fields: dict[str, Any] = {}
    for name in ("finding", "clause", "department", "origin", "root_cause", "correction", "owner"):
        value = getattr(args, name, None)
        if value is not None:
            fields[name] = value
    if args.what is not None:
        fields["action"] = args.what
    for name in ("raised", "due"):
        if getattr(args, name, None) is not None:
            fields[name] = getattr(args, name)
    if args.source:
        fields["source"] = NcSource(_pick(SOURCE_WORDS, args.source, "--source"))
    if args.grade:
        fields["grade"] = Grade(_pick(GRADE_WORDS, args.grade, "--grade"))
    if getattr(args, "status", None):
        fields["status"] = ActionStatus(_pick(STATUS_WORDS, args.status, "--status"))
    if args.item:
        fields["item_keys"] = tuple(args.item)
    return fields


def _line(a: Any, ui: str, today: Any, names: dict[str, str] | None = None) -> str:
    from ipaudit.domain.corrective_actions import STATUS_TEXT

    late = a.days_overdue(today)
    mark = (
        (f" ! {counted(late, 'day')} overdue" if ui == "en" else f" ！逾期 {late} 天")
        if late
        else ""
    )
    due = a.due.isoformat() if a.due else "-"
    return (
        f"{a.key}  {cli.pad(STATUS_TEXT[a.status].get(ui), 14)} {due:<10}  "
        f"{cli.pad((names or {}).get(a.department, a.department) or '-', 12)} {a.finding[:50]}{mark}"
    )


@command("actions")
def cmd_actions(args: argparse.Namespace) -> int:
    from ipaudit.services import corrective_actions as ca
    from ipaudit.services import departments

    with cli._open(args.workspace) as ws:
        today = ca.today()
        dep = (
            departments.department_key(ws, args.department, absent=True)
            if args.department
            else None
        )
        rows = ca.actions(ws, dep)
        if args.overdue:
            rows = [a for a in rows if a.days_overdue(today) > 0]
        if args.open:
            rows = [a for a in rows if a.status.value != "verified"]
        if args.json:
            emit_json([ca.action_row_json(a, today) for a in rows])
            return EXIT_OK
        ui = lang()
        names = _names(ws, ui)
        for a in rows:
            out(_line(a, ui, today, names))
    return EXIT_OK


def _names(ws: Any, ui: str) -> dict[str, str]:
    """The departments' names in the UI language, by key (a line shows the name, never the key)."""
    return {d.key: d.name.get(ui) for d in ws.departments()}


def _print(ws: Any, a: Any, as_json: bool) -> None:
    from ipaudit.services import corrective_actions as ca

    if as_json:
        emit_json(ca.action_row_json(a))
    else:
        ui = lang()
        out(_line(a, ui, ca.today(), _names(ws, ui)))


@command("action-add")
def cmd_add(args: argparse.Namespace) -> int:
    from ipaudit.services import corrective_actions as ca

    with cli._open(args.workspace) as ws:
        _print(ws, ca.add(ws, **_fields(args)), args.json)
    return EXIT_OK


@command("action-edit")
def cmd_edit(args: argparse.Namespace) -> int:
    from ipaudit.services import corrective_actions as ca

    with cli._open(args.workspace) as ws:
        _print(ws, ca.edit(ws, args.key, **_fields(args)), args.json)
    return EXIT_OK


@command("action-close")
def cmd_close(args: argparse.Namespace) -> int:
    from ipaudit.services import corrective_actions as ca

    with cli._open(args.workspace) as ws:
        done = ca.close(
            ws,
            args.key,
            args.date,
            evidence_ids=args.evidence or (),
            item_keys=args.item or (),
            attach=args.attach or (),
        )
        _print(ws, done, args.json)
    return EXIT_OK


@command("action-verify")
def cmd_verify(args: argparse.Namespace) -> int:
    from ipaudit.services import corrective_actions as ca

    with cli._open(args.workspace) as ws:
        done = ca.verify(
            ws,
            args.key,
            by=args.by,
            result=args.result,
            on=args.date,
            effective=not args.not_effective,
        )
        _print(ws, done, args.json)
    return EXIT_OK


@command("actions-import")
def cmd_import(args: argparse.Namespace) -> int:
    from ipaudit.domain.corrective_actions import NcSource
    from ipaudit.services import corrective_actions as ca

    source = NcSource(_pick(SOURCE_WORDS, args.source, "--source"))
    with cli._open(args.workspace) as ws:
        done = ca.import_report(ws, args.file, source=source, raised=args.raised)
        if args.json:
            emit_json([ca.action_row_json(a) for a in done.changed])
            return EXIT_OK
        ui = lang()
        names = _names(ws, ui)
        created, updated, same = len(done.created), len(done.updated), len(done.unchanged)
        out(
            f"Imported {created} new, updated {updated}, {same} unchanged"
            if ui == "en"
            else f"已导入 {created} 项新的不符合项，更新 {updated} 项，{same} 项未变"
        )
        for a in done.changed:
            out(_line(a, ui, ca.today(), names))
        if done.absent:
            out(
                f"Not in this report, though imported for the same audit ({len(done.absent)});"
                " delete them in the GUI if the body withdrew them:"
                if ui == "en"
                else f"以下 {len(done.absent)} 项同一次审核的纠正措施不在这份报告中"
                "（若认证机构已撤销该不符合项，可在界面中删除）："
            )
            for a in done.absent:
                out(_line(a, ui, ca.today(), names))
    return EXIT_OK


def _action_options(c: argparse.ArgumentParser, *, new: bool) -> None:
    c.add_argument("--finding", required=new, help="the nonconformity as stated (不符合事实)")
    c.add_argument("--source", help="mock_audit, internal_audit or certification (外审)")
    c.add_argument("--grade", help="major, minor or observation (严重/一般/观察)")
    c.add_argument("--clause", help="clause of the standard")
    c.add_argument("--department", help="department key or name responsible")
    c.add_argument("--raised", type=parse_date, help="when the nonconformity was found")
    c.add_argument("--origin", help="where it was found (report number …)")
    c.add_argument("--root-cause")
    c.add_argument("--correction", help="what was put right at once (纠正)")
    c.add_argument("--action", dest="what", help="the corrective action (纠正措施)")
    c.add_argument("--owner")
    c.add_argument("--due", type=parse_date, help="due date")
    c.add_argument("--item", action="append", help="a checklist item the action concerns")
    c.add_argument("--json", action="store_true")


def configure(sub: Any) -> None:
    ws_cmd = partial(cli.workspace_command, sub)

    c = ws_cmd("actions", "list the corrective actions")
    c.add_argument("--overdue", action="store_true", help="only those past their due date")
    c.add_argument("--open", action="store_true", help="only those not verified closed")
    c.add_argument("--department", help="only one department's")
    c.add_argument("--json", action="store_true")

    c = ws_cmd("action-add", "add a corrective action for a nonconformity")
    _action_options(c, new=True)

    c = ws_cmd("action-edit", "change a corrective action")
    c.add_argument("key", help="action number (CA-001 …)")
    _action_options(c, new=False)
    c.add_argument("--status", help="open, in_progress or done (verified: action-verify)")

    c = ws_cmd(
        "action-close",
        "record that a corrective action is done, with its evidence (it needs its root cause,"
        " action, owner and at least one evidence file; nothing is attached when it is refused)",
    )
    c.add_argument("key", help="action number (CA-001 …)")
    c.add_argument("--date", type=parse_date, help="completion day (default: today)")
    c.add_argument("--evidence", type=int, action="append", help="an evidence id (evidence --json)")
    c.add_argument("--item", action="append", help="a checklist item holding the evidence")
    c.add_argument("--attach", action="append", help="attach a file as evidence of completion")
    c.add_argument("--json", action="store_true")

    c = ws_cmd("action-verify", "record the verification of a corrective action's effectiveness")
    c.add_argument("key", help="action number (CA-001 …)")
    c.add_argument("--by", required=True, help="who verified it")
    c.add_argument("--result", required=True, help="what was checked and found")
    c.add_argument("--date", type=parse_date, help="verification day (default: today)")
    c.add_argument(
        "--not-effective", action="store_true", help="the action did not work: back to in progress"
    )
    c.add_argument("--json", action="store_true")

    c = ws_cmd(
        "actions-import",
        "import the nonconformities of an audit report (Word forms or a list); importing a"
        " corrected report again updates its actions and keeps what was written into them",
    )
    c.add_argument(
        "file",
        help="the report: .docx (one form per nonconformity, or a table) or a sheet (xlsx, xls,"
        " ods, csv); .doc/.wps/.pdf must be saved as .docx first",
    )
    c.add_argument(
        "--source", default="certification", help="certification (default) or internal_audit"
    )
    c.add_argument("--raised", type=parse_date, help="the audit's date (default: the last audit)")
    c.add_argument("--json", action="store_true")
