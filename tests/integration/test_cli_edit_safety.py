"""The command line as two people use it at once, on files that are empty or attached twice, and
on a workspace that cannot be written — real processes, real files."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ipaudit.services import Workspace
from tests.factories import INFO

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "IPAUDIT_LANG": "en", "PYTHONPATH": str(ROOT)}
MAIN = [sys.executable, str(ROOT / "main.py")]


def cli(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MAIN, *map(str, args)], capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=300
    )


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, INFO).close()
    return path


@pytest.mark.slow
def test_set_fact_from_two_processes_loses_nothing(workspace: Path) -> None:
    calls = 12
    script = "\n".join(
        [
            "import subprocess, sys",
            "main, path, name, n = sys.argv[1:5]",
            "for i in range(int(n)):",
            "    r = subprocess.run([sys.executable, main, 'set-fact', path, f'extra.{name}{i}',"
            " str(i)], capture_output=True, text=True)",
            "    print(r.returncode, r.stderr.strip().replace(chr(10), ' '), flush=True)",
        ]
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(ROOT / "main.py"), str(workspace), name, str(calls)],
            stdout=subprocess.PIPE,
            text=True,
            env=ENV,
            cwd=ROOT,
        )
        for name in ("a", "b")
    ]
    outputs = [p.communicate(timeout=600)[0].splitlines() for p in procs]
    stored = {
        f"{name}{i}"
        for name, lines in zip("ab", outputs, strict=True)
        for i, line in enumerate(lines)
        if line.startswith("0 ")
    }
    for line in (ln for lines in outputs for ln in lines if not ln.startswith("0 ")):
        assert line.startswith("3 ipaudit: ") and "Traceback" not in line  # a locked file, said
    with Workspace.open(workspace) as ws:
        assert set(ws.facts().extra) == stored
    assert len(stored) >= calls  # most of them went through


def test_attach_refuses_an_empty_file_and_the_same_file_twice_unless_forced(
    workspace: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    refused = cli("attach", workspace, "rnd.projects", empty, "--json")
    assert refused.returncode == 4 and refused.stdout == ""
    assert "empty (0 bytes)" in refused.stderr and "add --force" in refused.stderr
    result = cli("attach", workspace, "rnd.projects", empty, "--json", "--force")
    assert result.returncode == 0
    assert "empty (0 bytes)" in result.stderr
    assert "0 字节" in json.loads(result.stdout)["warnings"][0]["message_zh"]

    plan = tmp_path / "plan.pdf"
    plan.write_bytes(b"%PDF plan")
    first = cli("attach", workspace, "rnd.projects", plan, "--json")
    assert first.returncode == 0 and json.loads(first.stdout)["warnings"] == []
    assert "same content" not in first.stderr and "0 bytes" not in first.stderr
    again = cli("attach", workspace, "rnd.projects", plan)
    assert again.returncode == 4
    assert "already holds a file with exactly these contents ('plan')" in again.stderr
    again = cli("attach", workspace, "rnd.projects", plan, "--force")
    assert again.returncode == 0
    assert "already has a file with exactly the same content: 'plan'" in again.stderr


READS = [
    ["readiness", "{w}", "--json"],
    ["findings", "{w}", "--json"],
    ["items", "{w}", "rnd", "--json"],
    ["evidence", "{w}", "--json"],
    ["facts", "{w}"],
    ["ledger", "{w}", "--json"],
    ["export", "{w}", "{pack}", "--no-evidence"],
]
EDITS = [
    ["set-fact", "{w}", "policy", "新方针"],
    ["answer", "{w}", "rnd.interview", "headcount", "23人"],
    ["status", "{w}", "rnd.projects", "in_progress"],
    ["attach", "{w}", "rnd.projects", "{file}"],
    ["departments", "{w}", "rename", "rnd", "--zh", "研发中心"],
]


def test_read_only_opening_reads_and_exports_and_refuses_every_edit(
    workspace: Path, tmp_path: Path
) -> None:
    source = tmp_path / "plan.pdf"
    source.write_bytes(b"%PDF plan")
    assert cli("attach", workspace, "rnd.projects", source).returncode == 0
    before = hashlib.sha256(workspace.read_bytes()).hexdigest()
    names = {"w": workspace, "pack": tmp_path / "pack", "file": source}
    for args in READS:
        result = cli("--read-only", *(a.format(**names) for a in args))
        assert result.returncode == 0, (args, result.stderr)
    assert (tmp_path / "pack" / "manifest.json").exists()
    for args in EDITS:
        result = cli("--read-only", *(a.format(**names) for a in args))
        assert result.returncode == 3, (args, result.stderr)
        assert "was opened read-only because read-only opening was asked for" in result.stderr
        assert "Copy it somewhere writable" in result.stderr and "Traceback" not in result.stderr
    assert hashlib.sha256(workspace.read_bytes()).hexdigest() == before


def test_read_only_lasts_for_one_command(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from ipaudit.cli import main
    from ipaudit.store.workspace_store import READ_ONLY_ENV

    assert main(["--read-only", "set-fact", str(workspace), "policy", "x"]) == 3
    assert "只读" in capsys.readouterr().err
    assert READ_ONLY_ENV not in os.environ
    assert main(["set-fact", str(workspace), "policy", "新方针"]) == 0
    with Workspace.open(workspace) as ws:
        assert ws.facts().policy == "新方针" and ws.read_only == ""
