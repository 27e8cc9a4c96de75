"""The command line: everything the GUI does except draw. ``python main.py <command> --help``.

Exit codes: 0 success · 1 findings block (``findings --fail-on``) · 2 usage error · 3 workspace
error (missing, locked, damaged, newer version) · 4 bad input (unknown item, bad file, bad value) ·
5 cancelled.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any

from ipaudit.domain.checks import worst_grade
from ipaudit.domain.model import AuditType, Edition, Finding, Grade, Status
from ipaudit.domain.normalize import display_width
from ipaudit.domain.readiness import effective_status
from ipaudit.domain.rules import item_rule
from ipaudit.errors import UserError, reason_zh
from ipaudit.progress import Cancelled
from ipaudit.store.errors import EditConflict, InvalidInput, SourceFileMissing, WorkspaceError
from ipaudit.text import counted

EXIT_OK, EXIT_BLOCKING, EXIT_USAGE, EXIT_WORKSPACE, EXIT_INPUT, EXIT_CANCELLED = 0, 1, 2, 3, 4, 5

Handler = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, Handler] = {}
# expected failures and their exit codes, the first that fits (ledger files, exporting …: input)
EXPECTED_ERRORS: list[tuple[type[Exception], int]] = [
    (InvalidInput, EXIT_INPUT),
    (SourceFileMissing, EXIT_INPUT),  # a file to attach that cannot be read: bad input
    (WorkspaceError, EXIT_WORKSPACE),
    (UserError, EXIT_INPUT),
]


def command(name: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        COMMANDS[name] = fn
        return fn

    return register


def lang() -> str:
    import locale
    import os

    env = os.environ.get("IPAUDIT_LANG") or os.environ.get("LANG") or (locale.getlocale()[0] or "")
    return "en" if env.lower().startswith("en") else "zh"


def pad(text: str, width: int) -> str:
    """Left-align ``text`` in ``width`` terminal columns."""
    return text + " " * max(width - display_width(text), 0)


def printable(text: str) -> str:
    """``text`` with bytes that were not UTF-8 (a file name from another system) shown as \\x…"""
    try:
        raw = text.encode("utf-8", "surrogateescape")  # the bytes as the system handed them over
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def out(text: str = "") -> None:
    sys.stdout.write(printable(text + "\n"))


def emit_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write(printable(text + "\n"))


def undecodable_argument(argv: Sequence[str]) -> UserError | None:
    """Bad input when an argument holds bytes that are not UTF-8 and is not an existing file's
    name: text such as an answer or a key cannot be stored or shown reliably."""
    import os

    for arg in argv:
        if arg != printable(arg) and not os.path.lexists(arg):
            return InvalidInput(
                f"参数“{printable(arg)[:64]}”含有不是 UTF-8 文本的字节；请用 UTF-8 重新输入。",
                f"The argument '{printable(arg)[:64]}' holds bytes that are not UTF-8 text; type it"
                " again in UTF-8.",
            )
    return None


def parse_date(text: str) -> dt.date:
    """A date as people write it: 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日 … (a real day
    from 1950 to 2100); anything else is bad input (exit 4)."""
    from ipaudit.domain.validation import InvalidValue, check_date
    from ipaudit.ledger.normalize import NormalizeError, parse_date_text

    shown = text if len(text) <= 64 else text[:64] + "…"
    try:
        value = parse_date_text(text)
    except NormalizeError:
        value = None
    if value is None:
        raise InvalidValue(
            f"“{shown}”不是 1950 至 2100 年间的日期（应如 2025-03-05）。",
            f"'{shown}' is not a date from 1950 to 2100 (write it like 2025-03-05).",
        )
    return check_date(value, shown)


def window_days_arg(text: str) -> int:
    """``--window-days``: a whole number of days from 0 to 3650 (else bad input, exit 4)."""
    from ipaudit.domain.validation import WINDOW_DAYS

    return WINDOW_DAYS.parse_int(text, "--window-days")


def _new_file(path: str) -> Path | str:
    """Where a new workspace goes: its folder must exist (else a workspace error, exit 3). A
    ``postgresql://`` address (a team workspace's database) is returned as it is."""
    from ipaudit.store.address import is_server_address

    if is_server_address(path):
        return path
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise WorkspaceError(
            target,
            f"无法创建 {target}：文件夹 {folder} 不存在。请先创建该文件夹，或换一个位置。",
            f"{target} cannot be created: the folder {folder} does not exist. Create it first or"
            " choose another place.",
        )
    return target


def _open(path: str) -> Any:
    from ipaudit.services import Workspace

    workspace = Workspace.open(path)
    if not workspace.read_only:
        warn_other_writer(path)
    return workspace


def warn_other_writer(path: str) -> None:
    """On standard error: another copy of the app holds the file ``path`` open for writing (a
    shared drive); what it changes after this command read the file is not part of what the
    command did. Every command that opens a workspace file says it."""
    from ipaudit.services.presence import other_writer_warning

    warning = other_writer_warning(path)
    if warning is not None:
        sys.stderr.write(f"ipaudit: {warning.get(lang())}\n")


# --- workspace -------------------------------------------------------------------------------


def new_info(args: argparse.Namespace) -> Any:
    """A new workspace's ``WorkspaceInfo`` from the options of ``new`` or ``team-setup``: the
    audit a month from today unless --audit-start, three days long unless --audit-end, the period
    the audit type asks for unless --period-start/--period-end (an option the command does not
    have counts as not given)."""
    from ipaudit.domain.cycle import default_period
    from ipaudit.domain.model import WorkspaceInfo

    given = vars(args)
    audit_start = args.audit_start or dt.date.today() + dt.timedelta(days=30)
    info = WorkspaceInfo(
        company=args.company,
        edition=Edition(args.edition),
        audit_type=AuditType(args.audit_type),
        audit_start=audit_start,
        audit_end=args.audit_end or audit_start + dt.timedelta(days=2),
        period_start=audit_start,
        period_end=audit_start,
        last_audit=given.get("last_audit"),
        certificate_start=given.get("certificate_start"),
        certificate_end=given.get("certificate_end"),
        system_start=given.get("system_start"),
    )
    start, end = default_period(info)  # the audit type's period unless given
    return replace(
        info,
        period_start=given.get("period_start") or start,
        period_end=given.get("period_end") or end,
    )


@command("new")
def cmd_new(args: argparse.Namespace) -> int:
    from ipaudit.services import Workspace

    info = new_info(args)
    with Workspace.create(
        _new_file(args.workspace), info, separate_procurement=args.separate_procurement
    ) as ws:
        n = len(ws.template.items)
        en = lang() == "en"
        size = counted(n, "item") if en else f"{n} 个条目"
        out(f"{'Created' if en else '已创建'} {ws.path} ({info.edition.value}, {size})")
    return EXIT_OK


@command("demo")
def cmd_demo(args: argparse.Namespace) -> int:
    from ipaudit.demo.build import build_demo

    path = build_demo(_new_file(args.workspace), overwrite=args.force, audit_day=True)
    out(f"{'Demo workspace' if lang() == 'en' else '演示工作区'}: {path}")
    return EXIT_OK


def readiness_json(ws: Any) -> dict[str, Any]:
    overall, per_dep = ws.readiness()
    names = {d.key: d.name for d in ws.departments()}
    return {
        "company": ws.info().company,
        "edition": ws.info().edition.value,
        "overall": _readiness_dict(overall),
        "departments": [
            {"key": k, "name_zh": names[k].zh, "name_en": names[k].en, **_readiness_dict(r)}
            for k, r in per_dep.items()
        ],
    }


def _readiness_dict(r: Any) -> dict[str, Any]:
    return {
        "percent": r.percent,
        "items": r.items,
        "ready_items": r.ready_items,
        "blocking": r.blocking,
        "major": r.by_grade[Grade.MAJOR],
        "minor": r.by_grade[Grade.MINOR],
        "observation": r.by_grade[Grade.OBSERVATION],
    }


@command("readiness")
def cmd_readiness(args: argparse.Namespace) -> int:
    with _open(args.workspace) as ws:
        data = readiness_json(ws)
        if args.json:
            emit_json(data)
            return EXIT_OK
        en = lang() == "en"
        o = data["overall"]
        out(f"{data['company']} — GB/T 29490-{data['edition']}")
        out(
            f"{'Overall readiness' if en else '总体就绪度'}: {o['percent']:.1f}%  ({'blocking' if en else '阻断项'} {o['blocking']})"
        )
        for d in data["departments"]:
            name = d["name_en"] if en else d["name_zh"]
            out(
                f"  {name:<16} {d['percent']:5.1f}%  {d['ready_items']}/{d['items']}  ×{d['major']} ○{d['minor']} △{d['observation']}"
            )
    return EXIT_OK


GRADE_MARK = {Grade.MAJOR: "×", Grade.MINOR: "○", Grade.OBSERVATION: "△"}


def finding_json(f: Finding) -> dict[str, Any]:
    return {
        "key": f.key,
        "code": f.code,
        "grade": f.grade.value,
        "department": f.department,
        "item": f.item_key,
        "message_zh": f.message.zh,
        "message_en": f.message.en,
        "refs": list(f.refs),
        "blocking": f.blocking,
        "accepted": f.accepted,
    }


@command("findings")
def cmd_findings(args: argparse.Namespace) -> int:
    with _open(args.workspace) as ws:
        if args.department is not None:
            ws.department(args.department)  # an unknown department is bad input (exit 4)
        found = ws.findings(args.department)
        if args.grade:
            found = [f for f in found if f.grade.value in args.grade]
        if args.json:
            emit_json([finding_json(f) for f in found])
        else:
            ui_lang = lang()
            for f in found:
                extra = (
                    f"  [{'accepted' if ui_lang == 'en' else '已接受'}: {f.accepted}]"
                    if f.accepted
                    else ""
                )
                out(
                    f"{GRADE_MARK[f.grade]} {f.department:<12} {f.item_key:<28} {f.message.get(ui_lang)}{extra}"
                )
            if not found:
                out("No findings." if ui_lang == "en" else "没有发现问题。")
        if args.fail_on:
            worst = {Grade(g) for g in args.fail_on}
            if any(f.grade in worst and f.blocking for f in found):
                return EXIT_BLOCKING
    return EXIT_OK


@command("items")
def cmd_items(args: argparse.Namespace) -> int:
    with _open(args.workspace) as ws:
        ws.department(args.department)
        states = ws.states()
        by_item: dict[str, list[Finding]] = {}
        for f in ws.findings(args.department):
            by_item.setdefault(f.item_key, []).append(f)
        evidence_count: dict[str, int] = {}
        for ev in ws.evidence():
            evidence_count[ev.item_key] = evidence_count.get(ev.item_key, 0) + 1
        rows = []
        for item in ws.items_of(args.department):
            state = states.get(item.key)
            worst = worst_grade(f for f in by_item.get(item.key, []) if f.blocking)
            rule = item_rule(ws.template, item)
            rows.append(
                {
                    "key": item.key,
                    "clause": item.clause,
                    "refs": {
                        ed: {"clause": r.clause, "confirmed": r.confirmed}
                        for ed, r in item.refs.items()
                    },
                    "title_zh": item.title.zh,
                    "title_en": item.title.en,
                    "kind": item.kind.value,
                    # ready only without an open blocking finding; "marked": as set by hand
                    "status": effective_status(
                        state, by_item.get(item.key, []), mandatory=rule.mandatory
                    ).value,
                    "marked": (state.status if state else Status.NOT_STARTED).value,
                    "na_reason": state.na_reason if state else "",
                    "mandatory": rule.mandatory,
                    "time_rule": rule.time_rule.value if rule.time_rule else None,
                    "evidence": evidence_count.get(item.key, 0),
                    "worst_finding": worst.value if worst else None,
                    "questions": [
                        {
                            "key": q.key,
                            "zh": q.text.zh,
                            "en": q.text.en,
                            "fact": q.fact,
                            "answer": (state.answers.get(q.key) if state else None),
                        }
                        for q in item.questions
                    ],
                }
            )
        if args.json:
            emit_json(rows)
            return EXIT_OK
        ui_lang = lang()
        for r in rows:
            mark = {"major": "×", "minor": "○"}.get(r["worst_finding"] or "", " ")
            title = r["title_en"] if ui_lang == "en" else r["title_zh"]
            out(
                f"{mark} {r['clause']:<8} {r['key']:<30} {r['status']:<15} {r['evidence']:>3}  {title}"
            )
    return EXIT_OK


@command("status")
def cmd_status(args: argparse.Namespace) -> int:
    from ipaudit.store.workspace_store import status_from_text

    with _open(args.workspace) as ws:
        state = ws.set_status(
            args.item, status_from_text(args.status), args.reason or "", force=args.force
        )
        out(f"{args.item}: {state.status.value}")
    return EXIT_OK


@command("answer")
def cmd_answer(args: argparse.Namespace) -> int:
    with _open(args.workspace) as ws:
        ws.answer(args.item, args.question, args.text)
        ui_lang = lang()
        for f in ws.findings():
            if (
                f.item_key == args.item
                and f.code == "answer_contradicts_fact"
                and args.question in f.refs
            ):
                out(f"{GRADE_MARK[f.grade]} {f.message.get(ui_lang)}")
                break
        else:
            out("OK")
    return EXIT_OK


@command("attach")
def cmd_attach(args: argparse.Namespace) -> int:
    with _open(args.workspace) as ws:
        meta = {
            k: v
            for k, v in {
                "title": args.title,
                "doc_number": args.doc_number,
                "version": args.version,
                "doc_date": args.date,
                "period_start": args.period_start,
                "period_end": args.period_end,
            }.items()
            if v
        }
        refused = None if args.force else ws.attach_refusal(args.item, args.file)
        if refused is not None:  # an empty file, or contents the item holds already
            hint = {"zh": "如确需附上，请加 --force。", "en": " To attach it anyway, add --force."}
            sys.stderr.write(f"ipaudit: {refused.message(lang())}{hint[lang()]}\n")
            return EXIT_INPUT
        if not args.date and Path(args.file).is_file():  # (a pipe would be read before attach
            _propose_dates(ws, args.file, meta)  # refuses it)
        ev = ws.attach(
            args.item, args.file, slot=args.slot or "", progress=progress_line(), force=True, **meta
        )  # (asked above: --force, or nothing to refuse)
        warnings = ws.attach_warnings(ev)
        for warning in warnings:
            sys.stderr.write(f"ipaudit: {warning.get(lang())}\n")
        if args.json:
            emit_json(
                {
                    **evidence_json(ev),
                    "warnings": [{"message_zh": w.zh, "message_en": w.en} for w in warnings],
                }
            )
        else:
            out(f"{ev.id}  {ev.sha256}  {ev.size}  {ev.original_name}")
    return EXIT_OK


def _propose_dates(ws: Any, source: str, meta: dict[str, Any]) -> None:
    """No --date: take the date the file suggests and say which, or warn that it has none."""
    from ipaudit.services.evidence_dates import number_note

    proposal = ws.propose_dates(source)
    note = number_note(proposal)  # HT-20250101: a number, not the date
    if note is not None:
        sys.stderr.write(f"ipaudit: {pick(note.zh, note.en)}\n")
    if proposal.period_start is not None and "period_start" not in meta:
        meta["period_start"], meta["period_end"] = proposal.period_start, proposal.period_end
    where = {
        "name": ("文件名", "its name"),
        "text": ("文件正文", "its text"),
        "properties": ("文档属性", "its document properties"),
        "pdf": ("PDF 元数据", "its PDF metadata"),
    }
    unread = {
        "locked": ("文件已加密", "it is encrypted"),
        "too_large": ("文件过大", "it is too large to be read"),
        "damaged": (
            "文件无法读取（已损坏或与扩展名不符）",
            "it cannot be read (damaged, or not what its name says)",
        ),
    }.get(proposal.unread)
    if unread is not None:  # (its name and document properties may still give the date)
        sys.stderr.write(
            "ipaudit: "
            + pick(
                f"{unread[0]}，未从其内容中读取日期。",
                f"Its contents were not read for a date: {unread[1]}.",
            )
            + "\n"
        )
    if proposal.doc_date is None and proposal.doubtful is not None:
        found, (zh, en) = proposal.doubtful.isoformat(), where[proposal.doubtful_source]
        sys.stderr.write(
            "ipaudit: "
            + pick(
                f"{zh}中的日期 {found} 不可信（在未来或 2000 年以前），未采用；"
                "请用 --date 给出文件日期。",
                f"The date {found} in {en} is doubtful (in the future or before 2000) and was not"
                " taken; give the document's date with --date.",
            )
            + "\n"
        )
        return
    if proposal.doc_date is None and (meta.get("period_start") or meta.get("period_end")):
        return  # dated by the period it covers (a framework agreement's validity): not undated
    if proposal.doc_date is None:
        sys.stderr.write(
            "ipaudit: "
            + pick(
                "文件没有可识别的日期；无日期的记录不能证明任何事，请用 --date 给出文件日期。",
                "The file shows no date; an undated record proves nothing. Give its date with"
                " --date.",
            )
            + "\n"
        )
        return
    meta["doc_date"] = proposal.doc_date
    day = proposal.doc_date.isoformat()
    sys.stderr.write(
        "ipaudit: "
        + pick(
            f"文件日期取自{where[proposal.source][0]}：{day}（如有误，请用 --date 更正）。",
            f"Document date {day}, taken from {where[proposal.source][1]} (correct it with --date"
            " if wrong).",
        )
        + "\n"
    )


def pick(zh: str, en: str) -> str:
    """One of a message's two languages, as the command line speaks."""
    return zh if lang() == "zh" else en


def evidence_json(ev: Any) -> dict[str, Any]:
    return {
        "id": ev.id,
        "item": ev.item_key,
        "slot": ev.slot,
        "department": ev.department,
        "title": ev.title,
        "original_name": ev.original_name,
        "size": ev.size,
        "sha256": ev.sha256,
        "doc_number": ev.doc_number,
        "version": ev.version,
        "doc_date": ev.doc_date,
        "period_start": ev.period_start,
        "period_end": ev.period_end,
        "current": ev.current,  # False: an older version a newer file replaced
        "supersedes": ev.supersedes,  # the older version this file replaced
        "last_cycle": ev.last_cycle,  # carried over from the previous cycle's workspace
    }


@command("evidence")
def cmd_evidence(args: argparse.Namespace) -> int:
    with _open(args.workspace) as ws:
        if args.item is not None:
            ws.item(args.item)  # an unknown item is bad input (exit 4)
        rows = [evidence_json(e) for e in ws.evidence(args.item, include_old=args.include_old)]
        if args.json:
            emit_json(rows)
        else:
            for r in rows:
                out(
                    f"{r['id']:>5}  {r['item']:<28} {r['sha256'][:12]}  {r['size']:>10}  {r['original_name']}"
                )
    return EXIT_OK


def progress_line(label: str = "") -> Callable[[int, int], None]:
    """A percentage on one stderr line, redrawn in place; only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return lambda _done, _total: None
    last = [-1]
    prefix = f"{label} " if label else ""

    def show(done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        if pct != last[0]:
            last[0] = pct
            sys.stderr.write(f"\r{prefix}{pct:3d}%")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return show


@command("facts")
def cmd_facts(args: argparse.Namespace) -> int:
    from ipaudit.store.codec import facts_to_sections

    with _open(args.workspace) as ws:
        emit_json(facts_to_sections(ws.facts()))
    return EXIT_OK


@command("set-fact")
def cmd_set_fact(args: argparse.Namespace) -> int:
    with _open(args.workspace) as ws:
        ws.set_fact(args.key, args.value)
        out("OK")
    return EXIT_OK


FACT_KEYS = (
    "policy, headcount.<dept>, duties.<dept>, certificates (、 or , separated), portfolio.<type>,"
    " extra.<key>, manual-objectives (; separated), objective.<key> ="
    " text|target|unit|dept=share,dept=share (empty value removes it), procedure.<code> ="
    " title|dept (empty value removes it), budget.<category> (yuan), nonconformities.open (the"
    " last audit's still open)"
)


def _warn_roles_missing(ws: Any) -> None:
    """On standard error: on a team workspace, the departments whose heads have no role yet."""
    from ipaudit.services import team_items

    note = team_items.roles_missing_note(team_items.roles_missing(ws))
    if note is not None:
        sys.stderr.write(f"ipaudit: {note.get(lang())}\n")


@command("departments")
def cmd_departments(args: argparse.Namespace) -> int:
    if args.action != "list" and not args.key:
        raise InvalidInput(
            f"请给出部门键（departments W {args.action} KEY）。",
            f"Give the department's key (departments W {args.action} KEY).",
        )
    if args.action in ("rename", "add") and args.zh is None and args.en is None:
        raise InvalidInput(
            "请用 --zh（及 --en）给出部门名称。", "Give the department's name with --zh (and --en)."
        )
    if args.action == "merge" and not args.into:
        raise InvalidInput(
            "请用 --into 给出合并到的部门。", "Give the department to merge into with --into."
        )
    with _open(args.workspace) as ws:
        if args.action == "rename":
            ws.rename_department(args.key, args.zh or ws.department(args.key).name.zh, args.en)
        elif args.action == "add":
            ws.add_department(args.key, args.zh or args.en, args.en or args.zh)
            _warn_roles_missing(ws)
        elif args.action == "merge":
            ws.merge_department(args.key, args.into)
        elif args.action in ("absent", "present"):
            ws.set_department_absent(args.key, args.action == "absent")
        rows = [
            {
                "key": d.key,
                "name_zh": d.name.zh,
                "name_en": d.name.en,
                "absent": d.absent,
                "merged_into": d.merged_into,
            }
            for d in ws.departments()
        ]
        if args.json:
            emit_json(rows)
        else:
            for r in rows:
                flag = (
                    " (absent)"
                    if r["absent"]
                    else (f" → {r['merged_into']}" if r["merged_into"] else "")
                )
                out(f"{r['key']:<14} {r['name_zh']} / {r['name_en']}{flag}")
    return EXIT_OK


@command("accept")
def cmd_accept(args: argparse.Namespace) -> int:
    with _open(args.workspace) as ws:
        # what is stored now is the base: an explanation someone else stores while the findings
        # are checked is a conflict naming who and when, never silently replaced
        base = ws.acceptances().get(args.key, "")
        keys = {f.key for f in ws.findings()}
        if args.key not in keys:
            raise InvalidInput(
                f"没有键为“{args.key}”的发现项（findings --json 列出键）。",
                f"No finding has the key '{args.key}' (findings --json lists the keys).",
            )
        try:
            if args.withdraw:
                ws.unaccept(args.key, base=base)
            else:
                ws.accept(args.key, args.explanation or "", base=base)
        except EditConflict as exc:
            sys.stderr.write(f"ipaudit: {_acceptance_conflict(exc, args.key, lang())}\n")
            return EXIT_WORKSPACE
        out("OK")
    return EXIT_OK


def _acceptance_conflict(exc: EditConflict, key: str, ui_lang: str) -> str:
    """The sentence for an acceptance another person changed meanwhile: who, when, and what to do
    (the command line keeps nothing typed, so it says to look and run the command again)."""
    when = exc.at.strftime("%Y-%m-%d %H:%M:%S") if exc.at else ""
    if ui_lang == "en":
        return (
            f"{exc.by or 'Someone else'} changed the acceptance of the finding '{key}'"
            f"{' at ' + when if when else ''} while this command ran; nothing was saved. Look at"
            " it (findings) and run accept again if it must still change."
        )
    return (
        f"发现项“{key}”的接受说明已被 {exc.by or '他人'}{' 于 ' + when + ' ' if when else ''}"
        "修改（在本命令运行期间）；没有保存任何内容。请先查看（findings），如仍需修改，请再次运行 accept。"
    )


@command("template")
def cmd_template(args: argparse.Namespace) -> int:
    """Export the workspace's own checklist copy, or replace it with an edited one (validated)."""
    from ipaudit.services.templates import export_template, import_template

    with _open(args.workspace) as ws:
        if args.import_file:
            template = import_template(ws, args.import_file)
            _warn_roles_missing(ws)
            n = len(template.items)
            out(f"OK ({counted(n, 'item')})" if lang() == "en" else f"OK（{n} 个条目）")
        elif args.export_file:
            out(str(export_template(ws, args.export_file)))
        else:
            sys.stdout.write(ws.template_yaml())
    return EXIT_OK


# --- parser ----------------------------------------------------------------------------------


def workspace_command(sub: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """A sub-command whose first argument is the workspace file."""
    c: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
    c.add_argument("workspace", help="workspace file (*.ipaudit)")
    return c


def evidence_fields(c: argparse.ArgumentParser) -> None:
    """The options that describe an evidence file (attach and evidence-edit)."""
    c.add_argument("--slot", help="record-set slot <n>/<sub-record> or year:<YYYY>")
    c.add_argument("--title")
    c.add_argument("--doc-number")
    c.add_argument("--version")
    c.add_argument("--date", type=parse_date, help="document date")
    c.add_argument("--period-start", type=parse_date)
    c.add_argument("--period-end", type=parse_date)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ipaudit", description="GB/T 29490 audit readiness (知识产权贯标外审准备)"
    )
    p.add_argument(
        "--read-only",
        action="store_true",
        help="open the workspace read-only: read and export, every edit refused",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ws_cmd = partial(workspace_command, sub)

    c = ws_cmd("new", "create a workspace for one audit cycle")
    c.add_argument("--company", required=True)
    c.add_argument("--edition", choices=[e.value for e in Edition], default="2023")
    c.add_argument("--audit-type", choices=[a.value for a in AuditType], default="initial")
    c.add_argument("--audit-start", type=parse_date)
    c.add_argument("--audit-end", type=parse_date)
    c.add_argument(
        "--period-start",
        type=parse_date,
        help="default by audit type: initial from --system-start, surveillance from the day after"
        " --last-audit, recertification from --certificate-start (else 1 or 3 years back)",
    )
    c.add_argument("--period-end", type=parse_date, help="default: the day before the audit")
    c.add_argument("--last-audit", type=parse_date, help="first day of the previous audit")
    c.add_argument("--certificate-start", type=parse_date, help="the certificate's start date")
    c.add_argument("--certificate-end", type=parse_date, help="the certificate's expiry date")
    c.add_argument(
        "--system-start", type=parse_date, help="the IP manual's issue date (system start)"
    )
    c.add_argument(
        "--separate-procurement", action="store_true", help="procurement as its own department"
    )

    c = ws_cmd("demo", "create the demo workspace (a fictional company)")
    c.add_argument("--force", action="store_true", help="overwrite an existing file")

    c = ws_cmd("readiness", "readiness per department and overall")
    c.add_argument("--json", action="store_true")

    c = ws_cmd("findings", "list findings")
    c.add_argument("--department")
    c.add_argument("--grade", action="append", choices=[g.value for g in Grade])
    c.add_argument(
        "--fail-on",
        action="append",
        choices=[g.value for g in Grade],
        help="exit 1 if such a blocking finding exists",
    )
    c.add_argument("--json", action="store_true")

    c = ws_cmd("items", "list the checklist items of a department")
    c.add_argument("department")
    c.add_argument("--json", action="store_true")

    c = ws_cmd("status", "set an item's status")
    c.add_argument("item")
    c.add_argument("status", help=", ".join(s.value for s in Status))
    c.add_argument("--reason", help="required reason when not_applicable")
    c.add_argument(
        "--force",
        action="store_true",
        help="mark ready although a blocking finding is open (the finding stays)",
    )

    c = ws_cmd("answer", "answer an auditor question of an item")
    c.add_argument("item")
    c.add_argument("question")
    c.add_argument("text")

    c = ws_cmd("attach", "attach an evidence file to an item")
    c.add_argument("item")
    c.add_argument("file")
    evidence_fields(c)
    c.add_argument(
        "--force",
        action="store_true",
        help="attach an empty file, or one whose contents the item holds already (refused"
        " otherwise; it never counts as a record of its own)",
    )
    c.add_argument("--json", action="store_true")

    c = ws_cmd("evidence", "list evidence files")
    c.add_argument("--item")
    c.add_argument(
        "--include-old", action="store_true", help="also the older versions a file replaced"
    )
    c.add_argument("--json", action="store_true")

    ws_cmd("facts", "print the declared facts as JSON")
    c = ws_cmd("set-fact", "declare one fact of the IP manual")
    c.add_argument("key", help=FACT_KEYS)
    c.add_argument("value")

    c = ws_cmd("departments", "list or change departments")
    c.add_argument(
        "action",
        nargs="?",
        choices=["list", "rename", "add", "merge", "absent", "present"],
        default="list",
    )
    c.add_argument("key", nargs="?")
    c.add_argument("--zh")
    c.add_argument("--en")
    c.add_argument("--into")
    c.add_argument("--json", action="store_true")

    c = ws_cmd("template", "export or replace the workspace's own (editable) checklist")
    group = c.add_mutually_exclusive_group()
    group.add_argument(
        "--export", dest="export_file", metavar="FILE", help="write the checklist YAML to FILE"
    )
    group.add_argument(
        "--import", dest="import_file", metavar="FILE", help="replace it with FILE (validated)"
    )

    c = ws_cmd("accept", "accept a finding with a written explanation (or withdraw it)")
    c.add_argument("key", help="the finding's key (findings --json)")
    c.add_argument("explanation", nargs="?", help="why the difference is acceptable")
    c.add_argument("--withdraw", action="store_true", help="withdraw an earlier acceptance")

    for module in command_modules():
        module.configure(sub)
    unhandled = sorted(set(sub.choices) - set(COMMANDS))
    if unhandled:  # a parser without its handler: a wiring mistake, never a silent gap
        raise RuntimeError(f"commands without a handler: {', '.join(unhandled)}")
    return p


def command_modules() -> tuple[ModuleType, ...]:
    """The further command groups, each with ``configure(sub)`` adding its sub-parsers (their
    handlers register with ``@command`` when the module is imported, here). Imported by name in
    code: a missing module fails at once."""
    from ipaudit import cli_audit, cli_cycle, cli_export, cli_ledger, cli_ops, cli_team

    return (cli_ledger, cli_export, cli_cycle, cli_ops, cli_audit, cli_team)


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    ui_lang = lang()
    bad = undecodable_argument(argv)
    if bad is not None:
        sys.stderr.write(f"ipaudit: {bad.message(ui_lang)}\n")
        return EXIT_INPUT
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    except UserError as exc:  # a value the argument types refused (a date, a number of days)
        sys.stderr.write(f"ipaudit: {exc.message(ui_lang)}\n")
        return EXIT_INPUT
    restore = None
    if args.read_only:  # every workspace this command opens
        from ipaudit.store.workspace_store import read_only_opening

        restore = read_only_opening()
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:  # the reader went away (``… | head``): nothing more to say
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Cancelled:
        sys.stderr.write("ipaudit: cancelled\n")
        return EXIT_CANCELLED
    except UnicodeEncodeError:  # a file's name with bytes that are not UTF-8, to be stored
        sys.stderr.write(
            "ipaudit: "
            + (
                "A file name holds bytes that are not UTF-8 text, so it cannot be stored; rename"
                " the file and try again.\n"
                if ui_lang == "en"
                else "文件名含有不是 UTF-8 文本的字节，无法保存；请重命名文件后重试。\n"
            )
        )
        return EXIT_INPUT
    except Exception as exc:
        for kind, code in EXPECTED_ERRORS:
            if isinstance(exc, kind):
                message = exc.message(ui_lang) if hasattr(exc, "message") else str(exc)
                sys.stderr.write(f"ipaudit: {message}\n")
                return code
        if isinstance(exc, OSError):  # a file the system refused: a name too long, no access …
            return _os_error(exc, args, ui_lang)
        raise
    finally:
        if restore is not None:
            restore()


def _os_error(exc: OSError, args: argparse.Namespace, ui_lang: str) -> int:
    """One sentence for a file the operating system refused; exit 3 when it is the workspace."""
    name = str(exc.filename or "")
    shown = printable(name if len(name) <= 80 else name[:80] + "…")
    reason = exc.strerror or type(exc).__name__
    if ui_lang == "en":
        message = (
            f"The file {shown} could not be used ({reason}). Check its name, that it exists and"
            " that you may read and write its folder; then try again."
        )
    else:
        why = reason_zh(exc)  # never the system's English in a Chinese sentence
        message = (
            f"无法使用文件 {shown}{'（' + why + '）' if why else ''}。请检查文件名、文件是否存在以及对其"
            "文件夹的读写权限，然后重试。"
        )
    sys.stderr.write(f"ipaudit: {message}\n")
    workspace = getattr(args, "workspace", None)
    return EXIT_WORKSPACE if workspace and name == str(workspace) else EXIT_INPUT
