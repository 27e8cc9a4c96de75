#!/usr/bin/env python3
"""Desktop app benchmarks (offscreen). Prints figures; not a test.

    .venv/bin/python bench/bench_gui.py [--runs 7] [--attach-mb 1024] [--skip-attach]
                                        [--startup-only]

1. start-up: process start to the first paint of the main window (budget 350 ms), to the window
   showing the readiness the demo workspace last recorded (read with sqlite3 before that paint),
   and to the window painted with the demo workspace's page, which opens in a worker meanwhile
   (budget 600 ms)
   (``main.py gui --smoke``: the app prints the time of both paints; we subtract the time just
   before the process was spawned).
2. department switch: a workspace whose template has 500 items in one department; the time from
   choosing that department to the window having painted it. Budget 100 ms.
3. event-loop stall: a 10 ms timer probes the GUI thread while a 1 GB file is attached through the
   item panel (the same worker path as a drop); the longest gap between two ticks beyond the
   10 ms interval is the stall. Budget 100 ms.
"""

from __future__ import annotations

import argparse
import copy
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
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def isolated_env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "IPAUDIT_")) and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(
        # bytecode is cached as on a user's machine, but outside the source tree
        PYTHONPYCACHEPREFIX=str(home / "pycache"),
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        QT_QPA_PLATFORM="offscreen",
    )
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    return env


def speed_reference(env: dict[str, str], runs: int = 5) -> float:
    """Median wall time in ms of a fresh interpreter importing SQLAlchemy: the same kind of work
    as most of the start-up (loading modules), timed on this machine at the moment. The virtual
    machines these figures come from change speed by up to 1.6x from one minute to the next;
    this says which kind of minute the figures beside it were taken in."""
    times = []
    for _ in range(runs + 1):  # the first warms the disk cache
        before = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import sqlalchemy"], env=env, check=True)
        times.append(time.perf_counter() - before)
    return statistics.median(times[1:]) * 1000


def bench_startup(demo: Path, runs: int, tmp: Path) -> None:
    print("1. start-up to first paint (main.py gui --smoke <demo>)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"   ({os.cpu_count()} CPUs, load average {load:.1f}: other work on the machine slows this)"
    )
    env = isolated_env(tmp / "home")
    for name in ("IPAUDIT_PRELOAD", "IPAUDIT_STORED_READINESS"):  # compare with and without
        if os.environ.get(name) is not None:
            env[name] = os.environ[name]
    totals: list[float] = []
    inside: list[float] = []
    cpu: list[float] = []
    shown: list[float] = []
    shown_cpu: list[float] = []
    stored: list[float] = []
    rss: list[float] = []
    reference = speed_reference(env)
    for n in range(runs + 1):  # the first run warms the disk cache and compiles bytecode
        before = time.time()
        done = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "gui", "--smoke", str(demo)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"the app failed (exit {done.returncode}):\n{done.stderr}")
        line = next(x for x in done.stdout.splitlines() if x.startswith("IPAUDIT_FIRST_PAINT"))
        _tag, painted_at, since_run, cpu_seconds, *_rss = line.split()
        full = next(x for x in done.stdout.splitlines() if x.startswith("IPAUDIT_WORKSPACE_SHOWN"))
        kept = [x for x in done.stdout.splitlines() if x.startswith("IPAUDIT_STORED_SHOWN")]
        if n:
            if kept:
                stored.append(float(kept[0].split()[1]) - before)
            shown.append(float(full.split()[1]) - before)
            shown_cpu.append(float(full.split()[3]))
            if len(full.split()) > 4:
                rss.append(float(full.split()[4]))
            totals.append(float(painted_at) - before)
            inside.append(float(since_run))
            cpu.append(float(cpu_seconds))
    print(
        f"   process start → first paint: median {statistics.median(totals) * 1000:.0f} ms,"
        f" min {min(totals) * 1000:.0f} ms, max {max(totals) * 1000:.0f} ms"
        f" over {runs} runs (budget 350 ms)"
    )
    if stored:
        print(
            f"   process start → readiness last recorded visible (read with sqlite3, replaced"
            f" once the workspace is open): median {statistics.median(stored) * 1000:.0f} ms,"
            f" min {min(stored) * 1000:.0f} ms, max {max(stored) * 1000:.0f} ms"
            f" in {len(stored)} of {runs} runs"
        )
    print(
        f"   process start → workspace content visible (its page): median"
        f" {statistics.median(shown) * 1000:.0f} ms, min {min(shown) * 1000:.0f} ms,"
        f" max {max(shown) * 1000:.0f} ms (budget 600 ms)"
    )
    print(
        f"   of which run() → first paint: median {statistics.median(inside) * 1000:.0f} ms"
        " (before run(): the interpreter and main.py)"
    )
    print(
        f"   CPU time of the process until its first paint: median"
        f" {statistics.median(cpu) * 1000:.0f} ms (less sensitive to other load)"
    )
    print(
        f"   machine speed at the time: a fresh interpreter imports SQLAlchemy in {reference:.0f} ms"
        f" before the runs, {speed_reference(env):.0f} ms after (median of 5)"
    )
    print(
        f"   CPU time until the workspace is visible: median"
        f" {statistics.median(shown_cpu) * 1000:.0f} ms; peak RSS then: median"
        f" {statistics.median(rss) if rss else float('nan'):.0f} MB"
    )


def template_with_big_department(department: str, count: int) -> str:
    import yaml

    from ipaudit.domain.template import builtin_text

    data = yaml.safe_load(builtin_text("2023"))
    base = next(
        it for it in data["items"] if it["department"] == department and it["kind"] == "document"
    )
    existing = [it for it in data["items"] if it["department"] == department]
    clauses = sorted({it["clause"] for it in existing})
    extra = []
    for i in range(count - len(existing)):
        item = copy.deepcopy(base)
        item["key"] = f"{department}.bench_{i:03d}"
        clause = clauses[i % len(clauses)]
        same = next(it for it in existing if it["clause"] == clause)
        item["clause"] = clause
        item["refs"] = copy.deepcopy(same["refs"])
        if "unconfirmed" in same:
            item["unconfirmed"] = list(same["unconfirmed"])
        else:
            item.pop("unconfirmed", None)
        item["title"] = {"zh": f"测试记录 {i:03d}", "en": f"Bench record {i:03d}"}
        item.pop("seed", None)
        extra.append(item)
    data["items"].extend(extra)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def bench_department_switch(tmp: Path, repeats: int = 15) -> None:
    from PySide6.QtWidgets import QApplication

    from ipaudit.demo.content import INFO
    from ipaudit.services import Workspace
    from ipaudit.ui import i18n
    from ipaudit.ui.main_window import MainWindow
    from ipaudit.ui.settings import Settings

    print("2. switching to a department with 500 items")
    path = tmp / "big.ipaudit"
    Workspace.create(path, INFO, template_yaml=template_with_big_department("rnd", 500)).close()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.set_language("zh")
    window = MainWindow(Settings())
    window.resize(1440, 900)
    window.show()
    window.open_path(path)
    session, page = window.session, window.page
    assert session is not None and page is not None
    items = len(session.items_of("rnd"))
    while session.assessment is None:
        app.processEvents()
    app.processEvents()
    times: list[float] = []
    for _ in range(repeats):
        page.show_department("management")
        window.repaint()
        app.processEvents()
        start = time.perf_counter()
        window.show_department("rnd")
        window.repaint()  # painted, not just scheduled
        times.append(time.perf_counter() - start)
        app.processEvents()
    print(
        f"   {items} items: median {statistics.median(times) * 1000:.1f} ms,"
        f" max {max(times) * 1000:.1f} ms over {repeats} switches (budget 100 ms)"
    )
    window.close()


def make_big_file(path: Path, megabytes: int) -> None:
    block = os.urandom(1 << 20)
    with path.open("wb") as fh:
        for i in range(megabytes):
            fh.write(block[i % 997 :] + block[: i % 997])  # no two chunks alike


def bench_attach_stall(demo: Path, tmp: Path, megabytes: int) -> None:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from ipaudit.ui.main_window import MainWindow
    from ipaudit.ui.settings import Settings

    print(f"3. event-loop stall while a {megabytes} MB file is attached through the item panel")
    big = tmp / "scan.bin"
    make_big_file(big, megabytes)
    work = tmp / "attach.ipaudit"
    shutil.copyfile(demo, work)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = MainWindow(Settings())
    window.resize(1440, 900)
    window.show()
    window.open_path(work)
    session, page = window.session, window.page
    assert session is not None and page is not None
    while session.assessment is None:
        app.processEvents()
    item = next(it for it in session.workspace.template.items if it.kind.value == "document")
    page.show_item(session.workspace.owner(item), item.key)
    panel = page.item_panel
    transfer = panel.transfer

    gaps: list[float] = []
    clock = QElapsedTimer()
    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(lambda: gaps.append(clock.restart() / 1000.0))
    loop = QEventLoop()
    transfer.attached.connect(lambda _evs: loop.quit())
    transfer.failed.connect(lambda exc: (print("   failed:", exc), loop.quit()))
    clock.start()
    probe.start()
    started = time.perf_counter()
    panel.attach_files([big])
    loop.exec()
    elapsed = time.perf_counter() - started
    probe.stop()
    longest = max(gaps[1:]) if len(gaps) > 1 else float("nan")
    stall = max(0.0, longest - 0.010)
    print(
        f"   attached in {elapsed:.1f} s ({megabytes / elapsed:.0f} MB/s); {len(gaps)} ticks;"
        f" longest gap {longest * 1000:.0f} ms → stall {stall * 1000:.0f} ms (budget 100 ms)"
    )
    window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Desktop app benchmarks")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--attach-mb", type=int, default=1024)
    parser.add_argument("--skip-attach", action="store_true")
    parser.add_argument("--startup-only", action="store_true", help="only the start-up figures")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    tmp = Path(tempfile.mkdtemp(prefix="ipaudit-bench-gui-"))
    os.environ["IPAUDIT_DATA_DIR"] = str(tmp / "data")
    try:
        from ipaudit.demo.build import build_demo

        demo = build_demo(tmp / "demo.ipaudit")
        bench_startup(demo, args.runs, tmp)
        if args.startup_only:
            return 0
        QCoreApplication.setOrganizationName("ipaudit-bench")
        QCoreApplication.setApplicationName("ipaudit-bench")
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings")
        )
        app = QApplication(["bench", "-platform", "offscreen:size=1600x1000"])
        bench_department_switch(tmp)
        if not args.skip_attach:
            bench_attach_stall(demo, tmp, args.attach_mb)
        from ipaudit.ui import workers

        workers.wait_all()
        del app
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
