"""A workspace that cannot be written opens read-only: everything reads, every edit is refused
with a sentence saying why and what to do, and the file stays as it was.

Tests run as root, who may write any file whatever its mode bits; ``chattr +i`` (immutable)
refuses writes even to root, so the automatic detection is tested with it where the file system
allows, and always through the explicit read-only opening it shares."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from ipaudit.domain.model import Status
from ipaudit.services import Workspace
from ipaudit.store import schema
from ipaudit.store.errors import ReadOnlyWorkspace
from ipaudit.store.workspace_store import READ_ONLY_ENV, WorkspaceStore
from tests.factories import INFO


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "folder" / "w.ipaudit"
    path.parent.mkdir()
    source = tmp_path / "plan.docx"
    source.write_bytes(b"plan")
    with Workspace.create(path, INFO) as ws:
        ws.answer("rnd.interview", ws.item("rnd.interview").questions[0].key, "23人")
        ws.attach("rnd.projects", source)
    return path


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[Path]:
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("this file system does not let chattr make files immutable")
    try:
        yield path
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


EDITS = {
    "status": lambda ws: ws.set_status("rnd.projects", Status.IN_PROGRESS),
    "answer": lambda ws: ws.answer(
        "rnd.interview", ws.item("rnd.interview").questions[0].key, "30人"
    ),
    "notes": lambda ws: ws.set_notes("rnd.projects", "备注"),
    "facts": lambda ws: ws.update_facts(lambda f: f),
    "department": lambda ws: ws.rename_department("rnd", "研发中心"),
    "accept": lambda ws: ws.accept("k", "说明"),
    "remove evidence": lambda ws: ws.remove_evidence(ws.evidence()[0].id),
}


def check_read_only(path: Path, reason: str, tmp_path: Path, **open_args: object) -> None:
    before = digest(path)
    with Workspace.open(path, **open_args) as ws:  # type: ignore[arg-type]
        assert ws.read_only == reason
        assert ws.readiness()[0].items > 0
        assert ws.findings()
        assert ws.states()["rnd.interview"].answers
        [ev] = ws.evidence()
        assert b"".join(ws.store.iter_blob(ev.sha256)) == b"plan"
        for name, edit in EDITS.items():
            with pytest.raises(ReadOnlyWorkspace) as caught:
                edit(ws)
            message = caught.value.message("en")
            assert "read-only" in message and "Copy it somewhere writable" in message, name
        source = tmp_path / "new.docx"
        source.write_bytes(b"new")
        with pytest.raises(ReadOnlyWorkspace):
            ws.attach("rnd.projects", source)
    assert digest(path) == before


def test_asked_for_read_only(workspace: Path, tmp_path: Path) -> None:
    check_read_only(workspace, "requested", tmp_path, read_only=True)


def test_the_environment_variable_asks_for_it(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(READ_ONLY_ENV, "1")
    check_read_only(workspace, "requested", tmp_path)
    monkeypatch.setenv(READ_ONLY_ENV, "0")
    with Workspace.open(workspace) as ws:
        assert ws.read_only == ""


def test_an_immutable_file_opens_read_only(workspace: Path, tmp_path: Path) -> None:
    with immutable(workspace):
        check_read_only(workspace, "file", tmp_path)


def test_a_read_only_folder_opens_without_making_files_beside_it(
    workspace: Path, tmp_path: Path
) -> None:
    with immutable(workspace.parent) as folder:
        check_read_only(workspace, "folder", tmp_path)
        check_read_only(workspace, "requested", tmp_path, read_only=True)
        assert sorted(p.name for p in folder.iterdir()) == ["w.ipaudit"]


def test_an_older_file_that_needs_an_upgrade_is_refused_read_only(workspace: Path) -> None:
    with sqlite3.connect(workspace) as raw:  # the latest version's tables gone: one older
        for table in reversed(schema.TABLES_BY_VERSION[schema.SCHEMA_VERSION]):
            raw.execute(f"DROP TABLE {table.name}")
        raw.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1}")
    before = digest(workspace)
    with pytest.raises(ReadOnlyWorkspace, match="read-only"):
        WorkspaceStore.open(workspace, read_only=True)
    assert digest(workspace) == before
    assert not list(workspace.parent.glob("*backup*"))
