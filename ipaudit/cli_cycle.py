"""Command line for the audit cycle: workspace information, declared people, the IP budget."""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, lang, out, parse_date
from ipaudit.domain.cycle import AUDIT_TYPE_TEXT, INFO_FIELDS, default_period, with_changes
from ipaudit.domain.model import AuditType, Person, WorkspaceInfo
from ipaudit.store.errors import InvalidInput

INFO_KEYS = tuple(k for k in INFO_FIELDS if k != "edition")
OPTIONAL_DATES = ("last_audit", "certificate_start", "certificate_end", "system_start")
TYPE_WORDS = {  # the audit types as people write them
    "初次认证": "initial",
    "初次": "initial",
    "初审": "initial",
    "监督审核": "surveillance",
    "监督": "surveillance",
    "再认证": "recertification",
    "复评": "recertification",
    "换证": "recertification",
}
LABELS = {
    "audit_type": ("审核类型", "audit type"),
    "audit_start": ("审核开始", "audit starts"),
    "audit_end": ("审核结束", "audit ends"),
    "period_start": ("审核期开始", "period starts"),
    "period_end": ("审核期结束", "period ends"),
    "last_audit": ("上次审核", "last audit"),
    "certificate_start": ("证书生效", "certificate from"),
    "certificate_end": ("证书到期", "certificate until"),
    "system_start": ("体系运行开始", "system start"),
}


def info_json(info: WorkspaceInfo) -> dict[str, Any]:
    start, end = default_period(info)
    data: dict[str, Any] = {k: getattr(info, k) for k in INFO_FIELDS}
    data["edition"] = info.edition.value
    data["audit_type"] = info.audit_type.value
    data["default_period"] = {"start": start, "end": end}
    return data


def parse_changes(pairs: list[str]) -> dict[str, Any]:
    """``key=value`` pairs → typed changes; an empty value clears an optional date."""
    changes: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or key not in INFO_KEYS:
            raise InvalidInput(
                f"“{pair}”无效：应为 键=值，键为 {', '.join(INFO_KEYS)} 之一。",
                f"'{pair}' is not key=value with a key among {', '.join(INFO_KEYS)}.",
            )
        value = value.strip()
        if key == "company":
            changes[key] = value
        elif key == "audit_type":
            try:
                changes[key] = AuditType(TYPE_WORDS.get(value, value.lower()))
            except ValueError:
                raise InvalidInput(
                    f"审核类型“{value}”无效（initial、surveillance、recertification）。",
                    f"Unknown audit type '{value}' (initial, surveillance, recertification).",
                ) from None
        elif not value and key in OPTIONAL_DATES:
            changes[key] = None
        else:
            try:
                changes[key] = parse_date(value)
            except argparse.ArgumentTypeError:
                raise InvalidInput(
                    f"{key} 的值“{value}”不是日期（如 2025-03-05）。",
                    f"The value '{value}' of {key} is not a date (write it like 2025-03-05).",
                ) from None
    return changes


@command("info")
def cmd_info(args: argparse.Namespace) -> int:
    with cli._open(args.workspace) as ws:
        info = ws.info()
        if args.set or args.default_period:
            new = with_changes(info, parse_changes(args.set or []))
            if args.default_period:
                start, end = default_period(new)
                new = with_changes(new, {"period_start": start, "period_end": end})
            ws.set_info(new, base=info)  # a change stored meanwhile is kept, not overwritten
            info = ws.info()
        data = info_json(info)
        if args.json:
            emit_json(data)
            return EXIT_OK
        ui_lang = lang()
        kind = AUDIT_TYPE_TEXT[info.audit_type].get(ui_lang)
        out(f"{info.company} — GB/T 29490-{info.edition.value}, {kind}")
        for key, (zh, en) in LABELS.items():
            value = data[key]
            label = f"{en if ui_lang == 'en' else zh} ({key})"
            out(f"  {cli.pad(label, 34)} {'-' if value is None else value}")
    return EXIT_OK


def person_json(p: Person) -> dict[str, Any]:
    return {"name": p.name, "kind": p.kind.value, "department": p.department, "date": p.date}


@command("people")
def cmd_people(args: argparse.Namespace) -> int:
    from ipaudit.services import people

    with cli._open(args.workspace) as ws:
        kind = people.parse_kind(args.kind) if args.kind else None
        if args.action == "add":
            if kind is None:
                raise InvalidInput(
                    "请用 --kind hire 或 --kind leaver 指定人员类型。",
                    "Give the kind of person with --kind hire or --kind leaver.",
                )
            people.add_person(ws, Person(_need(args.arg), kind, args.department or "", args.date))
        elif args.action == "remove":
            people.remove_person(ws, _need(args.arg), kind)
        elif args.action == "import":
            n = people.import_people(ws, _need(args.arg), kind)
            if not args.json:
                out(f"{'Imported' if lang() == 'en' else '已导入'} {n}")
        rows = [person_json(p) for p in ws.facts().people]
        if args.json:
            emit_json(rows)
        elif args.action == "list":
            en = lang() == "en"
            for r in rows:
                label = {"hire": "入职", "leaver": "离职"}[r["kind"]] if not en else r["kind"]
                out(f"{label:<8} {r['name']:<12} {r['department']:<12} {r['date'] or '-'}")
    return EXIT_OK


def _need(value: str | None) -> str:
    if not value:
        raise InvalidInput(
            "缺少姓名或文件（见 people --help）。", "A name or file is missing (see people --help)."
        )
    return value


@command("budget")
def cmd_budget(args: argparse.Namespace) -> int:
    from ipaudit.services import budget

    with cli._open(args.workspace) as ws:
        for pair in args.set or []:
            category, sep, amount = pair.partition("=")
            if not sep:
                raise InvalidInput(
                    f"“{pair}”无效：应为 类别=金额，如 application=50000。",
                    f"'{pair}' is not category=amount (for example application=50000).",
                )
            budget.set_budget(ws, category, budget.parse_amount(amount))
        lines = budget.budget_lines(ws)
        if args.json:
            emit_json([budget.line_json(line) for line in lines])
            return EXIT_OK
        ui_lang = lang()
        head = (
            ("category", "budget", "actual", "variance")
            if ui_lang == "en"
            else ("类别", "预算", "实际", "差额")
        )
        out(f"{cli.pad(head[0], 24)} {head[1]:>14} {head[2]:>14} {head[3]:>14}")
        for line in lines:
            budget_text = "-" if line.budget is None else f"{line.budget:,.2f}"
            variance = "-" if line.variance is None else f"{line.variance:,.2f}"
            mark = " !" if line.overspent else ""
            out(
                f"{cli.pad(line.name(ui_lang), 24)} {budget_text:>14} {line.actual:>14,.2f}"
                f" {variance:>14}{mark}"
            )
    return EXIT_OK


def configure(sub: Any) -> None:
    ws_cmd = partial(cli.workspace_command, sub)

    c = ws_cmd("info", "show or change the workspace information (company, audit type and dates)")
    c.add_argument(
        "--set",
        action="append",
        metavar="KEY=VALUE",
        help=f"change one value; keys: {', '.join(INFO_KEYS)}. Changing the audit type or a date"
        " that sets the period moves the period to the type's default unless it is given too",
    )
    c.add_argument(
        "--default-period", action="store_true", help="reset the period to the type's default"
    )
    c.add_argument("--json", action="store_true")

    c = ws_cmd("people", "declared new hires and core leavers of the period")
    c.add_argument("action", nargs="?", choices=["list", "add", "remove", "import"], default="list")
    c.add_argument("arg", nargs="?", metavar="NAME|FILE", help="the person's name, or the sheet")
    c.add_argument("--kind", help="hire (入职) or leaver (离职)")
    c.add_argument("--department")
    c.add_argument("--date", type=parse_date, help="joining or leaving day")
    c.add_argument("--json", action="store_true")

    c = ws_cmd("budget", "the IP budget per expense category against the expense record")
    c.add_argument(
        "--set",
        action="append",
        metavar="CATEGORY=AMOUNT",
        help="declare a budget (empty amount removes it); categories: application, annual_fees,"
        " agency, search, training, rewards, software, litigation, other (or 申请费, 年费 …)",
    )
    c.add_argument("--json", action="store_true")
