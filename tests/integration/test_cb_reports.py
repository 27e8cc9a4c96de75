"""The certification body's nonconformity report as it is sent: one Word form per nonconformity
(label/value rows in any order and layout, two pairs a row, merged cells, tick boxes, a cover
table, a summary table, the action on a second page), read the same as the tidy list; old and
other formats refused saying what to do; a corrected report imported again updates the actions
and keeps what the user wrote into them."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.cli import EXIT_INPUT, EXIT_OK, main
from ipaudit.domain import corrective_actions as ca
from ipaudit.domain.model import Grade
from ipaudit.services import Workspace, nc_report
from ipaudit.services import corrective_actions as actions
from ipaudit.store.errors import InvalidInput
from tests.cb_documents import (
    ACTIONS,
    CLAUSES,
    DEPARTMENTS,
    FINDINGS,
    Nc,
    form_report,
    got,
    tidy_report,
)
from tests.libreoffice import resave


@pytest.fixture
def ws(demo_path: Path) -> Iterator[Workspace]:
    with Workspace.open(demo_path) as w:
        yield w


def _table(doc: object, rows: list[list[str]], merges: tuple[tuple[int, int, int], ...] = ()):
    table = doc.add_table(rows=len(rows), cols=4)  # type: ignore[attr-defined]
    for r, c0, c1 in merges:
        table.cell(r, c0).merge(table.cell(r, c1))
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            if v:
                table.cell(r, c).text = v
    return table


def two_forms(path: Path) -> Path:
    """A report as a certification body writes it: a cover, then two forms."""
    doc = docx.Document()
    doc.add_paragraph("知识产权管理体系认证 不符合项报告")
    _table(
        doc,
        [
            ["受审核组织", "星海智能装备有限公司", "", ""],
            ["审核日期", "2025年11月24日至26日", "审核类型", "监督审核"],
        ],
        ((0, 1, 3),),
    )
    doc.add_paragraph("不符合项报告  编号：NC-01")
    _table(
        doc,
        [
            ["受审核部门", "研发部", "不符合条款", "GB/T 29490-2023 8.3.2"],
            [
                "不符合事实描述",
                "抽查研发项目“智能巡检机器人”，未见立项阶段的专利检索报告。\n审核员：王审",
                "",
                "",
            ],
            ["不符合类型", "□严重  ☑一般", "要求完成日期", "2026年1月20日"],
        ],
        ((1, 1, 3),),
    )
    doc.add_paragraph("不符合项报告")
    _table(
        doc,
        [
            ["不符合项编号：NC-02", "", "", ""],
            ["受审部门：行政人事部", "", "", ""],
            ["不符合事实：", "", "", ""],
            ["现场查看员工劳动合同3份，均未约定知识产权归属条款。", "", "", ""],
            ["条款", "7.1.4", "性质", "严重不符合"],
            ["原因分析", "", "", ""],
            ["纠正措施", "", "", ""],
        ],
        ((0, 0, 3), (1, 0, 3), (2, 0, 3), (3, 0, 3), (5, 1, 3), (6, 1, 3)),
    )
    doc.save(str(path))
    return path


def test_forms_are_read_one_nonconformity_each(tmp_path: Path) -> None:
    got_rows = nc_report.parse_report(two_forms(tmp_path / "不符合项报告.docx"))
    assert [(r.number, r.department, r.clause, r.grade, r.raised, r.due) for r in got_rows] == [
        ("NC-01", "研发部", "8.3.2", Grade.MINOR, dt.date(2025, 11, 24), dt.date(2026, 1, 20)),
        ("NC-02", "行政人事部", "7.1.4", Grade.MAJOR, dt.date(2025, 11, 24), None),
    ]
    assert got_rows[0].finding.endswith("未见立项阶段的专利检索报告。")  # no signature in it
    assert got_rows[1].finding == "现场查看员工劳动合同3份，均未约定知识产权归属条款。"
    assert "表格 2" in got_rows[0].where and "table 3" in got_rows[1].where


def test_the_forms_become_actions_of_their_departments(ws: Workspace, tmp_path: Path) -> None:
    done = actions.import_report(ws, two_forms(tmp_path / "不符合项报告.docx"))
    assert [(a.department, a.clause, a.grade, a.origin) for a in done.created] == [
        ("rnd", "8.3.2", Grade.MINOR, "不符合项报告.docx#NC-01"),
        ("hr_admin", "7.1.4", Grade.MAJOR, "不符合项报告.docx#NC-02"),
    ]


def test_a_form_without_its_description_is_refused_naming_table_and_row(
    ws: Workspace, tmp_path: Path
) -> None:
    doc = docx.Document()
    _table(doc, [["受审核部门", "研发部", "条款", "8.3.2"], ["不符合事实描述", "", "", ""]])
    _table(doc, [["受审核部门", "", "条款", ""], ["不符合事实描述", "", "", ""]])  # blank
    path = tmp_path / "报告.docx"
    doc.save(str(path))
    with pytest.raises(InvalidInput) as caught:
        actions.import_report(ws, path)
    zh = caught.value.zh
    assert (
        "报告.docx" in zh and "表格 1第 2 行" in zh and "不符合事实" in zh and "未作任何更改" in zh
    )
    assert "Table 1" in caught.value.en and "row 2" in caught.value.en
    assert actions.actions(ws) == []


def test_a_label_merged_down_over_several_rows_gathers_their_text(tmp_path: Path) -> None:
    doc = docx.Document()
    table = _table(
        doc,
        [
            ["受审核部门", "研发部", "条款", "8.3.2"],
            ["不符合事实描述", "抽查项目“智能巡检机器人”：", "", ""],
            ["", "未见立项阶段的专利检索报告。", "", ""],
            ["不符合类型", "一般", "", ""],
        ],
        ((1, 1, 3), (2, 1, 3)),
    )
    table.cell(1, 0).merge(table.cell(2, 0))  # the label spans the two rows of the description
    path = tmp_path / "r.docx"
    doc.save(str(path))
    (row,) = nc_report.parse_report(path)
    assert row.finding == "抽查项目“智能巡检机器人”：\n未见立项阶段的专利检索报告。"
    assert (row.department, row.clause, row.grade) == ("研发部", "8.3.2", Grade.MINOR)


def test_the_number_in_the_forms_title_row(tmp_path: Path) -> None:
    doc = docx.Document()
    _table(
        doc,
        [
            ["不符合项报告    No.：NC-07", "", "", ""],
            ["受审核部门", "财务部", "条款", "7.1.4"],
            ["不符合事实描述", FINDINGS[3], "", ""],
        ],
        ((0, 0, 3), (2, 1, 3)),
    )
    path = tmp_path / "r.docx"
    doc.save(str(path))
    (row,) = nc_report.parse_report(path)
    assert (row.number, row.department, row.clause) == ("NC-07", "财务部", "7.1.4")


def test_a_note_like_a_form_beside_the_list_is_not_the_report(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    sh = wb.active
    sh.title = "不符合项"
    sh.append(["序号", "受审核部门", "不符合事实", "条款"])
    sh.append([1, "研发部", FINDINGS[0], "8.3.2"])
    sh.append([2, "财务部", FINDINGS[4], "7.1.6"])
    note = wb.create_sheet("填写说明")
    note.append(["不符合事实描述：写明审核发现的事实、地点和证据"])
    note.append(["纠正措施：由受审核方填写"])
    wb.save(tmp_path / "r.xlsx")
    assert [r.number for r in nc_report.parse_report(tmp_path / "r.xlsx")] == ["1", "2"]


def test_a_blank_form_after_the_filled_ones_is_skipped(tmp_path: Path) -> None:
    path = two_forms(tmp_path / "r.docx")
    doc = docx.Document(str(path))
    _table(doc, [["受审核部门", "", "条款", ""], ["不符合事实描述", "", "", ""]])
    doc.save(str(path))
    assert len(nc_report.parse_report(path)) == 2


@pytest.mark.parametrize(
    ("name", "head", "what"),
    [
        ("报告.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "Word 97"),
        ("报告.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        ("报告.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "WPS"),
        ("清单.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "WPS"),
        ("改名的旧文档.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "旧版"),
        ("扫描件.docx", b"%PDF-1.4\n", "PDF"),
    ],
    ids=["doc", "pdf", "wps", "et", "doc-named-docx", "pdf-named-docx"],
)
def test_old_and_other_formats_are_refused_saying_to_save_as_docx(
    ws: Workspace, tmp_path: Path, name: str, head: bytes, what: str
) -> None:
    from ipaudit.services import request_list

    path = tmp_path / name
    path.write_bytes(head)
    for do in (
        lambda: actions.import_report(ws, path),
        lambda: request_list.import_requests(ws, path),
    ):
        with pytest.raises(InvalidInput) as caught:
            do()
        zh, en = caught.value.zh, caught.value.en
        assert name in zh and what in zh and ".docx" in zh and ".xlsx" in zh, zh
        assert "未作任何更改" in zh and "nothing was changed" in en
    assert actions.actions(ws) == [] and request_list.lines(ws) == []


def test_the_cli_refuses_a_pdf_with_exit_input(demo_path: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "不符合项报告.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    assert main(["actions-import", str(demo_path), str(pdf)]) == EXIT_INPUT
    assert "另存为 .docx" in capsys.readouterr().err


# --- reading the same in any layout -----------------------------------------------------------------

ncs_strategy = st.lists(
    st.tuples(
        st.sampled_from(FINDINGS),
        st.sampled_from(DEPARTMENTS),
        st.sampled_from(CLAUSES),
        st.sampled_from([Grade.MAJOR, Grade.MINOR]),
        st.sampled_from([None, dt.date(2026, 2, 28), dt.date(2026, 3, 15)]),
        st.sampled_from(ACTIONS),
    ),
    min_size=1,
    max_size=5,
    unique_by=lambda t: t[0],
).map(
    lambda ts: [
        Nc(f"NC-{n:02d}", d, c, f, g, due, a) for n, (f, d, c, g, due, a) in enumerate(ts, 1)
    ]
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    ncs=ncs_strategy,
    raised=st.sampled_from([None, dt.date(2025, 11, 24)]),
    summary=st.booleans(),
    seed=st.integers(0, 2**32 - 1),
)
def test_forms_in_any_layout_read_as_the_tidy_list(
    ncs: list[Nc], raised: dt.date | None, summary: bool, seed: int
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        forms = Path(tmp) / "forms.docx"
        written = form_report(forms, ncs, raised, random.Random(seed), summary=summary)
        tidy = tidy_report(Path(tmp) / "tidy.xlsx", written, raised)
        expected = [nc.row(raised) for nc in written]
        assert got(nc_report.parse_report(tidy)) == expected
        assert got(nc_report.parse_report(forms)) == expected


def test_an_xls_written_by_libreoffice_reads_as_its_xlsx(tmp_path: Path) -> None:
    if shutil.which("soffice") is None:  # pragma: no cover - installed where these tests run
        pytest.skip("LibreOffice is not installed: no .xls can be written")
    ncs = [Nc("NC-01", "研发部", "8.3.2", FINDINGS[0], Grade.MINOR, dt.date(2026, 2, 28))]
    tidy = tidy_report(tmp_path / "报告.xlsx", ncs, dt.date(2025, 11, 24))
    xls = resave(tidy, tmp_path / "lo", "xls")
    assert xls.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    assert got(nc_report.parse_report(xls)) == got(nc_report.parse_report(tidy))


# --- importing again ----------------------------------------------------------------------------


def test_a_corrected_report_updates_and_keeps_what_the_user_wrote(
    ws: Workspace, tmp_path: Path
) -> None:
    first = [
        Nc("NC-01", "研发部", "8.3.2", FINDINGS[0], Grade.MINOR),
        Nc("NC-02", "行政人事部", "7.1.4", FINDINGS[1], Grade.MINOR),
        Nc("NC-03", "市场部", "6.2", FINDINGS[2], Grade.MINOR),
    ]
    form_report(tmp_path / "报告.docx", first, dt.date(2025, 11, 24), random.Random(1))
    made = actions.import_report(ws, tmp_path / "报告.docx").created
    assert len(made) == 3
    evidence = ws.evidence()[0]
    actions.edit(
        ws,
        made[1].key,
        root_cause="合同模板多年未修订",
        action="修订劳动合同模板并补签",
        owner="王芳",
        evidence_ids=(evidence.id,),
    )
    corrected = [
        replace(first[0], clause="8.3.1", department="生产部"),  # clause and department corrected
        replace(first[1], grade=Grade.MAJOR, finding=FINDINGS[1].replace("3份", "三份")),
        first[2],
        Nc("NC-04", "财务部", "7.1.6", FINDINGS[4], Grade.MINOR),  # one more
    ]
    form_report(
        tmp_path / "报告（修订版）.docx", corrected, dt.date(2025, 11, 24), random.Random(2)
    )
    done = actions.import_report(ws, tmp_path / "报告（修订版）.docx")
    assert [a.origin for a in done.created] == ["报告（修订版）.docx#NC-04"]
    assert [(b.key, a.clause, a.department, a.grade) for b, a in done.updated] == [
        (made[0].key, "8.3.1", "production", Grade.MINOR),
        (made[1].key, "7.1.4", "hr_admin", Grade.MAJOR),
    ]
    assert [a.key for a in done.unchanged] == [made[2].key]
    kept = actions.get(ws, made[1].key)
    assert (kept.root_cause, kept.action, kept.owner, kept.evidence_ids) == (
        "合同模板多年未修订",
        "修订劳动合同模板并补签",
        "王芳",
        (evidence.id,),
    )
    assert "三份" in kept.finding and kept.grade is Grade.MAJOR
    assert len(actions.actions(ws)) == 4
    again = actions.import_report(ws, tmp_path / "报告（修订版）.docx")
    assert again.changed == [] and len(again.unchanged) == 4


def test_a_nonconformity_withdrawn_from_the_report_is_said_not_removed(
    ws: Workspace, tmp_path: Path
) -> None:
    ncs = [
        Nc("NC-01", "研发部", "8.3.2", FINDINGS[0], Grade.MINOR),
        Nc("NC-02", "财务部", "7.1.6", FINDINGS[4], Grade.MINOR),
    ]
    made = actions.import_report(ws, tidy_report(tmp_path / "a.xlsx", ncs, None)).created
    done = actions.import_report(ws, tidy_report(tmp_path / "b.xlsx", ncs[:1], None))
    assert [a.key for a in done.absent] == [made[1].key]
    assert len(actions.actions(ws)) == 2  # kept for the user to delete
    other = actions.import_report(
        ws, tidy_report(tmp_path / "c.xlsx", ncs[:1], dt.date(2026, 11, 20))
    )
    assert other.absent == ()  # next year's report says nothing of this year's actions


def test_a_list_without_numbers_is_matched_by_clause_and_description(
    ws: Workspace, tmp_path: Path
) -> None:
    import openpyxl

    def write(name: str, rows: list[list[str]]) -> Path:
        wb = openpyxl.Workbook()
        sh = wb.active
        sh.append(["受审核部门", "不符合事实", "条款", "类型"])
        for r in rows:
            sh.append(r)
        wb.save(tmp_path / name)
        return tmp_path / name

    write(
        "a.xlsx",
        [["研发部", FINDINGS[0], "8.3.2", "一般"], ["财务部", FINDINGS[4], "7.1.6", "一般"]],
    )
    made = actions.import_report(ws, tmp_path / "a.xlsx").created
    actions.edit(ws, made[0].key, root_cause="立项流程缺检索节点")
    # the rows swapped, one word corrected, one grade raised: no duplicate
    write(
        "b.xlsx",
        [
            ["财务部", FINDINGS[4], "7.1.6", "严重"],
            ["研发部", FINDINGS[0].replace("抽查", "现场抽查"), "8.3.2", "一般"],
        ],
    )
    done = actions.import_report(ws, tmp_path / "b.xlsx")
    assert done.created == ()
    assert sorted(b.key for b, _a in done.updated) == sorted(a.key for a in made)
    assert actions.get(ws, made[0].key).root_cause == "立项流程缺检索节点"
    assert actions.get(ws, made[1].key).grade is Grade.MAJOR
    assert len(actions.actions(ws)) == 2


def test_another_source_or_audit_is_not_matched(ws: Workspace, tmp_path: Path) -> None:
    ncs = [Nc("NC-01", "研发部", "8.3.2", FINDINGS[0], Grade.MINOR)]
    tidy_report(tmp_path / "r.xlsx", ncs, dt.date(2025, 11, 24))
    internal = actions.import_report(ws, tmp_path / "r.xlsx", source=ca.NcSource.INTERNAL_AUDIT)
    assert len(internal.created) == 1
    assert len(actions.import_report(ws, tmp_path / "r.xlsx").created) == 1  # the external one
    tidy_report(tmp_path / "next_year.xlsx", ncs, dt.date(2026, 11, 20))
    assert len(actions.import_report(ws, tmp_path / "next_year.xlsx").created) == 1


def test_the_cli_says_what_was_new_and_what_was_updated(
    demo_path: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    ncs = [
        Nc("NC-01", "研发部", "8.3.2", FINDINGS[0], Grade.MINOR),
        Nc("NC-02", "财务部", "7.1.6", FINDINGS[4], Grade.MINOR),
    ]
    form_report(tmp_path / "r1.docx", ncs, None, random.Random(3))
    assert main(["actions-import", str(demo_path), str(tmp_path / "r1.docx")]) == EXIT_OK
    assert "已导入 2 项新的不符合项，更新 0 项，0 项未变" in capsys.readouterr().out
    form_report(
        tmp_path / "r2.docx", [ncs[0], replace(ncs[1], grade=Grade.MAJOR)], None, random.Random(4)
    )
    assert main(["actions-import", str(demo_path), str(tmp_path / "r2.docx")]) == EXIT_OK
    assert "已导入 0 项新的不符合项，更新 1 项，1 项未变" in capsys.readouterr().out
    form_report(tmp_path / "r3.docx", [ncs[0]], None, random.Random(5))
    assert main(["actions-import", str(demo_path), str(tmp_path / "r3.docx")]) == EXIT_OK
    said = capsys.readouterr().out
    assert "以下 1 项同一次审核的纠正措施不在这份报告中" in said and "CA-002" in said
