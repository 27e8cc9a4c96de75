"""``--force`` replaces only an earlier ipaudit pack; a killed export's work folder is cleaned up
by the next export of the same target, and nothing that is not recognisably ours is touched."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ipaudit import cli
from ipaudit.export.errors import TargetNotAPack
from ipaudit.export.manifest import verify
from ipaudit.export.options import ExportOptions
from ipaudit.export.workfolder import MARKER, WorkFolder, remove_stale
from ipaudit.services import Workspace
from ipaudit.services.exports import export_pack

ROOT = Path(__file__).resolve().parents[3]
SMALL = ExportOptions(include_evidence=False)


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_force_refuses_a_folder_of_the_users_documents(demo: Path, tmp_path: Path) -> None:
    docs = tmp_path / "资料"
    (docs / "合同").mkdir(parents=True)
    (docs / "合同" / "采购合同.docx").write_bytes(b"the user's contract")
    (docs / "notes.txt").write_text("mine", encoding="utf-8")
    before = _tree(docs)
    for as_zip in (False, True):
        target = docs if not as_zip else tmp_path / "年度总结.zip"
        if as_zip:
            target.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip of the user's
        with Workspace.open(demo) as ws, pytest.raises(TargetNotAPack) as info:
            export_pack(ws, target, ExportOptions(as_zip=as_zip, overwrite=True))
        assert "not a pack ipaudit exported" in info.value.message("en")
        assert "不是 ipaudit 之前导出的资料包" in info.value.message("zh")
    assert _tree(docs) == before
    assert (tmp_path / "年度总结.zip").read_bytes() == b"PK\x05\x06" + bytes(18)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ws", "年度总结.zip", "资料"]


def test_force_refuses_an_earlier_pack_holding_the_users_files(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "pack"
    with Workspace.open(demo) as ws:
        export_pack(ws, target, SMALL)
        (target / "Thumbs.db").write_bytes(b"file manager litter")  # not the user's
        (target / "my notes.docx").write_bytes(b"the user's notes")
        with pytest.raises(TargetNotAPack) as info:
            export_pack(ws, target, ExportOptions(overwrite=True))
        assert "my notes.docx" in info.value.message("en")
        assert (target / "my notes.docx").read_bytes() == b"the user's notes"
        (target / "my notes.docx").unlink()
        export_pack(ws, target, ExportOptions(overwrite=True))
    assert verify(target).ok


def test_force_refuses_a_link_and_a_plain_file(demo: Path, tmp_path: Path) -> None:
    real = tmp_path / "real"
    with Workspace.open(demo) as ws:
        export_pack(ws, real, SMALL)
        link = tmp_path / "link"
        link.symlink_to(real, target_is_directory=True)
        plain = tmp_path / "plain"
        plain.write_text("a file", encoding="utf-8")
        for target in (link, plain):
            with pytest.raises(TargetNotAPack):
                export_pack(ws, target, ExportOptions(overwrite=True))
    assert link.is_symlink() and verify(real).ok
    assert plain.read_text(encoding="utf-8") == "a file"


def test_force_replaces_an_earlier_zip_pack(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "pack.zip"
    with Workspace.open(demo) as ws:
        export_pack(ws, target, ExportOptions(as_zip=True, include_evidence=False))
        small = target.stat().st_size
        export_pack(ws, target, ExportOptions(as_zip=True, overwrite=True))
    assert target.stat().st_size > small and verify(target).ok


def test_cli_force_refusal_is_one_sentence(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("mine", encoding="utf-8")
    assert cli.main(["export", str(demo), str(docs), "--force"]) == cli.EXIT_INPUT
    err = capsys.readouterr().err
    assert "不是 ipaudit 之前导出的资料包" in err and "Traceback" not in err
    assert (docs / "a.txt").read_text(encoding="utf-8") == "mine"
    assert cli.main(["export", str(demo), str(docs)]) == cli.EXIT_INPUT
    assert "--force" not in capsys.readouterr().err  # it would not help: not a pack
    pack = tmp_path / "pack"
    assert cli.main(["export", str(demo), str(pack), "--no-evidence"]) == 0
    capsys.readouterr()
    assert cli.main(["export", str(demo), str(pack), "--no-evidence"]) == cli.EXIT_INPUT
    assert "--force" in capsys.readouterr().err  # an earlier pack: --force replaces it


def _stale_work_folder(target: Path, *, old: Path | None = None) -> Path:
    """What a killed export leaves: the work folder, its marker no longer held."""
    work = WorkFolder(target)
    (work.new / "证据").mkdir(parents=True)  # half a pack
    if old is not None:
        os.replace(old, work.path / "old")
    assert work._marker is not None
    work._marker.close()  # the process died: its lock is gone, the folder stays
    work._marker = None
    return work.path


def test_next_export_removes_stale_work_folders_only(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "pack"
    stale = [_stale_work_folder(target), _stale_work_folder(target)]
    other_target = _stale_work_folder(tmp_path / "another")
    lookalike = tmp_path / ".pack.part-0123abcd"  # the name, but no marker: not recognisably ours
    lookalike.mkdir()
    (lookalike / "keep.txt").write_text("x", encoding="utf-8")
    forged = tmp_path / ".pack.part-89abcdef"  # a marker naming another target
    forged.mkdir()
    (forged / MARKER).write_text(json.dumps({"target": "other"}), encoding="utf-8")
    live = WorkFolder(target)  # an export writing right now
    try:
        with Workspace.open(demo) as ws:
            result = export_pack(ws, target, SMALL)
        assert [n.key for n in result.notes if n.key == "note.stale_removed"]
        assert not any(p.exists() for p in stale)
        assert other_target.exists() and lookalike.exists() and forged.exists()
        assert live.path.exists()
    finally:
        live.discard()


def test_a_pack_killed_while_being_replaced_is_put_back(tmp_path: Path, demo: Path) -> None:
    target = tmp_path / "pack"
    with Workspace.open(demo) as ws:
        export_pack(ws, target, SMALL)
        before = _tree(target)
        _stale_work_folder(target, old=target)  # killed between the two renames
        assert not target.exists()
        assert remove_stale(target) == 1
    assert _tree(target) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("as_zip", [False, True])
def test_killed_export_process_then_next_export_cleans_up(
    demo: Path, tmp_path: Path, as_zip: bool
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / ("pack.zip" if as_zip else "pack")
    cmd = [sys.executable, str(ROOT / "main.py"), "export", str(demo), str(target)]
    proc = subprocess.Popen(
        [*cmd, *(["--zip"] if as_zip else [])],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while proc.poll() is None and not any(".part-" in p.name for p in out.iterdir()):
            time.sleep(0.01)
        assert proc.poll() is None, "the export ended before it could be killed"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert [p for p in out.iterdir() if ".part-" in p.name]
    assert not target.exists()
    with Workspace.open(demo) as ws:
        export_pack(ws, target, ExportOptions(as_zip=as_zip, include_evidence=False))
    assert sorted(p.name for p in out.iterdir()) == [target.name]
    assert verify(target).ok


def test_a_work_folder_killed_before_its_marker_was_written(tmp_path: Path) -> None:
    target = tmp_path / "pack"
    empty = tmp_path / ".pack.part-0000aaaa"
    empty.mkdir()
    blank = tmp_path / ".pack.part-0000bbbb"
    blank.mkdir()
    (blank / MARKER).write_bytes(b"")
    kept = tmp_path / ".pack.part-0000cccc"  # a blank marker, but something else beside it
    kept.mkdir()
    (kept / MARKER).write_bytes(b"")
    (kept / "data").write_text("x", encoding="utf-8")
    assert remove_stale(target) == 2
    assert not empty.exists() and not blank.exists() and (kept / "data").exists()


def test_a_blank_marker_held_by_a_live_export_is_left_alone(tmp_path: Path) -> None:
    from ipaudit.export.workfolder import try_lock

    starting = tmp_path / ".pack.part-0000dddd"
    starting.mkdir()
    with (starting / MARKER).open("w+b") as held:
        assert try_lock(held)  # an export between taking its lock and writing its marker
        assert remove_stale(tmp_path / "pack") == 0
        assert (starting / MARKER).exists()
    assert remove_stale(tmp_path / "pack") == 1
