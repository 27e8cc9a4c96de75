"""The auditor's request list as certification bodies send it: sections merged across the table
(a department, a clause heading), numbering 1 / 1.1 / 一、, a 备注/说明 column, a clause column,
one table per department, a title and blank rows above the header, the same request twice — read
the same as the tidy one-table list; a corrected, renumbered list keeps the user's matches."""

from __future__ import annotations

import random
import re
import shutil
import tempfile
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ipaudit.cli import EXIT_INPUT, main
from ipaudit.services import Workspace, request_list
from tests.cb_documents import (
    REQUEST_CLAUSES,
    REQUEST_DEPARTMENTS,
    REQUEST_NOTES,
    Ask,
    messy_requests,
    read_back,
    tidy_requests,
)
from tests.integration.test_request_list_sheets import TITLES
from tests.libreoffice import resave

# one spelling of each title: "《知识产权经费使用台账》" and "知识产权经费使用台账" are one request
UNIQUE_TITLES = sorted({re.sub(r"[\W_]+", "", t): t for t in sorted(set(TITLES))}.values())


def _merged_row(table: object, text: str) -> None:
    row = table.add_row()  # type: ignore[attr-defined]
    cell = row.cells[0].merge(row.cells[-1])
    cell.text = text


def _row(table: object, *values: str) -> None:
    row = table.add_row()  # type: ignore[attr-defined]
    for cell, v in zip(row.cells, values, strict=True):
        cell.text = v


def test_a_word_list_with_sections_numbering_notes_and_clauses(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("第二阶段审核所需资料清单")
    table = doc.add_table(rows=0, cols=4)
    _row(table, "序号", "需提供的资料", "标准条款", "备注/说明")
    _merged_row(table, "一、行政人事部")
    _row(table, "1", "员工劳动合同", "7.1.3", "抽查3份")
    _row(table, "2", "保密协议", "7.1.3", "")
    _merged_row(table, "二、研发部")
    _row(table, "3", "研发项目立项检索报告", "8.1", "原件")
    _row(table, "4", "员工劳动合同", "7.1.3", "研发人员")  # another department's: kept
    _row(table, "5", "研发项目立项检索报告", "8.1", "近一年")  # the same request again
    path = tmp_path / "清单.docx"
    doc.save(str(path))
    found = request_list.read_requests(path)
    assert [(r.number, r.title, r.department, r.clause, r.note) for r in found] == [
        ("1", "员工劳动合同", "行政人事部", "7.1.3", "抽查3份"),
        ("2", "保密协议", "行政人事部", "7.1.3", ""),
        ("3", "研发项目立项检索报告", "研发部", "8.1", "原件；近一年"),
        ("4", "员工劳动合同", "研发部", "7.1.3", "研发人员"),
    ]


def test_nested_numbering_and_clause_headings(tmp_path: Path) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=0, cols=3)
    _row(table, "编号", "文件/记录名称", "说明")
    _row(table, "1", "财务部", "")
    _merged_row(table, "7.1.4 财务资源")
    _row(table, "1.1", "知识产权经费使用台账", "")
    _row(table, "1.2", "发明人奖励发放登记表", "近一年")
    _row(table, "2", "市场部", "")
    _merged_row(table, "第8.4条")
    _row(table, "2.1", "产品上市前的知识产权风险评估", "")
    path = tmp_path / "清单.docx"
    doc.save(str(path))
    found = request_list.read_requests(path)
    assert [(r.number, r.department, r.clause) for r in found] == [
        ("1.1", "财务部", "7.1.4"),
        ("1.2", "财务部", "7.1.4"),
        ("2.1", "市场部", "8.4"),
    ]


def test_one_table_per_department(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("审核资料清单")
    for heading, titles in (
        ("一、行政人事部需提供的资料", ["员工劳动合同", "保密协议"]),
        ("二、研发部需提供的资料", ["研发项目立项检索报告"]),
        ("部门：财务部", ["知识产权经费使用台账", "发明人奖励发放登记表"]),
    ):
        doc.add_paragraph(heading)
        table = doc.add_table(rows=0, cols=3)
        _row(table, "序号", "资料名称", "备注")
        for n, t in enumerate(titles, 1):
            _row(table, str(n), t, "")
    path = tmp_path / "分部门清单.docx"
    doc.save(str(path))
    found = request_list.read_requests(path)
    assert [(r.number, r.department) for r in found] == [
        ("1", "行政人事部"),
        ("2", "行政人事部"),
        ("1-5", "研发部"),  # each table numbers from 1: the number stays unique
        ("1-7", "财务部"),
        ("2-8", "财务部"),
    ]
    assert len({r.row for r in found}) == 5  # the list's order across the tables


def test_an_xlsx_with_a_title_and_blank_rows_above_its_header(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.append(["星海智能装备有限公司 知识产权管理体系认证 审核资料清单"])
    sh.append([])
    sh.append([])
    sh.append(["条款", "序号", "文件名称", "备注"])
    sh.append(["7.1.3", 1, "员工劳动合同", "抽查"])
    sh.append([None, None, None, None])
    sh.append(["8.1", 2, "研发项目立项检索报告", None])
    path = tmp_path / "清单.xlsx"
    wb.save(path)
    found = request_list.read_requests(path)
    assert [(r.number, r.title, r.clause, r.note) for r in found] == [
        ("1", "员工劳动合同", "7.1.3", "抽查"),
        ("2", "研发项目立项检索报告", "8.1", ""),
    ]


def test_one_sheet_of_department_blocks_each_with_its_header(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    sh = wb.active
    for department, titles in (("研发部", ["技术交底书"]), ("财务部", ["知识产权经费使用台账"])):
        sh.append([department])
        sh.append(["序号", "资料名称", "备注"])
        for n, title in enumerate(titles, 1):
            sh.append([n, title, None])
        sh.append([])
    path = tmp_path / "清单.xlsx"
    wb.save(path)
    found = request_list.read_requests(path)
    assert [(r.title, r.department) for r in found] == [
        ("技术交底书", "研发部"),
        ("知识产权经费使用台账", "财务部"),
    ]


def test_an_xls_written_by_libreoffice_reads_as_its_xlsx(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:  # pragma: no cover - installed where these tests run
        pytest.skip("LibreOffice is not installed: no .xls can be written")
    asks = [Ask(t, "研发部", "", "8.1") for t in UNIQUE_TITLES[:4]]
    tidy = tidy_requests(tmp_path / "清单.xlsx", asks)
    xls = resave(tidy, tmp_path / "lo", "xls")
    assert xls.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    assert read_back(request_list.read_requests(xls)) == [a.key() for a in asks]


def test_the_cli_refuses_a_doc_saying_to_save_it_as_docx(
    demo_path: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    old = tmp_path / "审核资料清单.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    assert main(["requests-import", str(demo_path), str(old)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "审核资料清单.doc" in err and "另存为 .docx" in err


def test_a_renumbered_list_keeps_the_users_matches(demo_path: Path, tmp_path: Path) -> None:
    asks = [
        Ask(t, "行政人事部", "", "") for t in ("员工劳动合同", "保密协议", "外部审核员资格证书")
    ]
    with Workspace.open(demo_path) as ws:
        request_list.import_requests(ws, tidy_requests(tmp_path / "a.xlsx", asks))
        request_list.set_match(ws, "2", ("hr.confidentiality_agreements",))
        request_list.set_match(ws, "3", ())  # no item holds it
        # the corrected list: a line added on top, so every number moves by one
        moved = [Ask("营业执照复印件", "行政人事部", "", ""), *asks]
        found = request_list.import_requests(ws, tidy_requests(tmp_path / "b.xlsx", moved))
        by_title = {ln.request.title: ln for ln in found}
        assert len(found) == 4
        assert by_title["保密协议"].number == "3" and by_title["保密协议"].confirmed
        assert by_title["保密协议"].matched == ("hr.confidentiality_agreements",)
        assert by_title["外部审核员资格证书"].confirmed
        assert by_title["外部审核员资格证书"].matched == ()
        assert not by_title["营业执照复印件"].confirmed


def test_a_clause_column_prefers_the_items_of_that_clause(demo_path: Path, tmp_path: Path) -> None:
    with Workspace.open(demo_path) as ws:
        clauses = request_list._item_clauses(ws)
        plain = [Ask("相关记录", "", "", "")]
        request_list.import_requests(ws, tidy_requests(tmp_path / "a.xlsx", plain))
        (without,) = request_list.lines(ws)
        clause = clauses[without.candidates[-1].item_key]
        asked = [Ask("相关记录", "", "", clause)]
        (with_clause,) = request_list.import_requests(ws, tidy_requests(tmp_path / "b.xlsx", asked))
        assert with_clause.request.clause == clause
        top = with_clause.candidates[0].item_key
        assert clauses[top] == clause or clauses[top].startswith(clause + ".")


# --- the same in any layout -----------------------------------------------------------------------

asks_strategy = st.lists(
    st.tuples(
        st.sampled_from(UNIQUE_TITLES),
        st.sampled_from(REQUEST_DEPARTMENTS),
        st.sampled_from(REQUEST_NOTES),
        st.sampled_from(REQUEST_CLAUSES),
    ),
    min_size=2,
    max_size=12,
    unique_by=lambda t: t[0],
).map(
    lambda ts: sorted(
        (Ask(*t) for t in ts), key=lambda a: (REQUEST_DEPARTMENTS.index(a.department), a.clause)
    )
)
# a list is recognised by what it holds: at least half its lines read as documents or records
# (a list of only 风险评估 and 考核情况 lines is refused in any layout: see reads_as_request)
asks_strategy = asks_strategy.filter(
    lambda asks: (
        sum(request_list.reads_as_request(a.title) for a in asks)
        >= request_list.REQUEST_SHARE * len(asks)
    )
)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    asks=asks_strategy, suffix=st.sampled_from([".docx", ".xlsx"]), seed=st.integers(0, 2**32 - 1)
)
# the layout repeats a line that is not a document's name: still one request of two
@example(
    asks=[
        Ask("上次审核不符合项的整改及验证记录", "研发部", "", "6.2"),
        Ask("知识产权目标分解及考核情况", "研发部", "", "6.2"),
    ],
    suffix=".docx",
    seed=33302,
)
def test_lists_in_any_layout_read_as_the_tidy_list(asks: list[Ask], suffix: str, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tidy = tidy_requests(Path(tmp) / "tidy.xlsx", asks)
        messy = Path(tmp) / f"messy{suffix}"
        messy_requests(messy, asks, random.Random(seed))
        expected = [a.key() for a in asks]
        assert read_back(request_list.read_requests(tidy)) == expected
        assert read_back(request_list.read_requests(messy)) == expected
