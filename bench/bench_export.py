"""Benchmark: the readiness pack.

    .venv/bin/python bench/bench_export.py [--files 500] [--total-mb 1000] [--dir D]
                                           [--rows 10000] [--findings 2000] [--skip-evidence]

1. **Evidence.** A workspace holds ``--files`` evidence files of random bytes totalling
   ``--total-mb`` MB, as scans and office files are (pdf, jpg, png, docx, xlsx: already
   compressed). Measured in the same run, best of ``--repeat``:
   - the baseline: copying the same bytes from the source files to a folder and SHA-256-hashing
     them (both ways: ``shutil.copyfile`` then a hashing read, and one read that hashes and
     writes; the faster is the baseline);
   - exporting the pack to a folder, and to a zip (everything: documents, evidence streamed out of
     the workspace and hashed, manifest).
   Budget: export ≤ 1.5 × baseline. Every measurement starts after ``sync`` and a pause, so none
   pays for the write-back of another; ``--dir /dev/shm`` takes the disk out of the comparison.
2. **Report.** The demo workspace's snapshot with ``--rows`` ledger discrepancies in the
   reconciliation (rewards never paid: the real ``reconcile()`` over generated ledgers) and
   ``--findings`` findings; the figure is ``build_report()`` alone, and the workbook for reference.
   Budget: report ≤ 3 s.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import os
import shutil
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ipaudit.demo import content
from ipaudit.demo.build import build_demo
from ipaudit.domain.model import Finding, Grade, ItemKind, Text
from ipaudit.export.data import LedgerData, collect
from ipaudit.export.options import ExportOptions
from ipaudit.export.pack import export_pack
from ipaudit.export.report_docx import build_report
from ipaudit.export.workbook_xlsx import build_workbook
from ipaudit.ledger.model import Entry, LedgerKind, SourceRef
from ipaudit.ledger.reconcile import reconcile
from ipaudit.services import Workspace

CHUNK = 1 << 20
EXTENSIONS = ("pdf", "jpg", "png", "docx", "xlsx")


def make_sources(folder: Path, files: int, total: int) -> list[Path]:
    folder.mkdir(parents=True)
    size = total // files
    out = []
    for n in range(files):
        path = folder / f"扫描件-{n:04d}.{EXTENSIONS[n % len(EXTENSIONS)]}"
        with path.open("wb") as fh:
            left = size
            while left:
                chunk = os.urandom(min(CHUNK, left))
                fh.write(chunk)
                left -= len(chunk)
        out.append(path)
    return out


def settle() -> None:
    """Write back what earlier steps left in the page cache (and let the file system finish
    discarding what they deleted), so no step pays for another's."""
    os.sync()
    time.sleep(1.0)


def baseline_copyfile(sources: list[Path], target: Path) -> float:
    target.mkdir()
    start = time.perf_counter()
    for src in sources:
        dst = target / src.name
        shutil.copyfile(src, dst)
        h = hashlib.sha256()
        with dst.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                h.update(chunk)
    return time.perf_counter() - start


def baseline_one_pass(sources: list[Path], target: Path) -> float:
    target.mkdir()
    start = time.perf_counter()
    for src in sources:
        h = hashlib.sha256()
        with src.open("rb") as fh, (target / src.name).open("wb") as out:
            while chunk := fh.read(CHUNK):
                h.update(chunk)
                out.write(chunk)
    return time.perf_counter() - start


def evidence_bench(args: argparse.Namespace, base: Path) -> None:
    base.mkdir(parents=True)
    total = args.total_mb * 1_000_000
    print(f"evidence: {args.files} files, {total / 1e9:.2f} GB of incompressible bytes")
    t0 = time.perf_counter()
    sources = make_sources(base / "src", args.files, total)
    print(f"  generated the sources in {time.perf_counter() - t0:.1f} s")
    ws_path = base / "bench.ipaudit"
    t0 = time.perf_counter()
    with Workspace.create(ws_path, content.INFO, facts=content.FACTS) as ws:
        items = [i for i in ws.template.items if i.kind is ItemKind.RECORDS and ws.owner(i)]
        for n, src in enumerate(sources):
            item = items[n % len(items)]
            ws.store.attach(src, item_key=item.key, department=ws.owner(item))
        ws.changed()
    print(f"  attached them to a workspace in {time.perf_counter() - t0:.1f} s")

    results: dict[str, float] = {}
    for run in range(args.repeat):
        for name, fn in (
            ("copyfile+hash", baseline_copyfile),
            ("one-pass copy+hash", baseline_one_pass),
        ):
            target = base / f"copy-{run}-{name[:4]}"
            settle()
            seconds = fn(sources, target)
            shutil.rmtree(target)
            results[name] = min(results.get(name, seconds), seconds)
        for name, as_zip in (("export to a folder", False), ("export to a zip", True)):
            target = base / (f"pack-{run}.zip" if as_zip else f"pack-{run}")
            with Workspace.open(ws_path) as ws:
                ws.assess()  # findings are computed once per open workspace, as in the app
                settle()
                start = time.perf_counter()
                result = export_pack(ws, target, ExportOptions(as_zip=as_zip))
                seconds = time.perf_counter() - start
            assert result.bytes >= total
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink()
            results[name] = min(results.get(name, seconds), seconds)
    baseline = min(results["copyfile+hash"], results["one-pass copy+hash"])
    gb = total / 1e9
    print(f"  {'':24} {'seconds':>8} {'GB/s':>6} {'× baseline':>11}")
    for name, seconds in results.items():
        print(f"  {name:24} {seconds:8.2f} {gb / seconds:6.2f} {seconds / baseline:11.2f}")
    for name in ("export to a folder", "export to a zip"):
        ratio = results[name] / baseline
        verdict = "OK" if ratio <= 1.5 else "OVER BUDGET"
        print(f"  budget ≤ 1.5× baseline — {name}: {ratio:.2f}× {verdict}")


def ledger(rows: int) -> list[Entry]:
    start = dt.date(2025, 12, 1)
    return [
        Entry(
            LedgerKind.REWARDS,
            SourceRef("知识产权奖惩记录表.xlsx", "奖惩记录", n + 3),
            date=start + dt.timedelta(days=n % 360),
            person=f"员工{n % 997:03d}",
            department="研发部",
            ip_number=f"2026SR{n:07d}",
            amount=Decimal(500 + n % 7 * 100).quantize(Decimal("0.01")),
            text="软件著作权登记奖励",
        )
        for n in range(rows)
    ]


def report_bench(args: argparse.Namespace, base: Path) -> None:
    base.mkdir(parents=True)
    demo = build_demo(base / "demo.ipaudit")
    rewards = ledger(args.rows)
    recon = reconcile(rewards, [], [], period=(content.INFO.period_start, content.INFO.period_end))
    print(
        f"report: {len(recon.discrepancies)} discrepancies from {len(rewards)} ledger rows, {args.findings} findings"
    )
    with Workspace.open(demo) as ws:
        data = collect(ws, ExportOptions(), "pack")
    deps = [d.key for d in data.departments]
    items = {d: [i.key for i in data.items[d]] for d in deps}
    grades = list(Grade)
    findings = [
        Finding(
            "too_few_records",
            grades[n % 3],
            deps[n % len(deps)],
            items[deps[n % len(deps)]][n % len(items[deps[n % len(deps)]])],
            Text(
                f"第 {n} 项：需要至少 3 份记录，现有 2 份",
                f"finding {n}: 3 records required, 2 attached",
            ),
            key=f"bench:{n}",
        )
        for n in range(args.findings)
    ]
    data = dataclasses.replace(
        data,
        findings=findings,
        ledger=LedgerData({LedgerKind.REWARDS: rewards}, [], recon, {}),
    )
    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        report = build_report(data)
        timings.append(time.perf_counter() - start)
    start = time.perf_counter()
    workbook = build_workbook(data)
    book_s = time.perf_counter() - start
    best = min(timings)
    print(f"  build_report: best {best:.2f} s of {args.repeat} ({len(report) / 1e6:.1f} MB docx)")
    print(f"  build_workbook (for reference): {book_s:.2f} s ({len(workbook) / 1e6:.1f} MB xlsx)")
    print(f"  budget ≤ 3 s — {'OK' if best <= 3 else 'OVER BUDGET'}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--files", type=int, default=500)
    p.add_argument("--total-mb", type=int, default=1000)
    p.add_argument("--rows", type=int, default=10_000)
    p.add_argument("--findings", type=int, default=2_000)
    p.add_argument("--repeat", type=int, default=2)
    p.add_argument(
        "--dir",
        help="temporary folder (needs about 3 × total-mb free); /dev/shm measures without the"
        " disk's ups and downs",
    )
    p.add_argument("--skip-evidence", action="store_true")
    p.add_argument("--skip-report", action="store_true")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="ipaudit-bench-export-", dir=args.dir) as tmp:
        base = Path(tmp)
        if not args.skip_report:
            report_bench(args, base / "report")
        if not args.skip_evidence:
            evidence_bench(args, base / "evidence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
