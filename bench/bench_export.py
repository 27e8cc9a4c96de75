"""Benchmark: the readiness pack.

    .venv/bin/python bench/bench_export.py [--files 500] [--total-mb 1000] [--dir D]
                                           [--rows 10000] [--findings 2000] [--skip-evidence]

1. **Evidence.** A workspace holds ``--files`` evidence files of random bytes totalling
   ``--total-mb`` MB, as scans and office files are (pdf, jpg, png, docx, xlsx: already
   compressed). It runs on the machine's disk: by default in /var/tmp (or the project folder when
   that is a tmpfs); ``--dir`` chooses another folder, and the file system's type is printed
   (on tmpfs the figures say nothing about the disk). Measured in the same run, best of
   ``--repeat``:
   - the durable baselines — the export's durability at the least cost, with the same fsyncs:
     *folder*: one pass reading each source, SHA-256-hashing it and writing the copy, each file
     fsynced as it is closed, then every folder and the parent fsynced;
     *one file*: one pass writing every source, hashed, into one file, fsynced once, then the
     parent (for reference);
     *zip*: the same into a zip of stored entries — the zip format's own work (a CRC-32 and headers
     per entry) on top of it; the export to a zip is measured against this one;
   - exporting the pack to a folder, and to a zip (everything: documents, evidence streamed out of
     the workspace and hashed, manifest, the work folder renamed into place and the export
     recorded in the workspace's history);
   - for reference, the same copies without fsync (``shutil.copyfile`` then a hashing read; one
     hashing pass).
   Budget: each export ≤ 1.5 × its durable baseline. The CPU time of the process (all threads)
   and the peak memory (RSS sampled every 20 ms, and its growth during the step) are printed
   beside every time, with the load average: on a busy machine the wall-clock times stretch,
   the CPU times much less. Every measurement starts after ``sync`` and a
   pause, so none pays for the write-back of another.
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
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ipaudit.demo import content
from ipaudit.demo.build import build_demo
from ipaudit.domain.model import Finding, Grade, ItemKind, Text
from ipaudit.export.data import LedgerData
from ipaudit.export.options import ExportOptions
from ipaudit.export.report_docx import build_report
from ipaudit.export.workbook_xlsx import build_workbook
from ipaudit.export.workfolder import fsync_folder
from ipaudit.ledger.model import Entry, LedgerKind, SourceRef
from ipaudit.ledger.reconcile import reconcile
from ipaudit.services import Workspace
from ipaudit.services.exports import export_pack, pack_data

CHUNK = 1 << 20
EXTENSIONS = ("pdf", "jpg", "png", "docx", "xlsx")
PROJECT = Path(__file__).resolve().parent.parent


def fs_type(path: Path) -> str:
    """The type of the file system holding ``path`` (Linux: from /proc/self/mounts)."""
    try:
        mounts = Path("/proc/self/mounts").read_text().splitlines()
    except OSError:
        return "unknown"
    path = path.resolve()
    best, kind = "", "unknown"
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        if (path == Path(point) or Path(point) in path.parents) and len(point) > len(best):
            best, kind = point, fields[2]
    return kind


def default_dir() -> Path:
    """A folder on the disk: /var/tmp unless that is a tmpfs, else the project's bench folder."""
    for folder in (Path("/var/tmp"), PROJECT / "bench" / "out"):
        if folder.is_dir() and fs_type(folder) not in ("tmpfs", "ramfs"):
            return folder
    (PROJECT / "bench" / "out").mkdir(exist_ok=True)
    return PROJECT / "bench" / "out"


class PeakMemory:
    """Peak resident memory of this process while a step runs (sampled)."""

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.start = 0
        self.peak = 0

    @staticmethod
    def rss() -> int:
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    @contextmanager
    def watch(self) -> Iterator[None]:
        self.start = self.peak = self.rss()
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(self.interval):
                self.peak = max(self.peak, self.rss())

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            yield
        finally:
            stop.set()
            sampler.join()
            self.peak = max(self.peak, self.rss())


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


def baseline_copyfile(sources: list[Path], target: Path) -> None:
    target.mkdir()
    for src in sources:
        dst = target / src.name
        shutil.copyfile(src, dst)
        h = hashlib.sha256()
        with dst.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                h.update(chunk)


def baseline_one_pass(sources: list[Path], target: Path, durable: bool = False) -> None:
    target.mkdir()
    for src in sources:
        h = hashlib.sha256()
        with src.open("rb") as fh, (target / src.name).open("wb") as out:
            while chunk := fh.read(CHUNK):
                h.update(chunk)
                out.write(chunk)
            if durable:
                out.flush()
                os.fsync(out.fileno())
    if durable:
        fsync_folder(target)
        fsync_folder(target.parent)


def baseline_durable_folder(sources: list[Path], target: Path) -> None:
    baseline_one_pass(sources, target, durable=True)


def baseline_durable_one_file(sources: list[Path], target: Path) -> None:
    with target.open("wb") as out:
        for src in sources:
            h = hashlib.sha256()
            with src.open("rb") as fh:
                while chunk := fh.read(CHUNK):
                    h.update(chunk)
                    out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    fsync_folder(target.parent)


def baseline_durable_zip(sources: list[Path], target: Path) -> None:
    """The zip's own least work: every source hashed and stored (not deflated, as the export
    stores compressed evidence) in one zip file, which computes each entry's CRC-32 and writes its
    headers; fsynced once, then the parent."""
    with target.open("wb") as raw, zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
        for src in sources:
            h = hashlib.sha256()
            info = zipfile.ZipInfo(f"pack/{src.name}")
            info.file_size = src.stat().st_size
            with src.open("rb") as fh, zf.open(info, "w") as out:
                while chunk := fh.read(CHUNK):
                    h.update(chunk)
                    out.write(chunk)
        zf.close()
        raw.flush()
        os.fsync(raw.fileno())
    fsync_folder(target.parent)


def remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def evidence_bench(args: argparse.Namespace, base: Path) -> None:
    base.mkdir(parents=True)
    total = args.total_mb * 1_000_000
    print(
        f"evidence: {args.files} files, {total / 1e9:.2f} GB of incompressible bytes,"
        f" in {base} ({fs_type(base)})"
    )
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

    memory = PeakMemory()
    seconds: dict[str, float] = {}
    cpu: dict[str, float] = {}
    peaks: dict[str, int] = {}
    growth: dict[str, int] = {}

    def measure(name: str, target: Path, fn: Callable[[], object]) -> None:
        settle()
        with memory.watch():
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            took, used = time.perf_counter() - start, time.process_time() - start_cpu
        remove(target)
        if took < seconds.get(name, float("inf")):
            seconds[name], cpu[name] = took, used
        peaks[name] = max(peaks.get(name, 0), memory.peak)
        growth[name] = max(growth.get(name, 0), memory.peak - memory.start)

    ws = Workspace.open(ws_path)
    ws.assess()  # findings are computed once per open workspace, as in the app

    def export(target: Path, as_zip: bool) -> Callable[[], object]:
        def run() -> None:
            result = export_pack(ws, target, ExportOptions(as_zip=as_zip))
            assert result.bytes >= total

        return run

    for run in range(args.repeat):
        steps: list[tuple[str, Path, Callable[[], object]]] = []
        for name, fn, target in (
            ("durable baseline, folder", baseline_durable_folder, base / f"dfolder-{run}"),
            ("durable baseline, one file", baseline_durable_one_file, base / f"dfile-{run}.bin"),
            ("durable baseline, zip", baseline_durable_zip, base / f"dzip-{run}.zip"),
            ("copyfile+hash (no fsync)", baseline_copyfile, base / f"copy-{run}"),
            ("one-pass copy+hash (no fsync)", baseline_one_pass, base / f"pass-{run}"),
        ):
            steps.append((name, target, lambda fn=fn, target=target: fn(sources, target)))
        steps.append(
            ("export to a folder", base / f"pack-{run}", export(base / f"pack-{run}", False))
        )
        zipped = base / f"pack-{run}.zip"
        steps.append(("export to a zip", zipped, export(zipped, True)))
        for name, target, fn in steps:
            measure(name, target, fn)
    ws.close()
    gb = total / 1e9
    print(f"  load average before: {os.getloadavg()[0]:.1f} (on {os.cpu_count()} CPUs)")
    head = f"  {'':32} {'seconds':>8} {'CPU s':>6} {'GB/s':>6} {'peak RSS':>9} {'growth':>8}"
    print(head)
    for name, took in seconds.items():
        print(
            f"  {name:32} {took:8.2f} {cpu[name]:6.2f} {gb / took:6.2f}"
            f" {peaks[name] / 2**20:6.0f} MB {growth[name] / 2**20:5.0f} MB"
        )
    for name, baseline in (
        ("export to a folder", "durable baseline, folder"),
        ("export to a zip", "durable baseline, zip"),
    ):
        ratio = seconds[name] / seconds[baseline]
        verdict = "OK" if ratio <= 1.5 else "OVER BUDGET"
        print(f"  budget ≤ 1.5× {baseline} — {name}: {ratio:.2f}× {verdict}")


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
        data = pack_data(ws, ExportOptions(), "pack")
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
        help="folder for the temporary files (needs about 3 × total-mb free; default: /var/tmp,"
        " on the disk); /dev/shm measures without the disk",
    )
    p.add_argument("--skip-evidence", action="store_true")
    p.add_argument("--skip-report", action="store_true")
    args = p.parse_args()
    folder = Path(args.dir) if args.dir else default_dir()
    with tempfile.TemporaryDirectory(prefix="ipaudit-bench-export-", dir=folder) as tmp:
        base = Path(tmp)
        if not args.skip_evidence:  # first: its memory figures start from a fresh process
            evidence_bench(args, base / "evidence")
        if not args.skip_report:
            report_bench(args, base / "report")
    return 0


if __name__ == "__main__":
    sys.exit(main())
