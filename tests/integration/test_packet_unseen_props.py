"""Properties of reading a department packet back, whatever order, width or spelling people leave
it in: a status typed in either language, in any case, full width, with blanks around it, is that
status; a date typed the ways Excel and WPS users type it is that date; and rows sorted into any
order, with blank rows inserted and rows hidden, import exactly what was filled in."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ipaudit.domain.model import Status
from ipaudit.export import packet_xlsx as px
from ipaudit.export.i18n import STATUS_TEXT
from ipaudit.services import Workspace, packets
from tests.factories import INFO
from tests.integration.test_packet_unseen import BOOK, MEANT, SHEET, fill_meant, not_ready_warning
from tests.integration.test_packets import rows_by_key, unpack


def full_width(text: str) -> str:
    """``text`` as a Chinese input method in full-width mode types it."""
    return "".join(
        "\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text
    )


blanks = st.text(alphabet=" \t\u3000\u200b\u00a0", max_size=3)


@st.composite
def typed_status(draw: st.DrawFn) -> tuple[Status, str]:
    status = draw(st.sampled_from(px.CHOOSABLE))
    label = draw(st.sampled_from([STATUS_TEXT[status].zh, STATUS_TEXT[status].en, status.value]))
    cased = "".join(c.upper() if draw(st.booleans()) else c for c in label)
    if draw(st.booleans()):
        cased = full_width(cased)
    return status, draw(blanks) + cased + draw(blanks) + draw(st.sampled_from(["", "。", "."]))


@given(typed_status())
def test_a_typed_status_is_that_status(case: tuple[Status, str]) -> None:
    status, text = case
    assert px.status_from_label(text) is status


@st.composite
def typed_date(draw: st.DrawFn) -> tuple[dt.date, object]:
    day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
    y, m, d = day.year, day.month, day.day
    forms: list[object] = [
        f"{y}-{m:02d}-{d:02d}",
        f"{y}/{m}/{d}",
        f"{y}.{m}.{d}",
        f"{y}年{m}月{d}日",
        f"{y} 年 {m} 月 {d} 日",
        f"{y}{m:02d}{d:02d}",
        f"{y}-{m:02d}-{d:02d} 00:00:00",
        int(f"{y}{m:02d}{d:02d}"),
        dt.datetime(y, m, d),
        day,
    ]
    form = draw(st.sampled_from(forms))
    if isinstance(form, str) and draw(st.booleans()):
        form = full_width(form)
    return day, form


@given(typed_date())
def test_a_typed_date_is_that_date(case: tuple[dt.date, object]) -> None:
    day, form = case
    assert px.date_from_cell(form) == day


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory):
    """A workspace and its R&D packet filled in as MEANT, unpacked."""
    folder = tmp_path_factory.mktemp("unseen")
    ws = Workspace.create(folder / "w.ipaudit", INFO)
    ws.set_notes("rnd.confidentiality", "借阅登记在档案室")
    exported = packets.export_packet(ws, "rnd", folder / "p.zip")
    root = unpack(exported.path, folder / "out")
    wb = load_workbook(root / BOOK)
    fill_meant(wb[SHEET], rows_by_key(wb[SHEET]))
    wb.save(root / BOOK)
    yield ws, root
    ws.close()


@pytest.mark.slow
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_rows_in_any_order_import_what_was_filled_in(filled, data: st.DataObject) -> None:
    ws, root = filled
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / root.name
        shutil.copytree(root, copy)
        wb = load_workbook(copy / BOOK)
        sheet = wb[SHEET]
        sheet.protection.sheet = False
        width = len(px.COLUMNS)
        first, last = px.FIRST_ROW, sheet.max_row
        rows = [
            [sheet.cell(r, c).value for c in range(1, width + 1)] for r in range(first, last + 1)
        ]
        order = data.draw(st.permutations(rows))
        blank_at = data.draw(st.sets(st.integers(0, len(order)), max_size=4))
        out = []
        for n, values in enumerate(order):
            if n in blank_at:
                out.append([None] * width)
            out.append(values)
        for r, values in enumerate(out, start=first):
            for c, value in enumerate(values, start=1):
                sheet.cell(r, c).value = value
        for r in data.draw(st.sets(st.integers(first, first + len(out) - 1), max_size=5)):
            sheet.row_dimensions[r].hidden = True
        wb.save(copy / BOOK)
        with packets.read_packet(copy) as packet:
            preview = packets.preview_packet(ws, packet)
            got = {(c.item_key, c.field, c.question_key): c.packet for c in preview.changes}
            problems = [p.text("zh") for p in preview.problems]
    assert got == MEANT
    assert all(not_ready_warning(p) for p in problems)
