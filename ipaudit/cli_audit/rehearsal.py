"""Command line for interview rehearsal: ``rehearse`` asks a department's questions one at a time
(answers read from standard input, one line each, so it can be scripted) and ``rehearsal-results``
shows each department's interview readiness and each person's result."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, lang, out
from ipaudit.text import counted


def _pick(zh: str, en: str) -> str:
    return en if lang() == "en" else zh


@command("rehearse")
def cmd_rehearse(args: argparse.Namespace) -> int:
    from ipaudit.services import rehearsal

    with cli._open(args.workspace) as ws:
        dep = rehearsal.resolve_department(ws, args.department)
        asked = rehearsal.questions(ws, dep)
        if args.retry:
            last = {a.question: a for a in rehearsal.attempts(ws, dep, args.person)}
            asked = [q for q in asked if q.key not in last or not last[q.key].passed]
        ui_lang = lang()
        results: list[dict[str, Any]] = []
        if not args.json:
            out(
                _pick(
                    f"{len(asked)} 个问题；每行输入一个回答，空行跳过，输入结束（Ctrl+D）停止。",
                    f"{counted(len(asked), 'question')}; type one answer per line, an empty line"
                    " skips,"
                    " end of input (Ctrl+D) stops.",
                )
            )
        for n, q in enumerate(asked, 1):
            if not args.json:
                where = f"{q.item.clause} " if q.item else ""
                out(f"\n[{n}/{len(asked)}] {where}{q.text.get(ui_lang)}")
                sys.stdout.flush()
            line = sys.stdin.readline()
            if not line:
                break
            answer = line.rstrip("\r\n")
            if not answer.strip():
                continue
            attempt = rehearsal.record_answer(ws, dep, args.person, q.key, answer)
            official = q.official_text(ui_lang) or ""
            results.append(
                {
                    "question": q.key,
                    "text": q.text.get(ui_lang),
                    "answer": attempt.answer,
                    "passed": attempt.passed,
                    "differences": [d.text().get(ui_lang) for d in attempt.differences],
                    "official": official,
                }
            )
            if args.json:
                continue
            if attempt.passed:
                out("  ✓ " + _pick("与统一口径一致。", "Agrees with the official answer."))
            else:
                out("  ✗ " + _pick("与统一口径不一致：", "Differs from the official answer:"))
                for d in attempt.differences:
                    out(f"    - {d.text().get(ui_lang)}")
                out("    " + _pick("统一口径：", "Official answer: ") + official)
        right = sum(1 for r in results if r["passed"])
        if args.json:
            emit_json(
                {
                    "department": dep,
                    "person": args.person,
                    "asked": len(asked),
                    "answered": len(results),
                    "right": right,
                    "answers": results,
                }
            )
        else:
            out(
                "\n"
                + _pick(
                    f"作答 {len(results)} 题，答对 {right} 题。",
                    f"Answered {len(results)}, right {right}.",
                )
            )
    return EXIT_OK


@command("rehearsal-results")
def cmd_rehearsal_results(args: argparse.Namespace) -> int:
    from ipaudit.services import rehearsal

    with cli._open(args.workspace) as ws:
        dep = rehearsal.resolve_department(ws, args.department) if args.department else None
        ready = rehearsal.readiness(ws)
        people = rehearsal.results(ws, dep)
        if dep is not None:
            ready = {dep: ready[dep]}
        if args.json:
            emit_json(
                {
                    "departments": [rehearsal.readiness_json(r) for r in ready.values()],
                    "people": [rehearsal.result_json(r) for r in people],
                }
            )
            return EXIT_OK
        ui_lang = lang()
        names = {d.key: d.name.get(ui_lang) for d in ws.departments()}
        out(
            _pick(
                "面谈准备度（最近一次回答正确的问题占比）",
                "Interview readiness (share of questions last answered right)",
            )
        )
        for r in ready.values():
            out(
                f"  {cli.pad(names.get(r.department, r.department), 30)} {r.percent:>5.1f}%"
                f"  {r.right}/{r.questions}"
                + _pick(
                    f"（已答 {r.answered}，{r.people} 人演练）",
                    f" (answered {r.answered}, {r.people} rehearsed)",
                )
            )
        if people:
            out("")
            out(_pick("个人结果", "Results per person"))
            for p in people:
                out(
                    f"  {cli.pad(names.get(p.department, p.department), 30)}"
                    f" {cli.pad(p.person, 12)} {p.right}/{p.questions}"
                    + _pick(
                        f"（已答 {p.answered}，共 {p.attempts} 次）",
                        f" (answered {p.answered}, {counted(p.attempts, 'attempt')})",
                    )
                )
    return EXIT_OK


def configure(sub: Any) -> None:
    ws_cmd = partial(cli.workspace_command, sub)

    c = ws_cmd(
        "rehearse",
        "rehearse a department's interview: its questions one at a time, each answer (one line"
        " of standard input) compared with the official answer and kept",
    )
    c.add_argument("department", metavar="DEPT", help="department key or name")
    c.add_argument("--person", required=True, help="the name of the person answering")
    c.add_argument(
        "--retry", action="store_true", help="only the questions this person has not got right"
    )
    c.add_argument("--json", action="store_true", help="no prompts; the results as JSON")

    c = ws_cmd(
        "rehearsal-results", "interview readiness per department and each person's rehearsal"
    )
    c.add_argument("--department", metavar="DEPT", help="one department (key or name)")
    c.add_argument("--json", action="store_true")
