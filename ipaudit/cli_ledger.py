"""Command line for the finance ledgers: import into a workspace, review, and a one-off reconcile."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, lang, out
from ipaudit.ledger.discrepancies import kind_text, suggest_grade
from ipaudit.ledger.importer import import_ledger, import_workbook, preview
from ipaudit.ledger.model import Discrepancy, ImportResult, LedgerKind, Problem
from ipaudit.ledger.rates import RateTable, RateTableError
from ipaudit.ledger.reconcile import Reconciliation, reconcile
from ipaudit.ledger.synonyms import FIELDS
from ipaudit.store.errors import InvalidInput


def _mapping(text: str | None) -> dict[str, int] | None:
    """``date=1,person=2,amount=6`` (1-based columns as Excel shows them, or letters A, B …)."""
    if not text:
        return None
    from openpyxl.utils import column_index_from_string  # (only here: openpyxl loads slowly)

    mapping: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, _, col = part.partition("=")
        if name not in FIELDS:
            raise InvalidInput(
                f"未知字段“{name}”（可用：{', '.join(FIELDS)}）",
                f"Unknown field '{name}' (known: {', '.join(FIELDS)})",
            )
        col = col.strip().upper()
        try:
            mapping[name] = int(col) - 1 if col.isdigit() else column_index_from_string(col) - 1
        except ValueError:
            mapping[name] = -1
        if mapping[name] < 0:
            raise InvalidInput(
                f"列“{col}”无效（用 1、2… 或 A、B…）", f"Bad column '{col}' (use 1, 2 … or A, B …)"
            )
    return mapping


def problem_json(p: Problem) -> dict[str, Any]:
    return {
        "file": p.source.file,
        "sheet": p.source.sheet,
        "row": p.source.row,
        "column": p.column,
        "raw": p.raw,
        "reason_zh": p.reason_zh,
        "reason_en": p.reason_en,
    }


def import_json(r: ImportResult) -> dict[str, Any]:
    return {
        "kind": r.kind.value,
        "file": r.file,
        "sheet": r.sheet,
        "header_row": r.header_row,
        "mapping": {k: v + 1 for k, v in r.mapping.items()},
        "rows_read": r.rows_read,
        "entries": len(r.entries),
        "problems": [problem_json(p) for p in r.problems],
        "totals": [
            {
                "row": t.source.row,
                "label": t.label,
                "stated": str(t.stated),
                "computed": str(t.computed),
                "difference": str(t.difference),
            }
            for t in r.totals
        ],
    }


def print_import(r: ImportResult) -> None:
    ui = lang()
    en = ui == "en"
    out(
        f"{r.file} [{r.sheet}] → {r.kind.value}: "
        + (
            f"header row {r.header_row}, {len(r.entries)} entries, {len(r.problems)} problems"
            if en
            else f"表头第 {r.header_row} 行，{len(r.entries)} 条记录，{len(r.problems)} 个问题"
        )
    )
    for p in r.problems:
        out(
            f"  {'row' if en else '第'} {p.source.row}{'' if en else ' 行'} [{p.column}] “{p.raw}”: {p.reason(ui)}"
        )
    for t in r.totals:
        if t.difference:
            out(
                f"  {'row' if en else '第'} {t.source.row}{'' if en else ' 行'} {t.label}: "
                + (
                    f"stated {t.stated}, rows {t.first_row}–{t.last_row} sum to {t.computed}"
                    if en
                    else f"写明 {t.stated}，第 {t.first_row}–{t.last_row} 行合计 {t.computed}"
                )
            )


def discrepancy_json(d: Discrepancy, accepted: str | None = None) -> dict[str, Any]:
    return {
        "key": d.key,
        "kind": d.kind.value,
        "grade": suggest_grade(d).value,
        "persons": list(d.persons),
        "ip_items": list(d.ip_items),
        "expected": None if d.expected is None else str(d.expected),
        "actual": None if d.actual is None else str(d.actual),
        "difference": str(d.difference),
        "date": d.date.isoformat() if d.date else None,
        "message_zh": d.message_zh,
        "message_en": d.message_en,
        "rows": [{"file": r.file, "sheet": r.sheet, "row": r.row} for r in d.rows],
        "accepted": accepted,
    }


def summary_json(rec: Reconciliation) -> dict[str, Any]:
    s = rec.summary
    return {
        "rewards": {"count": s.reward_count, "total": str(s.rewards_total)},
        "penalties": {"count": s.penalty_count, "total": str(s.penalties_total)},
        "payments": {"count": s.payment_count, "total": str(s.payments_total)},
        "expense_reward_lines": {"count": s.expense_line_count, "total": str(s.expenses_total)},
        "batches": s.batch_count,
        "discrepancies": s.discrepancy_count,
        "by_kind": [
            {"kind": k.kind.value, "count": k.count, "amount": str(k.amount)} for k in s.kinds
        ],
        "compared": [
            {"records": line.name_en, "total": line.total, "agree": line.matched, "rate": line.rate}
            for line in s.lines
        ],
        "match_rate": s.match_rate,
    }


def print_reconciliation(rec: Reconciliation, accepted: dict[str, str] | None = None) -> None:
    ui = lang()
    out(rec.summary.text(ui))
    out()
    for table in (rec.summary.table(ui), rec.summary.kind_table(ui)):
        widths = [max(cli.display_width(row[i]) for row in table) for i in range(len(table[0]))]
        for row in table:
            out("  ".join(cli.pad(cell, w) for cell, w in zip(row, widths, strict=True)))
        out()
    for d in rec.discrepancies:
        extra = ""
        if accepted and d.key in accepted:
            extra = f"  [{'accepted' if ui == 'en' else '已接受'}: {accepted[d.key]}]"
        out(f"{cli.GRADE_MARK[suggest_grade(d)]} {kind_text(d.kind, ui)}: {d.message(ui)}{extra}")


def _rates(args: argparse.Namespace) -> RateTable | None:
    data: dict[str, object] = {}
    if getattr(args, "rates", None):
        try:
            data.update(RateTable.load(args.rates).to_dict())
        except RateTableError as exc:
            raise InvalidInput(exc.message_zh, exc.message_en) from exc
    for item in getattr(args, "rate", None) or []:
        key, _, amount = item.partition("=")
        data[key.strip()] = amount.strip()
    if not data:
        return None
    try:
        return RateTable.from_dict(data, source="command line")
    except RateTableError as exc:
        raise InvalidInput(exc.message_zh, exc.message_en) from exc


# --- commands ----------------------------------------------------------------------------------


@command("import-ledger")
def cmd_import_ledger(args: argparse.Namespace) -> int:
    from ipaudit.ledger_service import import_file, remembered_mapping
    from ipaudit.services import Workspace

    path = Path(args.file)
    kind = LedgerKind(args.kind) if args.kind else None
    with Workspace.open(args.workspace) as ws:
        if args.all_sheets:
            results = import_workbook(path, progress=None)
            signatures = [""] * len(results)
        else:
            mapping = _mapping(args.map)
            signature = ""
            if mapping is None:
                layout = preview(path, args.sheet, kind=kind).layout
                remembered = remembered_mapping(ws, layout.signature) if layout.signature else None
                if remembered is not None and not layout.sure:
                    kind, mapping = kind or remembered[0], remembered[1]
            else:
                signature = preview(path, args.sheet, kind=kind).layout.signature
            results = [import_ledger(path, kind, args.sheet, mapping, header_row=args.header_row)]
            signatures = [signature]
        for result, signature in zip(results, signatures, strict=True):
            import_file(ws, result, path, signature=signature)  # and the file becomes evidence
        if args.json:
            emit_json([import_json(r) for r in results])
        else:
            for r in results:
                print_import(r)
    return EXIT_OK


@command("ledger")
def cmd_ledger(args: argparse.Namespace) -> int:
    from ipaudit.ledger_service import explanations, load_book
    from ipaudit.services import Workspace

    with Workspace.open(args.workspace) as ws:
        book = load_book(ws)
        rec = book.reconciliation
        if rec is None:
            if args.json:
                emit_json(
                    {
                        "summary": None,
                        "discrepancies": [],
                        "problems": [problem_json(p) for p in book.problems],
                    }
                )
            else:
                out("No ledgers imported yet." if lang() == "en" else "尚未导入台账。")
            return EXIT_OK
        accepted = explanations(ws, rec.discrepancies)
        if args.json:
            emit_json(
                {
                    "imports": [
                        {
                            "kind": i.kind.value,
                            "file": i.file_name,
                            "sheet": i.sheet,
                            "rows_read": i.rows_read,
                        }
                        for i in book.imports
                    ],
                    "summary": summary_json(rec),
                    "discrepancies": [
                        discrepancy_json(d, accepted.get(d.key)) for d in rec.discrepancies
                    ],
                    "problems": [problem_json(p) for p in book.problems],
                }
            )
        else:
            print_reconciliation(rec, accepted)
    return EXIT_OK


@command("rates")
def cmd_rates(args: argparse.Namespace) -> int:
    from ipaudit.ledger_service import get_rates, set_rates, set_window_days, window_days
    from ipaudit.services import Workspace

    with Workspace.open(args.workspace) as ws:
        if args.clear:
            set_rates(ws, None)
        elif args.rates or args.rate:
            current = get_rates(ws)
            table = _rates(args)
            merged = {
                **(current.to_dict() if current else {}),
                **(table.to_dict() if table else {}),
            }
            set_rates(ws, RateTable.from_dict(merged, source="workspace"))
        if args.window_days is not None:
            set_window_days(ws, args.window_days)
        table = get_rates(ws)
        data = {k: str(v) for k, v in (table.to_dict() if table else {}).items()}
        if args.json:
            emit_json({"rates": data, "window_days": window_days(ws)})
        else:
            for k, v in data.items():
                out(f"{k:<24} {v}")
            out(f"window_days {window_days(ws)}")
    return EXIT_OK


@command("reconcile")
def cmd_reconcile(args: argparse.Namespace) -> int:
    files = [Path(f) for f in args.files]
    if len(files) == 1:
        results = import_workbook(files[0])
    elif len(files) == 3:
        results = [
            import_ledger(f, LedgerKind(k) if args.detect is False else None)
            for f, k in zip(files, ("rewards", "payments", "expenses"), strict=True)
        ]
    else:
        raise InvalidInput(
            "请给出三个文件（奖惩记录、奖金发放登记、经费使用记录）或一个含三张表的工作簿。",
            "Give three files (rewards, payments, expenses) or one workbook holding all three sheets.",
        )
    by_kind: dict[LedgerKind, list[ImportResult]] = {}
    for r in results:
        by_kind.setdefault(r.kind, []).append(r)
    missing = [
        k
        for k in (LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES)
        if k not in by_kind
    ]
    if missing:
        names = ", ".join(k.value for k in missing)
        raise InvalidInput(f"没有找到这些台账：{names}", f"These ledgers were not found: {names}")
    portfolio = (
        import_ledger(Path(args.portfolio), LedgerKind.PORTFOLIO) if args.portfolio else None
    )
    if portfolio is not None:
        results.append(portfolio)

    def entries(kind: LedgerKind) -> list[Any]:
        return [e for r in by_kind.get(kind, []) for e in r.entries]

    rec = reconcile(
        entries(LedgerKind.REWARDS),
        entries(LedgerKind.PAYMENTS),
        entries(LedgerKind.EXPENSES),
        totals=[t for r in results for t in r.totals],
        rates=_rates(args),
        portfolio=portfolio.entries if portfolio else None,
        window_days=args.window_days,
    )
    problems = [p for r in results for p in r.problems]
    if args.json:
        emit_json(
            {
                "imports": [import_json(r) for r in results],
                "summary": summary_json(rec),
                "findings": [discrepancy_json(d) for d in rec.discrepancies],
                "problems": [problem_json(p) for p in problems],
            }
        )
    else:
        for r in results:
            print_import(r)
        out()
        print_reconciliation(rec)
    return cli.EXIT_BLOCKING if args.fail_on_discrepancy and rec.discrepancies else EXIT_OK


def configure(sub: Any) -> None:
    kinds = [k.value for k in LedgerKind]

    c = sub.add_parser(
        "import-ledger", help="import a finance ledger or the IP portfolio into a workspace"
    )
    c.add_argument("workspace")
    c.add_argument("file", help="xlsx, xlsm, xls, ods, csv or tsv")
    c.add_argument(
        "--kind", choices=kinds, help="which ledger (detected from the headers when omitted)"
    )
    c.add_argument("--sheet", help="sheet name (default: the first)")
    c.add_argument(
        "--all-sheets", action="store_true", help="import every sheet that holds a ledger"
    )
    c.add_argument(
        "--map", help="column mapping, e.g. date=B,person=C,amount=H (remembered for this layout)"
    )
    c.add_argument("--header-row", type=int, help="1-based header row (detected when omitted)")
    c.add_argument("--json", action="store_true")

    c = sub.add_parser("ledger", help="the reconciliation of the workspace's ledgers")
    c.add_argument("workspace")
    c.add_argument("--json", action="store_true")

    c = sub.add_parser(
        "rates", help="the reward rates of the reward/penalty procedure, and the booking window"
    )
    c.add_argument("workspace")
    c.add_argument("--rates", metavar="FILE", help="YAML file of rates (ip type: amount)")
    c.add_argument("--rate", action="append", metavar="TYPE=AMOUNT", help="e.g. invention=5000")
    c.add_argument("--clear", action="store_true")
    c.add_argument(
        "--window-days",
        type=cli.window_days_arg,
        help="days (0-3650) an expense line may be booked after its payments",
    )
    c.add_argument("--json", action="store_true")

    c = sub.add_parser(
        "reconcile",
        help="one-off reconciliation of three ledger files, no workspace needed",
        description="Reconcile rewards, payments and expenses (three files, or one workbook with three sheets).",
    )
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("--portfolio", metavar="FILE", help="IP portfolio register")
    c.add_argument("--rates", metavar="FILE", help="YAML file of reward rates")
    c.add_argument("--rate", action="append", metavar="TYPE=AMOUNT", help="e.g. invention=5000")
    c.add_argument("--window-days", type=cli.window_days_arg, default=15, help="0-3650 days")
    c.add_argument(
        "--detect",
        action="store_true",
        help="detect which file is which (default: in the given order)",
    )
    c.add_argument(
        "--fail-on-discrepancy", action="store_true", help="exit 1 when any discrepancy is found"
    )
    c.add_argument("--json", action="store_true")


cli.EXTENSIONS.append(configure)
