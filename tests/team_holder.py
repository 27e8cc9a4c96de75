"""A second program holding a workspace file open for writing, for the presence tests: it claims
the presence file, says "held" and keeps it until a line arrives on its standard input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import sys
from ipaudit.store.file_lock import PresenceFile
presence = PresenceFile(sys.argv[1], sys.argv[2])
presence.claim()
print("held", flush=True)
sys.stdin.readline()
presence.release()
"""


def hold(path: Path, name: str = "王伟") -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(path), name],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def let_go(proc: subprocess.Popen[str]) -> None:
    """The holder releases its presence and ends."""
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write("\n")
    proc.stdin.close()
    proc.wait(timeout=10)
    proc.stdout.close()


def kill(proc: subprocess.Popen[str]) -> None:
    """The holder ends without releasing anything (a crash, a power cut)."""
    proc.kill()
    proc.wait(timeout=10)
    for pipe in (proc.stdin, proc.stdout):
        if pipe is not None:
            pipe.close()
