"""A whole file written beside its target and renamed into place: a failure leaves the old file
as it was and no temporary file behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipaudit.export.atomic_file import replacing, write_atomic


def test_the_new_file_replaces_the_old_one_whole(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old")
    with replacing(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(".plan-") and tmp.suffix == ".xlsx"
        tmp.write_bytes(b"new")
        assert target.read_bytes() == b"old"  # not before the block ends
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.xlsx"]
    assert write_atomic(target, b"again") == target and target.read_bytes() == b"again"


def test_a_failure_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "packet.zip"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), replacing(target, suffix=".part") as tmp:
        assert tmp.suffix == ".part"
        tmp.write_bytes(b"half")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["packet.zip"]


def test_a_new_file_gets_the_usual_permissions_not_the_temporary_owner_only_ones(
    tmp_path: Path,
) -> None:
    import os
    import stat
    import sys

    from ipaudit.store.file_modes import NEW_FILE_MODE

    if sys.platform == "win32":
        pytest.skip("POSIX permissions")
    made = write_atomic(tmp_path / "plan.ics", b"BEGIN:VCALENDAR")
    assert stat.S_IMODE(os.stat(made).st_mode) == NEW_FILE_MODE
    os.chmod(made, 0o640)
    write_atomic(made, b"again")  # replacing keeps the file's own permissions
    assert stat.S_IMODE(os.stat(made).st_mode) == 0o640
