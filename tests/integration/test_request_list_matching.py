"""The request list's matching on real files, independent of the list: a line's candidates and
proposal are the same whatever other lines the list holds; years, copy numbers and copy marks do
not hide a line's item; a footnote is no request; only confirmed lines count as covered, partly
covered or missing; an empty file is refused in the request list's words; 3,000 lines import."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.cli import EXIT_INPUT, EXIT_OK, main
from ipaudit.domain.request_list import AUTO_MATCH, Coverage
from ipaudit.services import Workspace, request_list
from tests.factories import INFO

# the list a certification body sent (as in the check of the product): 20 lines and a footnote
SENT = [
    "知识产权方针、目标文件",
    "知识产权手册（最新版）",
    "组织机构图及职责分配",
    "知识产权培训计划、签到表、培训记录",
    "员工入职知识产权背景调查表",
    "离职人员面谈记录及资料交接清单",
    "研发项目立项阶段检索报告",
    "采购合同（含知识产权条款）",
    "专利证书复印件、年费缴费凭证",
    "管理评审报告",
    "内部审核报告及不符合项报告",
    "知识产权奖惩记录、奖金发放记录",
    "合理化建议及审批表",
    "商标注册证",
    "软件著作权登记证书",
    "产品宣传材料发布前审查记录",
    "知识产权经费预算及使用台账",
    "信息检索数据库使用记录",
    "营业执照副本",
    "近一年无行政处罚承诺书",
]
FOOTNOTE = "注：以上资料请于审核前一周准备齐全"

# titles of the lines put around a line (all read as requests, so the list stays a list)
OTHERS = [
    *SENT,
    "劳动合同（2020年）",
    "采购合同（2021年）",
    "保密协议 第3份",
    "培训签到表（2022年 第2份）",
    "经费预算",
    "技术交底书",
    "外部审核员资格证书",
    "仓库出入库记录",
    "设备维护保养记录",
    "消防检查记录",
]


def write_list(path: Path, titles: list[str], *, notes: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "审核资料清单"
    sheet["A1"] = "第二阶段审核 需准备资料清单"
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(["序 号", "资料名称", "提供部门", "备注"])
    for n, title in enumerate(titles, 1):
        sheet.append([n, title, "", ""])
    for note in notes:
        sheet.append(["", note, "", ""])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ws") / "new.ipaudit"
    Workspace.create(path, INFO).close()
    return path


def _alone(ws: Workspace, folder: Path, title: str) -> request_list.RequestLine:
    (found,) = request_list.import_requests(ws, write_list(folder / "alone.xlsx", [title]))
    return found


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.sampled_from(OTHERS),
    st.lists(st.sampled_from(OTHERS), min_size=1, max_size=25),
    st.integers(0, 25),
)
def test_a_lines_match_does_not_depend_on_the_other_lines(
    workspace: Path, tmp_path: Path, title: str, others: list[str], at: int
) -> None:
    titles = [t for t in others if t != title]
    titles.insert(min(at, len(titles)), title)
    with Workspace.open(workspace) as ws:
        alone = _alone(ws, tmp_path, title)
        found = request_list.import_requests(ws, write_list(tmp_path / "list.xlsx", titles))
    (line,) = [ln for ln in found if ln.request.title == title]
    assert line.candidates == alone.candidates
    assert line.matched == alone.matched


def test_the_sent_list_waits_for_the_user_and_its_footnote_is_no_request(
    tmp_path: Path, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sent = write_list(tmp_path / "req.xlsx", SENT, notes=(FOOTNOTE,))
    assert main(["requests-import", str(demo_path), str(sent)]) == EXIT_OK
    assert "已导入 20 项请求" in capsys.readouterr().out
    with Workspace.open(demo_path) as ws:
        found = request_list.coverage(ws)
        assert [rc.line.request.title for rc in found] == SENT  # the footnote is not line 21
        by_title = {rc.line.request.title: rc for rc in found}
        # the manual with its edition finds the manual
        manual = by_title["知识产权手册（最新版）"]
        assert manual.line.matched == ("ipo.manual",)
        assert manual.line.candidates[0].score >= AUTO_MATCH
        # nothing confirmed: no line counts as covered or missing
        counts = request_list.summary(found)
        assert counts[Coverage.COVERED] == counts[Coverage.PARTLY] == counts[Coverage.MISSING] == 0
        assert counts[Coverage.TO_CONFIRM] + counts[Coverage.UNMATCHED] == len(SENT)
        assert counts[Coverage.TO_CONFIRM] == sum(1 for rc in found if rc.line.matched)
        # the user decides: a confirmed match is covered, partly or missing; "none" is missing
        request_list.set_match(ws, manual.line.number, ["ipo.manual"])
        trademark = by_title["商标注册证"].line.number
        request_list.set_match(ws, trademark, [])
        after = {rc.line.number: rc.coverage for rc in request_list.coverage(ws)}
        assert after[manual.line.number] in (Coverage.COVERED, Coverage.PARTLY, Coverage.MISSING)
        assert after[trademark] is Coverage.MISSING
        counts = request_list.summary(request_list.coverage(ws))
        assert sum(counts[c] for c in (Coverage.COVERED, Coverage.PARTLY, Coverage.MISSING)) == 2

    assert main(["requests", str(demo_path)]) == EXIT_OK
    text = capsys.readouterr().out
    assert "共 20 项：已确认 2 项中" in text and "缺失 1" in text
    assert "（建议，待确认；确认后：" in text
    assert "未匹配" in text and FOOTNOTE not in text
    assert main(["requests", str(demo_path), "--json"]) == EXIT_OK
    assert '"coverage": "to_confirm"' in capsys.readouterr().out


def test_an_empty_file_is_refused_in_the_request_lists_words(
    tmp_path: Path, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert main(["requests-import", str(demo_path), str(empty)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "empty.xlsx" in err and "资料清单" in err and "台账" not in err
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not a workbook")
    assert main(["requests-import", str(demo_path), str(damaged)]) == EXIT_INPUT
    err = capsys.readouterr().err
    assert "damaged.xlsx" in err and "资料清单" in err and "财务" not in err
    with Workspace.open(demo_path) as ws:
        assert request_list.lines(ws) == []


def test_three_thousand_lines_with_years_and_copy_numbers(tmp_path: Path, demo_path: Path) -> None:
    base = [
        "劳动合同",
        "保密协议",
        "培训签到表",
        "管理评审报告",
        "内审报告",
        "经费预算",
        "采购合同",
    ]
    titles = [f"{base[n % len(base)]}（{2020 + n % 7}年 第{n}份）" for n in range(3000)]
    big = write_list(tmp_path / "big.xlsx", titles)
    with Workspace.open(demo_path) as ws:
        start = time.perf_counter()
        found = request_list.import_requests(ws, big)
        took = time.perf_counter() - start
    assert len(found) == 3000
    # each title finds its item whatever its year and number: all 3,000 proposed
    assert all(ln.matched for ln in found), [ln.request.title for ln in found if not ln.matched]
    assert len({ln.matched for ln in found}) == len(base)
    assert took < 30, took  # about 2 s on the development machine (8.8 s before), kept loose
