"""Workspace core benchmarks.

1. Findings and readiness of a workspace with 2,000 items and 5,000 evidence records (target ≤ 200 ms).
2. Attaching a 1 GB file, against `sha256sum` + `cp` of the same file in the same run (target ≤ 1.5×),
   and the peak memory growth while attaching (target ≤ 64 MB).
3. Opening a workspace with a 5,000-item checklist in a fresh process, its checklist parsed from
   YAML and read from the parse cache (services.template_cache), with the peak memory of each.

Run: .venv/bin/python bench/bench_core.py [--size-mb 1024] [--open-only]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from ipaudit.domain.model import (  # noqa: E402
    ItemKind,
    Status,
)
from ipaudit.services import Workspace  # noqa: E402
from ipaudit.store import schema as s  # noqa: E402
from tests.factories import INFO  # noqa: E402

DEPARTMENTS = ("management", "ip_office", "rnd", "hr_admin", "marketing", "finance", "production")
KINDS = (ItemKind.DOCUMENT, ItemKind.RECORDS, ItemKind.RECORD_SET, ItemKind.YEARLY, ItemKind.ANSWER)


def big_template_yaml(n_items: int) -> str:
    import yaml

    items = []
    for i in range(n_items):
        kind = KINDS[i % len(KINDS)]
        item: dict[str, object] = {
            "key": f"bench.item{i:04d}",
            "department": DEPARTMENTS[i % len(DEPARTMENTS)],
            "clause": "8.1",
            "refs": {"2023": "8.1", "2013": "8.2"},
            "title": {"zh": f"条目{i}", "en": f"Item {i}"},
            "guidance": {"zh": "说明", "en": "Guidance"},
            "kind": kind.value,
            "questions": [
                {"key": "headcount", "zh": "多少人？", "en": "How many?", "fact": "headcount"}
            ],
        }
        if kind is ItemKind.RECORDS:
            item["min_count"] = 3
        if kind is ItemKind.RECORD_SET:
            item.update(
                instances=3,
                instance_label={"zh": "项目", "en": "Project"},
                sub_records=[{"key": k, "zh": k, "en": k} for k in ("init", "design", "test")],
            )
        items.append(item)
    doc = {
        "edition": "2023",
        "title": {"zh": "基准", "en": "Bench"},
        "departments": [
            {"key": k, "zh": k, "en": k, "optional": k == "procurement"}
            for k in (*DEPARTMENTS, "procurement")
        ],
        "clauses": [{"ref": "8.1", "zh": "运行", "en": "Operation"}],
        "items": items,
    }
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def big_workspace(path: Path, n_items: int, n_evidence: int) -> Workspace:
    """A workspace with ``n_items`` items from ``big_template_yaml``, every item with a state, and
    ``n_evidence`` evidence rows spread over the items (all on one one-byte blob)."""
    ws = Workspace.create(path, INFO, template_yaml=big_template_yaml(n_items))
    items = ws.template.items
    now = dt.datetime(2026, 1, 1)
    with ws.store._write() as conn:
        conn.execute(insert(s.blobs).values(sha256="0" * 64, size=1))
        conn.execute(insert(s.blob_chunks).values(blob_id=1, seq=0, data=b"x"))
        conn.execute(
            insert(s.item_states),
            [
                {
                    "item_key": it.key,
                    "department": it.department,
                    "status": Status.READY.value if i % 3 else Status.IN_PROGRESS.value,
                    "na_reason": "",
                    "notes": "",
                    "answers": '{"headcount": "23人"}',
                    "instance_names": "[]",
                    "version": 1,
                    "updated_at": now,
                }
                for i, it in enumerate(items)
            ],
        )
        rows = []
        for n in range(n_evidence):
            it = items[n % len(items)]
            slot = f"{n % 3 + 1}/init" if it.kind is ItemKind.RECORD_SET else ""
            rows.append(
                {
                    "item_key": it.key,
                    "slot": slot,
                    "department": it.department,
                    "sha256": "0" * 64,
                    "size": 1,
                    "original_name": f"f{n}.pdf",
                    "title": f"记录{n}",
                    "doc_date": dt.date(2025, 1 + n % 12, 1),
                    "added_at": now,
                }
            )
        if rows:
            conn.execute(insert(s.evidence), rows)
    return ws


def bench_checks(tmp: Path, n_items: int = 2000, n_evidence: int = 5000) -> dict[str, float]:
    ws = big_workspace(tmp / "big.ipaudit", n_items, n_evidence)
    times = []
    for _ in range(7):
        ws.changed()
        t0 = time.perf_counter()
        a = ws.assess()
        times.append(time.perf_counter() - t0)
    ws.close()
    return {
        "checks_ms_median": statistics.median(times) * 1000,
        "checks_ms_best": min(times) * 1000,
        "findings": float(len(a.findings)),
    }


ATTACH_CHILD = """
import sys, time
sys.path.insert(0, {root!r})
from ipaudit.store.workspace_store import WorkspaceStore

def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) * 1024
store = WorkspaceStore.open({ws!r})
store.item_states()
open("/proc/self/clear_refs", "w").write("5")  # reset the peak to the current RSS
base = rss("VmRSS:")
t0 = time.perf_counter()
ev = store.attach({src!r}, item_key="big", department="rnd")
elapsed = time.perf_counter() - t0
print(elapsed, rss("VmHWM:") - base, ev.sha256)
"""


def bench_attach(tmp: Path, size_mb: int) -> dict[str, float]:
    src = tmp / "big.bin"
    block = os.urandom(1 << 20)
    with src.open("wb") as fh:
        for i in range(size_mb):
            fh.write(block[:-8] + i.to_bytes(8, "little"))
    ws_path = tmp / "attach.ipaudit"
    Workspace.create(ws_path, INFO).close()
    results = {}
    # baseline: what the OS tools take for the same work
    t0 = time.perf_counter()
    out = subprocess.run(["sha256sum", str(src)], capture_output=True, text=True, check=True)
    shutil.copyfile(src, tmp / "copy.bin")
    os.sync()
    results["sha256sum_plus_cp_s"] = time.perf_counter() - t0
    (tmp / "copy.bin").unlink()
    code = ATTACH_CHILD.format(root=str(ROOT), ws=str(ws_path), src=str(src))
    t0 = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    os.sync()
    wall = time.perf_counter() - t0
    elapsed, peak_growth, sha = child.stdout.split()
    assert sha == out.stdout.split()[0], "attach stored a different hash than sha256sum"
    results["attach_s"] = float(elapsed)
    results["attach_process_wall_s"] = wall
    results["ratio"] = float(elapsed) / results["sha256sum_plus_cp_s"]
    results["peak_memory_growth_mb"] = int(peak_growth) / (1 << 20)
    return results


OPEN_CODE = """
import resource, sys, time
from pathlib import Path
began = time.perf_counter()
from ipaudit.services import Workspace
imported = time.perf_counter()
ws = Workspace.open(Path(sys.argv[1]))
opened = time.perf_counter()
# once open (closing loads more); VmHWM, since ru_maxrss keeps the parent's peak across exec
try:
    status = Path("/proc/self/status").read_text()
    peak = int(next(x for x in status.splitlines() if x.startswith("VmHWM")).split()[1])
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
ws.close()
print(opened - imported, peak)
"""


def bench_open(tmp: Path, n_items: int = 5000, runs: int = 5) -> dict[str, float]:
    """Median seconds of Workspace.open (imports excluded) and peak RSS in MB, fresh processes,
    without and with the parse cache (warmed by one run that is not counted)."""
    path = tmp / "open.ipaudit"
    big_workspace(path, n_items, 0).close()
    results: dict[str, float] = {}
    for label, cache in (("yaml", None), ("cache", tmp / "template-cache")):
        env = {k: v for k, v in os.environ.items() if k != "IPAUDIT_CACHE_DIR"}
        env["PYTHONPATH"] = str(ROOT)
        if cache is not None:
            env["IPAUDIT_CACHE_DIR"] = str(cache)
        times, peaks = [], []
        for n in range(runs + 1):
            out = subprocess.run(
                [sys.executable, "-c", OPEN_CODE, str(path)],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            ).stdout.split()
            if n:
                times.append(float(out[0]))
                peaks.append(int(out[1]) / 1024)
        results[f"{label}_s"] = statistics.median(times)
        results[f"{label}_peak_mb"] = statistics.median(peaks)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument("--dir", help="where to put the 1 GB files (default: a temp folder)")
    parser.add_argument("--open-only", action="store_true", help="only the opening figures")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        o = bench_open(Path(tmp))
        print(
            f"open a 5,000-item workspace (fresh process, median of 5): checklist parsed"
            f" {o['yaml_s'] * 1000:.0f} ms, peak {o['yaml_peak_mb']:.0f} MB; from the parse cache"
            f" {o['cache_s'] * 1000:.0f} ms, peak {o['cache_peak_mb']:.0f} MB"
        )
        if args.open_only:
            return
        c = bench_checks(Path(tmp))
        print(
            f"checks+readiness, 2000 items / 5000 evidence: median {c['checks_ms_median']:.1f} ms, "
            f"best {c['checks_ms_best']:.1f} ms ({int(c['findings'])} findings)   target ≤ 200 ms"
        )
        a = bench_attach(Path(tmp), args.size_mb)
        print(
            f"attach {args.size_mb} MB: {a['attach_s']:.2f} s; sha256sum+cp {a['sha256sum_plus_cp_s']:.2f} s; "
            f"ratio {a['ratio']:.2f} (target ≤ 1.5); peak memory growth {a['peak_memory_growth_mb']:.1f} MB (target ≤ 64)"
        )


if __name__ == "__main__":
    main()
