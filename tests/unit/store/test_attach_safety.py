"""Attaching a file that changes while it is read stores nothing; an empty file and the same file
twice on one item are accepted with a warning."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from ipaudit.services import Workspace
from ipaudit.store.blobs import CHUNK_SIZE
from ipaudit.store.edits import os_user
from ipaudit.store.errors import EditConflict, SourceFileChanged
from tests.factories import INFO


@pytest.fixture
def ws(tmp_path: Path):
    with Workspace.create(tmp_path / "w.ipaudit", INFO) as w:
        yield w


def big_file(path: Path) -> Path:
    path.write_bytes(os.urandom(3 * CHUNK_SIZE + 17))
    return path


def stored_rows(path: Path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as raw:
        return tuple(  # type: ignore[return-value]
            raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("evidence", "blobs", "blob_chunks")
        )


def attach_while(ws: Workspace, source: Path, meddle) -> None:  # type: ignore[no-untyped-def]
    """Attach ``source``; after the first chunk was read, ``meddle(source)`` changes it."""
    done = []

    def progress(_done: int, _total: int) -> None:
        if not done:
            done.append(True)
            meddle(source)

    ws.attach("rnd.projects", source, progress=progress)


def grow(path: Path) -> None:
    with path.open("ab") as fh:
        fh.write(b"appended while being read")


def shrink(path: Path) -> None:
    os.truncate(path, CHUNK_SIZE + 5)


def rewrite_same_size(path: Path) -> None:
    size = path.stat().st_size
    path.write_bytes(b"\0" * size)
    os.utime(path, ns=(1, 1))


def replace_by_rename(path: Path) -> None:
    other = path.with_name("other.bin")
    other.write_bytes(path.read_bytes())
    other.replace(path)


@pytest.mark.parametrize("meddle", [grow, shrink, rewrite_same_size, replace_by_rename])
def test_a_file_that_changes_while_read_is_refused(ws: Workspace, tmp_path: Path, meddle) -> None:  # type: ignore[no-untyped-def]
    before = stored_rows(ws.path)
    source = big_file(tmp_path / "扫描件.pdf")
    with pytest.raises(SourceFileChanged) as caught:
        attach_while(ws, source, meddle)
    assert "扫描件.pdf" in caught.value.message(
        "en"
    ) and "nothing was stored" in caught.value.message("en")
    assert stored_rows(ws.path) == before
    assert ws.evidence() == [] and ws.state("rnd.projects").version == 0


def test_a_file_left_alone_is_stored(ws: Workspace, tmp_path: Path) -> None:
    source = big_file(tmp_path / "plan.pdf")
    attach_while(ws, source, lambda _path: None)
    [ev] = ws.evidence()
    assert ev.size == source.stat().st_size
    assert b"".join(ws.store.iter_blob(ev.sha256)) == source.read_bytes()


def test_empty_and_duplicate_files_attached_anyway_are_warned_about(
    ws: Workspace, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.docx"
    empty.write_bytes(b"")
    ev = ws.attach("rnd.projects", empty, force=True)
    [warning] = ws.attach_warnings(ev)
    assert "0 bytes" in warning.en and "0 字节" in warning.zh

    plan = tmp_path / "plan.docx"
    plan.write_bytes(b"the plan")
    first = ws.attach("rnd.projects", plan)
    assert ws.attach_warnings(first) == []
    copy = tmp_path / "plan (1).docx"
    copy.write_bytes(b"the plan")
    second = ws.attach("rnd.projects", copy, force=True)
    [warning] = ws.attach_warnings(second)
    assert "'plan'" in warning.en and "same content" in warning.en
    assert "rnd.projects" not in warning.en + warning.zh  # the item by its title, not its key
    assert len(ws.evidence("rnd.projects")) == 3  # forced: warned, not refused
    # the same file on another item is no duplicate
    assert ws.attach_warnings(ws.attach("rnd.disclosures", plan)) == []


def test_a_version_replaced_meanwhile_is_not_replaced_twice(ws: Workspace, tmp_path: Path) -> None:
    first = tmp_path / "v1.docx"
    first.write_bytes(b"v1")
    old = ws.attach("rnd.projects", first)
    other = Workspace.open(ws.path)  # another window replaces it first
    try:
        second = tmp_path / "v2.docx"
        second.write_bytes(b"v2")
        other.replace_evidence(old.id, second)
    finally:
        other.close()
    third = tmp_path / "v3.docx"
    third.write_bytes(b"v3")
    with pytest.raises(EditConflict) as caught:
        ws.replace_evidence(old.id, third)
    assert caught.value.by == os_user()
    assert [ev.original_name for ev in ws.evidence("rnd.projects")] == ["v2.docx"]
