"""Benchmark: importing a 100,000-row xlsx payment register vs a bare python-calamine iteration.

    .venv/bin/python bench/bench_ledger_import.py [--rows 100000] [--repeat 3]

The ledger is generated once (openpyxl, write-only) and cached under bench/out/. Both sides read
the same file in the same run, interleaved; each is timed ``--repeat`` times and the best time
counts:

* calamine: open the workbook, load the sheet, iterate every row (python objects per cell);
* import_ledger: the same plus the xlsx pre-scan, header detection, normalisation into entries,
  problems and the stated total.

Target (issue 4): import ≤ 2 × calamine.

With ``--bad-files`` it also times how long each kind of bad file takes to be refused with its
typed error (target: well under a second each): truncated, empty, password-protected, OLE2
garbage, PDF, PNG, Word, huge-column and far-away-cell xlsx, huge xls, binary garbage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
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


def bad_files(folder: Path, good: Path) -> dict[str, Path]:
    """One file of each bad kind, written into ``folder``."""
    import zipfile

    import openpyxl
    import xlwt

    files: dict[str, Path] = {}
    data = good.read_bytes()
    files["truncated xlsx"] = folder / "truncated.xlsx"
    files["truncated xlsx"].write_bytes(data[: len(data) // 2])
    files["empty"] = folder / "empty.xlsx"
    files["empty"].write_bytes(b"")
    try:
        from msoffcrypto.format.ooxml import OOXMLFile

        small = folder / "small.xlsx"
        wb = openpyxl.Workbook()
        wb.active.append(["日期", "姓名", "金额"])
        wb.save(small)
        files["password-protected xlsx"] = folder / "encrypted.xlsx"
        with small.open("rb") as f, files["password-protected xlsx"].open("wb") as out:
            OOXMLFile(f).encrypt("secret", out)
    except ImportError:  # msoffcrypto-tool is a test dependency
        pass
    rng = random.Random(1)
    files["OLE2 garbage"] = folder / "ole2.xls"
    files["OLE2 garbage"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(8192))
    files["PDF"] = folder / "report.xlsx"
    files["PDF"].write_bytes(b"%PDF-1.7\n" + rng.randbytes(4096))
    files["PNG"] = folder / "scan.xls"
    files["PNG"].write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(4096))
    files["Word docx"] = folder / "letter.xlsx"
    with zipfile.ZipFile(files["Word docx"], "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")
    wide = openpyxl.Workbook()
    wide.active.append(["日期", "姓名", "金额"])
    wide.active.cell(row=2, column=16384, value="x")
    files["huge-column xlsx"] = folder / "wide.xlsx"
    wide.save(files["huge-column xlsx"])
    far = openpyxl.Workbook()
    far.active["A1"] = "日期"
    far.active["XFD1048576"] = 1
    files["far-away cell xlsx"] = folder / "far.xlsx"
    far.save(files["far-away cell xlsx"])
    book = xlwt.Workbook()
    sheet = book.add_sheet("S")
    sheet.write(0, 0, "日期")
    sheet.write(65535, 255, 1)
    files["65536 x 256 xls"] = folder / "huge.xls"
    book.save(str(files["65536 x 256 xls"]))
    files["binary garbage"] = folder / "garbage.csv"
    files["binary garbage"].write_bytes(rng.randbytes(1 << 20))
    files["huge-column csv"] = folder / "wide.csv"
    files["huge-column csv"].write_text("日期,姓名,金额\n" + ",".join("x" * 20000) + "\n")
    return files


def time_bad_files(good: Path) -> float:
    import tempfile

    from ipaudit.ledger.errors import LedgerError

    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for label, path in bad_files(Path(tmp), good).items():
            t0 = time.perf_counter()
            try:
                import_ledger(path)
                outcome = "imported (!)"
            except LedgerError as error:
                outcome = type(error).__name__
            took = time.perf_counter() - t0
            worst = max(worst, took)
            print(f"  {label:<24} {took * 1000:8.1f} ms  {outcome}")
    return worst


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--bad-files", action="store_true", help="also time the bad-file errors")
    args = parser.parse_args()
    path = OUT / f"payments_{args.rows}.xlsx"
    if not path.exists():
        t0 = time.perf_counter()
        generate(path, args.rows)
        print(f"generated {path.name} in {time.perf_counter() - t0:.1f} s")
    size = path.stat().st_size / 1e6
    # interleaved (calamine, ours, calamine, ours …) so that both see the same machine
    t_cal = t_imp = float("inf")
    for _ in range(args.repeat):
        took, n = best_of(1, bare_calamine, path)
        t_cal = min(t_cal, took)
        took, result = best_of(1, import_ledger, path)
        t_imp = min(t_imp, took)
    ratio = t_imp / t_cal
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"file: {path.name} ({size:.1f} MB, {n} rows); load average {os.getloadavg()[0]:.2f}")
    print(f"bare calamine iteration : {t_cal:.3f} s")
    print(
        f"import_ledger           : {t_imp:.3f} s  ({len(result.entries)} entries,"
        f" {len(result.problems)} problems, {len(result.totals)} totals)"
    )
    print(f"ratio                   : {ratio:.2f}  (target ≤ 2.00)")
    print(
        f"peak RSS of this process: {rss:.0f} MB (both sides; bench_import_memory.py splits them)"
    )
    ok = ratio <= 2.0
    if args.bad_files:
        print("bad files, time to the typed error:")
        worst = time_bad_files(path)
        print(f"slowest                 : {worst * 1000:.1f} ms  (target < 1000 ms)")
        ok = ok and worst < 1.0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
