"""A local workspace file shared by several people: the manager passphrase (CLI and service) and
the presence file that tells who else holds the file open for writing (a second process)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from ipaudit.cli import EXIT_INPUT, EXIT_OK, main
from ipaudit.services import Workspace, manager_passphrase, presence
from ipaudit.store.file_lock import Holder, PresenceFile, lock_path, read_holder, this_host
from tests.factories import INFO
from tests.team_holder import hold, kill, let_go


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, INFO).close()
    return path


def run(capsys, monkeypatch, *args: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def stored_setting(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "select value from settings where key = ?", (manager_passphrase.SETTING,)
        ).fetchone()
    return row[0] if row else ""


# --- the manager passphrase ------------------------------------------------------------------


def test_the_passphrase_is_set_changed_and_removed_from_the_command_line(
    path: Path, capsys, monkeypatch
) -> None:
    code, out, _ = run(capsys, monkeypatch, "manager-passphrase", path, "--status", "--json")
    assert code == EXIT_OK and json.loads(out) == {"set": False}

    code, _out, err = run(capsys, monkeypatch, "manager-passphrase", path, stdin="chen-2025\n")
    assert code == EXIT_OK, err
    stored = stored_setting(path)
    assert stored.startswith("scrypt$") and "chen-2025" not in stored  # only a salted hash
    with Workspace.open(path) as ws:
        assert manager_passphrase.check(ws, "chen-2025")
        assert not manager_passphrase.check(ws, "chen-2024")

    # changing it needs the current one
    code, _out, err = run(
        capsys, monkeypatch, "manager-passphrase", path, stdin="wrong-one\nnew-pass-1\n"
    )
    assert code == EXIT_INPUT and ("not correct" in err or "不正确" in err)
    assert stored_setting(path) == stored
    code, _out, err = run(
        capsys, monkeypatch, "manager-passphrase", path, stdin="chen-2025\nnew-pass-1\n"
    )
    assert code == EXIT_OK, err
    with Workspace.open(path) as ws:
        assert manager_passphrase.check(ws, "new-pass-1")
        assert not manager_passphrase.check(ws, "chen-2025")

    code, _out, _err = run(
        capsys, monkeypatch, "manager-passphrase", path, "--clear", stdin="new-pass-1\n"
    )
    assert code == EXIT_OK
    with Workspace.open(path) as ws:
        assert not manager_passphrase.is_set(ws)


def test_a_short_passphrase_is_refused(path: Path, capsys, monkeypatch) -> None:
    code, _out, err = run(capsys, monkeypatch, "manager-passphrase", path, stdin="abc\n")
    assert code == EXIT_INPUT and err
    assert stored_setting(path) == ""


def test_two_hashes_of_one_passphrase_differ_by_their_salt() -> None:
    a, b = manager_passphrase.hash_passphrase("same"), manager_passphrase.hash_passphrase("same")
    assert a != b
    assert manager_passphrase.matches(a, "same") and manager_passphrase.matches(b, "same")
    assert not manager_passphrase.matches("garbage", "same")


# --- presence: another program holding the file --------------------------------------------


def test_a_second_process_holding_the_file_is_named_and_commands_warn(
    path: Path, capsys, monkeypatch
) -> None:
    proc = hold(path, "王伟")
    try:
        holder = presence.other_writer(path)
        assert holder is not None
        assert (holder.who, holder.host, holder.pid) == ("王伟", this_host(), proc.pid)
        monkeypatch.setenv("IPAUDIT_LANG", "en")
        code, _out, err = run(capsys, monkeypatch, "readiness", path)
        assert code == EXIT_OK
        assert "open for writing by 王伟" in err and str(proc.pid) in err
        # every command that opens the file for writing warns, the readiness pack's too
        code, _out, err = run(capsys, monkeypatch, "export", path, path.with_name("pack"))
        assert code == EXIT_OK and "open for writing by 王伟" in err
        # read-only looks do not warn: they cannot overwrite anything
        code, _out, err = run(capsys, monkeypatch, "--read-only", "readiness", path)
        assert code == EXIT_OK and "open for writing" not in err
    finally:
        let_go(proc)
    assert not lock_path(path).exists()  # released on close
    code, _out, err = run(capsys, monkeypatch, "readiness", path)
    assert code == EXIT_OK and err == ""


def test_the_presence_of_a_killed_process_is_stale(path: Path) -> None:
    proc = hold(path)
    kill(proc)
    assert lock_path(path).exists()  # it had no chance to remove it …
    assert read_holder(path) is not None
    assert presence.other_writer(path) is None  # … but its process is gone


def test_a_presence_not_refreshed_for_long_is_stale(path: Path) -> None:
    old = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=30)
    far = Holder("li", "PC-FAR-AWAY", 12345, since=old, refreshed=old)
    lock_path(path).write_text(far.to_json(), encoding="utf-8")
    assert presence.other_writer(path) is None
    fresh = Holder("li", "PC-FAR-AWAY", 12345, since=old, refreshed=dt.datetime.now(dt.UTC))
    lock_path(path).write_text(fresh.to_json(), encoding="utf-8")
    holder = presence.other_writer(path)  # another computer: only the time tells
    assert holder is not None and holder.host == "PC-FAR-AWAY"


def test_refreshing_leaves_a_later_writers_presence_in_place(path: Path) -> None:
    mine = PresenceFile(path)
    assert mine.claim() and read_holder(path).is_this_process()  # type: ignore[union-attr]
    proc = hold(path, "second")  # opened it anyway: its presence replaced ours
    try:
        other = mine.refresh()
        assert other is not None and other.pid == proc.pid
        assert read_holder(path).pid == proc.pid  # type: ignore[union-attr]
    finally:
        let_go(proc)
    assert mine.refresh() is None  # gone: ours is written again
    assert read_holder(path).pid == os.getpid()  # type: ignore[union-attr]
    mine.release()
    assert not lock_path(path).exists()


def test_a_garbled_presence_file_is_no_holder(path: Path) -> None:
    lock_path(path).write_text("user,host;", encoding="utf-8")
    assert presence.other_writer(path) is None


def test_the_holder_script_runs_as_its_own_process(path: Path) -> None:
    proc = hold(path)
    assert isinstance(proc, subprocess.Popen) and proc.pid != os.getpid()
    let_go(proc)
