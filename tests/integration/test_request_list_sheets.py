"""A request list is recognised by what its table holds: a ledger, a staff list or any other table
is refused with the file, the sheet and what was expected; the sheet that holds the list is found
among others; several such sheets are named for the user to choose (``--sheet``). Random
non-request tables are refused, the sample lists of the fixtures (and random lists made of their
lines) still accepted."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.cli import EXIT_INPUT, EXIT_OK, main
from ipaudit.demo.audit_day import REQUEST_LIST
from ipaudit.services import Workspace, request_list
from ipaudit.store.errors import InvalidInput
from tests.factories import INFO
from tests.integration.test_request_list import LIST

TITLES = [t for _dep, t, _key in LIST] + [t for _dep, t, _note in REQUEST_LIST]
DEPARTMENTS = ["研发部", "行政人事部", "财务部", "市场部", "生产部", "知识产权小组"]
NAMES = ["王强", "李娜", "陈晓东", "赵敏", "刘洋", "何静", "周杰", "蒋丽华", "马超", "Alice Wong"]
POSITIONS = [
    "知识产权专员",
    "研发工程师",
    "内审员",
    "部门经理",
    "会计",
    "出纳",
    "人事专员",
    "总经理",
    "管理者代表",
    "董事会秘书",
    "技术员",
]
EXPENSES = [
    "专利年费",
    "代理服务费",
    "商标注册费",
    "检索数据库年费",
    "差旅费",
    "发明人奖金",
    "培训费",
    "办公用品",
    "软件著作权登记费",
    "诉讼律师费",
]


def write(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A workbook with these sheets (a .csv: the first sheet's rows)."""
    if path.suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh).writerows(next(iter(sheets.values())))
        return path
    wb = openpyxl.Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def request_rows(titles: list[str]) -> list[list[object]]:
    rows: list[list[object]] = [["二阶段审核资料清单"], ["序号", "需提供的文件名称", "备注"]]
    rows += [[n, t, ""] for n, t in enumerate(titles, 1)]
    return rows


dates = st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)).map(lambda d: d.isoformat())
amounts = st.decimals(1, 99999, places=2).map(str)

ledgers = st.lists(
    st.tuples(dates, st.sampled_from(EXPENSES), amounts, st.sampled_from(NAMES)),
    min_size=3,
    max_size=25,
).map(lambda rows: [["日期", "摘要", "金额", "经办人"], *map(list, rows)])
staff_lists = st.lists(
    st.tuples(
        st.sampled_from(NAMES),
        st.sampled_from(DEPARTMENTS),
        st.sampled_from(POSITIONS),
        st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True),
    ),
    min_size=3,
    max_size=25,
).map(lambda rows: [["姓名", "部门", "职务", "电话"], *map(list, rows)])
# any table of words, numbers and dates without a header: what a wrong sheet may hold
cells = st.one_of(
    st.sampled_from(NAMES + DEPARTMENTS + POSITIONS + EXPENSES),
    amounts,
    dates,
    st.text(st.characters(whitelist_categories=["Lo", "Nd"]), min_size=1, max_size=6),
)
other_tables = st.lists(st.lists(cells, min_size=1, max_size=5), min_size=3, max_size=20)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(ledgers, staff_lists, other_tables))
def test_random_non_request_tables_are_refused(tmp_path: Path, rows: list[list[object]]) -> None:
    path = write(tmp_path / "台账.csv", {"台账": rows})
    with pytest.raises(InvalidInput) as refused:
        request_list.read_requests(path)
    text = refused.value.text.zh
    assert "台账.csv" in text and "工作表“台账”" in text and "资料清单应有一列" in text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    # a list is recognised by what it holds: at least half its different lines, the noise
    # lines too, name a document or record (three lines of which two are 相关方需求识别 and
    # 考核情况 are refused: see reads_as_request)
    st.lists(st.sampled_from(TITLES), min_size=3, max_size=30, unique=True).filter(
        lambda titles: (
            sum(request_list.reads_as_request(t) for t in titles)
            >= request_list.REQUEST_SHARE * (len(titles) + len(titles) // 3)
        )
    ),
    st.lists(st.sampled_from(NAMES + EXPENSES), max_size=3),
)
def test_lists_made_of_the_sample_lines_are_accepted(
    tmp_path: Path, titles: list[str], noise: list[str]
) -> None:
    """A list of the fixtures' lines, with up to three lines that name no document (a line
    written twice, but for punctuation, is read once)."""
    lines = titles + noise[: len(titles) // 3]
    path = write(tmp_path / "list.csv", {"list": request_rows(lines)})
    once = {re.sub(r"[\W_]+", "", t): t for t in reversed(lines)}  # the first of each
    expected = [t for t in lines if once[re.sub(r"[\W_]+", "", t)] == t]
    assert [r.title for r in request_list.read_requests(path)] == list(dict.fromkeys(expected))


def test_the_sample_lists_are_accepted(tmp_path: Path) -> None:
    for name, rows in (
        ("fixture", [dep_title for _dep, dep_title, _key in LIST]),
        ("demo", [title for _dep, title, _note in REQUEST_LIST]),
    ):
        path = write(tmp_path / f"{name}.xlsx", {"资料清单": request_rows(rows)})
        assert [r.title for r in request_list.read_requests(path)] == rows


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    """A ledger first, the request list second, a staff list third."""
    ledger = [
        ["日期", "摘要", "金额"],
        ["2026-03-01", "专利年费", 900],
        ["2026-04-01", "差旅费", 320],
    ]
    ledger += [["2026-05-01", "代理服务费", 4500]]
    staff = [
        ["姓名", "部门", "职务"],
        ["王强", "研发部", "部门经理"],
        ["何静", "行政人事部", "人事专员"],
    ]
    staff += [["李娜", "研发部", "研发工程师"]]
    return write(
        tmp_path / "审核通知.xlsx",
        {"费用台账": ledger, "资料清单": request_rows(TITLES[:12]), "人员": staff},
    )


def test_the_sheet_holding_the_list_is_found_among_others(workbook: Path) -> None:
    assert [r.title for r in request_list.read_requests(workbook)] == TITLES[:12]
    assert [t.name for t in request_list.request_sheets(workbook)] == ["资料清单"]


def test_a_named_sheet_without_a_list_is_refused_naming_file_and_sheet(workbook: Path) -> None:
    with pytest.raises(InvalidInput) as refused:
        request_list.read_requests(workbook, "费用台账")
    zh, en = refused.value.text.zh, refused.value.text.en
    assert (
        "审核通知.xlsx" in zh
        and "工作表“费用台账”" in zh
        and "项不同内容中只有 0 项像文件或记录名称" in zh
    )
    assert "sheet '费用台账'" in en and "only 0 of its" in en


def test_several_lists_are_named_and_one_is_chosen(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path / "two.xlsx",
        {"一阶段": request_rows(TITLES[:5]), "二阶段": request_rows(TITLES[5:15])},
    )
    with pytest.raises(InvalidInput) as refused:
        request_list.read_requests(path)
    assert (
        "“一阶段”（5 行）" in refused.value.text.zh and "“二阶段”（10 行）" in refused.value.text.zh
    )
    assert "--sheet" in refused.value.text.en
    ws_path = tmp_path / "w.ipaudit"
    Workspace.create(ws_path, INFO).close()
    assert main(["requests-import", str(ws_path), str(path)]) == EXIT_INPUT
    assert "--sheet" in capsys.readouterr().err
    assert main(["requests-import", str(ws_path), str(path), "--sheet", "二阶段"]) == EXIT_OK
    capsys.readouterr()
    with Workspace.open(ws_path) as ws:
        assert [ln.request.title for ln in request_list.lines(ws)] == TITLES[5:15]
    # the ledger named on the command line: refused, the list imported before stays
    ledger = write(
        tmp_path / "ledger.xlsx",
        {"台账": [["日期", "摘要", "金额"], ["2026-01-05", "差旅费", 300]]},
    )
    assert main(["requests-import", str(ws_path), str(ledger), "--sheet", "台账"]) == EXIT_INPUT
    assert "工作表“台账”" in capsys.readouterr().err
    with Workspace.open(ws_path) as ws:
        assert len(request_list.lines(ws)) == 10


def test_a_word_document_without_a_list_table_is_refused(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    for n, cell in enumerate(table.rows[0].cells):
        cell.text = ["姓名", "部门", "职务"][n]
    for name, dep, pos in [("王强", "研发部", "部门经理"), ("何静", "行政人事部", "人事专员")]:
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = name, dep, pos
    path = tmp_path / "人员.docx"
    document.save(path)
    with pytest.raises(InvalidInput) as refused:
        request_list.read_requests(path)
    assert "人员.docx" in refused.value.text.zh and "表格1" in refused.value.text.zh
    # a second table holding the list: that one is read
    document.add_paragraph("资料清单")
    lst = document.add_table(rows=1, cols=2)
    lst.rows[0].cells[0].text, lst.rows[0].cells[1].text = "序号", "资料名称"
    for n, title in enumerate(TITLES[:6], 1):
        row = lst.add_row().cells
        row[0].text, row[1].text = str(n), title
    document.save(path)
    assert [r.title for r in request_list.read_requests(path)] == TITLES[:6]
