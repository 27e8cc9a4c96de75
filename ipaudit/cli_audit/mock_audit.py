"""Command line for the mock audit: draw the samples, record what each showed, write the reports.

ipaudit mock-audit-draw W --seed 42 [--plan FILE] [--auditor NAME …]
ipaudit mock-audit W [AUDIT] [--department D] [--json]  (AUDIT: its key, or "latest")
ipaudit mock-audit-record W AUDIT SAMPLE --grade minor --note "…"
ipaudit mock-audit-record W AUDIT S15 --policy yes --role no --person 王五
ipaudit mock-audit-actions W AUDIT                    (an action per nonconformity)
ipaudit mock-audit-report W AUDIT -o DIR
"""

from __future__ import annotations

import argparse
from functools import partial
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, lang, out, parse_date
from ipaudit.store.errors import InvalidInput

YES = {"yes", "y", "true", "1", "能", "是", "对"}
NO = {"no", "n", "false", "0", "不能", "否", "不"}


def _yes_no(text: str | None, what: str) -> bool | None:
    if text is None:
        return None
    value = text.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise InvalidInput(
        f"{what} 的值“{text}”应为 yes/能 或 no/不能。",
        f"The value '{text}' of {what} must be yes or no.",
    )


def _show(audit: Any, ui: str) -> None:
    from ipaudit.domain.mock_audit import RESULT_TEXT

    en = ui == "en"
    out(
        f"{audit.key}  {audit.date}  "
        + ("seed " if en else "随机种子 ")
        + f"{audit.seed}  "
        + (
            f"{audit.walked}/{len(audit.samples)} walked"
            if en
            else f"已审核 {audit.walked}/{len(audit.samples)}"
        )
    )
    for s in audit.samples:
        result = RESULT_TEXT[s.result].get(ui) if s.result else ("-" if en else "未审核")
        who = f" [{s.person}]" if s.person else ""
        out(f"  {s.key}  {cli.pad(result, 16)} {s.label.get(ui)}{who}")


@command("mock-audit-draw")
def cmd_draw(args: argparse.Namespace) -> int:
    from ipaudit.services import mock_audit

    plan = mock_audit.load_plan(args.plan) if args.plan else None
    with cli._open(args.workspace) as ws:
        audit = mock_audit.draw_audit(
            ws, seed=args.seed, plan=plan, date=args.date, auditors=tuple(args.auditor or ())
        )
        short = mock_audit.shortfalls(ws, audit)
        if args.json:
            data = dict(mock_audit.audit_json(audit))
            data["shortfalls"] = [{"stratum": s.key, "count": s.count, "have": n} for s, n in short]
            emit_json(data)
            return EXIT_OK
        ui = lang()
        _show(audit, ui)
        for stratum, have in short:
            out(
                f"! {stratum.title.get(ui)}: "
                + (
                    f"the plan asks {stratum.count}, the workspace holds {have}"
                    if ui == "en"
                    else f"方案要求 {stratum.count} 份，工作区只有 {have} 份"
                )
            )
    return EXIT_OK


@command("mock-audit")
def cmd_show(args: argparse.Namespace) -> int:
    from ipaudit.services import departments, mock_audit

    with cli._open(args.workspace) as ws:
        # a key or a name; bad input naming the departments when there is none
        only = (
            departments.department_key(ws, args.department, absent=True)
            if args.department
            else None
        )
        if args.audit is None:
            found = [mock_audit.department_audit(ws, a, only) for a in mock_audit.audits(ws)]
            if args.json:
                emit_json([mock_audit.audit_json(a) for a in found])
                return EXIT_OK
            for a in found:
                nc = len(a.nonconformities())
                out(f"{a.key}  {a.date}  {a.walked}/{len(a.samples)}  NC {nc}")
            return EXIT_OK
        audit = mock_audit.get(ws, args.audit)
        if any(v is not None for v in (args.scope, args.summary, args.conclusion, args.auditor)):
            audit = mock_audit.set_details(
                ws,
                audit,
                auditors=None if args.auditor is None else tuple(args.auditor),
                scope=args.scope,
                summary=args.summary,
                conclusion=args.conclusion,
            )
        audit = mock_audit.department_audit(ws, audit, only)
        if args.json:
            emit_json(mock_audit.audit_json(audit))
        else:
            _show(audit, lang())
    return EXIT_OK


@command("mock-audit-record")
def cmd_record(args: argparse.Namespace) -> int:
    from ipaudit.services import mock_audit

    with cli._open(args.workspace) as ws:
        audit = mock_audit.get(ws, args.audit)
        policy = _yes_no(args.policy, "--policy")
        role = _yes_no(args.role, "--role")
        given = mock_audit.parse_result(ws, args.grade) if args.grade else None
        if policy is not None or role is not None:
            if policy is None or role is None:
                raise InvalidInput(
                    "员工意识抽问须同时给出 --policy 和 --role。",
                    "A staff awareness answer needs both --policy and --role.",
                )
            audit = mock_audit.record_awareness(
                ws,
                audit,
                args.sample,
                policy_ok=policy,
                role_ok=role,
                person=args.person,
                note=args.note,
                grade=given,
            )
        elif args.grade:
            audit = mock_audit.record(
                ws,
                audit,
                args.sample,
                mock_audit.parse_result(ws, args.grade),
                note=args.note,
                evidence_seen=args.evidence,
            )
        else:
            raise InvalidInput(
                "请用 --grade 给出结果，或用 --policy/--role 记录员工意识抽问。",
                "Give the result with --grade, or a staff awareness answer with --policy/--role.",
            )
        sample = audit.sample(args.sample)
        from ipaudit.domain.mock_audit import RESULT_TEXT, grade_changed

        changed = None
        if sample is not None and (policy is not None or role is not None):
            changed = grade_changed(sample, given)
        if args.json:
            data = mock_audit.audit_json(audit)
            if changed is not None:
                data["grade_changed"] = {"zh": changed.zh, "en": changed.en}
            emit_json(data)
        elif sample is not None:
            ui = lang()
            result = RESULT_TEXT[sample.result].get(ui) if sample.result else "-"
            out(f"{audit.key} {sample.key}: {result}  ({audit.walked}/{len(audit.samples)})")
            if changed is not None:
                out(changed.get(ui))
    return EXIT_OK


@command("mock-audit-actions")
def cmd_actions(args: argparse.Namespace) -> int:
    from ipaudit.services import corrective_actions, mock_audit

    with cli._open(args.workspace) as ws:
        made = corrective_actions.raise_from_mock_audit(ws, mock_audit.get(ws, args.audit))
        if args.json:
            emit_json([corrective_actions.action_row_json(a) for a in made])
            return EXIT_OK
        for a in made:
            out(f"{a.key}  {a.origin}  {a.finding}")
        if not made:
            out("No new nonconformity." if lang() == "en" else "没有新的不符合项。")
    return EXIT_OK


@command("mock-audit-report")
def cmd_report(args: argparse.Namespace) -> int:
    from ipaudit.services import mock_audit

    with cli._open(args.workspace) as ws:
        audit = mock_audit.get(ws, args.audit)
        files = mock_audit.write_reports(ws, audit, args.output, lang=args.lang or lang())
    if args.json:
        emit_json([str(f) for f in files])
    else:
        for f in files:
            out(str(f))
    return EXIT_OK


def configure(sub: Any) -> None:
    ws_cmd = partial(cli.workspace_command, sub)

    c = ws_cmd("mock-audit-draw", "draw a mock audit's samples the way an auditor does")
    c.add_argument("--seed", type=int, help="random seed (the same seed draws the same samples)")
    c.add_argument("--plan", help="sampling plan (YAML; default: the built-in plan)")
    c.add_argument("--auditor", action="append", help="an auditor's name (repeat for more)")
    c.add_argument("--date", type=parse_date, help="the mock audit's date (default: today)")
    c.add_argument("--json", action="store_true")

    c = ws_cmd("mock-audit", "list the mock audits, or show one (and set its report's details)")
    c.add_argument("audit", nargs="?", help='mock audit key, or "latest"')
    c.add_argument("--scope", help="the audit's scope as the report states it")
    c.add_argument("--summary", help="the report's summary (default: the tally)")
    c.add_argument("--conclusion", help="the report's conclusion (default: from the results)")
    c.add_argument("--auditor", action="append", help="set the auditors (repeat for more)")
    c.add_argument("--department", help="only this department's samples (its key)")
    c.add_argument("--json", action="store_true")

    c = ws_cmd("mock-audit-record", "record what one sample showed")
    c.add_argument("audit", help='mock audit key, or "latest"')
    c.add_argument("sample", help="sample key (S01 …)")
    c.add_argument("--grade", help="conform, observation, minor or major (符合/观察项/一般/严重)")
    c.add_argument("--note", help="what was found")
    c.add_argument("--evidence", help="the evidence looked at")
    c.add_argument("--policy", help="awareness: could state the policy (yes/no)")
    c.add_argument("--role", help="awareness: could state their part in it (yes/no)")
    c.add_argument("--person", help="awareness: the employee's name")
    c.add_argument("--json", action="store_true")

    c = ws_cmd("mock-audit-actions", "open a corrective action for every nonconformity found")
    c.add_argument("audit", help='mock audit key, or "latest"')
    c.add_argument("--json", action="store_true")

    c = ws_cmd("mock-audit-report", "write the internal audit report and nonconformity reports")
    c.add_argument("audit", help='mock audit key, or "latest"')
    c.add_argument("-o", "--output", required=True, help="folder for the reports")
    c.add_argument("--lang", choices=["zh", "en"], help="language of the reports")
    c.add_argument("--json", action="store_true")
