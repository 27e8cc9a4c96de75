"""The auditor's request list on real files: an xlsx list written by LibreOffice and a docx table,
titles worded unlike the checklist, matched to the right items for most lines, the user's
correction kept (also across a re-import), and coverage that changes when evidence is attached."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from ipaudit.cli import EXIT_INPUT, EXIT_OK, main
from ipaudit.domain.model import Status
from ipaudit.domain.request_list import Coverage
from ipaudit.services import Workspace, request_list
from tests.factories import INFO
from tests.libreoffice import resave

# (department, title as certification bodies write it, the checklist item it asks for)
LIST: list[tuple[str, str, str]] = [
    ("知识产权小组", "知识产权管理手册（现行版）", "ipo.manual"),
    ("知识产权小组", "程序文件清单", "ipo.procedures"),
    ("管理层", "管理评审报告及签到", "mgmt.management_review"),
    ("知识产权小组", "内审计划、内审检查表及不符合报告", "ipo.internal_audit"),
    ("行政人事部", "培训签到单及培训记录", "hr.trainings"),
    ("行政人事部", "员工劳动合同", "hr.labour_contracts"),
    ("行政人事部", "保密合同", "hr.confidentiality_agreements"),
    ("财务部", "《知识产权经费使用台账》", "fin.expense_record"),
    ("财务部", "知识产权奖金发放记录", "fin.bonus_register"),
    ("行政人事部", "离职人员交接清单", "hr.exit_handover"),
    ("行政人事部", "新员工入职背调表", "hr.background_checks"),
    ("知识产权小组", "目标分解表", "ipo.objectives_list"),
    ("市场部", "知识产权风险评估报告", "mkt.risk_assessment"),
    ("行政人事部", "采购合同（含知识产权条款）", "proc.contract_clauses"),
    ("研发部", "技术交底书", "rnd.disclosures"),
    ("知识产权小组", "营业执照复印件", "ipo.business_licence"),
    ("知识产权小组", "组织机构图", "ipo.org_chart"),
    ("知识产权小组", "合理化建议审批表", "ipo.suggestions"),
    ("行政人事部", "年度培训计划", "hr.training_plans"),
    ("财务部", "奖惩记录", "fin.reward_record"),
    ("行政人事部", "离职面谈记录", "hr.exit_interviews"),
    ("知识产权小组", "相关方需求识别", "ipo.interested_parties"),
    ("知识产权小组", "受控文件清单及发放回收记录", "ipo.document_control"),
    ("研发部", "研发项目立项报告及检索报告", "rnd.projects"),
    ("知识产权小组", "专利、商标、软著台账", "ipo.portfolio_register"),
]


@pytest.fixture(scope="module")
def lists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The list as an xlsx saved again by LibreOffice (title row, header, sections) and as a
    docx table (with a merged title row)."""
    folder = tmp_path_factory.mktemp("lists")
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "审核资料清单"
    sheet.append(["XX认证有限公司 二阶段审核资料清单"])
    sheet.append([])
    sheet.append(["序号", "提供部门", "需提供的文件名称", "备注"])
    for n, (dep, title, _key) in enumerate(LIST, 1):
        sheet.append([n, dep, title, "原件" if n % 3 == 0 else None])
    raw = folder / "raw.xlsx"
    wb.save(raw)
    out: dict[str, Path] = {}
    if shutil.which("soffice"):
        out["xlsx"] = resave(raw, folder / "lo")
        # LibreOffice wrote it: its name in the document's application property
        with zipfile.ZipFile(out["xlsx"]) as zf:
            assert b"LibreOffice" in zf.read("docProps/app.xml")
    else:  # pragma: no cover - LibreOffice is installed where these tests run
        out["xlsx"] = raw

    document = docx.Document()
    document.add_paragraph("审核资料需求清单")
    table = document.add_table(rows=2, cols=3)
    title_row = table.rows[0].cells
    merged = title_row[0].merge(title_row[2])
    merged.text = "监督审核 文件资料清单"
    header = table.rows[1].cells
    header[0].text, header[1].text, header[2].text = "编号", "资料名称", "说明"
    section = ""
    for n, (dep, title, _key) in enumerate(LIST, 1):
        if dep != section:  # a section row per department, as many lists have
            section = dep
            cells = table.add_row().cells
            cells[1].text = f"（{n}）{dep}"
        cells = table.add_row().cells
        cells[0].text, cells[1].text = f"A{n:02d}", title
    out["docx"] = folder / "list.docx"
    document.save(out["docx"])
    return out


def test_the_libreoffice_xlsx_is_read_by_its_header(lists: dict[str, Path]) -> None:
    found = request_list.read_requests(lists["xlsx"])
    assert [r.title for r in found] == [t for _d, t, _k in LIST]
    assert [r.number for r in found[:3]] == ["1", "2", "3"]
    assert found[2].note == "原件" and found[0].note == ""
    assert found[0].department == "知识产权小组"
    assert found[0].row == 4


def test_the_docx_table_is_read_with_its_sections(lists: dict[str, Path]) -> None:
    found = request_list.read_requests(lists["docx"])
    assert [r.title for r in found] == [t for _d, t, _k in LIST]
    assert found[0].number == "A01"
    # the department comes from the section rows
    assert [r.department for r in found] == [d for d, _t, _k in LIST]


def test_most_titles_find_their_item_first(demo_path: Path, lists: dict[str, Path]) -> None:
    with Workspace.open(demo_path) as ws:
        found = request_list.import_requests(ws, lists["xlsx"])
    assert len(found) == len(LIST)
    top = [ln.candidates[0].item_key if ln.candidates else None for ln in found]
    right = sum(1 for t, (_d, _t, key) in zip(top, LIST, strict=True) if t == key)
    in_five = sum(
        1
        for ln, (_d, _t, key) in zip(found, LIST, strict=True)
        if key in [c.item_key for c in ln.candidates]
    )
    assert right / len(LIST) >= 0.85, list(zip(top, LIST, strict=True))
    assert in_five / len(LIST) >= 0.95
    # a proposal is shown to the user, not decided for them
    assert not any(ln.confirmed for ln in found)
    proposed = {ln.number: ln.matched for ln in found}
    assert proposed["1"] == ("ipo.manual",)


def test_the_users_correction_sticks_across_a_reimport(
    demo_path: Path, lists: dict[str, Path]
) -> None:
    with Workspace.open(demo_path) as ws:
        request_list.import_requests(ws, lists["xlsx"])
        number = str(
            next(n for n, (_d, _t, k) in enumerate(LIST, 1) if k == "ipo.portfolio_register")
        )
        corrected = request_list.set_match(ws, number, ["ipo.portfolio_register"])
        assert corrected.confirmed and corrected.matched == ("ipo.portfolio_register",)
        request_list.set_match(ws, "2", [])  # no item holds it: missing until one does
    with Workspace.open(demo_path) as ws:
        again = {ln.number: ln for ln in request_list.import_requests(ws, lists["xlsx"])}
        assert again[number].matched == ("ipo.portfolio_register",) and again[number].confirmed
        assert again["2"].matched == () and again["2"].confirmed
        cov = {rc.line.number: rc.coverage for rc in request_list.coverage(ws)}
        assert cov["2"] is Coverage.MISSING


def test_coverage_changes_when_evidence_is_attached(tmp_path: Path, lists: dict[str, Path]) -> None:
    path = tmp_path / "new.ipaudit"
    with Workspace.create(path, INFO) as ws:
        request_list.import_requests(ws, lists["xlsx"])
        manual = next(rc for rc in request_list.coverage(ws) if rc.line.number == "1")
        assert manual.line.matched == ("ipo.manual",)
        # a proposal counts as neither covered nor missing until the user confirms it; what it
        # would be is on its item
        assert manual.coverage is Coverage.TO_CONFIRM
        assert [ic.coverage for ic in manual.items] == [Coverage.MISSING]
        request_list.set_match(ws, "1", ["ipo.manual"])
        manual = next(rc for rc in request_list.coverage(ws) if rc.line.number == "1")
        assert manual.coverage is Coverage.MISSING

        doc = tmp_path / "知识产权管理手册.pdf"
        doc.write_bytes(b"%PDF-1.4 manual")
        ws.attach(
            "ipo.manual",
            doc,
            title="知识产权管理手册",
            doc_date=INFO.period_start,
        )
        after = next(rc for rc in request_list.coverage(ws) if rc.line.number == "1")
        assert after.coverage is Coverage.PARTLY  # evidence, item not marked ready yet
        ws.set_status("ipo.manual", Status.READY, force=True)
        done = next(rc for rc in request_list.coverage(ws) if rc.line.number == "1")
        assert done.coverage is Coverage.COVERED, done.items


def test_the_three_commands(
    demo_path: Path, lists: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["requests-import", str(demo_path), str(lists["docx"])]) == EXIT_OK
    assert "已导入 25 项请求" in capsys.readouterr().out

    assert main(["requests", str(demo_path), "--json"]) == EXIT_OK
    rows = json.loads(capsys.readouterr().out)
    assert [r["number"] for r in rows][:2] == ["A01", "A02"]
    # nothing confirmed yet: every line waits for the user, none counts as covered or missing
    assert {r["coverage"] for r in rows} <= {"to_confirm", "unmatched"}
    assert "to_confirm" in {r["coverage"] for r in rows}
    first = rows[0]
    assert first["items"][0]["item"] == "ipo.manual" and first["items"][0]["title"]

    assert main(["request-match", str(demo_path), "A25", "ipo.portfolio_register", "--json"]) == 0
    matched = json.loads(capsys.readouterr().out)
    assert matched["matched"] == ["ipo.portfolio_register"] and matched["confirmed"] is True

    assert main(["requests", str(demo_path)]) == EXIT_OK
    text = capsys.readouterr().out
    assert "A25" in text and "ipo.portfolio_register" in text
    assert "共 25 项：已确认 1 项中已覆盖" in text and "待确认 " in text and "未匹配 " in text

    assert main(["request-match", str(demo_path), "Z99", "ipo.manual"]) == EXIT_INPUT
    assert "Z99" in capsys.readouterr().err
    assert main(["request-match", str(demo_path), "A01", "no.such.item"]) == EXIT_INPUT


def test_a_file_without_a_list_is_bad_input(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.docx"
    docx.Document().save(empty)
    assert main(["requests-import", str(demo_path), str(empty)]) == EXIT_INPUT
    assert "资料清单" in capsys.readouterr().err
