"""Benchmark: importing a 100,000-row xlsx payment register vs a bare python-calamine iteration.

    .venv/bin/python bench/bench_ledger_import.py [--rows 100000] [--repeat 3]

The ledger is generated once (openpyxl, write-only) and cached under bench/out/. Both sides read
the same file in the same run; each is timed ``--repeat`` times and the best time counts:

* calamine: open the workbook, load the sheet, iterate every row (python objects per cell);
* import_ledger: the same plus the xlsx pre-scan, header detection, normalisation into entries,
  problems and the stated total.

Target (issue 4): import ≤ 2 × calamine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import python_calamine  # noqa: E402

from ipaudit.ledger.importer import import_ledger  # noqa: E402

OUT = ROOT / "bench" / "out"
NAMES = [
    "王强",
    "李  娜",
    "陈晓东",
    "赵敏",
    "刘洋",
    "周杰",
    "孙丽",
    "吴磊",
    "郑爽",
    "黄海",
    "欧阳 娜娜",
]
DEPARTMENTS = ["研发部", "市场部", "生产部", "行政人事部"]
AMOUNTS = [300.0, 500.0, 800.0, 1000.0, 1500.5, 5000.0]


def generate(path: Path, rows: int) -> None:
    import openpyxl

    rng = random.Random(4)
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("奖金发放")
    ws.append(["知识产权奖金发放登记表"])
    ws.append(["序号", "发放日期", "姓名", "部门", "项目", "发放金额", "凭证号", "领取人签字"])
    start = dt.date(2020, 1, 1)
    total = 0.0
    for i in range(rows):
        day = start + dt.timedelta(days=i // 40)
        amount = rng.choice(AMOUNTS)
        total += amount
        serial = f"{i % 9_999_999:07d}"
        ws.append(
            [
                i + 1,
                day,
                rng.choice(NAMES),
                rng.choice(DEPARTMENTS),
                f"ZL2024{rng.choice('12')}{serial}.{rng.randint(0, 9)}",
                amount,
                f"记-{day:%Y-%m%d}",
                "",
            ]
        )
    ws.append(["合计", None, None, None, None, round(total, 2), None, None])
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    tmp.replace(path)


def bare_calamine(path: Path) -> int:
    wb = python_calamine.CalamineWorkbook.from_path(str(path))
    sheet = wb.get_sheet_by_name(wb.sheet_names[0])
    n = 0
    for _row in sheet.iter_rows():
        n += 1
    wb.close()
    return n


def best_of(repeat: int, fn, *args):
    best = float("inf")
    value = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best, value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = OUT / f"payments_{args.rows}.xlsx"
    if not path.exists():
        t0 = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {path.name} in {time.perf_counter() - t0:.1f} s")
    size = path.stat().st_size / 1e6
    t_cal, n = best_of(args.repeat, bare_calamine, path)
    t_imp, result = best_of(args.repeat, import_ledger, path)
    ratio = t_imp / t_cal
    print(f"file: {path.name} ({size:.1f} MB, {n} rows)")
    print(f"bare calamine iteration : {t_cal:.3f} s")
    print(
        f"import_ledger           : {t_imp:.3f} s  ({len(result.entries)} entries,"
        f" {len(result.problems)} problems, {len(result.totals)} totals)"
    )
    print(f"ratio                   : {ratio:.2f}  (target ≤ 2.00)")
    return 0 if ratio <= 2.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
