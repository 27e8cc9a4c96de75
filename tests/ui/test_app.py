"""``main()`` in a subprocess (a second QApplication would crash this one): it opens the demo the
first time, the last workspace afterwards, and exits cleanly after its first paint."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_app(
    home: Path, *args: str, extra_env: dict[str, str] | None = None, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "IPAUDIT_", "QT_", "PYTEST"))
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        QT_QPA_PLATFORM="offscreen",
        IPAUDIT_EXIT_AFTER_PAINT="1",
        IPAUDIT_LANG="zh",
    )
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def data_dir(home: Path) -> Path:
    return home / "data" / "ipaudit" / "ipaudit"


def first_paint_seconds(stdout: str) -> float:
    line = next(x for x in stdout.splitlines() if x.startswith("IPAUDIT_FIRST_PAINT"))
    return float(line.split()[2])


def test_first_start_shows_the_welcome_page_and_opens_nothing(tmp_path: Path) -> None:
    """No fictional company is opened unasked: the welcome page offers new or the demo."""
    home = tmp_path / "home"
    first = run_app(home)
    assert first.returncode == 0, first.stderr
    assert first_paint_seconds(first.stdout) > 0
    assert not (data_dir(home) / "demo.ipaudit").exists()
    log = (data_dir(home) / "logs" / "ipaudit.log").read_text("utf-8")
    assert "opened" not in log
    assert "ipaudit exiting" in log
    assert "Traceback" not in log


def test_the_workspace_on_the_command_line_is_opened(tmp_path: Path, demo_path: Path) -> None:
    home = tmp_path / "home"
    target = tmp_path / "mine.ipaudit"
    shutil.copyfile(demo_path, target)
    done = run_app(home, "gui", "--smoke", str(target))
    assert done.returncode == 0, done.stderr
    assert "IPAUDIT_FIRST_PAINT" in done.stdout and "IPAUDIT_WORKSPACE_SHOWN" in done.stdout
    log = (data_dir(home) / "logs" / "ipaudit.log").read_text("utf-8")
    assert f"opened {target}" in log
    # the window was on screen before the workspace was read; the workspace filled it in after
    assert log.index("IPAUDIT_FIRST_PAINT") < log.index(f"opened {target}")
    assert log.index(f"opened {target}") < log.index("IPAUDIT_WORKSPACE_SHOWN")
    assert not (data_dir(home) / "demo.ipaudit").exists()  # no demo needed
    # the services and panels were loaded beside the window's construction, before the opening
    assert log.index("preloaded the workspace modules") < log.index(f"opened {target}")
    fields = next(x for x in done.stdout.splitlines() if x.startswith("IPAUDIT_WORKSPACE_SHOWN"))
    assert float(fields.split()[4]) > 10  # peak RSS in MB, read by the start-up benchmark


def test_without_preloading_the_worker_loads_the_services(tmp_path: Path, demo_path: Path) -> None:
    home = tmp_path / "home"
    done = run_app(home, "gui", "--smoke", str(demo_path), extra_env={"IPAUDIT_PRELOAD": "0"})
    assert done.returncode == 0, done.stderr
    log = (data_dir(home) / "logs" / "ipaudit.log").read_text("utf-8")
    assert "preloaded" not in log
    assert log.index("IPAUDIT_FIRST_PAINT") < log.index(f"opened {demo_path}")
    assert "IPAUDIT_WORKSPACE_SHOWN" in done.stdout


def test_a_department_view_from_the_command_line(tmp_path: Path, demo_path: Path) -> None:
    home = tmp_path / "home"
    done = run_app(home, "gui", str(demo_path), "--department", "rnd", "--lang", "en")
    assert done.returncode == 0, done.stderr
    log = (data_dir(home) / "logs" / "ipaudit.log").read_text("utf-8")
    assert f"opened {demo_path} for rnd" in log


def test_a_file_that_is_not_a_workspace_shows_the_error_and_exits_cleanly(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    bogus = tmp_path / "bogus.ipaudit"
    bogus.write_text("not a database", "utf-8")
    done = run_app(home, "gui", str(bogus))
    assert done.returncode == 3, done.stderr  # an expected error was shown, nothing crashed
    log = (data_dir(home) / "logs" / "ipaudit.log").read_text("utf-8")
    assert "expected failure" in log and "not an ipaudit workspace" in log
    assert "Traceback" not in log


def test_the_last_workspace_is_opened_beside_the_window_at_the_next_start(
    tmp_path: Path, demo_path: Path
) -> None:
    home = tmp_path / "home"
    assert run_app(home, "gui", "--smoke", str(demo_path)).returncode == 0
    log_file = data_dir(home) / "logs" / "ipaudit.log"
    log_file.write_text("", "utf-8")
    again = run_app(home)  # no arguments: the last workspace
    assert again.returncode == 0, again.stderr
    assert "IPAUDIT_WORKSPACE_SHOWN" in again.stdout
    log = log_file.read_text("utf-8")
    assert log.index("preloaded the workspace modules") < log.index(f"opened {demo_path}")
    assert "Traceback" not in log


def test_the_second_opening_reads_the_checklist_from_the_cache(
    tmp_path: Path, demo_path: Path
) -> None:
    """The app keeps the parsed checklist in <data dir>/cache and the next start uses it."""
    home = tmp_path / "home"
    assert run_app(home, "gui", "--smoke", str(demo_path)).returncode == 0
    [kept] = (data_dir(home) / "cache").glob("template-*.msgpack")
    first_use, inode = kept.stat().st_mtime_ns, kept.stat().st_ino
    os.utime(kept, ns=(first_use - 10**9, first_use - 10**9))  # an older "last used"
    again = run_app(home, "gui", "--smoke", str(demo_path))
    assert again.returncode == 0, again.stderr
    assert list((data_dir(home) / "cache").glob("template-*.msgpack")) == [kept]
    assert kept.stat().st_mtime_ns > first_use - 10**9  # read and marked used …
    assert kept.stat().st_ino == inode  # … not written again (a write replaces the file)
    assert "IPAUDIT_WORKSPACE_SHOWN" in again.stdout
