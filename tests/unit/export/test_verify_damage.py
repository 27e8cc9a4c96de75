"""verify() on a damaged pack: every damaged member named, never a traceback (a flipped byte or a
truncation anywhere in a real pack zip), and ``verify`` exits 1."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit import cli
from ipaudit.export.errors import PackUnreadable
from ipaudit.export.manifest import MANIFEST, SUMS, verify
from ipaudit.export.options import ExportOptions
from ipaudit.services import Workspace
from ipaudit.services.exports import export_pack

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def small_zip(tmp_path_factory: pytest.TempPathFactory, demo_master: Path) -> Path:
    """A real pack zip, small enough to verify hundreds of times: the demo without its ledgers'
    bulk, evidence included (stored entries) and documents (deflated entries)."""
    folder = tmp_path_factory.mktemp("small")
    with Workspace.open(demo_master) as ws:
        return export_pack(ws, folder / "pack.zip", ExportOptions(as_zip=True, lang="en")).path


def _data_ranges(path: Path) -> dict[str, tuple[int, int]]:
    """Where each member's (compressed) bytes lie in the zip file."""
    raw = path.read_bytes()
    ranges = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            name_len, extra_len = struct.unpack(
                "<HH", raw[info.header_offset + 26 : info.header_offset + 30]
            )
            start = info.header_offset + 30 + name_len + extra_len
            ranges[info.filename] = (start, start + info.compress_size)
    return ranges


def _rel(small_zip: Path, member: str) -> str:
    return member[len(small_zip.stem) + 1 :]


def test_a_flipped_byte_in_an_entry_names_it(small_zip: Path, tmp_path: Path) -> None:
    ranges = _data_ranges(small_zip)
    evidence = next(n for n in ranges if "/evidence/" in n and ranges[n][1] > ranges[n][0])
    document = next(n for n in ranges if n.endswith(".docx") and "/evidence/" not in n)
    raw = bytearray(small_zip.read_bytes())
    for member in (evidence, document):
        start, end = ranges[member]
        raw[(start + end) // 2] ^= 0x5A
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(raw))
    result = verify(damaged)
    assert not result.ok
    named = set(result.damaged) | set(result.modified)
    assert {_rel(small_zip, evidence), _rel(small_zip, document)} <= named
    assert result.damaged, "a bad CRC or an inflate error is reported as damage"
    assert all(result.damaged.values())


def test_a_damaged_manifest_still_checks_the_files_against_sha256sums(
    small_zip: Path, tmp_path: Path
) -> None:
    ranges = _data_ranges(small_zip)
    start, _end = ranges[f"{small_zip.stem}/{MANIFEST}"]
    raw = bytearray(small_zip.read_bytes())
    raw[start + 3] ^= 0xFF
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(raw))
    result = verify(damaged)
    assert MANIFEST in result.damaged
    assert result.checked > 10 and not result.modified  # the rest was checked, and is intact


@pytest.mark.parametrize("keep", [0, 10, 1000, -1])
def test_truncated_zip_is_damaged_not_a_crash(small_zip: Path, tmp_path: Path, keep: int) -> None:
    raw = small_zip.read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(raw[:keep] if keep >= 0 else raw[: len(raw) // 2])
    result = verify(cut)
    assert not result.ok
    assert "" in result.damaged and "zip" in result.damaged[""]


def test_not_a_zip_and_not_a_pack(tmp_path: Path) -> None:
    (tmp_path / "x.zip").write_bytes(b"not a zip")
    result = verify(tmp_path / "x.zip")
    assert not result.ok and list(result.damaged) == [""]
    with pytest.raises(PackUnreadable):
        verify(tmp_path / "missing.zip")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("notes.txt", "an unrelated zip")
    with pytest.raises(PackUnreadable):
        verify(other)
    (tmp_path / "folder").mkdir()
    with pytest.raises(PackUnreadable):
        verify(tmp_path / "folder")
    (tmp_path / "folder" / MANIFEST).write_text(json.dumps({"format": "other", "files": []}))
    with pytest.raises(PackUnreadable):
        verify(tmp_path / "folder")


def test_broken_manifest_and_sums_in_a_folder_is_damage(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text("{broken", encoding="utf-8")
    (tmp_path / SUMS).write_text("", encoding="utf-8")
    result = verify(tmp_path)
    assert not result.ok and MANIFEST in result.damaged


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_fuzz_flipped_bytes_and_truncation(
    small_zip: Path, tmp_path: Path, data: st.DataObject
) -> None:
    """Whatever byte is flipped or wherever the zip is cut, verify answers with a result (or a
    sentence that it is no pack), and a change inside any member's bytes is never missed."""
    raw = bytearray(small_zip.read_bytes())
    ranges = _data_ranges(small_zip)
    cut = data.draw(st.booleans(), label="truncate")
    if cut:
        length = data.draw(st.integers(0, len(raw) - 1), label="length")
        raw = raw[:length]
    else:
        for _ in range(data.draw(st.integers(1, 3), label="flips")):
            offset = data.draw(st.integers(0, len(raw) - 1), label="offset")
            raw[offset] ^= data.draw(st.integers(1, 255), label="mask")
    if bytes(raw) == small_zip.read_bytes():
        return
    damaged = tmp_path / "fuzzed.zip"
    damaged.write_bytes(bytes(raw))
    try:
        result = verify(damaged)
    except PackUnreadable as exc:  # e.g. the manifest's own name flipped in the directory
        assert exc.message("en")
        return
    if cut:
        assert not result.ok
    else:
        original = small_zip.read_bytes()
        changed = [i for i in range(len(raw)) if raw[i] != original[i]]
        if any(s <= i < e for i in changed for s, e in ranges.values()):
            assert not result.ok, result.as_dict()


def test_cli_verify_damaged_zip_exits_1_without_traceback(small_zip: Path, tmp_path: Path) -> None:
    ranges = _data_ranges(small_zip)
    member = next(n for n in ranges if "/evidence/" in n and ranges[n][1] > ranges[n][0])
    raw = bytearray(small_zip.read_bytes())
    raw[ranges[member][0]] ^= 0x01
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(raw))
    cut = tmp_path / "cut.zip"
    cut.write_bytes(small_zip.read_bytes()[:5000])
    for pack, expected in ((damaged, _rel(small_zip, member)), (cut, "cut.zip")):
        for extra in ([], ["--json"]):
            proc = subprocess.run(
                [sys.executable, str(ROOT / "main.py"), "verify", str(pack), *extra],
                capture_output=True,
                text=True,
                env={"IPAUDIT_LANG": "en", "PATH": "/usr/bin:/bin"},
                cwd=ROOT,
                timeout=120,
            )
            assert proc.returncode == cli.EXIT_BLOCKING, proc.stderr
            assert "Traceback" not in proc.stderr + proc.stdout
            if extra:
                report = json.loads(proc.stdout)
                assert report["ok"] is False
                paths = [d["path"] for d in report["damaged"]] + report["modified"]
                assert (expected if pack is damaged else "") in paths
            else:
                assert expected in proc.stdout and "FAILED" in proc.stdout
