"""Department packets: export → fill in with openpyxl (a stand-in for Excel/WPS) and drop files in
the folders → import. The workspace gets exactly those changes and files; edits made in the
workspace meanwhile are reported as conflicts, never overwritten."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ipaudit.domain.model import Status
from ipaudit.export import packet_xlsx as px
from ipaudit.services import Workspace, packets
from ipaudit.services.packets import PacketRefused
from tests.factories import INFO
from tests.libreoffice import resave


@pytest.fixture
def ws(tmp_path: Path):
    w = Workspace.create(tmp_path / "a.ipaudit", INFO)
    w.answer("rnd.interview", "headcount", "研发部共 12 人")
    w.set_notes("rnd.confidentiality", "借阅登记在档案室")
    w.set_notes("hr.labour_contracts", "人事的备注")
    yield w
    w.close()


def unpack(zip_path: Path, into: Path) -> Path:
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(into)
    (root,) = [p for p in into.iterdir() if p.is_dir()]
    return root


class GbkInfo(zipfile.ZipInfo):
    """An entry named in GBK without the UTF-8 flag, as Windows' "send to compressed folder"
    writes it on a Chinese system."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def repack(root: Path, target: Path, *, gbk_names: bool = False) -> Path:
    """Zip ``root`` as a user would send it back (``gbk_names``: as Chinese Windows does)."""
    kind = GbkInfo if gbk_names else zipfile.ZipInfo
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(root.rglob("*")):
            name = f"{root.name}/{path.relative_to(root).as_posix()}" + (
                "/" if path.is_dir() else ""
            )
            zf.writestr(
                kind(name, (2026, 1, 5, 10, 0, 0)), b"" if path.is_dir() else path.read_bytes()
            )
    return target


def rows_by_key(sheet) -> dict[tuple[str, str], int]:
    out = {}
    for r in range(px.FIRST_ROW, sheet.max_row + 1):
        key = sheet.cell(r, 1).value
        if key:
            out[(key, sheet.cell(r, 2).value or "")] = r
    return out


def hidden_column(sheet, n: int) -> bool:
    """Column ``n`` is hidden (LibreOffice writes A and B as one range A:B)."""
    return any(d.hidden and d.min <= n <= d.max for d in sheet.column_dimensions.values())


def col(name: str) -> int:
    return px.FIELDS.index(name) + 1


def folder_of(root: Path, sheet, row: int) -> Path:
    return root / sheet.cell(row, col("folder")).value.replace("\\", "/")


def sent_back(
    packet: Path,
    work: Path,
    cells: dict[tuple[str, str], dict[str, str]],
    files: tuple[tuple[str, str, bytes], ...] = (),
) -> Path:
    """``packet`` as a department head sends it back: in its workbook the ``cells`` filled in
    ((item, slot) -> column -> value), ``files`` ((item, name, content)) dropped in the items'
    folders; unpacked in ``work``/out and zipped again as ``work``/back.zip."""
    root = unpack(packet, work / "out")
    book = next(root.glob("*.xlsx"))
    wb = load_workbook(book)
    sheet = wb.worksheets[0]
    rows = rows_by_key(sheet)
    for row, values in cells.items():
        for column, value in values.items():
            sheet.cell(rows[row], col(column)).value = value
    wb.save(book)
    for item, name, content in files:
        (folder_of(root, sheet, rows[(item, "")]) / name).write_bytes(content)
    return repack(root, work / "back.zip")


def fill(root: Path) -> None:
    """What the department head does in Excel: statuses from the list, answers, notes, a date,
    and files dropped in the folders (one empty, one a duplicate)."""
    book = root / "部门清单.xlsx"
    wb = load_workbook(book)
    sheet = wb["部门清单"]
    rows = rows_by_key(sheet)
    sheet.cell(rows[("rnd.cooperation_contracts", "")], col("status")).value = "进行中"
    sheet.cell(rows[("rnd.initiation", "")], col("status")).value = "已就绪"
    sheet.cell(rows[("rnd.confidentiality", "")], col("notes")).value = "改为电子登记"
    sheet.cell(rows[("rnd.ip_plan", "")], col("notes")).value = "年度规划见附件"
    sheet.cell(
        rows[("rnd.interview", "duties")], col("answer")
    ).value = "负责研发项目的知识产权检索与保护"
    sheet.cell(rows[("rnd.interview", "headcount")], col("answer")).value = 15  # typed as a number
    sheet.cell(rows[("rnd.ip_plan", "")], col("date")).value = dt.datetime(2025, 3, 5)
    wb.save(book)

    contracts = folder_of(root, sheet, rows[("rnd.cooperation_contracts", "")])
    (contracts / "合作开发合同_2025-06-18.pdf").write_bytes(b"%PDF-1.4 contract one")
    (contracts / "空白.docx").write_bytes(b"")
    (contracts / "合同副本.pdf").write_bytes(b"%PDF-1.4 contract one")  # same bytes again
    plan = folder_of(root, sheet, rows[("rnd.ip_plan", "")])
    (plan / "知识产权规划.pdf").write_bytes(b"%PDF-1.4 plan")
    project = next(
        p for p in folder_of(root, sheet, rows[("rnd.projects", "")]).iterdir() if "1" in p.name
    )
    (project / "立项报告.docx").write_bytes(b"PK fake docx 2025")
    (root / "随手放的.txt").write_text("not in a folder")


def test_round_trip_changes_exactly_what_the_department_head_did(ws: Workspace, tmp_path: Path):
    before = ws.states()
    exported = packets.export_packet(ws, "rnd", tmp_path / "rnd")
    assert exported.path.name == "rnd.zip"
    root = unpack(exported.path, tmp_path / "out")
    fill(root)
    # meanwhile, in the workspace: the same notes changed differently, another answer changed
    ws.set_notes("rnd.confidentiality", "已由体系专员改过")
    ws.answer("rnd.interview", "policy", "创新引领")
    back = repack(root, tmp_path / "back.zip", gbk_names=True)

    with packets.read_packet(back) as packet:
        preview = packets.preview_packet(ws, packet)
        changed = {
            (c.item_key, c.field, c.question_key): (c.packet, c.conflict) for c in preview.changes
        }
        assert changed == {
            ("rnd.cooperation_contracts", "status", ""): ("in_progress", False),
            ("rnd.initiation", "status", ""): ("ready", False),
            ("rnd.confidentiality", "notes", ""): ("改为电子登记", True),
            ("rnd.ip_plan", "notes", ""): ("年度规划见附件", False),
            ("rnd.interview", "answer", "duties"): ("负责研发项目的知识产权检索与保护", False),
            ("rnd.interview", "answer", "headcount"): ("15", False),
        }
        (conflict,) = preview.conflicts
        assert conflict.workspace == "已由体系专员改过" and conflict.base == "借阅登记在档案室"
        assert "G" not in conflict.where.zh and "J" in conflict.where.zh  # the notes column
        files = {(f.item_key, Path(f.name).name): f for f in preview.files}
        assert files[("rnd.cooperation_contracts", "空白.docx")].skip
        assert "空" in files[("rnd.cooperation_contracts", "空白.docx")].warning.zh
        # of the two files with the same content one is attached
        same = [
            files[("rnd.cooperation_contracts", n)]
            for n in ("合作开发合同_2025-06-18.pdf", "合同副本.pdf")
        ]
        assert sorted(f.skip for f in same) == [False, True]
        assert files[("rnd.ip_plan", "知识产权规划.pdf")].doc_date == dt.date(2025, 3, 5)
        assert files[("rnd.ip_plan", "知识产权规划.pdf")].date_source == "sheet"
        assert files[("rnd.projects", "立项报告.docx")].slot == "1/initiation"
        stray = [p for p in preview.problems if "随手放的.txt" in p.where.zh]
        assert stray and "不在任何条目的文件夹" in stray[0].message.zh

        applied = packets.apply_packet(ws, preview)

    assert not applied.cancelled and not applied.problems
    assert [c.key for c in applied.kept] == [conflict.key]
    after = ws.states()
    assert after["rnd.confidentiality"].notes == "已由体系专员改过"  # not overwritten
    assert after["rnd.cooperation_contracts"].status is Status.IN_PROGRESS
    assert after["rnd.initiation"].status is Status.READY
    assert after["rnd.ip_plan"].notes == "年度规划见附件"
    assert after["rnd.interview"].answers == {
        "headcount": "15",
        "duties": "负责研发项目的知识产权检索与保护",
        "policy": "创新引领",
    }
    # nothing outside the department moved
    for key, state in before.items():
        if not key.startswith("rnd."):
            assert after[key] == state
    attached = {
        (e.item_key, e.original_name): e for e in ws.evidence() if e.item_key.startswith("rnd.")
    }
    assert set(attached) == {
        ("rnd.cooperation_contracts", "合作开发合同_2025-06-18.pdf"),
        ("rnd.ip_plan", "知识产权规划.pdf"),
        ("rnd.projects", "立项报告.docx"),
    }
    assert attached[
        ("rnd.cooperation_contracts", "合作开发合同_2025-06-18.pdf")
    ].doc_date == dt.date(2025, 6, 18)
    assert attached[("rnd.ip_plan", "知识产权规划.pdf")].doc_date == dt.date(2025, 3, 5)
    assert attached[("rnd.projects", "立项报告.docx")].slot == "1/initiation"
    assert all(e.department == "rnd" for e in ws.evidence())

    # importing the same packet again changes nothing and attaches nothing twice
    with packets.read_packet(back) as packet:
        again = packets.preview_packet(ws, packet)
        assert [c.key for c in again.changes] == [conflict.key]
        assert not again.attachable


def test_taking_the_packets_value_on_a_conflict(ws: Workspace, tmp_path: Path):
    exported = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip")
    root = unpack(exported.path, tmp_path / "out")
    fill(root)
    ws.set_notes("rnd.confidentiality", "已由体系专员改过")
    with packets.read_packet(root) as packet:  # the unpacked folder is a packet too
        preview = packets.preview_packet(ws, packet)
        (conflict,) = preview.conflicts
        applied = packets.apply_packet(ws, preview, {conflict.key: True})
    assert not applied.kept
    assert ws.state("rnd.confidentiality").notes == "改为电子登记"


def test_an_edit_after_the_preview_is_not_overwritten(ws: Workspace, tmp_path: Path):
    exported = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip")
    root = unpack(exported.path, tmp_path / "out")
    fill(root)
    with packets.read_packet(root) as packet:
        preview = packets.preview_packet(ws, packet)
        ws.set_notes("rnd.ip_plan", "预览之后改的")
        applied = packets.apply_packet(ws, preview)
    assert ws.state("rnd.ip_plan").notes == "预览之后改的"
    title = ws.template.item("rnd.ip_plan").title.zh
    assert [p.where.zh for p in applied.problems] == [title]  # named by its title, never its key
    assert "没有保存" in applied.problems[0].message.zh
    assert "rnd.ip_plan" not in applied.problems[0].message.zh
    assert ws.state("rnd.initiation").status is Status.READY  # the other items went in


def test_a_status_typed_by_hand_is_reported_with_its_cell(ws: Workspace, tmp_path: Path):
    exported = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip")
    root = unpack(exported.path, tmp_path / "out")
    book = root / "部门清单.xlsx"
    wb = load_workbook(book)
    sheet = wb["部门清单"]
    row = rows_by_key(sheet)[("rnd.ip_plan", "")]
    sheet.cell(row, col("status")).value = "差不多好了"
    wb.save(book)
    with packets.read_packet(root) as packet:
        preview = packets.preview_packet(ws, packet)
    assert not preview.changes
    (problem,) = preview.problems
    assert f"G{row}" in problem.where.zh and "部门清单" in problem.where.zh
    assert "差不多好了" in problem.message.zh and "已就绪" in problem.message.zh


def test_a_tampered_hidden_sheet_is_refused(ws: Workspace, tmp_path: Path):
    exported = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip")
    root = unpack(exported.path, tmp_path / "out")
    book = root / "部门清单.xlsx"
    wb = load_workbook(book)
    wb[px.ITEMS_SHEET].cell(3, 2).value = 99
    wb.save(book)
    with packets.read_packet(root) as packet, pytest.raises(PacketRefused) as exc:
        packets.preview_packet(ws, packet)
    assert px.ITEMS_SHEET in exc.value.zh and "第 3 行" in exc.value.zh and "改动" in exc.value.zh


def test_a_packet_of_another_workspace_or_department_is_refused(ws: Workspace, tmp_path: Path):
    exported = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip")
    other = Workspace.create(tmp_path / "b.ipaudit", INFO)
    try:
        with packets.read_packet(exported.path) as packet, pytest.raises(PacketRefused) as exc:
            packets.preview_packet(other, packet)
        assert "不是从本工作区导出的" in exc.value.zh and str(exported.path) in exc.value.zh
    finally:
        other.close()
    with packets.read_packet(exported.path) as packet, pytest.raises(PacketRefused) as exc:
        packets.preview_packet(ws, packet, department="finance")
    assert "部门视图" in exc.value.zh


def test_not_a_packet(tmp_path: Path):
    plain = tmp_path / "x.zip"
    with zipfile.ZipFile(plain, "w") as zf:
        zf.writestr("a.txt", "hello")
    with pytest.raises(PacketRefused) as exc:
        packets.read_packet(plain)
    assert "找不到填报包的工作簿" in exc.value.zh
    (tmp_path / "y.zip").write_bytes(b"not a zip")
    with pytest.raises(PacketRefused):
        packets.read_packet(tmp_path / "y.zip")


def test_the_workbook_is_protected_with_lists_and_hidden_keys(ws: Workspace, tmp_path: Path):
    exported = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip")
    root = unpack(exported.path, tmp_path / "out")
    wb = load_workbook(root / "部门清单.xlsx")
    sheet = wb["部门清单"]
    assert sheet.protection.sheet and sheet.protection.insertRows and sheet.protection.deleteRows
    assert wb.security is not None and wb.security.lockStructure
    assert hidden_column(sheet, 1) and hidden_column(sheet, 2)
    assert [wb[n].sheet_state for n in (px.META_SHEET, px.ITEMS_SHEET, px.FOLDERS_SHEET)] == [
        "hidden"
    ] * 3
    (lists,) = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert lists.formula1 == '"未开始,进行中,已就绪,不适用"'
    rows = rows_by_key(sheet)
    item_row, question_row = rows[("rnd.interview", "")], rows[("rnd.interview", "duties")]
    assert f"G{item_row}" in str(lists.sqref)
    assert not sheet.cell(item_row, col("status")).protection.locked
    assert sheet.cell(item_row, col("answer")).protection.locked
    assert not sheet.cell(question_row, col("answer")).protection.locked
    assert sheet.cell(question_row, col("status")).protection.locked
    assert sheet.cell(item_row, col("title")).protection.locked
    # one empty folder per item, named readably
    items = [p.name for p in (root / "新证据文件").iterdir()]
    assert len(items) == 10 and "01 研发部访谈：人数、在研项目、职责与目标" in items


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.slow
def test_protection_survives_libreoffice(ws: Workspace, tmp_path: Path):
    exported = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip")
    root = unpack(exported.path, tmp_path / "out")
    fill(root)
    converted = resave(root / "部门清单.xlsx", tmp_path / "lo")
    shutil.copyfile(converted, root / "部门清单.xlsx")
    wb = load_workbook(root / "部门清单.xlsx")
    sheet = wb["部门清单"]
    assert sheet.protection.sheet and sheet.protection.insertRows and sheet.protection.deleteRows
    assert [wb[n].sheet_state for n in (px.META_SHEET, px.ITEMS_SHEET, px.FOLDERS_SHEET)] == [
        "hidden"
    ] * 3
    assert any(v.type == "list" for v in sheet.data_validations.dataValidation)
    assert hidden_column(sheet, 1) and hidden_column(sheet, 2)
    row = rows_by_key(sheet)[("rnd.interview", "duties")]
    assert not sheet.cell(row, col("answer")).protection.locked
    with packets.read_packet(root) as packet:
        preview = packets.preview_packet(ws, packet)
    # only what the department head did: the stray file, and an item marked ready with findings
    assert all("随手放的" in p.where.zh or "已就绪" in p.message.zh for p in preview.problems)
    assert {(c.item_key, c.field, c.question_key) for c in preview.changes} >= {
        ("rnd.initiation", "status", ""),
        ("rnd.interview", "answer", "duties"),
        ("rnd.ip_plan", "notes", ""),
    }


def test_values_excel_would_mangle_come_back_unchanged(ws: Workspace, tmp_path: Path):
    ws.answer("rnd.interview", "duties", "=负责检索")  # looks like a formula
    ws.set_notes("rnd.ip_plan", "第一行\r\n第二行\x0b")  # a control character XML refuses
    exported = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip")
    root = unpack(exported.path, tmp_path / "out")
    wb = load_workbook(root / "部门清单.xlsx")
    rows = rows_by_key(wb["部门清单"])
    assert (
        wb["部门清单"].cell(rows[("rnd.interview", "duties")], col("answer")).value == "=负责检索"
    )
    wb.save(root / "部门清单.xlsx")  # opened and saved again, nothing typed
    with packets.read_packet(root) as packet:
        preview = packets.preview_packet(ws, packet)
    assert not preview.changes and not preview.problems


def test_not_applicable_needs_a_reason_and_never_on_a_mandatory_item(ws: Workspace, tmp_path: Path):
    from ipaudit.domain.rules import is_mandatory

    mandatory = next(i for i in ws.items_of("hr_admin") if is_mandatory(ws.template, i))
    exported = packets.export_packet(ws, "hr_admin", tmp_path / "hr.zip")
    root = unpack(exported.path, tmp_path / "out")
    book = root / "部门清单.xlsx"
    wb = load_workbook(book)
    sheet = wb["部门清单"]
    rows = rows_by_key(sheet)
    optional = next(k for (k, q) in rows if not q and not is_mandatory(ws.template, ws.item(k)))
    sheet.cell(rows[(mandatory.key, "")], col("status")).value = "不适用"
    sheet.cell(rows[(optional, "")], col("status")).value = "不适用"
    wb.save(book)
    with packets.read_packet(root) as packet:
        preview = packets.preview_packet(ws, packet)
        assert [(c.item_key, c.packet) for c in preview.changes] == [(optional, "not_applicable")]
        texts = [p.message.zh for p in preview.problems]
        assert any("必备要求" in t for t in texts) and any("没有写理由" in t for t in texts)
        packets.apply_packet(ws, preview)
    assert ws.state(mandatory.key).status is Status.NOT_STARTED
    assert ws.state(optional).status is Status.NOT_APPLICABLE


def test_rows_inserted_after_unprotecting_are_reported_and_the_rest_read_by_key(
    ws: Workspace, tmp_path: Path
):
    exported = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip")
    root = unpack(exported.path, tmp_path / "out")
    book = root / "部门清单.xlsx"
    wb = load_workbook(book)
    sheet = wb["部门清单"]
    sheet.protection.sheet = False  # what a determined user does
    sheet.insert_rows(px.FIRST_ROW + 2, amount=2)
    sheet.cell(px.FIRST_ROW + 2, col("notes")).value = "自己加的一行"
    rows = rows_by_key(sheet)  # the rows below moved down two
    sheet.cell(rows[("rnd.ip_plan", "")], col("notes")).value = "移动后的备注"
    wb.save(book)
    with packets.read_packet(root) as packet:
        preview = packets.preview_packet(ws, packet)
    assert [(c.item_key, c.field, c.packet) for c in preview.changes] == [
        ("rnd.ip_plan", "notes", "移动后的备注")
    ]
    (problem,) = preview.problems
    assert (
        f"第 {px.FIRST_ROW + 2} 行" in problem.where.zh and "不属于任何条目" in problem.message.zh
    )


def test_cancelling_stops_between_items_and_says_what_was_stored(ws: Workspace, tmp_path: Path):
    exported = packets.export_packet(ws, "rnd", tmp_path / "rnd.zip")
    root = unpack(exported.path, tmp_path / "out")
    fill(root)
    asked = []

    def cancel() -> bool:
        asked.append(1)
        return len(asked) > 2  # after two items

    before = ws.states()
    with packets.read_packet(root) as packet:
        preview = packets.preview_packet(ws, packet)
        applied = packets.apply_packet(ws, preview, cancel=cancel)
    assert applied.cancelled and len(applied.states) == 2 and not applied.evidence
    stored = {after.item_key for _before, after in applied.states}
    for _before, after in applied.states:
        assert ws.state(after.item_key) == after
    untouched = {c.item_key for c in preview.changes} - stored
    assert untouched
    for key in untouched:  # as before: stored then, or still never stored
        assert ws.state(key) == before[key] if key in before else ws.state(key).version == 0
