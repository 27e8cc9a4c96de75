"""Benchmark: peak memory of importing a ledger, refusing a zip bomb, and the one-off reconcile.

    .venv/bin/python bench/bench_import_memory.py [--rows 100000] [--big-rows 1000000]
                                                  [--skip-big] [--skip-reconcile] [--repeat 3]
                                                  [--reconcile-only]

Every figure is taken in a fresh interpreter (a subprocess), so one measurement's memory never
inflates another's: the peak resident set size (``ru_maxrss``) of the whole process, the Python
interpreter and the libraries included, and the wall time of the work inside it.

* import memory: ``import_ledger`` of a payment register of ``--rows`` rows as csv (GB18030, as
  Excel/WPS on Chinese Windows writes it) and as xlsx, and of ``--big-rows`` rows as xlsx;
  budgets ≤ 300 MB (100,000 rows) and ≤ 1.5 GB (1,000,000 rows);
* zip bomb: an xlsx of about 5 MB whose sheet unpacks to 2 GB (its zip entry telling the truth,
  and telling a lie), and one whose sheet unpacks to 600 MB of rows without ``r=`` numbers;
  budget: refused in ≤ 1 s and ≤ 200 MB;
* the one-off ``reconcile`` from files: the three ledgers of ``bench_reconcile.py`` (``--rows``
  reward decisions) written as xlsx, xlsx and csv; ours is what ``main.py reconcile R P E`` does
  (``ledger.sources.import_sources`` reads the three files, each ledger told by its content,
  the next file's sheet loading while the current one is converted; then the reconciliation); the baseline is python-calamine reading the three files into
  Python rows plus datacompy's two-way comparison of the reward decisions with the payment register
  (DataFrames built from those rows inside the clock); budget ≤ 1×. Libraries are imported before
  the clock on both sides (pandas and datacompy; polars, which the reconciliation uses). The runs
  are interleaved; best and median are printed, with the load average. Needs the bench-only packages
  (``.venv/bin/pip install -r bench/requirements.txt``).

Generated files are cached in ``bench/out/``.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"
MB = 1 << 20

# measured in a child process; prints one JSON line {seconds, rss_mb, ...}
_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, {root!r})
{setup}
t0 = time.perf_counter()
c0 = time.process_time()
outcome = {{}}
{work}
seconds = time.perf_counter() - t0
cpu = time.process_time() - c0
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "cpu": cpu, "rss_mb": rss_mb, **outcome}}))
"""


def child(setup: str, work: str) -> dict:
    code = _CHILD.format(root=str(ROOT), setup=setup, work=work)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr else "failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def best(repeat: int, setup: str, work: str) -> dict:
    runs = [child(setup, work) for _ in range(repeat)]
    return min(runs, key=lambda r: r["seconds"]) | {"rss_mb": max(r["rss_mb"] for r in runs)}


# --- inputs ------------------------------------------------------------------------------------


def payments_xlsx(rows: int) -> Path:
    from bench.bench_ledger_import import generate

    path = OUT / f"payments_{rows}.xlsx"
    if not path.exists():
        t0 = time.perf_counter()
        generate(path, rows)
        print(f"  (generated {path.name} in {time.perf_counter() - t0:.0f} s)")
    return path


def payments_csv(rows: int) -> Path:
    """The same register as ``payments_xlsx`` would hold, as a GB18030 csv."""
    import datetime as dt
    import random

    from bench.bench_ledger_import import AMOUNTS, DEPARTMENTS, NAMES

    path = OUT / f"payments_{rows}.csv"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    rng = random.Random(4)
    start = dt.date(2020, 1, 1)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="gb18030", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["知识产权奖金发放登记表"])
        w.writerow(["序号", "发放日期", "姓名", "部门", "项目", "发放金额", "凭证号", "领取人签字"])
        total = 0.0
        for i in range(rows):
            day = start + dt.timedelta(days=i // 40)
            amount = rng.choice(AMOUNTS)
            total += amount
            ip = f"ZL2024{rng.choice('12')}{i % 9_999_999:07d}.{rng.randint(0, 9)}"
            w.writerow(
                [
                    i + 1,
                    f"{day:%Y/%m/%d}",
                    rng.choice(NAMES),
                    rng.choice(DEPARTMENTS),
                    ip,
                    f"{amount:,.2f}",
                    f"记-{day:%Y-%m%d}",
                    "",
                ]
            )
        w.writerow(["合计", "", "", "", "", f"{total:,.2f}", "", ""])
    tmp.replace(path)
    return path


def three_ledgers(rows: int) -> tuple[Path, Path, Path]:
    """The generated ledgers of bench_reconcile written as files: xlsx, xlsx and csv."""
    paths = (
        OUT / f"rewards_{rows}.xlsx",
        OUT / f"payments3_{rows}.xlsx",
        OUT / f"expenses_{rows}.csv",
    )
    if all(p.exists() for p in paths):
        return paths
    import openpyxl

    from bench.bench_reconcile import Ledgers

    led = Ledgers(rows)
    OUT.mkdir(parents=True, exist_ok=True)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("奖惩")
    ws.append(["知识产权奖惩记录表"])
    ws.append(["单位：元"])
    ws.append(["日期", "姓名", "部门", "奖惩类型", "知识产权项目", "事由", "金额"])
    for e in led.rewards:
        kind = "处罚" if e.is_penalty else "奖励"
        ws.append([e.date, e.person, e.department, kind, e.ip_number, e.text, float(e.amount)])
    wb.save(paths[0])
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("发放")
    ws.append(["知识产权奖金发放登记表"])
    ws.append(["发放日期", "姓名", "部门", "项目", "金额", "凭证号"])
    for e in led.payments:
        ws.append([e.date, e.person, e.department, e.ip_number, float(e.amount), e.voucher])
    wb.save(paths[1])
    with paths[2].open("w", encoding="gb18030", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["日期", "凭证号", "费用类别", "摘要", "金额"])
        for e in led.expenses:
            w.writerow([f"{e.date:%Y/%m/%d}", e.voucher, e.category, e.text, f"{e.amount:.2f}"])
    return paths


# --- measurements ------------------------------------------------------------------------------

_IMPORT = "from ipaudit.ledger.importer import import_ledger"


def import_memory(path: Path, repeat: int) -> dict:
    work = (
        f"r = import_ledger({str(path)!r})\n"
        "outcome = {'entries': len(r.entries), 'problems': len(r.problems)}"
    )
    return best(repeat, _IMPORT, work)


def workspace_import(path: Path) -> dict:
    """``main.py import-ledger W FILE`` into a new workspace: read, store, attach the file as
    evidence, and the readiness (with the reconciliation) computed when the workspace closes."""
    workspace = OUT / "import_memory.ipaudit"
    for leftover in OUT.glob("import_memory.ipaudit*"):
        leftover.unlink()
    setup = (
        "import contextlib, io\nfrom ipaudit.cli import main\n"
        f"main(['new', {str(workspace)!r}, '--company', 'X'])"
    )
    work = (
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    code = main(['import-ledger', {str(workspace)!r}, {str(path)!r}])\n"
        "outcome = {'exit': code}"
    )
    return child(setup, work)


def refusal(path: Path) -> dict:
    setup = "from ipaudit.ledger.importer import import_ledger\nfrom ipaudit.ledger.errors import LedgerError"
    work = (
        "try:\n"
        f"    import_ledger({str(path)!r})\n"
        "    outcome = {'error': 'none (imported!)'}\n"
        "except LedgerError as exc:\n"
        "    outcome = {'error': type(exc).__name__}"
    )
    return child(setup, work)


# Libraries are imported before the clock starts on both sides: pandas and datacompy for the
# baseline, polars (which the reconciliation imports when it first runs) for ours.
_OURS = """
from pathlib import Path
import polars
from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.reconcile import reconcile
from ipaudit.ledger.sources import import_sources
"""

_BASELINE = """
import python_calamine as pc, csv, datacompy, pandas as pd
"""


def reconcile_from_files(paths: tuple[Path, Path, Path], repeat: int) -> tuple[dict, dict]:
    r, p, e = (str(x) for x in paths)
    ours = (
        f"found = import_sources([Path({r!r}), Path({p!r}), Path({e!r})])\n"
        "by = {x.kind: x for x in found.results}\n"
        "rs = [by[k] for k in (LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES)]\n"
        "rec = reconcile(*(x.entries for x in rs), totals=[t for x in rs for t in x.totals])\n"
        "outcome = {'findings': len(rec.discrepancies)}"
    )
    baseline = f"""
def sheet_rows(path):
    wb = pc.CalamineWorkbook.from_path(path)
    rows = wb.get_sheet_by_name(wb.sheet_names[0]).to_python()
    wb.close()
    return rows
rewards, payments = sheet_rows({r!r}), sheet_rows({p!r})
with open({e!r}, encoding="gb18030", newline="") as fh:
    expenses = list(csv.reader(fh))
a = pd.DataFrame(rewards[3:], columns=rewards[2])
b = pd.DataFrame(payments[2:], columns=payments[1])
a = a[a["奖惩类型"] == "奖励"].rename(columns={{"姓名": "person", "知识产权项目": "ip", "日期": "date", "金额": "amount"}})
b = b.rename(columns={{"姓名": "person", "项目": "ip", "发放日期": "date", "金额": "amount"}})
cols = ["person", "ip", "date", "amount"]
datacompy.PandasCompare(a[cols], b[cols], join_columns=["person", "ip"]).matches()
outcome = {{"rows": len(rewards) + len(payments) + len(expenses)}}
"""
    runs_ours, runs_base = [], []
    for _ in range(repeat):  # interleaved, so both see the same machine
        runs_ours.append(child(_OURS, ours))
        runs_base.append(child(_BASELINE, baseline))
    return _best_of(runs_ours), _best_of(runs_base)


def _best_of(runs: list[dict]) -> dict:
    seconds = sorted(x["seconds"] for x in runs)
    return min(runs, key=lambda x: x["seconds"]) | {
        "all": [round(x["seconds"], 3) for x in runs],
        "median": seconds[len(seconds) // 2],
        "cpu": sorted(x["cpu"] for x in runs)[len(runs) // 2],
        "rss_mb": max(x["rss_mb"] for x in runs),
    }


def _load() -> str:
    import os

    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def _reconcile_part(args: argparse.Namespace) -> int:
    try:
        import datacompy  # noqa: F401
    except ImportError:
        print("reconcile from files: skipped (pip install -r bench/requirements.txt)")
        return 0
    paths = three_ledgers(args.rows)
    ours, baseline = reconcile_from_files(paths, args.repeat)
    ratio = ours["seconds"] / baseline["seconds"]
    median_ratio = ours["median"] / baseline["median"]
    print(f"one-off reconcile from files ({', '.join(p.name for p in paths)}):")
    print(
        f"  ours (read 3 files + reconcile)      best {ours['seconds']:.2f} s  median "
        f"{ours['median']:.2f} s  CPU {ours['cpu']:.2f} s  runs {ours['all']}  "
        f"peak {ours['rss_mb']:.0f} MB  {ours['findings']} findings"
    )
    print(
        f"  calamine 3 files + datacompy 2-way   best {baseline['seconds']:.2f} s  median "
        f"{baseline['median']:.2f} s  CPU {baseline['cpu']:.2f} s  runs {baseline['all']}  "
        f"peak {baseline['rss_mb']:.0f} MB"
    )
    print(
        f"  ratio best {ratio:.2f}, median {median_ratio:.2f}  budget ≤ 1×: "
        f"{verdict(ratio <= 1.0)}  (load average {_load()})"
    )
    return 0 if ratio <= 1.0 else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--big-rows", type=int, default=1_000_000)
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--skip-reconcile", action="store_true")
    ap.add_argument("--reconcile-only", action="store_true", help="only the one-off reconcile")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    ok = True
    if args.reconcile_only:
        return _reconcile_part(args)
    base = child(_IMPORT, "pass")
    print(f"interpreter with the importer loaded: {base['rss_mb']:.0f} MB RSS")

    print(f"import memory ({args.rows:,} rows):")
    for path in (payments_csv(args.rows), payments_xlsx(args.rows)):
        m = import_memory(path, args.repeat)
        good = m["rss_mb"] <= 300
        ok &= good
        print(
            f"  {path.name:28} peak {m['rss_mb']:7.0f} MB  {m['seconds']:6.2f} s  "
            f"{m['entries']:,} entries  budget ≤ 300 MB: {verdict(good)}"
        )
    for path in (payments_csv(args.rows), payments_xlsx(args.rows)):
        m = workspace_import(path)
        print(
            f"  import-ledger W {path.name:15} peak {m['rss_mb']:7.0f} MB  {m['seconds']:6.2f} s  "
            f"(store, evidence, readiness on close; exit {m['exit']})"
        )
    if not args.skip_big:
        path = payments_xlsx(args.big_rows)
        m = import_memory(path, 1)
        good = m["rss_mb"] <= 1536
        ok &= good
        print(
            f"  {path.name:28} peak {m['rss_mb']:7.0f} MB  {m['seconds']:6.2f} s  "
            f"{m['entries']:,} entries  budget ≤ 1.5 GB: {verdict(good)}"
        )

    from tests.unit.ledger.bombs import write_bomb

    print("zip bombs (refused, time and peak memory of the whole process):")
    OUT.mkdir(parents=True, exist_ok=True)
    bombs = {
        "2 GB sheet, size told": write_bomb(OUT / "bomb_2g.xlsx", 2 << 30),
        "2 GB sheet, size hidden": write_bomb(OUT / "bomb_2g_liar.xlsx", 2 << 30, claimed=4096),
        "2 GB shared strings": write_bomb(
            OUT / "bomb_2g_strings.xlsx", 2 << 30, part="xl/sharedStrings.xml"
        ),
        "600 MB of rows without r=": write_bomb(OUT / "bomb_600m_rows.xlsx", 600 * MB),
    }
    for label, path in bombs.items():
        m = refusal(path)
        good = m["seconds"] <= 1.0 and m["rss_mb"] <= 200
        if label.startswith("2 GB"):
            ok &= good
        print(
            f"  {label:28} {path.stat().st_size / MB:5.1f} MB file  {m['seconds'] * 1000:7.0f} ms"
            f"  peak {m['rss_mb']:5.0f} MB  {m['error']}"
            + (f"  budget ≤ 1 s, ≤ 200 MB: {verdict(good)}" if label.startswith("2 GB") else "")
        )

    if not args.skip_reconcile:
        _reconcile_part(args)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
