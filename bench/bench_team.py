"""Team workspace on PostgreSQL (issue #15).

1. Opening a 5,000-item team workspace vs the same workspace as a local file (target ≤ 1.5×):
   ``Workspace.open`` and the first findings and readiness (what the window shows first), each in
   a fresh process, with the process's peak memory beside the time.
2. 20 concurrent client processes — department heads (several per department) and a manager,
   each with its own login — edit their departments' items for 60 s on loopback. Every edit is
   one read-modify-write of an item (``Workspace.edit_state``) appending a token unique to the
   client and edit to the item's notes, on a hot set of items per department so that clients
   collide. At the end every acknowledged edit's token must be in the stored notes (a lost update
   would drop one); deadlocks are counted by the server (pg_stat_database) and by the clients;
   p50/p95 edit latency (target p95 ≤ 50 ms).

The server: IPAUDIT_TEST_PG (a superuser's address) or ``--admin-url``; without either,
tools/pg-test-server.sh starts the local cluster. The database, roles and logins the run makes
are dropped at the end.

Run: .venv/bin/python bench/bench_team.py [--clients 20] [--seconds 60] [--pause 0]
     [--items 5000] [--hot 25] [--repeat 5] [--skip-open] [--skip-clients]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEPARTMENTS = ("management", "ip_office", "rnd", "hr_admin", "marketing", "finance", "production")


def admin_url(given: str | None) -> str:
    url = given or os.environ.get("IPAUDIT_TEST_PG", "")
    if not url:
        url = subprocess.run(
            ["bash", str(ROOT / "tools" / "pg-test-server.sh")],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    return url


def with_database(url: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    p = urlsplit(url)
    return urlunsplit((p.scheme, p.netloc, "/" + name, p.query, p.fragment))


def as_login(url: str, login: str, password: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    p = urlsplit(url)
    netloc = f"{login}:{password}@{p.hostname}" + (f":{p.port}" if p.port else "")
    return urlunsplit((p.scheme, netloc, p.path, p.query, p.fragment))


def build_file(path: Path, n_items: int) -> None:
    """A workspace file with ``n_items`` items, every item with a state, 5,000 evidence rows."""
    from bench.bench_core import big_workspace

    big_workspace(path, n_items, 5000).close()


# --- 1. opening ------------------------------------------------------------------------------

OPEN_CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from ipaudit.services import Workspace
import ipaudit.store.server  # the driver is loaded for a file too: the same imports either way
def hwm():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
with open("/proc/self/clear_refs", "w") as fh:  # the peak from here on, not the imports'
    fh.write("5")
before = hwm()
t0 = time.perf_counter()
ws = Workspace.open({address!r})
t1 = time.perf_counter()
a = ws.assess()
t2 = time.perf_counter()
ws.close()
peak = hwm()
print(json.dumps({{"open": t1 - t0, "first": t2 - t0, "items": len(ws.template.items),
                  "findings": len(a.findings), "peak_kb": peak, "growth_kb": peak - before}}))
"""


def open_once(address: str) -> dict[str, float]:
    code = OPEN_CHILD.format(root=str(ROOT), address=address)
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=os.environ
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def bench_open(file: Path, server: str, repeat: int) -> dict[str, Any]:
    runs: dict[str, list[dict[str, float]]] = {"file": [], "server": []}
    for _ in range(repeat):  # interleaved, so a change of the machine's load hits both
        runs["file"].append(open_once(str(file)))
        runs["server"].append(open_once(server))
    out: dict[str, Any] = {}
    for kind, rows in runs.items():
        out[kind] = {
            "open_ms": statistics.median(r["open"] for r in rows) * 1000,
            "first_ms": statistics.median(r["first"] for r in rows) * 1000,
            "first_best_ms": min(r["first"] for r in rows) * 1000,
            "peak_mb": max(r["peak_kb"] for r in rows) / 1024,
            "growth_mb": statistics.median(r["growth_kb"] for r in rows) / 1024,
            "items": rows[0]["items"],
        }
    out["ratio_first"] = out["server"]["first_ms"] / out["file"]["first_ms"]
    out["ratio_open"] = out["server"]["open_ms"] / out["file"]["open_ms"]
    return out


# --- 2. concurrent clients -------------------------------------------------------------------


def client(
    number: int, url: str, items: list[str], start_at: float, seconds: float, pause: float
) -> dict[str, Any]:
    """One client process: edits until ``seconds`` after ``start_at`` (a wall-clock time)."""
    from ipaudit.services import Workspace
    from ipaudit.store.errors import WorkspaceError

    rng = random.Random(number)
    latencies: list[float] = []
    acked: list[tuple[str, str]] = []
    errors: dict[str, int] = {}
    ws = Workspace.open(url)
    ws.state(items[0])  # connected before the clock starts
    time.sleep(max(0.0, start_at - time.time()))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        key = rng.choice(items)
        token = f"c{number:02d}#{n}"
        n += 1

        def append(state: Any, token: str = token) -> Any:
            return replace(state, notes=f"{state.notes}\n{token}" if state.notes else token)

        t0 = time.perf_counter()
        try:
            ws.edit_state(key, append)
        except WorkspaceError as exc:
            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
            continue
        latencies.append(time.perf_counter() - t0)
        acked.append((key, token))
        if pause:
            time.sleep(pause)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    ws.close()
    peak = usage.ru_maxrss / 1024
    return {
        "latencies": latencies,
        "acked": acked,
        "errors": errors,
        "peak_mb": peak,
        "cpu_s": cpu,
    }


def _client_entry(args: tuple[Any, ...]) -> dict[str, Any]:
    return client(*args)


def server_cpu_s() -> float:
    """CPU seconds used so far by the server's processes (this machine's PostgreSQL), sessions
    that ended included."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)
            if not fields[0].endswith("(postgres"):
                continue
            values = fields[1].split()
            # utime, stime, and those of exited children (the postmaster's: closed sessions)
            total += sum(int(v) for v in values[11:15])
        except (OSError, IndexError, ValueError):
            continue
    return total / tick


def deadlocks(url: str, database: str) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT deadlocks FROM pg_stat_database WHERE datname = %s", (database,)
        ).fetchone()
    return int(row[0]) if row else 0


def bench_clients(
    admin: str, database: str, clients: int, seconds: float, pause: float, hot: int
) -> dict[str, Any]:
    import secrets

    from ipaudit.services import Workspace, team

    url = with_database(admin, database)
    with Workspace.open(url) as ws:
        by_department = {d: [it.key for it in ws.items_of(d)][:hot] for d in DEPARTMENTS}
        logins: list[tuple[str, list[str]]] = []
        for i in range(clients):
            login = f"{database}_c{i:02d}"
            password = secrets.token_urlsafe(12)
            if i == 0:
                team.add_user(ws, login, "manager", password)
                mine = [k for keys in by_department.values() for k in keys]
            else:
                department = DEPARTMENTS[(i - 1) % len(DEPARTMENTS)]
                team.add_user(ws, login, "department", password, department=department)
                mine = by_department[department]
            logins.append((as_login(url, login, password), mine))
    deadlocks_before = deadlocks(admin, database)
    load_before = os.getloadavg()[0]
    start_at = time.time() + 8  # every process imported and connected by then
    jobs = [
        (i, login_url, mine, start_at, seconds, pause) for i, (login_url, mine) in enumerate(logins)
    ]
    with multiprocessing.get_context("spawn").Pool(clients) as pool:
        pending = pool.map_async(_client_entry, jobs)
        time.sleep(max(0.0, start_at - time.time()))
        server_before = server_cpu_s()
        results = pending.get()
        server_cpu = server_cpu_s() - server_before  # (the last client's close included)
    server_deadlocks = deadlocks(admin, database) - deadlocks_before

    latencies = sorted(x for r in results for x in r["latencies"])
    acked = [a for r in results for a in r["acked"]]
    errors: dict[str, int] = {}
    for r in results:
        for name, count in r["errors"].items():
            errors[name] = errors.get(name, 0) + count
    with Workspace.open(url) as ws:
        stored = {key: set(state.notes.split("\n")) for key, state in ws.states().items()}
    lost = [a for a in acked if a[1] not in stored.get(a[0], set())]

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {
        "clients": clients,
        "seconds": seconds,
        "pause_ms": pause * 1000,
        "edits": len(acked),
        "edits_per_s": len(acked) / seconds,
        "lost_updates": len(lost),
        "deadlocks_server": server_deadlocks,
        "client_errors": errors,
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "max_ms": latencies[-1] * 1000 if latencies else 0.0,
        "hot_items": sum(len(v) for v in by_department.values()),
        "client_peak_mb": max(r["peak_mb"] for r in results),
        "client_cpu_ms_per_edit": sum(r["cpu_s"] for r in results) / max(len(acked), 1) * 1000,
        "server_cpu_ms_per_edit": server_cpu / max(len(acked), 1) * 1000,
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
    }


def drop(admin: str, database: str) -> None:
    import psycopg
    from sqlalchemy import create_engine

    from ipaudit.store import team_roles

    engine = create_engine(
        with_database(admin, database).replace("postgresql://", "postgresql+psycopg://", 1)
    )
    try:
        with engine.begin() as conn:
            team_roles.uninstall(conn)
    finally:
        engine.dispose()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        logins = conn.execute(
            "SELECT rolname FROM pg_roles WHERE starts_with(rolname, %s)", (database + "_c",)
        ).fetchall()
        for (login,) in logins:
            conn.execute(f'DROP ROLE "{login}"')


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--admin-url")
    p.add_argument("--clients", type=int, default=20)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument(
        "--pause", type=float, default=0.0, help="seconds each client waits between edits"
    )
    p.add_argument("--items", type=int, default=5000)
    p.add_argument("--hot", type=int, default=25, help="items per department the clients edit")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--skip-open", action="store_true")
    p.add_argument("--skip-clients", action="store_true")
    p.add_argument("--dir", help="folder for the workspace file (default: a temporary one)")
    args = p.parse_args()

    import psycopg

    from ipaudit.services import team

    admin = admin_url(args.admin_url)
    database = f"ipaudit_bench_{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        file = Path(tmp) / "team.ipaudit"
        t0 = time.perf_counter()
        build_file(file, args.items)
        print(f"built {args.items}-item file in {time.perf_counter() - t0:.1f} s ({file})")
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{database}"')
        try:
            t0 = time.perf_counter()
            done = team.setup_team(
                with_database(admin, database),
                manager_login=f"{database}_c00",
                manager_password="bench-manager-pw",
                source=file,
            )
            print(
                f"team-setup --from: {done.copied.total_rows if done.copied else 0} rows pushed"
                f" in {time.perf_counter() - t0:.1f} s"
            )
            if not args.skip_open:
                o = bench_open(file, with_database(admin, database), args.repeat)
                for kind in ("file", "server"):
                    r = o[kind]
                    print(
                        f"open {r['items']} items, {kind:6}: open {r['open_ms']:.0f} ms, open +"
                        f" first findings/readiness {r['first_ms']:.0f} ms median"
                        f" ({r['first_best_ms']:.0f} best), peak RSS {r['peak_mb']:.0f} MB"
                        f" (+{r['growth_mb']:.0f} MB while opening)"
                    )
                verdict = "met" if o["ratio_first"] <= 1.5 else "NOT met"
                print(
                    f"server / file: {o['ratio_first']:.2f}x (open alone {o['ratio_open']:.2f}x)"
                    f"  [budget <= 1.5x: {verdict}]"
                )
            if not args.skip_clients:
                c = bench_clients(admin, database, args.clients, args.seconds, args.pause, args.hot)
                verdict = "met" if c["p95_ms"] <= 50 else "NOT met"
                print(
                    f"{c['clients']} clients x {c['seconds']:.0f} s (pause {c['pause_ms']:.0f} ms,"
                    f" {c['hot_items']} hot items): {c['edits']} edits ({c['edits_per_s']:.0f}/s),"
                    f" lost updates {c['lost_updates']}, deadlocks {c['deadlocks_server']}"
                    f" (server), client errors {c['client_errors'] or 'none'}"
                )
                print(
                    f"edit latency p50 {c['p50_ms']:.1f} ms, p95 {c['p95_ms']:.1f} ms, p99"
                    f" {c['p99_ms']:.1f} ms, max {c['max_ms']:.0f} ms  [p95 <= 50 ms: {verdict}];"
                    f" client peak RSS {c['client_peak_mb']:.0f} MB"
                )
                print(
                    f"CPU per edit: clients {c['client_cpu_ms_per_edit']:.1f} ms, server"
                    f" {c['server_cpu_ms_per_edit']:.1f} ms; load average"
                    f" {c['load_before']:.1f} before, {c['load_after']:.1f} after"
                )
        finally:
            drop(admin, database)
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP ROLE IF EXISTS "{database}_c00"')


if __name__ == "__main__":
    main()
