"""Department packets as people really send them back: the sheet sorted, filtered, with rows
inserted, deleted or hidden; statuses and dates typed instead of picked; the workbook saved again
as .xls, .ods or .csv, or by a program that drops its protection; the zip made one folder deeper
by Windows with GBK names, or the workbook sent alone; an older packet imported after a newer one;
the same packet imported twice. Each either imports what the department head meant, or says which
file, sheet, row and column to fix — and nothing in the workspace is lost.

The LibreOffice cases convert with ``soffice --headless --convert-to`` and are skipped where it is
not installed."""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from ipaudit.domain.model import Status
from ipaudit.export import packet_xlsx as px
from ipaudit.export.pdf import find_soffice
from ipaudit.services import Workspace, packets
from ipaudit.services.packets import PacketRefused
from tests.factories import INFO
from tests.integration.cli_run import run
from tests.integration.test_packets import GbkInfo, col, folder_of, rows_by_key, unpack
from tests.libreoffice import resave

BOOK = "部门清单.xlsx"
SHEET = "部门清单"
needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")

#: what the department head meant in every case: the changes as (item, field, question) -> value
MEANT = {
    ("rnd.initiation", "status", ""): "ready",
    ("rnd.cooperation_contracts", "status", ""): "in_progress",
    ("rnd.ip_plan", "notes", ""): "年度规划见附件",
    ("rnd.interview", "answer", "duties"): "负责研发项目的知识产权检索与保护",
}


@pytest.fixture
def ws(tmp_path: Path):
    w = Workspace.create(tmp_path / "a.ipaudit", INFO)
    w.set_notes("rnd.confidentiality", "借阅登记在档案室")  # in the packet; nobody touches it
    w.answer("rnd.interview", "headcount", "12")
    yield w
    w.close()


def export(ws: Workspace, tmp_path: Path, name: str = "p") -> Path:
    """The packet of R&D exported and unpacked: the packet's folder."""
    exported = packets.export_packet(ws, "rnd", tmp_path / f"{name}.zip")
    return unpack(exported.path, tmp_path / f"{name}-out")


def edit(book: Path, change: Callable[[Worksheet, dict[tuple[str, str], int]], None]) -> None:
    wb = load_workbook(book)
    sheet = wb[SHEET]
    change(sheet, rows_by_key(sheet))
    wb.save(book)


def fill_meant(sheet: Worksheet, rows: dict[tuple[str, str], int]) -> None:
    sheet.cell(rows[("rnd.initiation", "")], col("status")).value = "已就绪"
    sheet.cell(rows[("rnd.cooperation_contracts", "")], col("status")).value = "进行中"
    sheet.cell(rows[("rnd.ip_plan", "")], col("notes")).value = "年度规划见附件"
    sheet.cell(
        rows[("rnd.interview", "duties")], col("answer")
    ).value = "负责研发项目的知识产权检索与保护"


def zip_folder(root: Path, target: Path, *, prefix: str = "", gbk: bool = False) -> Path:
    """``root`` zipped as Windows' "send to compressed folder" does (``gbk``: names in the local
    code page without the UTF-8 flag; ``prefix``: the packet's folder one folder deeper)."""
    kind = GbkInfo if gbk else zipfile.ZipInfo
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                stamp = time.localtime(path.stat().st_mtime)[:6]
                name = f"{prefix}{root.name}/{path.relative_to(root).as_posix()}"
                zf.writestr(kind(name, stamp), path.read_bytes())
    return target


def changes_of(ws: Workspace, source: Path) -> tuple[dict[tuple[str, str, str], str], list[str]]:
    """The preview of ``source``: its changes ((item, field, question) -> packet's value) and
    its problems (as the Chinese user reads them)."""
    with packets.read_packet(source) as packet:
        preview = packets.preview_packet(ws, packet)
        return (
            {(c.item_key, c.field, c.question_key): c.packet for c in preview.changes},
            [p.text("zh") for p in preview.problems],
        )


def not_ready_warning(text: str) -> bool:
    """The warning every import of "ready" gives for an item that still has blocking findings."""
    return "标为已就绪" in text


# --- 1. the sheet rearranged ----------------------------------------------------------------------


def rearrange(sheet: Worksheet, rows: dict[tuple[str, str], int]) -> None:
    """What a user does once the sheet is unprotected: fills in, sorts the rows (the hidden key
    columns move with them), filters, hides rows and a column, inserts a blank and a comment row,
    deletes a row, adds a sheet."""
    fill_meant(sheet, rows)
    sheet.protection.sheet = False
    last = sheet.max_row
    width = len(px.COLUMNS)
    data = [
        [sheet.cell(r, c).value for c in range(1, width + 1)] for r in range(px.FIRST_ROW, last + 1)
    ]
    data.sort(key=lambda values: str(values[col("title") - 1]), reverse=True)  # by title, Z-A
    for r, values in enumerate(data, start=px.FIRST_ROW):
        for c, value in enumerate(values, start=1):
            sheet.cell(r, c).value = value
    sheet.auto_filter.ref = f"A{px.HEADER_ROW}:{px.column_letter('folder')}{last}"
    rows = rows_by_key(sheet)
    sheet.row_dimensions[rows[("rnd.ip_plan", "")]].hidden = True  # filtered away, still filled
    sheet.column_dimensions["F"].hidden = True
    # the row of an item nobody filled in deleted: what the workspace holds for it stays
    sheet.delete_rows(rows[("rnd.confidentiality", "")])
    sheet.insert_rows(px.FIRST_ROW + 3, amount=2)
    sheet.cell(px.FIRST_ROW + 4, col("notes")).value = "备注：下周补交"
    sheet.parent.create_sheet("我的草稿").append(["随便记点什么"])


def test_a_sorted_filtered_and_edited_sheet_imports_what_was_meant(ws: Workspace, tmp_path: Path):
    root = export(ws, tmp_path)
    edit(root / BOOK, rearrange)
    changes, problems = changes_of(ws, root)
    assert changes == MEANT
    (comment,) = [p for p in problems if not not_ready_warning(p)]
    assert f"第 {px.FIRST_ROW + 4} 行" in comment and "不属于任何条目" in comment
    assert BOOK in comment and SHEET in comment
    with packets.read_packet(root) as packet:
        packets.apply_packet(ws, packets.preview_packet(ws, packet))
    assert ws.state("rnd.confidentiality").notes == "借阅登记在档案室"
    assert ws.state("rnd.ip_plan").notes == "年度规划见附件"
    assert ws.state("rnd.initiation").status is Status.READY


def test_the_exported_sheet_may_be_filtered_without_unprotecting(ws: Workspace, tmp_path: Path):
    root = export(ws, tmp_path)
    sheet = load_workbook(root / BOOK)[SHEET]
    assert sheet.protection.sheet and not sheet.protection.autoFilter
    assert sheet.auto_filter.ref == f"A{px.HEADER_ROW}:M{sheet.max_row}"


def sort_everything(sheet: Worksheet, rows: dict[tuple[str, str], int]) -> None:
    """A sort over the whole sheet: the hidden field row and the header row end up among the
    others (here at the bottom)."""
    fill_meant(sheet, rows)
    width = len(px.COLUMNS)
    data = [
        [sheet.cell(r, c).value for c in range(1, width + 1)]
        for r in range(px.FIELD_ROW, sheet.max_row + 1)
    ]
    data = data[2:] + data[:2]
    sheet.unmerge_cells(f"C{px.TITLE_ROW}:{px.column_letter('folder')}{px.TITLE_ROW}")
    sheet.unmerge_cells(f"C{px.HELP_ROW}:{px.column_letter('folder')}{px.HELP_ROW}")
    for r, values in enumerate(data, start=px.FIELD_ROW):
        for c, value in enumerate(values, start=1):
            sheet.cell(r, c).value = value


def drop_field_row(sheet: Worksheet, rows: dict[tuple[str, str], int]) -> None:
    fill_meant(sheet, rows)
    sheet.delete_rows(px.FIELD_ROW)


@pytest.mark.parametrize("change", [sort_everything, drop_field_row], ids=["sorted", "deleted"])
def test_the_hidden_field_row_moved_or_gone(ws: Workspace, tmp_path: Path, change):
    root = export(ws, tmp_path)
    edit(root / BOOK, change)
    changes, problems = changes_of(ws, root)
    assert changes == MEANT
    assert all(not_ready_warning(p) for p in problems)


def test_a_column_inserted_moves_the_cells_named(ws: Workspace, tmp_path: Path):
    root = export(ws, tmp_path)

    def insert_column(sheet: Worksheet, rows: dict[tuple[str, str], int]) -> None:
        sheet.cell(rows[("rnd.ip_plan", "")], col("status")).value = "差不多"
        sheet.cell(rows[("rnd.ip_plan", "")], col("notes")).value = "备注"
        sheet.insert_cols(col("status"))  # before the status: G becomes H, notes J becomes K

    edit(root / BOOK, insert_column)
    with packets.read_packet(root) as packet:
        preview = packets.preview_packet(ws, packet)
    (change,) = preview.changes
    row = rows_by_key(load_workbook(root / BOOK)[SHEET])[("rnd.ip_plan", "")]
    assert f"K{row}" in change.where.zh
    (problem,) = preview.problems
    assert f"H{row}" in problem.text("zh") and "差不多" in problem.text("zh")


def test_a_missing_column_to_fill_in_refuses_rather_than_wipe(ws: Workspace, tmp_path: Path):
    root = export(ws, tmp_path)
    edit(root / BOOK, lambda sheet, rows: sheet.delete_cols(col("notes")))
    with packets.read_packet(root) as packet, pytest.raises(PacketRefused) as exc:
        packets.preview_packet(ws, packet)
    assert "notes" in exc.value.zh and BOOK in exc.value.zh and SHEET in exc.value.zh
    assert ws.state("rnd.confidentiality").notes == "借阅登记在档案室"


# --- 2. values typed by hand --------------------------------------------------------------------


def test_statuses_numbers_dates_and_long_answers_typed_by_hand(ws: Workspace, tmp_path: Path):
    root = export(ws, tmp_path)
    long_answer = "第一段：检索\r\n第二段：保护\n" + "很长的说明。" * 500
    rows_seen: dict[tuple[str, str], int] = {}

    def typed(sheet: Worksheet, rows: dict[tuple[str, str], int]) -> None:
        rows_seen.update(rows)
        cell = lambda key, name: sheet.cell(rows[key], col(name))  # noqa: E731
        cell(("rnd.initiation", ""), "status").value = "Ready"  # the other language
        cell(("rnd.cooperation_contracts", ""), "status").value = "进行中\u3000 "  # trailing blanks
        cell(("rnd.ip_plan", ""), "status").value = "ｉｎ ｐｒｏｇｒｅｓｓ"  # full-width
        cell(("rnd.search_timing", ""), "status").value = "Not-Applicable"
        cell(("rnd.search_timing", ""), "na_reason").value = "不做检索"
        cell(("rnd.disclosures", ""), "status").value = "差不多吧"  # unknown
        cell(("rnd.disclosures", ""), "notes").value = "交底书已收"  # the rest of the row goes in
        cell(("rnd.interview", "headcount"), "answer").value = 15.0  # pasted as a number
        cell(("rnd.interview", "duties"), "answer").value = long_answer
        cell(("rnd.ip_plan", ""), "date").value = "2026.3.5"
        cell(("rnd.disclosures", ""), "date").value = "２０２６年３月５日"
        cell(("rnd.cooperation_contracts", ""), "date").value = dt.datetime(2026, 3, 5)
        cell(("rnd.rd_records", ""), "date").value = 20260305  # pasted with its own format
        cell(("rnd.rd_records", ""), "date").number_format = "General"
        cell(("rnd.result_evaluation", ""), "date").value = "2026年13月5日"  # no such date

    edit(root / BOOK, typed)
    sheet = load_workbook(root / BOOK)[SHEET]
    for key in ("rnd.ip_plan", "rnd.disclosures", "rnd.cooperation_contracts", "rnd.rd_records"):
        (folder_of(root, sheet, rows_seen[(key, "")]) / f"{key}.pdf").write_bytes(key.encode())

    with packets.read_packet(root) as packet:
        preview = packets.preview_packet(ws, packet)
        changes = {(c.item_key, c.field, c.question_key): c.packet for c in preview.changes}
        assert changes == {
            ("rnd.initiation", "status", ""): "ready",
            ("rnd.cooperation_contracts", "status", ""): "in_progress",
            ("rnd.ip_plan", "status", ""): "in_progress",
            ("rnd.search_timing", "status", ""): "not_applicable",
            ("rnd.search_timing", "na_reason", ""): "不做检索",
            ("rnd.disclosures", "notes", ""): "交底书已收",
            ("rnd.interview", "answer", "headcount"): "15",
            ("rnd.interview", "answer", "duties"): long_answer.replace("\r\n", "\n"),
        }
        assert {(f.item_key, f.doc_date, f.date_source) for f in preview.files} == {
            (key, dt.date(2026, 3, 5), "sheet")
            for key in (
                "rnd.ip_plan",
                "rnd.disclosures",
                "rnd.cooperation_contracts",
                "rnd.rd_records",
            )
        }
        problems = [p.text("zh") for p in preview.problems if not not_ready_warning(p.text("zh"))]
        unknown = rows_seen[("rnd.disclosures", "")]
        bad_day = rows_seen[("rnd.result_evaluation", "")]
        assert len(problems) == 2
        assert any(f"G{unknown}" in p and "差不多吧" in p and "已就绪" in p for p in problems)
        assert any(f"K{bad_day}" in p and "2026年13月5日" in p for p in problems)
        applied = packets.apply_packet(ws, preview)
    assert not applied.problems and applied.files == 4
    assert ws.state("rnd.initiation").status is Status.READY
    assert ws.state("rnd.ip_plan").status is Status.IN_PROGRESS
    assert ws.state("rnd.search_timing").status is Status.NOT_APPLICABLE
    assert ws.state("rnd.disclosures").notes == "交底书已收"
    assert ws.state("rnd.interview").answers["duties"] == long_answer.replace("\r\n", "\n")
    assert ws.state("rnd.interview").answers["headcount"] == "15"


# --- 3. saved as another format, zipped another way ---------------------------------------------


@needs_soffice
@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_the_workbook_saved_as_xls_or_ods(ws: Workspace, tmp_path: Path, fmt: str):
    root = export(ws, tmp_path)
    edit(root / BOOK, fill_meant)
    converted = resave(root / BOOK, tmp_path / "lo", fmt)
    (root / BOOK).unlink()  # "save as" .xls, then the .xlsx thrown away
    shutil.copyfile(converted, root / converted.name)
    back = zip_folder(root, tmp_path / "back.zip", gbk=True)
    changes, problems = changes_of(ws, back)
    assert changes == MEANT and all(not_ready_warning(p) for p in problems)

    # both kept in the folder: the one saved last is read, and the preview says so
    with zipfile.ZipFile(tmp_path / "p.zip") as zf:
        original = next(n for n in zf.namelist() if n.endswith(BOOK))
        (root / BOOK).write_bytes(zf.read(original))  # as exported, unfilled, saved earlier
    old = time.time() - 3600
    os.utime(root / BOOK, (old, old))
    changes, problems = changes_of(ws, zip_folder(root, tmp_path / "both.zip"))
    assert changes == MEANT
    (note,) = [p for p in problems if not not_ready_warning(p)]
    assert converted.name in note and BOOK in note and "最后保存" in note


def write_gbk_csv(book: Path, target: Path, encoding: str = "gbk", delimiter: str = ",") -> None:
    """The checklist sheet saved as "CSV (逗号分隔)" by Excel on a Chinese Windows: GBK (or
    as "CSV UTF-8" by an Excel whose list separator is ";")."""
    sheet = load_workbook(book)[SHEET]
    with target.open("w", encoding=encoding, errors="replace", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        for row in sheet.iter_rows(values_only=True):
            writer.writerow(["" if v is None else v for v in row])


def test_a_csv_with_semicolons_and_a_cell_of_many_lines(ws: Workspace, tmp_path: Path):
    root = export(ws, tmp_path)
    filled = tmp_path / "filled" / BOOK
    filled.parent.mkdir()
    shutil.copyfile(root / BOOK, filled)
    lines = "\n".join(f"第 {n} 行；a, b; c" for n in range(80))

    def fill(sheet: Worksheet, rows: dict[tuple[str, str], int]) -> None:
        fill_meant(sheet, rows)
        sheet.cell(rows[("rnd.interview", "duties")], col("answer")).value = lines

    edit(filled, fill)
    write_gbk_csv(filled, root / "部门清单.csv", "utf-8-sig", ";")
    exported = time.time() - 3600
    os.utime(root / BOOK, (exported, exported))
    changes, _problems = changes_of(ws, root)
    assert changes == {**MEANT, ("rnd.interview", "answer", "duties"): lines}


@pytest.mark.parametrize(
    "maker", ["gbk", pytest.param("libreoffice", marks=[needs_soffice, pytest.mark.slow])]
)
def test_the_sheet_saved_as_csv(ws: Workspace, tmp_path: Path, maker: str):
    root = export(ws, tmp_path)
    filled = tmp_path / "filled" / BOOK
    filled.parent.mkdir()
    shutil.copyfile(root / BOOK, filled)
    edit(filled, fill_meant)
    if maker == "gbk":
        write_gbk_csv(filled, root / "部门清单.csv")
    else:  # LibreOffice's "Text CSV", UTF-8
        shutil.copyfile(
            resave(
                filled, tmp_path / "lo", "csv", filter_name="Text - txt - csv (StarCalc):44,34,76"
            ),
            root / "部门清单.csv",
        )

    exported = time.time() - 3600  # the workbook as exported, unpacked an hour before
    os.utime(root / BOOK, (exported, exported))

    # alone, a csv cannot be imported: it says why and what to do
    alone = tmp_path / "mail" / "部门清单.csv"
    alone.parent.mkdir()
    shutil.copyfile(root / "部门清单.csv", alone)
    with pytest.raises(PacketRefused) as exc:
        packets.read_packet(alone)
    assert "部门清单.csv" in exc.value.zh and "放回" in exc.value.zh and "CSV" in exc.value.zh

    # beside the workbook as exported, its rows are read
    for source in (root, zip_folder(root, tmp_path / "back.zip"), root / "部门清单.csv"):
        changes, problems = changes_of(ws, source)
        assert changes == MEANT, source
        assert all(not_ready_warning(p) or "部门清单.csv" in p for p in problems)


def test_a_csv_chosen_that_holds_no_rows(ws: Workspace, tmp_path: Path):
    """The sheet saved as .csv after its item rows were deleted (or filtered out), chosen beside
    the workbook: nothing is read from it, and the preview says the workbook was not read."""
    root = export(ws, tmp_path)
    copy = root / "部门清单.csv"
    sheet = load_workbook(root / BOOK)[SHEET]
    with copy.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        for row in sheet.iter_rows(values_only=True):
            if not (isinstance(row[0], str) and row[0].startswith("rnd.")):
                writer.writerow(["" if v is None else v for v in row])
    packet = packets.read_packet(copy)
    assert packet.workbook_name == "部门清单.csv" and packet.content.rows == []
    assert any(BOOK in p.message.zh and "未读取" in p.message.zh for p in packet.problems)
    changes, _problems = changes_of(ws, copy)
    assert changes == {}


def wps_resave(sheet: Worksheet, rows: dict[tuple[str, str], int]) -> None:
    """What a save by another program may drop: the protection of sheet and workbook, the
    status lists, the hidden state of the columns and sheets."""
    fill_meant(sheet, rows)
    wb = sheet.parent
    sheet.protection.sheet = False
    sheet.data_validations.dataValidation = []
    for letter in ("A", "B"):
        sheet.column_dimensions[letter].hidden = False
    sheet.row_dimensions[px.FIELD_ROW].hidden = False
    wb.security = None
    for name in (px.META_SHEET, px.ITEMS_SHEET, px.FOLDERS_SHEET):
        wb[name].sheet_state = "visible"
        wb[name].protection.sheet = False


def test_an_xlsx_that_lost_its_protection_and_lists(ws: Workspace, tmp_path: Path):
    root = export(ws, tmp_path)
    edit(root / BOOK, wps_resave)
    changes, problems = changes_of(ws, root)
    assert changes == MEANT and all(not_ready_warning(p) for p in problems)


def test_zipped_one_folder_deeper_with_gbk_names(ws: Workspace, tmp_path: Path):
    root = export(ws, tmp_path)
    edit(root / BOOK, fill_meant)
    sheet = load_workbook(root / BOOK)[SHEET]
    row = rows_by_key(sheet)[("rnd.ip_plan", "")]
    (folder_of(root, sheet, row) / "知识产权规划（2025年）.pdf").write_bytes(b"%PDF plan")
    (root / "报价单.csv").write_text("品名,单价\n专利检索,800\n", encoding="gbk")  # not ours
    back = zip_folder(root, tmp_path / "back.zip", prefix="交回的文件/", gbk=True)
    with zipfile.ZipFile(back) as zf:
        assert not any(i.flag_bits & 0x800 for i in zf.infolist())
    with packets.read_packet(back) as packet:
        preview = packets.preview_packet(ws, packet)
        assert {(c.item_key, c.field, c.question_key): c.packet for c in preview.changes} == MEANT
        (new,) = preview.files
        assert new.item_key == "rnd.ip_plan" and new.name.endswith("知识产权规划（2025年）.pdf")
        (stray,) = [p.text("zh") for p in preview.problems if not not_ready_warning(p.text("zh"))]
        assert "报价单.csv" in stray and "不在任何条目的文件夹" in stray
        packets.apply_packet(ws, preview)
    (ev,) = ws.evidence("rnd.ip_plan")
    assert ev.original_name == "知识产权规划（2025年）.pdf"


def test_the_workbook_sent_alone(ws: Workspace, tmp_path: Path):
    root = export(ws, tmp_path)
    edit(root / BOOK, fill_meant)
    downloads = tmp_path / "Downloads"
    (downloads / "别的项目").mkdir(parents=True)
    (downloads / "别的项目" / "报价单.xlsx").write_bytes(b"not ours")
    (downloads / "会议纪要.docx").write_bytes(b"PK not ours")
    alone = downloads / "部门清单(1).xlsx"
    shutil.copyfile(root / BOOK, alone)
    with packets.read_packet(alone) as packet:
        preview = packets.preview_packet(ws, packet)
        assert {(c.item_key, c.field, c.question_key): c.packet for c in preview.changes} == MEANT
        assert not preview.files
        assert all(not_ready_warning(p.text("zh")) for p in preview.problems)


# --- 4. another workspace, an older packet --------------------------------------------------------


def test_an_older_packet_after_a_newer_one_conflicts_never_overwrites(
    ws: Workspace, tmp_path: Path
):
    older = export(ws, tmp_path, "older")
    newer = export(ws, tmp_path, "newer")
    edit(
        newer / BOOK,
        lambda sheet, rows: setattr(
            sheet.cell(rows[("rnd.ip_plan", "")], col("notes")), "value", "新的"
        ),
    )
    with packets.read_packet(newer) as packet:
        packets.apply_packet(ws, packets.preview_packet(ws, packet))
    edit(older / BOOK, fill_meant)  # sent back late, with other notes for the same item
    with packets.read_packet(older) as packet:
        preview = packets.preview_packet(ws, packet)
        conflicts = {(c.item_key, c.field): (c.workspace, c.packet) for c in preview.conflicts}
        assert conflicts == {("rnd.ip_plan", "notes"): ("新的", "年度规划见附件")}
        applied = packets.apply_packet(ws, preview)
    assert ws.state("rnd.ip_plan").notes == "新的"
    assert [c.item_key for c in applied.kept] == ["rnd.ip_plan"]
    assert ws.state("rnd.initiation").status is Status.READY


def test_a_packet_of_another_workspace_names_where_it_comes_from(ws: Workspace, tmp_path: Path):
    root = export(ws, tmp_path)
    with (
        Workspace.create(tmp_path / "b.ipaudit", INFO) as other,
        packets.read_packet(root) as packet,
        pytest.raises(PacketRefused) as exc,
    ):
        packets.preview_packet(other, packet)
    assert str(root) in exc.value.zh and "不是从本工作区导出的" in exc.value.zh
    assert INFO.company in exc.value.zh


# --- 5. the same packet twice ---------------------------------------------------------------------


def test_importing_twice_changes_nothing_and_says_so(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    root = export(ws, tmp_path)
    edit(root / BOOK, fill_meant)
    sheet = load_workbook(root / BOOK)[SHEET]
    plan = folder_of(root, sheet, rows_by_key(sheet)[("rnd.ip_plan", "")])
    (plan / "规划_2025-03-05.pdf").write_bytes(b"%PDF plan")
    back = zip_folder(root, tmp_path / "back.zip")
    with packets.read_packet(back) as packet:
        first = packets.preview_packet(ws, packet)
        assert first.repeat is None
        packets.apply_packet(ws, first)
    states, files = ws.states(), len(ws.evidence())
    with packets.read_packet(back) as packet:
        again = packets.preview_packet(ws, packet)
        assert again.empty and again.repeat is not None
        assert "导入过" in again.repeat.zh and "不会有任何改动" in again.repeat.zh
        applied = packets.apply_packet(ws, again)
    assert not applied.applied and not applied.files
    assert ws.states() == states and len(ws.evidence()) == files
    ws.close()
    code, out, _err = run(capsys, "packet-import", tmp_path / "a.ipaudit", back)
    assert code == 0 and "导入过" in out and "不会有任何改动" in out


def test_a_renamed_sheet_and_a_date_excel_shows_as_hashes(ws: Workspace, tmp_path: Path):
    root = export(ws, tmp_path)
    rows_seen: dict[tuple[str, str], int] = {}

    def change(sheet: Worksheet, rows: dict[tuple[str, str], int]) -> None:
        rows_seen.update(rows)
        fill_meant(sheet, rows)
        sheet.title = "研发部填报"
        # 20260305 typed into the date cell: a day serial no date has (Excel shows ########)
        sheet.cell(rows[("rnd.disclosures", "")], col("date")).value = 20260305

    edit(root / BOOK, change)
    with packets.read_packet(root) as packet:
        preview = packets.preview_packet(ws, packet)
        assert {(c.item_key, c.field, c.question_key): c.packet for c in preview.changes} == MEANT
        assert all("研发部填报" in c.where.zh for c in preview.changes)
        (problem,) = [p.text("zh") for p in preview.problems if not not_ready_warning(p.text("zh"))]
    row = rows_seen[("rnd.disclosures", "")]
    assert f"K{row}" in problem and "####" in problem and "2025-03-05" in problem


# --- performance --------------------------------------------------------------------------------


def big_template(n: int) -> str:
    """A checklist of ``n`` items of one department, each with a question."""
    import yaml

    items = [
        {
            "key": f"big.item{i:04d}",
            "department": "rnd",
            "clause": "8.1",
            "refs": {"2023": "8.1", "2013": "8.2"},
            "title": {"zh": f"条目{i}", "en": f"Item {i}"},
            "guidance": {"zh": "说明", "en": "Guidance"},
            "kind": "document",
            "questions": [{"key": "who", "zh": "谁负责？", "en": "Who?"}],
        }
        for i in range(n)
    ]
    doc = {
        "edition": "2023",
        "title": {"zh": "大清单", "en": "Big"},
        "departments": [
            {"key": k, "zh": k, "en": k}
            for k in (
                "management",
                "ip_office",
                "rnd",
                "hr_admin",
                "procurement",
                "marketing",
                "finance",
                "production",
            )
        ],
        "clauses": [{"ref": "8.1", "zh": "运行", "en": "Operation"}],
        "items": items,
    }
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


@pytest.mark.slow
def test_a_packet_of_500_items_imports_in_seconds(tmp_path: Path, capsys):
    n = 500
    with Workspace.create(tmp_path / "big.ipaudit", INFO, template_yaml=big_template(n)) as ws:
        exported = packets.export_packet(ws, "rnd", tmp_path / "big.zip")
        root = unpack(exported.path, tmp_path / "big-out")
        book = next(root.glob("*.xlsx"))
        wb = load_workbook(book)
        sheet = wb.worksheets[0]
        for (key, question), row in rows_by_key(sheet).items():
            if question:
                sheet.cell(row, col("answer")).value = f"{key} 的负责人"
            else:
                sheet.cell(row, col("status")).value = "进行中"
                sheet.cell(row, col("notes")).value = f"{key} 备注\n第二行"
        wb.save(book)
        back = zip_folder(root, tmp_path / "back.zip")
        start = time.perf_counter()
        with packets.read_packet(back) as packet:
            preview = packets.preview_packet(ws, packet)
            previewed = time.perf_counter() - start
            applied = packets.apply_packet(ws, preview)
        total = time.perf_counter() - start
        assert len(applied.applied) == 3 * n and not applied.problems
        assert ws.state("big.item0499").answers == {"who": "big.item0499 的负责人"}
    with capsys.disabled():
        print(f"\n500-item packet: preview {previewed:.2f} s, preview + apply {total:.2f} s")
    assert total < 20
