"""verify() finds a changed byte, a deleted file and an added file — in a folder and in a zip."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from ipaudit.export.errors import PackUnreadable
from ipaudit.export.manifest import MANIFEST, SUMS, verify

from .conftest import Exported


@pytest.fixture
def folder(pack_zh: Exported, tmp_path: Path) -> Path:
    copy = tmp_path / "pack"
    shutil.copytree(pack_zh.path, copy)
    return copy


def test_a_fresh_pack_verifies(pack_zh: Exported, pack_en: Exported) -> None:
    for pack in (pack_zh.path, pack_en.path):
        result = verify(pack)
        assert result.ok, result.as_dict()
        assert result.checked == len(json.loads(_read(pack, MANIFEST))["files"])


def _read(pack: Path, name: str) -> bytes:
    if pack.is_dir():
        return (pack / name).read_bytes()
    with zipfile.ZipFile(pack) as z:
        return z.read(f"{pack.stem}/{name}")


def test_changed_byte_deleted_and_added_file(folder: Path) -> None:
    evidence = sorted(p for p in (folder / "证据").rglob("*") if p.is_file())
    changed, deleted = evidence[0], evidence[1]
    data = bytearray(changed.read_bytes())
    data[len(data) // 2] ^= 0x01
    changed.write_bytes(bytes(data))
    deleted.unlink()
    (folder / "证据" / "added.txt").write_text("not from the export", encoding="utf-8")
    result = verify(folder)
    assert not result.ok
    assert result.modified == [changed.relative_to(folder).as_posix()]
    assert result.missing == [deleted.relative_to(folder).as_posix()]
    assert result.extra == ["证据/added.txt"]
    assert result.inconsistent == []


def test_same_size_change_in_a_document(folder: Path) -> None:
    report = folder / "迎审就绪报告.docx"
    data = bytearray(report.read_bytes())
    data[-10] ^= 0xFF
    report.write_bytes(bytes(data))
    assert verify(folder).modified == ["迎审就绪报告.docx"]


def test_edited_checksum_list_is_reported(folder: Path) -> None:
    sums = (folder / SUMS).read_text(encoding="utf-8").splitlines()
    digest, _, name = sums[0].partition("  ")
    sums[0] = f"{'0' * 64}  {name}"
    (folder / SUMS).write_text("\n".join(sums) + "\n", encoding="utf-8")
    result = verify(folder)
    assert result.inconsistent == [name]
    assert digest != "0" * 64


def test_zip_pack(pack_en: Exported, tmp_path: Path) -> None:
    original = pack_en.path
    root = original.stem
    changed = tmp_path / "changed.zip"
    with zipfile.ZipFile(original) as src, zipfile.ZipFile(changed, "w") as dst:
        names = [n for n in src.namelist() if "/evidence/" in n]
        victim, dropped = names[0], names[1]
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == dropped:
                continue
            if info.filename == victim:
                data = data[:-1] + bytes([data[-1] ^ 0x01])
            dst.writestr(info, data)
        dst.writestr(f"{root}/evidence/new.pdf", b"%PDF-1.4")
    result = verify(changed)
    assert result.modified == [victim[len(root) + 1 :]]
    assert result.missing == [dropped[len(root) + 1 :]]
    assert result.extra == ["evidence/new.pdf"]


def test_not_a_pack(tmp_path: Path) -> None:
    with pytest.raises(PackUnreadable):
        verify(tmp_path)
    (tmp_path / MANIFEST).write_text("{broken", encoding="utf-8")
    result = verify(tmp_path)  # a pack whose manifest was damaged: reported, not raised
    assert not result.ok and MANIFEST in result.damaged
