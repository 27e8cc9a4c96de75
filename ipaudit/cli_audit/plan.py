"""Command line for the audit-day plan: show it with its conflicts, generate the default plan,
add/edit/remove sessions, people, rooms and escorts, export it (docx, xlsx, .ics), and the
workspace calendar."""

from __future__ import annotations

import argparse
from dataclasses import replace
from functools import partial
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, lang, out, parse_date
from ipaudit.store.errors import InvalidInput


def _lang(args: argparse.Namespace) -> str:
    return str(getattr(args, "lang", None) or lang())


def plan_json(ws: Any, department: str | None = None) -> dict[str, Any]:
    from ipaudit.domain.audit_plan import session_json, setup_json
    from ipaudit.export.plan_rows import plan_rows
    from ipaudit.services import audit_plan

    stored = audit_plan.load(ws)
    if stored is None:
        return {"plan": None, "conflicts": []}
    inp = audit_plan.plan_input(ws, stored.plan, department=department)
    names = {r.session.key: r for r in plan_rows(inp, "zh")}
    sessions = []
    for s in inp.plan.ordered():
        row = session_json(s)
        row["version"] = stored.session_version(s.key)
        row["name"] = names[s.key].title
        row["conflict"] = names[s.key].conflict
        sessions.append(row)
    return {
        "plan": {
            "setup": setup_json(inp.plan.setup),
            "setup_version": stored.setup_version(),
            "sessions": sessions,
        },
        "conflicts": [
            {
                "kind": c.kind.value,
                "sessions": list(c.sessions),
                "subject": c.subject,
                "message_zh": c.message.zh,
                "message_en": c.message.en,
            }
            for c in inp.conflicts
        ],
    }


def _show(ws: Any, ui_lang: str, department: str | None = None) -> None:
    from ipaudit.export.plan_rows import label, plan_rows
    from ipaudit.services import audit_plan

    stored = audit_plan.need_plan(ws)
    inp = audit_plan.plan_input(ws, stored.plan, department=department)
    day = None
    for r in plan_rows(inp, ui_lang):
        s = r.session
        if s.day != day:
            day = s.day
            out(f"{s.day.isoformat()}")
        mark = "!" if r.conflict else " "
        out(
            f" {mark} {s.start:%H:%M}-{s.end:%H:%M}  {cli.pad(r.room or '-', 10)}"
            f" {cli.pad(r.title, 40)} [{s.key}]"
        )
        details = [
            (label("auditors", ui_lang), r.auditors),
            (label("escorts", ui_lang), r.escorts),
            (label("attendees", ui_lang), r.attendees),
        ]
        for name, value in details:
            if value:
                out(f"      {name}: {value}")
    if inp.conflicts:
        out()
        out(f"{label('conflicts', ui_lang)} ({len(inp.conflicts)}):")
        for c in inp.conflicts:
            out(f"  ! {c.message.get(ui_lang)}")
    else:
        out(label("no_conflicts", ui_lang))


def _department(ws: Any, args: argparse.Namespace) -> str | None:
    """The key of the --department given (its key or name; bad input naming the departments
    when there is none)."""
    from ipaudit.services.departments import department_key

    only = getattr(args, "department", None)
    return department_key(ws, only, absent=True) if only else None


@command("plan")
def cmd_plan(args: argparse.Namespace) -> int:
    with cli._open(args.workspace) as ws:
        only = _department(ws, args)
        if args.json:
            emit_json(plan_json(ws, only))
        else:
            _show(ws, _lang(args), only)
    return EXIT_OK


@command("plan-generate")
def cmd_plan_generate(args: argparse.Namespace) -> int:
    from ipaudit.services import audit_plan

    with cli._open(args.workspace) as ws:
        audit_plan.generate(ws, rooms=args.rooms, replace_existing=args.replace)
        if args.json:
            emit_json(plan_json(ws))
        else:
            _show(ws, _lang(args))
    return EXIT_OK


def _session_changes(args: argparse.Namespace) -> dict[str, Any]:
    from ipaudit.services import audit_plan

    changes: dict[str, Any] = {}
    if args.kind is not None:
        changes["kind"] = audit_plan.parse_kind(args.kind)
    if args.day is not None:
        changes["day"] = args.day
    if args.start is not None:
        changes["start"] = audit_plan.parse_time(args.start)
    if args.end is not None:
        changes["end"] = audit_plan.parse_time(args.end)
    if args.room is not None:
        changes["room"] = args.room
    if args.auditor is not None:
        changes["auditors"] = tuple(k for k in args.auditor if k)
    if args.attendee is not None:
        changes["attendees"] = tuple(k for k in args.attendee if k)
    if args.department is not None:
        changes["department"] = args.department
    if args.title is not None:
        changes["title"] = args.title
    return changes


def _print_conflicts_of(ws: Any, key: str, ui_lang: str) -> None:
    from ipaudit.services import audit_plan

    mine = [c for c in audit_plan.conflicts(ws) if key in c.sessions]
    for c in mine:
        out(f"! {c.message.get(ui_lang)}")


@command("plan-session-add")
def cmd_session_add(args: argparse.Namespace) -> int:
    from ipaudit.domain.audit_plan import Session
    from ipaudit.services import audit_plan

    with cli._open(args.workspace) as ws:
        changes = _session_changes(args)
        missing = [n for n in ("kind", "day", "start", "end") if n not in changes]
        if missing:
            raise InvalidInput(
                f"新日程需要 {', '.join('--' + n for n in missing)}。",
                f"A new session needs {', '.join('--' + n for n in missing)}.",
            )
        session = audit_plan.add_session(ws, Session(key=args.key or "", **changes))
        if args.json:
            emit_json({"key": session.key, **plan_json(ws)})
        else:
            out(session.key)
            _print_conflicts_of(ws, session.key, _lang(args))
    return EXIT_OK


@command("plan-session-edit")
def cmd_session_edit(args: argparse.Namespace) -> int:
    from ipaudit.services import audit_plan

    with cli._open(args.workspace) as ws:
        changes = _session_changes(args)
        if not changes:
            raise InvalidInput(
                "没有要修改的内容（见 plan-session-edit --help）。",
                "Nothing to change (see plan-session-edit --help).",
            )
        session = audit_plan.edit_session(ws, args.key, lambda s: replace(s, **changes))
        if args.json:
            emit_json(plan_json(ws))
        else:
            out(f"OK {session.key}")
            _print_conflicts_of(ws, session.key, _lang(args))
    return EXIT_OK


@command("plan-session-remove")
def cmd_session_remove(args: argparse.Namespace) -> int:
    from ipaudit.services import audit_plan

    with cli._open(args.workspace) as ws:
        audit_plan.remove_session(ws, args.key)
        if args.json:
            emit_json(plan_json(ws))
        else:
            out(f"OK {args.key}")
    return EXIT_OK


@command("plan-person")
def cmd_person(args: argparse.Namespace) -> int:
    from ipaudit.services import audit_plan

    with cli._open(args.workspace) as ws:
        if args.action == "add":
            role = audit_plan.parse_role(args.role or "staff")
            person = audit_plan.add_person(
                ws, role, args.name or "", args.department or "", key=args.key or ""
            )
            if not args.json:
                out(person.key)
        elif args.action == "rename":
            audit_plan.rename_person(ws, _need(args.key), args.name or "")
        elif args.action == "remove":
            audit_plan.remove_person(ws, _need(args.key))
        elif args.action == "escort":
            audit_plan.set_escort(ws, _need(args.key), args.escort or "")
        if args.json:
            emit_json(plan_json(ws)["plan"])
        elif args.action == "list":
            from ipaudit.export.plan_rows import people_rows

            stored = audit_plan.need_plan(ws)
            inp = audit_plan.plan_input(ws, stored.plan)
            for p, row in zip(
                sorted(stored.plan.setup.people, key=_people_order),
                people_rows(inp, _lang(args)),
                strict=True,
            ):
                name, role_text, dep, follows = row
                extra = f" → {follows}" if follows else ""
                out(
                    f"{cli.pad(p.key, 22)} {cli.pad(role_text, 14)} {cli.pad(name, 30)}"
                    f" {dep}{extra}"
                )
    return EXIT_OK


def _people_order(p: Any) -> tuple[int, str]:
    from ipaudit.domain.audit_plan import Role

    return (list(Role).index(p.role), p.key)


@command("plan-room")
def cmd_room(args: argparse.Namespace) -> int:
    from ipaudit.domain.audit_plan import room_name
    from ipaudit.services import audit_plan

    with cli._open(args.workspace) as ws:
        if args.action == "add":
            room = audit_plan.add_room(ws, args.name or "", key=args.key or "")
            if not args.json:
                out(room.key)
        elif args.action == "rename":
            audit_plan.rename_room(ws, _need(args.key), args.name or "")
        elif args.action == "remove":
            audit_plan.remove_room(ws, _need(args.key))
        if args.json:
            emit_json(plan_json(ws)["plan"])
        elif args.action == "list":
            for r in audit_plan.need_plan(ws).plan.setup.rooms:
                out(f"{cli.pad(r.key, 12)} {room_name(r, _lang(args))}")
    return EXIT_OK


def _need(value: str | None) -> str:
    if not value:
        raise InvalidInput("缺少键（见 --help）。", "A key is missing (see --help).")
    return value


@command("plan-export")
def cmd_plan_export(args: argparse.Namespace) -> int:
    from ipaudit.services import audit_plan

    if not (args.docx or args.xlsx or args.ics):
        raise InvalidInput(
            "请至少给出 --docx、--xlsx 或 --ics 之一。",
            "Give at least one of --docx, --xlsx, --ics.",
        )
    with cli._open(args.workspace) as ws:
        files = audit_plan.export_plan(
            ws,
            docx=args.docx,
            xlsx=args.xlsx,
            ics=args.ics,
            lang=_lang(args),
            department=_department(ws, args),
        )
        written = {
            k: str(v)
            for k, v in (("docx", files.docx), ("xlsx", files.xlsx), ("ics", files.ics))
            if v is not None
        }
        if args.json:
            emit_json(written)
        else:
            for path in written.values():
                out(path)
    return EXIT_OK


@command("calendar")
def cmd_calendar(args: argparse.Namespace) -> int:
    from ipaudit.services import calendar

    with cli._open(args.workspace) as ws:
        path, events = calendar.write_calendar(ws, args.output, _lang(args), _department(ws, args))
        if args.json:
            emit_json({"path": str(path), "events": events})
        else:
            en = _lang(args) == "en"
            out(f"{path} ({events} {'events' if en else '个事件'})")
    return EXIT_OK


def _lang_option(c: argparse.ArgumentParser) -> None:
    c.add_argument(
        "--lang", choices=["zh", "en"], help="language of the output (default: the UI language)"
    )


def _session_options(c: argparse.ArgumentParser) -> None:
    c.add_argument(
        "--kind", help="opening, tour, interview, documents, closing, other (or 首次会议 …)"
    )
    c.add_argument("--day", type=parse_date, help="the day (2026-03-02)")
    c.add_argument("--start", help="start time (09:30)")
    c.add_argument("--end", help="end time (10:30)")
    c.add_argument("--room", help="room key (plan-room list); empty for none")
    c.add_argument(
        "--auditor",
        action="append",
        metavar="KEY",
        help="an auditor's key (repeat for several; replaces the session's auditors)",
    )
    c.add_argument(
        "--attendee",
        action="append",
        metavar="KEY",
        help="who must attend (repeat; replaces the list; --attendee '' for nobody)",
    )
    c.add_argument("--department", help="the department interviewed (its key)")
    c.add_argument("--title", help="own title instead of the kind and department")
    c.add_argument("--json", action="store_true")
    _lang_option(c)


def configure(sub: Any) -> None:
    ws_cmd = partial(cli.workspace_command, sub)

    c = ws_cmd("plan", "the audit-day plan: sessions by day and room, with its conflicts")
    c.add_argument(
        "--department",
        help="only the sessions of this department (its key): its interview and what its people"
        " attend",
    )
    c.add_argument("--json", action="store_true")
    _lang_option(c)

    c = ws_cmd(
        "plan-generate",
        "make the default audit-day plan from the audit dates and departments (two rooms)",
    )
    c.add_argument("--rooms", type=int, default=2, help="rooms in parallel (default 2)")
    c.add_argument("--replace", action="store_true", help="replace the existing plan")
    c.add_argument("--json", action="store_true")
    _lang_option(c)

    c = ws_cmd("plan-session-add", "add a session to the plan (kind, day, start, end needed)")
    c.add_argument("--key", help="the new session's key (default: made from the kind)")
    _session_options(c)

    c = ws_cmd("plan-session-edit", "change a session of the plan (only the options given)")
    c.add_argument("key", help="the session's key (plan --json)")
    _session_options(c)

    c = ws_cmd("plan-session-remove", "remove a session from the plan")
    c.add_argument("key")
    c.add_argument("--json", action="store_true")

    c = ws_cmd("plan-person", "people on the plan: list, add, rename, remove, assign an escort")
    c.add_argument(
        "action", nargs="?", choices=["list", "add", "rename", "remove", "escort"], default="list"
    )
    c.add_argument(
        "key", nargs="?", help="the person's key (add: the new key; escort: the auditor's key)"
    )
    c.add_argument("--role", help="auditor, escort, manager, top, head, staff (add)")
    c.add_argument("--name", help="the person's name (add, rename)")
    c.add_argument("--department", help="a head's department key (add)")
    c.add_argument("--escort", help="the escort's key for the auditor (escort; empty: none)")
    c.add_argument("--json", action="store_true")
    _lang_option(c)

    c = ws_cmd("plan-room", "rooms of the plan: list, add, rename, remove")
    c.add_argument("action", nargs="?", choices=["list", "add", "rename", "remove"], default="list")
    c.add_argument("key", nargs="?", help="the room's key (add: the new key; rename, remove)")
    c.add_argument("--name", help="the room's name (add, rename)")
    c.add_argument("--json", action="store_true")
    _lang_option(c)

    c = ws_cmd("plan-export", "write the audit-day plan as docx, xlsx and/or .ics")
    c.add_argument("--department", help="the files of this department's sessions only (its key)")
    c.add_argument("--docx", metavar="FILE")
    c.add_argument("--xlsx", metavar="FILE")
    c.add_argument("--ics", metavar="FILE")
    c.add_argument("--json", action="store_true")
    _lang_option(c)

    c = ws_cmd("calendar", "write every dated event (the plan's sessions …) as one .ics file")
    c.add_argument("-o", "--output", required=True, metavar="FILE.ics")
    c.add_argument(
        "--department", help="this department's sessions and corrective actions only (its key)"
    )
    c.add_argument("--json", action="store_true")
    _lang_option(c)
