"""``pip install`` of the built wheel gives a working ``ipaudit`` command outside the source tree.

The wheel is built from a copy of the sources (the shared work tree stays clean) and installed
without its dependencies into a fresh virtual environment that sees the test environment's
packages through a .pth file: no download, and ``pip check`` still proves that the pinned set
satisfies the wheel's declared requirements.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def run(*cmd: str | Path, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"{cmd}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(
        ROOT / "ipaudit", src / "ipaudit", ignore=shutil.ignore_patterns("__pycache__", ".check-*")
    )
    dist = tmp_path_factory.mktemp("dist")
    pip_wheel = ("-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", dist, src)
    run(sys.executable, *pip_wheel, cwd=src)
    (built,) = dist.glob("ipaudit-*.whl")
    return built


def test_wheel_carries_every_resource(wheel: Path) -> None:
    shipped = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "ipaudit" / "resources").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    assert len(shipped) > 30  # templates, synonyms, rates, translations, icons, help
    names = set(zipfile.ZipFile(wheel).namelist())
    assert sorted(shipped - names) == []
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)


def test_installed_command_runs_demo_and_export(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    fresh_site = Path(
        run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
        ).stdout.strip()
    )
    # the dependencies: those of this test environment, after the venv's own site-packages
    (fresh_site / "test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = (sys.executable, "-m", "pip", "--python", python)
    run(*pip, "install", "-q", "--no-deps", "--no-index", wheel, cwd=tmp_path)
    assert "No broken requirements" in run(*pip, "check", cwd=tmp_path).stdout

    where = run(
        python,
        "-c",
        "import ipaudit, ipaudit.resource_files as r; print(ipaudit.__file__);"
        " print(r.resource_path('templates', 'gbt29490-2023.yaml'))",
        cwd=tmp_path,
    ).stdout.split()
    assert all(Path(p).is_relative_to(venv) and Path(p).is_file() for p in where), where

    ipaudit = bindir / "ipaudit"
    assert (bindir / "ipaudit-gui").exists()
    assert "import-ledger" in run(ipaudit, "--help", cwd=tmp_path).stdout
    run(ipaudit, "demo", tmp_path / "demo.ipaudit", cwd=tmp_path)
    assert "%" in run(ipaudit, "readiness", tmp_path / "demo.ipaudit", cwd=tmp_path).stdout
    run(ipaudit, "export", tmp_path / "demo.ipaudit", tmp_path / "pack", cwd=tmp_path)
    files = [p for p in (tmp_path / "pack").rglob("*") if p.is_file()]
    assert any(p.suffix == ".docx" for p in files) and any(p.suffix == ".xlsx" for p in files)
    run(ipaudit, "verify", tmp_path / "pack", cwd=tmp_path)
