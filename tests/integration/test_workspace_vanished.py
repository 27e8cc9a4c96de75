"""An open workspace whose file is moved, deleted or replaced by another program (a shared drive
tidied up, a copy restored over it) refuses the next edit, saying so in both languages, instead of
writing it into a file nobody can open again; reading what is open still works."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ipaudit.services import Workspace
from ipaudit.store.errors import WorkspaceVanished
from tests.factories import INFO

ITEM = "ipo.manual"


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "w.ipaudit"
    Workspace.create(path, INFO).close()
    return path


def _gone(path: Path, how: str) -> None:
    if how == "deleted":
        path.unlink()
    elif how == "moved":
        path.rename(path.with_name("elsewhere.ipaudit"))
    else:  # another file copied over it
        other = path.with_name("other.ipaudit")
        Workspace.create(other, INFO).close()
        shutil.copyfile(other, path.with_name("incoming.ipaudit"))
        path.with_name("incoming.ipaudit").replace(path)


@pytest.mark.parametrize("how", ["deleted", "moved", "replaced"])
def test_an_edit_after_the_file_vanished_is_refused(path: Path, how: str) -> None:
    with Workspace.open(path) as ws:
        ws.set_notes(ITEM, "before")  # the file is there: saved
        _gone(path, how)
        with pytest.raises(WorkspaceVanished) as caught:
            ws.set_notes(ITEM, "typed after the file vanished")
        assert str(path) in caught.value.message("en")
        assert "was NOT saved" in caught.value.message("en")
        assert "没有保存" in caught.value.message("zh")
        assert ws.states()[ITEM].notes == "before"  # what is open still reads


def test_edits_go_on_while_the_file_stays(path: Path) -> None:
    with Workspace.open(path) as ws:
        for n in range(3):
            ws.set_notes(ITEM, f"note {n}")
    with Workspace.open(path) as ws:
        assert ws.states()[ITEM].notes == "note 2"
