"""Whatever a department head types in the cells to fill in, reading and importing a packet never
crashes and never changes anything outside the packet's department."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ipaudit.export import packet_xlsx as px
from ipaudit.services import Workspace, packets
from tests.factories import INFO
from tests.integration.test_packets import rows_by_key, unpack

EDITABLE = ("status", "na_reason", "answer", "notes", "date")
LABELS = [*px.status_labels("zh"), *px.status_labels("en"), "ready", " 已就绪 ", "差不多"]

cell_values = st.one_of(
    st.none(),
    st.sampled_from(LABELS),
    st.text(max_size=60).filter(lambda s: not ILLEGAL_CHARACTERS_RE.search(s)),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2200, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2200, 1, 1)),
)
edits = st.lists(
    st.tuples(st.integers(min_value=0, max_value=40), st.sampled_from(EDITABLE), cell_values),
    max_size=25,
)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A workspace with a little in it and a packet of its R&D department, unpacked."""
    folder = tmp_path_factory.mktemp("fuzz")
    with Workspace.create(folder / "w.ipaudit", INFO) as ws:
        ws.answer("rnd.interview", "headcount", "12")
        ws.set_notes("hr.labour_contracts", "人事")
        ws.answer("hr.interview", "headcount", "8")
        packets.export_packet(ws, "rnd", folder / "p.zip")
    return folder / "w.ipaudit", unpack(folder / "p.zip", folder / "unpacked")


@pytest.mark.slow
@settings(max_examples=40)
@given(changes=edits)
def test_any_cell_values_never_crash_nor_leave_the_department(
    exported: tuple[Path, Path], changes: list[tuple[int, str, object]]
) -> None:
    master, root = exported
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copyfile(master, work / "w.ipaudit")
        packet_root = work / root.name
        shutil.copytree(root, packet_root)
        book = packet_root / "部门清单.xlsx"
        wb = load_workbook(book)
        sheet = wb["部门清单"]
        rows = sorted(rows_by_key(sheet).values())
        for index, name, value in changes:
            row = rows[index % len(rows)]
            sheet.cell(row, px.FIELDS.index(name) + 1).value = value
        buf = io.BytesIO()
        wb.save(buf)
        book.write_bytes(buf.getvalue())

        content = px.read_workbook(buf.getvalue(), "部门清单.xlsx")
        assert not content.errors
        for problem in content.problems:  # each names its sheet, and its row
            assert problem.sheet == "部门清单" and problem.row >= px.FIRST_ROW

        with Workspace.open(work / "w.ipaudit") as ws:
            before = ws.states()
            evidence_before = ws.evidence()
            with packets.read_packet(packet_root) as packet:
                preview = packets.preview_packet(ws, packet)
                assert all(c.item_key.startswith("rnd.") for c in preview.changes)
                packets.apply_packet(ws, preview, take_packet_on_conflict=True)
            after = ws.states()
            for key in set(before) | set(after):
                if not key.startswith("rnd."):
                    assert after.get(key) == before.get(key)
            assert ws.evidence() == evidence_before
            # what was stored is what the packet says, read again
            with packets.read_packet(packet_root) as packet:
                assert not packets.preview_packet(ws, packet).changes
