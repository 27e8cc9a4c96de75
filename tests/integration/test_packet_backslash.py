"""A packet zipped by PowerShell 5's Compress-Archive: every name uses "\\" as its separator and
each folder is an entry of its own ending in "\\" ("研发部\\", "研发部\\file.xlsx"). It reads as
the same packet zipped with "/"; a status typed with blanks inside ("已 就绪") is that status."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ipaudit.export import packet_xlsx as px
from ipaudit.services import Workspace, packets
from tests.factories import INFO
from tests.integration.test_packets import col, folder_of, rows_by_key, unpack


def zipped(root: Path, target: Path, sep: str) -> Path:
    """``root`` zipped with ``sep`` between the parts of every name, folders as entries."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(root.rglob("*")):
            parts = [root.name, *path.relative_to(root).parts]
            name = sep.join(parts) + (sep if path.is_dir() else "")
            zf.writestr(
                zipfile.ZipInfo(name, (2026, 1, 5, 10, 0, 0)),
                b"" if path.is_dir() else path.read_bytes(),
            )
    return target


def reading(ws: Workspace, source: Path) -> tuple[object, ...]:
    with packets.read_packet(source) as packet, packets.preview_packet(ws, packet) as preview:
        return (
            sorted((c.item_key, c.field, c.question_key, c.packet) for c in preview.changes),
            sorted((f.item_key, f.slot, f.name, f.sha256, f.skip) for f in preview.files),
            sorted(p.text("en") for p in preview.problems),
        )


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("backslash")
    ws = Workspace.create(folder / "w.ipaudit", INFO)
    packet = packets.export_packet(ws, "rnd", folder / "p.zip")
    yield ws, packet.path
    ws.close()


ITEMS = ["rnd.cooperation_contracts", "rnd.initiation", "rnd.ip_plan", "rnd.confidentiality"]
STATUSES = ["已 就绪", "进 行 中", "已就绪", "", "not  started"]


@settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    statuses=st.dictionaries(st.sampled_from(ITEMS), st.sampled_from(STATUSES), max_size=4),
    files=st.lists(
        st.tuples(
            st.sampled_from(ITEMS),
            st.sampled_from(["合同.pdf", "记录 2025.docx", "a.txt", "空.pdf"]),
            st.binary(max_size=40),
        ),
        max_size=5,
    ),
)
def test_either_separator_gives_the_same_reading(exported, statuses, files) -> None:
    ws, packet = exported
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        root = unpack(packet, work / "out")
        book = next(root.glob("*.xlsx"))
        wb = load_workbook(book)
        sheet = wb.worksheets[0]
        rows = rows_by_key(sheet)
        for item, status in statuses.items():
            sheet.cell(rows[(item, "")], col("status")).value = status
        wb.save(book)
        for item, name, content in files:
            (folder_of(root, sheet, rows[(item, "")]) / name).write_bytes(content)
        slash = reading(ws, zipped(root, work / "slash.zip", "/"))
        back = reading(ws, zipped(root, work / "back.zip", "\\"))
    assert back == slash
    changes, new_files, problems = back
    ready = {i for i, t in statuses.items() if t.replace(" ", "") == "已就绪"}
    assert ready == {c[0] for c in changes if c[1] == "status" and c[3] == "ready"}
    # no folder is read as an empty file, and every file dropped in is there
    assert {(i, n) for i, n, _c in files} == {(f[0], f[2].rsplit("/", 1)[-1]) for f in new_files}
    assert not any("empty" in p and "0 bytes" in p and "/" not in p for p in problems)
    assert all("folder" not in p or "empty" not in p for p in problems)


def test_powershell_zip_lists_no_folder_as_an_empty_file(exported, tmp_path: Path) -> None:
    ws, packet = exported
    root = unpack(packet, tmp_path / "out")
    book = next(root.glob("*.xlsx"))
    wb = load_workbook(book)
    sheet = wb.worksheets[0]
    rows = rows_by_key(sheet)
    sheet.cell(rows[("rnd.initiation", "")], col("status")).value = "已 就绪"
    wb.save(book)
    folder = folder_of(root, sheet, rows[("rnd.ip_plan", "")])
    (folder / "知识产权规划.pdf").write_bytes(b"%PDF-1.4 plan")
    source = zipped(root, tmp_path / "ps.zip", "\\")
    with zipfile.ZipFile(source) as zf:  # the zip is written as PowerShell 5 writes it
        names = zf.namelist()
    assert any(n.endswith("\\") for n in names) and not any("/" in n for n in names)
    with packets.read_packet(source) as packet_read:
        preview = packets.preview_packet(ws, packet_read)
        assert [f.name.rsplit("/", 1)[-1] for f in preview.files] == ["知识产权规划.pdf"]
        assert [f.item_key for f in preview.files] == ["rnd.ip_plan"]
        assert not any("0 字节" in p.text("zh") for p in preview.problems)
        status = [c for c in preview.changes if c.field == "status"]
        assert [(c.item_key, c.packet) for c in status] == [("rnd.initiation", "ready")]
        preview.close()
    assert px.status_from_label("已 就绪") is px.status_from_label("已就绪") is not None
