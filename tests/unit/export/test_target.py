"""Where a pack goes: a target ending in .zip writes a zip (with or without --zip), missing
folders above it are created, a default name already taken becomes "…-2", and a file in the way
of a folder is refused with a sentence that names it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ipaudit.export.errors import FolderNotCreated
from ipaudit.export.manifest import verify
from ipaudit.export.options import ExportOptions
from ipaudit.export.target import free_name, make_parents, resolve
from ipaudit.services import Workspace
from ipaudit.services.exports import default_name, export_pack

ROOT = Path(__file__).resolve().parents[3]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IPAUDIT_LANG": "en", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=300,
        check=False,
    )


def test_resolve_reads_the_target_name() -> None:
    plain = ExportOptions()
    assert resolve(Path("a/x.zip"), plain) == (Path("a/x.zip"), ExportOptions(as_zip=True))
    assert resolve(Path("a/X.ZIP"), plain)[1].as_zip
    assert resolve(Path("a/x"), plain) == (Path("a/x"), plain)
    zipped = ExportOptions(as_zip=True)
    assert resolve(Path("a/x"), zipped) == (Path("a/x.zip"), zipped)
    assert resolve(Path("a/x.zip"), zipped) == (Path("a/x.zip"), zipped)


def test_free_name(tmp_path: Path) -> None:
    assert free_name(tmp_path, "pack") == "pack"
    (tmp_path / "pack").mkdir()
    assert free_name(tmp_path, "pack") == "pack-2"
    (tmp_path / "pack-2").write_bytes(b"")
    assert free_name(tmp_path, "pack") == "pack-3"
    (tmp_path / "pack.zip").write_bytes(b"")
    assert free_name(tmp_path, "pack.zip") == "pack-2.zip"


def test_make_parents(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "pack"
    assert make_parents(target) == [tmp_path / "a", tmp_path / "a" / "b"]
    assert (tmp_path / "a" / "b").is_dir() and not target.exists()
    assert make_parents(target) == []
    (tmp_path / "file").write_text("mine", encoding="utf-8")
    with pytest.raises(FolderNotCreated) as info:
        make_parents(tmp_path / "file" / "sub" / "pack")
    assert str(tmp_path / "file") in info.value.message("en")
    assert "not a folder" in info.value.message("en") and "不是文件夹" in info.value.message("zh")
    assert (tmp_path / "file").read_text(encoding="utf-8") == "mine"


def test_zip_name_writes_a_zip_into_new_folders(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "new" / "deeper" / "pack.zip"
    with Workspace.open(demo) as ws:
        result = export_pack(ws, target, ExportOptions(include_evidence=False))
    assert result.path == target
    assert zipfile.is_zipfile(target)
    assert verify(target).ok


def test_cli_zip_target_without_the_option(demo: Path, tmp_path: Path) -> None:
    """`export W out/x.zip` writes one zip file, into folders it creates."""
    target = tmp_path / "out" / "x.zip"
    done = _cli("export", str(demo), str(target), "--no-evidence", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["path"] == str(target)
    assert target.is_file() and zipfile.is_zipfile(target)
    with zipfile.ZipFile(target) as z:
        assert "x/manifest.json" in z.namelist()


def test_cli_folder_in_the_way(demo: Path, tmp_path: Path) -> None:
    (tmp_path / "busy").write_text("a file", encoding="utf-8")
    done = _cli("export", str(demo), str(tmp_path / "busy" / "pack"), cwd=tmp_path)
    assert done.returncode == 4
    assert "Cannot create the folder" in done.stderr and "Traceback" not in done.stderr
    assert "disk space" not in done.stderr


def test_cli_default_name_does_not_collide(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        name = default_name(ws, ExportOptions(lang="en"))  # the CLI runs in English here
    for _ in range(2):
        done = _cli("export", str(demo), "--no-evidence", "--json", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    assert verify(tmp_path / name).ok and verify(tmp_path / f"{name}-2").ok
    done = _cli("export", str(demo), "--no-evidence", "--force", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["path"] == str(tmp_path / name)  # replaced, as asked
