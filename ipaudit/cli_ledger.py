"""Command line for the finance ledgers: import into a workspace, review, and a one-off reconcile."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ipaudit import cli
from ipaudit.cli import EXIT_OK, command, emit_json, lang, out
from ipaudit.domain.model import Grade
from ipaudit.domain.rules import Situation, rules_of
from ipaudit.ledger.discrepancies import (
    LEDGER_TEXT,
    kind_text,
    money,
    owning_ledger,
    suggest_grade,
)
from ipaudit.ledger.errors import HeaderNotFound
from ipaudit.ledger.importer import SkippedSheet, import_ledger
from ipaudit.ledger.layout import SCAN_ROWS
from ipaudit.ledger.model import (
    Discrepancy,
    ImportResult,
    LedgerKind,
    Problem,
    StatedTotal,
    column_letter,
)
from ipaudit.ledger.rates import RateTable, RateTableError
from ipaudit.ledger.reconcile import Reconciliation, reconcile
from ipaudit.ledger.sources import (
    ColumnMap,
    MapSyntaxError,
    import_sources,
    overrides_for,
    parse_map,
)
from ipaudit.ledger.summary import KIND_PAIR, count
from ipaudit.store.errors import InvalidInput
from ipaudit.text import counted

if TYPE_CHECKING:
    from ipaudit.services.ledgers import ImportRecord


def _maps(texts: list[str] | None, files: list[Path]) -> list[ColumnMap]:
    """The ``--map`` options (see ``ledger.sources``): ``[FILE:][SHEET|KIND:]field=col,…``."""
    try:
        return [parse_map(t, files) for t in texts or []]
    except MapSyntaxError as exc:
        raise InvalidInput(exc.zh, exc.en) from exc


def _skipped_text(file: str, s: SkippedSheet) -> str:
    en = lang() == "en"
    return (
        f"{file} [{s.sheet}] skipped: {s.reason('en')}"
        if en
        else f"{file} [{s.sheet}] 未导入：{s.reason('zh')}"
    )


def _skipped_json(skipped: list[tuple[str, SkippedSheet]]) -> list[dict[str, str]]:
    return [
        {"file": f, "sheet": s.sheet, "reason_zh": s.reason_zh, "reason_en": s.reason_en}
        for f, s in skipped
    ]


def columns_json(r: ImportResult) -> dict[str, Any]:
    """How the columns were read: the mapping's confidence, the columns not used (with what
    they look like) and the warnings, and where every row of the sheet went."""
    c = r.counts
    return {
        "confidence": round(r.confidence, 2),
        "alternatives": [k.value for k in r.alternatives],
        "field_confidence": {k: round(v, 2) for k, v in r.field_confidence.items()},
        "unused_columns": [
            {"column": n.letter, "header": n.header, "looks_like": n.looks_like}
            for n in r.unused_columns
        ],
        "warnings": [
            {
                "column": w.letter,
                "header": w.header,
                "message_zh": w.message_zh,
                "message_en": w.message_en,
            }
            for w in r.warnings
        ],
        "rows": {
            "sheet": c.sheet_rows,
            "above_data": c.above_data,
            "blank": c.blank,
            "entries": c.entries,
            "problems": c.problem_rows,
            "totals": c.total_rows,
            "skipped": c.skipped,
        },
    }


def stored_columns_json(i: ImportRecord) -> dict[str, Any]:
    """How a stored import's columns were read: the mapping's confidence and the columns not
    imported, as ``import-ledger --json`` said when it was stored (null for an import stored by
    a version that did not keep them)."""
    unused = (
        None
        if i.unused_columns is None
        else [
            {"column": n.letter, "header": n.header, "looks_like": n.looks_like}
            for n in i.unused_columns
        ]
    )
    return {
        "confidence": None if i.confidence is None else float(i.confidence),
        "unused_columns": unused,
    }


def print_columns(r: ImportResult) -> None:
    """The mapping with its confidence, the warnings and the unused columns of one import."""
    ui = lang()
    en = ui == "en"
    read = ", ".join(
        f"{name}={column_letter(col)}"
        + (f" ({r.field_confidence[name]:.0%})" if name in r.field_confidence else "")
        for name, col in sorted(r.mapping.items(), key=lambda item: item[1])
    )
    confidence = f"{r.confidence:.0%}"
    out(f"  {'columns' if en else '列映射'} ({confidence}): {read}")
    if r.alternatives:
        others = ", ".join(k.value for k in r.alternatives)
        out(
            f"  {'warning' if en else '警告'}: "
            + (
                f"the sheet could also be: {others}; give --kind if it is"
                if en
                else f"此表也可能是：{others}；如是请用 --kind 指定"
            )
        )
    for w in r.warnings:
        out(f"  {'warning' if en else '警告'}: {w.message(ui)}")
    if r.unused_columns:
        listed = ", ".join(
            f"{n.letter} “{n.header}”" + (f" ~{n.looks_like}" if n.looks_like else "")
            for n in r.unused_columns
        )
        out(f"  {'not imported' if en else '未导入的列'}: {listed}")
    c = r.counts
    out(
        f"  {'rows' if en else '行'}: "
        + (
            f"{c.sheet_rows} in the sheet = {c.above_data} above the data + {c.blank} blank"
            f" + {counted(c.entries, 'entry', 'entries')} + {c.problem_rows} with problems"
            f" + {counted(c.total_rows, 'total')}"
            f" + {c.skipped} skipped"
            if en
            else f"表中 {c.sheet_rows} 行 = 表头及以上 {c.above_data} + 空行 {c.blank}"
            f" + 记录 {c.entries} + 有问题 {c.problem_rows} + 合计行 {c.total_rows}"
            f" + 跳过 {c.skipped}"
        )
    )


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


def totals_json(totals: Iterable[StatedTotal]) -> list[dict[str, Any]]:
    return [
        {
            "row": t.source.row,
            "label": t.label,
            "stated": str(t.stated),
            "computed": str(t.computed),
            "difference": str(t.difference),
        }
        for t in totals
    ]


def import_head_json(
    kind: LedgerKind,
    file: str,
    sheet: str,
    header_row: int,
    mapping: dict[str, int],
    rows_read: int,
    entries: int,
) -> dict[str, Any]:
    """What every import object carries, in ``import-ledger``, ``ledger`` and ``reconcile``."""
    return {
        "kind": kind.value,
        "file": file,
        "sheet": sheet,
        "header_row": header_row,
        "mapping": {k: column_letter(v) for k, v in mapping.items()},
        "rows_read": rows_read,
        "entries": entries,
    }


def import_json(r: ImportResult) -> dict[str, Any]:
    """One import for ``import-ledger --json``: its problems listed."""
    head = import_head_json(
        r.kind, r.file, r.sheet, r.header_row, r.mapping, r.rows_read, len(r.entries)
    )
    return {
        **head,
        **columns_json(r),
        "problems": [problem_json(p) for p in r.problems],
        "totals": totals_json(r.totals),
    }


def print_import(r: ImportResult) -> None:
    ui = lang()
    en = ui == "en"
    name = LEDGER_TEXT[r.kind].get("en" if en else "zh")
    entries, problems = len(r.entries), len(r.problems)
    out(
        f"{r.file} [{r.sheet}] → {name}: "
        + (
            f"header row {r.header_row}, {counted(entries, 'entry', 'entries', grouped=True)},"
            f" {counted(problems, 'problem', grouped=True)}"
            if en
            else f"表头第 {r.header_row} 行，{count(entries)} 条记录，{count(problems)} 个问题"
        )
    )
    print_columns(r)
    for p in r.problems:
        out(
            f"  {'row' if en else '第'} {p.source.row}{'' if en else ' 行'} [{p.column}] “{p.raw}”: {p.reason(ui)}"
        )
    for t in r.totals:
        if t.difference:
            out(
                f"  {'row' if en else '第'} {t.source.row}{'' if en else ' 行'} {t.label}: "
                + (
                    f"stated {money(t.stated)}, rows {t.first_row}–{t.last_row} sum to "
                    f"{money(t.computed)}"
                    if en
                    else f"写明 {money(t.stated)}，第 {t.first_row}–{t.last_row} 行合计 "
                    f"{money(t.computed)}"
                )
            )


def discrepancy_json(
    d: Discrepancy,
    accepted: str | None = None,
    *,
    ledger: LedgerKind | None = None,
    department: str | None = None,
    grades: Mapping[Situation, Grade] | None = None,
) -> dict[str, Any]:
    """One finding of ``ledger --json`` and ``reconcile --json`` (the same object in both);
    ``grades``: the workspace's grade table (the built-in one without a workspace)."""
    pair = KIND_PAIR.get(d.kind)
    owner = ledger or d.ledger
    return {
        "key": d.key,
        "code": f"ledger.{d.kind.value}",
        "kind": d.kind.value,
        "grade": suggest_grade(d, grades).value,
        "ledger": owner.value if owner else None,
        "first": pair[0].value if pair else None,
        "second": pair[1].value if pair else None,
        "department": department,
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
            {
                "kind": k.kind.value,
                "side": k.side.value,
                "first": KIND_PAIR[k.kind][0].value if k.kind in KIND_PAIR else None,
                "second": KIND_PAIR[k.kind][1].value if k.kind in KIND_PAIR else None,
                "count": k.count,
                "amount": str(k.amount),
            }
            for k in s.kinds
        ],
        "compared": [
            {
                "records": line.name_en,
                "check": line.check.value,
                "total": line.total,
                "agree": line.matched,
                "rate": line.rate,
            }
            for line in s.lines
        ],
        "match_rate": s.match_rate,
        "missing": [k.value for k in s.missing],
        "not_run": [
            {"check": n.check.value, "reason_zh": n.reason_zh, "reason_en": n.reason_en}
            for n in s.not_run
        ],
    }


def reconciliation_json(
    imports: list[dict[str, Any]],
    rec: Reconciliation | None,
    findings: list[dict[str, Any]],
    problems: Iterable[Problem],
) -> dict[str, Any]:
    """The one JSON document of ``ledger --json`` and ``reconcile --json`` (see README)."""
    return {
        "imports": imports,
        "summary": summary_json(rec) if rec is not None else None,
        "findings": findings,
        "problems": [problem_json(p) for p in problems],
    }


def print_reconciliation(
    rec: Reconciliation,
    accepted: dict[str, str] | None = None,
    departments: dict[str, str] | None = None,
    grades: Mapping[Situation, Grade] | None = None,
) -> None:
    """The summary, its two tables and every finding; ``departments``: finding key → the name of
    the department it is filed under and ``grades`` the grade table (in a workspace)."""
    ui = lang()
    en = ui == "en"
    out(rec.summary.text(ui))
    out()
    for table in (rec.summary.table(ui), rec.summary.kind_table(ui)):
        if len(table) < 2:
            continue  # nothing compared, or no discrepancy: the summary has said so
        widths = [max(cli.display_width(row[i]) for row in table) for i in range(len(table[0]))]
        for row in table:
            out("  ".join(cli.pad(cell, w) for cell, w in zip(row, widths, strict=True)))
        out()
    for d in rec.discrepancies:
        extra = ""
        if departments and d.key in departments:
            extra += f"  → {departments[d.key]}"
        if accepted and d.key in accepted:
            extra += f"  [{'accepted' if en else '已接受'}: {accepted[d.key]}]"
        mark = cli.GRADE_MARK[suggest_grade(d, grades)]
        out(f"{mark} {kind_text(d.kind, ui)}: {d.message(ui)}{extra}")


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
    from ipaudit.services import ledgers as ledger_service

    path = Path(args.file)
    with cli._open(args.workspace) as ws:  # (warns of another writer)
        # read, stored, and the file becomes evidence
        read = ledger_service.import_ledger(
            ws,
            [path],
            kind=LedgerKind(args.kind) if args.kind else None,
            sheet=args.sheet,
            all_sheets=args.all_sheets,
            maps=_maps(args.map, [path]),
            header_row=args.header_row,
        ).read
        if not read.sheets:  # (nothing was stored)
            raise HeaderNotFound(path, "", SCAN_ROWS)
        results = read.results
        if args.json:
            emit_json([import_json(r) for r in results])
            for file, sheet in read.skipped:  # the list on stdout holds imports only
                sys.stderr.write(f"ipaudit: {_skipped_text(file, sheet)}\n")
        else:
            for r in results:
                print_import(r)
            for file, sheet in read.skipped:
                out(_skipped_text(file, sheet))
        read.sheets.clear()  # stored: the readiness computed on closing reads the ledgers back
        results.clear()
    return EXIT_OK


@command("undo-import")
def cmd_undo_import(args: argparse.Namespace) -> int:
    from ipaudit.services import ledgers as ledger_service

    kind = LedgerKind(args.kind)
    with cli._open(args.workspace) as ws:  # (warns of another writer)
        record = next((i for i in ledger_service.import_records(ws) if i.kind is kind), None)
        undone = ledger_service.undo_import(ws, kind)
        back = next((i for i in ledger_service.import_records(ws) if i.kind is kind), None)
        if args.json:
            emit_json(
                {
                    "kind": kind.value,
                    "undone": {"file": record.file_name, "sheet": record.sheet}
                    if record is not None
                    else None,
                    "evidence_removed": undone.evidence.id if undone.evidence else None,
                    "now": {"file": back.file_name, "sheet": back.sheet} if back else None,
                }
            )
        else:
            en = lang() == "en"
            name = LEDGER_TEXT[kind].get("en" if en else "zh")
            where = f"{record.file_name} [{record.sheet}]" if record is not None else ""
            out(f"{'undone' if en else '已撤销导入'}: {name} ← {where}")
            if undone.evidence is not None:
                out(
                    f"  {'evidence removed' if en else '已移除证据'}: {undone.evidence.original_name}"
                )
            if back is None:
                out(f"  {'the ledger is not imported now' if en else '该台账现在未导入'}")
            else:
                out(f"  {'in use again' if en else '恢复使用'}: {back.file_name} [{back.sheet}]")
    return EXIT_OK


@command("ledger")
def cmd_ledger(args: argparse.Namespace) -> int:
    from ipaudit.services.ledgers import explanations, load_book, places

    with cli._open(args.workspace) as ws:  # (warns of another writer)
        book = load_book(ws)
        rec = book.reconciliation
        if rec is None and not args.json:
            out("No ledgers imported yet." if lang() == "en" else "尚未导入台账。")
            return EXIT_OK
        found = rec.discrepancies if rec is not None else []
        accepted = explanations(ws, found)
        where = places(ws, book)
        grades = rules_of(ws.template).grades  # as the workspace's findings are graded
        if args.json:
            imports = []
            for i in book.imports:
                mine = (i.file_name, i.sheet)
                head = import_head_json(
                    i.kind,
                    i.file_name,
                    i.sheet,
                    i.header_row,
                    i.mapping,
                    i.rows_read,
                    len(book.of(i.kind)),
                )
                problems = sum(1 for p in book.problems if (p.source.file, p.source.sheet) == mine)
                totals = [t for t in book.totals if (t.source.file, t.source.sheet) == mine]
                imports.append(
                    {
                        **head,
                        **stored_columns_json(i),
                        "problems": problems,
                        "totals": totals_json(totals),
                    }
                )
            findings = [
                discrepancy_json(
                    d,
                    accepted.get(d.key),
                    ledger=p.ledger,
                    department=p.department,
                    grades=grades,
                )
                for d in found
                for p in (where[d.key],)
            ]
            emit_json(reconciliation_json(imports, rec, findings, book.problems))
        else:
            assert rec is not None
            en = lang() == "en"
            names = {d.key: (d.name.en if en else d.name.zh) for d in ws.departments()}
            departments = {k: names.get(p.department, p.department) for k, p in where.items()}
            print_reconciliation(rec, accepted, departments, grades)
    return EXIT_OK


@command("rates")
def cmd_rates(args: argparse.Namespace) -> int:
    from ipaudit.services.ledgers import get_rates, set_rates, set_window_days, window_days

    with cli._open(args.workspace) as ws:  # (warns of another writer)
        if args.clear:
            set_rates(ws, None)
        elif args.rates or args.rate:
            current = get_rates(ws)
            table = _rates(args)
            merged = {
                **(current.to_dict() if current else {}),
                **(table.to_dict() if table else {}),
            }
            # based on the rates read: a rate changed meanwhile by someone else is kept
            set_rates(ws, RateTable.from_dict(merged, source="workspace"), base=current)
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
    portfolio_path = Path(args.portfolio) if args.portfolio else None
    maps = _maps(args.map, files + ([portfolio_path] if portfolio_path else []))
    ledger_maps = [m for m in maps if portfolio_path is None or m.file != portfolio_path]
    found = import_sources(files, maps=ledger_maps)
    results = [r for r in found.results if r.kind is not LedgerKind.PORTFOLIO]
    by_kind: dict[LedgerKind, list[ImportResult]] = {}
    for r in results:
        by_kind.setdefault(r.kind, []).append(r)
    portfolio = (
        import_ledger(
            portfolio_path,
            LedgerKind.PORTFOLIO,
            overrides=lambda k: overrides_for(maps, portfolio_path, "", k),
        )
        if portfolio_path is not None
        else None
    )
    if portfolio is not None:
        results.append(portfolio)

    def entries(kind: LedgerKind) -> list[Any] | None:
        """The ledger's entries; None when no file held it (said once by the reconciliation)."""
        if kind not in by_kind:
            return None
        return [e for r in by_kind[kind] for e in r.entries]

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
        read_from: dict[LedgerKind, set[str]] = {}
        for r in results:
            read_from.setdefault(r.kind, set()).add(r.file)
        findings = [
            discrepancy_json(d, ledger=owning_ledger(d, read_from)) for d in rec.discrepancies
        ]
        imports = [{**import_json(r), "problems": len(r.problems)} for r in results]
        document = reconciliation_json(imports, rec, findings, problems)
        document["skipped_sheets"] = _skipped_json(found.skipped)
        emit_json(document)
    else:
        for r in results:
            print_import(r)
        for file, s in found.skipped:
            out(_skipped_text(file, s))
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
        "--map",
        action="append",
        metavar="[SHEET:|KIND:]FIELD=COL,…",
        help="set some columns, keeping the detected rest, e.g. date=B,person=3 or"
        " 奖惩:amount=H (letters or 1-based numbers; FIELD=- leaves a field out); repeatable;"
        " remembered for that header layout",
    )
    c.add_argument("--header-row", type=int, help="1-based header row (detected when omitted)")
    c.add_argument("--json", action="store_true")

    c = sub.add_parser(
        "undo-import",
        help="undo the import of a ledger: the import and the evidence it attached are removed",
        description="Undo the import in use of one ledger, as Undo does in the GUI: it stops"
        " being used, the file it attached as evidence is taken off the checklist item (an"
        " earlier version of that file becomes current again), and an import it replaced in the"
        " same session is used again — an import replaced by an earlier command is deleted when"
        " that command ends, so the ledger is then not imported.",
    )
    c.add_argument("workspace")
    c.add_argument("kind", choices=kinds, help="which ledger")
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
        description="Reconcile rewards, payments and expenses: three files in any order, or one"
        " workbook with the three sheets (each sheet's ledger is detected from its content).",
    )
    c.add_argument("files", nargs="+", metavar="FILE")
    c.add_argument("--portfolio", metavar="FILE", help="IP portfolio register")
    c.add_argument("--rates", metavar="FILE", help="YAML file of reward rates")
    c.add_argument("--rate", action="append", metavar="TYPE=AMOUNT", help="e.g. invention=5000")
    c.add_argument("--window-days", type=cli.window_days_arg, default=15, help="0-3650 days")
    c.add_argument(
        "--map",
        action="append",
        metavar="[FILE:][SHEET:|KIND:]FIELD=COL,…",
        help="set some columns of one file, sheet or ledger, keeping the detected rest, e.g."
        " rewards:date=B,person=C or book.xlsx:发放:amount=6 (letters or 1-based numbers);"
        " repeatable",
    )
    c.add_argument(
        "--detect",
        action="store_true",
        help="kept for older scripts: which file is which is always detected from the content",
    )
    c.add_argument(
        "--fail-on-discrepancy", action="store_true", help="exit 1 when any discrepancy is found"
    )
    c.add_argument("--json", action="store_true")
